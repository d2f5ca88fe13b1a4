//===- QuantOps.cpp - onnx to linalg: quantization ops --------------------===//
//
// QuantizeLinear, DequantizeLinear and DynamicQuantizeLinear become one
// element-wise linalg.generic each (plus two reductions for the dynamic
// range), reading the scale and zero point through per-tensor, per-axis or
// blocked indexing maps. MatMulInteger and QLinearMatMul subtract the zero
// points into i32 tensors and build an i32 onnx.MatMul, which the matmul
// patterns lower; QLinearMatMul then requantizes. Cast to and from the
// float8/float4 and 4-/2-bit integer types is here too (NarrowTypes.cpp
// does the scalar work). The convolutions are in QuantConv.cpp.
//
//===----------------------------------------------------------------------===//

#include "NarrowTypes.h"
#include "QuantUtils.h"

using namespace mlir;

namespace onnxc::lowering {

//===----------------------------------------------------------------------===//
// Shared helpers (QuantUtils.h)
//===----------------------------------------------------------------------===//

bool isSingleElement(RankedTensorType type) {
  return llvm::all_of(type.getShape(), [](int64_t d) { return d == 1; });
}

/// A map of `rank` dims to the all-zero index of a tensor of `paramRank`.
static AffineMap getConstantMap(MLIRContext *ctx, int64_t rank,
                                int64_t paramRank) {
  SmallVector<AffineExpr> zeros(paramRank, getAffineConstantExpr(0, ctx));
  return AffineMap::get(rank, 0, zeros, ctx);
}

FailureOr<QuantParam> getScalarOrPerDimParam(Operation *op, StringRef name,
                                             Value onnxParam, Value param,
                                             int64_t rank, int64_t dim,
                                             int64_t dimSize) {
  MLIRContext *ctx = op->getContext();
  auto type = cast<RankedTensorType>(param.getType());
  QuantParam result{param, {}, isUnsignedElement(onnxParam)};
  if (isSingleElement(type)) {
    result.map = getConstantMap(ctx, rank, type.getRank());
    return result;
  }
  if (type.getRank() != 1 || dim < 0 || dim >= rank)
    return reportUnsupported(op, name +
                                     " must be a scalar or a 1-D tensor "
                                     "of one value per " +
                                     (dim < 0 ? "index" : "channel") +
                                     ", got " + typeToString(type));
  int64_t size = type.getDimSize(0);
  if (!ShapedType::isDynamic(size) && !ShapedType::isDynamic(dimSize) &&
      size != dimSize)
    return reportUnsupported(op, name + " has " + Twine(size) +
                                     " values, expected " + Twine(dimSize));
  if (ShapedType::isDynamic(size))
    return reportUnsupported(op, name + " has a dynamic size");
  result.map = AffineMap::get(rank, 0, getAffineDimExpr(dim, ctx), ctx);
  return result;
}

std::pair<double, double> getIntegerRange(Type type, bool isUnsigned) {
  unsigned width = type.getIntOrFloatBitWidth();
  if (isUnsigned)
    return {0.0, std::ldexp(1.0, width) - 1};
  return {-std::ldexp(1.0, width - 1), std::ldexp(1.0, width - 1) - 1};
}

/// A linalg.generic over `resultType` (dims from `dimsFrom`, a tensor of the
/// same rank) reading `params` through their maps; `body` gets the scalars.
static Value
buildMapped(OpBuilder &b, Location loc, RankedTensorType resultType,
            Value dimsFrom, ArrayRef<QuantParam> params,
            function_ref<Value(OpBuilder &, Location, ValueRange)> body) {
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  for (const QuantParam &param : params) {
    if (!param)
      continue;
    inputs.push_back(param.value);
    maps.push_back(param.map);
  }
  maps.push_back(b.getMultiDimIdentityMap(resultType.getRank()));
  Value init = createEmpty(b, loc, resultType, getDims(b, loc, dimsFrom));
  SmallVector<utils::IteratorType> iterators(resultType.getRank(),
                                             utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, resultType, inputs, init, maps, iterators,
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               linalg::YieldOp::create(nb, nloc,
                                       body(nb, nloc, args.drop_back()));
             })
      .getResult(0);
}

/// The identity map of a tensor operand read along the iteration space.
static QuantParam identityParam(Value v, bool isUnsigned = false) {
  auto type = cast<RankedTensorType>(v.getType());
  return {v, AffineMap::getMultiDimIdentityMap(type.getRank(), v.getContext()),
          isUnsigned};
}

Value subtractZeroPoint(OpBuilder &b, Location loc, Value x, bool xUnsigned,
                        QuantParam zp) {
  auto xType = cast<RankedTensorType>(x.getType());
  Type i32 = b.getI32Type();
  auto resultType = xType.clone(i32);
  return buildMapped(
      b, loc, resultType, x, {identityParam(x, xUnsigned), zp},
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Value v = convertScalar(nb, nloc, args[0], i32, xUnsigned, false);
        if (!zp)
          return v;
        Value z = convertScalar(nb, nloc, args[1], i32, zp.isUnsigned, false);
        return arith::SubIOp::create(nb, nloc, v, z).getResult();
      });
}

/// `v` rounded to float type `type` and back (emulates computing in it).
static Value roundTo(OpBuilder &b, Location loc, Value v, Type type) {
  if (v.getType() == type)
    return v;
  Value narrow = convertScalar(b, loc, v, type, false, false);
  return convertScalar(b, loc, narrow, v.getType(), false, false);
}

/// round-half-even(v) (unless `v` is already integral) clamped to [lo, hi],
/// as integer type `to`.
static Value roundAndSaturate(OpBuilder &b, Location loc, Value v, double lo,
                              double hi, Type to, bool toUnsigned,
                              bool isIntegral = false) {
  Type type = v.getType();
  Value r = isIntegral ? v : math::RoundEvenOp::create(b, loc, v).getResult();
  r = arith::MaxNumFOp::create(b, loc, r, createScalar(b, loc, type, lo));
  r = arith::MinNumFOp::create(b, loc, r, createScalar(b, loc, type, hi));
  return convertScalar(b, loc, r, to, false, toUnsigned);
}

Value requantize(OpBuilder &b, Location loc, Value acc,
                 RankedTensorType resultType, bool resultUnsigned,
                 QuantParam xScale, QuantParam wScale, QuantParam yScale,
                 QuantParam yZeroPoint) {
  Type elementType = resultType.getElementType();
  auto [lo, hi] = getIntegerRange(elementType, resultUnsigned);
  Type f32 = b.getF32Type();
  return buildMapped(
      b, loc, resultType, acc,
      {identityParam(acc), xScale, wScale, yScale, yZeroPoint},
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Type scaleType = args[1].getType();
        Type computeType = scaleType.isF64() ? nb.getF64Type() : f32;
        auto toCompute = [&](Value v) {
          return convertScalar(nb, nloc, v, computeType, false, false);
        };
        Value m = roundTo(nb, nloc,
                          arith::MulFOp::create(nb, nloc, toCompute(args[1]),
                                                toCompute(args[2])),
                          scaleType);
        m = roundTo(nb, nloc,
                    arith::DivFOp::create(nb, nloc, m, toCompute(args[3])),
                    scaleType);
        Value v = arith::MulFOp::create(
            nb, nloc,
            convertScalar(nb, nloc, args[0], computeType, false, false), m);
        v = arith::AddFOp::create(nb, nloc, v,
                                  convertScalar(nb, nloc, args[4], computeType,
                                                yZeroPoint.isUnsigned, false));
        return roundAndSaturate(nb, nloc, v, lo, hi, elementType,
                                resultUnsigned);
      });
}

namespace {

//===----------------------------------------------------------------------===//
// QuantizeLinear, DequantizeLinear
//===----------------------------------------------------------------------===//

/// The map reading a QuantizeLinear/DequantizeLinear scale or zero point for
/// an element of `x`: per tensor, per `axis`, or blocked along it.
FailureOr<QuantParam> getQDQParam(Operation *op, StringRef name,
                                  Value onnxParam, Value param,
                                  RankedTensorType xType, int64_t axis,
                                  int64_t blockSize) {
  MLIRContext *ctx = op->getContext();
  int64_t rank = xType.getRank();
  auto type = cast<RankedTensorType>(param.getType());
  if (isSingleElement(type))
    return QuantParam{param, getConstantMap(ctx, rank, type.getRank()),
                      isUnsignedElement(onnxParam)};
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis >= rank)
    return reportUnsupported(op, "axis is out of range");
  if (blockSize == 0)
    return getScalarOrPerDimParam(op, name, onnxParam, param, rank, axis,
                                  xType.getDimSize(axis));
  if (type.getRank() != rank)
    return reportUnsupported(op, name + " must have the rank of the input "
                                        "for blocked quantization");
  SmallVector<AffineExpr> exprs;
  for (int64_t i = 0; i < rank; ++i) {
    AffineExpr d = getAffineDimExpr(i, ctx);
    exprs.push_back(i == axis ? d.floorDiv(blockSize) : d);
  }
  return QuantParam{param, AffineMap::get(rank, 0, exprs, ctx),
                    isUnsignedElement(onnxParam)};
}

/// numpy's result type of dividing `x` by `scale` (both ONNX element types).
Type getDivisionType(Type x, Type scale) {
  if (x == scale)
    return x;
  MLIRContext *ctx = x.getContext();
  if (x.isF64() || scale.isF64() || isa<IntegerType>(x))
    return Float64Type::get(ctx);
  return Float32Type::get(ctx);
}

Type getFloatFromCode(MLIRContext *ctx, int64_t code) {
  switch (code) {
  case 1:
    return Float32Type::get(ctx);
  case 10:
    return Float16Type::get(ctx);
  case 11:
    return Float64Type::get(ctx);
  case 16:
    return BFloat16Type::get(ctx);
  default:
    return {};
  }
}

struct QuantizeLinearLowering
    : public OpConversionPattern<onnx::QuantizeLinearOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::QuantizeLinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    auto xType = cast<RankedTensorType>(adaptor.getX().getType());
    Type onnxXType = onnx::getElementType(op.getX());
    Type scaleType = onnx::getElementType(op.getYScale());
    Type outType = resultType.getElementType();
    bool outUnsigned = isUnsignedElement(op.getY());
    auto scale = getQDQParam(op, "y_scale", op.getYScale(), adaptor.getYScale(),
                             xType, op.getAxis(), op.getBlockSize());
    if (failed(scale))
      return failure();
    // Float8 zero points are ignored (they must be zero).
    bool useZeroPoint =
        !onnx::isNoValue(op.getYZeroPoint()) &&
        (isa<IntegerType>(outType) || isa<Float4E2M1FNType>(outType));
    QuantParam zp;
    if (useZeroPoint) {
      auto param = getQDQParam(op, "y_zero_point", op.getYZeroPoint(),
                               adaptor.getYZeroPoint(), xType, op.getAxis(),
                               op.getBlockSize());
      if (failed(param))
        return failure();
      zp = *param;
    }
    // The division is rounded to numpy's type of x / scale (or to
    // `precision`); the rest is computed in f32 (f64 when that is wider).
    Type divisionType =
        op.getPrecision() != 0
            ? getFloatFromCode(op.getContext(), op.getPrecision())
            : getDivisionType(onnxXType, scaleType);
    Type computeType =
        divisionType.isF64() ? rewriter.getF64Type() : rewriter.getF32Type();
    bool saturate = op.getSaturate() != 0;
    Value result = buildMapped(
        rewriter, loc, resultType, adaptor.getX(),
        {identityParam(adaptor.getX()), *scale, zp},
        [&](OpBuilder &b, Location nloc, ValueRange args) -> Value {
          auto toCompute = [&](Value v, bool isUnsigned) {
            return convertScalar(b, nloc, v, computeType, isUnsigned, false);
          };
          // With `precision`, both operands are first rounded to it.
          Value x = toCompute(args[0], false);
          Value s = toCompute(args[1], false);
          if (op.getPrecision() != 0) {
            x = roundTo(b, nloc, x, divisionType);
            s = roundTo(b, nloc, s, divisionType);
          }
          Value q = arith::DivFOp::create(b, nloc, x, s);
          q = roundTo(b, nloc, q, divisionType);
          if (auto floatType = dyn_cast<FloatType>(outType)) {
            if (zp)
              q = arith::AddFOp::create(b, nloc, q, toCompute(args[2], false));
            return truncateToNarrowFloat(b, nloc, q, floatType, saturate);
          }
          // rint(x / scale) + zero point, saturated.
          q = math::RoundEvenOp::create(b, nloc, q);
          if (zp)
            q = arith::AddFOp::create(b, nloc, q,
                                      toCompute(args[2], zp.isUnsigned));
          auto [lo, hi] = getIntegerRange(outType, outUnsigned);
          return roundAndSaturate(b, nloc, q, lo, hi, outType, outUnsigned,
                                  /*isIntegral=*/true);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct DequantizeLinearLowering
    : public OpConversionPattern<onnx::DequantizeLinearOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::DequantizeLinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    auto xType = cast<RankedTensorType>(adaptor.getX().getType());
    Type inType = xType.getElementType();
    bool inUnsigned = isUnsignedElement(op.getX());
    auto scale = getQDQParam(op, "x_scale", op.getXScale(), adaptor.getXScale(),
                             xType, op.getAxis(), op.getBlockSize());
    if (failed(scale))
      return failure();
    // Zero points of float types are ignored (they must be zero).
    QuantParam zp;
    if (!onnx::isNoValue(op.getXZeroPoint()) && isa<IntegerType>(inType)) {
      auto param = getQDQParam(op, "x_zero_point", op.getXZeroPoint(),
                               adaptor.getXZeroPoint(), xType, op.getAxis(),
                               op.getBlockSize());
      if (failed(param))
        return failure();
      zp = *param;
    }
    Type computeType = onnx::getElementType(op.getXScale()).isF64()
                           ? rewriter.getF64Type()
                           : rewriter.getF32Type();
    // i32 inputs subtract in i64 so that the difference cannot overflow.
    Type diffType = inType.getIntOrFloatBitWidth() >= 32
                        ? rewriter.getI64Type()
                        : rewriter.getI32Type();
    Value result = buildMapped(
        rewriter, loc, resultType, adaptor.getX(),
        {identityParam(adaptor.getX()), *scale, zp},
        [&](OpBuilder &b, Location nloc, ValueRange args) -> Value {
          Value x;
          if (isa<FloatType>(inType)) {
            x = convertScalar(b, nloc, args[0], computeType, false, false);
          } else {
            Value diff =
                convertScalar(b, nloc, args[0], diffType, inUnsigned, false);
            if (zp)
              diff = arith::SubIOp::create(b, nloc, diff,
                                           convertScalar(b, nloc, args[2],
                                                         diffType,
                                                         zp.isUnsigned, false));
            x = convertScalar(b, nloc, diff, computeType, false, false);
          }
          Value s = convertScalar(b, nloc, args[1], computeType, false, false);
          Value y = arith::MulFOp::create(b, nloc, x, s);
          return convertScalar(b, nloc, y, resultType.getElementType(), false,
                               false);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// DynamicQuantizeLinear
//===----------------------------------------------------------------------===//

/// As the ONNX reference: the range [min(0, min x), max(0, max x)] maps to
/// [0, 255]; scale = range / 255 (1 / 255 for an empty range), zero point =
/// round(clamp(-min / scale, 0, 255)).
struct DynamicQuantizeLinearLowering
    : public OpConversionPattern<onnx::DynamicQuantizeLinearOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::DynamicQuantizeLinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getX();
    auto xType = cast<RankedTensorType>(x.getType());
    Type f32 = rewriter.getF32Type();
    Type i8 = rewriter.getI8Type();
    SmallVector<bool> all(xType.getRank(), true);
    Value zero = createScalar(rewriter, loc, f32, 0.0);
    auto reduce = [&](bool isMax) {
      Value reduced = buildReduction(
          rewriter, loc, x, all, zero, {},
          [&](OpBuilder &b, Location nloc, ValueRange args) -> Value {
            if (isMax)
              return arith::MaximumFOp::create(b, nloc, args[0], args[1]);
            return arith::MinimumFOp::create(b, nloc, args[0], args[1]);
          });
      return tensor::ExtractOp::create(rewriter, loc, reduced, ValueRange{})
          .getResult();
    };
    Value maxValue = reduce(/*isMax=*/true);
    Value minValue = reduce(/*isMax=*/false);
    Value equal = arith::CmpFOp::create(
        rewriter, loc, arith::CmpFPredicate::OEQ, maxValue, minValue);
    Value range = arith::SelectOp::create(
        rewriter, loc, equal, createScalar(rewriter, loc, f32, 1.0),
        arith::SubFOp::create(rewriter, loc, maxValue, minValue));
    Value scale = arith::DivFOp::create(
        rewriter, loc, range, createScalar(rewriter, loc, f32, 255.0));
    Value initialZp = arith::SubFOp::create(
        rewriter, loc, zero,
        arith::DivFOp::create(rewriter, loc, minValue, scale));
    Value zp = arith::MaxNumFOp::create(rewriter, loc, initialZp, zero);
    zp = arith::MinNumFOp::create(rewriter, loc, zp,
                                  createScalar(rewriter, loc, f32, 255.0));
    zp = math::RoundEvenOp::create(rewriter, loc, zp);

    auto yType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getY().getType()));
    Value y = buildElementwise(
        rewriter, loc, yType, x,
        [&](OpBuilder &b, Location nloc, ValueRange args) {
          Value q = math::RoundEvenOp::create(
              b, nloc, arith::DivFOp::create(b, nloc, args[0], scale));
          q = arith::AddFOp::create(b, nloc, q, zp);
          return roundAndSaturate(b, nloc, q, 0.0, 255.0, i8,
                                  /*toUnsigned=*/true, /*isIntegral=*/true);
        });
    SmallVector<Value> results = {y};
    auto none = [&]() -> Value {
      return onnx::NoValueOp::create(rewriter, loc, rewriter.getNoneType());
    };
    results.push_back(
        isa<NoneType>(op.getYScale().getType())
            ? none()
            : tensor::FromElementsOp::create(
                  rewriter, loc, RankedTensorType::get({}, f32), scale)
                  .getResult());
    Value zpInt = arith::FPToUIOp::create(rewriter, loc, i8, zp);
    results.push_back(
        isa<NoneType>(op.getYZeroPoint().getType())
            ? none()
            : tensor::FromElementsOp::create(
                  rewriter, loc, RankedTensorType::get({}, i8), zpInt)
                  .getResult());
    rewriter.replaceOp(op, results);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// MatMulInteger, QLinearMatMul
//===----------------------------------------------------------------------===//

/// The zero-point shifted i32 form of matmul operand `x`. A 1-D zero point of
/// several values is per row of A (`isA`) or per column of B; other shapes
/// broadcast (numpy rules).
FailureOr<Value> shiftMatMulOperand(Operation *op, OpBuilder &b, Location loc,
                                    StringRef name, Value onnxX, Value x,
                                    Value onnxZp, Value zp, bool isA) {
  bool xUnsigned = isUnsignedElement(onnxX);
  if (!zp || onnx::isNoValue(zp))
    return subtractZeroPoint(b, loc, x, xUnsigned, {});
  auto xType = cast<RankedTensorType>(x.getType());
  auto zpType = cast<RankedTensorType>(zp.getType());
  int64_t rank = xType.getRank();
  if (zpType.getRank() == 1 && !isSingleElement(zpType) && rank >= 2) {
    int64_t dim = isA ? rank - 2 : rank - 1;
    auto param = getScalarOrPerDimParam(op, name, onnxZp, zp, rank, dim,
                                        xType.getDimSize(dim));
    if (failed(param))
      return failure();
    return subtractZeroPoint(b, loc, x, xUnsigned, *param);
  }
  if (!isBroadcastableTo(zpType, xType))
    return reportUnsupported(op, name + " of type " + typeToString(zpType) +
                                     " does not broadcast to " +
                                     typeToString(xType));
  QuantParam param{zp, getBroadcastMap(b.getContext(), zpType, xType),
                   isUnsignedElement(onnxZp)};
  return subtractZeroPoint(b, loc, x, xUnsigned, param);
}

/// The i32 numpy.matmul of `a` and `b`, lowered by the MatMul patterns.
Value buildIntMatMul(OpBuilder &b, Location loc, Value a, Value bValue,
                     RankedTensorType resultType) {
  return onnx::MatMulOp::create(b, loc, resultType.clone(b.getI32Type()), a,
                                bValue)
      .getResult();
}

struct MatMulIntegerLowering
    : public OpConversionPattern<onnx::MatMulIntegerOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::MatMulIntegerOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    auto a = shiftMatMulOperand(op, rewriter, loc, "a_zero_point", op.getA(),
                                adaptor.getA(), op.getAZeroPoint(),
                                adaptor.getAZeroPoint(), /*isA=*/true);
    if (failed(a))
      return failure();
    auto b = shiftMatMulOperand(op, rewriter, loc, "b_zero_point", op.getB(),
                                adaptor.getB(), op.getBZeroPoint(),
                                adaptor.getBZeroPoint(), /*isA=*/false);
    if (failed(b))
      return failure();
    rewriter.replaceOp(op, buildIntMatMul(rewriter, loc, *a, *b, resultType));
    return success();
  }
};

struct QLinearMatMulLowering
    : public OpConversionPattern<onnx::QLinearMatMulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::QLinearMatMulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    auto aType = cast<RankedTensorType>(adaptor.getA().getType());
    auto bType = cast<RankedTensorType>(adaptor.getB().getType());
    auto a = shiftMatMulOperand(op, rewriter, loc, "a_zero_point", op.getA(),
                                adaptor.getA(), op.getAZeroPoint(),
                                adaptor.getAZeroPoint(), /*isA=*/true);
    if (failed(a))
      return failure();
    auto b = shiftMatMulOperand(op, rewriter, loc, "b_zero_point", op.getB(),
                                adaptor.getB(), op.getBZeroPoint(),
                                adaptor.getBZeroPoint(), /*isA=*/false);
    if (failed(b))
      return failure();
    Value acc = buildIntMatMul(rewriter, loc, *a, *b, resultType);

    // Scales per tensor, per row of a (and y), per column of b.
    int64_t rank = resultType.getRank();
    int64_t rowDim =
        aType.getRank() >= 2 ? rank - (bType.getRank() >= 2 ? 2 : 1) : -1;
    int64_t colDim = bType.getRank() >= 2 ? rank - 1 : -1;
    auto rows = rowDim >= 0 ? resultType.getDimSize(rowDim) : 1;
    auto cols = colDim >= 0 ? resultType.getDimSize(colDim) : 1;
    auto aScale = getScalarOrPerDimParam(
        op, "a_scale", op.getAScale(), adaptor.getAScale(), rank, rowDim, rows);
    auto bScale = getScalarOrPerDimParam(
        op, "b_scale", op.getBScale(), adaptor.getBScale(), rank, colDim, cols);
    auto yScale = getScalarOrPerDimParam(
        op, "y_scale", op.getYScale(), adaptor.getYScale(), rank, rowDim, rows);
    auto yZp =
        getScalarOrPerDimParam(op, "y_zero_point", op.getYZeroPoint(),
                               adaptor.getYZeroPoint(), rank, rowDim, rows);
    if (failed(aScale) || failed(bScale) || failed(yScale) || failed(yZp))
      return failure();
    rewriter.replaceOp(op, requantize(rewriter, loc, acc, resultType,
                                      isUnsignedElement(op.getY()), *aScale,
                                      *bScale, *yScale, *yZp));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Cast to and from narrow types
//===----------------------------------------------------------------------===//

/// Cast where either side is a float8/float4 type or a 4-/2-bit integer
/// (tried before the element-wise Cast, which does not take them).
struct NarrowCastLowering : public OpConversionPattern<onnx::CastOp> {
  NarrowCastLowering(const TypeConverter &converter, MLIRContext *ctx)
      : OpConversionPattern(converter, ctx, /*benefit=*/2) {}

  LogicalResult
  matchAndRewrite(onnx::CastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    auto inputType = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
    if (!resultType || !inputType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    Type from = inputType.getElementType();
    Type to = resultType.getElementType();
    auto isNarrow = [](Type t) {
      return isNarrowFloat(t) || isSubByteInteger(t);
    };
    if (!isNarrow(from) && !isNarrow(to))
      return rewriter.notifyMatchFailure(op, "no narrow element type");
    auto isSupported = [](Type t) {
      return isa<FloatType>(t) || isa<IntegerType>(t);
    };
    if (!isSupported(from) || !isSupported(to))
      return reportUnsupported(op, "Cast from " + typeToString(from) + " to " +
                                       typeToString(to) + " is not supported");
    bool fromUnsigned = isUnsignedElement(op.getInput());
    bool toUnsigned = isUnsignedElement(op.getOutput());
    bool saturate = op.getSaturate() != 0;
    Value result = buildElementwise(
        rewriter, op.getLoc(), resultType, adaptor.getInput(),
        [&](OpBuilder &b, Location loc, ValueRange args) {
          if (needsNarrowConversion(from, to))
            return convertNarrowScalar(b, loc, args[0], to, fromUnsigned,
                                       toUnsigned, saturate);
          return convertScalar(b, loc, args[0], to, fromUnsigned, toUnsigned);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace
} // namespace onnxc::lowering

void onnxc::populateOnnxToLinalgQuantPatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns) {
  using namespace onnxc::lowering;
  MLIRContext *ctx = patterns.getContext();
  patterns.add<QuantizeLinearLowering, DequantizeLinearLowering,
               DynamicQuantizeLinearLowering, MatMulIntegerLowering,
               QLinearMatMulLowering, NarrowCastLowering>(converter, ctx);
  populateQuantConvPatterns(converter, patterns);
}
