//===- ControlFlow.cpp - onnx to linalg: If -------------------------------===//
//
// onnx.If becomes scf.if on the extracted condition; the branches are moved
// into the scf.if regions (their onnx ops are then converted in place) and
// onnx.Yield becomes scf.yield, casting to the joined result types.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "dialects/Onnx/IR/SequenceTypes.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

struct IfLowering : public OpConversionPattern<onnx::IfOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::IfOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SmallVector<Type> resultTypes;
    for (unsigned i = 0; i < op.getNumResults(); ++i) {
      // Sequences and optionals: the pointer type of their lowering.
      Type type = getConvertedResultType(getTypeConverter(), op, i);
      if (onnx::isSequenceOrOptional(op.getResult(i).getType()))
        type = getTypeConverter()->convertType(op.getResult(i).getType());
      if (!type)
        return reportUnsupported(op, "a branch output has an unknown rank");
      resultTypes.push_back(type);
    }
    Value cond = adaptor.getCond();
    auto condType = cast<RankedTensorType>(cond.getType());
    SmallVector<Value> zeros(condType.getRank(),
                             arith::ConstantIndexOp::create(rewriter, loc, 0));
    Value flag = tensor::ExtractOp::create(rewriter, loc, cond, zeros);
    if (!flag.getType().isInteger(1))
      flag = convertScalar(rewriter, loc, flag, rewriter.getI1Type(),
                           isUnsignedElement(op.getCond()), false);
    auto ifOp = scf::IfOp::create(rewriter, loc, resultTypes, flag,
                                  /*withElseRegion=*/true);
    for (auto [from, to] : {std::pair(&op.getThenBranch(), &ifOp.getThenRegion()),
                            std::pair(&op.getElseBranch(), &ifOp.getElseRegion())}) {
      rewriter.eraseBlock(&to->front());
      rewriter.inlineRegionBefore(*from, *to, to->end());
    }
    rewriter.replaceOp(op, ifOp.getResults());
    return success();
  }
};

struct YieldLowering : public OpConversionPattern<onnx::YieldOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::YieldOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto parent = dyn_cast<scf::IfOp>(op->getParentOp());
    if (!parent)
      return rewriter.notifyMatchFailure(op, "parent not yet converted");
    SmallVector<Value> values;
    for (auto [value, type] :
         llvm::zip(adaptor.getOperands(), parent.getResultTypes())) {
      Value v = value;
      if (v.getType() != type)
        v = tensor::CastOp::create(rewriter, op.getLoc(), type, v);
      values.push_back(v);
    }
    rewriter.replaceOpWithNewOp<scf::YieldOp>(op, values);
    return success();
  }
};

} // namespace
} // namespace onnxc::lowering

void onnxc::populateOnnxToLinalgControlFlowPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  patterns.add<onnxc::lowering::IfLowering, onnxc::lowering::YieldLowering>(
      converter, patterns.getContext());
}
