//===- Random.cpp - onnx to linalg: random ops ----------------------------===//
//
// RandomUniformLike and Bernoulli: a linalg.generic over the output whose
// body draws a uniform value from the counter-based generator of Random.h.
//
//===----------------------------------------------------------------------===//

#include "Random.h"

#include "Common.h"

#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "llvm/ADT/bit.h"

using namespace mlir;

namespace onnxc::lowering {

uint64_t getRandomSeed(Operation *op, std::optional<double> seedAttribute) {
  if (seedAttribute)
    return llvm::bit_cast<uint64_t>(*seedAttribute);
  // FNV-1a of the printed location: stable across runs and builds.
  std::string text;
  llvm::raw_string_ostream os(text);
  op->getLoc().print(os);
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text)
    hash = (hash ^ c) * 0x100000001b3ULL;
  return hash;
}

Value buildUniform01(OpBuilder &b, Location loc, ValueRange indices,
                     ArrayRef<OpFoldResult> dims, uint64_t seed, Type type) {
  Type i64 = b.getI64Type();
  auto constant = [&](uint64_t v) {
    return arith::ConstantIntOp::create(b, loc, i64, static_cast<int64_t>(v))
        .getResult();
  };
  // The row-major linear position of the element.
  Value linear = arith::ConstantIndexOp::create(b, loc, 0);
  for (auto [index, dim] : llvm::zip(indices, dims)) {
    linear = arith::MulIOp::create(
        b, loc, linear, getValueOrCreateConstantIndexOp(b, loc, dim));
    linear = arith::AddIOp::create(b, loc, linear, index);
  }
  Value x = arith::IndexCastUIOp::create(b, loc, i64, linear);
  // splitmix64 of seed + (position + 1) * golden ratio.
  x = arith::AddIOp::create(b, loc, x, constant(1));
  x = arith::MulIOp::create(b, loc, x, constant(0x9e3779b97f4a7c15ULL));
  x = arith::AddIOp::create(b, loc, x, constant(seed));
  auto mix = [&](Value v, uint64_t shift, uint64_t factor) {
    Value shifted = arith::ShRUIOp::create(b, loc, v, constant(shift));
    Value mixed = arith::XOrIOp::create(b, loc, v, shifted);
    return factor ? arith::MulIOp::create(b, loc, mixed, constant(factor))
                        .getResult()
                  : mixed;
  };
  x = mix(x, 30, 0xbf58476d1ce4e5b9ULL);
  x = mix(x, 27, 0x94d049bb133111ebULL);
  x = mix(x, 31, 0);
  // The top `bits` bits scaled by 2^-bits: exact in `type`, so the value
  // stays below 1.
  auto floatType = cast<FloatType>(type);
  unsigned bits = std::min(floatType.getFPMantissaWidth(), 53u);
  Type computeType =
      floatType.getWidth() > 32 ? Type(b.getF64Type()) : Type(b.getF32Type());
  Value top = arith::ShRUIOp::create(b, loc, x, constant(64 - bits));
  Value asFloat = arith::UIToFPOp::create(b, loc, computeType, top);
  Value scale = arith::ConstantOp::create(
      b, loc, b.getFloatAttr(computeType, std::ldexp(1.0, -int(bits))));
  Value u = arith::MulFOp::create(b, loc, asFloat, scale);
  if (computeType != type)
    u = arith::TruncFOp::create(b, loc, type, u);
  return u;
}

namespace {

std::optional<double> seedOf(std::optional<APFloat> seed) {
  if (!seed)
    return std::nullopt;
  return seed->convertToDouble();
}

/// A linalg.generic over `type` (the dims of `shapeSource`) whose body gets
/// the output indices and the input scalars read at the same position.
Value buildRandomGeneric(
    OpBuilder &b, Location loc, RankedTensorType type, Value shapeSource,
    ValueRange inputs,
    function_ref<Value(OpBuilder &, Location, ValueRange, ValueRange)> body) {
  int64_t rank = type.getRank();
  Value init = createEmpty(b, loc, type, getDims(b, loc, shapeSource));
  SmallVector<AffineMap> maps(inputs.size() + 1,
                              b.getMultiDimIdentityMap(rank));
  auto generic = linalg::GenericOp::create(
      b, loc, type, inputs, init, maps,
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

/// low + u * (high - low), u uniform in [0, 1).
struct RandomUniformLikeLowering
    : public OpConversionPattern<onnx::RandomUniformLikeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::RandomUniformLikeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    if (!type || !isa<FloatType>(type.getElementType()))
      return reportUnsupported(op, "the output must be a ranked float tensor");
    Value input = adaptor.getInput();
    uint64_t seed = getRandomSeed(op, seedOf(op.getSeed()));
    SmallVector<OpFoldResult> dims = getDims(rewriter, loc, input);
    double low = op.getLow().convertToDouble();
    double high = op.getHigh().convertToDouble();
    Type elementType = type.getElementType();
    Type computeType = getComputeType(elementType);
    Value result = buildRandomGeneric(
        rewriter, loc, type, input, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          Value u = buildUniform01(b, l, ivs, dims, seed, computeType);
          Value scaled = arith::MulFOp::create(
              b, l, u, createScalar(b, l, computeType, high - low));
          Value v = arith::AddFOp::create(b, l, scaled,
                                          createScalar(b, l, computeType, low));
          return convertScalar(b, l, v, elementType, false, false);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// 1 where u < p (u uniform in [0, 1)), else 0, in the output type.
struct BernoulliLowering : public OpConversionPattern<onnx::BernoulliOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::BernoulliOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value input = adaptor.getInput();
    auto inputType = dyn_cast<RankedTensorType>(input.getType());
    if (!type || !inputType || !isa<FloatType>(inputType.getElementType()))
      return reportUnsupported(op, "the input must be a ranked float tensor");
    uint64_t seed = getRandomSeed(op, seedOf(op.getSeed()));
    SmallVector<OpFoldResult> dims = getDims(rewriter, loc, input);
    Type probabilityType = inputType.getElementType();
    Type elementType = type.getElementType();
    bool isUnsigned = isUnsignedElement(op.getOutput());
    Value result = buildRandomGeneric(
        rewriter, loc, type, input, input,
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange args) {
          Value u = buildUniform01(b, l, ivs, dims, seed, probabilityType);
          Value hit = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, u,
                                            args[0]);
          return convertScalar(b, l, hit, elementType, /*fromUnsigned=*/true,
                               isUnsigned);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace
} // namespace onnxc::lowering

void onnxc::populateOnnxToLinalgRandomPatterns(const TypeConverter &converter,
                                               RewritePatternSet &patterns) {
  using namespace lowering;
  patterns.add<RandomUniformLikeLowering, BernoulliLowering>(
      converter, patterns.getContext());
}
