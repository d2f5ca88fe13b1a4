//===- QuantConv.cpp - onnx to linalg: ConvInteger, QLinearConv -----------===//
//
// Both subtract the zero points into i32 tensors (so that padding with zero
// is padding with the zero point), pad, and convolve in i32: a named linalg
// convolution for 1-/2-/3-D with group 1, a linalg.generic over the grouped
// view ([N, G, C/G, ...] x [G, M/G, C/G, ...]) otherwise. QLinearConv's bias
// initializes the accumulator, which is then requantized.
//
//===----------------------------------------------------------------------===//

#include "QuantUtils.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

/// The grouped view [.., d, ..] -> [.., group, d / group, ..] of dim `dim`
/// (static).
Value expandGroups(OpBuilder &b, Location loc, Value tensor, int64_t dim,
                   int64_t group) {
  auto type = cast<RankedTensorType>(tensor.getType());
  SmallVector<OpFoldResult> dims = getDims(b, loc, tensor);
  SmallVector<int64_t> shape(type.getShape());
  int64_t size = type.getDimSize(dim);
  shape[dim] = size / group;
  shape.insert(shape.begin() + dim, group);
  dims[dim] = b.getIndexAttr(size / group);
  dims.insert(dims.begin() + dim, b.getIndexAttr(group));
  SmallVector<ReassociationIndices> reassociation;
  for (int64_t i = 0, e = type.getRank(); i < e; ++i) {
    if (i < dim)
      reassociation.push_back({i});
    else if (i == dim)
      reassociation.push_back({i, i + 1});
    else
      reassociation.push_back({i + 1});
  }
  return tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), tensor,
      reassociation, dims);
}

/// The i32 convolution of the grouped operands: input [N, G, Cg, S...],
/// weight [G, Mg, Cg, K...], init [N, G, Mg, O...].
Value buildGroupedIntConv(OpBuilder &b, Location loc, Value input, Value weight,
                          Value init, ArrayRef<int64_t> strides,
                          ArrayRef<int64_t> dilations) {
  MLIRContext *ctx = b.getContext();
  int64_t n = strides.size();
  // Loops: n, g, m, o_0..o_{n-1}, c, k_0..k_{n-1}.
  int64_t numLoops = 4 + 2 * n;
  auto d = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
  SmallVector<AffineExpr> inExprs = {d(0), d(1), d(3 + n)};
  SmallVector<AffineExpr> wExprs = {d(1), d(2), d(3 + n)};
  SmallVector<AffineExpr> outExprs = {d(0), d(1), d(2)};
  for (int64_t i = 0; i < n; ++i) {
    inExprs.push_back(d(3 + i) * strides[i] + d(4 + n + i) * dilations[i]);
    wExprs.push_back(d(4 + n + i));
    outExprs.push_back(d(3 + i));
  }
  SmallVector<AffineMap> maps = {AffineMap::get(numLoops, 0, inExprs, ctx),
                                 AffineMap::get(numLoops, 0, wExprs, ctx),
                                 AffineMap::get(numLoops, 0, outExprs, ctx)};
  SmallVector<utils::IteratorType> iterators(3 + n,
                                             utils::IteratorType::parallel);
  iterators.append(1 + n, utils::IteratorType::reduction);
  return linalg::GenericOp::create(
             b, loc, init.getType(), ValueRange{input, weight}, init, maps,
             iterators,
             [](OpBuilder &nb, Location nloc, ValueRange args) {
               Value mul = arith::MulIOp::create(nb, nloc, args[0], args[1]);
               Value add = arith::AddIOp::create(nb, nloc, args[2], mul);
               linalg::YieldOp::create(nb, nloc, add);
             })
      .getResult(0);
}

/// The window attributes shared by both ops.
struct ConvAttrs {
  int64_t group;
  StringRef autoPad;
  ArrayRef<int64_t> kernelShape, strides, dilations, pads;
};

template <typename OpTy> ConvAttrs getConvAttrs(OpTy op) {
  return {op.getGroup(),   op.getAutoPad(),   op.getKernelShape(),
          op.getStrides(), op.getDilations(), op.getPads()};
}

/// The i32 accumulator [N, M, O...] of the convolution of `x` - `xZp` with
/// `w` - `wZp`, starting from `bias` [M] (i32) when given.
FailureOr<Value> buildIntConv(Operation *op, OpBuilder &b, Value onnxX, Value x,
                              QuantParam xZp, Value onnxW, Value w,
                              QuantParam wZp, Value bias,
                              const ConvAttrs &attrs,
                              RankedTensorType resultType) {
  Location loc = op->getLoc();
  auto xType = cast<RankedTensorType>(x.getType());
  auto wType = cast<RankedTensorType>(w.getType());
  if (xType.getRank() < 3 || wType.getRank() != xType.getRank())
    return reportUnsupported(op, "input and weight must have the same rank "
                                 "of at least 3");
  SmallVector<int64_t> kernel(wType.getShape().drop_front(2));
  if (llvm::any_of(kernel, ShapedType::isDynamic))
    return reportUnsupported(op, "the weight's spatial dims must be static");
  int64_t n = xType.getRank() - 2;
  int64_t group = attrs.group;
  bool named = group == 1 && n <= 3;
  int64_t m = wType.getDimSize(0), cPerGroup = wType.getDimSize(1);
  if (!named) {
    if (ShapedType::isDynamic(m) || ShapedType::isDynamic(cPerGroup))
      return reportUnsupported(op, "grouped or more than 3-D convolution "
                                   "needs static channel counts in the "
                                   "weight");
    if (m % group != 0)
      return reportUnsupported(op, "output channels are not a multiple of "
                                   "group");
    if (!xType.isDynamicDim(1) && xType.getDimSize(1) != cPerGroup * group)
      return reportUnsupported(op, "input channels do not match the weight "
                                   "and group");
  }
  FailureOr<onnx::WindowParams> window = onnx::resolveWindow(
      op, xType.getShape(), kernel, attrs.autoPad, attrs.kernelShape,
      attrs.strides, attrs.dilations, attrs.pads);
  if (failed(window))
    return reportUnsupported(op, "invalid window attributes");
  if (window->kernel != kernel)
    return reportUnsupported(op, "kernel_shape does not match the weight");

  Value xs = subtractZeroPoint(b, loc, x, isUnsignedElement(onnxX), xZp);
  Value ws = subtractZeroPoint(b, loc, w, isUnsignedElement(onnxW), wZp);
  Type i32 = b.getI32Type();
  SmallVector<OpFoldResult> low(2, b.getIndexAttr(0));
  SmallVector<OpFoldResult> high(2, b.getIndexAttr(0));
  for (int64_t i = 0; i < n; ++i) {
    low.push_back(b.getIndexAttr(window->padsBegin[i]));
    high.push_back(b.getIndexAttr(window->padsEnd[i]));
  }
  Value padded = padTensor(b, loc, xs, low, high, createScalar(b, loc, i32, 0));

  SmallVector<OpFoldResult> outDims = {getDim(b, loc, x, 0),
                                       getDim(b, loc, w, 0)};
  for (int64_t i = 0; i < n; ++i) {
    if (!resultType.isDynamicDim(2 + i)) {
      outDims.push_back(b.getIndexAttr(resultType.getDimSize(2 + i)));
      continue;
    }
    int64_t effective = (window->kernel[i] - 1) * window->dilations[i] + 1;
    OpFoldResult span = subIndex(b, loc, getDim(b, loc, padded, 2 + i),
                                 b.getIndexAttr(effective));
    outDims.push_back(addIndex(
        b, loc, floorDivIndex(b, loc, span, b.getIndexAttr(window->strides[i])),
        b.getIndexAttr(1)));
  }
  auto accType = resultType.clone(i32);
  Value init;
  if (bias) {
    MLIRContext *ctx = b.getContext();
    int64_t rank = accType.getRank();
    SmallVector<AffineMap> maps = {
        AffineMap::get(rank, 0, getAffineDimExpr(1, ctx)),
        b.getMultiDimIdentityMap(rank)};
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    init = linalg::GenericOp::create(
               b, loc, accType, bias, createEmpty(b, loc, accType, outDims),
               maps, iterators,
               [](OpBuilder &nb, Location nloc, ValueRange args) {
                 linalg::YieldOp::create(nb, nloc, args[0]);
               })
               .getResult(0);
  } else {
    init = createFilled(b, loc, accType, outDims, createScalar(b, loc, i32, 0));
  }

  Attribute stridesAttr = b.getI64TensorAttr(window->strides);
  Attribute dilationsAttr = b.getI64TensorAttr(window->dilations);
  if (named && n == 1)
    return linalg::Conv1DNcwFcwOp::create(b, loc, TypeRange{accType},
                                          ValueRange{padded, ws}, init,
                                          stridesAttr, dilationsAttr)
        .getResult(0);
  if (named && n == 2)
    return linalg::Conv2DNchwFchwOp::create(b, loc, TypeRange{accType},
                                            ValueRange{padded, ws}, init,
                                            stridesAttr, dilationsAttr)
        .getResult(0);
  if (named && n == 3)
    return linalg::Conv3DNcdhwFcdhwOp::create(b, loc, TypeRange{accType},
                                              ValueRange{padded, ws}, init,
                                              stridesAttr, dilationsAttr)
        .getResult(0);

  // Grouped view of the three operands; the input's channels become static.
  auto paddedType = cast<RankedTensorType>(padded.getType());
  if (paddedType.isDynamicDim(1)) {
    SmallVector<int64_t> shape(paddedType.getShape());
    shape[1] = cPerGroup * group;
    padded = tensor::CastOp::create(b, loc, paddedType.clone(shape), padded);
  }
  if (accType.isDynamicDim(1)) {
    SmallVector<int64_t> shape(accType.getShape());
    shape[1] = m;
    init = tensor::CastOp::create(b, loc, accType.clone(shape), init);
  }
  Value groupedInit = expandGroups(b, loc, init, 1, group);
  Value result =
      buildGroupedIntConv(b, loc, expandGroups(b, loc, padded, 1, group),
                          expandGroups(b, loc, ws, 0, group), groupedInit,
                          window->strides, window->dilations);
  SmallVector<ReassociationIndices> reassociation = {{0}, {1, 2}};
  for (int64_t i = 0; i < n; ++i)
    reassociation.push_back({3 + i});
  auto collapsedType = cast<RankedTensorType>(init.getType());
  Value collapsed = tensor::CollapseShapeOp::create(b, loc, collapsedType,
                                                    result, reassociation);
  return castTo(b, loc, collapsed, accType);
}

/// An optional zero point of a convolution operand: one value, or one per
/// output channel (dim 0 of the weight) when `perChannel`.
FailureOr<QuantParam> getConvZeroPoint(Operation *op, StringRef name,
                                       Value onnxZp, Value zp, Value w,
                                       bool perChannel) {
  if (onnx::isNoValue(onnxZp))
    return QuantParam{};
  auto wType = cast<RankedTensorType>(w.getType());
  return getScalarOrPerDimParam(op, name, onnxZp, zp, wType.getRank(),
                                perChannel ? 0 : -1, wType.getDimSize(0));
}

struct ConvIntegerLowering : public OpConversionPattern<onnx::ConvIntegerOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::ConvIntegerOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    auto xZp = getConvZeroPoint(op, "x_zero_point", op.getXZeroPoint(),
                                adaptor.getXZeroPoint(), adaptor.getW(),
                                /*perChannel=*/false);
    auto wZp = getConvZeroPoint(op, "w_zero_point", op.getWZeroPoint(),
                                adaptor.getWZeroPoint(), adaptor.getW(),
                                /*perChannel=*/true);
    if (failed(xZp) || failed(wZp))
      return failure();
    auto acc = buildIntConv(op, rewriter, op.getX(), adaptor.getX(), *xZp,
                            op.getW(), adaptor.getW(), *wZp, Value(),
                            getConvAttrs(op), resultType);
    if (failed(acc))
      return failure();
    rewriter.replaceOp(op, *acc);
    return success();
  }
};

struct QLinearConvLowering : public OpConversionPattern<onnx::QLinearConvOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::QLinearConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedResultType(getTypeConverter(), op);
    Value w = adaptor.getW();
    auto xZp = getConvZeroPoint(op, "x_zero_point", op.getXZeroPoint(),
                                adaptor.getXZeroPoint(), w, false);
    auto wZp = getConvZeroPoint(op, "w_zero_point", op.getWZeroPoint(),
                                adaptor.getWZeroPoint(), w, true);
    if (failed(xZp) || failed(wZp))
      return failure();
    Value bias = onnx::isNoValue(op.getB()) ? Value() : adaptor.getB();
    auto acc =
        buildIntConv(op, rewriter, op.getX(), adaptor.getX(), *xZp, op.getW(),
                     w, *wZp, bias, getConvAttrs(op), resultType);
    if (failed(acc))
      return failure();

    // Per-tensor scales, except w_scale: per output channel (dim 1).
    int64_t rank = resultType.getRank();
    int64_t m = cast<RankedTensorType>(w.getType()).getDimSize(0);
    auto param = [&](StringRef name, Value onnxValue, Value value,
                     bool perChannel) {
      return getScalarOrPerDimParam(op, name, onnxValue, value, rank,
                                    perChannel ? 1 : -1, m);
    };
    auto xScale = param("x_scale", op.getXScale(), adaptor.getXScale(), false);
    auto wScale = param("w_scale", op.getWScale(), adaptor.getWScale(), true);
    auto yScale = param("y_scale", op.getYScale(), adaptor.getYScale(), false);
    auto yZp = param("y_zero_point", op.getYZeroPoint(),
                     adaptor.getYZeroPoint(), false);
    if (failed(xScale) || failed(wScale) || failed(yScale) || failed(yZp))
      return failure();
    rewriter.replaceOp(op, requantize(rewriter, op.getLoc(), *acc, resultType,
                                      isUnsignedElement(op.getY()), *xScale,
                                      *wScale, *yScale, *yZp));
    return success();
  }
};

} // namespace

void populateQuantConvPatterns(const TypeConverter &converter,
                               RewritePatternSet &patterns) {
  patterns.add<ConvIntegerLowering, QLinearConvLowering>(converter,
                                                         patterns.getContext());
}

} // namespace onnxc::lowering
