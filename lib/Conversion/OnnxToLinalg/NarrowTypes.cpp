//===- NarrowTypes.cpp - float8/float4 and sub-byte integer scalars -------===//
//
// Encoding a wider float into a narrow one follows the classic fp16
// conversion: with `abs` the source bits without the sign,
//  - results that are normal in the narrow type round the mantissa to
//    nearest even with integer adds on the bits and rebias the exponent;
//  - results that are subnormal (or zero) add a "magic" power of two to the
//    value, so that the float adder rounds to nearest even at the position of
//    the narrow type's last mantissa bit, and take the low bits;
//  - results above the largest finite value saturate to it, or become
//    infinity (E5M2) or NaN (the FN/FNUZ types) without `saturate`.
// Decoding shifts the exponent and mantissa into f32's fields; subnormals
// are the mantissa times a power of two. NaN encodings follow ml_dtypes
// (what the ONNX reference uses): E4M3FN S.1111.111, E5M2 S.11111.10,
// FNUZ types 0x80; f4E2M1FN has no NaN and a NaN input gives 0x8.
//
//===----------------------------------------------------------------------===//

#include "NarrowTypes.h"
#include "Common.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

/// How a narrow float format encodes its special values.
enum class Specials {
  Ieee,       // E5M2: exponent all ones is Inf (mantissa 0) or NaN
  AllOnesNaN, // E4M3FN: only S.1111.111 is NaN, no infinities
  NegZeroNaN, // FNUZ: 0x80 is the only NaN, no negative zero
  None,       // E2M1: neither NaN nor infinities
};

struct NarrowFormat {
  unsigned width;    // total bits
  unsigned mantBits; // explicit mantissa bits
  int64_t bias;
  Specials specials;
  uint64_t maxFinite; // magnitude bits of the largest finite value
};

NarrowFormat getFormat(Type type) {
  if (isa<Float8E4M3FNType>(type))
    return {8, 3, 7, Specials::AllOnesNaN, 0x7e};
  if (isa<Float8E4M3FNUZType>(type))
    return {8, 3, 8, Specials::NegZeroNaN, 0x7f};
  if (isa<Float8E5M2Type>(type))
    return {8, 2, 15, Specials::Ieee, 0x7b};
  if (isa<Float8E5M2FNUZType>(type))
    return {8, 2, 16, Specials::NegZeroNaN, 0x7f};
  assert(isa<Float4E2M1FNType>(type) && "not a narrow float format");
  return {4, 1, 1, Specials::None, 0x7};
}

Value intConst(OpBuilder &b, Location loc, Type type, uint64_t value) {
  return arith::ConstantOp::create(
      b, loc,
      b.getIntegerAttr(type, APInt(type.getIntOrFloatBitWidth(), value)));
}

/// A float constant of `type` given by its bits.
Value floatFromBits(OpBuilder &b, Location loc, FloatType type, uint64_t bits) {
  APFloat value(type.getFloatSemantics(), APInt(type.getWidth(), bits));
  return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, value));
}

Value select(OpBuilder &b, Location loc, Value cond, Value t, Value f) {
  return arith::SelectOp::create(b, loc, cond, t, f);
}

Value cmp(OpBuilder &b, Location loc, arith::CmpIPredicate pred, Value lhs,
          uint64_t rhs) {
  return arith::CmpIOp::create(b, loc, pred, lhs,
                               intConst(b, loc, lhs.getType(), rhs));
}

/// f32 `v` rounded to f8E8M0FNU (a biased power of two) as in the ONNX
/// reference (onnx.numpy_helper.to_float8e8m0): the sign is dropped, NaN and
/// infinities give 0xFF, and the exponent goes up when `rounding` says so.
Value encodeE8M0(OpBuilder &b, Location loc, Value v, bool saturate,
                 E8M0Rounding rounding) {
  Type i32 = b.getI32Type();
  Value bits = arith::BitcastOp::create(b, loc, i32, v);
  Value exponent = arith::AndIOp::create(
      b, loc, arith::ShRUIOp::create(b, loc, bits, intConst(b, loc, i32, 23)),
      intConst(b, loc, i32, 0xff));
  Value roundUp;
  auto bitSet = [&](uint64_t mask) {
    return cmp(b, loc, arith::CmpIPredicate::ne,
               arith::AndIOp::create(b, loc, bits, intConst(b, loc, i32, mask)),
               0);
  };
  if (rounding == E8M0Rounding::Up) {
    roundUp = bitSet(0x7fffff);
  } else if (rounding == E8M0Rounding::Nearest) {
    Value guard = bitSet(0x400000);
    Value rest = arith::OrIOp::create(
        b, loc,
        arith::OrIOp::create(b, loc, bitSet(0x200000), bitSet(0x1fffff)),
        cmp(b, loc, arith::CmpIPredicate::ne, exponent, 0));
    roundUp = arith::AndIOp::create(b, loc, guard, rest);
  }
  Value result = exponent;
  if (roundUp) {
    Value special = cmp(b, loc, arith::CmpIPredicate::eq, exponent, 0xff);
    roundUp = arith::AndIOp::create(
        b, loc, roundUp,
        arith::XOrIOp::create(b, loc, special,
                              intConst(b, loc, b.getI1Type(), 1)));
    if (saturate)
      roundUp = arith::AndIOp::create(
          b, loc, roundUp,
          cmp(b, loc, arith::CmpIPredicate::ne, exponent, 0xfe));
    result = arith::AddIOp::create(
        b, loc, exponent, arith::ExtUIOp::create(b, loc, i32, roundUp));
  }
  Value byte = arith::TruncIOp::create(b, loc, b.getI8Type(), result);
  return arith::BitcastOp::create(b, loc, b.getType<Float8E8M0FNUType>(), byte);
}

} // namespace

bool isNarrowFloat(Type type) {
  return isa<Float8E4M3FNType, Float8E4M3FNUZType, Float8E5M2Type,
             Float8E5M2FNUZType, Float8E8M0FNUType, Float4E2M1FNType>(type);
}

bool isSubByteInteger(Type type) {
  auto intType = dyn_cast<IntegerType>(type);
  return intType && intType.getWidth() > 1 && intType.getWidth() < 8;
}

bool needsNarrowConversion(Type from, Type to) {
  return isNarrowFloat(from) || isNarrowFloat(to) ||
         (isa<FloatType>(from) && isSubByteInteger(to));
}

Value extendNarrowFloat(OpBuilder &b, Location loc, Value v) {
  auto type = cast<FloatType>(v.getType());
  Type i32 = b.getI32Type();
  Type f32 = b.getF32Type();
  unsigned width = type.getWidth();
  Value raw = arith::BitcastOp::create(b, loc, b.getIntegerType(width), v);
  Value u = arith::ExtUIOp::create(b, loc, i32, raw);
  constexpr uint64_t kNaN = 0x7fc00000, kInf = 0x7f800000;
  if (isa<Float8E8M0FNUType>(type)) {
    // 2^(u - 127); u = 0 is the f32 subnormal 2^-127.
    Value bits = arith::ShLIOp::create(b, loc, u, intConst(b, loc, i32, 23));
    bits = select(b, loc, cmp(b, loc, arith::CmpIPredicate::eq, u, 0),
                  intConst(b, loc, i32, 0x00400000), bits);
    bits = select(b, loc, cmp(b, loc, arith::CmpIPredicate::eq, u, 0xff),
                  intConst(b, loc, i32, kNaN), bits);
    return arith::BitcastOp::create(b, loc, f32, bits);
  }
  NarrowFormat f = getFormat(type);
  uint64_t signMask = uint64_t(1) << (width - 1);
  Value sign = arith::ShLIOp::create(
      b, loc,
      arith::ShRUIOp::create(b, loc, u, intConst(b, loc, i32, width - 1)),
      intConst(b, loc, i32, 31));
  Value mag =
      arith::AndIOp::create(b, loc, u, intConst(b, loc, i32, signMask - 1));
  // Normal: move exponent and mantissa into f32's fields and rebias.
  Value normal = arith::AddIOp::create(
      b, loc,
      arith::ShLIOp::create(b, loc, mag,
                            intConst(b, loc, i32, 23 - f.mantBits)),
      intConst(b, loc, i32, uint64_t(127 - f.bias) << 23));
  // Subnormal (exponent 0): mantissa * 2^(1 - bias - mantBits), exact.
  Value mantissaF = arith::UIToFPOp::create(b, loc, f32, mag);
  Value scale =
      createScalar(b, loc, f32, std::ldexp(1.0, 1 - f.bias - int(f.mantBits)));
  Value subnormal = arith::BitcastOp::create(
      b, loc, i32, arith::MulFOp::create(b, loc, mantissaF, scale));
  Value isSubnormal =
      cmp(b, loc, arith::CmpIPredicate::ult, mag, uint64_t(1) << f.mantBits);
  Value bits = arith::OrIOp::create(
      b, loc, select(b, loc, isSubnormal, subnormal, normal), sign);
  switch (f.specials) {
  case Specials::Ieee: {
    uint64_t expAll = ((uint64_t(1) << (width - 1 - f.mantBits)) - 1)
                      << f.mantBits;
    Value inf = arith::OrIOp::create(b, loc, intConst(b, loc, i32, kInf), sign);
    Value special =
        select(b, loc, cmp(b, loc, arith::CmpIPredicate::eq, mag, expAll), inf,
               intConst(b, loc, i32, kNaN));
    bits = select(b, loc, cmp(b, loc, arith::CmpIPredicate::uge, mag, expAll),
                  special, bits);
    break;
  }
  case Specials::AllOnesNaN:
    bits =
        select(b, loc, cmp(b, loc, arith::CmpIPredicate::eq, mag, signMask - 1),
               intConst(b, loc, i32, kNaN), bits);
    break;
  case Specials::NegZeroNaN:
    bits = select(b, loc, cmp(b, loc, arith::CmpIPredicate::eq, u, signMask),
                  intConst(b, loc, i32, kNaN), bits);
    break;
  case Specials::None:
    break;
  }
  return arith::BitcastOp::create(b, loc, f32, bits);
}

Value truncateToNarrowFloat(OpBuilder &b, Location loc, Value v, FloatType to,
                            bool saturate, E8M0Rounding rounding) {
  auto srcType = cast<FloatType>(v.getType());
  assert((srcType.isF32() || srcType.isF64()) && "f32 or f64 source");
  if (isa<Float8E8M0FNUType>(to)) {
    if (srcType.isF64())
      v = arith::TruncFOp::create(b, loc, b.getF32Type(), v);
    return encodeE8M0(b, loc, v, saturate, rounding);
  }
  NarrowFormat f = getFormat(to);
  unsigned ws = srcType.getWidth();
  unsigned ms = srcType.getFPMantissaWidth() - 1;
  int64_t bs = ws == 32 ? 127 : 1023;
  Type it = b.getIntegerType(ws);
  Value bits = arith::BitcastOp::create(b, loc, it, v);
  Value sign =
      arith::ShRUIOp::create(b, loc, bits, intConst(b, loc, it, ws - 1));
  Value abs = arith::AndIOp::create(
      b, loc, bits, intConst(b, loc, it, (uint64_t(1) << (ws - 1)) - 1));
  uint64_t infBits = ((uint64_t(1) << (ws - 1 - ms)) - 1) << ms;
  Value isNaN = cmp(b, loc, arith::CmpIPredicate::ugt, abs, infBits);

  // Normal results: round the mantissa to nearest even, then rebias.
  unsigned shift = ms - f.mantBits;
  Value odd = arith::AndIOp::create(
      b, loc, arith::ShRUIOp::create(b, loc, abs, intConst(b, loc, it, shift)),
      intConst(b, loc, it, 1));
  Value rounded = arith::AddIOp::create(
      b, loc,
      arith::AddIOp::create(
          b, loc, abs, intConst(b, loc, it, (uint64_t(1) << (shift - 1)) - 1)),
      odd);
  Value normal = arith::SubIOp::create(
      b, loc,
      arith::ShRUIOp::create(b, loc, rounded, intConst(b, loc, it, shift)),
      intConst(b, loc, it, uint64_t(bs - f.bias) << f.mantBits));
  // Subnormal results: the float add of the magic value rounds.
  uint64_t magicBits = uint64_t((bs - f.bias) + shift + 1) << ms;
  Value absF = arith::BitcastOp::create(b, loc, srcType, abs);
  Value sum = arith::AddFOp::create(b, loc, absF,
                                    floatFromBits(b, loc, srcType, magicBits));
  Value subnormal =
      arith::SubIOp::create(b, loc, arith::BitcastOp::create(b, loc, it, sum),
                            intConst(b, loc, it, magicBits));
  Value isSmall = cmp(b, loc, arith::CmpIPredicate::ult, abs,
                      uint64_t(bs - f.bias + 1) << ms);
  Value mag = select(b, loc, isSmall, subnormal, normal);

  // Beyond the largest finite value (infinities included).
  Value overflow = cmp(b, loc, arith::CmpIPredicate::ugt, mag, f.maxFinite);
  uint64_t signMask = uint64_t(1) << (f.width - 1);
  uint64_t overflowValue = f.maxFinite;
  if (!saturate && f.specials == Specials::Ieee)
    overflowValue = ((uint64_t(1) << (f.width - 1 - f.mantBits)) - 1)
                    << f.mantBits; // infinity
  else if (!saturate && f.specials == Specials::AllOnesNaN)
    overflowValue = signMask - 1; // NaN
  mag = select(b, loc, overflow, intConst(b, loc, it, overflowValue), mag);
  Value signBit =
      arith::ShLIOp::create(b, loc, sign, intConst(b, loc, it, f.width - 1));
  Value result = arith::OrIOp::create(b, loc, mag, signBit);
  Value nan;
  switch (f.specials) {
  case Specials::Ieee: // quiet NaN: exponent all ones, top mantissa bit
    nan = arith::OrIOp::create(
        b, loc,
        intConst(
            b, loc, it,
            (((uint64_t(1) << (f.width - 1 - f.mantBits)) - 1) << f.mantBits) |
                (uint64_t(1) << (f.mantBits - 1))),
        signBit);
    break;
  case Specials::AllOnesNaN:
    nan = arith::OrIOp::create(b, loc, intConst(b, loc, it, signMask - 1),
                               signBit);
    break;
  case Specials::NegZeroNaN:
    nan = intConst(b, loc, it, signMask);
    result = select(b, loc, cmp(b, loc, arith::CmpIPredicate::eq, mag, 0),
                    intConst(b, loc, it, 0), result);
    if (!saturate)
      result = select(b, loc, overflow, nan, result);
    break;
  case Specials::None:
    nan = intConst(b, loc, it, signMask);
    break;
  }
  result = select(b, loc, isNaN, nan, result);
  Value narrow =
      arith::TruncIOp::create(b, loc, b.getIntegerType(f.width), result);
  return arith::BitcastOp::create(b, loc, to, narrow);
}

Value convertNarrowScalar(OpBuilder &b, Location loc, Value v, Type to,
                          bool fromUnsigned, bool toUnsigned, bool saturate,
                          E8M0Rounding rounding) {
  Type from = v.getType();
  if (from == to)
    return v;
  if (isNarrowFloat(from)) {
    Value wide = extendNarrowFloat(b, loc, v);
    if (isNarrowFloat(to))
      return truncateToNarrowFloat(b, loc, wide, cast<FloatType>(to), saturate,
                                   rounding);
    return convertScalar(b, loc, wide, to, /*fromUnsigned=*/false, toUnsigned);
  }
  if (auto toFloat = dyn_cast<FloatType>(to); toFloat && isNarrowFloat(to)) {
    // Exactly to f32 (f64 for f64 and wide integers), then round once.
    Type wide = b.getF32Type();
    if (from.isF64() ||
        (isa<IntegerType>(from) && from.getIntOrFloatBitWidth() > 24))
      wide = b.getF64Type();
    Value w =
        convertScalar(b, loc, v, wide, fromUnsigned, /*toUnsigned=*/false);
    return truncateToNarrowFloat(b, loc, w, toFloat, saturate, rounding);
  }
  // Float to a sub-byte integer: truncate toward zero, then wrap around
  // (numpy's astype, which the ONNX reference uses).
  assert(isa<FloatType>(from) && isSubByteInteger(to) && "unexpected types");
  Value wide = arith::FPToSIOp::create(b, loc, b.getI32Type(), v);
  return arith::TruncIOp::create(b, loc, to, wide);
}

} // namespace onnxc::lowering
