//===- SequenceOps.cpp - sequence and optional types and ops --------------===//

#include "dialects/Onnx/IR/SequenceTypes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;

#define GET_TYPEDEF_CLASSES
#include "dialects/Onnx/IR/OnnxTypes.cpp.inc"

namespace onnxc::onnx {

void OnnxDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "dialects/Onnx/IR/OnnxTypes.cpp.inc"
      >();
}

LogicalResult OptType::verify(function_ref<InFlightDiagnostic()> emitError,
                              Type elementType) {
  if (!isa<TensorType, SeqType>(elementType))
    return emitError() << "an optional holds a tensor or a sequence, not "
                       << elementType;
  return success();
}

static constexpr int64_t kDyn = ShapedType::kDynamic;

static TensorType joinTensorTypes(TensorType a, TensorType b) {
  if (!a.hasRank() || !b.hasRank() || a.getRank() != b.getRank())
    return UnrankedTensorType::get(a.getElementType());
  SmallVector<int64_t> dims;
  for (auto [x, y] : llvm::zip(a.getShape(), b.getShape()))
    dims.push_back(x == y ? x : kDyn);
  return RankedTensorType::get(dims, a.getElementType());
}

Type joinValueTypes(Type a, Type b) {
  if (a == b)
    return a;
  if (auto ta = dyn_cast<TensorType>(a)) {
    auto tb = dyn_cast<TensorType>(b);
    if (!tb || ta.getElementType() != tb.getElementType())
      return {};
    return joinTensorTypes(ta, tb);
  }
  if (auto sa = dyn_cast<SeqType>(a)) {
    auto sb = dyn_cast<SeqType>(b);
    if (!sb)
      return {};
    auto joined = dyn_cast_or_null<TensorType>(
        joinValueTypes(sa.getElementType(), sb.getElementType()));
    return joined ? SeqType::get(a.getContext(), joined) : Type();
  }
  if (auto oa = dyn_cast<OptType>(a)) {
    auto ob = dyn_cast<OptType>(b);
    if (!ob)
      return {};
    Type joined = joinValueTypes(oa.getElementType(), ob.getElementType());
    return joined ? OptType::get(a.getContext(), joined) : Type();
  }
  return {};
}

Type joinCarriedTypes(Type a, Type b) {
  auto oa = dyn_cast<OptType>(a), ob = dyn_cast<OptType>(b);
  if (oa && !ob) {
    Type inner = joinValueTypes(oa.getElementType(), b);
    return inner ? OptType::get(a.getContext(), inner) : Type();
  }
  if (ob && !oa)
    return joinCarriedTypes(b, a);
  return joinValueTypes(a, b);
}

/// The element type of the tensors of `seq` (i64, f32, ...).
static Type scalarType(SeqType seq) {
  return seq.getElementType().getElementType();
}

/// Checks that `position` is a scalar (or one-element) int32/int64 tensor.
static LogicalResult verifyPosition(Operation *op, Value position) {
  if (isNoValue(position))
    return success();
  auto type = cast<TensorType>(position.getType());
  if (!type.getElementType().isInteger(32) &&
      !type.getElementType().isInteger(64))
    return op->emitOpError()
           << "position must be int32 or int64, not " << type.getElementType();
  if (type.hasRank() && type.getRank() > 1)
    return op->emitOpError()
           << "position must be a scalar, got rank " << type.getRank();
  if (type.hasStaticShape() && type.getNumElements() != 1)
    return op->emitOpError()
           << "position must hold one value, got " << type.getNumElements();
  return success();
}

static SeqType seqOf(TensorType element) {
  return SeqType::get(element.getContext(), element);
}

static TensorType scalarTensor(MLIRContext *ctx, Type element) {
  return RankedTensorType::get({}, element);
}

//===----------------------------------------------------------------------===//
// SequenceConstruct, SequenceEmpty, SequenceInsert, SequenceErase
//===----------------------------------------------------------------------===//

LogicalResult SequenceConstructOp::verify() {
  if (getInputs().empty())
    return emitOpError() << "needs at least one input";
  Type element = getElementType(getInputs().front());
  for (auto [i, input] : llvm::enumerate(getInputs()))
    if (getElementType(input) != element)
      return emitOpError() << "input #" << i << " has element type "
                           << getElementType(input) << ", input #0 has "
                           << element;
  return success();
}

LogicalResult SequenceConstructOp::inferShapes() {
  auto joined = cast<TensorType>(getInputs().front().getType());
  for (Value input : getInputs().drop_front())
    joined = joinTensorTypes(joined, cast<TensorType>(input.getType()));
  getOutputSequence().setType(seqOf(joined));
  return success();
}

LogicalResult SequenceEmptyOp::verify() {
  Type dtype = getDtype() ? *getDtype() : Type();
  if (dtype && (isa<ShapedType>(dtype) || !dtype.isIntOrIndexOrFloat()))
    return emitOpError() << "dtype must be an element type, not " << dtype;
  return success();
}

LogicalResult SequenceEmptyOp::inferShapes() {
  Type dtype = getDtype() ? *getDtype() : Float32Type::get(getContext());
  Type old = getOutput().getType().getElementType().getElementType();
  // A refined element type (from a later insert) is kept.
  if (old != dtype)
    getOutput().setType(seqOf(UnrankedTensorType::get(dtype)));
  return success();
}

LogicalResult SequenceInsertOp::verify() {
  SeqType seq = getInputSequence().getType();
  Type element = getElementType(getTensor());
  if (element != scalarType(seq))
    return emitOpError() << "tensor has element type " << element
                         << ", the sequence holds " << scalarType(seq);
  return verifyPosition(*this, getPosition());
}

LogicalResult SequenceInsertOp::inferShapes() {
  SeqType seq = getInputSequence().getType();
  getOutputSequence().setType(seqOf(joinTensorTypes(
      seq.getElementType(), cast<TensorType>(getTensor().getType()))));
  return success();
}

LogicalResult SequenceEraseOp::verify() {
  return verifyPosition(*this, getPosition());
}

LogicalResult SequenceEraseOp::inferShapes() {
  getOutputSequence().setType(getInputSequence().getType());
  return success();
}

//===----------------------------------------------------------------------===//
// SequenceAt, SequenceLength, ConcatFromSequence, SplitToSequence
//===----------------------------------------------------------------------===//

LogicalResult SequenceAtOp::verify() {
  return verifyPosition(*this, getPosition());
}

LogicalResult SequenceAtOp::inferShapes() {
  return refineResultType(*this, 0,
                          getInputSequence().getType().getElementType());
}

LogicalResult SequenceLengthOp::verify() { return success(); }

LogicalResult SequenceLengthOp::inferShapes() {
  return refineResultType(
      *this, 0, scalarTensor(getContext(), IntegerType::get(getContext(), 64)));
}

LogicalResult ConcatFromSequenceOp::verify() {
  if (getNewAxis() != 0 && getNewAxis() != 1)
    return emitOpError() << "new_axis must be 0 or 1, got " << getNewAxis();
  TensorType element = getInputSequence().getType().getElementType();
  if (!element.hasRank())
    return success();
  int64_t rank = element.getRank() + getNewAxis();
  if (getAxis() < -rank || getAxis() >= rank)
    return emitOpError() << "axis " << getAxis() << " is out of range for "
                         << "rank " << rank;
  if (rank == 0)
    return emitOpError() << "cannot concatenate scalars without new_axis";
  return success();
}

LogicalResult ConcatFromSequenceOp::inferShapes() {
  TensorType element = getInputSequence().getType().getElementType();
  if (!element.hasRank())
    return success();
  int64_t rank = element.getRank() + getNewAxis();
  int64_t axis = getAxis() < 0 ? getAxis() + rank : getAxis();
  SmallVector<int64_t> dims(element.getShape());
  if (getNewAxis())
    dims.insert(dims.begin() + axis, kDyn);
  else
    dims[axis] = kDyn;
  return refineResultType(
      *this, 0, RankedTensorType::get(dims, element.getElementType()));
}

LogicalResult SplitToSequenceOp::verify() {
  auto type = cast<TensorType>(getInput().getType());
  if (type.hasRank()) {
    int64_t rank = type.getRank();
    if (rank == 0)
      return emitOpError() << "cannot split a scalar";
    if (getAxis() < -rank || getAxis() >= rank)
      return emitOpError() << "axis " << getAxis()
                           << " is out of range for rank " << rank;
  }
  if (getKeepdims() != 0 && getKeepdims() != 1)
    return emitOpError() << "keepdims must be 0 or 1, got " << getKeepdims();
  if (isNoValue(getSplit()))
    return success();
  auto split = cast<TensorType>(getSplit().getType());
  if (!split.getElementType().isInteger(32) &&
      !split.getElementType().isInteger(64))
    return emitOpError() << "split must be int32 or int64, not "
                         << split.getElementType();
  if (split.hasRank() && split.getRank() > 1)
    return emitOpError() << "split must be a scalar or 1-D, got rank "
                         << split.getRank();
  if (auto values = getConstantInts(getSplit()))
    for (int64_t v : *values)
      if (v < 0)
        return emitOpError() << "split sizes must not be negative, got " << v;
  return success();
}

LogicalResult SplitToSequenceOp::inferShapes() {
  auto type = cast<TensorType>(getInput().getType());
  Type elementType = type.getElementType();
  if (!type.hasRank()) {
    getOutputSequence().setType(seqOf(UnrankedTensorType::get(elementType)));
    return success();
  }
  int64_t axis = getAxis() < 0 ? getAxis() + type.getRank() : getAxis();
  SmallVector<int64_t> dims(type.getShape());
  if (isNoValue(getSplit())) {
    if (getKeepdims())
      dims[axis] = 1;
    else
      dims.erase(dims.begin() + axis);
  } else {
    dims[axis] = kDyn;
  }
  getOutputSequence().setType(seqOf(RankedTensorType::get(dims, elementType)));
  return success();
}

//===----------------------------------------------------------------------===//
// SequenceMap
//===----------------------------------------------------------------------===//

LogicalResult SequenceMapOp::verify() {
  Block &body = getBody().front();
  unsigned numInputs = 1 + getAdditionalInputs().size();
  if (body.getNumArguments() != numInputs)
    return emitOpError() << "body has " << body.getNumArguments()
                         << " inputs, expected " << numInputs;
  for (auto [i, input] : llvm::enumerate(getOperands())) {
    Type expected = input.getType();
    if (auto seq = dyn_cast<SeqType>(expected))
      expected = seq.getElementType();
    if (isa<OptType>(expected))
      return emitOpError() << "input #" << i << " is an optional";
    Type arg = body.getArgument(i).getType();
    auto argTensor = dyn_cast<TensorType>(arg);
    if (!argTensor || argTensor.getElementType() !=
                          cast<TensorType>(expected).getElementType())
      return emitOpError() << "body input #" << i << " has type " << arg
                           << ", expected a tensor like " << expected;
  }
  auto yield = dyn_cast<YieldOp>(body.getTerminator());
  if (!yield)
    return emitOpError() << "body must end in onnx.Yield";
  if (yield.getNumOperands() != getNumResults())
    return emitOpError() << "body has " << yield.getNumOperands()
                         << " outputs, the node has " << getNumResults();
  for (auto [i, value] : llvm::enumerate(yield.getOperands()))
    if (!isa<TensorType>(value.getType()))
      return emitOpError() << "body output #" << i << " is not a tensor";
  return success();
}

LogicalResult SequenceMapOp::inferShapes() {
  auto yield = cast<YieldOp>(getBody().front().getTerminator());
  for (auto [result, value] : llvm::zip(getResults(), yield.getOperands()))
    result.setType(seqOf(cast<TensorType>(value.getType())));
  return success();
}

//===----------------------------------------------------------------------===//
// Optional, OptionalHasElement, OptionalGetElement
//===----------------------------------------------------------------------===//

LogicalResult OptionalOp::verify() {
  bool hasInput = !isNoValue(getInput());
  if (!hasInput && !getType())
    return emitOpError() << "needs an input or a type";
  if (hasInput && isa<OptType>(getInput().getType()))
    return emitOpError() << "input cannot be an optional";
  if (getType() && !isa<TensorType, SeqType>(*getType()))
    return emitOpError() << "type must be a tensor or sequence type, not "
                         << *getType();
  if (hasInput && getType() &&
      !joinValueTypes(getInput().getType(), *getType()))
    return emitOpError() << "input type " << getInput().getType()
                         << " does not match type " << *getType();
  return success();
}

LogicalResult OptionalOp::inferShapes() {
  Type inner = isNoValue(getInput()) ? *getType() : getInput().getType();
  getOutput().setType(OptType::get(getContext(), inner));
  return success();
}

LogicalResult OptionalHasElementOp::verify() { return success(); }

LogicalResult OptionalHasElementOp::inferShapes() {
  return refineResultType(
      *this, 0, scalarTensor(getContext(), IntegerType::get(getContext(), 1)));
}

LogicalResult OptionalGetElementOp::verify() {
  Type inner = getInput().getType();
  if (auto opt = dyn_cast<OptType>(inner))
    inner = opt.getElementType();
  if (isa<SeqType>(inner) != isa<SeqType>(getOutput().getType()))
    return emitOpError() << "result type " << getOutput().getType()
                         << " is not of the kind of the optional's " << inner;
  return success();
}

LogicalResult OptionalGetElementOp::inferShapes() {
  Type inner = getInput().getType();
  if (auto opt = dyn_cast<OptType>(inner))
    inner = opt.getElementType();
  getOutput().setType(inner);
  return success();
}

} // namespace onnxc::onnx
