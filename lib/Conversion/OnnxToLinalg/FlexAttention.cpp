//===- FlexAttention.cpp - onnx to linalg: FlexAttention ------------------===//
//
//   scores = (Q K^T) * scale            linalg.generic, in the precision P
//   scores = score_mod(scores)          the region's ops, inlined in place
//   probs  = onnx.Softmax(scores, -1)   lowered by its own pattern
//   probs  = prob_mod(probs)            inlined
//   Y      = probs V                    linalg.generic, truncated to T
//
// K and V are read at head h / (Hq / Hkv) (grouped-query attention). The
// modifier regions take and yield whole [B, Hq, L, S] tensors, so their onnx
// ops are moved before the op and converted by their own patterns.
//
//===----------------------------------------------------------------------===//

#include "NNExtraCommon.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

using IT = utils::IteratorType;

/// Moves the ops of a modifier region before `op`, its argument replaced by
/// `input`; returns the value the region yields (`input` for an empty
/// region).
Value inlineModifier(ConversionPatternRewriter &rewriter, Operation *op,
                     Region &region, Value input) {
  if (region.empty())
    return input;
  Block &block = region.front();
  auto yield = cast<onnx::YieldOp>(block.getTerminator());
  BlockArgument arg = block.getArgument(0);
  Value in = castTo(rewriter, op->getLoc(), input, arg.getType());
  Value out = yield.getOperand(0);
  bool identity = out == arg;
  rewriter.inlineBlockBefore(&block, op, ValueRange{in});
  rewriter.eraseOp(yield);
  return identity ? in : out;
}

struct FlexAttentionPattern
    : public OpConversionPattern<onnx::FlexAttentionOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::FlexAttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    Value q = adaptor.getQ(), k = adaptor.getK(), v = adaptor.getV();
    auto qType = dyn_cast<RankedTensorType>(q.getType());
    auto kType = dyn_cast<RankedTensorType>(k.getType());
    auto vType = dyn_cast<RankedTensorType>(v.getType());
    if (!resultType || !qType || !kType || !vType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    if (qType.getRank() != 4 || kType.getRank() != 4 || vType.getRank() != 4)
      return reportUnsupported(op, "Q, K and V must have rank 4");
    Type p = op.getPrecisionType();
    MLIRContext *ctx = rewriter.getContext();

    // K or V at the query heads, in P: kv[b, h / groups, s, d].
    Value qHeads = getValueOrCreateConstantIndexOp(rewriter, loc,
                                                   getDim(rewriter, loc, q, 1));
    auto alignHeads = [&](Value kv) -> Value {
      auto type = cast<RankedTensorType>(kv.getType());
      auto outType =
          RankedTensorType::get({qType.getDimSize(0), qType.getDimSize(1),
                                 type.getDimSize(2), type.getDimSize(3)},
                                p);
      Value kvHeads = getValueOrCreateConstantIndexOp(
          rewriter, loc, getDim(rewriter, loc, kv, 1));
      // Heads known only at run time are not verified: no division by 0.
      Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
      kvHeads = arith::MaxUIOp::create(rewriter, loc, kvHeads, one);
      Value groups = arith::MaxUIOp::create(
          rewriter, loc, arith::DivUIOp::create(rewriter, loc, qHeads, kvHeads),
          one);
      Value init = createEmpty(
          rewriter, loc, outType,
          {getDim(rewriter, loc, q, 0), getDim(rewriter, loc, q, 1),
           getDim(rewriter, loc, kv, 2), getDim(rewriter, loc, kv, 3)});
      return nnx::buildGeneric(
                 rewriter, loc, {}, {init},
                 {rewriter.getMultiDimIdentityMap(4)},
                 SmallVector<IT>(4, IT::parallel),
                 [&](OpBuilder &b, Location l,
                     ValueRange) -> SmallVector<Value> {
                   SmallVector<Value> ivs = nnx::getIterationIndices(b, l, 4);
                   ivs[1] = arith::MinUIOp::create(
                       b, l, arith::DivUIOp::create(b, l, ivs[1], groups),
                       arith::SubIOp::create(b, l, kvHeads, one));
                   Value x = tensor::ExtractOp::create(b, l, kv, ivs);
                   return {nnx::toFloat(b, l, x, p)};
                 })
          .front();
    };
    Value kp = alignHeads(k), vp = alignHeads(v);

    // scores[b, h, l, s] = sum_d q[b, h, l, d] k[b, h, s, d] * scale.
    auto scoreType =
        RankedTensorType::get({qType.getDimSize(0), qType.getDimSize(1),
                               qType.getDimSize(2), kType.getDimSize(2)},
                              p);
    SmallVector<OpFoldResult> scoreDims = {
        getDim(rewriter, loc, q, 0), getDim(rewriter, loc, q, 1),
        getDim(rewriter, loc, q, 2), getDim(rewriter, loc, k, 2)};
    Value zero = createScalar(rewriter, loc, p, 0);
    Value scale;
    if (auto s = op.getScale()) {
      scale = createScalar(rewriter, loc, p, s->convertToDouble());
    } else {
      Value d = getValueOrCreateConstantIndexOp(rewriter, loc,
                                                getDim(rewriter, loc, q, 3));
      d = arith::IndexCastOp::create(rewriter, loc, rewriter.getI64Type(), d);
      d = arith::SIToFPOp::create(rewriter, loc, p, d);
      scale = arith::DivFOp::create(rewriter, loc,
                                    createScalar(rewriter, loc, p, 1),
                                    math::SqrtOp::create(rewriter, loc, d));
    }
    AffineExpr b0 = getAffineDimExpr(0, ctx), h = getAffineDimExpr(1, ctx),
               l0 = getAffineDimExpr(2, ctx), s0 = getAffineDimExpr(3, ctx),
               d0 = getAffineDimExpr(4, ctx);
    Value scores =
        nnx::buildGeneric(
            rewriter, loc, {q, kp},
            {createFilled(rewriter, loc, scoreType, scoreDims, zero)},
            {AffineMap::get(5, 0, {b0, h, l0, d0}, ctx),
             AffineMap::get(5, 0, {b0, h, s0, d0}, ctx),
             AffineMap::get(5, 0, {b0, h, l0, s0}, ctx)},
            {IT::parallel, IT::parallel, IT::parallel, IT::parallel,
             IT::reduction},
            [&](OpBuilder &b, Location l,
                ValueRange args) -> SmallVector<Value> {
              Value x = nnx::toFloat(b, l, args[0], p);
              return {arith::AddFOp::create(
                  b, l, args[2], arith::MulFOp::create(b, l, x, args[1]))};
            })
            .front();
    scores = buildElementwise(
        rewriter, loc, scoreType, {scores},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::MulFOp::create(b, l, args[0], scale);
        });

    scores = inlineModifier(rewriter, op, op.getScoreMod(), scores);
    auto modType = cast<RankedTensorType>(scores.getType());
    Value probs = onnx::SoftmaxOp::create(rewriter, loc, modType, scores, -1);
    probs = inlineModifier(rewriter, op, op.getProbMod(), probs);
    probs = castTo(rewriter, loc, probs, scoreType);

    // Y[b, h, l, e] = sum_s probs[b, h, l, s] v[b, h, s, e].
    auto yType =
        RankedTensorType::get({qType.getDimSize(0), qType.getDimSize(1),
                               qType.getDimSize(2), vType.getDimSize(3)},
                              p);
    Value yInit =
        createFilled(rewriter, loc, yType,
                     {getDim(rewriter, loc, q, 0), getDim(rewriter, loc, q, 1),
                      getDim(rewriter, loc, q, 2), getDim(rewriter, loc, v, 3)},
                     zero);
    AffineExpr e = getAffineDimExpr(3, ctx), s = getAffineDimExpr(4, ctx);
    Value y =
        nnx::buildGeneric(rewriter, loc, {probs, vp}, {yInit},
                          {AffineMap::get(5, 0, {b0, h, l0, s}, ctx),
                           AffineMap::get(5, 0, {b0, h, s, e}, ctx),
                           AffineMap::get(5, 0, {b0, h, l0, e}, ctx)},
                          {IT::parallel, IT::parallel, IT::parallel,
                           IT::parallel, IT::reduction},
                          [&](OpBuilder &b, Location l,
                              ValueRange args) -> SmallVector<Value> {
                            return {arith::AddFOp::create(
                                b, l, args[2],
                                arith::MulFOp::create(b, l, args[0], args[1]))};
                          })
            .front();
    if (p != resultType.getElementType())
      y = buildElementwise(
          rewriter, loc, yType.clone(resultType.getElementType()), {y},
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return nnx::toFloat(b, l, args[0], resultType.getElementType());
          });
    rewriter.replaceOp(op, castTo(rewriter, loc, y, resultType));
    return success();
  }
};

} // namespace

void populateFlexAttentionPatterns(const TypeConverter &converter,
                                   RewritePatternSet &patterns) {
  patterns.add<FlexAttentionPattern>(converter, patterns.getContext());
}

} // namespace onnxc::lowering
