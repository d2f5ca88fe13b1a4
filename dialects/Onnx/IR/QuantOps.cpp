//===- QuantOps.cpp - quantization ops ------------------------------------===//
//
// Verifiers and shape inference of the ops in OnnxQuantOps.td. Attribute
// constraints are checked by the verifiers; the shapes of scales and zero
// points against the quantized tensor by shape inference, which knows them.
//
//===----------------------------------------------------------------------===//

#include "dialects/Onnx/IR/OnnxOps.h"

#include "mlir/IR/Builders.h"

#include "mlir/IR/TypeUtilities.h"

using namespace mlir;

namespace onnxc::onnx {
namespace {

constexpr int64_t kDyn = ShapedType::kDynamic;

/// ONNX TensorProto.DataType codes that appear in attributes here.
enum DataTypeCode : int64_t {
  kFloat = 1,
  kUInt8 = 2,
  kInt8 = 3,
  kUInt16 = 4,
  kInt16 = 5,
  kFloat16 = 10,
  kDouble = 11,
  kBFloat16 = 16,
  kFloat8E4M3FN = 17,
  kFloat8E4M3FNUZ = 18,
  kFloat8E5M2 = 19,
  kFloat8E5M2FNUZ = 20,
  kUInt4 = 21,
  kInt4 = 22,
  kFloat4E2M1 = 23,
  kUInt2 = 25,
  kInt2 = 26,
};

/// The element type QuantizeLinear produces for `output_dtype` code `code`,
/// or null when it is not a quantized type.
Type getQuantizedTypeFromCode(MLIRContext *ctx, int64_t code) {
  Builder b(ctx);
  auto uint = [&](unsigned width) {
    return IntegerType::get(ctx, width, IntegerType::Unsigned);
  };
  switch (code) {
  case kUInt8:
    return uint(8);
  case kInt8:
    return b.getIntegerType(8);
  case kUInt16:
    return uint(16);
  case kInt16:
    return b.getIntegerType(16);
  case kUInt4:
    return uint(4);
  case kInt4:
    return b.getIntegerType(4);
  case kUInt2:
    return uint(2);
  case kInt2:
    return b.getIntegerType(2);
  case kFloat8E4M3FN:
    return b.getType<Float8E4M3FNType>();
  case kFloat8E4M3FNUZ:
    return b.getType<Float8E4M3FNUZType>();
  case kFloat8E5M2:
    return b.getType<Float8E5M2Type>();
  case kFloat8E5M2FNUZ:
    return b.getType<Float8E5M2FNUZType>();
  case kFloat4E2M1:
    return b.getType<Float4E2M1FNType>();
  default:
    return {};
  }
}

/// The float type of code `code` (FLOAT, FLOAT16, BFLOAT16, DOUBLE), or null.
Type getFloatTypeFromCode(MLIRContext *ctx, int64_t code) {
  Builder b(ctx);
  switch (code) {
  case kFloat:
    return b.getF32Type();
  case kFloat16:
    return b.getF16Type();
  case kBFloat16:
    return b.getBF16Type();
  case kDouble:
    return b.getF64Type();
  default:
    return {};
  }
}

/// Element types QuantizeLinear produces and DequantizeLinear reads.
bool isQuantizedType(Type type) {
  if (auto intType = dyn_cast<IntegerType>(type))
    return llvm::is_contained({2u, 4u, 8u, 16u}, intType.getWidth());
  return isa<Float8E4M3FNType, Float8E4M3FNUZType, Float8E5M2Type,
             Float8E5M2FNUZType, Float4E2M1FNType>(type);
}

bool isScaleType(Type type) {
  return isa<Float16Type, BFloat16Type, Float32Type, Float64Type>(type);
}

bool isByteInteger(Type type) { return type.isInteger(8); }

LogicalResult checkType(Operation *op, StringRef name, Value v,
                        function_ref<bool(Type)> accepts, StringRef what) {
  if (isNoValue(v))
    return success();
  Type type = getElementType(v);
  if (!accepts(type))
    return op->emitOpError() << name << " must be " << what << ", got " << type;
  return success();
}

/// The zero point, when given, has the element type of `like`.
LogicalResult checkZeroPointType(Operation *op, StringRef name, Value zp,
                                 Value like, StringRef likeName) {
  if (isNoValue(zp) || getElementType(zp) == getElementType(like))
    return success();
  return op->emitOpError() << name << " has element type " << getElementType(zp)
                           << ", " << likeName << " has "
                           << getElementType(like);
}

/// The scale (and zero point) of Quantize/DequantizeLinear against `x`:
/// one value, one per index of dim `axis`, or one per block of `blockSize`
/// along `axis`.
LogicalResult checkQuantParams(Operation *op, Value x, Value scale, Value zp,
                               int64_t axis, int64_t blockSize) {
  auto scaleShape = getRankedShape(scale);
  if (!isNoValue(zp)) {
    auto zpShape = getRankedShape(zp);
    auto isOne = [](ArrayRef<int64_t> shape) {
      return llvm::all_of(shape, [](int64_t d) { return d == 1; });
    };
    if (scaleShape && zpShape &&
        failed(verifyCompatibleShape(*scaleShape, *zpShape)) &&
        !(isOne(*scaleShape) && isOne(*zpShape)))
      return op->emitError() << "the zero point must have the scale's shape";
  }
  auto xShape = getRankedShape(x);
  if (!xShape || !scaleShape)
    return success();
  if (llvm::all_of(*scaleShape, [](int64_t d) { return d == 1; }))
    return success(); // Per tensor.
  auto normalized = normalizeAxis(op, axis, xShape->size(), "axis");
  if (failed(normalized))
    return failure();
  int64_t dim = (*xShape)[*normalized];
  if (blockSize == 0) {
    if (scaleShape->size() != 1)
      return op->emitError() << "the scale must be a scalar or 1-D (per "
                                "axis) without block_size, got rank "
                             << scaleShape->size();
    int64_t n = (*scaleShape)[0];
    if (n != kDyn && dim != kDyn && n != dim)
      return op->emitError() << "the scale has " << n << " values, dim "
                             << *normalized << " of the input has " << dim;
    return success();
  }
  if (scaleShape->size() != xShape->size())
    return op->emitError() << "blocked quantization needs a scale of rank "
                           << xShape->size() << ", got rank "
                           << scaleShape->size();
  for (auto [i, s, d] : llvm::enumerate(*scaleShape, *xShape)) {
    if (s == kDyn || d == kDyn)
      continue;
    int64_t expected = static_cast<int64_t>(i) == *normalized
                           ? llvm::divideCeil(d, blockSize)
                           : d;
    if (s != expected)
      return op->emitError()
             << "dim " << i << " of the scale is " << s << ", expected "
             << expected << " for block_size " << blockSize;
  }
  return success();
}

LogicalResult verifyWindow(Operation *op, int64_t group, StringRef autoPad,
                           ArrayRef<int64_t> kernelShape,
                           ArrayRef<int64_t> strides,
                           ArrayRef<int64_t> dilations,
                           ArrayRef<int64_t> pads) {
  if (group <= 0)
    return op->emitOpError() << "group must be positive, got " << group;
  if (!llvm::is_contained({"NOTSET", "VALID", "SAME_UPPER", "SAME_LOWER"},
                          autoPad))
    return op->emitOpError() << "auto_pad \"" << autoPad
                             << "\" is not one of NOTSET, SAME_UPPER, "
                                "SAME_LOWER, VALID";
  if (llvm::any_of(kernelShape, [](int64_t k) { return k <= 0; }))
    return op->emitOpError() << "kernel_shape values must be positive";
  if (llvm::any_of(strides, [](int64_t s) { return s <= 0; }))
    return op->emitOpError() << "strides must be positive";
  if (llvm::any_of(dilations, [](int64_t d) { return d <= 0; }))
    return op->emitOpError() << "dilations must be positive";
  if (llvm::any_of(pads, [](int64_t p) { return p < 0; }))
    return op->emitOpError() << "pads must not be negative";
  if (pads.size() % 2)
    return op->emitOpError() << "pads must have an even number of values";
  return success();
}

/// numpy.matmul's result shape of `a` and `b` with `elementType`.
LogicalResult inferMatMulShape(Operation *op, Value a, Value b,
                               Type elementType) {
  auto sa = getRankedShape(a);
  auto sb = getRankedShape(b);
  if (!sa || !sb)
    return refineResultType(op, 0, UnrankedTensorType::get(elementType));
  if (sa->empty() || sb->empty())
    return op->emitError() << "operands must have rank 1 or more";
  bool aVec = sa->size() == 1, bVec = sb->size() == 1;
  if (aVec)
    sa->insert(sa->begin(), 1);
  if (bVec)
    sb->push_back(1);
  int64_t ka = sa->back(), kb = (*sb)[sb->size() - 2];
  if (ka != kDyn && kb != kDyn && ka != kb)
    return op->emitError() << "inner dimensions differ: " << ka << " and "
                           << kb;
  auto batch = broadcastShapes(op, ArrayRef<int64_t>(*sa).drop_back(2),
                               ArrayRef<int64_t>(*sb).drop_back(2));
  if (failed(batch))
    return failure();
  SmallVector<int64_t> dims(*batch);
  if (!aVec)
    dims.push_back((*sa)[sa->size() - 2]);
  if (!bVec)
    dims.push_back(sb->back());
  return refineResultType(op, 0, RankedTensorType::get(dims, elementType));
}

/// Conv's result shape for input `x`, weight `w` and the window attributes.
LogicalResult inferConvShape(Operation *op, Value x, Value w, int64_t group,
                             StringRef autoPad, ArrayRef<int64_t> kernelShape,
                             ArrayRef<int64_t> strides,
                             ArrayRef<int64_t> dilations,
                             ArrayRef<int64_t> pads, Type elementType) {
  auto xs = getRankedShape(x);
  auto ws = getRankedShape(w);
  if (!xs || !ws)
    return refineResultType(op, 0, UnrankedTensorType::get(elementType));
  if (xs->size() < 3)
    return op->emitError() << "input x must have rank 3 or more, got rank "
                           << xs->size();
  if (ws->size() != xs->size())
    return op->emitError() << "weight w has rank " << ws->size()
                           << ", input x has rank " << xs->size();
  int64_t c = (*xs)[1], m = (*ws)[0], cPerGroup = (*ws)[1];
  if (c != kDyn && cPerGroup != kDyn && c != cPerGroup * group)
    return op->emitError() << "input has " << c << " channels, weight expects "
                           << cPerGroup << " x group " << group;
  if (m != kDyn && m % group != 0)
    return op->emitError() << "weight has " << m
                           << " output channels, not a multiple of group "
                           << group;
  ArrayRef<int64_t> kernel = ArrayRef<int64_t>(*ws).drop_front(2);
  if (!kernelShape.empty()) {
    if (kernelShape.size() != kernel.size())
      return op->emitError()
             << "kernel_shape has " << kernelShape.size()
             << " values, the weight " << kernel.size() << " spatial dims";
    for (auto [k, wk] : llvm::zip(kernelShape, kernel))
      if (wk != kDyn && k != wk)
        return op->emitError() << "kernel_shape does not match the weight's "
                                  "spatial dims";
  }
  auto window = resolveWindow(op, *xs, kernel, autoPad, kernelShape, strides,
                              dilations, pads);
  if (failed(window))
    return failure();
  SmallVector<int64_t> dims = {(*xs)[0], m};
  for (size_t i = 0, e = window->kernel.size(); i < e; ++i) {
    int64_t out = windowOutputSize((*xs)[i + 2], window->kernel[i],
                                   window->strides[i], window->dilations[i],
                                   window->padsBegin[i], window->padsEnd[i],
                                   /*ceilMode=*/false);
    if (out == 0)
      return op->emitError() << "kernel does not fit spatial dimension " << i
                             << " of size " << (*xs)[i + 2];
    dims.push_back(out);
  }
  return refineResultType(op, 0, RankedTensorType::get(dims, elementType));
}

/// Scales and zero points that must hold one value, or one per output
/// channel (`perChannel`, a value of `channels`).
LogicalResult checkScalarOrPerChannel(Operation *op, StringRef name, Value v,
                                      bool perChannel, int64_t channels) {
  auto shape = getRankedShape(v);
  if (!shape)
    return success();
  int64_t count = 1;
  for (int64_t d : *shape)
    count = d == kDyn || count == kDyn ? kDyn : count * d;
  if (count == 1 && shape->size() <= 1)
    return success();
  if (perChannel && shape->size() == 1 &&
      (count == kDyn || channels == kDyn || count == channels))
    return success();
  return op->emitError() << name << " must be a scalar"
                         << (perChannel ? " or hold one value per output "
                                          "channel"
                                        : "");
}

} // namespace

//===----------------------------------------------------------------------===//
// QuantizeLinear, DequantizeLinear
//===----------------------------------------------------------------------===//

LogicalResult QuantizeLinearOp::verify() {
  if (getBlockSize() < 0)
    return emitOpError() << "block_size must not be negative, got "
                         << getBlockSize();
  if (getSaturate() != 0 && getSaturate() != 1)
    return emitOpError() << "saturate must be 0 or 1, got " << getSaturate();
  Type outputType;
  if (getOutputDtype() != 0) {
    outputType = getQuantizedTypeFromCode(getContext(), getOutputDtype());
    if (!outputType)
      return emitOpError() << "output_dtype " << getOutputDtype()
                           << " is not a quantized type";
  }
  if (getPrecision() != 0 &&
      !getFloatTypeFromCode(getContext(), getPrecision()))
    return emitOpError() << "precision " << getPrecision()
                         << " is not a float type";
  auto isInput = [](Type t) { return isScaleType(t) || t.isInteger(32); };
  if (failed(checkType(*this, "x", getX(), isInput, "a float or i32")) ||
      failed(
          checkType(*this, "y_scale", getYScale(), isScaleType, "a float")) ||
      failed(checkType(*this, "y_zero_point", getYZeroPoint(), isQuantizedType,
                       "a quantized type")))
    return failure();
  if (outputType && !isNoValue(getYZeroPoint()) &&
      getElementType(getYZeroPoint()) != outputType)
    return emitOpError() << "output_dtype " << outputType
                         << " does not match the zero point's element type "
                         << getElementType(getYZeroPoint());
  return success();
}

LogicalResult QuantizeLinearOp::inferShapes() {
  if (failed(checkQuantParams(*this, getX(), getYScale(), getYZeroPoint(),
                              getAxis(), getBlockSize())))
    return failure();
  Type elementType;
  if (!isNoValue(getYZeroPoint()))
    elementType = getElementType(getYZeroPoint());
  else if (getOutputDtype() != 0)
    elementType = getQuantizedTypeFromCode(getContext(), getOutputDtype());
  else
    elementType = IntegerType::get(getContext(), 8, IntegerType::Unsigned);
  return inferSameShapeOp(*this, elementType);
}

LogicalResult DequantizeLinearOp::verify() {
  if (getBlockSize() < 0)
    return emitOpError() << "block_size must not be negative, got "
                         << getBlockSize();
  if (getOutputDtype() != 0 &&
      !getFloatTypeFromCode(getContext(), getOutputDtype()))
    return emitOpError() << "output_dtype " << getOutputDtype()
                         << " is not a float type";
  auto isInput = [](Type t) { return isQuantizedType(t) || t.isInteger(32); };
  if (failed(
          checkType(*this, "x", getX(), isInput, "a quantized type or i32")) ||
      failed(
          checkType(*this, "x_scale", getXScale(), isScaleType, "a float")) ||
      failed(checkZeroPointType(*this, "x_zero_point", getXZeroPoint(), getX(),
                                "x")))
    return failure();
  return success();
}

LogicalResult DequantizeLinearOp::inferShapes() {
  if (failed(checkQuantParams(*this, getX(), getXScale(), getXZeroPoint(),
                              getAxis(), getBlockSize())))
    return failure();
  Type elementType = getOutputDtype() != 0
                         ? getFloatTypeFromCode(getContext(), getOutputDtype())
                         : getElementType(getXScale());
  return inferSameShapeOp(*this, elementType);
}

//===----------------------------------------------------------------------===//
// DynamicQuantizeLinear
//===----------------------------------------------------------------------===//

LogicalResult DynamicQuantizeLinearOp::verify() {
  return checkType(
      *this, "x", getX(), [](Type t) { return t.isF32(); }, "f32");
}

LogicalResult DynamicQuantizeLinearOp::inferShapes() {
  Type ui8 = IntegerType::get(getContext(), 8, IntegerType::Unsigned);
  if (failed(inferSameShapeOp(*this, ui8)))
    return failure();
  if (failed(refineResultType(
          *this, 1, RankedTensorType::get({}, getElementType(getX())))))
    return failure();
  return refineResultType(*this, 2, RankedTensorType::get({}, ui8));
}

//===----------------------------------------------------------------------===//
// MatMulInteger, QLinearMatMul
//===----------------------------------------------------------------------===//

LogicalResult MatMulIntegerOp::verify() {
  if (failed(
          checkType(*this, "A", getA(), isByteInteger, "an 8-bit integer")) ||
      failed(
          checkType(*this, "B", getB(), isByteInteger, "an 8-bit integer")) ||
      failed(checkZeroPointType(*this, "a_zero_point", getAZeroPoint(), getA(),
                                "A")) ||
      failed(checkZeroPointType(*this, "b_zero_point", getBZeroPoint(), getB(),
                                "B")))
    return failure();
  return success();
}

LogicalResult MatMulIntegerOp::inferShapes() {
  return inferMatMulShape(*this, getA(), getB(),
                          IntegerType::get(getContext(), 32));
}

LogicalResult QLinearMatMulOp::verify() {
  if (failed(
          checkType(*this, "a", getA(), isByteInteger, "an 8-bit integer")) ||
      failed(
          checkType(*this, "b", getB(), isByteInteger, "an 8-bit integer")) ||
      failed(checkType(*this, "y_zero_point", getYZeroPoint(), isByteInteger,
                       "an 8-bit integer")) ||
      failed(checkZeroPointType(*this, "a_zero_point", getAZeroPoint(), getA(),
                                "a")) ||
      failed(checkZeroPointType(*this, "b_zero_point", getBZeroPoint(), getB(),
                                "b")))
    return failure();
  for (auto [name, scale] :
       {std::pair<StringRef, Value>{"a_scale", getAScale()},
        {"b_scale", getBScale()},
        {"y_scale", getYScale()}})
    if (failed(checkType(*this, name, scale, isScaleType, "a float")))
      return failure();
  return success();
}

LogicalResult QLinearMatMulOp::inferShapes() {
  return inferMatMulShape(*this, getA(), getB(),
                          getElementType(getYZeroPoint()));
}

//===----------------------------------------------------------------------===//
// ConvInteger, QLinearConv
//===----------------------------------------------------------------------===//

LogicalResult ConvIntegerOp::verify() {
  if (failed(verifyWindow(*this, getGroup(), getAutoPad(), getKernelShape(),
                          getStrides(), getDilations(), getPads())) ||
      failed(
          checkType(*this, "x", getX(), isByteInteger, "an 8-bit integer")) ||
      failed(
          checkType(*this, "w", getW(), isByteInteger, "an 8-bit integer")) ||
      failed(checkZeroPointType(*this, "x_zero_point", getXZeroPoint(), getX(),
                                "x")) ||
      failed(checkZeroPointType(*this, "w_zero_point", getWZeroPoint(), getW(),
                                "w")))
    return failure();
  return success();
}

LogicalResult ConvIntegerOp::inferShapes() {
  auto w = getRankedShape(getW());
  int64_t m = w && !w->empty() ? (*w)[0] : kDyn;
  if ((!isNoValue(getXZeroPoint()) &&
       failed(checkScalarOrPerChannel(*this, "x_zero_point", getXZeroPoint(),
                                      false, m))) ||
      (!isNoValue(getWZeroPoint()) &&
       failed(checkScalarOrPerChannel(*this, "w_zero_point", getWZeroPoint(),
                                      true, m))))
    return failure();
  return inferConvShape(*this, getX(), getW(), getGroup(), getAutoPad(),
                        getKernelShape(), getStrides(), getDilations(),
                        getPads(), IntegerType::get(getContext(), 32));
}

LogicalResult QLinearConvOp::verify() {
  if (failed(verifyWindow(*this, getGroup(), getAutoPad(), getKernelShape(),
                          getStrides(), getDilations(), getPads())) ||
      failed(
          checkType(*this, "x", getX(), isByteInteger, "an 8-bit integer")) ||
      failed(
          checkType(*this, "w", getW(), isByteInteger, "an 8-bit integer")) ||
      failed(checkType(*this, "y_zero_point", getYZeroPoint(), isByteInteger,
                       "an 8-bit integer")) ||
      failed(checkType(
          *this, "B", getB(), [](Type t) { return t.isInteger(32); }, "i32")) ||
      failed(checkZeroPointType(*this, "x_zero_point", getXZeroPoint(), getX(),
                                "x")) ||
      failed(checkZeroPointType(*this, "w_zero_point", getWZeroPoint(), getW(),
                                "w")))
    return failure();
  for (auto [name, scale] :
       {std::pair<StringRef, Value>{"x_scale", getXScale()},
        {"w_scale", getWScale()},
        {"y_scale", getYScale()}})
    if (failed(checkType(*this, name, scale, isScaleType, "a float")))
      return failure();
  return success();
}

LogicalResult QLinearConvOp::inferShapes() {
  auto w = getRankedShape(getW());
  int64_t m = w && !w->empty() ? (*w)[0] : kDyn;
  for (auto [name, v, perChannel] :
       {std::tuple<StringRef, Value, bool>{"x_scale", getXScale(), false},
        {"x_zero_point", getXZeroPoint(), false},
        {"w_scale", getWScale(), true},
        {"w_zero_point", getWZeroPoint(), true},
        {"y_scale", getYScale(), false},
        {"y_zero_point", getYZeroPoint(), false}})
    if (failed(checkScalarOrPerChannel(*this, name, v, perChannel, m)))
      return failure();
  if (!isNoValue(getB())) {
    auto b = getRankedShape(getB());
    if (b && (b->size() != 1 || ((*b)[0] != kDyn && m != kDyn && (*b)[0] != m)))
      return emitError() << "bias must have shape [" << m << "]";
  }
  return inferConvShape(*this, getX(), getW(), getGroup(), getAutoPad(),
                        getKernelShape(), getStrides(), getDilations(),
                        getPads(), getElementType(getYZeroPoint()));
}

} // namespace onnxc::onnx
