//===- ControlFlowOps.cpp - Loop and Scan ---------------------------------===//

#include "dialects/Onnx/IR/OnnxOps.h"
#include "dialects/Onnx/IR/SequenceTypes.h"

using namespace mlir;

namespace onnxc::onnx {

static constexpr int64_t kDyn = ShapedType::kDynamic;

/// `type` with a new leading dimension of size `n`.
static Type stacked(Type type, int64_t n) {
  auto tensor = cast<TensorType>(type);
  if (!tensor.hasRank())
    return type;
  SmallVector<int64_t> dims = {n};
  dims.append(tensor.getShape().begin(), tensor.getShape().end());
  return RankedTensorType::get(dims, tensor.getElementType());
}

/// `type` without dimension `axis`.
static Type sliced(Type type, int64_t axis) {
  auto tensor = cast<TensorType>(type);
  if (!tensor.hasRank() || axis < 0 || axis >= tensor.getRank())
    return type;
  SmallVector<int64_t> dims(tensor.getShape());
  dims.erase(dims.begin() + axis);
  return RankedTensorType::get(dims, tensor.getElementType());
}

/// The join of two tensor types: dims that differ become dynamic.
static Type join(Type a, Type b) {
  if (!isa<TensorType>(a) || !isa<TensorType>(b)) {
    // Sequences and optionals (LoopOp::verify checks the kinds agree).
    Type joined = joinCarriedTypes(a, b);
    return joined ? joined : a;
  }
  auto ta = cast<TensorType>(a), tb = cast<TensorType>(b);
  if (!ta.hasRank() || !tb.hasRank() || ta.getRank() != tb.getRank())
    return UnrankedTensorType::get(ta.getElementType());
  SmallVector<int64_t> dims;
  for (auto [x, y] : llvm::zip(ta.getShape(), tb.getShape()))
    dims.push_back(x == y ? x : kDyn);
  return RankedTensorType::get(dims, ta.getElementType());
}

/// Re-infers the result types of the ops of `block` from its (relaxed)
/// argument types: each op's tensor results are reset to unranked first, so
/// that shapes inferred from the old, more precise arguments do not stay.
static LogicalResult reinferBlock(Block &block) {
  for (Operation &op : block) {
    if (op.hasTrait<OpTrait::IsTerminator>() ||
        op.hasTrait<OpTrait::ConstantLike>())
      continue;
    for (Region &region : op.getRegions())
      for (Block &inner : region)
        if (failed(reinferBlock(inner)))
          return failure();
    auto iface = dyn_cast<ShapeInferenceOpInterface>(&op);
    if (!iface)
      continue;
    for (Value result : op.getResults())
      if (auto tensor = dyn_cast<TensorType>(result.getType()))
        result.setType(UnrankedTensorType::get(tensor.getElementType()));
    if (failed(iface.inferShapes()))
      return failure();
  }
  return success();
}

/// Relaxes the types of the body arguments `firstArg`.. that carry a value
/// across iterations (initial value `inits[i]`, next value yielded as
/// operand `firstYield + i`) to the join of both, and re-infers the body
/// until the types are stable: a value whose shape changes from one
/// iteration to the next gets dynamic dims.
static LogicalResult relaxCarriedTypes(Block &body, ValueRange inits,
                                       unsigned firstArg, unsigned firstYield) {
  for (int round = 0; round < 4; ++round) {
    Operation *yield = body.getTerminator();
    bool changed = false;
    for (auto [i, init] : llvm::enumerate(inits)) {
      BlockArgument arg = body.getArgument(firstArg + i);
      Type joined = join(join(init.getType(), arg.getType()),
                         yield->getOperand(firstYield + i).getType());
      if (joined != arg.getType()) {
        arg.setType(joined);
        changed = true;
      }
    }
    if (!changed)
      return success();
    if (failed(reinferBlock(body)))
      return failure();
  }
  return success();
}

LogicalResult LoopOp::verify() {
  Block &body = getBody().front();
  unsigned carried = getVInitial().size();
  if (body.getNumArguments() != carried + 2)
    return emitOpError() << "body has " << body.getNumArguments()
                         << " inputs, expected " << carried + 2
                         << " (iteration number, condition and " << carried
                         << " loop-carried values)";
  auto yield = dyn_cast<YieldOp>(body.getTerminator());
  if (!yield)
    return emitOpError() << "body must end in onnx.Yield";
  if (yield.getNumOperands() < carried + 1)
    return emitOpError() << "body has " << yield.getNumOperands()
                         << " outputs, expected at least " << carried + 1;
  if (getNumResults() != yield.getNumOperands() - 1)
    return emitOpError() << "has " << getNumResults()
                         << " outputs, the body gives "
                         << yield.getNumOperands() - 1;
  // The body's first output is the condition of the next iteration.
  Type condType = yield.getOperand(0).getType();
  auto cond = dyn_cast<ShapedType>(condType);
  if (!cond || !cond.getElementType().isInteger(1) ||
      (cond.hasStaticShape() && cond.getNumElements() != 1))
    return emitOpError() << "body's first output (the loop condition) must be "
                            "one bool, got "
                         << condType;
  for (unsigned i = 0; i < carried; ++i) {
    Type init = getVInitial()[i].getType();
    Type next = yield.getOperand(1 + i).getType();
    if (isSequenceOrOptional(init) || isSequenceOrOptional(next))
      if (!joinCarriedTypes(init, next))
        return emitOpError()
               << "loop-carried value #" << i << " is " << init
               << " before the loop and " << next << " after an iteration";
  }
  for (unsigned i = carried + 1; i < yield.getNumOperands(); ++i)
    if (!isa<TensorType>(yield.getOperand(i).getType()))
      return emitOpError() << "scan output #" << i - carried - 1
                           << " must be a tensor, got "
                           << yield.getOperand(i).getType();
  return success();
}

LogicalResult LoopOp::inferShapes() {
  Block &body = getBody().front();
  if (failed(relaxCarriedTypes(body, getVInitial(), 2, 1)))
    return failure();
  auto yield = cast<YieldOp>(body.getTerminator());
  unsigned carried = getVInitial().size();
  // The number of iterations is only known at run time (unless M is a
  // constant and there is no condition).
  int64_t trips = kDyn;
  if (isNoValue(getCond()))
    if (auto m = getConstantInts(getM()); m && m->size() == 1)
      trips = (*m)[0];
  for (unsigned i = 0; i < getNumResults(); ++i) {
    Type out = yield.getOperand(i + 1).getType();
    Type type = i < carried ? join(getVInitial()[i].getType(), out)
                            : stacked(out, trips);
    getResult(i).setType(type);
  }
  return success();
}

LogicalResult ScanOp::verify() {
  int64_t numScan = getNumScanInputs();
  int64_t numInputs = getInitialStateAndScanInputs().size();
  if (numScan <= 0 || numScan > numInputs)
    return emitOpError() << "num_scan_inputs is " << numScan << " for "
                         << numInputs << " inputs";
  Block &body = getBody().front();
  if (static_cast<int64_t>(body.getNumArguments()) != numInputs)
    return emitOpError() << "body has " << body.getNumArguments()
                         << " inputs, expected " << numInputs;
  auto yield = dyn_cast<YieldOp>(body.getTerminator());
  if (!yield || yield.getNumOperands() != getNumResults())
    return emitOpError() << "body outputs and node outputs differ in number";
  return success();
}

LogicalResult ScanOp::inferShapes() {
  Block &body = getBody().front();
  int64_t numInputs = getInitialStateAndScanInputs().size();
  int64_t numStates = numInputs - getNumScanInputs();
  if (failed(relaxCarriedTypes(
          body, getInitialStateAndScanInputs().take_front(numStates), 0, 0)))
    return failure();
  auto yield = cast<YieldOp>(body.getTerminator());
  // The sequence length: the scanned axis of the first scan input.
  int64_t length = kDyn;
  int64_t axis0 = getScanInputAxes() && !getScanInputAxes()->empty()
                      ? (*getScanInputAxes())[0]
                      : 0;
  if (auto shape = getRankedShape(getInitialStateAndScanInputs()[numStates])) {
    if (axis0 < 0)
      axis0 += shape->size();
    if (axis0 >= 0 && axis0 < static_cast<int64_t>(shape->size()))
      length = (*shape)[axis0];
  }
  for (unsigned i = 0; i < getNumResults(); ++i) {
    Type out = yield.getOperand(i).getType();
    if (static_cast<int64_t>(i) < numStates) {
      getResult(i).setType(join(getInitialStateAndScanInputs()[i].getType(), out));
      continue;
    }
    int64_t k = i - numStates;
    int64_t axis = getScanOutputAxes() &&
                           k < static_cast<int64_t>(getScanOutputAxes()->size())
                       ? (*getScanOutputAxes())[k]
                       : 0;
    Type type = stacked(out, length);
    auto tensor = cast<TensorType>(type);
    if (axis != 0 && tensor.hasRank()) {
      if (axis < 0)
        axis += tensor.getRank();
      if (axis < 0 || axis >= tensor.getRank())
        return emitError() << "scan_output_axes value " << axis
                           << " is out of range";
      SmallVector<int64_t> dims(tensor.getShape().drop_front());
      dims.insert(dims.begin() + axis, length);
      type = RankedTensorType::get(dims, tensor.getElementType());
    }
    getResult(i).setType(type);
  }
  (void)sliced;
  return success();
}

} // namespace onnxc::onnx
