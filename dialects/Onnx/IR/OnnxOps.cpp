//===- OnnxOps.cpp - the onnx dialect and element-wise ops ----------------===//

#include "dialects/Onnx/IR/OnnxOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;

#include "dialects/Onnx/IR/OnnxDialect.cpp.inc"
#include "dialects/Onnx/IR/OnnxInterfaces.cpp.inc"

#define GET_OP_CLASSES
#include "dialects/Onnx/IR/OnnxOps.cpp.inc"

namespace onnxc::onnx {

void OnnxDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Onnx/IR/OnnxOps.cpp.inc"
      >();
  registerTypes();
}

Operation *OnnxDialect::materializeConstant(OpBuilder &builder,
                                            Attribute value, Type type,
                                            Location loc) {
  if (isa<UnitAttr>(value) && isa<NoneType>(type))
    return NoValueOp::create(builder, loc, type);
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, type, elements);
}

//===----------------------------------------------------------------------===//
// Folders of small integer arithmetic (shape computations)
//===----------------------------------------------------------------------===//

namespace {

/// Folds an element-wise integer op whose operands are constants of the
/// result's static shape or scalars.
template <typename Fn>
OpFoldResult foldIntBinary(Operation *op, Fn fn) {
  auto type = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (!type || !type.hasStaticShape() || type.getNumElements() > 4096)
    return {};
  auto resultType = dyn_cast<IntegerType>(type.getElementType());
  auto a = getConstantInts(op->getOperand(0));
  auto b = getConstantInts(op->getOperand(1));
  if (!resultType || !a || !b)
    return {};
  int64_t n = type.getNumElements();
  auto at = [n](const SmallVector<int64_t> &v, int64_t i) -> std::optional<int64_t> {
    if (static_cast<int64_t>(v.size()) == n)
      return v[i];
    if (v.size() == 1)
      return v[0];
    return std::nullopt;
  };
  SmallVector<APInt> values;
  for (int64_t i = 0; i < n; ++i) {
    auto x = at(*a, i), y = at(*b, i);
    if (!x || !y)
      return {};
    std::optional<int64_t> r = fn(*x, *y);
    if (!r)
      return {};
    values.push_back(APInt(resultType.getWidth(), *r, /*isSigned=*/true,
                           /*implicitTrunc=*/true));
  }
  return DenseElementsAttr::get(type, values);
}

bool isUnsignedElementType(Value v) {
  Type t = getElementType(v);
  return t && t.isUnsignedInteger();
}

bool isIntegerTensor(Value v) {
  return isa_and_nonnull<IntegerType>(getElementType(v));
}

} // namespace

OpFoldResult AddOp::fold(FoldAdaptor) {
  if (!isIntegerTensor(getA()))
    return {};
  return foldIntBinary(*this, [](int64_t a, int64_t b) -> std::optional<int64_t> {
    // Wraps like the generated code (signed overflow is undefined in C++).
    return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
  });
}

OpFoldResult SubOp::fold(FoldAdaptor) {
  if (!isIntegerTensor(getA()))
    return {};
  return foldIntBinary(*this, [](int64_t a, int64_t b) -> std::optional<int64_t> {
    return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
  });
}

OpFoldResult MulOp::fold(FoldAdaptor) {
  if (!isIntegerTensor(getA()))
    return {};
  return foldIntBinary(*this, [](int64_t a, int64_t b) -> std::optional<int64_t> {
    return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
  });
}

OpFoldResult DivOp::fold(FoldAdaptor) {
  if (!isIntegerTensor(getA()))
    return {};
  return foldIntBinary(*this, [](int64_t a, int64_t b) -> std::optional<int64_t> {
    if (b == 0)
      return std::nullopt;
    if (b == -1) // INT64_MIN / -1 traps (SIGFPE); it wraps to INT64_MIN
      return static_cast<int64_t>(0 - static_cast<uint64_t>(a));
    return a / b;
  });
}

OpFoldResult EqualOp::fold(FoldAdaptor) {
  if (!isIntegerTensor(getA()))
    return {};
  return foldIntBinary(*this, [](int64_t a, int64_t b) -> std::optional<int64_t> {
    return a == b;
  });
}

OpFoldResult NegOp::fold(FoldAdaptor) {
  if (!isIntegerTensor(getX()) || isUnsignedElementType(getX()))
    return {};
  auto type = dyn_cast<RankedTensorType>(getY().getType());
  auto values = getConstantInts(getX());
  if (!type || !type.hasStaticShape() || !values ||
      type.getNumElements() != static_cast<int64_t>(values->size()) ||
      values->size() > 4096)
    return {};
  auto intType = cast<IntegerType>(type.getElementType());
  SmallVector<APInt> ints;
  for (int64_t v : *values)
    ints.push_back(APInt(intType.getWidth(), -static_cast<uint64_t>(v),
                         /*isSigned=*/false, /*implicitTrunc=*/true));
  return DenseElementsAttr::get(type, ints);
}

OpFoldResult IdentityOp::fold(FoldAdaptor) {
  if (getX().getType() == getY().getType())
    return getX();
  return {};
}

//===----------------------------------------------------------------------===//
// Element-wise ops with their own rules
//===----------------------------------------------------------------------===//

LogicalResult GeluOp::verify() {
  if (getApproximate() != "none" && getApproximate() != "tanh")
    return emitOpError() << "approximate \"" << getApproximate()
                         << "\" is not one of none, tanh";
  return success();
}

LogicalResult CastOp::inferShapes() {
  return inferSameShapeOp(*this, getTo());
}

OpFoldResult CastOp::fold(FoldAdaptor) {
  if (getInput().getType() == getOutput().getType())
    return getInput();
  auto type = dyn_cast<RankedTensorType>(getOutput().getType());
  auto resultType = type ? dyn_cast<IntegerType>(type.getElementType())
                         : IntegerType();
  auto values = getConstantInts(getInput());
  if (!resultType || !values || !type.hasStaticShape() ||
      type.getNumElements() != static_cast<int64_t>(values->size()) ||
      values->size() > 4096)
    return {};
  if (isUnsignedElementType(getInput()) && resultType.getWidth() > 1)
    return {}; // getConstantInts zero-extends; keep it simple and exact.
  SmallVector<APInt> ints;
  for (int64_t v : *values)
    ints.push_back(resultType.getWidth() == 1
                       ? APInt(1, v != 0)
                       : APInt(resultType.getWidth(), v, /*isSigned=*/true,
                               /*implicitTrunc=*/true));
  return DenseElementsAttr::get(type, ints);
}

LogicalResult WhereOp::inferShapes() {
  Type elementType = getElementType(getX());
  if (getElementType(getY()) != elementType)
    return emitError() << "X and Y have different element types: "
                       << elementType << " and " << getElementType(getY());
  std::optional<SmallVector<int64_t>> shape = SmallVector<int64_t>{};
  for (Value operand : getOperands()) {
    auto operandShape = getRankedShape(operand);
    if (!operandShape)
      return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
    auto merged = broadcastShapes(*this, *shape, *operandShape);
    if (failed(merged))
      return failure();
    shape = *merged;
  }
  return refineResultType(*this, 0, RankedTensorType::get(*shape, elementType));
}

} // namespace onnxc::onnx
