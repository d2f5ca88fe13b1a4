//===- ShapeHelpers.cpp - shape inference building blocks -----------------===//

#include "dialects/Onnx/IR/OnnxOps.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;

namespace onnxc::onnx {

std::optional<SmallVector<int64_t>> getRankedShape(Value v) {
  if (!v)
    return std::nullopt;
  auto type = dyn_cast<RankedTensorType>(v.getType());
  if (!type)
    return std::nullopt;
  return SmallVector<int64_t>(type.getShape());
}

Type getElementType(Value v) {
  if (!v)
    return {};
  if (auto type = dyn_cast<ShapedType>(v.getType()))
    return type.getElementType();
  return {};
}

bool isNoValue(Value v) { return isa<NoneType>(v.getType()); }

std::optional<SmallVector<int64_t>> getConstantInts(Value v) {
  if (!v || isNoValue(v))
    return std::nullopt;
  DenseIntElementsAttr attr;
  if (!matchPattern(v, m_Constant(&attr)))
    return std::nullopt;
  SmallVector<int64_t> values;
  bool isUnsigned = attr.getElementType().isUnsignedInteger();
  for (const APInt &value : attr.getValues<APInt>())
    values.push_back(isUnsigned ? static_cast<int64_t>(value.getZExtValue())
                                : value.getSExtValue());
  return values;
}

TensorType makeTensorType(std::optional<ArrayRef<int64_t>> shape,
                          Type elementType) {
  if (!shape)
    return UnrankedTensorType::get(elementType);
  return RankedTensorType::get(*shape, elementType);
}

LogicalResult checkShapeLength(Operation *op, int64_t length) {
  if (length <= kMaxInferredRank)
    return success();
  return op->emitError() << "the shape has " << length
                         << " values; tensors of more than "
                         << kMaxInferredRank << " dims are not supported";
}

LogicalResult refineResultType(Operation *op, unsigned idx, Type type) {
  // An inferred shape whose dims are negative or whose element count does not
  // fit in int64 comes from values in the model (shape tensors, attributes)
  // that no valid model has; later code would compute sizes from it.
  if (auto ranked = dyn_cast<RankedTensorType>(type)) {
    int64_t count = 1;
    for (int64_t d : ranked.getShape()) {
      if (ShapedType::isDynamic(d))
        continue;
      if (d < 0)
        return op->emitError() << "result #" << idx
                               << " would have a negative dimension " << d;
      if (__builtin_mul_overflow(count, d, &count))
        return op->emitError() << "result #" << idx
                               << " would have more elements than int64 can "
                                  "count";
    }
  }
  Value result = op->getResult(idx);
  Type old = result.getType();
  if (old == type)
    return success();
  if (isa<NoneType>(old))
    return success();
  auto oldTensor = dyn_cast<TensorType>(old);
  auto newTensor = dyn_cast<TensorType>(type);
  if (!oldTensor || !newTensor)
    return op->emitError() << "result #" << idx << " has type " << old
                           << ", inferred " << type;
  // Keep whatever is more precise, dimension by dimension.
  if (!oldTensor.hasRank()) {
    result.setType(type);
    return success();
  }
  if (!newTensor.hasRank())
    return success();
  if (oldTensor.getRank() != newTensor.getRank())
    return op->emitError() << "result #" << idx << " has rank "
                           << oldTensor.getRank() << ", inferred rank "
                           << newTensor.getRank();
  SmallVector<int64_t> dims;
  for (auto [a, b] : llvm::zip(oldTensor.getShape(), newTensor.getShape())) {
    if (!ShapedType::isDynamic(a) && !ShapedType::isDynamic(b) && a != b)
      return op->emitError() << "result #" << idx << " has shape "
                             << oldTensor << ", inferred " << newTensor;
    dims.push_back(ShapedType::isDynamic(b) ? a : b);
  }
  result.setType(RankedTensorType::get(dims, newTensor.getElementType()));
  return success();
}

FailureOr<SmallVector<int64_t>> broadcastShapes(Operation *op,
                                                ArrayRef<int64_t> a,
                                                ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<int64_t> out(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da == db) {
      out[i] = da;
    } else if (da == 1) {
      out[i] = db;
    } else if (db == 1) {
      out[i] = da;
    } else if (ShapedType::isDynamic(da)) {
      out[i] = db;
    } else if (ShapedType::isDynamic(db)) {
      out[i] = da;
    } else {
      return op->emitError() << "operands cannot be broadcast: dimension " << i
                             << " is " << da << " and " << db;
    }
  }
  return out;
}

FailureOr<int64_t> normalizeAxis(Operation *op, int64_t axis, int64_t rank,
                                 StringRef what) {
  if (axis < -rank || axis >= std::max<int64_t>(rank, 1) ||
      (rank == 0 && axis != 0 && axis != -1))
    return op->emitError() << what << " " << axis << " is out of range for rank "
                           << rank;
  return axis < 0 ? axis + rank : axis;
}

LogicalResult verifyNotScalar(Operation *op, Value input) {
  auto shape = getRankedShape(input);
  if (shape && shape->empty())
    return op->emitError() << "input must have rank >= 1, not a scalar";
  return success();
}

LogicalResult verifyOneDim(Operation *op, Value v, StringRef name) {
  if (!v || isNoValue(v))
    return success();
  auto shape = getRankedShape(v);
  if (shape && shape->size() != 1)
    return op->emitError() << name << " must be 1-D, got rank " << shape->size();
  return success();
}

LogicalResult verifyAxis(Operation *op, Value input, int64_t axis) {
  auto shape = getRankedShape(input);
  if (!shape)
    return success();
  return normalizeAxis(op, axis, shape->size(), "axis");
}

LogicalResult inferBroadcastOp(Operation *op, bool boolResult) {
  Type elementType = boolResult ? IntegerType::get(op->getContext(), 1)
                                : getElementType(op->getOperand(0));
  std::optional<SmallVector<int64_t>> shape = SmallVector<int64_t>{};
  for (Value operand : op->getOperands()) {
    if (!boolResult && getElementType(operand) != elementType &&
        !isa<PReluOp, PowOp>(op))
      return op->emitError() << "operands have different element types: "
                             << elementType << " and "
                             << getElementType(operand);
    auto operandShape = getRankedShape(operand);
    if (!operandShape) {
      shape = std::nullopt;
      break;
    }
    auto merged = broadcastShapes(op, *shape, *operandShape);
    if (failed(merged))
      return failure();
    shape = *merged;
  }
  return refineResultType(
      op, 0, makeTensorType(shape ? std::optional<ArrayRef<int64_t>>(*shape)
                                  : std::nullopt,
                            elementType));
}

LogicalResult inferSameShapeOp(Operation *op, Type elementType) {
  Value input = op->getOperand(0);
  if (!elementType)
    elementType = getElementType(input);
  auto shape = getRankedShape(input);
  return refineResultType(
      op, 0,
      makeTensorType(shape ? std::optional<ArrayRef<int64_t>>(*shape)
                           : std::nullopt,
                     elementType));
}

LogicalResult inferReduceOp(Operation *op) {
  Value data = op->getOperand(0);
  Type elementType = getElementType(data);
  auto shape = getRankedShape(data);
  bool keepdims = op->getAttrOfType<IntegerAttr>("keepdims").getInt() != 0;
  bool noop =
      op->getAttrOfType<IntegerAttr>("noop_with_empty_axes").getInt() != 0;
  Value axesValue = op->getOperand(1);
  std::optional<SmallVector<int64_t>> axes;
  if (isNoValue(axesValue)) {
    axes = SmallVector<int64_t>{};
  } else {
    axes = getConstantInts(axesValue);
    if (auto axesShape = getRankedShape(axesValue);
        axesShape && axesShape->size() == 1 && (*axesShape)[0] == 0)
      axes = SmallVector<int64_t>{};
  }
  if (!shape)
    return refineResultType(op, 0, UnrankedTensorType::get(elementType));
  int64_t rank = shape->size();
  if (!axes) {
    // Axes only known at run time: with keepdims the rank is kept; without,
    // it drops by the number of axes when that is known.
    if (keepdims)
      return refineResultType(
          op, 0,
          RankedTensorType::get(SmallVector<int64_t>(rank, ShapedType::kDynamic),
                                elementType));
    auto axesShape = getRankedShape(axesValue);
    if (axesShape && axesShape->size() == 1 &&
        !ShapedType::isDynamic((*axesShape)[0]) && (*axesShape)[0] > 0 &&
        (*axesShape)[0] <= rank)
      return refineResultType(
          op, 0,
          RankedTensorType::get(SmallVector<int64_t>(rank - (*axesShape)[0],
                                                     ShapedType::kDynamic),
                                elementType));
    return refineResultType(op, 0, UnrankedTensorType::get(elementType));
  }
  llvm::SmallBitVector reduced(rank, false);
  if (axes->empty()) {
    if (noop)
      return refineResultType(op, 0, RankedTensorType::get(*shape, elementType));
    reduced.set();
  }
  for (int64_t axis : *axes) {
    auto normalized = normalizeAxis(op, axis, rank, "axis");
    if (failed(normalized))
      return failure();
    reduced.set(*normalized);
  }
  SmallVector<int64_t> dims;
  for (int64_t i = 0; i < rank; ++i) {
    if (!reduced.test(i))
      dims.push_back((*shape)[i]);
    else if (keepdims)
      dims.push_back(1);
  }
  return refineResultType(op, 0, RankedTensorType::get(dims, elementType));
}

LogicalResult inferArgOp(Operation *op, int64_t axis, int64_t keepdims) {
  Type i64 = IntegerType::get(op->getContext(), 64);
  auto shape = getRankedShape(op->getOperand(0));
  if (!shape)
    return refineResultType(op, 0, UnrankedTensorType::get(i64));
  auto normalized = normalizeAxis(op, axis, shape->size(), "axis");
  if (failed(normalized))
    return failure();
  SmallVector<int64_t> dims;
  for (int64_t i = 0, e = shape->size(); i < e; ++i) {
    if (i != *normalized)
      dims.push_back((*shape)[i]);
    else if (keepdims)
      dims.push_back(1);
  }
  return refineResultType(op, 0, RankedTensorType::get(dims, i64));
}

int64_t windowOutputSize(int64_t in, int64_t kernel, int64_t stride,
                         int64_t dilation, int64_t padBegin, int64_t padEnd,
                         bool ceilMode) {
  if (ShapedType::isDynamic(in))
    return ShapedType::kDynamic;
  // 128-bit arithmetic: attribute values may be anything up to 2^63.
  using Wide = __int128;
  Wide effective = (Wide(kernel) - 1) * dilation + 1;
  Wide span = Wide(in) + padBegin + padEnd - effective;
  if (span < 0)
    return 0;
  Wide out = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
  // A window that starts inside the end padding is dropped (ceil mode).
  if (ceilMode && (out - 1) * stride >= Wide(in) + padBegin)
    --out;
  // Too large for a dim: a negative size, which the result type refuses.
  return out > INT64_MAX ? -1 : static_cast<int64_t>(out);
}

FailureOr<WindowParams>
resolveWindow(Operation *op, ArrayRef<int64_t> inputShape,
              ArrayRef<int64_t> kernelFromWeights, StringRef autoPad,
              ArrayRef<int64_t> kernelShape, ArrayRef<int64_t> strides,
              ArrayRef<int64_t> dilations, ArrayRef<int64_t> pads,
              bool ceilMode) {
  size_t n = inputShape.size() - 2;
  WindowParams p;
  if (!kernelShape.empty()) {
    if (kernelShape.size() != n)
      return op->emitError() << "kernel_shape has " << kernelShape.size()
                             << " dims, input has " << n
                             << " spatial dims (rank " << inputShape.size()
                             << ")";
    p.kernel.assign(kernelShape.begin(), kernelShape.end());
  } else if (!kernelFromWeights.empty()) {
    p.kernel.assign(kernelFromWeights.begin(), kernelFromWeights.end());
  } else {
    return op->emitError() << "kernel_shape is required";
  }
  auto fill = [&](ArrayRef<int64_t> attr, int64_t def, size_t size,
                  StringRef name,
                  SmallVectorImpl<int64_t> &out) -> LogicalResult {
    if (attr.empty()) {
      out.assign(size, def);
      return success();
    }
    if (attr.size() != size)
      return op->emitError() << name << " has " << attr.size()
                             << " values, expected " << size;
    out.assign(attr.begin(), attr.end());
    return success();
  };
  SmallVector<int64_t> allPads;
  if (failed(fill(strides, 1, n, "strides", p.strides)) ||
      failed(fill(dilations, 1, n, "dilations", p.dilations)) ||
      failed(fill(pads, 0, 2 * n, "pads", allPads)))
    return failure();
  for (size_t i = 0; i < n; ++i) {
    if (p.kernel[i] <= 0)
      return op->emitError() << "kernel_shape values must be positive, got "
                             << p.kernel[i];
    if (p.strides[i] <= 0)
      return op->emitError() << "strides must be positive, got "
                             << p.strides[i];
    if (p.dilations[i] <= 0)
      return op->emitError() << "dilations must be positive, got "
                             << p.dilations[i];
    if (allPads[i] < 0 || allPads[i + n] < 0)
      return op->emitError() << "pads must not be negative";
  }
  p.padsBegin.assign(allPads.begin(), allPads.begin() + n);
  p.padsEnd.assign(allPads.begin() + n, allPads.end());
  if (autoPad == "NOTSET")
    return p;
  if (autoPad == "VALID") {
    p.padsBegin.assign(n, 0);
    p.padsEnd.assign(n, 0);
    return p;
  }
  if (autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER")
    return op->emitError() << "auto_pad \"" << autoPad << "\" is not one of "
                           << "NOTSET, SAME_UPPER, SAME_LOWER, VALID";
  for (size_t i = 0; i < n; ++i) {
    int64_t in = inputShape[i + 2];
    if (ShapedType::isDynamic(in))
      return op->emitError()
             << "auto_pad " << autoPad
             << " needs static spatial dims; dimension " << i + 2
             << " is dynamic (give it with --input-shape)";
    int64_t out = (in + p.strides[i] - 1) / p.strides[i];
    int64_t effective = (p.kernel[i] - 1) * p.dilations[i] + 1;
    int64_t total =
        std::max<int64_t>(0, (out - 1) * p.strides[i] + effective - in);
    int64_t small = total / 2, big = total - small;
    p.padsBegin[i] = autoPad == "SAME_UPPER" ? small : big;
    p.padsEnd[i] = autoPad == "SAME_UPPER" ? big : small;
  }
  (void)ceilMode;
  return p;
}

} // namespace onnxc::onnx
