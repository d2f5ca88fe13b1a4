//===- MLOps.cpp - ai.onnx.ml, text and preview ops -----------------------===//
//
// Verifiers and shape inference of the ops in OnnxMLOps.td.
//
//===----------------------------------------------------------------------===//

#include "dialects/Onnx/IR/MLOpsHelpers.h"
#include "dialects/Onnx/IR/OnnxOps.h"

#include "mlir/IR/DialectResourceBlobManager.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/TypeUtilities.h"

#include <cmath>
#include <cstring>

using namespace mlir;

namespace onnxc::onnx {
namespace {

constexpr int64_t kDyn = ShapedType::kDynamic;

bool isFloatTensor(Value v) { return isa<FloatType>(getElementType(v)); }

/// Fails unless `v` is unranked or has one of `ranks`.
LogicalResult checkRankIn(Operation *op, Value v, ArrayRef<int64_t> ranks,
                          StringRef name) {
  auto shape = getRankedShape(v);
  if (!shape || llvm::is_contained(ranks, (int64_t)shape->size()))
    return success();
  auto diag = op->emitOpError() << name << " must have rank ";
  llvm::interleave(ranks, diag, " or ");
  return diag << ", got " << shape->size();
}

/// The raw bytes of a dense resource attribute holding `count` elements of
/// `bytes` each, or an empty ArrayRef when the blob is missing or short.
ArrayRef<char> resourceBytes(ElementsAttr attr, int64_t count, int64_t bytes) {
  auto resource = dyn_cast<DenseResourceElementsAttr>(attr);
  if (!resource)
    return {};
  AsmResourceBlob *blob = resource.getRawHandle().getBlob();
  if (!blob)
    return {};
  ArrayRef<char> data = blob->getData();
  if (static_cast<int64_t>(data.size()) < count * bytes)
    return {};
  return data;
}

} // namespace

std::optional<SmallVector<double>> readFloatElements(ElementsAttr attr) {
  auto type = dyn_cast<FloatType>(attr.getElementType());
  if (!type)
    return std::nullopt;
  SmallVector<double> out;
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    for (APFloat v : dense.getValues<APFloat>())
      out.push_back(v.convertToDouble());
    return out;
  }
  int64_t n = attr.getNumElements();
  int64_t bytes = type.getWidth() / 8;
  ArrayRef<char> data = resourceBytes(attr, n, bytes);
  if (data.empty() && n > 0)
    return std::nullopt;
  for (int64_t i = 0; i < n; ++i) {
    uint64_t bits = 0;
    std::memcpy(&bits, data.data() + i * bytes, bytes);
    APFloat v(type.getFloatSemantics(), APInt(type.getWidth(), bits));
    out.push_back(v.convertToDouble());
  }
  return out;
}

std::optional<SmallVector<int64_t>> readIntElements(ElementsAttr attr) {
  auto type = dyn_cast<IntegerType>(attr.getElementType());
  if (!type || type.getWidth() > 64)
    return std::nullopt;
  SmallVector<int64_t> out;
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    for (APInt v : dense.getValues<APInt>())
      out.push_back(type.isUnsigned() ? static_cast<int64_t>(v.getZExtValue())
                                      : v.getSExtValue());
    return out;
  }
  int64_t n = attr.getNumElements();
  int64_t bytes = std::max<int64_t>(type.getWidth() / 8, 1);
  ArrayRef<char> data = resourceBytes(attr, n, bytes);
  if (data.empty() && n > 0)
    return std::nullopt;
  for (int64_t i = 0; i < n; ++i) {
    uint64_t bits = 0;
    std::memcpy(&bits, data.data() + i * bytes, bytes);
    APInt v(type.getWidth(), bits);
    out.push_back(type.isUnsigned() ? static_cast<int64_t>(v.getZExtValue())
                                    : v.getSExtValue());
  }
  return out;
}

//===----------------------------------------------------------------------===//
// Binarizer
//===----------------------------------------------------------------------===//

LogicalResult BinarizerOp::verify() {
  Type t = getElementType(getX());
  if (!isa<FloatType>(t) && !t.isInteger(32) && !t.isInteger(64))
    return emitOpError() << "X must be float, double, int32 or int64, got "
                         << t;
  return success();
}

LogicalResult BinarizerOp::inferShapes() {
  return inferSameShapeOp(getOperation());
}

//===----------------------------------------------------------------------===//
// ArrayFeatureExtractor
//===----------------------------------------------------------------------===//

LogicalResult ArrayFeatureExtractorOp::verify() {
  if (!getElementType(getY()).isInteger(64))
    return emitOpError() << "Y (the indices) must be int64, got "
                         << getElementType(getY());
  if (auto x = getRankedShape(getX()); x && x->empty())
    return emitOpError() << "X must have rank 1 or more";
  return success();
}

LogicalResult ArrayFeatureExtractorOp::inferShapes() {
  auto x = getRankedShape(getX());
  auto y = getRankedShape(getY());
  Type t = getElementType(getX());
  if (!x)
    return refineResultType(*this, 0, UnrankedTensorType::get(t));
  int64_t count = y ? 1 : kDyn;
  if (y)
    for (int64_t d : *y)
      count = (count == kDyn || d == kDyn) ? kDyn : count * d;
  SmallVector<int64_t> dims;
  if (x->size() == 1)
    dims.push_back(1);
  else
    dims.append(x->begin(), x->end() - 1);
  dims.push_back(count);
  return refineResultType(*this, 0, RankedTensorType::get(dims, t));
}

//===----------------------------------------------------------------------===//
// TreeEnsemble
//===----------------------------------------------------------------------===//

LogicalResult TreeEnsembleOp::verify() {
  if (!isFloatTensor(getX()))
    return emitOpError() << "X must be a float tensor, got "
                         << getElementType(getX());
  if (failed(checkRankIn(*this, getX(), {2}, "X")))
    return failure();
  int64_t nodes = getNodesFeatureids().size();
  int64_t leaves = getLeafTargetids().size();
  // (C1) one entry per node and per leaf.
  auto sameCount = [&](StringRef name, int64_t size) -> LogicalResult {
    if (size != nodes)
      return emitOpError() << name << " has " << size
                           << " entries, nodes_featureids has " << nodes;
    return success();
  };
  if (failed(sameCount("nodes_falseleafs", getNodesFalseleafs().size())) ||
      failed(sameCount("nodes_falsenodeids", getNodesFalsenodeids().size())) ||
      failed(sameCount("nodes_trueleafs", getNodesTrueleafs().size())) ||
      failed(sameCount("nodes_truenodeids", getNodesTruenodeids().size())) ||
      failed(sameCount("nodes_modes", getNodesModes().getNumElements())) ||
      failed(sameCount("nodes_splits", getNodesSplits().getNumElements())))
    return failure();
  if (auto tracks = getNodesMissingValueTracksTrue();
      tracks &&
      failed(sameCount("nodes_missing_value_tracks_true", tracks->size())))
    return failure();
  if (auto rates = getNodesHitrates();
      rates && failed(sameCount("nodes_hitrates", rates->getNumElements())))
    return failure();
  if (getLeafWeights().getNumElements() != leaves)
    return emitOpError() << "leaf_weights has "
                         << getLeafWeights().getNumElements()
                         << " entries, leaf_targetids has " << leaves;
  if (!isa<FloatType>(getLeafWeights().getElementType()) ||
      !isa<FloatType>(getNodesSplits().getElementType()))
    return emitOpError() << "leaf_weights and nodes_splits must be float "
                            "tensors";
  if (!isa<IntegerType>(getNodesModes().getElementType()))
    return emitOpError() << "nodes_modes must be an integer tensor";
  if (getAggregateFunction() < 0 || getAggregateFunction() > 3)
    return emitOpError() << "aggregate_function must be in 0..3, got "
                         << getAggregateFunction();
  if (getPostTransform() < 0 || getPostTransform() > 4)
    return emitOpError() << "post_transform must be in 0..4, got "
                         << getPostTransform();
  if (!getNTargets() || *getNTargets() <= 0 ||
      *getNTargets() > (int64_t(1) << 31))
    return emitOpError() << "n_targets is required and must be in 1..2^31";
  // (C3) target ids in range.
  for (int64_t t : getLeafTargetids())
    if (t < 0 || t >= *getNTargets())
      return emitOpError() << "leaf target id " << t << " is not in [0, "
                           << *getNTargets() << ")";
  auto x = getRankedShape(getX());
  int64_t features = x ? (*x)[1] : kDyn;
  auto modeValues = readIntElements(getNodesModes());
  auto splits = readFloatElements(getNodesSplits());
  auto weights = readFloatElements(getLeafWeights());
  if (!modeValues || !splits || !weights)
    return emitOpError() << "cannot read nodes_modes, nodes_splits or "
                            "leaf_weights";
  SmallVector<int64_t> modes = std::move(*modeValues);
  int64_t members = 0;
  for (int64_t i = 0; i < nodes; ++i) {
    if (modes[i] < 0 || modes[i] > 6)
      return emitOpError() << "node " << i << " has mode " << modes[i]
                           << ", which is not in 0..6";
    members += modes[i] == 6;
    int64_t f = getNodesFeatureids()[i];
    if (f < 0 || (features != kDyn && f >= features))
      return emitOpError() << "node " << i << " reads feature " << f
                           << ", X has " << features;
    // (C2) references in range.
    for (auto [leafFlag, id] :
         {std::pair(getNodesTrueleafs()[i], getNodesTruenodeids()[i]),
          std::pair(getNodesFalseleafs()[i], getNodesFalsenodeids()[i])}) {
      if (leafFlag != 0 && leafFlag != 1)
        return emitOpError() << "nodes_trueleafs and nodes_falseleafs must "
                                "hold 0 or 1";
      int64_t limit = leafFlag ? leaves : nodes;
      if (id < 0 || id >= limit)
        return emitOpError() << "node " << i << " refers to "
                             << (leafFlag ? "leaf " : "node ") << id
                             << ", which is not in [0, " << limit << ")";
    }
  }
  if (members) {
    auto values = getMembershipValues();
    if (!values || !isa<FloatType>(values->getElementType()))
      return emitOpError() << "MEMBER nodes need float membership_values";
    auto memberValues = readFloatElements(*values);
    if (!memberValues)
      return emitOpError() << "cannot read membership_values";
    int64_t sets = 0;
    for (double v : *memberValues)
      sets += std::isnan(v);
    if (sets != members)
      return emitOpError() << "membership_values holds " << sets
                           << " NaN-terminated sets for " << members
                           << " MEMBER nodes";
  }
  if (getTreeRoots().empty())
    return emitOpError() << "tree_roots must not be empty";
  // (C4) acyclic: a depth-first walk never meets a node on its own path.
  SmallVector<int8_t> state(nodes, 0); // 0 new, 1 on the path, 2 done
  for (int64_t root : getTreeRoots()) {
    if (root < 0 || root >= nodes)
      return emitOpError() << "tree root " << root << " is not in [0, " << nodes
                           << ")";
    if (state[root])
      continue;
    // (node, next child to visit: 0 true, 1 false, 2 none left)
    SmallVector<std::pair<int64_t, int>> stack = {{root, 0}};
    state[root] = 1;
    while (!stack.empty()) {
      auto &[node, child] = stack.back();
      if (child == 2) {
        state[node] = 2;
        stack.pop_back();
        continue;
      }
      bool leaf =
          child == 0 ? getNodesTrueleafs()[node] : getNodesFalseleafs()[node];
      int64_t next = child == 0 ? getNodesTruenodeids()[node]
                                : getNodesFalsenodeids()[node];
      ++child;
      if (leaf || state[next] == 2)
        continue;
      if (state[next] == 1)
        return emitOpError() << "the tree at root " << root
                             << " has a cycle through node " << next;
      state[next] = 1;
      stack.push_back({next, 0});
    }
  }
  return success();
}

LogicalResult TreeEnsembleOp::inferShapes() {
  auto x = getRankedShape(getX());
  int64_t n = x && x->size() == 2 ? (*x)[0] : kDyn;
  int64_t targets = getNTargets() ? *getNTargets() : kDyn;
  return refineResultType(
      *this, 0, RankedTensorType::get({n, targets}, getElementType(getX())));
}

//===----------------------------------------------------------------------===//
// LabelEncoder
//===----------------------------------------------------------------------===//

Type LabelEncoderOp::getKeyType() {
  Builder b(getContext());
  if (getKeysInt64s())
    return b.getI64Type();
  if (getKeysFloats())
    return b.getF32Type();
  if (auto t = getKeysTensor())
    return t->getElementType();
  return {};
}

Type LabelEncoderOp::getValueType() {
  Builder b(getContext());
  if (getValuesInt64s())
    return b.getI64Type();
  if (getValuesFloats())
    return b.getF32Type();
  if (auto t = getValuesTensor())
    return t->getElementType();
  return {};
}

LogicalResult LabelEncoderOp::verify() {
  // (C1) one source of keys and one of values, of equal length.
  int keySources = !!getKeysInt64s() + !!getKeysFloats() + !!getKeysTensor();
  int valueSources =
      !!getValuesInt64s() + !!getValuesFloats() + !!getValuesTensor();
  if (keySources != 1 || valueSources != 1)
    return emitOpError() << "needs exactly one of keys_int64s, keys_floats, "
                            "keys_tensor and one of values_int64s, "
                            "values_floats, values_tensor (string tables are "
                            "not supported)";
  int64_t keys = getKeysInt64s()   ? getKeysInt64s()->size()
                 : getKeysFloats() ? getKeysFloats()->size()
                                   : getKeysTensor()->getNumElements();
  int64_t values = getValuesInt64s()   ? getValuesInt64s()->size()
                   : getValuesFloats() ? getValuesFloats()->size()
                                       : getValuesTensor()->getNumElements();
  if (keys != values)
    return emitOpError() << "has " << keys << " keys and " << values
                         << " values";
  for (Type t : {getKeyType(), getValueType()})
    if (!t.isF32() && !t.isF64() && !t.isInteger(16) && !t.isInteger(32) &&
        !t.isInteger(64))
      return emitOpError() << "keys and values must be int16, int32, int64, "
                              "float or double, got "
                           << t;
  // (C2) keys of X's element type.
  Type x = getElementType(getX());
  auto signless = [](Type t) {
    if (auto i = dyn_cast<IntegerType>(t))
      return Type(IntegerType::get(t.getContext(), i.getWidth()));
    return t;
  };
  if (signless(x) != signless(getKeyType()))
    return emitOpError() << "the keys are " << getKeyType() << ", X is " << x;
  // (C3) a one-element default of the values' type.
  if (auto d = getDefaultTensor()) {
    if (d->getNumElements() != 1 || d->getElementType() != getValueType())
      return emitOpError() << "default_tensor must hold one " << getValueType()
                           << " value";
  }
  return success();
}

LogicalResult LabelEncoderOp::inferShapes() {
  Type t = getValueType();
  if (!t)
    return success();
  return inferSameShapeOp(getOperation(), t);
}

//===----------------------------------------------------------------------===//
// TfIdfVectorizer
//===----------------------------------------------------------------------===//

LogicalResult TfIdfVectorizerOp::verify() {
  Type t = getElementType(getX());
  if (!t.isInteger(32) && !t.isInteger(64))
    return emitOpError() << "X must be int32 or int64 (string inputs are not "
                            "supported), got "
                         << t;
  if (failed(checkRankIn(*this, getX(), {1, 2}, "X")))
    return failure();
  StringRef mode = getMode();
  if (mode != "TF" && mode != "IDF" && mode != "TFIDF")
    return emitOpError() << "mode \"" << mode
                         << "\" is not one of TF, IDF, TFIDF";
  int64_t minLen = getMinGramLength(), maxLen = getMaxGramLength();
  if (minLen < 1 || maxLen < minLen)
    return emitOpError() << "min_gram_length (" << minLen
                         << ") and max_gram_length (" << maxLen
                         << ") must satisfy 1 <= min <= max";
  if (getMaxSkipCount() < 0)
    return emitOpError() << "max_skip_count must not be negative";
  if (!getPoolInt64s())
    return emitOpError() << "pool_int64s is required (pool_strings is not "
                            "supported)";
  ArrayRef<int64_t> counts = getNgramCounts();
  int64_t poolSize = getPoolInt64s()->size();
  if (static_cast<int64_t>(counts.size()) != maxLen)
    return emitOpError() << "ngram_counts has " << counts.size()
                         << " entries, max_gram_length is " << maxLen;
  int64_t grams = 0;
  for (int64_t k = 0; k < maxLen; ++k) {
    int64_t begin = counts[k];
    int64_t end = k + 1 < maxLen ? counts[k + 1] : poolSize;
    if (begin < 0 || end < begin || end > poolSize)
      return emitOpError() << "ngram_counts must be non-decreasing offsets "
                              "into the pool of "
                           << poolSize << " ints";
    if ((end - begin) % (k + 1) != 0)
      return emitOpError() << "the " << end - begin << " pool ints of the "
                           << k + 1 << "-grams are not a multiple of " << k + 1;
    grams += (end - begin) / (k + 1);
  }
  if (static_cast<int64_t>(getNgramIndexes().size()) != grams)
    return emitOpError() << "ngram_indexes has " << getNgramIndexes().size()
                         << " entries, the pool holds " << grams << " n-grams";
  for (int64_t i : getNgramIndexes())
    if (i < 0 || i >= (int64_t(1) << 31))
      return emitOpError() << "ngram_indexes value " << i
                           << " is negative or too large";
  if (auto w = getWeights(); w && static_cast<int64_t>(w->size()) != grams)
    return emitOpError() << "weights has " << w->size() << " entries, the "
                         << "pool holds " << grams << " n-grams";
  return success();
}

LogicalResult TfIdfVectorizerOp::inferShapes() {
  int64_t width = 0;
  for (int64_t i : getNgramIndexes())
    width = std::max(width, i + 1);
  Type f32 = Float32Type::get(getContext());
  auto x = getRankedShape(getX());
  if (!x)
    return refineResultType(*this, 0, UnrankedTensorType::get(f32));
  SmallVector<int64_t> dims;
  if (x->size() == 2)
    dims.push_back((*x)[0]);
  dims.push_back(width);
  return refineResultType(*this, 0, RankedTensorType::get(dims, f32));
}

//===----------------------------------------------------------------------===//
// FlexAttention
//===----------------------------------------------------------------------===//

Type FlexAttentionOp::getPrecisionType() {
  MLIRContext *ctx = getContext();
  if (auto p = getSoftmaxPrecision()) {
    switch (*p) {
    case 10:
      return Float16Type::get(ctx);
    case 11:
      return Float64Type::get(ctx);
    case 16:
      return BFloat16Type::get(ctx);
    default:
      return Float32Type::get(ctx);
    }
  }
  return getElementType(getQ()).isF64() ? Type(Float64Type::get(ctx))
                                        : Type(Float32Type::get(ctx));
}

SmallVector<int64_t> FlexAttentionOp::getScoreShape() {
  auto q = getRankedShape(getQ());
  auto k = getRankedShape(getK());
  SmallVector<int64_t> dims(4, kDyn);
  if (q && q->size() == 4) {
    dims[0] = (*q)[0];
    dims[1] = (*q)[1];
    dims[2] = (*q)[2];
  }
  if (k && k->size() == 4) {
    if (dims[0] == kDyn)
      dims[0] = (*k)[0];
    dims[3] = (*k)[2];
  }
  return dims;
}

LogicalResult FlexAttentionOp::verify() {
  for (auto [value, name] : {std::pair(getQ(), "Q"), std::pair(getK(), "K"),
                             std::pair(getV(), "V")}) {
    if (!isFloatTensor(value))
      return emitOpError() << name << " must be a float tensor";
    if (failed(checkRankIn(*this, value, {4}, name)))
      return failure();
  }
  if (getElementType(getQ()) != getElementType(getK()) ||
      getElementType(getQ()) != getElementType(getV()))
    return emitOpError() << "Q, K and V must have the same element type";
  if (auto p = getSoftmaxPrecision();
      p && *p != 1 && *p != 10 && *p != 11 && *p != 16)
    return emitOpError() << "softmax_precision " << *p
                         << " is not float, float16, bfloat16 or double";
  auto q = getRankedShape(getQ()), k = getRankedShape(getK()),
       v = getRankedShape(getV());
  auto differ = [](int64_t a, int64_t b) {
    return a != kDyn && b != kDyn && a != b;
  };
  if (q && k && differ((*q)[3], (*k)[3]))
    return emitOpError() << "the head size of Q (" << (*q)[3] << ") and K ("
                         << (*k)[3] << ") differ";
  if (k && v && (differ((*k)[1], (*v)[1]) || differ((*k)[2], (*v)[2])))
    return emitOpError() << "K and V must have the same heads and sequence "
                            "length";
  if (q && k && (*q)[1] != kDyn && (*k)[1] != kDyn &&
      ((*k)[1] == 0 || (*q)[1] % (*k)[1] != 0))
    return emitOpError() << "the " << (*q)[1]
                         << " query heads are not a multiple of the " << (*k)[1]
                         << " key/value heads";
  for (auto [a, b2, what] :
       {std::tuple(q, k, "batch"), std::tuple(q, v, "batch")})
    if (a && b2 && differ((*a)[0], (*b2)[0]))
      return emitOpError() << "Q, K and V must have the same " << what
                           << " size";
  return success();
}

LogicalResult FlexAttentionOp::verifyRegions() {
  Type precision = getPrecisionType();
  SmallVector<int64_t> shape = getScoreShape();
  for (auto [region, name] : {std::pair(&getScoreMod(), "score_mod"),
                              std::pair(&getProbMod(), "prob_mod")}) {
    if (region->empty())
      continue;
    if (!region->hasOneBlock())
      return emitOpError() << name << " must have one block";
    Block &block = region->front();
    if (block.getNumArguments() != 1)
      return emitOpError() << name << " must take 1 input, it takes "
                           << block.getNumArguments();
    auto yield = dyn_cast<YieldOp>(block.getTerminator());
    if (!yield || yield.getNumOperands() != 1)
      return emitOpError() << name << " must end in onnx.Yield of 1 output";
    for (auto [type, what] :
         {std::pair(block.getArgument(0).getType(), "input"),
          std::pair(yield.getOperand(0).getType(), "output")}) {
      auto tensor = dyn_cast<TensorType>(type);
      if (!tensor || tensor.getElementType() != precision)
        return emitOpError() << name << " " << what << " must be a tensor of "
                             << precision << ", got " << type;
      if (tensor.hasRank() &&
          (tensor.getRank() != 4 ||
           failed(verifyCompatibleShape(tensor.getShape(), shape))))
        return emitOpError() << name << " " << what << " " << type
                             << " is not of the score shape [B, Hq, L, S]";
    }
  }
  return success();
}

LogicalResult FlexAttentionOp::inferShapes() {
  auto q = getRankedShape(getQ()), v = getRankedShape(getV());
  Type t = getElementType(getQ());
  if (!q || q->size() != 4)
    return refineResultType(*this, 0, UnrankedTensorType::get(t));
  SmallVector<int64_t> dims(*q);
  dims[3] = v && v->size() == 4 ? (*v)[3] : kDyn;
  return refineResultType(*this, 0, RankedTensorType::get(dims, t));
}

} // namespace onnxc::onnx
