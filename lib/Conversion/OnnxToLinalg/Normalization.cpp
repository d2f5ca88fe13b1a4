//===- Normalization.cpp - onnx to linalg: normalization ops --------------===//
//
// Softmax, LogSoftmax, BatchNormalization (inference), LayerNormalization and
// Dropout (inference). Statistics are reductions into the shape without the
// normalized dims (buildReduction) that the final element-wise generic reads
// through a projection map. f16/bf16 inputs are computed in f32.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

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

/// Inference form: y = (x - mean) * (scale / sqrt(var + epsilon)) + B, the
/// per-channel factor computed first over dim 1.
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
    if (op.getTrainingMode() != 0)
      return reportUnsupported(op, "training_mode=1 is not supported");
    if (!op.getRunningMean().use_empty() || !op.getRunningVar().use_empty())
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

    // factor = scale / sqrt(var + epsilon), per channel.
    auto channelType =
        RankedTensorType::get({xType.getDimSize(1)}, computeType);
    Value factor =
        buildMapped(rewriter, loc, channelType, adaptor.getScale(),
                    {adaptor.getScale(), adaptor.getInputVar()},
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

    int64_t rank = xType.getRank();
    MLIRContext *ctx = rewriter.getContext();
    AffineMap channelMap =
        AffineMap::get(rank, 0, getAffineDimExpr(1, ctx), ctx);
    Value y = buildMapped(
        rewriter, loc, resultType, x,
        {x, adaptor.getInputMean(), factor, adaptor.getB()},
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
    // running_mean/running_var have no uses (checked above).
    rewriter.replaceOp(op, {y, Value(), Value()});
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

    if (!isa<NoneType>(adaptor.getTrainingMode().getType())) {
      std::optional<SmallVector<int64_t>> training =
          getConstantIntValues(adaptor.getTrainingMode());
      if (!training)
        training = getConstantIntValues(op.getTrainingMode());
      if (!training || training->size() != 1)
        return reportUnsupported(op, "training_mode must be a constant scalar");
      if ((*training)[0] != 0 && !isZeroRatio(op, adaptor))
        return reportUnsupported(
            op, "training mode with a nonzero ratio is not supported");
    }

    Value output = castTo(rewriter, loc, data, resultType);
    Value mask;
    if (RankedTensorType maskType = getConvertedResultType(converter, op, 1)) {
      Value one = arith::ConstantIntOp::create(rewriter, loc, 1, 1);
      mask = createFilled(rewriter, loc, maskType, getDims(rewriter, loc, data),
                          one);
    } else if (!op.getMask().use_empty()) {
      mask = onnx::NoValueOp::create(rewriter, loc, rewriter.getNoneType());
    }
    rewriter.replaceOp(op, {output, mask});
    return success();
  }

private:
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
