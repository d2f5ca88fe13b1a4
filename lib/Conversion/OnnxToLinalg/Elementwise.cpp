//===- Elementwise.cpp - onnx to linalg: element-wise ops -----------------===//
//
// Unary, binary (numpy broadcasting) and variadic element-wise ops, Where,
// Clip and Cast. Each becomes one linalg.generic built by buildElementwise;
// the scalar body of each op is a small function below, picked from a table
// in populateOnnxToLinalgElementwisePatterns.
//
// Element types: integers are signless after type conversion, so the ONNX
// signedness is read from the original op's operand types. f16/bf16 values go
// through f32 for transcendental functions.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/Support/MathExtras.h"

#include <cmath>

using namespace mlir;

namespace onnxc {
namespace {

using namespace lowering;

//===----------------------------------------------------------------------===//
// Scalar helpers
//===----------------------------------------------------------------------===//

Value toType(OpBuilder &b, Location loc, Value v, Type type) {
  return convertScalar(b, loc, v, type, /*fromUnsigned=*/false,
                       /*toUnsigned=*/false);
}

/// Applies `fn` to the float scalars `args` in their compute type (f32 for
/// f16/bf16) and converts the result back to the type of args[0].
Value inComputeType(OpBuilder &b, Location loc, ValueRange args,
                    function_ref<Value(ValueRange)> fn) {
  Type type = args[0].getType();
  Type computeType = getComputeType(type);
  SmallVector<Value> converted;
  for (Value arg : args)
    converted.push_back(toType(b, loc, arg, computeType));
  return toType(b, loc, fn(converted), type);
}

Value constant(OpBuilder &b, Location loc, Type type, double v) {
  return createScalar(b, loc, type, v);
}

Value isNegative(OpBuilder &b, Location loc, Value x, bool isUnsigned) {
  Type type = x.getType();
  if (isa<FloatType>(type))
    return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x,
                                 constant(b, loc, type, 0));
  if (isUnsigned)
    return arith::ConstantIntOp::create(b, loc, 0, 1);
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, x,
                               constant(b, loc, type, 0));
}

//===----------------------------------------------------------------------===//
// The element-wise pattern
//===----------------------------------------------------------------------===//

/// What a scalar body needs to know beyond its arguments.
struct ScalarInfo {
  Operation *op;                  // the onnx op, for its attributes
  SmallVector<bool> unsignedArgs; // ONNX signedness of each operand
  Type resultType;                // converted result element type
  bool isUnsigned() const { return unsignedArgs.back(); }
};

using ScalarFn = Value (*)(OpBuilder &, Location, ValueRange,
                           const ScalarInfo &);

/// Element types an op accepts (checked on its operands from
/// `firstTypedOperand` on).
enum TypeClass : unsigned {
  kFloat = 1, // f16, bf16, f32, f64
  kInt = 2,   // i8 ... i64, ui8 ... ui64
  kBool = 4,  // i1
  kNumeric = kFloat | kInt,
  kAny = kFloat | kInt | kBool,
};

bool isInClass(Type type, unsigned typeClass) {
  if (isa<Float16Type, BFloat16Type, Float32Type, Float64Type>(type))
    return typeClass & kFloat;
  auto intType = dyn_cast<IntegerType>(type);
  if (!intType)
    return false;
  if (intType.getWidth() == 1)
    return typeClass & kBool;
  return (typeClass & kInt) &&
         llvm::is_contained({8u, 16u, 32u, 64u}, intType.getWidth());
}

/// One linalg.generic over the broadcast operands whose body is `fn`.
template <typename OpTy>
class ElementwisePattern : public OpConversionPattern<OpTy> {
public:
  ElementwisePattern(const TypeConverter &converter, MLIRContext *ctx,
                     unsigned typeClass, ScalarFn fn,
                     unsigned firstTypedOperand = 0)
      : OpConversionPattern<OpTy>(converter, ctx), typeClass(typeClass), fn(fn),
        firstTypedOperand(firstTypedOperand) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedResultType(this->getTypeConverter(), op);
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "result is not a ranked tensor");
    ScalarInfo info{op, {}, resultType.getElementType()};
    for (auto [i, operand] : llvm::enumerate(op->getOperands())) {
      auto type = dyn_cast<RankedTensorType>(operand.getType());
      if (!type)
        return rewriter.notifyMatchFailure(op, "operand is not ranked");
      if (i >= firstTypedOperand &&
          !isInClass(type.getElementType(), typeClass))
        return reportUnsupported(op, "element type " +
                                         typeToString(type.getElementType()) +
                                         " is not supported by this op");
      if (!isBroadcastableTo(type, resultType))
        return reportUnsupported(
            op, "operand #" + Twine(i) + " of type " + typeToString(type) +
                    " does not broadcast to " + typeToString(resultType));
      info.unsignedArgs.push_back(isUnsignedElement(operand));
    }
    Value result = buildElementwise(
        rewriter, op.getLoc(), resultType, adaptor.getOperands(),
        [&](OpBuilder &b, Location loc, ValueRange args) {
          return fn(b, loc, args, info);
        });
    rewriter.replaceOp(op, result);
    return success();
  }

private:
  unsigned typeClass;
  ScalarFn fn;
  unsigned firstTypedOperand;
};

//===----------------------------------------------------------------------===//
// Binary bodies
//===----------------------------------------------------------------------===//

template <typename FloatOp, typename IntOp>
Value arithBinary(OpBuilder &b, Location loc, ValueRange a,
                  const ScalarInfo &) {
  if (isa<FloatType>(a[0].getType()))
    return FloatOp::create(b, loc, a[0], a[1]);
  return IntOp::create(b, loc, a[0], a[1]);
}

Value lowerDiv(OpBuilder &b, Location loc, ValueRange a,
               const ScalarInfo &info) {
  if (isa<FloatType>(a[0].getType()))
    return arith::DivFOp::create(b, loc, a[0], a[1]);
  if (info.isUnsigned())
    return arith::DivUIOp::create(b, loc, a[0], a[1]);
  return arith::DivSIOp::create(b, loc, a[0], a[1]);
}

/// The result type is the base's; the exponent is converted to fit.
Value lowerPow(OpBuilder &b, Location loc, ValueRange a,
               const ScalarInfo &info) {
  Value base = a[0], exponent = a[1];
  bool baseUnsigned = info.unsignedArgs[0];
  bool expUnsigned = info.unsignedArgs[1];
  Type baseType = base.getType();
  if (isa<FloatType>(baseType)) {
    Type computeType = getComputeType(baseType);
    Value x = toType(b, loc, base, computeType);
    Value y = convertScalar(b, loc, exponent, computeType, expUnsigned,
                            /*toUnsigned=*/false);
    Value r = math::PowFOp::create(b, loc, x, y);
    return toType(b, loc, r, baseType);
  }
  if (isa<IntegerType>(exponent.getType())) {
    Value y =
        convertScalar(b, loc, exponent, baseType, expUnsigned, baseUnsigned);
    return math::IPowIOp::create(b, loc, base, y);
  }
  // Integer base, float exponent: in f64, truncated back.
  Type f64 = b.getF64Type();
  Value x = convertScalar(b, loc, base, f64, baseUnsigned, false);
  Value y = toType(b, loc, exponent, f64);
  Value r = math::PowFOp::create(b, loc, x, y);
  return convertScalar(b, loc, r, baseType, false, baseUnsigned);
}

/// fmod=1: the sign of the dividend (C fmod); fmod=0: the sign of the
/// divisor (Python %).
Value lowerMod(OpBuilder &b, Location loc, ValueRange a,
               const ScalarInfo &info) {
  bool fmod = cast<onnx::ModOp>(info.op).getFmod() != 0;
  Type type = a[0].getType();
  if (isa<FloatType>(type)) {
    return inComputeType(b, loc, a, [&](ValueRange v) -> Value {
      Value r = arith::RemFOp::create(b, loc, v[0], v[1]);
      if (fmod)
        return r;
      Value zero = constant(b, loc, v[0].getType(), 0);
      Value nonZero =
          arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ONE, r, zero);
      Value signDiffers =
          arith::XOrIOp::create(b, loc, isNegative(b, loc, r, false),
                                isNegative(b, loc, v[1], false));
      Value fix = arith::AndIOp::create(b, loc, nonZero, signDiffers);
      Value fixed = arith::AddFOp::create(b, loc, r, v[1]);
      return arith::SelectOp::create(b, loc, fix, fixed, r);
    });
  }
  if (info.isUnsigned())
    return arith::RemUIOp::create(b, loc, a[0], a[1]);
  Value r = arith::RemSIOp::create(b, loc, a[0], a[1]);
  if (fmod)
    return r;
  Value zero = constant(b, loc, type, 0);
  Value nonZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, r, zero);
  Value signDiffers = arith::XOrIOp::create(
      b, loc, isNegative(b, loc, r, false), isNegative(b, loc, a[1], false));
  Value fix = arith::AndIOp::create(b, loc, nonZero, signDiffers);
  Value fixed = arith::AddIOp::create(b, loc, r, a[1]);
  return arith::SelectOp::create(b, loc, fix, fixed, r);
}

Value lowerPRelu(OpBuilder &b, Location loc, ValueRange a,
                 const ScalarInfo &info) {
  Value x = a[0], slope = a[1];
  if (info.unsignedArgs[0])
    return x;
  Value scaled = isa<FloatType>(x.getType())
                     ? (Value)arith::MulFOp::create(b, loc, x, slope)
                     : (Value)arith::MulIOp::create(b, loc, x, slope);
  return arith::SelectOp::create(b, loc, isNegative(b, loc, x, false), scaled,
                                 x);
}

template <typename LogicOp>
Value logicBinary(OpBuilder &b, Location loc, ValueRange a,
                  const ScalarInfo &) {
  return LogicOp::create(b, loc, a[0], a[1]);
}

/// Float compares are ordered (false on NaN); bools compare as unsigned.
template <arith::CmpFPredicate floatPred, arith::CmpIPredicate signedPred,
          arith::CmpIPredicate unsignedPred>
Value compare(OpBuilder &b, Location loc, ValueRange a,
              const ScalarInfo &info) {
  Type type = a[0].getType();
  if (isa<FloatType>(type))
    return arith::CmpFOp::create(b, loc, floatPred, a[0], a[1]);
  bool isUnsigned = info.unsignedArgs[0] || type.isInteger(1);
  return arith::CmpIOp::create(b, loc, isUnsigned ? unsignedPred : signedPred,
                               a[0], a[1]);
}

using FP = arith::CmpFPredicate;
using IP = arith::CmpIPredicate;

Value lowerWhere(OpBuilder &b, Location loc, ValueRange a, const ScalarInfo &) {
  return arith::SelectOp::create(b, loc, a[0], a[1], a[2]);
}

//===----------------------------------------------------------------------===//
// Variadic bodies
//===----------------------------------------------------------------------===//

Value lowerSum(OpBuilder &b, Location loc, ValueRange a, const ScalarInfo &) {
  Value acc = a[0];
  for (Value v : a.drop_front())
    acc = isa<FloatType>(acc.getType())
              ? (Value)arith::AddFOp::create(b, loc, acc, v)
              : (Value)arith::AddIOp::create(b, loc, acc, v);
  return acc;
}

Value lowerMean(OpBuilder &b, Location loc, ValueRange a,
                const ScalarInfo &info) {
  Value sum = lowerSum(b, loc, a, info);
  Value count = constant(b, loc, sum.getType(), a.size());
  return arith::DivFOp::create(b, loc, sum, count);
}

template <bool isMax>
Value lowerMinMax(OpBuilder &b, Location loc, ValueRange a,
                  const ScalarInfo &info) {
  Value acc = a[0];
  for (Value v : a.drop_front())
    acc = isMax ? createMax(b, loc, acc, v, info.isUnsigned())
                : createMin(b, loc, acc, v, info.isUnsigned());
  return acc;
}

//===----------------------------------------------------------------------===//
// Unary bodies
//===----------------------------------------------------------------------===//

/// A float math op computed in f32 for f16/bf16.
template <typename MathOp>
Value mathUnary(OpBuilder &b, Location loc, ValueRange a, const ScalarInfo &) {
  return inComputeType(b, loc, a, [&](ValueRange v) -> Value {
    return MathOp::create(b, loc, v[0]);
  });
}

Value lowerAbs(OpBuilder &b, Location loc, ValueRange a,
               const ScalarInfo &info) {
  if (isa<FloatType>(a[0].getType()))
    return math::AbsFOp::create(b, loc, a[0]);
  if (info.isUnsigned())
    return a[0];
  return math::AbsIOp::create(b, loc, a[0]);
}

Value lowerNeg(OpBuilder &b, Location loc, ValueRange a, const ScalarInfo &) {
  Type type = a[0].getType();
  if (isa<FloatType>(type))
    return arith::NegFOp::create(b, loc, a[0]);
  return arith::SubIOp::create(b, loc, constant(b, loc, type, 0), a[0]);
}

Value lowerNot(OpBuilder &b, Location loc, ValueRange a, const ScalarInfo &) {
  Value one = arith::ConstantIntOp::create(b, loc, 1, 1);
  return arith::XOrIOp::create(b, loc, a[0], one);
}

Value lowerReciprocal(OpBuilder &b, Location loc, ValueRange a,
                      const ScalarInfo &) {
  return arith::DivFOp::create(b, loc, constant(b, loc, a[0].getType(), 1),
                               a[0]);
}

/// max(x, 0) propagates NaN like numpy.
Value lowerRelu(OpBuilder &b, Location loc, ValueRange a,
                const ScalarInfo &info) {
  if (info.isUnsigned())
    return a[0];
  return createMax(b, loc, a[0], constant(b, loc, a[0].getType(), 0), false);
}

/// -1, 0 or 1; NaN stays NaN.
Value lowerSign(OpBuilder &b, Location loc, ValueRange a,
                const ScalarInfo &info) {
  Value x = a[0];
  Type type = x.getType();
  Value zero = constant(b, loc, type, 0);
  Value one = constant(b, loc, type, 1);
  if (isa<FloatType>(type)) {
    Value minusOne = constant(b, loc, type, -1);
    Value pos = arith::CmpFOp::create(b, loc, FP::OGT, x, zero);
    Value neg = arith::CmpFOp::create(b, loc, FP::OLT, x, zero);
    Value r = arith::SelectOp::create(b, loc, neg, minusOne, x);
    return arith::SelectOp::create(b, loc, pos, one, r);
  }
  if (info.isUnsigned()) {
    Value nonZero = arith::CmpIOp::create(b, loc, IP::ne, x, zero);
    return arith::SelectOp::create(b, loc, nonZero, one, zero);
  }
  Value minusOne = constant(b, loc, type, -1);
  Value pos = arith::CmpIOp::create(b, loc, IP::sgt, x, zero);
  Value neg = arith::CmpIOp::create(b, loc, IP::slt, x, zero);
  Value r = arith::SelectOp::create(b, loc, neg, minusOne, zero);
  return arith::SelectOp::create(b, loc, pos, one, r);
}

Value lowerIsNaN(OpBuilder &b, Location loc, ValueRange a, const ScalarInfo &) {
  return arith::CmpFOp::create(b, loc, FP::UNO, a[0], a[0]);
}

/// 1 / (1 + exp(-x)).
Value lowerSigmoid(OpBuilder &b, Location loc, ValueRange a,
                   const ScalarInfo &) {
  return inComputeType(b, loc, a, [&](ValueRange v) -> Value {
    Value one = constant(b, loc, v[0].getType(), 1);
    Value e = math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, v[0]));
    return arith::DivFOp::create(b, loc, one,
                                 arith::AddFOp::create(b, loc, one, e));
  });
}

/// log(1 + exp(x)) as max(x, 0) + log1p(exp(-|x|)), which does not overflow.
Value lowerSoftplus(OpBuilder &b, Location loc, ValueRange a,
                    const ScalarInfo &) {
  return inComputeType(b, loc, a, [&](ValueRange v) -> Value {
    Value x = v[0];
    Value zero = constant(b, loc, x.getType(), 0);
    Value negAbs =
        arith::NegFOp::create(b, loc, math::AbsFOp::create(b, loc, x));
    Value tail =
        math::Log1pOp::create(b, loc, math::ExpOp::create(b, loc, negAbs));
    return arith::AddFOp::create(
        b, loc, arith::MaximumFOp::create(b, loc, x, zero), tail);
  });
}

/// x / (1 + |x|).
Value lowerSoftsign(OpBuilder &b, Location loc, ValueRange a,
                    const ScalarInfo &) {
  return inComputeType(b, loc, a, [&](ValueRange v) -> Value {
    Value one = constant(b, loc, v[0].getType(), 1);
    Value denom =
        arith::AddFOp::create(b, loc, one, math::AbsFOp::create(b, loc, v[0]));
    return arith::DivFOp::create(b, loc, v[0], denom);
  });
}

/// max(0, min(1, alpha * x + beta)).
Value hardSigmoid(OpBuilder &b, Location loc, Value x, double alpha,
                  double beta) {
  Type type = x.getType();
  Value y = arith::AddFOp::create(
      b, loc, arith::MulFOp::create(b, loc, x, constant(b, loc, type, alpha)),
      constant(b, loc, type, beta));
  y = arith::MinimumFOp::create(b, loc, y, constant(b, loc, type, 1));
  return arith::MaximumFOp::create(b, loc, y, constant(b, loc, type, 0));
}

Value lowerHardSigmoid(OpBuilder &b, Location loc, ValueRange a,
                       const ScalarInfo &info) {
  auto op = cast<onnx::HardSigmoidOp>(info.op);
  return inComputeType(b, loc, a, [&](ValueRange v) -> Value {
    return hardSigmoid(b, loc, v[0], op.getAlpha().convertToDouble(),
                       op.getBeta().convertToDouble());
  });
}

/// x * HardSigmoid(x) with alpha = 1/6, beta = 0.5.
Value lowerHardSwish(OpBuilder &b, Location loc, ValueRange a,
                     const ScalarInfo &) {
  return inComputeType(b, loc, a, [&](ValueRange v) -> Value {
    return arith::MulFOp::create(b, loc, v[0],
                                 hardSigmoid(b, loc, v[0], 1.0 / 6.0, 0.5));
  });
}

/// x < 0 ? alpha * x : x.
Value lowerLeakyRelu(OpBuilder &b, Location loc, ValueRange a,
                     const ScalarInfo &info) {
  double alpha = cast<onnx::LeakyReluOp>(info.op).getAlpha().convertToDouble();
  return inComputeType(b, loc, a, [&](ValueRange v) -> Value {
    Value x = v[0];
    Value scaled =
        arith::MulFOp::create(b, loc, x, constant(b, loc, x.getType(), alpha));
    return arith::SelectOp::create(b, loc, isNegative(b, loc, x, false), scaled,
                                   x);
  });
}

/// x < 0 ? alpha * (exp(x) - 1) : x.
Value lowerElu(OpBuilder &b, Location loc, ValueRange a,
               const ScalarInfo &info) {
  double alpha = cast<onnx::EluOp>(info.op).getAlpha().convertToDouble();
  return inComputeType(b, loc, a, [&](ValueRange v) -> Value {
    Value x = v[0];
    Value scaled =
        arith::MulFOp::create(b, loc, math::ExpM1Op::create(b, loc, x),
                              constant(b, loc, x.getType(), alpha));
    return arith::SelectOp::create(b, loc, isNegative(b, loc, x, false), scaled,
                                   x);
  });
}

/// gamma * (x > 0 ? x : alpha * (exp(x) - 1)).
Value lowerSelu(OpBuilder &b, Location loc, ValueRange a,
                const ScalarInfo &info) {
  auto op = cast<onnx::SeluOp>(info.op);
  double alpha = op.getAlpha().convertToDouble();
  double gamma = op.getGamma().convertToDouble();
  return inComputeType(b, loc, a, [&](ValueRange v) -> Value {
    Value x = v[0];
    Type type = x.getType();
    Value negative =
        arith::MulFOp::create(b, loc, math::ExpM1Op::create(b, loc, x),
                              constant(b, loc, type, alpha));
    Value pos =
        arith::CmpFOp::create(b, loc, FP::OGT, x, constant(b, loc, type, 0));
    Value r = arith::SelectOp::create(b, loc, pos, x, negative);
    return arith::MulFOp::create(b, loc, r, constant(b, loc, type, gamma));
  });
}

/// approximate="none": 0.5 x (1 + erf(x / sqrt(2)));
/// approximate="tanh": 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))).
Value lowerGelu(OpBuilder &b, Location loc, ValueRange a,
                const ScalarInfo &info) {
  bool useTanh = cast<onnx::GeluOp>(info.op).getApproximate() == "tanh";
  return inComputeType(b, loc, a, [&](ValueRange v) -> Value {
    Value x = v[0];
    Type type = x.getType();
    Value inner;
    if (useTanh) {
      Value x3 =
          arith::MulFOp::create(b, loc, x, arith::MulFOp::create(b, loc, x, x));
      Value poly = arith::AddFOp::create(
          b, loc, x,
          arith::MulFOp::create(b, loc, x3, constant(b, loc, type, 0.044715)));
      Value scaled = arith::MulFOp::create(
          b, loc, poly,
          constant(b, loc, type, std::sqrt(2.0 / llvm::numbers::pi)));
      inner = math::TanhOp::create(b, loc, scaled);
    } else {
      Value scaled = arith::MulFOp::create(
          b, loc, x, constant(b, loc, type, 1.0 / llvm::numbers::sqrt2));
      inner = math::ErfOp::create(b, loc, scaled);
    }
    Value onePlus =
        arith::AddFOp::create(b, loc, constant(b, loc, type, 1), inner);
    Value half = arith::MulFOp::create(b, loc, x, constant(b, loc, type, 0.5));
    return arith::MulFOp::create(b, loc, half, onePlus);
  });
}

//===----------------------------------------------------------------------===//
// Ops with their own patterns
//===----------------------------------------------------------------------===//

struct IdentityPattern : public OpConversionPattern<onnx::IdentityOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::IdentityOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    if (!resultType || !isa<RankedTensorType>(adaptor.getX().getType()))
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    rewriter.replaceOp(
        op, castTo(rewriter, op.getLoc(), adaptor.getX(), resultType));
    return success();
  }
};

struct CastPattern : public OpConversionPattern<onnx::CastOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::CastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    auto inputType = dyn_cast<RankedTensorType>(op.getInput().getType());
    if (!resultType || !inputType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    Type from = inputType.getElementType();
    Type to = cast<RankedTensorType>(op.getType()).getElementType();
    if (!isInClass(from, kAny) || !isInClass(to, kAny))
      return reportUnsupported(op, "Cast from " + typeToString(from) + " to " +
                                       typeToString(to) + " is not supported");
    bool fromUnsigned = isUnsignedElement(op.getInput());
    bool toUnsigned = isUnsignedElement(op.getOutput());
    Value result = buildElementwise(
        rewriter, op.getLoc(), resultType, adaptor.getInput(),
        [&](OpBuilder &b, Location loc, ValueRange args) {
          return convertScalar(b, loc, args[0], resultType.getElementType(),
                               fromUnsigned, toUnsigned);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// min(max(x, min), max) with optional scalar bounds (numpy.clip).
struct ClipPattern : public OpConversionPattern<onnx::ClipOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::ClipOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    auto inputType = dyn_cast<RankedTensorType>(op.getInput().getType());
    if (!resultType || !inputType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    if (!isInClass(inputType.getElementType(), kNumeric))
      return reportUnsupported(
          op, "element type " + typeToString(inputType.getElementType()) +
                  " is not supported by this op");
    bool isUnsigned = isUnsignedElement(op.getInput());

    // The bounds are scalars (or one-element tensors), read up front.
    auto readBound = [&](Value bound, StringRef name) -> FailureOr<Value> {
      if (isa<NoneType>(bound.getType()))
        return Value();
      // A scalar, or a tensor of one element (static sizes all 1).
      auto type = dyn_cast<RankedTensorType>(bound.getType());
      if (!type || llvm::any_of(type.getShape(), [](int64_t d) {
            return d != 1 && !ShapedType::isDynamic(d);
          }))
        return reportUnsupported(op, name + " must be a scalar");
      SmallVector<Value> indices;
      if (type.getRank() > 0)
        indices.assign(type.getRank(),
                       arith::ConstantIndexOp::create(rewriter, loc, 0));
      return tensor::ExtractOp::create(rewriter, loc, bound, indices)
          .getResult();
    };
    FailureOr<Value> lo = readBound(adaptor.getMin(), "min");
    if (failed(lo))
      return failure();
    FailureOr<Value> hi = readBound(adaptor.getMax(), "max");
    if (failed(hi))
      return failure();

    Value result = buildElementwise(
        rewriter, loc, resultType, adaptor.getInput(),
        [&](OpBuilder &b, Location nestedLoc, ValueRange args) {
          Value x = args[0];
          if (*lo)
            x = createMax(b, nestedLoc, x, *lo, isUnsigned);
          if (*hi)
            x = createMin(b, nestedLoc, x, *hi, isUnsigned);
          return x;
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Registers one ElementwisePattern per op.
struct ElementwiseTable {
  const TypeConverter &converter;
  RewritePatternSet &patterns;

  template <typename OpTy>
  void add(unsigned typeClass, ScalarFn fn, unsigned firstTypedOperand = 0) {
    patterns.add<ElementwisePattern<OpTy>>(converter, patterns.getContext(),
                                           typeClass, fn, firstTypedOperand);
  }
};

} // namespace

void populateOnnxToLinalgElementwisePatterns(const TypeConverter &converter,
                                             RewritePatternSet &patterns) {
  using namespace onnx;
  ElementwiseTable table{converter, patterns};

  // Binary.
  table.add<AddOp>(kNumeric, arithBinary<arith::AddFOp, arith::AddIOp>);
  table.add<SubOp>(kNumeric, arithBinary<arith::SubFOp, arith::SubIOp>);
  table.add<MulOp>(kNumeric, arithBinary<arith::MulFOp, arith::MulIOp>);
  table.add<DivOp>(kNumeric, lowerDiv);
  table.add<PowOp>(kNumeric, lowerPow);
  table.add<ModOp>(kNumeric, lowerMod);
  table.add<PReluOp>(kNumeric, lowerPRelu);
  table.add<AndOp>(kBool, logicBinary<arith::AndIOp>);
  table.add<OrOp>(kBool, logicBinary<arith::OrIOp>);
  table.add<XorOp>(kBool, logicBinary<arith::XOrIOp>);
  table.add<EqualOp>(kAny, compare<FP::OEQ, IP::eq, IP::eq>);
  table.add<LessOp>(kAny, compare<FP::OLT, IP::slt, IP::ult>);
  table.add<LessOrEqualOp>(kAny, compare<FP::OLE, IP::sle, IP::ule>);
  table.add<GreaterOp>(kAny, compare<FP::OGT, IP::sgt, IP::ugt>);
  table.add<GreaterOrEqualOp>(kAny, compare<FP::OGE, IP::sge, IP::uge>);
  table.add<WhereOp>(kAny, lowerWhere, /*firstTypedOperand=*/1);

  // Variadic.
  table.add<SumOp>(kNumeric, lowerSum);
  table.add<MeanOp>(kFloat, lowerMean);
  table.add<MaxOp>(kNumeric, lowerMinMax<true>);
  table.add<MinOp>(kNumeric, lowerMinMax<false>);

  // Unary.
  table.add<AbsOp>(kNumeric, lowerAbs);
  table.add<NegOp>(kNumeric, lowerNeg);
  table.add<ReluOp>(kNumeric, lowerRelu);
  table.add<SignOp>(kNumeric, lowerSign);
  table.add<NotOp>(kBool, lowerNot);
  table.add<IsNaNOp>(kFloat, lowerIsNaN);
  table.add<ReciprocalOp>(kFloat, lowerReciprocal);
  table.add<CeilOp>(kFloat, mathUnary<math::CeilOp>);
  table.add<FloorOp>(kFloat, mathUnary<math::FloorOp>);
  table.add<RoundOp>(kFloat, mathUnary<math::RoundEvenOp>);
  table.add<CosOp>(kFloat, mathUnary<math::CosOp>);
  table.add<SinOp>(kFloat, mathUnary<math::SinOp>);
  table.add<TanhOp>(kFloat, mathUnary<math::TanhOp>);
  table.add<ErfOp>(kFloat, mathUnary<math::ErfOp>);
  table.add<ExpOp>(kFloat, mathUnary<math::ExpOp>);
  table.add<LogOp>(kFloat, mathUnary<math::LogOp>);
  table.add<SqrtOp>(kFloat, mathUnary<math::SqrtOp>);
  table.add<SigmoidOp>(kFloat, lowerSigmoid);
  table.add<SoftplusOp>(kFloat, lowerSoftplus);
  table.add<SoftsignOp>(kFloat, lowerSoftsign);
  table.add<HardSigmoidOp>(kFloat, lowerHardSigmoid);
  table.add<HardSwishOp>(kFloat, lowerHardSwish);
  table.add<LeakyReluOp>(kFloat, lowerLeakyRelu);
  table.add<EluOp>(kFloat, lowerElu);
  table.add<SeluOp>(kFloat, lowerSelu);
  table.add<GeluOp>(kFloat, lowerGelu);

  patterns.add<IdentityPattern, CastPattern, ClipPattern>(
      converter, patterns.getContext());
}

} // namespace onnxc
