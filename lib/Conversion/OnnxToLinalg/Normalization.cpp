//===- Normalization.cpp - onnx to linalg: normalization ops --------------===//
//
// Softmax, LogSoftmax, BatchNormalization, LayerNormalization and
// Dropout. Statistics are reductions into the shape without the
// normalized dims (buildReduction) that the final element-wise generic reads
// through a projection map. f16/bf16 inputs are computed in f32.
//
//===----------------------------------------------------------------------===//

#include "Common.h"
#include "Random.h"
#include "TensorOpsCommon.h"

#include "mlir/IR/Matchers.h"

#include <limits>

using namespace mlir;

namespace onnxc {
namespace {

using namespace lowering;

bool isSupportedFloat(Type type) {
  return isa<Float16Type, BFloat16Type, Float32Type, Float64Type>(type);
}

Value toType(OpBuilder &b, Location loc, Value v, Type type) {
  return convertScalar(b, loc, v, type, /*fromUnsigned=*/false,
                       /*toUnsigned=*/false);
}

/// An all-parallel linalg.generic over the shape of `shapeSource` producing
/// `resultType` (same shape), reading `inputs` through `maps`.
Value buildMapped(OpBuilder &b, Location loc, RankedTensorType resultType,
                  Value shapeSource, ValueRange inputs,
                  ArrayRef<AffineMap> maps,
                  function_ref<Value(OpBuilder &, Location, ValueRange)> body) {
  int64_t rank = resultType.getRank();
  SmallVector<AffineMap> allMaps(maps);
  allMaps.push_back(b.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  Value init = createEmpty(b, loc, resultType, getDims(b, loc, shapeSource));
  auto generic = linalg::GenericOp::create(
      b, loc, resultType, inputs, init, allMaps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        linalg::YieldOp::create(nested, nestedLoc,
                                body(nested, nestedLoc, args.drop_back()));
      });
  return generic.getResult(0);
}

FailureOr<int64_t> getAxis(Operation *op, int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    return reportUnsupported(
        op, "axis " + Twine(axis) + " is out of range for rank " + Twine(rank));
  return axis < 0 ? axis + rank : axis;
}

/// The number of elements in the dims set in `reduced`, as a scalar of
/// float type `type`.
Value countAsFloat(OpBuilder &b, Location loc, Value tensor,
                   ArrayRef<bool> reduced, Type type) {
  auto tensorType = cast<RankedTensorType>(tensor.getType());
  int64_t staticCount = 1;
  Value count;
  for (auto [i, isReduced] : llvm::enumerate(reduced)) {
    if (!isReduced)
      continue;
    if (!tensorType.isDynamicDim(i)) {
      staticCount *= tensorType.getDimSize(i);
      continue;
    }
    Value dim = tensor::DimOp::create(b, loc, tensor, i);
    count = count ? arith::MulIOp::create(b, loc, count, dim).getResult() : dim;
  }
  if (!count)
    return createScalar(b, loc, type, static_cast<double>(staticCount));
  count = arith::MulIOp::create(
      b, loc, count, arith::ConstantIndexOp::create(b, loc, staticCount));
  count = arith::IndexCastOp::create(b, loc, b.getI64Type(), count);
  return arith::SIToFPOp::create(b, loc, type, count);
}

//===----------------------------------------------------------------------===//
// Softmax, LogSoftmax
//===----------------------------------------------------------------------===//

/// softmax(x) = exp(x - max) / sum(exp(x - max));
/// logsoftmax(x) = x - max - log(sum(exp(x - max))), along `axis`.
template <typename OpTy, bool isLog>
class SoftmaxPattern : public OpConversionPattern<OpTy> {
public:
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedResultType(this->getTypeConverter(), op);
    Value input = adaptor.getInput();
    auto inputType = dyn_cast<RankedTensorType>(input.getType());
    if (!resultType || !inputType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    Type elementType = inputType.getElementType();
    if (!isSupportedFloat(elementType))
      return reportUnsupported(op, "element type " + typeToString(elementType) +
                                       " is not supported by this op");
    int64_t rank = inputType.getRank();
    FailureOr<int64_t> axis = getAxis(op, op.getAxis(), rank);
    if (failed(axis))
      return failure();
    SmallVector<bool> reduced(rank, false);
    reduced[*axis] = true;
    Type computeType = getComputeType(elementType);

    Value lowest = createScalar(rewriter, loc, computeType,
                                -std::numeric_limits<double>::infinity());
    Value max =
        buildReduction(rewriter, loc, input, reduced, lowest, {},
                       [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                         return arith::MaximumFOp::create(
                             b, l, toType(b, l, args[0], computeType), args[1]);
                       });
    Value zero = createScalar(rewriter, loc, computeType, 0);
    Value sum =
        buildReduction(rewriter, loc, input, reduced, zero, max,
                       [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                         Value x = toType(b, l, args[0], computeType);
                         Value e = math::ExpOp::create(
                             b, l, arith::SubFOp::create(b, l, x, args[1]));
                         return arith::AddFOp::create(b, l, args[2], e);
                       });

    MLIRContext *ctx = rewriter.getContext();
    AffineMap reducedMap = getReducedMap(ctx, reduced);
    AffineMap identity = rewriter.getMultiDimIdentityMap(rank);
    Value result =
        buildMapped(rewriter, loc, resultType, input, {input, max, sum},
                    {identity, reducedMap, reducedMap},
                    [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                      Value x = toType(b, l, args[0], computeType);
                      Value shifted = arith::SubFOp::create(b, l, x, args[1]);
                      Value r;
                      if (isLog)
                        r = arith::SubFOp::create(
                            b, l, shifted, math::LogOp::create(b, l, args[2]));
                      else
                        r = arith::DivFOp::create(
                            b, l, math::ExpOp::create(b, l, shifted), args[2]);
                      return toType(b, l, r, resultType.getElementType());
                    });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// BatchNormalization
//===----------------------------------------------------------------------===//

/// y = (x - mean) * (scale / sqrt(var + epsilon)) + B, the per-channel
/// factor computed first over dim 1. mean and var are the inputs, or in
/// training mode the statistics of the batch (then also blended into
/// running_mean and running_var with momentum).
struct BatchNormalizationPattern
    : public OpConversionPattern<onnx::BatchNormalizationOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::BatchNormalizationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    Value x = adaptor.getX();
    auto xType = dyn_cast<RankedTensorType>(x.getType());
    if (!resultType || !xType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    bool training = op.getTrainingMode() != 0;
    if (!training &&
        (!op.getRunningMean().use_empty() || !op.getRunningVar().use_empty()))
      return reportUnsupported(
          op, "running_mean and running_var are only computed in training "
              "mode");
    Type elementType = xType.getElementType();
    SmallVector<Value> params{adaptor.getScale(), adaptor.getB(),
                              adaptor.getInputMean(), adaptor.getInputVar()};
    if (!isSupportedFloat(elementType) || llvm::any_of(params, [](Value p) {
          auto type = dyn_cast<RankedTensorType>(p.getType());
          return !type || type.getRank() != 1 ||
                 !isSupportedFloat(type.getElementType());
        }))
      return reportUnsupported(op, "X must be a float tensor and scale, B, "
                                   "mean and var float vectors");
    if (xType.getRank() < 2)
      return reportUnsupported(op, "X must have rank 2 or more");
    int64_t channels = xType.getDimSize(1);
    for (Value p : params) {
      int64_t size = cast<RankedTensorType>(p.getType()).getDimSize(0);
      if (!ShapedType::isDynamic(channels) && !ShapedType::isDynamic(size) &&
          size != channels)
        return reportUnsupported(op, "scale, B, mean and var must have " +
                                         Twine(channels) +
                                         " elements, one per channel");
    }
    Type computeType = getComputeType(elementType);
    double epsilon = op.getEpsilon().convertToDouble();
    int64_t rank = xType.getRank();
    Value mean = adaptor.getInputMean(), var = adaptor.getInputVar();
    Value runningMean, runningVar;
    if (training) {
      // The statistics of this batch over all dims but the channel dim
      // (population variance); the running ones blend them with the inputs:
      // running = input * momentum + current * (1 - momentum).
      SmallVector<bool> reduced(rank, true);
      reduced[1] = false;
      Value count = countAsFloat(rewriter, loc, x, reduced, computeType);
      Value zero = createScalar(rewriter, loc, computeType, 0);
      Value sum = buildReduction(
          rewriter, loc, x, reduced, zero, {},
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return arith::AddFOp::create(b, l, args[1],
                                         toType(b, l, args[0], computeType));
          });
      auto statType = cast<RankedTensorType>(sum.getType());
      mean = buildElementwise(
          rewriter, loc, statType, sum,
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return arith::DivFOp::create(b, l, args[0], count);
          });
      Value squares = buildReduction(
          rewriter, loc, x, reduced, zero, mean,
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            Value d = arith::SubFOp::create(
                b, l, toType(b, l, args[0], computeType), args[1]);
            return arith::AddFOp::create(b, l, args[2],
                                         arith::MulFOp::create(b, l, d, d));
          });
      var = buildElementwise(
          rewriter, loc, statType, squares,
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return arith::DivFOp::create(b, l, args[0], count);
          });
      double momentum = op.getMomentum().convertToDouble();
      auto blend = [&](Value input, Value current, unsigned resultIdx) {
        auto type = getConvertedResultType(getTypeConverter(), op, resultIdx);
        if (!type)
          return Value();
        return buildMapped(
            rewriter, loc, type, current, {input, current},
            {rewriter.getMultiDimIdentityMap(1),
             rewriter.getMultiDimIdentityMap(1)},
            [&](OpBuilder &b, Location l, ValueRange args) -> Value {
              Value in = toType(b, l, args[0], computeType);
              Value r = arith::AddFOp::create(
                  b, l,
                  arith::MulFOp::create(
                      b, l, in, createScalar(b, l, computeType, momentum)),
                  arith::MulFOp::create(
                      b, l, args[1],
                      createScalar(b, l, computeType, 1 - momentum)));
              return toType(b, l, r, type.getElementType());
            });
      };
      runningMean = blend(adaptor.getInputMean(), mean, 1);
      runningVar = blend(adaptor.getInputVar(), var, 2);
      if ((!runningMean && !op.getRunningMean().use_empty()) ||
          (!runningVar && !op.getRunningVar().use_empty()))
        return reportUnsupported(op, "running_mean and running_var must be "
                                     "ranked tensors");
    }

    // factor = scale / sqrt(var + epsilon), per channel.
    auto channelType =
        RankedTensorType::get({xType.getDimSize(1)}, computeType);
    Value factor =
        buildMapped(rewriter, loc, channelType, adaptor.getScale(),
                    {adaptor.getScale(), var},
                    {rewriter.getMultiDimIdentityMap(1),
                     rewriter.getMultiDimIdentityMap(1)},
                    [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                      Value scale = toType(b, l, args[0], computeType);
                      Value var = toType(b, l, args[1], computeType);
                      Value eps = createScalar(b, l, computeType, epsilon);
                      Value std = math::SqrtOp::create(
                          b, l, arith::AddFOp::create(b, l, var, eps));
                      return arith::DivFOp::create(b, l, scale, std);
                    });

    MLIRContext *ctx = rewriter.getContext();
    AffineMap channelMap =
        AffineMap::get(rank, 0, getAffineDimExpr(1, ctx), ctx);
    Value y = buildMapped(
        rewriter, loc, resultType, x, {x, mean, factor, adaptor.getB()},
        {rewriter.getMultiDimIdentityMap(rank), channelMap, channelMap,
         channelMap},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value v = toType(b, l, args[0], computeType);
          Value mean = toType(b, l, args[1], computeType);
          Value bias = toType(b, l, args[3], computeType);
          Value centered = arith::SubFOp::create(b, l, v, mean);
          Value r = arith::AddFOp::create(
              b, l, arith::MulFOp::create(b, l, centered, args[2]), bias);
          return toType(b, l, r, elementType);
        });
    // Outside training mode running_mean/running_var have no uses (checked
    // above).
    rewriter.replaceOp(op, {y, runningMean, runningVar});
    return success();
  }
};

//===----------------------------------------------------------------------===//
// LayerNormalization
//===----------------------------------------------------------------------===//

/// Mean and variance over the dims from `axis` on (two passes, for accuracy),
/// then y = (x - mean) * invStdDev * Scale + B. Computed in f32 when
/// stash_type=1 (and for f16/bf16 inputs in any case).
struct LayerNormalizationPattern
    : public OpConversionPattern<onnx::LayerNormalizationOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::LayerNormalizationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    const TypeConverter *converter = getTypeConverter();
    RankedTensorType resultType = getConvertedResultType(converter, op);
    Value x = adaptor.getX();
    auto xType = dyn_cast<RankedTensorType>(x.getType());
    if (!resultType || !xType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    Type elementType = xType.getElementType();
    Value scale = adaptor.getScale();
    Value bias = adaptor.getB();
    auto isFloatTensor = [](Value v) {
      auto type = dyn_cast<RankedTensorType>(v.getType());
      return type && isSupportedFloat(type.getElementType());
    };
    if (!isSupportedFloat(elementType) || !isFloatTensor(scale) ||
        (!isa<NoneType>(bias.getType()) && !isFloatTensor(bias)))
      return reportUnsupported(op, "X, Scale and B must be float tensors");
    int64_t rank = xType.getRank();
    FailureOr<int64_t> axis = getAxis(op, op.getAxis(), rank);
    if (failed(axis))
      return failure();
    // Scale and B broadcast to the normalized dims X.shape[axis:].
    auto normalizedType =
        RankedTensorType::get(xType.getShape().drop_front(*axis), elementType);
    for (Value v : {scale, bias})
      if (auto type = dyn_cast<RankedTensorType>(v.getType());
          type && !isBroadcastableTo(type, normalizedType))
        return reportUnsupported(op, "Scale and B must broadcast to " +
                                         typeToString(normalizedType));
    SmallVector<bool> reduced(rank, false);
    for (int64_t i = *axis; i < rank; ++i)
      reduced[i] = true;
    Type computeType = op.getStashType() == 1 ? rewriter.getF32Type()
                                              : getComputeType(elementType);
    double epsilon = op.getEpsilon().convertToDouble();
    Value count = countAsFloat(rewriter, loc, x, reduced, computeType);
    Value zero = createScalar(rewriter, loc, computeType, 0);

    // mean = sum(x) / n
    Value sum =
        buildReduction(rewriter, loc, x, reduced, zero, {},
                       [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                         return arith::AddFOp::create(
                             b, l, args[1], toType(b, l, args[0], computeType));
                       });
    auto statType = cast<RankedTensorType>(sum.getType());
    Value mean = buildElementwise(
        rewriter, loc, statType, sum,
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::DivFOp::create(b, l, args[0], count);
        });
    // invStdDev = 1 / sqrt(sum((x - mean)^2) / n + epsilon)
    Value squares =
        buildReduction(rewriter, loc, x, reduced, zero, mean,
                       [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                         Value d = arith::SubFOp::create(
                             b, l, toType(b, l, args[0], computeType), args[1]);
                         return arith::AddFOp::create(
                             b, l, args[2], arith::MulFOp::create(b, l, d, d));
                       });
    Value invStdDev = buildElementwise(
        rewriter, loc, statType, squares,
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value var = arith::DivFOp::create(b, l, args[0], count);
          Value eps = createScalar(b, l, computeType, epsilon);
          Value std =
              math::SqrtOp::create(b, l, arith::AddFOp::create(b, l, var, eps));
          return arith::DivFOp::create(b, l, createScalar(b, l, computeType, 1),
                                       std);
        });

    MLIRContext *ctx = rewriter.getContext();
    AffineMap statMap = getReducedMap(ctx, reduced);
    SmallVector<Value> inputs{x, mean, invStdDev, scale};
    SmallVector<AffineMap> maps{
        rewriter.getMultiDimIdentityMap(rank), statMap, statMap,
        getBroadcastMap(ctx, cast<RankedTensorType>(scale.getType()), xType)};
    bool hasBias = !isa<NoneType>(bias.getType());
    if (hasBias) {
      inputs.push_back(bias);
      maps.push_back(
          getBroadcastMap(ctx, cast<RankedTensorType>(bias.getType()), xType));
    }
    Value y = buildMapped(
        rewriter, loc, resultType, x, inputs, maps,
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value v = toType(b, l, args[0], computeType);
          Value normalized = arith::MulFOp::create(
              b, l, arith::SubFOp::create(b, l, v, args[1]), args[2]);
          Value r = arith::MulFOp::create(b, l, normalized,
                                          toType(b, l, args[3], computeType));
          if (hasBias)
            r = arith::AddFOp::create(b, l, r,
                                      toType(b, l, args[4], computeType));
          return toType(b, l, r, resultType.getElementType());
        });

    // Mean and InvStdDev keep the rank of X with size-1 normalized dims.
    SmallVector<Value> results{y};
    for (auto [idx, stat] : llvm::enumerate(ArrayRef<Value>{mean, invStdDev})) {
      unsigned resultIdx = idx + 1;
      RankedTensorType type = getConvertedResultType(converter, op, resultIdx);
      if (!type || op->getResult(resultIdx).use_empty()) {
        results.push_back(Value());
        continue;
      }
      Value v = stat;
      if (type.getElementType() != computeType) {
        auto converted =
            RankedTensorType::get(statType.getShape(), type.getElementType());
        v = buildElementwise(
            rewriter, loc, converted, v,
            [&](OpBuilder &b, Location l, ValueRange args) -> Value {
              return toType(b, l, args[0], type.getElementType());
            });
      }
      v = expandReducedDims(rewriter, loc, v, reduced);
      results.push_back(castTo(rewriter, loc, v, type));
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Dropout
//===----------------------------------------------------------------------===//

/// Inference: the output is the input and the mask is all true. Training
/// mode is only accepted with a constant ratio of 0, where it is the same.
struct DropoutPattern : public OpConversionPattern<onnx::DropoutOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::DropoutOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    const TypeConverter *converter = getTypeConverter();
    RankedTensorType resultType = getConvertedResultType(converter, op);
    Value data = adaptor.getData();
    if (!resultType || !isa<RankedTensorType>(data.getType()))
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");

    // training_mode: absent or a constant 0 is inference (the identity);
    // otherwise the run-time flag chooses.
    Value training;
    if (!isa<NoneType>(adaptor.getTrainingMode().getType())) {
      auto flagType =
          dyn_cast<RankedTensorType>(adaptor.getTrainingMode().getType());
      if (!flagType || flagType.getNumElements() != 1)
        return reportUnsupported(op, "training_mode must be a scalar");
      std::optional<SmallVector<int64_t>> constant =
          getConstantIntValues(adaptor.getTrainingMode());
      if (!constant)
        constant = getConstantIntValues(op.getTrainingMode());
      // A zero ratio keeps every element: the identity too.
      if ((!constant || (*constant)[0] != 0) && !isZeroRatio(op, adaptor))
        training = extractFirst(rewriter, loc, adaptor.getTrainingMode());
      if (training && !training.getType().isInteger(1))
        training = arith::CmpIOp::create(
            rewriter, loc, arith::CmpIPredicate::ne, training,
            arith::ConstantIntOp::create(rewriter, loc, training.getType(), 0));
    }
    RankedTensorType maskType = getConvertedResultType(converter, op, 1);
    if (!maskType && !op.getMask().use_empty())
      return reportUnsupported(op, "the mask must be a ranked tensor");
    if (!training) {
      Value output = castTo(rewriter, loc, data, resultType);
      Value mask;
      if (maskType) {
        Value one = arith::ConstantIntOp::create(rewriter, loc, 1, 1);
        mask = createFilled(rewriter, loc, maskType,
                            getDims(rewriter, loc, data), one);
      }
      rewriter.replaceOp(op, {output, mask});
      return success();
    }
    return lowerTraining(op, adaptor, rewriter, resultType, maskType, training);
  }

private:
  /// Training mode: keep = u >= ratio (u uniform in [0, 1), see Random.h),
  /// output = keep ? x / (1 - ratio) : 0 and mask = keep; when the run-time
  /// flag is false, output = x and mask is all true.
  LogicalResult lowerTraining(onnx::DropoutOp op, OpAdaptor adaptor,
                              ConversionPatternRewriter &rewriter,
                              RankedTensorType resultType,
                              RankedTensorType maskType, Value training) const {
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    Type elementType = resultType.getElementType();
    if (!isSupportedFloat(elementType))
      return reportUnsupported(op, "training mode needs a float input");
    Type computeType = getComputeType(elementType);
    Value ratio = createScalar(rewriter, loc, computeType, 0.5);
    if (!isa<NoneType>(adaptor.getRatio().getType())) {
      auto ratioType = dyn_cast<RankedTensorType>(adaptor.getRatio().getType());
      if (!ratioType || ratioType.getNumElements() != 1 ||
          !isSupportedFloat(ratioType.getElementType()))
        return reportUnsupported(op, "ratio must be a float scalar");
      ratio =
          toType(rewriter, loc, extractFirst(rewriter, loc, adaptor.getRatio()),
                 computeType);
    }
    uint64_t seed = getRandomSeed(
        op, op.getSeed() ? std::optional<double>(*op.getSeed()) : std::nullopt);
    SmallVector<OpFoldResult> dims = getDims(rewriter, loc, data);
    int64_t rank = resultType.getRank();
    // 1 / (1 - ratio), 0 when ratio is 1 (every element dropped).
    Value one = createScalar(rewriter, loc, computeType, 1);
    Value keepProbability = arith::SubFOp::create(rewriter, loc, one, ratio);
    Value scale = arith::SelectOp::create(
        rewriter, loc,
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OGT,
                              keepProbability,
                              createScalar(rewriter, loc, computeType, 0)),
        arith::DivFOp::create(rewriter, loc, one, keepProbability),
        createScalar(rewriter, loc, computeType, 0));
    auto keepAt = [&](OpBuilder &b, Location l) {
      SmallVector<Value> ivs;
      for (int64_t d = 0; d < rank; ++d)
        ivs.push_back(linalg::IndexOp::create(b, l, d));
      Value u = buildUniform01(b, l, ivs, dims, seed, computeType);
      Value keep =
          arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGE, u, ratio);
      Value notTraining = arith::XOrIOp::create(
          b, l, training, arith::ConstantIntOp::create(b, l, 1, 1));
      return arith::OrIOp::create(b, l, keep, notTraining).getResult();
    };
    AffineMap identity = rewriter.getMultiDimIdentityMap(rank);
    Value output = buildMapped(
        rewriter, loc, resultType, data, data, identity,
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value x = toType(b, l, args[0], computeType);
          Value factor = arith::SelectOp::create(
              b, l, training, scale, createScalar(b, l, computeType, 1));
          Value scaled = arith::MulFOp::create(b, l, x, factor);
          Value r = arith::SelectOp::create(b, l, keepAt(b, l), scaled,
                                            createScalar(b, l, computeType, 0));
          return toType(b, l, r, elementType);
        });
    Value mask;
    if (maskType)
      mask = buildMapped(rewriter, loc, maskType, data, {}, {},
                         [&](OpBuilder &b, Location l, ValueRange) -> Value {
                           return keepAt(b, l);
                         });
    rewriter.replaceOp(op, {output, mask});
    return success();
  }

  static bool isZeroRatio(onnx::DropoutOp op, OpAdaptor adaptor) {
    if (isa<NoneType>(adaptor.getRatio().getType()))
      return false; // the default ratio is 0.5
    for (Value ratio : {adaptor.getRatio(), op.getRatio()}) {
      DenseFPElementsAttr attr;
      if (matchPattern(ratio, m_Constant(&attr)))
        return llvm::all_of(attr.getValues<APFloat>(),
                            [](const APFloat &v) { return v.isZero(); });
    }
    return false;
  }
};

} // namespace

void populateOnnxToLinalgNormalizationPatterns(const TypeConverter &converter,
                                               RewritePatternSet &patterns) {
  patterns.add<SoftmaxPattern<onnx::SoftmaxOp, /*isLog=*/false>,
               SoftmaxPattern<onnx::LogSoftmaxOp, /*isLog=*/true>,
               BatchNormalizationPattern, LayerNormalizationPattern,
               DropoutPattern>(converter, patterns.getContext());
}

} // namespace onnxc
