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

/// Visits the ops of `block` in order; an op with regions is visited after
/// the ops of its regions, so that it sees the refined branch types.
LogicalResult inferBlock(Block &block) {
  for (Operation &op : llvm::make_early_inc_range(block)) {
    for (Region &region : op.getRegions())
      for (Block &inner : region)
        if (failed(inferBlock(inner)))
          return failure();
    Operation *current = &op;
    if (failed(foldOrInferShapes(current)))
      return failure();
  }
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
