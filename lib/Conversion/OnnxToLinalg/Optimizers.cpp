//===- Optimizers.cpp - onnx to linalg: Adagrad, Adam, Momentum -----------===//
//
// The ai.onnx.preview.training optimizer steps. The scalar coefficients that
// depend on R and T are computed in f64 once; each optimized tensor is then
// one element-wise linalg.generic producing its updated value and states.
//
//===----------------------------------------------------------------------===//

#include "NNExtraCommon.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

using namespace nnx;

/// The only element of a one-element tensor, as f64.
Value scalarAsF64(OpBuilder &b, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  SmallVector<Value> zeros(type.getRank(),
                           arith::ConstantIndexOp::create(b, loc, 0));
  Value v = tensor::ExtractOp::create(b, loc, tensor, zeros);
  if (isa<FloatType>(v.getType()))
    return toFloat(b, loc, v, b.getF64Type());
  return arith::SIToFPOp::create(b, loc, b.getF64Type(), v);
}

/// The per-element update: gets (compute-type scalars of the group's inputs)
/// and returns the group's outputs in the same order as the op's.
using UpdateFn = function_ref<SmallVector<Value>(OpBuilder &, Location,
                                                 ArrayRef<Value>, Type)>;

/// Lowers an optimizer with `groups` input tensors and `outputGroups` outputs
/// per optimized tensor.
LogicalResult lowerOptimizer(Operation *op, ValueRange inputs, unsigned groups,
                             unsigned outputGroups,
                             const TypeConverter *converter,
                             ConversionPatternRewriter &rewriter,
                             UpdateFn update) {
  Location loc = op->getLoc();
  unsigned n = inputs.size() / groups;
  SmallVector<Value> results(op->getNumResults());
  for (unsigned i = 0; i < n; ++i) {
    SmallVector<Value> operands;
    for (unsigned g = 0; g < groups; ++g)
      operands.push_back(inputs[g * n + i]);
    auto type = dyn_cast<RankedTensorType>(operands[0].getType());
    if (!type || !llvm::all_of(operands, [&](Value v) {
          return isFloatTensor(v) && v.getType() == type;
        }))
      return reportUnsupported(op, "the tensors of one update must be float "
                                   "tensors of one type");
    Type ct = getComputeType(type.getElementType());
    SmallVector<Value> inits;
    for (unsigned k = 0; k < outputGroups; ++k)
      inits.push_back(createEmpty(rewriter, loc, type,
                                  getDims(rewriter, loc, operands[0])));
    SmallVector<AffineMap> maps(
        groups + outputGroups, rewriter.getMultiDimIdentityMap(type.getRank()));
    SmallVector<utils::IteratorType> iterators(type.getRank(),
                                               utils::IteratorType::parallel);
    SmallVector<Value> updated = buildGeneric(
        rewriter, loc, operands, inits, maps, iterators,
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          SmallVector<Value> in;
          for (unsigned g = 0; g < groups; ++g)
            in.push_back(toFloat(b, l, args[g], ct));
          SmallVector<Value> out = update(b, l, in, ct);
          for (Value &v : out)
            v = toFloat(b, l, v, type.getElementType());
          return out;
        });
    for (unsigned k = 0; k < outputGroups; ++k) {
      RankedTensorType resultType =
          getConvertedResultType(converter, op, k * n + i);
      if (!resultType)
        return reportUnsupported(op, "an output has an unknown rank");
      results[k * n + i] = castTo(rewriter, loc, updated[k], resultType);
    }
  }
  rewriter.replaceOp(op, results);
  return success();
}

Value constF(OpBuilder &b, Location loc, Type type, double v) {
  return createScalar(b, loc, type, v);
}

/// x * y + z, element-wise scalars.
Value mulAdd(OpBuilder &b, Location loc, Value x, Value y, Value z) {
  return arith::AddFOp::create(b, loc, arith::MulFOp::create(b, loc, x, y), z);
}

struct AdagradPattern : public OpConversionPattern<onnx::AdagradOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::AdagradOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    // r' = R / (1 + T * decay_factor)
    Value r = scalarAsF64(rewriter, loc, adaptor.getR());
    Value t = scalarAsF64(rewriter, loc, adaptor.getT());
    Type f64 = rewriter.getF64Type();
    Value denom = mulAdd(
        rewriter, loc, t,
        constF(rewriter, loc, f64, op.getDecayFactor().convertToDouble()),
        constF(rewriter, loc, f64, 1));
    Value rate = arith::DivFOp::create(rewriter, loc, r, denom);
    double norm = op.getNormCoefficient().convertToDouble();
    double eps = op.getEpsilon().convertToDouble();
    return lowerOptimizer(
        op, adaptor.getInputs(), 3, 2, getTypeConverter(), rewriter,
        [&](OpBuilder &b, Location l, ArrayRef<Value> in,
            Type ct) -> SmallVector<Value> {
          Value x = in[0], g = in[1], h = in[2];
          Value gr = mulAdd(b, l, constF(b, l, ct, norm), x, g);
          Value hNew = mulAdd(b, l, gr, gr, h);
          Value root = arith::AddFOp::create(
              b, l, math::SqrtOp::create(b, l, hNew), constF(b, l, ct, eps));
          Value step = arith::DivFOp::create(
              b, l, arith::MulFOp::create(b, l, toFloat(b, l, rate, ct), gr),
              root);
          return {arith::SubFOp::create(b, l, x, step), hNew};
        });
  }
};

struct MomentumPattern : public OpConversionPattern<onnx::MomentumOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::MomentumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value r = scalarAsF64(rewriter, loc, adaptor.getR());
    Value t = scalarAsF64(rewriter, loc, adaptor.getT());
    Type f64 = rewriter.getF64Type();
    // beta' = T > 0 ? beta : 1
    Value positive =
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OGT, t,
                              constF(rewriter, loc, f64, 0));
    Value beta = arith::SelectOp::create(
        rewriter, loc, positive,
        constF(rewriter, loc, f64, op.getBeta().convertToDouble()),
        constF(rewriter, loc, f64, 1));
    double alpha = op.getAlpha().convertToDouble();
    double norm = op.getNormCoefficient().convertToDouble();
    bool nesterov = op.getMode() == "nesterov";
    return lowerOptimizer(
        op, adaptor.getInputs(), 3, 2, getTypeConverter(), rewriter,
        [&](OpBuilder &b, Location l, ArrayRef<Value> in,
            Type ct) -> SmallVector<Value> {
          Value x = in[0], g = in[1], v = in[2];
          Value a = constF(b, l, ct, alpha);
          Value gr = mulAdd(b, l, constF(b, l, ct, norm), x, g);
          Value vNew = arith::AddFOp::create(
              b, l, arith::MulFOp::create(b, l, a, v),
              arith::MulFOp::create(b, l, toFloat(b, l, beta, ct), gr));
          Value dir = nesterov ? mulAdd(b, l, a, vNew, gr) : vNew;
          Value step = arith::MulFOp::create(b, l, toFloat(b, l, r, ct), dir);
          return {arith::SubFOp::create(b, l, x, step), vNew};
        });
  }
};

struct AdamPattern : public OpConversionPattern<onnx::AdamOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::AdamOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value r = scalarAsF64(rewriter, loc, adaptor.getR());
    Value t = scalarAsF64(rewriter, loc, adaptor.getT());
    Type f64 = rewriter.getF64Type();
    double alpha = op.getAlpha().convertToDouble();
    double beta = op.getBeta().convertToDouble();
    // r' = T > 0 ? R * sqrt(1 - beta^T) / (1 - alpha^T) : R
    Value one = constF(rewriter, loc, f64, 1);
    auto oneMinusPow = [&](double base) -> Value {
      Value p = math::PowFOp::create(rewriter, loc,
                                     constF(rewriter, loc, f64, base), t);
      return arith::SubFOp::create(rewriter, loc, one, p);
    };
    Value adjusted = arith::DivFOp::create(
        rewriter, loc,
        arith::MulFOp::create(
            rewriter, loc, r,
            math::SqrtOp::create(rewriter, loc, oneMinusPow(beta))),
        oneMinusPow(alpha));
    Value positive =
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OGT, t,
                              constF(rewriter, loc, f64, 0));
    Value rate = arith::SelectOp::create(rewriter, loc, positive, adjusted, r);
    double norm = op.getNormCoefficient().convertToDouble();
    double post = op.getNormCoefficientPost().convertToDouble();
    double eps = op.getEpsilon().convertToDouble();
    return lowerOptimizer(
        op, adaptor.getInputs(), 4, 3, getTypeConverter(), rewriter,
        [&](OpBuilder &b, Location l, ArrayRef<Value> in,
            Type ct) -> SmallVector<Value> {
          Value x = in[0], g = in[1], v = in[2], h = in[3];
          Value gr = mulAdd(b, l, constF(b, l, ct, norm), x, g);
          Value vNew = arith::AddFOp::create(
              b, l, arith::MulFOp::create(b, l, constF(b, l, ct, alpha), v),
              arith::MulFOp::create(b, l, constF(b, l, ct, 1 - alpha), gr));
          Value hNew = arith::AddFOp::create(
              b, l, arith::MulFOp::create(b, l, constF(b, l, ct, beta), h),
              arith::MulFOp::create(b, l, constF(b, l, ct, 1 - beta),
                                    arith::MulFOp::create(b, l, gr, gr)));
          Value root = arith::AddFOp::create(
              b, l, math::SqrtOp::create(b, l, hNew), constF(b, l, ct, eps));
          Value step =
              arith::MulFOp::create(b, l, toFloat(b, l, rate, ct),
                                    arith::DivFOp::create(b, l, vNew, root));
          Value xNew = arith::SubFOp::create(b, l, x, step);
          xNew = arith::MulFOp::create(b, l, constF(b, l, ct, 1 - post), xNew);
          return {xNew, vNew, hNew};
        });
  }
};

} // namespace
} // namespace onnxc::lowering

void onnxc::lowering::nnx::populateOptimizerPatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns) {
  patterns.add<AdagradPattern, AdamPattern, MomentumPattern>(
      converter, patterns.getContext());
}
