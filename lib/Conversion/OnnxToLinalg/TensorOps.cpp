//===- TensorOps.cpp - onnx to linalg: Tensor manipulation, indexing,
// scatter/gather, resize and math ops ===//
//
// Element-wise math and bitwise ops become one linalg.generic each. Ops that
// read their input at computed positions (Trilu, layout changes, ...) are a
// linalg.generic over the output whose body reads with tensor.extract at
// clamped indices. Running sums and products loop over the scanned axis
// inside the body. The other families live in GatherScatter.cpp,
// Selection.cpp, Resize.cpp and TensorMath.cpp.
//
//===----------------------------------------------------------------------===//

#include "TensorOpsCommon.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"

#include <cmath>

using namespace mlir;

namespace onnxc::lowering {

//===----------------------------------------------------------------------===//
// Shared helpers
//===----------------------------------------------------------------------===//

Value cIndex(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

Value clampIndex(OpBuilder &b, Location loc, Value v, Value size) {
  Value last = arith::SubIOp::create(b, loc, size, cIndex(b, loc, 1));
  v = arith::MinSIOp::create(b, loc, v, last);
  return arith::MaxSIOp::create(b, loc, v, cIndex(b, loc, 0));
}

Value wrapNegative(OpBuilder &b, Location loc, Value v, Value size) {
  Value isNeg = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, v,
                                      cIndex(b, loc, 0));
  return arith::SelectOp::create(b, loc, isNeg,
                                 arith::AddIOp::create(b, loc, v, size), v);
}

Value scalarToIndex(OpBuilder &b, Location loc, Value v, bool isUnsigned) {
  if (isa<FloatType>(v.getType()))
    v = arith::FPToSIOp::create(b, loc, b.getI64Type(), v);
  else
    v = convertScalar(b, loc, v, b.getI64Type(), isUnsigned, false);
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
}

Value extractFirst(OpBuilder &b, Location loc, Value tensor) {
  int64_t rank = cast<RankedTensorType>(tensor.getType()).getRank();
  return tensor::ExtractOp::create(b, loc, tensor,
                                   SmallVector<Value>(rank, cIndex(b, loc, 0)));
}

Value dimValue(OpBuilder &b, Location loc, Value tensor, int64_t dim) {
  return getValueOrCreateConstantIndexOp(b, loc, getDim(b, loc, tensor, dim));
}

Value buildIndexedGeneric(
    OpBuilder &b, Location loc, RankedTensorType type,
    ArrayRef<OpFoldResult> dims, ValueRange inputs, ArrayRef<AffineMap> maps,
    function_ref<Value(OpBuilder &, Location, ValueRange, ValueRange)> body) {
  int64_t rank = type.getRank();
  Value init = createEmpty(b, loc, type, dims);
  SmallVector<AffineMap> allMaps(maps);
  allMaps.push_back(b.getMultiDimIdentityMap(rank));
  auto generic = linalg::GenericOp::create(
      b, loc, type, inputs, init, allMaps,
      SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
      [&](OpBuilder &nested, Location l, ValueRange args) {
        SmallVector<Value> ivs;
        for (int64_t d = 0; d < rank; ++d)
          ivs.push_back(linalg::IndexOp::create(nested, l, d));
        linalg::YieldOp::create(nested, l,
                                body(nested, l, ivs, args.drop_back()));
      });
  return generic.getResult(0);
}

Value copyTensor(OpBuilder &b, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  SmallVector<Value> dynamic;
  for (int64_t i = 0; i < type.getRank(); ++i)
    if (type.isDynamicDim(i))
      dynamic.push_back(dimValue(b, loc, tensor, i));
  return bufferization::AllocTensorOp::create(b, loc, type, dynamic, tensor);
}

SmallVector<Value>
buildLoops(OpBuilder &b, Location loc, ValueRange ubs, ValueRange iterArgs,
           function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange,
                                           ValueRange)>
               body) {
  if (ubs.empty())
    return body(b, loc, {}, iterArgs);
  SmallVector<Value> lbs(ubs.size(), cIndex(b, loc, 0));
  SmallVector<Value> steps(ubs.size(), cIndex(b, loc, 1));
  scf::LoopNest nest = scf::buildLoopNest(
      b, loc, lbs, ubs, steps, iterArgs,
      [&](OpBuilder &nb, Location l, ValueRange ivs, ValueRange args) {
        return scf::ValueVector(body(nb, l, ivs, args));
      });
  return SmallVector<Value>(nest.loops.front()->getResults());
}

bool isSupportedFloat(Type type) {
  return isa<Float16Type, BFloat16Type, Float32Type, Float64Type>(type);
}

namespace {

bool isSupportedInt(Type type) {
  auto intType = dyn_cast<IntegerType>(type);
  return intType && llvm::is_contained({8u, 16u, 32u, 64u}, intType.getWidth());
}

//===----------------------------------------------------------------------===//
// Element-wise math and bitwise ops
//===----------------------------------------------------------------------===//

using ScalarBody = function_ref<Value(OpBuilder &, Location, ValueRange)>;

enum class Operands { Float, Int };

/// One linalg.generic over the broadcast operands computing `fn`; floats are
/// computed in f32 for f16/bf16.
template <typename OpTy>
struct ElementwiseLowering : OpConversionPattern<OpTy> {
  using Fn = Value (*)(OpBuilder &, Location, ValueRange, OpTy, bool);
  ElementwiseLowering(const TypeConverter &tc, MLIRContext *ctx, Operands kind,
                      Fn fn)
      : OpConversionPattern<OpTy>(tc, ctx), kind(kind), fn(fn) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = getConvertedResultType(this->getTypeConverter(), op);
    if (!type)
      return rewriter.notifyMatchFailure(op, "result is not a ranked tensor");
    for (Value operand : adaptor.getOperands()) {
      auto operandType = dyn_cast<RankedTensorType>(operand.getType());
      if (!operandType)
        return rewriter.notifyMatchFailure(op, "operand is not ranked");
      Type e = operandType.getElementType();
      if (kind == Operands::Float ? !isSupportedFloat(e) : !isSupportedInt(e))
        return reportUnsupported(op, "element type " + typeToString(e) +
                                         " is not supported by this op");
      if (!isBroadcastableTo(operandType, type))
        return reportUnsupported(
            op, "operand of type " + typeToString(operandType) +
                    " does not broadcast to " + typeToString(type));
    }
    bool isUnsigned = isUnsignedElement(op->getOperand(0));
    Value result = buildElementwise(
        rewriter, op.getLoc(), type, adaptor.getOperands(),
        [&](OpBuilder &b, Location loc, ValueRange args) -> Value {
          if (kind == Operands::Int)
            return fn(b, loc, args, op, isUnsigned);
          Type t = args[0].getType(), ct = getComputeType(t);
          SmallVector<Value> wide;
          for (Value a : args)
            wide.push_back(convertScalar(b, loc, a, ct, false, false));
          return convertScalar(b, loc, fn(b, loc, wide, op, isUnsigned), t,
                               false, false);
        });
    rewriter.replaceOp(op, result);
    return success();
  }

private:
  Operands kind;
  Fn fn;
};

template <typename MathOp, typename OpTy>
Value mathUnary(OpBuilder &b, Location loc, ValueRange a, OpTy, bool) {
  return MathOp::create(b, loc, a[0]);
}

Value scalarLike(OpBuilder &b, Location loc, Value like, double v) {
  return createScalar(b, loc, like.getType(), v);
}

Value lowerMish(OpBuilder &b, Location loc, ValueRange a, onnx::MishOp, bool) {
  Value softplus =
      math::Log1pOp::create(b, loc, math::ExpOp::create(b, loc, a[0]));
  return arith::MulFOp::create(b, loc, a[0],
                               math::TanhOp::create(b, loc, softplus));
}

Value lowerShrink(OpBuilder &b, Location loc, ValueRange a, onnx::ShrinkOp op,
                  bool) {
  Value x = a[0];
  Value lambd = scalarLike(b, loc, x, op.getLambd().convertToDouble());
  Value bias = scalarLike(b, loc, x, op.getBias().convertToDouble());
  Value negLambd = arith::NegFOp::create(b, loc, lambd);
  Value below =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, negLambd);
  Value above =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, lambd);
  Value zero = scalarLike(b, loc, x, 0);
  Value r = arith::SelectOp::create(
      b, loc, above, arith::SubFOp::create(b, loc, x, bias), zero);
  return arith::SelectOp::create(b, loc, below,
                                 arith::AddFOp::create(b, loc, x, bias), r);
}

Value lowerThresholdedRelu(OpBuilder &b, Location loc, ValueRange a,
                           onnx::ThresholdedReluOp op, bool) {
  Value alpha = scalarLike(b, loc, a[0], op.getAlpha().convertToDouble());
  Value above =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, a[0], alpha);
  return arith::SelectOp::create(b, loc, above, a[0],
                                 scalarLike(b, loc, a[0], 0));
}

Value lowerCelu(OpBuilder &b, Location loc, ValueRange a, onnx::CeluOp op,
                bool) {
  Value x = a[0];
  Value alpha = scalarLike(b, loc, x, op.getAlpha().convertToDouble());
  Value zero = scalarLike(b, loc, x, 0);
  Value em1 =
      math::ExpM1Op::create(b, loc, arith::DivFOp::create(b, loc, x, alpha));
  Value neg = arith::MinimumFOp::create(
      b, loc, zero, arith::MulFOp::create(b, loc, alpha, em1));
  return arith::AddFOp::create(b, loc,
                               arith::MaximumFOp::create(b, loc, zero, x), neg);
}

Value lowerSwish(OpBuilder &b, Location loc, ValueRange a, onnx::SwishOp op,
                 bool) {
  // x * sigmoid(alpha * x) = x / (1 + exp(-alpha * x))
  Value x = a[0];
  Value ax = arith::MulFOp::create(
      b, loc, scalarLike(b, loc, x, -op.getAlpha().convertToDouble()), x);
  Value d = arith::AddFOp::create(b, loc, scalarLike(b, loc, x, 1),
                                  math::ExpOp::create(b, loc, ax));
  return arith::DivFOp::create(b, loc, x, d);
}

Value lowerSwiGLU(OpBuilder &b, Location loc, ValueRange a, onnx::SwiGLUOp op,
                  bool) {
  Value x = a[0];
  Value ax = arith::MulFOp::create(
      b, loc, scalarLike(b, loc, x, -op.getAlpha().convertToDouble()), x);
  Value d = arith::AddFOp::create(b, loc, scalarLike(b, loc, x, 1),
                                  math::ExpOp::create(b, loc, ax));
  return arith::MulFOp::create(b, loc, arith::DivFOp::create(b, loc, x, d),
                               a[1]);
}

template <typename IntOp, typename OpTy>
Value intBinary(OpBuilder &b, Location loc, ValueRange a, OpTy, bool) {
  return IntOp::create(b, loc, a[0], a[1]);
}

Value lowerBitwiseNot(OpBuilder &b, Location loc, ValueRange a,
                      onnx::BitwiseNotOp, bool) {
  return arith::XOrIOp::create(b, loc, a[0], scalarLike(b, loc, a[0], -1));
}

/// Shifts by an amount outside [0, width) give 0, or the sign for a right
/// shift of a signed value (as the ONNX reference does).
Value lowerBitShift(OpBuilder &b, Location loc, ValueRange a,
                    onnx::BitShiftOp op, bool isUnsigned) {
  Value x = a[0], y = a[1];
  unsigned width = cast<IntegerType>(x.getType()).getWidth();
  Value inRange = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, y,
                                        scalarLike(b, loc, y, width));
  Value safe =
      arith::SelectOp::create(b, loc, inRange, y, scalarLike(b, loc, y, 0));
  Value zero = scalarLike(b, loc, x, 0);
  if (op.getDirection() == "LEFT") {
    Value r = arith::ShLIOp::create(b, loc, x, safe);
    return arith::SelectOp::create(b, loc, inRange, r, zero);
  }
  if (isUnsigned) {
    Value r = arith::ShRUIOp::create(b, loc, x, safe);
    return arith::SelectOp::create(b, loc, inRange, r, zero);
  }
  Value r = arith::ShRSIOp::create(b, loc, x, safe);
  Value sign =
      arith::ShRSIOp::create(b, loc, x, scalarLike(b, loc, x, width - 1));
  return arith::SelectOp::create(b, loc, inRange, r, sign);
}

struct IsInfLowering : OpConversionPattern<onnx::IsInfOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::IsInfOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = cast<RankedTensorType>(adaptor.getX().getType()).getElementType();
    if (!isSupportedFloat(e))
      return reportUnsupported(op, "element type " + typeToString(e) +
                                       " is not supported by this op");
    bool negative = op.getDetectNegative() != 0;
    bool positive = op.getDetectPositive() != 0;
    Value result = buildElementwise(
        rewriter, op.getLoc(), type, adaptor.getX(),
        [&](OpBuilder &b, Location loc, ValueRange a) -> Value {
          Value x = a[0];
          Value inf = scalarLike(b, loc, x, INFINITY);
          Value r = arith::ConstantIntOp::create(b, loc, 0, 1);
          if (positive)
            r = arith::OrIOp::create(
                b, loc, r,
                arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, x,
                                      inf));
          if (negative)
            r = arith::OrIOp::create(
                b, loc, r,
                arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, x,
                                      arith::NegFOp::create(b, loc, inf)));
          return r;
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Same-width reinterpretation; booleans are bytes 0 and 1.
struct BitCastLowering : OpConversionPattern<onnx::BitCastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::BitCastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type from =
        cast<RankedTensorType>(adaptor.getInput().getType()).getElementType();
    Type to = type.getElementType();
    auto supported = [](Type t) {
      return isSupportedFloat(t) || isa<IntegerType>(t);
    };
    if (!supported(from) || !supported(to))
      return reportUnsupported(op, "bit casts from " + typeToString(from) +
                                       " to " + typeToString(to));
    Value result = buildElementwise(
        rewriter, op.getLoc(), type, adaptor.getInput(),
        [&](OpBuilder &b, Location loc, ValueRange a) -> Value {
          Value x = a[0];
          if (from == to)
            return x;
          if (from.isInteger(1))
            x = arith::ExtUIOp::create(b, loc, b.getI8Type(), x);
          if (to.isInteger(1))
            return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x,
                                         scalarLike(b, loc, x, 0));
          if (x.getType() == to)
            return x;
          return arith::BitcastOp::create(b, loc, to, x);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Trilu, EyeLike, Hardmax, OneHot
//===----------------------------------------------------------------------===//

struct TriluLowering : OpConversionPattern<onnx::TriluOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::TriluOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value input = adaptor.getInput();
    int64_t rank = type.getRank();
    Value k = cIndex(rewriter, loc, 0);
    if (!onnx::isNoValue(op.getK()))
      k = scalarToIndex(rewriter, loc,
                        extractFirst(rewriter, loc, adaptor.getK()), false);
    bool upper = op.getUpper() != 0;
    Value zero = arith::ConstantOp::create(
        rewriter, loc, rewriter.getZeroAttr(type.getElementType()));
    Value result = buildIndexedGeneric(
        rewriter, loc, type, getDims(rewriter, loc, input), input,
        rewriter.getMultiDimIdentityMap(rank),
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange args) {
          Value diff =
              arith::SubIOp::create(b, l, ivs[rank - 1], ivs[rank - 2]);
          Value keep = arith::CmpIOp::create(b, l,
                                             upper ? arith::CmpIPredicate::sge
                                                   : arith::CmpIPredicate::sle,
                                             diff, k);
          return arith::SelectOp::create(b, l, keep, args[0], zero).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct EyeLikeLowering : OpConversionPattern<onnx::EyeLikeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::EyeLikeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value k = cIndex(rewriter, loc, op.getK());
    Type e = type.getElementType();
    Value one = createScalar(rewriter, loc, e, 1);
    Value zero = createScalar(rewriter, loc, e, 0);
    Value result = buildIndexedGeneric(
        rewriter, loc, type, getDims(rewriter, loc, adaptor.getInput()), {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          Value diff = arith::SubIOp::create(b, l, ivs[1], ivs[0]);
          Value on =
              arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, diff, k);
          return arith::SelectOp::create(b, l, on, one, zero).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// a > b for the element type (b < a for `smallest`), unsigned-aware.
Value isBetter(OpBuilder &b, Location loc, Value x, Value y, bool largest,
               bool isUnsigned) {
  if (isa<FloatType>(x.getType()))
    return arith::CmpFOp::create(
        b, loc, largest ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT,
        x, y);
  arith::CmpIPredicate pred =
      largest
          ? (isUnsigned ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt)
          : (isUnsigned ? arith::CmpIPredicate::ult
                        : arith::CmpIPredicate::slt);
  return arith::CmpIOp::create(b, loc, pred, x, y);
}

struct HardmaxLowering : OpConversionPattern<onnx::HardmaxOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::HardmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value input = adaptor.getInput();
    int64_t rank = type.getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    bool isUnsigned = isUnsignedElement(op.getInput());
    // The position of the first maximum of each slice.
    SmallVector<int64_t> reducedShape;
    SmallVector<OpFoldResult> reducedDims;
    SmallVector<AffineExpr> exprs;
    for (int64_t i = 0; i < rank; ++i) {
      if (i == axis)
        continue;
      reducedShape.push_back(type.getDimSize(i));
      reducedDims.push_back(getDim(rewriter, loc, input, i));
      exprs.push_back(rewriter.getAffineDimExpr(i));
    }
    Value length = dimValue(rewriter, loc, input, axis);
    auto argType = RankedTensorType::get(reducedShape, rewriter.getIndexType());
    Value argmax = buildIndexedGeneric(
        rewriter, loc, argType, reducedDims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          SmallVector<Value> at(ivs.begin(), ivs.begin() + axis);
          at.push_back(cIndex(b, l, 0));
          at.append(ivs.begin() + axis, ivs.end());
          Value first = tensor::ExtractOp::create(b, l, input, at);
          auto loop = scf::ForOp::create(
              b, l, cIndex(b, l, 1), length, cIndex(b, l, 1),
              ValueRange{first, cIndex(b, l, 0)},
              [&](OpBuilder &nb, Location nl, Value j, ValueRange iter) {
                SmallVector<Value> pos(at);
                pos[axis] = j;
                Value x = tensor::ExtractOp::create(nb, nl, input, pos);
                Value better = isBetter(nb, nl, x, iter[0], true, isUnsigned);
                scf::YieldOp::create(
                    nb, nl,
                    ValueRange{
                        arith::SelectOp::create(nb, nl, better, x, iter[0]),
                        arith::SelectOp::create(nb, nl, better, j, iter[1])});
              });
          return loop.getResult(1);
        });
    Type e = type.getElementType();
    Value one = createScalar(rewriter, loc, e, 1);
    Value zero = createScalar(rewriter, loc, e, 0);
    Value result = buildIndexedGeneric(
        rewriter, loc, type, getDims(rewriter, loc, input), argmax,
        AffineMap::get(rank, 0, exprs, rewriter.getContext()),
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange args) {
          Value hit = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                            ivs[axis], args[0]);
          return arith::SelectOp::create(b, l, hit, one, zero).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct OneHotLowering : OpConversionPattern<onnx::OneHotOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::OneHotOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value indices = adaptor.getIndices();
    int64_t rank = type.getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    Value depth = scalarToIndex(rewriter, loc,
                                extractFirst(rewriter, loc, adaptor.getDepth()),
                                isUnsignedElement(op.getDepth()));
    Value values = adaptor.getValues();
    Value off = tensor::ExtractOp::create(rewriter, loc, values,
                                          ValueRange{cIndex(rewriter, loc, 0)});
    Value on = tensor::ExtractOp::create(rewriter, loc, values,
                                         ValueRange{cIndex(rewriter, loc, 1)});
    SmallVector<OpFoldResult> dims;
    SmallVector<AffineExpr> exprs;
    for (int64_t i = 0, j = 0; i < rank; ++i) {
      if (i == axis) {
        dims.push_back(type.isDynamicDim(i)
                           ? OpFoldResult(depth)
                           : rewriter.getIndexAttr(type.getDimSize(i)));
        continue;
      }
      dims.push_back(getDim(rewriter, loc, indices, j++));
      exprs.push_back(rewriter.getAffineDimExpr(i));
    }
    bool idxUnsigned = isUnsignedElement(op.getIndices());
    Value result = buildIndexedGeneric(
        rewriter, loc, type, dims, indices,
        AffineMap::get(rank, 0, exprs, rewriter.getContext()),
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange args) {
          Value idx = wrapNegative(
              b, l, scalarToIndex(b, l, args[0], idxUnsigned), depth);
          Value hit = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, idx,
                                            ivs[axis]);
          return arith::SelectOp::create(b, l, hit, on, off).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// CumSum, CumProd
//===----------------------------------------------------------------------===//

/// out[p] = combine of x over the scanned axis from its start (or end, for
/// reverse) up to p, including p unless exclusive. The axis may be known only
/// at run time: the positions are then chosen with selects.
template <typename OpTy, bool isProduct>
struct ScanLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(this->getTypeConverter(), op);
    Value x = adaptor.getX();
    int64_t rank = type.getRank();
    Type e = type.getElementType();
    if (!isSupportedFloat(e) && !isSupportedInt(e))
      return reportUnsupported(op, "element type " + typeToString(e) +
                                       " is not supported by this op");
    if (rank == 0)
      return reportUnsupported(op, "the input must have rank 1 or more");
    std::optional<int64_t> constAxis;
    if (auto values = getConstantIntValues(op.getAxis());
        values && values->size() == 1)
      constAxis = (*values)[0] < 0 ? (*values)[0] + rank : (*values)[0];
    if (constAxis && (*constAxis < 0 || *constAxis >= rank))
      return reportUnsupported(op, "axis is out of range");
    Value axis;
    if (!constAxis) {
      axis = scalarToIndex(rewriter, loc,
                           extractFirst(rewriter, loc, adaptor.getAxis()),
                           isUnsignedElement(op.getAxis()));
      axis = clampIndex(
          rewriter, loc,
          wrapNegative(rewriter, loc, axis, cIndex(rewriter, loc, rank)),
          cIndex(rewriter, loc, rank));
    }
    SmallVector<Value> dimValues;
    for (int64_t i = 0; i < rank; ++i)
      dimValues.push_back(dimValue(rewriter, loc, x, i));
    bool exclusive = op.getExclusive() != 0, reverse = op.getReverse() != 0;
    Type ct = isa<FloatType>(e) ? getComputeType(e) : e;
    Value result = buildIndexedGeneric(
        rewriter, loc, type, getDims(rewriter, loc, x), {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          // The position along the axis and its length.
          Value pos, length;
          if (constAxis) {
            pos = ivs[*constAxis];
            length = dimValues[*constAxis];
          } else {
            pos = ivs[0];
            length = dimValues[0];
            for (int64_t d = 1; d < rank; ++d) {
              Value isAxis = arith::CmpIOp::create(
                  b, l, arith::CmpIPredicate::eq, axis, cIndex(b, l, d));
              pos = arith::SelectOp::create(b, l, isAxis, ivs[d], pos);
              length =
                  arith::SelectOp::create(b, l, isAxis, dimValues[d], length);
            }
          }
          Value one = cIndex(b, l, 1);
          Value lo, hi;
          if (!reverse) {
            lo = cIndex(b, l, 0);
            hi = exclusive ? pos : arith::AddIOp::create(b, l, pos, one);
          } else {
            lo = exclusive ? arith::AddIOp::create(b, l, pos, one) : pos;
            hi = length;
          }
          Value init = createScalar(b, l, ct, isProduct ? 1 : 0);
          auto loop = scf::ForOp::create(
              b, l, lo, hi, one, ValueRange{init},
              [&](OpBuilder &nb, Location nl, Value j, ValueRange iter) {
                SmallVector<Value> at;
                for (int64_t d = 0; d < rank; ++d) {
                  if (constAxis) {
                    at.push_back(d == *constAxis ? j : ivs[d]);
                    continue;
                  }
                  Value isAxis =
                      arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::eq,
                                            axis, cIndex(nb, nl, d));
                  at.push_back(
                      arith::SelectOp::create(nb, nl, isAxis, j, ivs[d]));
                }
                Value v = tensor::ExtractOp::create(nb, nl, x, at);
                v = convertScalar(nb, nl, v, ct, false, false);
                Value r;
                if (isa<FloatType>(ct))
                  r = isProduct
                          ? (Value)arith::MulFOp::create(nb, nl, iter[0], v)
                          : (Value)arith::AddFOp::create(nb, nl, iter[0], v);
                else
                  r = isProduct
                          ? (Value)arith::MulIOp::create(nb, nl, iter[0], v)
                          : (Value)arith::AddIOp::create(nb, nl, iter[0], v);
                scf::YieldOp::create(nb, nl, r);
              });
          return convertScalar(b, l, loop.getResult(0), e, false, false);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// DepthToSpace, SpaceToDepth, ReverseSequence, CenterCropPad
//===----------------------------------------------------------------------===//

template <typename OpTy, bool toSpace>
struct BlockLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(this->getTypeConverter(), op);
    Value input = adaptor.getInput();
    int64_t bs = op.getBlocksize();
    bool dcr = op.getMode() == "DCR";
    SmallVector<OpFoldResult> dims = getDims(rewriter, loc, input);
    OpFoldResult block = rewriter.getIndexAttr(bs);
    OpFoldResult block2 = rewriter.getIndexAttr(bs * bs);
    if (toSpace) {
      dims[1] = floorDivIndex(rewriter, loc, dims[1], block2);
      dims[2] = mulIndex(rewriter, loc, dims[2], block);
      dims[3] = mulIndex(rewriter, loc, dims[3], block);
    } else {
      dims[1] = mulIndex(rewriter, loc, dims[1], block2);
      dims[2] = floorDivIndex(rewriter, loc, dims[2], block);
      dims[3] = floorDivIndex(rewriter, loc, dims[3], block);
    }
    for (int i = 0; i < 4; ++i)
      if (!type.isDynamicDim(i))
        dims[i] = rewriter.getIndexAttr(type.getDimSize(i));
    // The channels of the side with fewer channels.
    Value channels = getValueOrCreateConstantIndexOp(
        rewriter, loc, toSpace ? dims[1] : getDim(rewriter, loc, input, 1));
    Value result = buildIndexedGeneric(
        rewriter, loc, type, dims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          Value bv = cIndex(b, l, bs), b2 = cIndex(b, l, bs * bs);
          auto div = [&](Value x, Value y) -> Value {
            return arith::DivUIOp::create(b, l, x, y);
          };
          auto rem = [&](Value x, Value y) -> Value {
            return arith::RemUIOp::create(b, l, x, y);
          };
          auto add = [&](Value x, Value y) -> Value {
            return arith::AddIOp::create(b, l, x, y);
          };
          auto mul = [&](Value x, Value y) -> Value {
            return arith::MulIOp::create(b, l, x, y);
          };
          SmallVector<Value> at{ivs[0]};
          if (toSpace) {
            Value c = ivs[1], bh = rem(ivs[2], bv), bw = rem(ivs[3], bv);
            Value offset = add(mul(bh, bv), bw);
            at.push_back(dcr ? add(mul(offset, channels), c)
                             : add(mul(c, b2), offset));
            at.push_back(div(ivs[2], bv));
            at.push_back(div(ivs[3], bv));
          } else {
            Value oc = ivs[1], c, bh, bw;
            if (dcr) {
              c = rem(oc, channels);
              Value offset = div(oc, channels);
              bh = div(offset, bv);
              bw = rem(offset, bv);
            } else {
              c = div(oc, b2);
              bh = rem(div(oc, bv), bv);
              bw = rem(oc, bv);
            }
            at.push_back(c);
            at.push_back(add(mul(ivs[2], bv), bh));
            at.push_back(add(mul(ivs[3], bv), bw));
          }
          return tensor::ExtractOp::create(b, l, input, at).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ReverseSequenceLowering : OpConversionPattern<onnx::ReverseSequenceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ReverseSequenceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value input = adaptor.getInput(), lens = adaptor.getSequenceLens();
    int64_t batchAxis = op.getBatchAxis(), timeAxis = op.getTimeAxis();
    Value timeSize = dimValue(rewriter, loc, input, timeAxis);
    bool lenUnsigned = isUnsignedElement(op.getSequenceLens());
    Value result = buildIndexedGeneric(
        rewriter, loc, type, getDims(rewriter, loc, input), {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          Value len = tensor::ExtractOp::create(b, l, lens, ivs[batchAxis]);
          len = scalarToIndex(b, l, len, lenUnsigned);
          Value t = ivs[timeAxis];
          Value reversed = arith::SubIOp::create(
              b, l, arith::SubIOp::create(b, l, len, cIndex(b, l, 1)), t);
          Value inside =
              arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, t, len);
          SmallVector<Value> at(ivs);
          at[timeAxis] = clampIndex(
              b, l, arith::SelectOp::create(b, l, inside, reversed, t),
              timeSize);
          return tensor::ExtractOp::create(b, l, input, at).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Crops (centered) where the target is smaller and pads with zeros
/// (centered) where it is larger.
struct CenterCropPadLowering : OpConversionPattern<onnx::CenterCropPadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::CenterCropPadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value input = adaptor.getInputData();
    int64_t rank = type.getRank();
    SmallVector<int64_t> axes;
    if (auto attr = op.getAxes()) {
      for (int64_t a : *attr)
        axes.push_back(a < 0 ? a + rank : a);
    } else {
      for (int64_t i = 0; i < rank; ++i)
        axes.push_back(i);
    }
    SmallVector<OpFoldResult> dims = getDims(rewriter, loc, input);
    SmallVector<Value> inDims, offsets(rank, cIndex(rewriter, loc, 0));
    for (int64_t i = 0; i < rank; ++i)
      inDims.push_back(dimValue(rewriter, loc, input, i));
    bool sizeUnsigned = isUnsignedElement(op.getShape());
    Value two = cIndex(rewriter, loc, 2);
    for (auto [i, axis] : llvm::enumerate(axes)) {
      Value v = tensor::ExtractOp::create(
          rewriter, loc, adaptor.getShape(),
          ValueRange{cIndex(rewriter, loc, static_cast<int64_t>(i))});
      Value size = scalarToIndex(rewriter, loc, v, sizeUnsigned);
      dims[axis] = type.isDynamicDim(axis)
                       ? OpFoldResult(size)
                       : rewriter.getIndexAttr(type.getDimSize(axis));
      // in = out + (in - out) / 2 when cropping, out - (out - in) / 2 when
      // padding.
      Value in = inDims[axis];
      Value crop = arith::DivUIOp::create(
          rewriter, loc, arith::SubIOp::create(rewriter, loc, in, size), two);
      Value pad = arith::DivUIOp::create(
          rewriter, loc, arith::SubIOp::create(rewriter, loc, size, in), two);
      Value isCrop = arith::CmpIOp::create(rewriter, loc,
                                           arith::CmpIPredicate::sge, in, size);
      offsets[axis] = arith::SelectOp::create(
          rewriter, loc, isCrop, crop,
          arith::SubIOp::create(rewriter, loc, cIndex(rewriter, loc, 0), pad));
    }
    Value zero = arith::ConstantOp::create(
        rewriter, loc, rewriter.getZeroAttr(type.getElementType()));
    Value result = buildIndexedGeneric(
        rewriter, loc, type, dims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          SmallVector<Value> at;
          Value inside = arith::ConstantIntOp::create(b, l, 1, 1);
          for (int64_t d = 0; d < rank; ++d) {
            Value i = arith::AddIOp::create(b, l, ivs[d], offsets[d]);
            Value ok = arith::AndIOp::create(
                b, l,
                arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, i,
                                      cIndex(b, l, 0)),
                arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, i,
                                      inDims[d]));
            inside = arith::AndIOp::create(b, l, inside, ok);
            at.push_back(clampIndex(b, l, i, inDims[d]));
          }
          Value v = tensor::ExtractOp::create(b, l, input, at);
          return arith::SelectOp::create(b, l, inside, v, zero).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Registers one ElementwiseLowering per op.
struct ElementwiseTable {
  const TypeConverter &converter;
  RewritePatternSet &patterns;

  template <typename OpTy>
  void add(Operands kind,
           Value (*fn)(OpBuilder &, Location, ValueRange, OpTy, bool)) {
    patterns.add<ElementwiseLowering<OpTy>>(converter, patterns.getContext(),
                                            kind, fn);
  }
};

} // namespace
} // namespace onnxc::lowering

void onnxc::populateOnnxToLinalgTensorPatterns(const TypeConverter &converter,
                                               RewritePatternSet &patterns) {
  using namespace onnxc::lowering;
  using namespace onnxc::onnx;
  ElementwiseTable table{converter, patterns};
  table.add<AcosOp>(Operands::Float, mathUnary<math::AcosOp, AcosOp>);
  table.add<AcoshOp>(Operands::Float, mathUnary<math::AcoshOp, AcoshOp>);
  table.add<AsinOp>(Operands::Float, mathUnary<math::AsinOp, AsinOp>);
  table.add<AsinhOp>(Operands::Float, mathUnary<math::AsinhOp, AsinhOp>);
  table.add<AtanOp>(Operands::Float, mathUnary<math::AtanOp, AtanOp>);
  table.add<AtanhOp>(Operands::Float, mathUnary<math::AtanhOp, AtanhOp>);
  table.add<CoshOp>(Operands::Float, mathUnary<math::CoshOp, CoshOp>);
  table.add<SinhOp>(Operands::Float, mathUnary<math::SinhOp, SinhOp>);
  table.add<TanOp>(Operands::Float, mathUnary<math::TanOp, TanOp>);
  table.add<MishOp>(Operands::Float, lowerMish);
  table.add<ShrinkOp>(Operands::Float, lowerShrink);
  table.add<ThresholdedReluOp>(Operands::Float, lowerThresholdedRelu);
  table.add<CeluOp>(Operands::Float, lowerCelu);
  table.add<SwishOp>(Operands::Float, lowerSwish);
  table.add<SwiGLUOp>(Operands::Float, lowerSwiGLU);
  table.add<BitwiseAndOp>(Operands::Int,
                          intBinary<arith::AndIOp, BitwiseAndOp>);
  table.add<BitwiseOrOp>(Operands::Int, intBinary<arith::OrIOp, BitwiseOrOp>);
  table.add<BitwiseXorOp>(Operands::Int,
                          intBinary<arith::XOrIOp, BitwiseXorOp>);
  table.add<BitwiseNotOp>(Operands::Int, lowerBitwiseNot);
  table.add<BitShiftOp>(Operands::Int, lowerBitShift);

  patterns
      .add<IsInfLowering, BitCastLowering, TriluLowering, EyeLikeLowering,
           HardmaxLowering, OneHotLowering, ScanLowering<CumSumOp, false>,
           ScanLowering<CumProdOp, true>, BlockLowering<DepthToSpaceOp, true>,
           BlockLowering<SpaceToDepthOp, false>, ReverseSequenceLowering,
           CenterCropPadLowering>(converter, patterns.getContext());
  populateTensorGatherScatterPatterns(converter, patterns);
  populateTensorSelectionPatterns(converter, patterns);
  populateTensorResizePatterns(converter, patterns);
  populateTensorRegionPatterns(converter, patterns);
  populateTensorMathPatterns(converter, patterns);
}
