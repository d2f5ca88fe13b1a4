//===- MLOps.cpp - onnx to linalg: ai.onnx.ml and text ops ----------------===//
//
// Binarizer, ArrayFeatureExtractor, TreeEnsemble and TfIdfVectorizer. The
// trees and n-gram pools are attributes: they become constant tables that
// linalg.generic bodies read with tensor.extract.
//
//===----------------------------------------------------------------------===//

#include "NNExtraCommon.h"

#include "dialects/Onnx/IR/MLOpsHelpers.h"

#include "mlir/Dialect/Arith/Utils/Utils.h"

#include <limits>

using namespace mlir;

namespace onnxc {
namespace lowering {
/// FlexAttention.cpp.
void populateFlexAttentionPatterns(const TypeConverter &converter,
                                   RewritePatternSet &patterns);
} // namespace lowering

namespace {

using namespace lowering;
using namespace lowering::nnx;

using IT = utils::IteratorType;

/// A 1-D arith.constant tensor of i64 values.
Value constI64Table(OpBuilder &b, Location loc, ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    b.getI64Type());
  return arith::ConstantOp::create(b, loc, type,
                                   DenseElementsAttr::get(type, values));
}

/// A 1-D arith.constant tensor of `elementType` floats.
Value constFloatTable(OpBuilder &b, Location loc, ArrayRef<double> values,
                      Type elementType) {
  auto type =
      RankedTensorType::get({static_cast<int64_t>(values.size())}, elementType);
  SmallVector<Attribute> attrs;
  for (double v : values)
    attrs.push_back(b.getFloatAttr(elementType, v));
  return arith::ConstantOp::create(b, loc, type,
                                   DenseElementsAttr::get(type, attrs));
}

/// Element `i` (an index value) of a 1-D table.
Value at(OpBuilder &b, Location loc, Value table, Value i) {
  return tensor::ExtractOp::create(b, loc, table, ValueRange{i});
}

Value toIndex(OpBuilder &b, Location loc, Value v) {
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
}

/// The verifiers have read these tables already: a failure here is a
/// compiler bug.
/// tensor.extract of `tensor` at `indices` whose last index is clamped into
/// [0, width); 0 when `width` is 0 (an empty last dim known only at run
/// time), without reading.
Value extractClamped(OpBuilder &b, Location loc, Value tensor,
                     SmallVector<Value> indices, Value width) {
  Type t = cast<RankedTensorType>(tensor.getType()).getElementType();
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value empty =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, width, zero);
  auto ifOp = scf::IfOp::create(
      b, loc, empty,
      [&](OpBuilder &nb, Location l) {
        scf::YieldOp::create(nb, l, ValueRange{createScalar(nb, l, t, 0)});
      },
      [&](OpBuilder &nb, Location l) {
        indices.back() = clampIndex(nb, l, indices.back(), width);
        scf::YieldOp::create(
            nb, l,
            ValueRange{tensor::ExtractOp::create(nb, l, tensor, indices)});
      });
  return ifOp.getResult(0);
}

SmallVector<double> floatValues(ElementsAttr attr) {
  auto values = onnx::readFloatElements(attr);
  assert(values && "verified float table");
  return values ? *values : SmallVector<double>();
}

SmallVector<int64_t> intValues(ElementsAttr attr) {
  auto values = onnx::readIntElements(attr);
  assert(values && "verified integer table");
  return values ? *values : SmallVector<int64_t>();
}

//===----------------------------------------------------------------------===//
// Binarizer
//===----------------------------------------------------------------------===//

struct BinarizerPattern : public OpConversionPattern<onnx::BinarizerOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::BinarizerOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = getConvertedResultType(getTypeConverter(), op);
    if (!type)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    Type t = type.getElementType();
    double threshold = op.getThreshold().convertToDouble();
    Value result = buildElementwise(
        rewriter, loc, type, {adaptor.getX()},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value x = args[0];
          Type f = isa<FloatType>(t) ? t : b.getF64Type();
          if (!isa<FloatType>(t))
            x = arith::SIToFPOp::create(b, l, f, x);
          Value above =
              arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT, x,
                                    createScalar(b, l, f, threshold));
          return arith::SelectOp::create(b, l, above, createScalar(b, l, t, 1),
                                         createScalar(b, l, t, 0));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// ArrayFeatureExtractor
//===----------------------------------------------------------------------===//

struct ArrayFeatureExtractorPattern
    : public OpConversionPattern<onnx::ArrayFeatureExtractorOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ArrayFeatureExtractorOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = getConvertedResultType(getTypeConverter(), op);
    Value x = adaptor.getX(), indices = adaptor.getY();
    auto xType = dyn_cast<RankedTensorType>(x.getType());
    auto yType = dyn_cast<RankedTensorType>(indices.getType());
    if (!type || !xType || !yType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    // The indices flattened to 1-D.
    if (yType.getRank() != 1) {
      SmallVector<ReassociationIndices> all(1);
      for (int64_t i = 0; i < yType.getRank(); ++i)
        all[0].push_back(i);
      int64_t n = 1;
      for (int64_t d : yType.getShape())
        n = ShapedType::isDynamic(d) || ShapedType::isDynamic(n)
                ? ShapedType::kDynamic
                : n * d;
      auto flatType = RankedTensorType::get({n}, yType.getElementType());
      indices =
          yType.getRank() == 0
              ? tensor::ExpandShapeOp::create(rewriter, loc, flatType, indices,
                                              ArrayRef<ReassociationIndices>{})
                    .getResult()
              : tensor::CollapseShapeOp::create(rewriter, loc, flatType,
                                                indices, all)
                    .getResult();
    }
    int64_t rank = type.getRank();
    int64_t xRank = xType.getRank();
    SmallVector<OpFoldResult> dims;
    if (xRank == 1)
      dims.push_back(rewriter.getIndexAttr(1));
    for (int64_t i = 0; i + 1 < xRank; ++i)
      dims.push_back(getDim(rewriter, loc, x, i));
    dims.push_back(getDim(rewriter, loc, indices, 0));
    Value init = createEmpty(rewriter, loc, type, dims);
    Value width = getValueOrCreateConstantIndexOp(
        rewriter, loc, getDim(rewriter, loc, x, xRank - 1));
    SmallVector<AffineMap> maps = {rewriter.getMultiDimIdentityMap(rank)};
    SmallVector<IT> iterators(rank, IT::parallel);
    Value result =
        buildGeneric(
            rewriter, loc, {}, {init}, maps, iterators,
            [&](OpBuilder &b, Location l, ValueRange) -> SmallVector<Value> {
              SmallVector<Value> ivs = getIterationIndices(b, l, rank);
              Value j = toIndex(b, l, at(b, l, indices, ivs.back()));
              SmallVector<Value> xIdx;
              if (xRank > 1)
                xIdx.append(ivs.begin(), ivs.end() - 1);
              xIdx.push_back(j);
              return {extractClamped(b, l, x, xIdx, width)};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// LabelEncoder
//===----------------------------------------------------------------------===//

/// One of the numeric key or value lists as a 1-D constant of `type`.
Value labelTable(OpBuilder &b, Location loc,
                 std::optional<ArrayRef<int64_t>> ints,
                 std::optional<ArrayRef<float>> floats,
                 std::optional<ElementsAttr> tensor, Type type) {
  if (ints)
    return constI64Table(b, loc, *ints);
  if (floats)
    return constFloatTable(
        b, loc, SmallVector<double>(floats->begin(), floats->end()), type);
  if (isa<FloatType>(type))
    return constFloatTable(b, loc, floatValues(*tensor), type);
  SmallVector<int64_t> values = intValues(*tensor);
  auto tableType =
      RankedTensorType::get({static_cast<int64_t>(values.size())}, type);
  SmallVector<APInt> bits;
  for (int64_t v : values)
    bits.push_back(APInt(type.getIntOrFloatBitWidth(), v, /*isSigned=*/true,
                         /*implicitTrunc=*/true));
  return arith::ConstantOp::create(b, loc, tableType,
                                   DenseElementsAttr::get(tableType, bits));
}

struct LabelEncoderPattern : public OpConversionPattern<onnx::LabelEncoderOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::LabelEncoderOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = getConvertedResultType(getTypeConverter(), op);
    Value x = adaptor.getX();
    auto xType = dyn_cast<RankedTensorType>(x.getType());
    if (!type || !xType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    Type kt = xType.getElementType(), vt = type.getElementType();
    Value keys = labelTable(rewriter, loc, op.getKeysInt64s(),
                            op.getKeysFloats(), op.getKeysTensor(), kt);
    Value values = labelTable(rewriter, loc, op.getValuesInt64s(),
                              op.getValuesFloats(), op.getValuesTensor(), vt);
    double fallback = op.getValuesFloats()
                          ? op.getDefaultFloat().convertToDouble()
                          : static_cast<double>(op.getDefaultInt64());
    if (auto d = op.getDefaultTensor()) {
      if (isa<FloatType>(vt))
        fallback = floatValues(*d).front();
      else
        fallback = static_cast<double>(intValues(*d).front());
    } else if (op.getValuesTensor()) {
      fallback = isa<FloatType>(vt) ? op.getDefaultFloat().convertToDouble()
                                    : static_cast<double>(op.getDefaultInt64());
    }
    int64_t count = cast<RankedTensorType>(keys.getType()).getDimSize(0);
    Value result = buildElementwise(
        rewriter, loc, type, {x},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value v = args[0];
          Value zero = arith::ConstantIndexOp::create(b, l, 0);
          Value one = arith::ConstantIndexOp::create(b, l, 1);
          Value n = arith::ConstantIndexOp::create(b, l, count);
          auto loop = scf::ForOp::create(
              b, l, zero, n, one, ValueRange{createScalar(b, l, vt, fallback)},
              [&](OpBuilder &b, Location l, Value i, ValueRange acc) {
                Value key = at(b, l, keys, i);
                Value eq;
                if (isa<FloatType>(kt)) {
                  // NaN keys match NaN inputs.
                  Value bothNaN = arith::AndIOp::create(
                      b, l,
                      arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, v,
                                            v),
                      arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO,
                                            key, key));
                  eq = arith::OrIOp::create(
                      b, l,
                      arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, v,
                                            key),
                      bothNaN);
                } else {
                  eq = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, v,
                                             key);
                }
                scf::YieldOp::create(
                    b, l,
                    ValueRange{arith::SelectOp::create(
                        b, l, eq, at(b, l, values, i), acc[0])});
              });
          return loop.getResult(0);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// TreeEnsemble
//===----------------------------------------------------------------------===//

/// Walks the trees once at compile time: the set of each MEMBER node
/// (membership_values are consumed in depth-first order, true branch first)
/// and the most nodes on a root-to-leaf path.
struct TreeTables {
  SmallVector<int64_t> memberOffset, memberCount;
  int64_t maxDepth = 0;
};

TreeTables walkTrees(onnx::TreeEnsembleOp op, ArrayRef<int64_t> modes,
                     ArrayRef<double> members) {
  int64_t nodes = op.getNodesFeatureids().size();
  TreeTables t;
  t.memberOffset.assign(nodes, 0);
  t.memberCount.assign(nodes, 0);
  SmallVector<int64_t> depth(nodes, -1);
  SmallVector<bool> seen(nodes, false);
  size_t next = 0;
  // Pre-order walk (true branch first) assigns the sets.
  for (int64_t root : op.getTreeRoots()) {
    SmallVector<int64_t> stack = {root};
    while (!stack.empty()) {
      int64_t n = stack.pop_back_val();
      if (seen[n])
        continue;
      seen[n] = true;
      if (modes[n] == 6) {
        t.memberOffset[n] = next;
        while (next < members.size() && !std::isnan(members[next]))
          ++next;
        t.memberCount[n] = next - t.memberOffset[n];
        ++next;
      }
      if (!op.getNodesFalseleafs()[n])
        stack.push_back(op.getNodesFalsenodeids()[n]);
      if (!op.getNodesTrueleafs()[n])
        stack.push_back(op.getNodesTruenodeids()[n]);
    }
  }
  // Heights, children first (the verifier ensures the trees are acyclic);
  // an explicit stack, as a degenerate tree can be a chain of any length.
  auto height = [&](int64_t root) -> int64_t {
    SmallVector<int64_t> stack = {root};
    while (!stack.empty()) {
      int64_t n = stack.back();
      if (depth[n] >= 0) {
        stack.pop_back();
        continue;
      }
      int64_t h = 0;
      bool ready = true;
      for (auto [leaf, next] :
           {std::pair(op.getNodesTrueleafs()[n], op.getNodesTruenodeids()[n]),
            std::pair(op.getNodesFalseleafs()[n],
                      op.getNodesFalsenodeids()[n])}) {
        if (leaf)
          continue;
        if (depth[next] < 0) {
          stack.push_back(next);
          ready = false;
        } else {
          h = std::max(h, depth[next]);
        }
      }
      if (ready) {
        depth[n] = h + 1;
        stack.pop_back();
      }
    }
    return depth[root];
  };
  for (int64_t root : op.getTreeRoots())
    t.maxDepth = std::max(t.maxDepth, height(root));
  return t;
}

struct TreeEnsemblePattern : public OpConversionPattern<onnx::TreeEnsembleOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::TreeEnsembleOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = getConvertedResultType(getTypeConverter(), op);
    Value x = adaptor.getX();
    if (!type || !isa<RankedTensorType>(x.getType()))
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    if (op.getPostTransform() == 4)
      return reportUnsupported(op, "post_transform 4 (PROBIT)");
    if (op.getNodesFeatureids().size() > (1 << 20) ||
        op.getLeafTargetids().size() > (1 << 20))
      return reportUnsupported(op, "more than 2^20 nodes or leaves");
    Type t = type.getElementType();
    SmallVector<int64_t> modes = intValues(op.getNodesModes());
    SmallVector<double> members;
    if (auto values = op.getMembershipValues())
      members = floatValues(*values);
    TreeTables tables = walkTrees(op, modes, members);
    if (members.empty())
      members.push_back(0);

    // The tables.
    SmallVector<int64_t> tracks(modes.size(), 0);
    if (auto m = op.getNodesMissingValueTracksTrue())
      tracks.assign(m->begin(), m->end());
    Value featureT = constI64Table(rewriter, loc, op.getNodesFeatureids());
    Value modeT = constI64Table(rewriter, loc, modes);
    Value splitT =
        constFloatTable(rewriter, loc, floatValues(op.getNodesSplits()), t);
    Value trueIdT = constI64Table(rewriter, loc, op.getNodesTruenodeids());
    Value falseIdT = constI64Table(rewriter, loc, op.getNodesFalsenodeids());
    Value trueLeafT = constI64Table(rewriter, loc, op.getNodesTrueleafs());
    Value falseLeafT = constI64Table(rewriter, loc, op.getNodesFalseleafs());
    Value tracksT = constI64Table(rewriter, loc, tracks);
    Value memberOffT = constI64Table(rewriter, loc, tables.memberOffset);
    Value memberCntT = constI64Table(rewriter, loc, tables.memberCount);
    Value membersT = constFloatTable(rewriter, loc, members, t);
    Value leafWeightT =
        constFloatTable(rewriter, loc, floatValues(op.getLeafWeights()), t);
    Value leafTargetT = constI64Table(rewriter, loc, op.getLeafTargetids());
    SmallVector<int64_t> roots(op.getTreeRoots()), rootLeaf;
    for (int64_t r : roots)
      rootLeaf.push_back(
          op.getNodesTrueleafs()[r] && op.getNodesFalseleafs()[r] &&
          op.getNodesTruenodeids()[r] == op.getNodesFalsenodeids()[r]);
    Value rootT = constI64Table(rewriter, loc, roots);
    Value rootLeafT = constI64Table(rewriter, loc, rootLeaf);
    int64_t numTrees = roots.size();

    Value width = getValueOrCreateConstantIndexOp(rewriter, loc,
                                                  getDim(rewriter, loc, x, 1));
    // leaf[n, tree]: the leaf each row reaches in each tree.
    auto leafType = RankedTensorType::get({type.getDimSize(0), numTrees},
                                          rewriter.getI64Type());
    Value leafInit = createEmpty(
        rewriter, loc, leafType,
        {getDim(rewriter, loc, x, 0), rewriter.getIndexAttr(numTrees)});
    Value leaves =
        buildGeneric(
            rewriter, loc, {}, {leafInit}, {rewriter.getMultiDimIdentityMap(2)},
            {IT::parallel, IT::parallel},
            [&](OpBuilder &b, Location l, ValueRange) -> SmallVector<Value> {
              SmallVector<Value> ivs = getIterationIndices(b, l, 2);
              Value row = ivs[0];
              Value one = createScalar(b, l, b.getI64Type(), 1);
              Value zeroIdx = arith::ConstantIndexOp::create(b, l, 0);
              Value oneIdx = arith::ConstantIndexOp::create(b, l, 1);
              Value steps =
                  arith::ConstantIndexOp::create(b, l, tables.maxDepth);
              auto loop = scf::ForOp::create(
                  b, l, zeroIdx, steps, oneIdx,
                  ValueRange{at(b, l, rootT, ivs[1]),
                             at(b, l, rootLeafT, ivs[1])},
                  [&](OpBuilder &b, Location l, Value, ValueRange iter) {
                    Value id = iter[0], isLeaf = iter[1];
                    Value leafFlag = arith::CmpIOp::create(
                        b, l, arith::CmpIPredicate::eq, isLeaf, one);
                    // At a leaf the walk stays; read node 0 harmlessly.
                    Value node =
                        toIndex(b, l,
                                arith::SelectOp::create(
                                    b, l, leafFlag,
                                    createScalar(b, l, b.getI64Type(), 0), id));
                    // (In range when X's width is static; clamped when it
                    // is only known at run time.)
                    Value v = extractClamped(
                        b, l, x, {row, toIndex(b, l, at(b, l, featureT, node))},
                        width);
                    Value split = at(b, l, splitT, node);
                    Value mode = at(b, l, modeT, node);
                    auto cmp = [&](arith::CmpFPredicate p) -> Value {
                      return arith::CmpFOp::create(b, l, p, v, split);
                    };
                    // Set membership: any member equal to v.
                    Value off = toIndex(b, l, at(b, l, memberOffT, node));
                    Value cnt = toIndex(b, l, at(b, l, memberCntT, node));
                    Value end = arith::AddIOp::create(b, l, off, cnt);
                    Value falseV = arith::ConstantIntOp::create(b, l, 0, 1);
                    auto any = scf::ForOp::create(
                        b, l, off, end, oneIdx, ValueRange{falseV},
                        [&](OpBuilder &b, Location l, Value k, ValueRange acc) {
                          Value eq = arith::CmpFOp::create(
                              b, l, arith::CmpFPredicate::OEQ, v,
                              at(b, l, membersT, k));
                          scf::YieldOp::create(b, l,
                                               ValueRange{arith::OrIOp::create(
                                                   b, l, acc[0], eq)});
                        });
                    std::pair<int64_t, Value> byMode[] = {
                        {0, cmp(arith::CmpFPredicate::OLE)},
                        {1, cmp(arith::CmpFPredicate::OLT)},
                        {2, cmp(arith::CmpFPredicate::OGE)},
                        {3, cmp(arith::CmpFPredicate::OGT)},
                        {4, cmp(arith::CmpFPredicate::OEQ)},
                        {5, cmp(arith::CmpFPredicate::UNE)},
                    };
                    Value cond = any.getResult(0);
                    for (auto [m, c] : byMode) {
                      Value isMode = arith::CmpIOp::create(
                          b, l, arith::CmpIPredicate::eq, mode,
                          createScalar(b, l, b.getI64Type(), m));
                      cond = arith::SelectOp::create(b, l, isMode, c, cond);
                    }
                    Value nan = arith::CmpFOp::create(
                        b, l, arith::CmpFPredicate::UNO, v, v);
                    Value tracksTrue =
                        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                              at(b, l, tracksT, node), one);
                    cond = arith::OrIOp::create(
                        b, l, cond,
                        arith::AndIOp::create(b, l, nan, tracksTrue));
                    Value nextId = arith::SelectOp::create(
                        b, l, cond, at(b, l, trueIdT, node),
                        at(b, l, falseIdT, node));
                    Value nextLeaf = arith::SelectOp::create(
                        b, l, cond, at(b, l, trueLeafT, node),
                        at(b, l, falseLeafT, node));
                    scf::YieldOp::create(
                        b, l,
                        ValueRange{
                            arith::SelectOp::create(b, l, leafFlag, id, nextId),
                            arith::SelectOp::create(b, l, leafFlag, one,
                                                    nextLeaf)});
                  });
              return {loop.getResult(0)};
            })
            .front();

    // Y[n, target]: the aggregate over the trees of the leaves that hit the
    // target.
    int64_t agg = op.getAggregateFunction();
    double initValue = 0;
    if (agg == 2 || agg == 3) {
      const llvm::fltSemantics &sem = cast<FloatType>(t).getFloatSemantics();
      initValue =
          APFloat::getLargest(sem, /*Negative=*/agg == 3).convertToDouble();
    }
    Value init = createFilled(rewriter, loc, type,
                              {getDim(rewriter, loc, x, 0),
                               rewriter.getIndexAttr(type.getDimSize(1))},
                              createScalar(rewriter, loc, t, initValue));
    MLIRContext *ctx = rewriter.getContext();
    AffineExpr d0 = getAffineDimExpr(0, ctx), d1 = getAffineDimExpr(1, ctx),
               d2 = getAffineDimExpr(2, ctx);
    SmallVector<AffineMap> maps = {AffineMap::get(3, 0, {d0, d2}, ctx),
                                   AffineMap::get(3, 0, {d0, d1}, ctx)};
    Value result =
        buildGeneric(
            rewriter, loc, {leaves}, {init}, maps,
            {IT::parallel, IT::parallel, IT::reduction},
            [&](OpBuilder &b, Location l,
                ValueRange args) -> SmallVector<Value> {
              Value leaf = toIndex(b, l, args[0]);
              Value acc = args[1];
              Value target = arith::IndexCastOp::create(
                  b, l, b.getI64Type(), linalg::IndexOp::create(b, l, 1));
              Value hit =
                  arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                        at(b, l, leafTargetT, leaf), target);
              Value w = at(b, l, leafWeightT, leaf);
              Value next;
              switch (agg) {
              case 0:
                w = arith::DivFOp::create(b, l, w,
                                          createScalar(b, l, t, numTrees));
                [[fallthrough]];
              case 1:
                next = arith::AddFOp::create(b, l, acc, w);
                break;
              case 2:
                next = arith::SelectOp::create(
                    b, l,
                    arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, w,
                                          acc),
                    w, acc);
                break;
              default:
                next = arith::SelectOp::create(
                    b, l,
                    arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT, w,
                                          acc),
                    w, acc);
                break;
              }
              return {arith::SelectOp::create(b, l, hit, next, acc)};
            })
            .front();
    rewriter.replaceOp(
        op, postTransform(rewriter, loc, op.getPostTransform(), result));
    return success();
  }

  /// LOGISTIC (2) element-wise; SOFTMAX (1) and SOFTMAX_ZERO (3, zeros stay
  /// zero and do not count) over the targets of each row.
  static Value postTransform(OpBuilder &b, Location loc, int64_t kind,
                             Value scores) {
    auto type = cast<RankedTensorType>(scores.getType());
    Type t = type.getElementType();
    if (kind == 0)
      return scores;
    if (kind == 2)
      return buildElementwise(
          b, loc, type, {scores},
          [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
            return createSigmoid(nb, l, args[0]);
          });
    bool zero = kind == 3;
    SmallVector<bool> reduced = {false, true};
    double lowest =
        APFloat::getInf(cast<FloatType>(t).getFloatSemantics(), true)
            .convertToDouble();
    Value max = buildReduction(
        b, loc, scores, reduced, createScalar(b, loc, t, lowest), {},
        [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
          return arith::MaximumFOp::create(nb, l, args[0], args[1]);
        });
    max = expandReducedDims(b, loc, max, reduced);
    Value exps = buildElementwise(
        b, loc, type, {scores, max},
        [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
          Value e = math::ExpOp::create(
              nb, l, arith::SubFOp::create(nb, l, args[0], args[1]));
          if (!zero)
            return e;
          Value isZero =
              arith::CmpFOp::create(nb, l, arith::CmpFPredicate::OEQ, args[0],
                                    createScalar(nb, l, t, 0));
          return arith::SelectOp::create(nb, l, isZero,
                                         createScalar(nb, l, t, 0), e);
        });
    Value sum = buildReduction(
        b, loc, exps, reduced, createScalar(b, loc, t, 0), {},
        [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
          return arith::AddFOp::create(nb, l, args[0], args[1]);
        });
    sum = expandReducedDims(b, loc, sum, reduced);
    return buildElementwise(
        b, loc, type, {exps, sum},
        [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
          return arith::DivFOp::create(nb, l, args[0], args[1]);
        });
  }
};

//===----------------------------------------------------------------------===//
// TfIdfVectorizer
//===----------------------------------------------------------------------===//

struct TfIdfVectorizerPattern
    : public OpConversionPattern<onnx::TfIdfVectorizerOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::TfIdfVectorizerOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = getConvertedResultType(getTypeConverter(), op);
    Value x = adaptor.getX();
    auto xType = dyn_cast<RankedTensorType>(x.getType());
    if (!type || !xType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    if (!op.getPoolInt64s())
      return reportUnsupported(op, "pool_strings (string tensors)");
    ArrayRef<int64_t> pool = *op.getPoolInt64s();
    ArrayRef<int64_t> counts = op.getNgramCounts();
    int64_t maxLen = op.getMaxGramLength(), minLen = op.getMinGramLength();
    int64_t skips = op.getMaxSkipCount() + 1;
    // Per pool n-gram: where its ints start and how many (0: never counted,
    // as its length is below min_gram_length).
    SmallVector<int64_t> gramStart, gramLen;
    for (int64_t k = 0; k < maxLen; ++k) {
      int64_t end =
          k + 1 < maxLen ? counts[k + 1] : static_cast<int64_t>(pool.size());
      for (int64_t s = counts[k]; s + k < end; s += k + 1) {
        gramStart.push_back(s);
        gramLen.push_back(k + 1 >= minLen ? k + 1 : 0);
      }
    }
    int64_t grams = gramStart.size();
    int64_t width = type.getShape().back();
    if (grams == 0 || xType.getShape().back() == 0) {
      Value zero = createScalar(rewriter, loc, rewriter.getF32Type(), 0);
      SmallVector<OpFoldResult> dims;
      if (xType.getRank() == 2)
        dims.push_back(getDim(rewriter, loc, x, 0));
      dims.push_back(rewriter.getIndexAttr(width));
      rewriter.replaceOp(op, createFilled(rewriter, loc, type, dims, zero));
      return success();
    }
    // Work on [N, C].
    Value rows = x;
    if (xType.getRank() == 1)
      rows = tensor::ExpandShapeOp::create(
          rewriter, loc,
          RankedTensorType::get({1, xType.getDimSize(0)},
                                xType.getElementType()),
          x, ArrayRef<ReassociationIndices>{{0, 1}});
    Value poolT = constI64Table(rewriter, loc, pool);
    Value startT = constI64Table(rewriter, loc, gramStart);
    Value lenT = constI64Table(rewriter, loc, gramLen);
    Value indexT = constI64Table(rewriter, loc, op.getNgramIndexes());
    OpFoldResult n = getDim(rewriter, loc, rows, 0);
    Value c = getValueOrCreateConstantIndexOp(rewriter, loc,
                                              getDim(rewriter, loc, rows, 1));
    Type f32 = rewriter.getF32Type();
    Value zero = createScalar(rewriter, loc, f32, 0);

    // counts[n, g] = the matches of pool n-gram g at every start and skip.
    auto countType = RankedTensorType::get(
        {type.getRank() == 2 ? type.getDimSize(0) : 1, grams}, f32);
    Value countInit = createFilled(rewriter, loc, countType,
                                   {n, rewriter.getIndexAttr(grams)}, zero);
    // Iterate (n, g, start, skip); the start dim is read from a dummy
    // operand of shape [C, skips] to give the loop its sizes.
    Value shapeInit = createEmpty(
        rewriter, loc,
        RankedTensorType::get({xType.getShape().back(), skips}, f32),
        {c, rewriter.getIndexAttr(skips)});
    MLIRContext *ctx = rewriter.getContext();
    AffineExpr d0 = getAffineDimExpr(0, ctx), d1 = getAffineDimExpr(1, ctx),
               d2 = getAffineDimExpr(2, ctx), d3 = getAffineDimExpr(3, ctx);
    Value gramCounts =
        buildGeneric(
            rewriter, loc, {shapeInit}, {countInit},
            {AffineMap::get(4, 0, {d2, d3}, ctx),
             AffineMap::get(4, 0, {d0, d1}, ctx)},
            {IT::parallel, IT::parallel, IT::reduction, IT::reduction},
            [&](OpBuilder &b, Location l,
                ValueRange args) -> SmallVector<Value> {
              SmallVector<Value> ivs = getIterationIndices(b, l, 4);
              Value row = ivs[0], g = ivs[1], start = ivs[2], skip = ivs[3];
              Value oneIdx = arith::ConstantIndexOp::create(b, l, 1);
              Value zeroIdx = arith::ConstantIndexOp::create(b, l, 0);
              Value len = toIndex(b, l, at(b, l, lenT, g));
              Value first = toIndex(b, l, at(b, l, startT, g));
              Value step = arith::AddIOp::create(b, l, skip, oneIdx);
              // Unigrams count once, not once per skip.
              Value counted = arith::AndIOp::create(
                  b, l,
                  arith::CmpIOp::create(b, l, arith::CmpIPredicate::ugt, len,
                                        zeroIdx),
                  arith::OrIOp::create(
                      b, l,
                      arith::CmpIOp::create(b, l, arith::CmpIPredicate::ugt,
                                            len, oneIdx),
                      arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                            skip, zeroIdx)));
              auto match = scf::ForOp::create(
                  b, l, zeroIdx, len, oneIdx, ValueRange{counted},
                  [&](OpBuilder &b, Location l, Value k, ValueRange acc) {
                    Value pos = arith::AddIOp::create(
                        b, l, start, arith::MulIOp::create(b, l, k, step));
                    Value inside = arith::CmpIOp::create(
                        b, l, arith::CmpIPredicate::ult, pos, c);
                    Value safe =
                        arith::SelectOp::create(b, l, inside, pos, zeroIdx);
                    Value item = tensor::ExtractOp::create(
                        b, l, rows, ValueRange{row, safe});
                    if (item.getType() != b.getI64Type())
                      item = arith::ExtSIOp::create(b, l, b.getI64Type(), item);
                    Value want =
                        at(b, l, poolT, arith::AddIOp::create(b, l, first, k));
                    Value eq = arith::CmpIOp::create(
                        b, l, arith::CmpIPredicate::eq, item, want);
                    Value ok = arith::AndIOp::create(
                        b, l, acc[0], arith::AndIOp::create(b, l, inside, eq));
                    scf::YieldOp::create(b, l, ValueRange{ok});
                  });
              Value add = arith::SelectOp::create(b, l, match.getResult(0),
                                                  createScalar(b, l, f32, 1),
                                                  createScalar(b, l, f32, 0));
              return {arith::AddFOp::create(b, l, args[1], add)};
            })
            .front();

    // Y[n, col] = the counts of the n-grams of column col, weighted.
    StringRef mode = op.getMode();
    SmallVector<double> weights;
    if (auto w = op.getWeights())
      for (float v : *w)
        weights.push_back(v);
    weights.resize(std::max<int64_t>(width, weights.size()),
                   op.getWeights() ? 0.0 : 1.0);
    Value weightT = constFloatTable(rewriter, loc, weights, f32);
    auto outType = RankedTensorType::get({countType.getDimSize(0), width}, f32);
    Value outInit = createFilled(rewriter, loc, outType,
                                 {n, rewriter.getIndexAttr(width)}, zero);
    Value counted =
        buildGeneric(
            rewriter, loc, {gramCounts}, {outInit},
            {AffineMap::get(3, 0, {d0, d2}, ctx),
             AffineMap::get(3, 0, {d0, d1}, ctx)},
            {IT::parallel, IT::parallel, IT::reduction},
            [&](OpBuilder &b, Location l,
                ValueRange args) -> SmallVector<Value> {
              Value col = linalg::IndexOp::create(b, l, 1);
              Value g = linalg::IndexOp::create(b, l, 2);
              Value hit = arith::CmpIOp::create(
                  b, l, arith::CmpIPredicate::eq, at(b, l, indexT, g),
                  arith::IndexCastOp::create(b, l, b.getI64Type(), col));
              Value sum = arith::AddFOp::create(b, l, args[1], args[0]);
              return {arith::SelectOp::create(b, l, hit, sum, args[1])};
            })
            .front();
    Value result = counted;
    if (mode != "TF") {
      result = buildElementwise(
          rewriter, loc, outType, {counted},
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            Value col = linalg::IndexOp::create(b, l, 1);
            Value w = at(b, l, weightT, col);
            if (mode == "TFIDF")
              return arith::MulFOp::create(b, l, args[0], w);
            Value any =
                arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT, args[0],
                                      createScalar(b, l, f32, 0));
            return arith::SelectOp::create(b, l, any, w,
                                           createScalar(b, l, f32, 0));
          });
    }
    if (type.getRank() == 1)
      result = tensor::CollapseShapeOp::create(
          rewriter, loc, type, result, ArrayRef<ReassociationIndices>{{0, 1}});
    rewriter.replaceOp(op, castTo(rewriter, loc, result, type));
    return success();
  }
};

} // namespace
} // namespace onnxc

void onnxc::populateOnnxToLinalgMLPatterns(const TypeConverter &converter,
                                           RewritePatternSet &patterns) {
  patterns
      .add<BinarizerPattern, ArrayFeatureExtractorPattern, LabelEncoderPattern,
           TreeEnsemblePattern, TfIdfVectorizerPattern>(converter,
                                                        patterns.getContext());
  lowering::populateFlexAttentionPatterns(converter, patterns);
}
