//===- NNOps.cpp - conv, matmul, pooling, normalization ops ---------------===//
//
// Verifiers and shape inference of the ops in OnnxNNOps.td.
//
//===----------------------------------------------------------------------===//

#include "dialects/Onnx/IR/OnnxOps.h"

using namespace mlir;

namespace onnxc::onnx {
namespace {

constexpr int64_t kDyn = ShapedType::kDynamic;

LogicalResult verifyWindowAttrs(Operation *op, StringRef autoPad,
                                ArrayRef<int64_t> kernelShape,
                                ArrayRef<int64_t> strides,
                                ArrayRef<int64_t> dilations,
                                ArrayRef<int64_t> pads) {
  if (autoPad != "NOTSET" && autoPad != "VALID" && autoPad != "SAME_UPPER" &&
      autoPad != "SAME_LOWER")
    return op->emitOpError() << "auto_pad \"" << autoPad
                             << "\" is not one of NOTSET, SAME_UPPER, "
                                "SAME_LOWER, VALID";
  for (int64_t k : kernelShape)
    if (k <= 0)
      return op->emitOpError() << "kernel_shape values must be positive";
  for (int64_t s : strides)
    if (s <= 0)
      return op->emitOpError() << "strides must be positive";
  for (int64_t d : dilations)
    if (d <= 0)
      return op->emitOpError() << "dilations must be positive";
  for (int64_t p : pads)
    if (p < 0)
      return op->emitOpError() << "pads must not be negative";
  if (pads.size() % 2)
    return op->emitOpError() << "pads must have an even number of values";
  if (!kernelShape.empty() && !pads.empty() &&
      pads.size() != 2 * kernelShape.size())
    return op->emitOpError() << "pads has " << pads.size()
                             << " values, kernel_shape " << kernelShape.size();
  return success();
}

/// Window output shape for pooling (no weights) from the op's attributes.
template <typename PoolOp>
LogicalResult inferPoolShape(PoolOp op) {
  Type elementType = getElementType(op.getX());
  auto shape = getRankedShape(op.getX());
  if (!shape)
    return refineResultType(op, 0, UnrankedTensorType::get(elementType));
  if (shape->size() < 3)
    return op.emitError() << "input must have rank 3 or more, got rank "
                          << shape->size();
  auto window = resolveWindow(op, *shape, {}, op.getAutoPad(),
                              op.getKernelShape(), op.getStrides(),
                              op.getDilations(), op.getPads());
  if (failed(window))
    return failure();
  SmallVector<int64_t> dims = {(*shape)[0], (*shape)[1]};
  for (size_t i = 0, e = window->kernel.size(); i < e; ++i) {
    int64_t out = windowOutputSize((*shape)[i + 2], window->kernel[i],
                                   window->strides[i], window->dilations[i],
                                   window->padsBegin[i], window->padsEnd[i],
                                   op.getCeilMode() != 0);
    if (out == 0)
      return op.emitError() << "kernel of size " << window->kernel[i]
                            << " does not fit spatial dimension " << i
                            << " of size " << (*shape)[i + 2];
    dims.push_back(out);
  }
  return refineResultType(op, 0, RankedTensorType::get(dims, elementType));
}

} // namespace

//===----------------------------------------------------------------------===//
// Conv
//===----------------------------------------------------------------------===//

LogicalResult ConvOp::verify() {
  if (getGroup() <= 0)
    return emitOpError() << "group must be positive, got " << getGroup();
  return verifyWindowAttrs(*this, getAutoPad(), getKernelShape(), getStrides(),
                           getDilations(), getPads());
}

LogicalResult ConvOp::inferShapes() {
  Type elementType = getElementType(getX());
  auto x = getRankedShape(getX());
  auto w = getRankedShape(getW());
  if (!x || !w)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  if (x->size() < 3)
    return emitError() << "input X must have rank 3 or more, got rank "
                       << x->size();
  if (w->size() != x->size())
    return emitError() << "weight W has rank " << w->size() << ", input X has rank "
                       << x->size();
  int64_t group = getGroup();
  int64_t c = (*x)[1], m = (*w)[0], cPerGroup = (*w)[1];
  if (c != kDyn && cPerGroup != kDyn && c != cPerGroup * group)
    return emitError() << "input has " << c << " channels, weight expects "
                       << cPerGroup << " x group " << group;
  if (m != kDyn && m % group != 0)
    return emitError() << "weight has " << m
                       << " output channels, not a multiple of group " << group;
  ArrayRef<int64_t> kernelFromWeights = ArrayRef<int64_t>(*w).drop_front(2);
  if (!getKernelShape().empty()) {
    for (auto [k, wk] : llvm::zip(getKernelShape(), kernelFromWeights))
      if (wk != kDyn && k != wk)
        return emitError() << "kernel_shape does not match the weight's "
                              "spatial dims";
  }
  if (!isNoValue(getB())) {
    auto b = getRankedShape(getB());
    if (b && (b->size() != 1 || ((*b)[0] != kDyn && m != kDyn && (*b)[0] != m)))
      return emitError() << "bias must have shape [" << m << "]";
  }
  auto window = resolveWindow(*this, *x, kernelFromWeights, getAutoPad(),
                              getKernelShape(), getStrides(), getDilations(),
                              getPads());
  if (failed(window))
    return failure();
  SmallVector<int64_t> dims = {(*x)[0], m};
  for (size_t i = 0, e = window->kernel.size(); i < e; ++i) {
    int64_t out = windowOutputSize((*x)[i + 2], window->kernel[i],
                                   window->strides[i], window->dilations[i],
                                   window->padsBegin[i], window->padsEnd[i],
                                   false);
    if (out == 0)
      return emitError() << "kernel does not fit spatial dimension " << i
                         << " of size " << (*x)[i + 2];
    dims.push_back(out);
  }
  return refineResultType(*this, 0, RankedTensorType::get(dims, elementType));
}

//===----------------------------------------------------------------------===//
// ConvTranspose
//===----------------------------------------------------------------------===//

LogicalResult ConvTransposeOp::verify() {
  if (getGroup() <= 0)
    return emitOpError() << "group must be positive, got " << getGroup();
  return verifyWindowAttrs(*this, getAutoPad(), getKernelShape(), getStrides(),
                           getDilations(), getPads());
}

LogicalResult ConvTransposeOp::inferShapes() {
  Type elementType = getElementType(getX());
  auto x = getRankedShape(getX());
  auto w = getRankedShape(getW());
  if (!x || !w)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  if (x->size() < 3 || w->size() != x->size())
    return emitError() << "input X (rank " << x->size() << ") and weight W (rank "
                       << w->size() << ") must have the same rank >= 3";
  size_t n = x->size() - 2;
  int64_t group = getGroup();
  if ((*x)[1] != kDyn && (*w)[0] != kDyn && (*x)[1] != (*w)[0])
    return emitError() << "input has " << (*x)[1] << " channels, weight has "
                       << (*w)[0];
  if (group <= 0)
    return emitError() << "group must be positive, got " << group;
  int64_t m = kDyn;
  if ((*w)[1] != kDyn && __builtin_mul_overflow((*w)[1], group, &m))
    return emitError() << "weight dim 1 times group overflows int64";
  SmallVector<int64_t> kernel(w->begin() + 2, w->end());
  if (!getKernelShape().empty())
    kernel.assign(getKernelShape().begin(), getKernelShape().end());
  auto get = [&](ArrayRef<int64_t> a, size_t i, int64_t d) {
    return a.empty() ? d : a[i];
  };
  if ((!getStrides().empty() && getStrides().size() != n) ||
      (!getDilations().empty() && getDilations().size() != n) ||
      (!getPads().empty() && getPads().size() != 2 * n) ||
      (!getOutputPadding().empty() && getOutputPadding().size() != n) ||
      kernel.size() != n)
    return emitError() << "strides, dilations, pads, output_padding and "
                          "kernel_shape must match the "
                       << n << " spatial dims";
  SmallVector<int64_t> dims = {(*x)[0], m};
  if (!getOutputShape().empty()) {
    ArrayRef<int64_t> os = getOutputShape();
    if (os.size() != n && os.size() != n + 2)
      return emitError() << "output_shape has " << os.size()
                         << " values, expected " << n;
    dims.append(os.end() - n, os.end());
    return refineResultType(*this, 0, RankedTensorType::get(dims, elementType));
  }
  bool same = getAutoPad() == "SAME_UPPER" || getAutoPad() == "SAME_LOWER";
  for (size_t i = 0; i < n; ++i) {
    int64_t in = (*x)[i + 2];
    int64_t s = get(getStrides(), i, 1);
    int64_t dilation = get(getDilations(), i, 1);
    if (s <= 0 || dilation <= 0)
      return emitError() << "strides and dilations must be positive, got "
                         << s << " and " << dilation;
    if (in == kDyn) {
      dims.push_back(kDyn);
      continue;
    }
    // 128-bit arithmetic: attribute values may be anything up to 2^63.
    using Wide = __int128;
    Wide out;
    if (same) {
      out = Wide(in) * s;
    } else {
      Wide pads = getAutoPad() == "VALID"
                      ? 0
                      : Wide(get(getPads(), i, 0)) + get(getPads(), i + n, 0);
      out = Wide(s) * (in - 1) + get(getOutputPadding(), i, 0) +
            (Wide(kernel[i]) - 1) * dilation + 1 - pads;
    }
    if (out <= 0 || out > INT64_MAX)
      return emitError() << "output spatial dimension " << i
                         << (out <= 0 ? " would not be positive"
                                      : " overflows int64");
    dims.push_back(static_cast<int64_t>(out));
  }
  return refineResultType(*this, 0, RankedTensorType::get(dims, elementType));
}

//===----------------------------------------------------------------------===//
// Pools
//===----------------------------------------------------------------------===//

LogicalResult MaxPoolOp::verify() {
  if (getKernelShape().empty())
    return emitOpError() << "kernel_shape is required";
  return verifyWindowAttrs(*this, getAutoPad(), getKernelShape(), getStrides(),
                           getDilations(), getPads());
}

LogicalResult MaxPoolOp::inferShapes() {
  if (failed(inferPoolShape(*this)))
    return failure();
  if (!isa<NoneType>(getIndices().getType())) {
    auto y = cast<TensorType>(getY().getType());
    Type i64 = IntegerType::get(getContext(), 64);
    return refineResultType(*this, 1,
                            y.hasRank() ? RankedTensorType::get(y.getShape(), i64)
                                        : (Type)UnrankedTensorType::get(i64));
  }
  return success();
}

LogicalResult AveragePoolOp::verify() {
  if (getKernelShape().empty())
    return emitOpError() << "kernel_shape is required";
  return verifyWindowAttrs(*this, getAutoPad(), getKernelShape(), getStrides(),
                           getDilations(), getPads());
}

LogicalResult AveragePoolOp::inferShapes() { return inferPoolShape(*this); }

static LogicalResult inferGlobalPool(Operation *op) {
  Value x = op->getOperand(0);
  auto shape = getRankedShape(x);
  if (!shape)
    return refineResultType(op, 0, UnrankedTensorType::get(getElementType(x)));
  if (shape->size() < 3)
    return op->emitError() << "input must have rank 3 or more, got rank "
                           << shape->size();
  SmallVector<int64_t> dims(shape->size(), 1);
  dims[0] = (*shape)[0];
  dims[1] = (*shape)[1];
  return refineResultType(op, 0,
                          RankedTensorType::get(dims, getElementType(x)));
}

LogicalResult GlobalAveragePoolOp::inferShapes() {
  return inferGlobalPool(*this);
}
LogicalResult GlobalMaxPoolOp::inferShapes() { return inferGlobalPool(*this); }

//===----------------------------------------------------------------------===//
// Gemm, MatMul
//===----------------------------------------------------------------------===//

LogicalResult GemmOp::inferShapes() {
  Type elementType = getElementType(getA());
  auto a = getRankedShape(getA());
  auto b = getRankedShape(getB());
  if (!a || !b)
    return refineResultType(*this, 0,
                            RankedTensorType::get({kDyn, kDyn}, elementType));
  if (a->size() != 2 || b->size() != 2)
    return emitError() << "A and B must be 2-D, got ranks " << a->size()
                       << " and " << b->size();
  int64_t m = getTransA() ? (*a)[1] : (*a)[0];
  int64_t ka = getTransA() ? (*a)[0] : (*a)[1];
  int64_t kb = getTransB() ? (*b)[1] : (*b)[0];
  int64_t n = getTransB() ? (*b)[0] : (*b)[1];
  if (ka != kDyn && kb != kDyn && ka != kb)
    return emitError() << "inner dimensions differ: op(A) is " << m << "x" << ka
                       << ", op(B) is " << kb << "x" << n;
  if (!isNoValue(getC())) {
    auto c = getRankedShape(getC());
    if (c && c->size() > 2)
      return emitError() << "C must be unidirectionally broadcastable to ["
                         << m << ", " << n << "], got rank " << c->size();
    if (c && failed(broadcastShapes(*this, {m, n}, *c)))
      return failure();
  }
  return refineResultType(*this, 0, RankedTensorType::get({m, n}, elementType));
}

LogicalResult MatMulOp::inferShapes() {
  Type elementType = getElementType(getA());
  auto a = getRankedShape(getA());
  auto b = getRankedShape(getB());
  if (!a || !b)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  if (a->empty() || b->empty())
    return emitError() << "operands must have rank 1 or more";
  SmallVector<int64_t> sa(*a), sb(*b);
  bool aVec = sa.size() == 1, bVec = sb.size() == 1;
  if (aVec)
    sa.insert(sa.begin(), 1);
  if (bVec)
    sb.push_back(1);
  int64_t ka = sa.back(), kb = sb[sb.size() - 2];
  if (ka != kDyn && kb != kDyn && ka != kb)
    return emitError() << "inner dimensions differ: " << ka << " and " << kb;
  auto batch = broadcastShapes(*this, ArrayRef<int64_t>(sa).drop_back(2),
                               ArrayRef<int64_t>(sb).drop_back(2));
  if (failed(batch))
    return failure();
  SmallVector<int64_t> dims(*batch);
  if (!aVec)
    dims.push_back(sa[sa.size() - 2]);
  if (!bVec)
    dims.push_back(sb.back());
  return refineResultType(*this, 0, RankedTensorType::get(dims, elementType));
}

//===----------------------------------------------------------------------===//
// Normalization, dropout
//===----------------------------------------------------------------------===//

LogicalResult BatchNormalizationOp::verify() {
  if (getTrainingMode() != 0 && getTrainingMode() != 1)
    return emitOpError() << "training_mode must be 0 or 1, got "
                         << getTrainingMode();
  return success();
}

LogicalResult BatchNormalizationOp::inferShapes() {
  auto x = getRankedShape(getX());
  if (x && x->size() < 2)
    return emitError() << "input must have rank 2 or more, got rank "
                       << x->size();
  for (Value v : {getScale(), getB(), getInputMean(), getInputVar()}) {
    auto s = getRankedShape(v);
    if (x && s && (s->size() != 1 || ((*s)[0] != kDyn && (*x)[1] != kDyn &&
                                      (*s)[0] != (*x)[1])))
      return emitError() << "scale, B, mean and var must have shape [C] with C = "
                         << (*x)[1];
  }
  if (failed(inferSameShapeOp(*this)))
    return failure();
  for (unsigned i = 1; i < 3; ++i)
    if (!isa<NoneType>(getResult(i).getType()) &&
        failed(refineResultType(*this, i, getOperand(i + 2).getType())))
      return failure();
  return success();
}

LogicalResult LayerNormalizationOp::inferShapes() {
  auto x = getRankedShape(getX());
  Type elementType = getElementType(getX());
  if (failed(inferSameShapeOp(*this)))
    return failure();
  if (!x)
    return success();
  auto axis = normalizeAxis(*this, getAxis(), x->size(), "axis");
  if (failed(axis))
    return failure();
  SmallVector<int64_t> statShape(*x);
  for (size_t i = *axis; i < statShape.size(); ++i)
    statShape[i] = 1;
  Type statType = RankedTensorType::get(
      statShape, getStashType() == 1 ? Float32Type::get(getContext())
                                     : elementType);
  for (unsigned i = 1; i < 3; ++i)
    if (!isa<NoneType>(getResult(i).getType()) &&
        failed(refineResultType(*this, i, statType)))
      return failure();
  return success();
}

LogicalResult DropoutOp::inferShapes() {
  // ONNX's type constraints: a float ratio and a bool training_mode, each one
  // value (the lowering reads them as such).
  auto checkScalar = [&](Value v, StringRef name, bool isBool) -> LogicalResult {
    if (isNoValue(v))
      return success();
    Type t = getElementType(v);
    if (!t || (isBool ? !t.isInteger(1) : !isa<FloatType>(t)))
      return emitError() << name << " must be a " << (isBool ? "bool" : "float")
                         << " tensor";
    auto shape = getRankedShape(v);
    if (shape && llvm::any_of(*shape, [](int64_t d) { return d != 1; }))
      return emitError() << name << " must hold one value";
    return success();
  };
  if (failed(checkScalar(getRatio(), "ratio", false)) ||
      failed(checkScalar(getTrainingMode(), "training_mode", true)))
    return failure();
  if (failed(inferSameShapeOp(*this)))
    return failure();
  if (isa<NoneType>(getMask().getType()))
    return success();
  auto x = getRankedShape(getData());
  Type i1 = IntegerType::get(getContext(), 1);
  return refineResultType(
      *this, 1,
      x ? (Type)RankedTensorType::get(*x, i1) : UnrankedTensorType::get(i1));
}

} // namespace onnxc::onnx
