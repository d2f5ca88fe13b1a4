//===- NNExtraOps.cpp - losses, attention, recurrent and normalization ops ===//
//
// Verifiers and shape inference of the ops in OnnxNNExtraOps.td.
//
//===----------------------------------------------------------------------===//

#include "dialects/Onnx/IR/OnnxOps.h"

using namespace mlir;

namespace onnxc::onnx {
namespace {

constexpr int64_t kDyn = ShapedType::kDynamic;

/// `a` / `b` when both are static (and `b` divides `a`), else `?`.
int64_t divDim(int64_t a, int64_t b) {
  if (a == kDyn || b == kDyn || b <= 0 || a % b != 0)
    return kDyn;
  return a / b;
}

int64_t mulDim(int64_t a, int64_t b) {
  return a == kDyn || b == kDyn ? kDyn : a * b;
}

int64_t addDim(int64_t a, int64_t b) {
  return a == kDyn || b == kDyn ? kDyn : a + b;
}

/// The more precise of two sizes of the same dim; fails when they differ.
LogicalResult mergeDim(Operation *op, int64_t &dim, int64_t other,
                       StringRef what) {
  if (other == kDyn)
    return success();
  if (dim != kDyn && dim != other)
    return op->emitError() << what << " is " << other << ", expected " << dim;
  dim = other;
  return success();
}

/// Refines result `idx` unless it is `none`.
LogicalResult refineOptional(Operation *op, unsigned idx,
                             std::optional<ArrayRef<int64_t>> shape,
                             Type elementType) {
  if (isa<NoneType>(op->getResult(idx).getType()))
    return success();
  return refineResultType(op, idx, makeTensorType(shape, elementType));
}

LogicalResult checkRank(Operation *op, Value v, ArrayRef<int64_t> ranks,
                        StringRef name) {
  auto shape = getRankedShape(v);
  if (!shape || llvm::is_contained(ranks, (int64_t)shape->size()))
    return success();
  auto diag = op->emitError() << name << " must have rank ";
  llvm::interleave(ranks, diag, " or ");
  return diag << ", got rank " << shape->size();
}

LogicalResult verifyReduction(Operation *op, StringRef reduction) {
  if (reduction != "none" && reduction != "sum" && reduction != "mean")
    return op->emitOpError()
           << "reduction \"" << reduction << "\" is not one of none, sum, mean";
  return success();
}

/// Shared by NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss.
LogicalResult inferLoss(Operation *op, Value input, Value target, Value weight,
                        StringRef reduction) {
  Type elementType = getElementType(input);
  auto in = getRankedShape(input);
  auto tgt = getRankedShape(target);
  if (in && in->size() < 2)
    return op->emitError() << "input must have rank 2 or more, got rank "
                           << in->size();
  if (!isa<IntegerType>(getElementType(target)))
    return op->emitError() << "target must be an integer tensor";
  SmallVector<int64_t> targetShape;
  if (in) {
    targetShape.push_back((*in)[0]);
    targetShape.append(in->begin() + 2, in->end());
  }
  if (in && tgt) {
    if (tgt->size() != targetShape.size())
      return op->emitError() << "target must have rank " << targetShape.size()
                             << ", got rank " << tgt->size();
    for (auto [i, d] : llvm::enumerate(*tgt))
      if (failed(mergeDim(op, targetShape[i], d,
                          "dimension " + std::to_string(i) + " of target")))
        return failure();
  } else if (tgt) {
    targetShape = *tgt;
  }
  if (!isNoValue(weight)) {
    auto w = getRankedShape(weight);
    if (w && (w->size() != 1 || (in && (*w)[0] != kDyn && (*in)[1] != kDyn &&
                                 (*w)[0] != (*in)[1])))
      return op->emitError() << "weight must have one element per class";
  }
  if (reduction != "none")
    return refineResultType(op, 0, RankedTensorType::get({}, elementType));
  if (!in && !tgt)
    return refineResultType(op, 0, UnrankedTensorType::get(elementType));
  return refineResultType(op, 0,
                          RankedTensorType::get(targetShape, elementType));
}

/// Number of directions of a recurrent op.
int64_t numDirections(StringRef direction) {
  return direction == "bidirectional" ? 2 : 1;
}

LogicalResult verifyRecurrent(Operation *op, StringRef direction,
                              std::optional<int64_t> hiddenSize, int64_t layout,
                              std::optional<ArrayAttr> activations,
                              unsigned gates) {
  if (direction != "forward" && direction != "reverse" &&
      direction != "bidirectional")
    return op->emitOpError() << "direction \"" << direction
                             << "\" is not one of forward, reverse, "
                                "bidirectional";
  if (hiddenSize && *hiddenSize <= 0)
    return op->emitOpError()
           << "hidden_size must be positive, got " << *hiddenSize;
  if (layout != 0 && layout != 1)
    return op->emitOpError() << "layout must be 0 or 1, got " << layout;
  if (activations && activations->size() != gates * numDirections(direction))
    return op->emitOpError()
           << "activations has " << activations->size() << " entries, expected "
           << gates * numDirections(direction);
  return success();
}

/// Shape inference of LSTM, GRU and RNN: `gates` is the number of gate
/// blocks stacked in W and R; results Y, then one [dirs, B, H] per state.
LogicalResult inferRecurrent(Operation *op, Value x, Value w, Value r,
                             StringRef direction,
                             std::optional<int64_t> hiddenSize, int64_t layout,
                             int64_t gates) {
  Type elementType = getElementType(x);
  if (failed(checkRank(op, x, {3}, "X")) ||
      failed(checkRank(op, w, {3}, "W")) || failed(checkRank(op, r, {3}, "R")))
    return failure();
  int64_t dirs = numDirections(direction);
  int64_t hidden = hiddenSize ? *hiddenSize : kDyn;
  auto ws = getRankedShape(w);
  auto rs = getRankedShape(r);
  if (rs && failed(mergeDim(op, hidden, (*rs)[2], "the hidden size of R")))
    return failure();
  if (ws && failed(mergeDim(op, hidden, divDim((*ws)[1], gates),
                            "the hidden size of W")))
    return failure();
  for (auto &s : {ws, rs}) {
    if (s && (*s)[0] != kDyn && (*s)[0] != dirs)
      return op->emitError()
             << "W and R must have " << dirs << " directions, got " << (*s)[0];
    if (s && hidden != kDyn && (*s)[1] != kDyn && (*s)[1] != gates * hidden)
      return op->emitError()
             << "W and R must have " << gates * hidden << " rows (" << gates
             << " gates of hidden size " << hidden << "), got " << (*s)[1];
  }
  int64_t seq = kDyn, batch = kDyn;
  if (auto xs = getRankedShape(x)) {
    seq = layout ? (*xs)[1] : (*xs)[0];
    batch = layout ? (*xs)[0] : (*xs)[1];
  }
  SmallVector<int64_t> y = layout
                               ? SmallVector<int64_t>{batch, seq, dirs, hidden}
                               : SmallVector<int64_t>{seq, dirs, batch, hidden};
  SmallVector<int64_t> state = layout
                                   ? SmallVector<int64_t>{batch, dirs, hidden}
                                   : SmallVector<int64_t>{dirs, batch, hidden};
  if (failed(refineOptional(op, 0, ArrayRef<int64_t>(y), elementType)))
    return failure();
  for (unsigned i = 1; i < op->getNumResults(); ++i)
    if (failed(refineOptional(op, i, ArrayRef<int64_t>(state), elementType)))
      return failure();
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// RMSNormalization, RotaryEmbedding
//===----------------------------------------------------------------------===//

LogicalResult RMSNormalizationOp::inferShapes() {
  auto x = getRankedShape(getX());
  auto scale = getRankedShape(getScale());
  Type elementType = getElementType(getX());
  if (!x)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  if (failed(normalizeAxis(*this, getAxis(), x->size(), "axis")))
    return failure();
  if (scale) {
    auto shape = broadcastShapes(*this, *x, *scale);
    if (failed(shape))
      return failure();
    if (shape->size() != x->size())
      return emitError() << "scale of rank " << scale->size()
                         << " does not broadcast to X of rank " << x->size();
    return refineResultType(*this, 0,
                            RankedTensorType::get(*shape, elementType));
  }
  return refineResultType(*this, 0, RankedTensorType::get(*x, elementType));
}

LogicalResult RotaryEmbeddingOp::verify() {
  if (getInterleaved() != 0 && getInterleaved() != 1)
    return emitOpError() << "interleaved must be 0 or 1, got "
                         << getInterleaved();
  if (getRotaryEmbeddingDim() < 0 || getRotaryEmbeddingDim() % 2 != 0)
    return emitOpError() << "rotary_embedding_dim must be even and not "
                            "negative, got "
                         << getRotaryEmbeddingDim();
  if (getNumHeads() && *getNumHeads() <= 0)
    return emitOpError() << "num_heads must be positive, got "
                         << *getNumHeads();
  return success();
}

LogicalResult RotaryEmbeddingOp::inferShapes() {
  auto x = getRankedShape(getX());
  if (failed(checkRank(*this, getX(), {3, 4}, "X")))
    return failure();
  if (x && x->size() == 3 && !getNumHeads())
    return emitError() << "num_heads is required for an input of rank 3";
  bool hasPositions = !isNoValue(getPositionIds());
  for (Value cache : {getCosCache(), getSinCache()})
    if (failed(checkRank(*this, cache, {hasPositions ? 2 : 3},
                         hasPositions ? "a cache indexed by position_ids"
                                      : "a cache without position_ids")))
      return failure();
  if (hasPositions &&
      failed(checkRank(*this, getPositionIds(), {2}, "position_ids")))
    return failure();
  return inferSameShapeOp(*this);
}

//===----------------------------------------------------------------------===//
// Losses
//===----------------------------------------------------------------------===//

LogicalResult NegativeLogLikelihoodLossOp::verify() {
  return verifyReduction(*this, getReduction());
}

LogicalResult NegativeLogLikelihoodLossOp::inferShapes() {
  return inferLoss(*this, getInput(), getTarget(), getWeight(), getReduction());
}

LogicalResult SoftmaxCrossEntropyLossOp::verify() {
  return verifyReduction(*this, getReduction());
}

LogicalResult SoftmaxCrossEntropyLossOp::inferShapes() {
  if (failed(inferLoss(*this, getScores(), getLabels(), getWeights(),
                       getReduction())))
    return failure();
  if (isa<NoneType>(getLogProb().getType()))
    return success();
  return refineResultType(*this, 1, getScores().getType());
}

//===----------------------------------------------------------------------===//
// Attention
//===----------------------------------------------------------------------===//

LogicalResult AttentionOp::verify() {
  if (getQkMatmulOutputMode() < 0 || getQkMatmulOutputMode() > 3)
    return emitOpError() << "qk_matmul_output_mode must be in 0..3, got "
                         << getQkMatmulOutputMode();
  if (getIsCausal() != 0 && getIsCausal() != 1)
    return emitOpError() << "is_causal must be 0 or 1, got " << getIsCausal();
  if (getLeftWindowSize() < -1 || getRightWindowSize() < -1)
    return emitOpError() << "left_window_size and right_window_size must be "
                            "-1 or not negative";
  for (std::optional<int64_t> heads : {getQNumHeads(), getKvNumHeads()})
    if (heads && *heads <= 0)
      return emitOpError() << "q_num_heads and kv_num_heads must be positive";
  if (getQNumHeads() && getKvNumHeads() && *getQNumHeads() % *getKvNumHeads())
    return emitOpError() << "q_num_heads (" << *getQNumHeads()
                         << ") must be a multiple of kv_num_heads ("
                         << *getKvNumHeads() << ")";
  if (getSoftcap().convertToDouble() < 0)
    return emitOpError() << "softcap must not be negative";
  if (auto p = getSoftmaxPrecision();
      p && *p != 1 && *p != 10 && *p != 11 && *p != 16)
    return emitOpError() << "softmax_precision " << *p
                         << " is not float, float16, bfloat16 or double";
  return success();
}

LogicalResult AttentionOp::inferShapes() {
  auto q = getRankedShape(getQ());
  auto k = getRankedShape(getK());
  auto v = getRankedShape(getV());
  Type t1 = getElementType(getQ()), t2 = getElementType(getV());
  for (auto [value, name] :
       {std::pair(getQ(), "Q"), std::pair(getK(), "K"), std::pair(getV(), "V")})
    if (failed(checkRank(*this, value, {3, 4}, name)))
      return failure();
  if (!q || !k || !v) {
    if (failed(refineResultType(*this, 0, UnrankedTensorType::get(t1))))
      return failure();
    return success();
  }
  if (q->size() != k->size() || q->size() != v->size())
    return emitError() << "Q, K and V must have the same rank";
  bool is3d = q->size() == 3;
  if (is3d && (!getQNumHeads() || !getKvNumHeads()))
    return emitError() << "q_num_heads and kv_num_heads are required for "
                          "inputs of rank 3";
  int64_t batch = (*q)[0];
  int64_t qHeads, kvHeads, qSeq, kvSeq, headSize, vHeadSize;
  if (is3d) {
    qHeads = *getQNumHeads();
    kvHeads = *getKvNumHeads();
    qSeq = (*q)[1];
    kvSeq = (*k)[1];
    headSize = divDim((*q)[2], qHeads);
    vHeadSize = divDim((*v)[2], kvHeads);
    for (auto [dim, heads, name] :
         {std::tuple((*q)[2], qHeads, "Q"), std::tuple((*k)[2], kvHeads, "K"),
          std::tuple((*v)[2], kvHeads, "V")})
      if (dim != kDyn && dim % heads != 0)
        return emitError() << "the hidden size " << dim << " of " << name
                           << " is not a multiple of its " << heads << " heads";
    if (failed(mergeDim(*this, headSize, divDim((*k)[2], kvHeads),
                        "the head size of K")))
      return failure();
  } else {
    qHeads = (*q)[1];
    kvHeads = (*k)[1];
    qSeq = (*q)[2];
    kvSeq = (*k)[2];
    headSize = (*q)[3];
    vHeadSize = (*v)[3];
    if (failed(mergeDim(*this, headSize, (*k)[3], "the head size of K")) ||
        failed(mergeDim(*this, kvHeads, (*v)[1], "the head count of V")))
      return failure();
    if (qHeads != kDyn && kvHeads != kDyn && qHeads % kvHeads != 0)
      return emitError() << "the " << qHeads
                         << " query heads are not a multiple of the " << kvHeads
                         << " key/value heads";
  }
  if (failed(mergeDim(*this, kvSeq, is3d ? (*v)[1] : (*v)[2],
                      "the sequence length of V")))
    return failure();
  bool hasPastKey = !isNoValue(getPastKey()),
       hasPastValue = !isNoValue(getPastValue());
  if (hasPastKey != hasPastValue)
    return emitError() << "past_key and past_value must be given together";
  int64_t pastSeq = 0;
  if (hasPastKey) {
    if (!isNoValue(getNonpadKvSeqlen()))
      return emitError() << "nonpad_kv_seqlen cannot be combined with "
                            "past_key and past_value";
    if (failed(checkRank(*this, getPastKey(), {4}, "past_key")) ||
        failed(checkRank(*this, getPastValue(), {4}, "past_value")))
      return failure();
    pastSeq = kDyn;
    if (auto pk = getRankedShape(getPastKey())) {
      pastSeq = (*pk)[2];
      if (failed(
              mergeDim(*this, headSize, (*pk)[3], "the head size of past_key")))
        return failure();
    }
    if (auto pv = getRankedShape(getPastValue()))
      if (failed(mergeDim(*this, vHeadSize, (*pv)[3],
                          "the head size of past_value")))
        return failure();
  }
  int64_t totalSeq = addDim(pastSeq, kvSeq);
  if (!isNoValue(getAttnMask())) {
    auto m = getRankedShape(getAttnMask());
    if (m && (m->size() < 1 || m->size() > 4))
      return emitError() << "attn_mask must have rank 1 to 4, got rank "
                         << m->size();
  }
  SmallVector<int64_t> y =
      is3d ? SmallVector<int64_t>{batch, qSeq, mulDim(qHeads, vHeadSize)}
           : SmallVector<int64_t>{batch, qHeads, qSeq, vHeadSize};
  if (failed(refineResultType(*this, 0, RankedTensorType::get(y, t1))))
    return failure();
  SmallVector<int64_t> presentKey = {batch, kvHeads, totalSeq, headSize};
  SmallVector<int64_t> presentValue = {batch, kvHeads, totalSeq, vHeadSize};
  SmallVector<int64_t> qk = {batch, qHeads, qSeq, totalSeq};
  if (failed(refineOptional(*this, 1, ArrayRef<int64_t>(presentKey), t1)) ||
      failed(refineOptional(*this, 2, ArrayRef<int64_t>(presentValue), t2)) ||
      failed(refineOptional(*this, 3, ArrayRef<int64_t>(qk), t1)))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// LinearAttention, CausalConvWithState
//===----------------------------------------------------------------------===//

LogicalResult LinearAttentionOp::verify() {
  StringRef rule = getUpdateRule();
  if (rule != "linear" && rule != "gated" && rule != "delta" &&
      rule != "gated_delta")
    return emitOpError() << "update_rule \"" << rule
                         << "\" is not one of linear, gated, delta, "
                            "gated_delta";
  if (getQNumHeads() <= 0 || getKvNumHeads() <= 0 ||
      getQNumHeads() % getKvNumHeads() != 0)
    return emitOpError() << "q_num_heads (" << getQNumHeads()
                         << ") must be a positive multiple of kv_num_heads ("
                         << getKvNumHeads() << ")";
  bool gated = rule == "gated" || rule == "gated_delta";
  bool delta = rule == "delta" || rule == "gated_delta";
  if (gated == isNoValue(getDecay()))
    return emitOpError() << "update_rule \"" << rule << "\" "
                         << (gated ? "requires" : "forbids") << " decay";
  if (delta == isNoValue(getBeta()))
    return emitOpError() << "update_rule \"" << rule << "\" "
                         << (delta ? "requires" : "forbids") << " beta";
  return success();
}

LogicalResult LinearAttentionOp::inferShapes() {
  for (auto [value, name] :
       {std::pair(getQuery(), "query"), std::pair(getKey(), "key"),
        std::pair(getValue(), "value"), std::pair(getDecay(), "decay"),
        std::pair(getBeta(), "beta")})
    if (!isNoValue(value) && failed(checkRank(*this, value, {3}, name)))
      return failure();
  if (!isNoValue(getPastState()) &&
      failed(checkRank(*this, getPastState(), {4}, "past_state")))
    return failure();
  auto q = getRankedShape(getQuery());
  auto k = getRankedShape(getKey());
  auto v = getRankedShape(getValue());
  Type elementType = getElementType(getQuery());
  Type stateType =
      isNoValue(getPastState()) ? elementType : getElementType(getPastState());
  int64_t qHeads = getQNumHeads(), kvHeads = getKvNumHeads();
  int64_t batch = q ? (*q)[0] : kDyn, seq = q ? (*q)[1] : kDyn;
  int64_t dk = q ? divDim((*q)[2], qHeads) : kDyn;
  int64_t dv = v ? divDim((*v)[2], kvHeads) : kDyn;
  if (k && failed(mergeDim(*this, dk, divDim((*k)[2], kvHeads),
                           "the head size of key")))
    return failure();
  if (q && (*q)[2] != kDyn && (*q)[2] % qHeads != 0)
    return emitError() << "the hidden size of query is not a multiple of "
                          "q_num_heads";
  SmallVector<int64_t> out = {batch, seq, mulDim(qHeads, dv)};
  SmallVector<int64_t> state = {batch, kvHeads, dk, dv};
  if (auto past = getRankedShape(getPastState()))
    for (auto [i, d] : llvm::enumerate(*past))
      if (failed(mergeDim(*this, state[i], d,
                          "dimension " + std::to_string(i) + " of past_state")))
        return failure();
  if (failed(
          refineResultType(*this, 0, RankedTensorType::get(out, elementType))))
    return failure();
  return refineResultType(*this, 1, RankedTensorType::get(state, stateType));
}

LogicalResult CausalConvWithStateOp::verify() {
  StringRef act = getActivation();
  if (act != "none" && act != "silu" && act != "swish")
    return emitOpError() << "activation \"" << act
                         << "\" is not one of none, silu, swish";
  return success();
}

LogicalResult CausalConvWithStateOp::inferShapes() {
  if (failed(checkRank(*this, getInput(), {3}, "input")) ||
      failed(checkRank(*this, getWeight(), {3}, "weight")))
    return failure();
  Type elementType = getElementType(getInput());
  auto x = getRankedShape(getInput());
  auto w = getRankedShape(getWeight());
  int64_t batch = x ? (*x)[0] : kDyn, channels = x ? (*x)[1] : kDyn;
  int64_t seq = x ? (*x)[2] : kDyn;
  int64_t kernel = w ? (*w)[2] : kDyn;
  if (w) {
    if (failed(mergeDim(*this, channels, (*w)[0], "the channels of weight")))
      return failure();
    if ((*w)[1] != kDyn && (*w)[1] != 1)
      return emitError() << "weight must be [channels, 1, kernel] (depthwise)";
    if (kernel == 0)
      return emitError() << "the kernel size must be positive";
  }
  if (!isNoValue(getBias()) && failed(checkRank(*this, getBias(), {1}, "bias")))
    return failure();
  SmallVector<int64_t> state = {batch, channels,
                                kernel == kDyn ? kDyn : kernel - 1};
  if (!isNoValue(getPastState())) {
    if (failed(checkRank(*this, getPastState(), {3}, "past_state")))
      return failure();
    if (auto past = getRankedShape(getPastState()))
      for (auto [i, d] : llvm::enumerate(*past))
        if (failed(
                mergeDim(*this, state[i], d,
                         "dimension " + std::to_string(i) + " of past_state")))
          return failure();
  }
  if (failed(refineResultType(
          *this, 0,
          RankedTensorType::get({state[0], state[1], seq}, elementType))))
    return failure();
  return refineResultType(*this, 1, RankedTensorType::get(state, elementType));
}

//===----------------------------------------------------------------------===//
// LSTM, GRU, RNN
//===----------------------------------------------------------------------===//

LogicalResult LSTMOp::verify() {
  if (getInputForget() != 0 && getInputForget() != 1)
    return emitOpError() << "input_forget must be 0 or 1";
  return verifyRecurrent(*this, getDirection(), getHiddenSize(), getLayout(),
                         getActivations(), 3);
}

LogicalResult LSTMOp::inferShapes() {
  return inferRecurrent(*this, getX(), getW(), getR(), getDirection(),
                        getHiddenSize(), getLayout(), 4);
}

LogicalResult GRUOp::verify() {
  return verifyRecurrent(*this, getDirection(), getHiddenSize(), getLayout(),
                         getActivations(), 2);
}

LogicalResult GRUOp::inferShapes() {
  return inferRecurrent(*this, getX(), getW(), getR(), getDirection(),
                        getHiddenSize(), getLayout(), 3);
}

LogicalResult RNNOp::verify() {
  return verifyRecurrent(*this, getDirection(), getHiddenSize(), getLayout(),
                         getActivations(), 1);
}

LogicalResult RNNOp::inferShapes() {
  return inferRecurrent(*this, getX(), getW(), getR(), getDirection(),
                        getHiddenSize(), getLayout(), 1);
}

//===----------------------------------------------------------------------===//
// Adagrad, Adam, Momentum
//===----------------------------------------------------------------------===//

/// `groups` tensors per optimized tensor among the variadic inputs, `states`
/// outputs per optimized tensor.
static LogicalResult verifyOptimizer(Operation *op, ValueRange inputs,
                                     unsigned groups, unsigned outputsPer) {
  if (inputs.empty() || inputs.size() % groups != 0)
    return op->emitOpError()
           << "has " << inputs.size() + 2 << " inputs, expected R, T and "
           << groups << " tensors per optimized tensor";
  unsigned n = inputs.size() / groups;
  if (op->getNumResults() != outputsPer * n)
    return op->emitOpError() << "has " << op->getNumResults()
                             << " outputs, expected " << outputsPer * n;
  return success();
}

/// Output k * n + i has the type of input `inputGroups[k]` * n + i.
static LogicalResult inferOptimizer(Operation *op, ValueRange inputs, Value r,
                                    Value t, ArrayRef<unsigned> inputGroups) {
  for (Value scalar : {r, t}) {
    auto shape = getRankedShape(scalar);
    if (shape && llvm::any_of(*shape, [](int64_t d) { return d > 1; }))
      return op->emitError() << "R and T must be scalars";
  }
  if (!isa<IntegerType>(getElementType(t)))
    return op->emitError() << "T must be an integer";
  unsigned n = op->getNumResults() / inputGroups.size();
  for (auto [k, group] : llvm::enumerate(inputGroups))
    for (unsigned i = 0; i < n; ++i)
      if (failed(
              refineResultType(op, k * n + i, inputs[group * n + i].getType())))
        return failure();
  return success();
}

LogicalResult AdagradOp::verify() {
  return verifyOptimizer(*this, getInputs(), 3, 2);
}

LogicalResult AdagradOp::inferShapes() {
  return inferOptimizer(*this, getInputs(), getR(), getT(), {0, 2});
}

LogicalResult AdamOp::verify() {
  return verifyOptimizer(*this, getInputs(), 4, 3);
}

LogicalResult AdamOp::inferShapes() {
  return inferOptimizer(*this, getInputs(), getR(), getT(), {0, 2, 3});
}

LogicalResult MomentumOp::verify() {
  if (getMode() != "standard" && getMode() != "nesterov")
    return emitOpError() << "mode \"" << getMode()
                         << "\" is not one of standard, nesterov";
  return verifyOptimizer(*this, getInputs(), 3, 2);
}

LogicalResult MomentumOp::inferShapes() {
  return inferOptimizer(*this, getInputs(), getR(), getT(), {0, 2});
}

} // namespace onnxc::onnx
