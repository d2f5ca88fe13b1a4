//===- NNExtraOps.cpp - onnx to linalg: losses, normalization, conv state ===//
//
// RMSNormalization, RotaryEmbedding, NegativeLogLikelihoodLoss,
// SoftmaxCrossEntropyLoss and CausalConvWithState; the attention, recurrent
// and loop lowerings live in Attention.cpp, Recurrent.cpp and Loops.cpp and
// are added here too. f16/bf16 math is done in f32.
//
//===----------------------------------------------------------------------===//

#include "NNExtraCommon.h"

#include <limits>

using namespace mlir;

namespace onnxc {
namespace {

using namespace lowering;
using namespace lowering::nnx;

//===----------------------------------------------------------------------===//
// RMSNormalization
//===----------------------------------------------------------------------===//

/// y = x * (1 / sqrt(mean(x^2) + epsilon)) * scale, the mean over the dims
/// from `axis` on.
struct RMSNormalizationPattern
    : public OpConversionPattern<onnx::RMSNormalizationOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::RMSNormalizationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    Value x = adaptor.getX(), scale = adaptor.getScale();
    auto xType = dyn_cast<RankedTensorType>(x.getType());
    if (!resultType || !xType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    if (!isFloatTensor(x) || !isFloatTensor(scale))
      return reportUnsupported(op, "X and scale must be float tensors");
    auto scaleType = cast<RankedTensorType>(scale.getType());
    if (!isBroadcastableTo(xType, resultType) ||
        !isBroadcastableTo(scaleType, resultType))
      return reportUnsupported(op, "scale must broadcast to X");
    int64_t rank = xType.getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    if (axis < 0 || axis >= std::max<int64_t>(rank, 1))
      return reportUnsupported(op, "axis " + Twine(op.getAxis()) +
                                       " is out of range for rank " +
                                       Twine(rank));
    SmallVector<bool> reduced(rank, false);
    for (int64_t i = axis; i < rank; ++i)
      reduced[i] = true;
    Type computeType = getComputeType(xType.getElementType());
    if (op.getStashType() == 1 && !computeType.isF64())
      computeType = rewriter.getF32Type();
    Value zero = createScalar(rewriter, loc, computeType, 0);
    Value sum =
        buildReduction(rewriter, loc, x, reduced, zero, {},
                       [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                         Value v = toFloat(b, l, args[0], computeType);
                         return arith::AddFOp::create(
                             b, l, args[1], arith::MulFOp::create(b, l, v, v));
                       });
    // The count of the normalized elements, as a float.
    Value count = createScalar(rewriter, loc, rewriter.getIndexType(), 1);
    for (int64_t i = axis; i < rank; ++i)
      count = arith::MulIOp::create(
          rewriter, loc, count,
          getValueOrCreateConstantIndexOp(rewriter, loc,
                                          getDim(rewriter, loc, x, i)));
    count =
        arith::IndexCastOp::create(rewriter, loc, rewriter.getI64Type(), count);
    count = arith::SIToFPOp::create(rewriter, loc, computeType, count);
    double epsilon = op.getEpsilon().convertToDouble();
    auto statType = cast<RankedTensorType>(sum.getType());
    Value inv = buildElementwise(
        rewriter, loc, statType, sum,
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value mean = arith::DivFOp::create(b, l, args[0], count);
          Value eps = createScalar(b, l, computeType, epsilon);
          Value rms = math::SqrtOp::create(
              b, l, arith::AddFOp::create(b, l, mean, eps));
          return arith::DivFOp::create(b, l, createScalar(b, l, computeType, 1),
                                       rms);
        });
    inv = expandReducedDims(rewriter, loc, inv, reduced);
    Value y = buildElementwise(
        rewriter, loc, resultType, {x, inv, scale},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value v = toFloat(b, l, args[0], computeType);
          Value normalized = arith::MulFOp::create(b, l, v, args[1]);
          Value r = arith::MulFOp::create(b, l, normalized,
                                          toFloat(b, l, args[2], computeType));
          return toFloat(b, l, r, resultType.getElementType());
        });
    rewriter.replaceOp(op, y);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// RotaryEmbedding
//===----------------------------------------------------------------------===//

/// One generic over the input's shape: each element of the rotated part is
/// cos * x1 - sin * x2 (first half / even positions) or sin * x1 + cos * x2
/// (second half / odd positions), x1 and x2 read from the input at the
/// element and its partner.
struct RotaryEmbeddingPattern
    : public OpConversionPattern<onnx::RotaryEmbeddingOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::RotaryEmbeddingOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    Value x = adaptor.getX();
    Value cosCache = adaptor.getCosCache(), sinCache = adaptor.getSinCache();
    Value positions = adaptor.getPositionIds();
    auto xType = dyn_cast<RankedTensorType>(x.getType());
    if (!resultType || !xType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    if (!isFloatTensor(x) || !isFloatTensor(cosCache) ||
        !isFloatTensor(sinCache))
      return reportUnsupported(op, "X and the caches must be float tensors");
    int64_t rank = xType.getRank();
    bool hasPositions = !isNone(positions);
    if ((rank != 3 && rank != 4) ||
        cast<RankedTensorType>(cosCache.getType()).getRank() !=
            (hasPositions ? 2 : 3) ||
        cast<RankedTensorType>(sinCache.getType()).getRank() !=
            (hasPositions ? 2 : 3))
      return reportUnsupported(op, "X must have rank 3 or 4 and the caches "
                                   "rank 2 (with position_ids) or 3");
    if (rank == 3 && !op.getNumHeads())
      return reportUnsupported(op, "num_heads is required for rank 3");
    // The head size, and the number of rotated features.
    Value headSize;
    if (rank == 4) {
      headSize = getValueOrCreateConstantIndexOp(rewriter, loc,
                                                 getDim(rewriter, loc, x, 3));
    } else {
      Value hidden = getValueOrCreateConstantIndexOp(
          rewriter, loc, getDim(rewriter, loc, x, 2));
      headSize = arith::DivUIOp::create(
          rewriter, loc, hidden,
          arith::ConstantIndexOp::create(rewriter, loc, *op.getNumHeads()));
    }
    Value rotaryDim = op.getRotaryEmbeddingDim() > 0
                          ? arith::ConstantIndexOp::create(
                                rewriter, loc, op.getRotaryEmbeddingDim())
                                .getResult()
                          : headSize;
    bool interleaved = op.getInterleaved() != 0;
    Type elementType = xType.getElementType();
    Type computeType = getComputeType(elementType);

    SmallVector<AffineMap> maps(2, rewriter.getMultiDimIdentityMap(rank));
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    Value init =
        createEmpty(rewriter, loc, resultType, getDims(rewriter, loc, x));
    Value y = buildGeneric(
        rewriter, loc, x, init, maps, iterators,
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          SmallVector<Value> ivs = getIterationIndices(b, l, rank);
          Value batch = ivs[0];
          Value seq = rank == 4 ? ivs[2] : ivs[1];
          Value d =
              rank == 4
                  ? ivs[3]
                  : arith::RemUIOp::create(b, l, ivs[2], headSize).getResult();
          Value zero = arith::ConstantIndexOp::create(b, l, 0);
          Value one = arith::ConstantIndexOp::create(b, l, 1);
          Value two = arith::ConstantIndexOp::create(b, l, 2);
          Value half = arith::DivUIOp::create(b, l, rotaryDim, two);
          Value rotated = arith::CmpIOp::create(b, l, arith::CmpIPredicate::ult,
                                                d, rotaryDim);
          // `first`: this element is x1 (it gets cos * x1 - sin * x2).
          Value first, cacheIdx, partner;
          if (interleaved) {
            Value odd = arith::RemUIOp::create(b, l, d, two);
            first = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, odd,
                                          zero);
            cacheIdx = arith::DivUIOp::create(b, l, d, two);
            partner = arith::SelectOp::create(
                b, l, first, arith::AddIOp::create(b, l, d, one),
                arith::SubIOp::create(b, l, d, one));
          } else {
            first =
                arith::CmpIOp::create(b, l, arith::CmpIPredicate::ult, d, half);
            cacheIdx = arith::SelectOp::create(
                b, l, first, d, arith::SubIOp::create(b, l, d, half));
            partner = arith::SelectOp::create(
                b, l, first, arith::AddIOp::create(b, l, d, half), cacheIdx);
          }
          // Outside the rotated part, read valid (unused) positions.
          cacheIdx = arith::SelectOp::create(b, l, rotated, cacheIdx, zero);
          partner = arith::SelectOp::create(b, l, rotated, partner, d);
          SmallVector<Value> at(ivs);
          if (rank == 4) {
            at[3] = partner;
          } else {
            Value base = arith::SubIOp::create(b, l, ivs[2], d);
            at[2] = arith::AddIOp::create(b, l, base, partner);
          }
          Value self = toFloat(b, l, args[0], computeType);
          Value other = toFloat(b, l, tensor::ExtractOp::create(b, l, x, at),
                                computeType);
          SmallVector<Value> cacheAt;
          if (hasPositions) {
            Value pos = tensor::ExtractOp::create(b, l, positions,
                                                  ValueRange{batch, seq});
            pos = arith::IndexCastOp::create(b, l, b.getIndexType(), pos);
            Value rows = tensor::DimOp::create(b, l, cosCache, 0);
            cacheAt = {clampIndex(b, l, pos, rows), cacheIdx};
          } else {
            cacheAt = {batch, seq, cacheIdx};
          }
          Value c =
              toFloat(b, l, tensor::ExtractOp::create(b, l, cosCache, cacheAt),
                      computeType);
          Value s =
              toFloat(b, l, tensor::ExtractOp::create(b, l, sinCache, cacheAt),
                      computeType);
          Value x1 = arith::SelectOp::create(b, l, first, self, other);
          Value x2 = arith::SelectOp::create(b, l, first, other, self);
          Value real =
              arith::SubFOp::create(b, l, arith::MulFOp::create(b, l, c, x1),
                                    arith::MulFOp::create(b, l, s, x2));
          Value imag =
              arith::AddFOp::create(b, l, arith::MulFOp::create(b, l, s, x1),
                                    arith::MulFOp::create(b, l, c, x2));
          Value r = arith::SelectOp::create(b, l, first, real, imag);
          r = arith::SelectOp::create(b, l, rotated, r, self);
          return {toFloat(b, l, r, resultType.getElementType())};
        })[0];
    rewriter.replaceOp(op, y);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// NegativeLogLikelihoodLoss, SoftmaxCrossEntropyLoss
//===----------------------------------------------------------------------===//

/// The loss of `values` ([N, C, d...], in the compute type) at `target`
/// ([N, d...]): -values[n, target, d...] * weight[target], 0 where target is
/// ignore_index, then reduced (mean divides by the summed weights).
FailureOr<Value> buildNllLoss(OpBuilder &b, Location loc, Operation *op,
                              Value values, Value target, Value weight,
                              std::optional<int64_t> ignoreIndex,
                              StringRef reduction,
                              RankedTensorType resultType) {
  auto valuesType = cast<RankedTensorType>(values.getType());
  auto targetType = dyn_cast<RankedTensorType>(target.getType());
  if (!targetType || !isa<IntegerType>(targetType.getElementType()) ||
      targetType.getRank() != valuesType.getRank() - 1)
    return reportUnsupported(op, "target must be an integer tensor of rank " +
                                     Twine(valuesType.getRank() - 1));
  Type computeType = valuesType.getElementType();
  bool hasWeight = !isNone(weight);
  if (hasWeight && !isFloatTensor(weight))
    return reportUnsupported(op, "weight must be a float tensor");
  int64_t rank = targetType.getRank();
  Value classes = tensor::DimOp::create(b, loc, values, 1);
  SmallVector<OpFoldResult> dims = getDims(b, loc, target);
  auto lossType = RankedTensorType::get(targetType.getShape(), computeType);
  Value lossInit = createEmpty(b, loc, lossType, dims);
  Value weightInit = createEmpty(b, loc, lossType, dims);
  SmallVector<AffineMap> maps(3, b.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  SmallVector<Value> perElement = buildGeneric(
      b, loc, target, {lossInit, weightInit}, maps, iterators,
      [&](OpBuilder &nb, Location l, ValueRange args) -> SmallVector<Value> {
        Value t = args[0];
        Value ignored = arith::ConstantIntOp::create(nb, l, 0, 1);
        if (ignoreIndex)
          ignored = arith::CmpIOp::create(
              nb, l, arith::CmpIPredicate::eq, t,
              createScalar(nb, l, t.getType(), *ignoreIndex));
        Value cls = arith::IndexCastOp::create(nb, l, nb.getIndexType(), t);
        cls = clampIndex(nb, l, cls, classes);
        SmallVector<Value> ivs = getIterationIndices(nb, l, rank);
        SmallVector<Value> at = {ivs[0], cls};
        at.append(ivs.begin() + 1, ivs.end());
        Value v = tensor::ExtractOp::create(nb, l, values, at);
        Value w = createScalar(nb, l, computeType, 1);
        if (hasWeight)
          w = toFloat(nb, l, tensor::ExtractOp::create(nb, l, weight, cls),
                      computeType);
        Value zero = createScalar(nb, l, computeType, 0);
        w = arith::SelectOp::create(nb, l, ignored, zero, w);
        Value loss =
            arith::MulFOp::create(nb, l, w, arith::NegFOp::create(nb, l, v));
        loss = arith::SelectOp::create(nb, l, ignored, zero, loss);
        return {loss, w};
      });
  Type resultElement = resultType.getElementType();
  if (reduction == "none")
    return truncateToType(b, loc, perElement[0], resultType);
  SmallVector<bool> all(rank, true);
  Value zero = createScalar(b, loc, computeType, 0);
  auto sum = [&](Value v) {
    return buildReduction(
        b, loc, v, all, zero, {},
        [&](OpBuilder &nb, Location l, ValueRange args) {
          return arith::AddFOp::create(nb, l, args[1], args[0]).getResult();
        });
  };
  Value total = sum(perElement[0]);
  auto scalarType = RankedTensorType::get({}, computeType);
  if (reduction == "mean") {
    Value weights = sum(perElement[1]);
    total = buildElementwise(
        b, loc, scalarType, {total, weights},
        [&](OpBuilder &nb, Location l, ValueRange args) {
          return arith::DivFOp::create(nb, l, args[0], args[1]).getResult();
        });
  }
  if (resultElement != computeType)
    total = truncateToType(b, loc, total, resultType);
  return total;
}

struct NegativeLogLikelihoodLossPattern
    : public OpConversionPattern<onnx::NegativeLogLikelihoodLossOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::NegativeLogLikelihoodLossOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    Value input = adaptor.getInput();
    if (!resultType || !isa<RankedTensorType>(input.getType()))
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    if (!isFloatTensor(input))
      return reportUnsupported(op, "input must be a float tensor");
    auto inputType = cast<RankedTensorType>(input.getType());
    if (inputType.getRank() < 2)
      return reportUnsupported(op, "input must have rank 2 or more");
    Type computeType = getComputeType(inputType.getElementType());
    if (computeType != inputType.getElementType())
      input =
          buildElementwise(rewriter, loc, inputType.clone(computeType), input,
                           [&](OpBuilder &b, Location l, ValueRange args) {
                             return toFloat(b, l, args[0], computeType);
                           });
    FailureOr<Value> loss = buildNllLoss(
        rewriter, loc, op, input, adaptor.getTarget(), adaptor.getWeight(),
        op.getIgnoreIndex(), op.getReduction(), resultType);
    if (failed(loss))
      return failure();
    rewriter.replaceOp(op, castTo(rewriter, loc, *loss, resultType));
    return success();
  }
};

/// log_prob = x - max - log(sum(exp(x - max))) along dim 1, then the
/// negative log-likelihood loss of log_prob.
struct SoftmaxCrossEntropyLossPattern
    : public OpConversionPattern<onnx::SoftmaxCrossEntropyLossOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::SoftmaxCrossEntropyLossOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    Value scores = adaptor.getScores();
    if (!resultType || !isa<RankedTensorType>(scores.getType()))
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    if (!isFloatTensor(scores))
      return reportUnsupported(op, "scores must be a float tensor");
    auto scoresType = cast<RankedTensorType>(scores.getType());
    int64_t rank = scoresType.getRank();
    if (rank < 2)
      return reportUnsupported(op, "scores must have rank 2 or more");
    Type computeType = getComputeType(scoresType.getElementType());
    SmallVector<bool> reduced(rank, false);
    reduced[1] = true;
    Value lowest = createScalar(rewriter, loc, computeType,
                                -std::numeric_limits<double>::infinity());
    Value max = buildReduction(
        rewriter, loc, scores, reduced, lowest, {},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::MaximumFOp::create(
              b, l, toFloat(b, l, args[0], computeType), args[1]);
        });
    Value zero = createScalar(rewriter, loc, computeType, 0);
    Value sum =
        buildReduction(rewriter, loc, scores, reduced, zero, max,
                       [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                         Value v = toFloat(b, l, args[0], computeType);
                         Value e = math::ExpOp::create(
                             b, l, arith::SubFOp::create(b, l, v, args[1]));
                         return arith::AddFOp::create(b, l, args[2], e);
                       });
    MLIRContext *ctx = rewriter.getContext();
    AffineMap identity = rewriter.getMultiDimIdentityMap(rank);
    AffineMap reducedMap = getReducedMap(ctx, reduced);
    auto logProbType = scoresType.clone(computeType);
    Value init =
        createEmpty(rewriter, loc, logProbType, getDims(rewriter, loc, scores));
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    Value logProb = buildGeneric(
        rewriter, loc, {scores, max, sum}, init,
        {identity, reducedMap, reducedMap, identity}, iterators,
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          Value v = toFloat(b, l, args[0], computeType);
          Value shifted = arith::SubFOp::create(b, l, v, args[1]);
          return {arith::SubFOp::create(b, l, shifted,
                                        math::LogOp::create(b, l, args[2]))};
        })[0];
    FailureOr<Value> loss = buildNllLoss(
        rewriter, loc, op, logProb, adaptor.getLabels(), adaptor.getWeights(),
        op.getIgnoreIndex(), op.getReduction(), resultType);
    if (failed(loss))
      return failure();
    Value logProbResult;
    if (RankedTensorType type =
            getConvertedResultType(getTypeConverter(), op, 1))
      logProbResult = castTo(
          rewriter, loc, truncateToType(rewriter, loc, logProb, type), type);
    rewriter.replaceOp(
        op, {castTo(rewriter, loc, *loss, resultType), logProbResult});
    return success();
  }
};

//===----------------------------------------------------------------------===//
// CausalConvWithState
//===----------------------------------------------------------------------===//

/// padded = past_state (or zeros) ++ input along time; output[b, c, t] =
/// act(bias[c] + sum_k padded[b, c, t + k] * weight[c, 0, k]); present_state
/// = the last K - 1 steps of padded.
struct CausalConvWithStatePattern
    : public OpConversionPattern<onnx::CausalConvWithStateOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::CausalConvWithStateOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    const TypeConverter *converter = getTypeConverter();
    RankedTensorType outType = getConvertedResultType(converter, op, 0);
    RankedTensorType stateType = getConvertedResultType(converter, op, 1);
    Value input = adaptor.getInput(), weight = adaptor.getWeight();
    Value bias = adaptor.getBias(), past = adaptor.getPastState();
    if (!outType || !stateType || !isa<RankedTensorType>(input.getType()))
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    if (!isFloatTensor(input) || !isFloatTensor(weight) ||
        (!isNone(bias) && !isFloatTensor(bias)) ||
        (!isNone(past) && !isFloatTensor(past)))
      return reportUnsupported(op, "the operands must be float tensors");
    auto inputType = cast<RankedTensorType>(input.getType());
    auto weightType = cast<RankedTensorType>(weight.getType());
    if (inputType.getRank() != 3 || weightType.getRank() != 3)
      return reportUnsupported(op, "input and weight must have rank 3");
    Type elementType = inputType.getElementType();
    Type computeType = getComputeType(elementType);
    OpFoldResult kernel = getDim(rewriter, loc, weight, 2);
    OpFoldResult tail =
        subIndex(rewriter, loc, kernel, rewriter.getIndexAttr(1));
    if (isNone(past)) {
      Value zero = createScalar(rewriter, loc, elementType, 0);
      past = createFilled(rewriter, loc, stateType,
                          {getDim(rewriter, loc, input, 0),
                           getDim(rewriter, loc, input, 1), tail},
                          zero);
    }
    Value padded = concatAlong(rewriter, loc, past, input, 2);

    MLIRContext *ctx = rewriter.getContext();
    AffineExpr b0, c, t, k;
    bindDims(ctx, b0, c, t, k);
    SmallVector<AffineMap> maps = {
        AffineMap::get(4, 0, {b0, c, t + k}, ctx),
        AffineMap::get(4, 0, {c, rewriter.getAffineConstantExpr(0), k}, ctx),
        AffineMap::get(4, 0, {b0, c, t}, ctx)};
    auto accType = outType.clone(computeType);
    SmallVector<OpFoldResult> outDims = getDims(rewriter, loc, input);
    Value acc;
    if (isNone(bias)) {
      acc = createFilled(rewriter, loc, accType, outDims,
                         createScalar(rewriter, loc, computeType, 0));
    } else {
      Value empty = createEmpty(rewriter, loc, accType, outDims);
      AffineMap channel = AffineMap::get(3, 0, getAffineDimExpr(1, ctx), ctx);
      acc = buildGeneric(
          rewriter, loc, bias, empty,
          {channel, rewriter.getMultiDimIdentityMap(3)},
          SmallVector<utils::IteratorType>(3, utils::IteratorType::parallel),
          [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
            return {toFloat(b, l, args[0], computeType)};
          })[0];
    }
    SmallVector<utils::IteratorType> iterators(3,
                                               utils::IteratorType::parallel);
    iterators.push_back(utils::IteratorType::reduction);
    Value conv = buildGeneric(
        rewriter, loc, {padded, weight}, acc, maps, iterators,
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          Value p =
              arith::MulFOp::create(b, l, toFloat(b, l, args[0], computeType),
                                    toFloat(b, l, args[1], computeType));
          return {arith::AddFOp::create(b, l, args[2], p)};
        })[0];
    bool silu = op.getActivation() != "none";
    Value output = buildElementwise(
        rewriter, loc, outType, conv,
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          // The convolution's result is rounded to the input type first.
          Value v = roundThrough(b, l, args[0], elementType);
          if (silu)
            v = arith::MulFOp::create(b, l, v, createSigmoid(b, l, v));
          return toFloat(b, l, v, outType.getElementType());
        });
    SmallVector<OpFoldResult> stateDims = {
        getDim(rewriter, loc, input, 0), getDim(rewriter, loc, input, 1), tail};
    // (An empty state when K = 1: no slice, whose offset would be past the
    // end.)
    Value state =
        isZeroInteger(tail)
            ? createEmpty(rewriter, loc, stateType, stateDims)
            : extractSlice(rewriter, loc, padded,
                           {rewriter.getIndexAttr(0), rewriter.getIndexAttr(0),
                            getDim(rewriter, loc, input, 2)},
                           stateDims);
    rewriter.replaceOp(op, {castTo(rewriter, loc, output, outType),
                            castTo(rewriter, loc, state, stateType)});
    return success();
  }
};

} // namespace
} // namespace onnxc

void onnxc::populateOnnxToLinalgNNExtraPatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns) {
  patterns.add<RMSNormalizationPattern, RotaryEmbeddingPattern,
               NegativeLogLikelihoodLossPattern, SoftmaxCrossEntropyLossPattern,
               CausalConvWithStatePattern>(converter, patterns.getContext());
  lowering::nnx::populateAttentionPatterns(converter, patterns);
  lowering::nnx::populateRecurrentPatterns(converter, patterns);
  lowering::nnx::populateLoopPatterns(converter, patterns);
  lowering::nnx::populateOptimizerPatterns(converter, patterns);
}
