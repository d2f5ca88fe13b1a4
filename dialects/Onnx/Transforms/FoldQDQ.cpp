//===- FoldQDQ.cpp - the onnx-fold-qdq pass -------------------------------===//
//
// Rewrites the DequantizeLinear -> op -> QuantizeLinear chains of QDQ models
// into ops on the quantized tensors:
//  - Conv:   Q(Conv(DQ(x), DQ(w), DQ(b : i32))) -> QLinearConv
//  - MatMul: Q(MatMul(DQ(a), DQ(b)))            -> QLinearMatMul
//  - Reshape, Transpose, Flatten, Squeeze, Unsqueeze between a DQ and a Q of
//    the same scale and zero point move the quantized values themselves, and
//    Q(DQ(x)) with the same parameters is x (both exact).
// Scales and zero points must be per tensor, except the weight's (per output
// channel for Conv, per column for MatMul). The bias must be i32 with a zero
// zero point and the scale x_scale * w_scale (checked when constant). The
// integer ops requantize once from an exact i32 accumulator, so results can
// differ from the float computation of the chain by one quantization step
// where it lands near a rounding tie.
//
//===----------------------------------------------------------------------===//

#include "dialects/Onnx/Transforms/Passes.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>

using namespace mlir;

namespace onnxc::onnx {

#define GEN_PASS_DEF_ONNXFOLDQDQ
#include "dialects/Onnx/Transforms/Passes.h.inc"

namespace {

bool isByteInteger(Type type) { return type && type.isInteger(8); }

/// True when `v` is absent or a tensor of one element.
bool isPerTensor(Value v) {
  if (isNoValue(v))
    return true;
  auto type = dyn_cast<RankedTensorType>(v.getType());
  return type &&
         llvm::all_of(type.getShape(), [](int64_t d) { return d == 1; });
}

/// The single-use result of `v`'s defining op of type OpTy, or null.
template <typename OpTy> OpTy getSingleUseProducer(Value v) {
  auto op = v.getDefiningOp<OpTy>();
  if (!op || !op->getResult(0).hasOneUse())
    return {};
  return op;
}

/// A DequantizeLinear of an 8-bit integer tensor, per tensor or (when
/// `channelAxis` >= 0) per index of that axis.
DequantizeLinearOp matchDQ(Value v, int64_t channelAxis = -1) {
  auto dq = v.getDefiningOp<DequantizeLinearOp>();
  if (!dq || dq.getBlockSize() != 0 || dq.getOutputDtype() != 0 ||
      !isByteInteger(getElementType(dq.getX())))
    return {};
  if (isPerTensor(dq.getXScale()) && isPerTensor(dq.getXZeroPoint()))
    return dq;
  auto xType = dyn_cast<RankedTensorType>(dq.getX().getType());
  auto scaleType = dyn_cast<RankedTensorType>(dq.getXScale().getType());
  if (channelAxis < 0 || !xType || !scaleType || scaleType.getRank() != 1)
    return {};
  int64_t axis =
      dq.getAxis() < 0 ? dq.getAxis() + xType.getRank() : dq.getAxis();
  if (axis != channelAxis || scaleType.isDynamicDim(0) ||
      scaleType.getDimSize(0) != xType.getDimSize(axis))
    return {};
  return dq;
}

/// A QuantizeLinear to an 8-bit integer type, per tensor.
bool isFoldableQ(QuantizeLinearOp q) {
  return q.getBlockSize() == 0 && isPerTensor(q.getYScale()) &&
         isPerTensor(q.getYZeroPoint()) &&
         isByteInteger(getElementType(q.getY()));
}

/// The zero point of a DQ/Q, or a zero of `elementType` when it has none.
Value getZeroPoint(PatternRewriter &rewriter, Location loc, Value zp,
                   Type elementType) {
  if (!isNoValue(zp))
    return zp;
  auto type = RankedTensorType::get({}, elementType);
  return ConstantOp::create(
      rewriter, loc, type,
      DenseElementsAttr::get(type, rewriter.getIntegerAttr(elementType, 0)));
}

std::optional<SmallVector<double>> getConstantFloats(Value v) {
  DenseFPElementsAttr attr;
  if (isNoValue(v) || !matchPattern(v, m_Constant(&attr)))
    return std::nullopt;
  SmallVector<double> values;
  for (const APFloat &value : attr.getValues<APFloat>())
    values.push_back(value.convertToDouble());
  return values;
}

/// Whether two scales or zero points are the same: one value, or equal
/// constants.
bool isSameParam(Value a, Value b) {
  if (a == b)
    return true;
  if (isNoValue(a) || isNoValue(b))
    return false;
  ElementsAttr x, y;
  if (!matchPattern(a, m_Constant(&x)) || !matchPattern(b, m_Constant(&y)))
    return false;
  auto dx = dyn_cast<DenseElementsAttr>(x);
  auto dy = dyn_cast<DenseElementsAttr>(y);
  return dx && dy && dx.isSplat() && dy.isSplat() &&
         dx.getElementType() == dy.getElementType() &&
         dx.getSplatValue<Attribute>() == dy.getSplatValue<Attribute>();
}

/// A bias that QLinearConv can take: DQ of i32 with a zero (or no) zero
/// point and the scale x_scale * w_scale.
Value matchBias(Value bias, DequantizeLinearOp dqx, DequantizeLinearOp dqw) {
  auto dq = bias.getDefiningOp<DequantizeLinearOp>();
  if (!dq || !getElementType(dq.getX()).isInteger(32) || dq.getBlockSize() != 0)
    return {};
  if (!isNoValue(dq.getXZeroPoint())) {
    auto zp = getConstantInts(dq.getXZeroPoint());
    if (!zp || llvm::any_of(*zp, [](int64_t v) { return v != 0; }))
      return {};
  }
  auto biasScale = getConstantFloats(dq.getXScale());
  auto xScale = getConstantFloats(dqx.getXScale());
  auto wScale = getConstantFloats(dqw.getXScale());
  if (!biasScale || !xScale || !wScale || xScale->size() != 1)
    return {};
  for (auto [i, s] : llvm::enumerate(*biasScale)) {
    double w = (*wScale)[wScale->size() == 1 ? 0 : i];
    double expected = static_cast<float>((*xScale)[0] * w);
    if (std::fabs(s - expected) > 1e-6 * std::fabs(expected))
      return {};
  }
  return dq.getX();
}

struct FoldConv : public OpRewritePattern<QuantizeLinearOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(QuantizeLinearOp q,
                                PatternRewriter &rewriter) const override {
    auto conv = getSingleUseProducer<ConvOp>(q.getX());
    if (!conv || !isFoldableQ(q))
      return rewriter.notifyMatchFailure(q, "not a per-tensor Q of a Conv");
    DequantizeLinearOp dqx = matchDQ(conv.getX());
    DequantizeLinearOp dqw = matchDQ(conv.getW(), /*channelAxis=*/0);
    if (!dqx || !dqw)
      return rewriter.notifyMatchFailure(q, "Conv operands are not 8-bit DQs");
    Value bias = conv.getB();
    if (!isNoValue(bias)) {
      bias = matchBias(bias, dqx, dqw);
      if (!bias)
        return rewriter.notifyMatchFailure(
            q, "bias is not i32 of scale x_scale * w_scale");
    }
    Location loc = conv.getLoc();
    Type outType = getElementType(q.getY());
    Value xZp = getZeroPoint(rewriter, loc, dqx.getXZeroPoint(),
                             getElementType(dqx.getX()));
    Value wZp = getZeroPoint(rewriter, loc, dqw.getXZeroPoint(),
                             getElementType(dqw.getX()));
    Value yZp = getZeroPoint(rewriter, loc, q.getYZeroPoint(), outType);
    auto fused = QLinearConvOp::create(
        rewriter, loc, q.getY().getType(), dqx.getX(), dqx.getXScale(), xZp,
        dqw.getX(), dqw.getXScale(), wZp, q.getYScale(), yZp, bias,
        conv.getGroup(), conv.getAutoPad(), conv.getDilations(),
        conv.getKernelShape(), conv.getPads(), conv.getStrides());
    rewriter.replaceOp(q, fused.getResult());
    return success();
  }
};

struct FoldMatMul : public OpRewritePattern<QuantizeLinearOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(QuantizeLinearOp q,
                                PatternRewriter &rewriter) const override {
    auto matmul = getSingleUseProducer<MatMulOp>(q.getX());
    if (!matmul || !isFoldableQ(q))
      return rewriter.notifyMatchFailure(q, "not a per-tensor Q of a MatMul");
    auto bType = dyn_cast<RankedTensorType>(matmul.getB().getType());
    if (!bType || bType.getRank() < 2)
      return rewriter.notifyMatchFailure(q, "b must be ranked, rank >= 2");
    DequantizeLinearOp dqa = matchDQ(matmul.getA());
    DequantizeLinearOp dqb = matchDQ(matmul.getB(), bType.getRank() - 1);
    if (!dqa || !dqb)
      return rewriter.notifyMatchFailure(q, "operands are not 8-bit DQs");
    Location loc = matmul.getLoc();
    Type outType = getElementType(q.getY());
    Value aZp = getZeroPoint(rewriter, loc, dqa.getXZeroPoint(),
                             getElementType(dqa.getX()));
    Value bZp = getZeroPoint(rewriter, loc, dqb.getXZeroPoint(),
                             getElementType(dqb.getX()));
    Value yZp = getZeroPoint(rewriter, loc, q.getYZeroPoint(), outType);
    auto fused = QLinearMatMulOp::create(
        rewriter, loc, q.getY().getType(), dqa.getX(), dqa.getXScale(), aZp,
        dqb.getX(), dqb.getXScale(), bZp, q.getYScale(), yZp);
    rewriter.replaceOp(q, fused.getResult());
    return success();
  }
};

/// Q(op(DQ(x))) with the same scale and zero point, for ops that only move
/// elements: op(x). And Q(DQ(x)) -> x.
struct FoldDataMovement : public OpRewritePattern<QuantizeLinearOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(QuantizeLinearOp q,
                                PatternRewriter &rewriter) const override {
    Operation *mover = q.getX().getDefiningOp();
    if (!mover)
      return rewriter.notifyMatchFailure(q, "input is an argument");
    bool direct = isa<DequantizeLinearOp>(mover);
    if (!direct &&
        (!isa<ReshapeOp, TransposeOp, FlattenOp, SqueezeOp, UnsqueezeOp>(
             mover) ||
         !mover->getResult(0).hasOneUse()))
      return rewriter.notifyMatchFailure(q, "not a data movement op");
    Value data = direct ? q.getX() : mover->getOperand(0);
    auto dq = data.getDefiningOp<DequantizeLinearOp>();
    if (!dq || dq.getBlockSize() != 0 || q.getBlockSize() != 0 ||
        !isPerTensor(dq.getXScale()) || !isPerTensor(q.getYScale()) ||
        getElementType(dq.getX()) != getElementType(q.getY()) ||
        !isSameParam(dq.getXScale(), q.getYScale()) ||
        !(isSameParam(dq.getXZeroPoint(), q.getYZeroPoint()) ||
          (isNoValue(q.getYZeroPoint()) && isNoValue(dq.getXZeroPoint()))))
      return rewriter.notifyMatchFailure(q, "not the same quantization");
    if (direct) {
      rewriter.replaceOp(q, dq.getX());
      return success();
    }
    Operation *moved = rewriter.clone(*mover);
    moved->setOperand(0, dq.getX());
    auto type = cast<TensorType>(moved->getResult(0).getType());
    moved->getResult(0).setType(type.clone(getElementType(dq.getX())));
    rewriter.replaceOp(q, moved->getResult(0));
    return success();
  }
};

struct OnnxFoldQDQPass : public impl::OnnxFoldQDQBase<OnnxFoldQDQPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldConv, FoldMatMul, FoldDataMovement>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
} // namespace onnxc::onnx
