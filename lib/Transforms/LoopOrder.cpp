//===- LoopOrder.cpp - vectorizable loop order for linalg ops -------------===//

#include "onnxc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;

namespace onnxc {

#define GEN_PASS_DEF_LOOPORDER
#include "onnxc/Transforms/Passes.h.inc"

namespace {

/// The loop permutation (new position -> old loop) that puts `inner` last,
/// the reductions before it and the other parallel loops first; empty when
/// the op should keep its order.
SmallVector<unsigned> chooseOrder(linalg::LinalgOp op) {
  if (op.getNumReductionLoops() == 0 || op.getNumDpsInits() != 1)
    return {};
  AffineMap outMap = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
  if (outMap.getNumResults() == 0)
    return {};
  auto lastDim = dyn_cast<AffineDimExpr>(outMap.getResults().back());
  if (!lastDim)
    return {};
  unsigned inner = lastDim.getPosition();
  // The loop must walk the last dimension of some input too (unit stride
  // there as well), e.g. B's columns in a matmul.
  bool walksInput = false;
  for (OpOperand *input : op.getDpsInputOperands()) {
    AffineMap map = op.getMatchingIndexingMap(input);
    if (map.getNumResults() > 0 &&
        map.getResults().back().isFunctionOfDim(inner))
      walksInput = true;
  }
  if (!walksInput)
    return {};
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  SmallVector<unsigned> order;
  for (unsigned i = 0; i < iterators.size(); ++i)
    if (i != inner && iterators[i] == utils::IteratorType::parallel)
      order.push_back(i);
  for (unsigned i = 0; i < iterators.size(); ++i)
    if (iterators[i] == utils::IteratorType::reduction)
      order.push_back(i);
  order.push_back(inner);
  bool identity = true;
  for (unsigned i = 0; i < order.size(); ++i)
    identity &= order[i] == i;
  return identity ? SmallVector<unsigned>() : order;
}

struct LoopOrderPass : public impl::LoopOrderBase<LoopOrderPass> {
  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> ops;
    getOperation().walk([&](linalg::LinalgOp op) { ops.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (linalg::LinalgOp op : ops) {
      SmallVector<unsigned> order = chooseOrder(op);
      if (order.empty())
        continue;
      rewriter.setInsertionPoint(op);
      auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
      if (!generic) {
        FailureOr<linalg::GenericOp> generalized =
            linalg::generalizeNamedOp(rewriter, op);
        if (failed(generalized))
          continue;
        generic = *generalized;
      }
      // interchangeGenericOp takes, for each new loop, the old loop.
      (void)linalg::interchangeGenericOp(rewriter, generic, order);
    }
  }
};

} // namespace
} // namespace onnxc
