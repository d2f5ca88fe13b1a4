//===- InferShapes.cpp - the onnx-infer-shapes pass -----------------------===//

#include "dialects/Onnx/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;

namespace onnxc::onnx {

#define GEN_PASS_DEF_ONNXINFERSHAPES
#include "dialects/Onnx/Transforms/Passes.h.inc"

LogicalResult foldOrInferShapes(Operation *&op) {
  if (!isa<OnnxDialect>(op->getDialect()))
    return success();
  auto iface = dyn_cast<ShapeInferenceOpInterface>(op);
  if (iface && failed(iface.inferShapes()))
    return failure();
  // Folders evaluate constant operands and static shapes (Shape, Size).
  if (op->getNumRegions() > 0 || op->hasTrait<OpTrait::ConstantLike>())
    return success();
  SmallVector<OpFoldResult> results;
  if (failed(op->fold(results)) || results.empty())
    return success();
  OpBuilder builder(op);
  SmallVector<Value> replacements;
  for (auto [result, folded] : llvm::zip(op->getResults(), results)) {
    if (auto value = dyn_cast<Value>(folded)) {
      if (value.getType() != result.getType())
        return success();
      replacements.push_back(value);
      continue;
    }
    Operation *constant = op->getDialect()->materializeConstant(
        builder, cast<Attribute>(folded), result.getType(), op->getLoc());
    if (!constant)
      return success();
    replacements.push_back(constant->getResult(0));
  }
  op->replaceAllUsesWith(replacements);
  op->erase();
  op = nullptr;
  return success();
}

void updateFunctionResultTypes(func::FuncOp func) {
  if (func.getBody().empty())
    return;
  Operation *terminator = func.getBody().back().getTerminator();
  func.setType(FunctionType::get(func.getContext(),
                                 func.getArgumentTypes(),
                                 terminator->getOperandTypes()));
}

namespace {

/// An If whose condition is a constant is replaced by the ops of the branch
/// it takes (expanded functions test a rank or an attribute that is known
/// when the model is compiled, and the branches may give different ranks).
/// Returns the inlined ops, or nothing when `op` is not such an If.
std::optional<SmallVector<Operation *>> inlineConstantIf(Operation &op) {
  auto ifOp = dyn_cast<IfOp>(op);
  if (!ifOp)
    return std::nullopt;
  auto cond = getConstantInts(ifOp.getCond());
  if (!cond || cond->size() != 1)
    return std::nullopt;
  Region &taken = (*cond)[0] != 0 ? ifOp.getThenBranch() : ifOp.getElseBranch();
  Block &body = taken.front();
  auto yield = cast<YieldOp>(body.getTerminator());
  SmallVector<Value> values(yield.getOperands());
  SmallVector<Operation *> inlined;
  for (Operation &inner : body.without_terminator())
    inlined.push_back(&inner);
  for (Operation *inner : inlined)
    inner->moveBefore(ifOp);
  ifOp->replaceAllUsesWith(values);
  ifOp->erase();
  return inlined;
}

/// Infers the shapes of `op`; an op with regions is visited after the ops of
/// its regions, so that it sees the refined branch types.
LogicalResult inferOp(Operation &op) {
  if (auto inlined = inlineConstantIf(op)) {
    for (Operation *inner : *inlined)
      if (failed(inferOp(*inner)))
        return failure();
    return success();
  }
  for (Region &region : op.getRegions())
    for (Block &inner : region)
      for (Operation &nested : llvm::make_early_inc_range(inner))
        if (failed(inferOp(nested)))
          return failure();
  Operation *current = &op;
  return foldOrInferShapes(current);
}

/// Visits the ops of `block` in order.
LogicalResult inferBlock(Block &block) {
  for (Operation &op : llvm::make_early_inc_range(block))
    if (failed(inferOp(op)))
      return failure();
  return success();
}

struct OnnxInferShapesPass
    : public impl::OnnxInferShapesBase<OnnxInferShapesPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    for (Block &block : func.getBody())
      if (failed(inferBlock(block)))
        return signalPassFailure();
    updateFunctionResultTypes(func);
  }
};

} // namespace
} // namespace onnxc::onnx
