//===- PrepareEntryPoint.cpp - fresh result buffers for main_graph --------===//

#include "onnxc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace mlir;

namespace onnxc {

#define GEN_PASS_DEF_PREPAREENTRYPOINT
#include "onnxc/Transforms/Passes.h.inc"

namespace {

/// True when `v` will bufferize into a buffer of its own: the result of a
/// destination-style op whose init is (a fill of) tensor.empty.
bool isFreshTensor(Value v) {
  auto result = dyn_cast<OpResult>(v);
  if (!result)
    return false;
  auto dps = dyn_cast<DestinationStyleOpInterface>(result.getOwner());
  if (!dps || !dps.hasPureTensorSemantics())
    return false;
  Value init = dps.getDpsInitOperand(result.getResultNumber())->get();
  while (auto fill = init.getDefiningOp<linalg::FillOp>())
    init = fill.getOutputs()[0];
  return init.getDefiningOp<tensor::EmptyOp>() != nullptr;
}

struct PrepareEntryPointPass
    : public impl::PrepareEntryPointBase<PrepareEntryPointPass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      if (func.isExternal() || func.isPrivate())
        continue;
      func->setAttr("llvm.emit_c_interface", UnitAttr::get(&getContext()));
      // The ONNX names are in the signature; LLVM has no use for them.
      for (unsigned i = 0; i < func.getNumArguments(); ++i)
        func.removeArgAttr(i, StringAttr::get(&getContext(), "onnx.name"));
      for (unsigned i = 0; i < func.getNumResults(); ++i)
        func.removeResultAttr(i, StringAttr::get(&getContext(), "onnx.name"));
      auto ret = cast<func::ReturnOp>(func.getBody().back().getTerminator());
      OpBuilder b(ret);
      llvm::SmallPtrSet<Value, 8> seen;
      for (OpOperand &operand : ret->getOpOperands()) {
        Value v = operand.get();
        auto type = dyn_cast<RankedTensorType>(v.getType());
        bool unique = seen.insert(v).second;
        if (!type || (unique && isFreshTensor(v) && v.hasOneUse()))
          continue;
        Location loc = ret.getLoc();
        SmallVector<Value> dynamicDims;
        for (int64_t i = 0; i < type.getRank(); ++i)
          if (type.isDynamicDim(i))
            dynamicDims.push_back(tensor::DimOp::create(b, loc, v, i));
        Value empty = tensor::EmptyOp::create(b, loc, type, dynamicDims);
        Value copy = linalg::CopyOp::create(b, loc, v, empty).getResult(0);
        operand.set(copy);
      }
    }
  }
};

} // namespace
} // namespace onnxc
