//===- Conv.cpp - onnx to linalg: Conv, ConvTranspose ---------------------===//
//
// Conv pads its input with tensor.pad and lowers to a named linalg
// convolution where one fits (1-/2-/3-D with group 1, 2-D depthwise, 2-D
// grouped) and to a linalg.generic over the grouped view of the operands
// ([N, G, C/G, ...] x [G, M/G, C/G, ...]) otherwise. The bias, when present,
// initializes the accumulator.
//
// ConvTranspose is rewritten as a convolution: the input is interleaved with
// stride-1 zeros and padded by dilation * (kernel - 1) - pad, the kernel is
// flipped spatially and its channel dims are swapped per group.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

/// The grouped view [.., d, ..] -> [.., group, d / group, ..] of dim `dim`.
Value expandGroups(OpBuilder &b, Location loc, Value tensor, int64_t dim,
                   int64_t group) {
  auto type = cast<RankedTensorType>(tensor.getType());
  SmallVector<OpFoldResult> dims = getDims(b, loc, tensor);
  SmallVector<int64_t> shape(type.getShape());
  int64_t size = type.getDimSize(dim);
  assert(!ShapedType::isDynamic(size) && "grouped dim must be static");
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
  auto expandedType = RankedTensorType::get(shape, type.getElementType());
  return tensor::ExpandShapeOp::create(b, loc, expandedType, tensor,
                                       reassociation, dims);
}

/// The inverse of expandGroups: merges dims `dim` and `dim + 1`.
Value collapseGroups(OpBuilder &b, Location loc, Value tensor, int64_t dim,
                     RankedTensorType resultType) {
  SmallVector<ReassociationIndices> reassociation;
  for (int64_t i = 0, e = resultType.getRank(); i < e; ++i) {
    if (i < dim)
      reassociation.push_back({i});
    else if (i == dim)
      reassociation.push_back({i, i + 1});
    else
      reassociation.push_back({i + 1});
  }
  return tensor::CollapseShapeOp::create(b, loc, resultType, tensor,
                                         reassociation);
}

/// Casts `tensor` so that dim `dim` has the static `size`.
Value castDimToStatic(OpBuilder &b, Location loc, Value tensor, int64_t dim,
                      int64_t size) {
  auto type = cast<RankedTensorType>(tensor.getType());
  if (!type.isDynamicDim(dim))
    return tensor;
  SmallVector<int64_t> shape(type.getShape());
  shape[dim] = size;
  return tensor::CastOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), tensor);
}

/// A linalg.generic convolution of the grouped operands: input
/// [N, G, Cg, S...], weight [G, Mg, Cg, K...], init [N, G, Mg, O...].
Value buildGroupedConvGeneric(OpBuilder &b, Location loc, Value input,
                              Value weight, Value init,
                              ArrayRef<int64_t> strides,
                              ArrayRef<int64_t> dilations) {
  MLIRContext *ctx = b.getContext();
  int64_t n = strides.size();
  // Loops: n, g, m, o_0..o_{n-1}, c, k_0..k_{n-1}.
  int64_t numLoops = 4 + 2 * n;
  auto d = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
  AffineExpr batch = d(0), grp = d(1), m = d(2), c = d(3 + n);
  SmallVector<AffineExpr> inExprs = {batch, grp, c};
  SmallVector<AffineExpr> wExprs = {grp, m, c};
  SmallVector<AffineExpr> outExprs = {batch, grp, m};
  for (int64_t i = 0; i < n; ++i) {
    AffineExpr o = d(3 + i), k = d(4 + n + i);
    inExprs.push_back(o * strides[i] + k * dilations[i]);
    wExprs.push_back(k);
    outExprs.push_back(o);
  }
  SmallVector<AffineMap> maps = {AffineMap::get(numLoops, 0, inExprs, ctx),
                                 AffineMap::get(numLoops, 0, wExprs, ctx),
                                 AffineMap::get(numLoops, 0, outExprs, ctx)};
  SmallVector<utils::IteratorType> iterators(3 + n,
                                             utils::IteratorType::parallel);
  iterators.append(1 + n, utils::IteratorType::reduction);
  auto generic = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{input, weight}, init, maps, iterators,
      [](OpBuilder &nb, Location nloc, ValueRange args) {
        Type accType = args[2].getType();
        auto extend = [&](Value v) -> Value {
          if (v.getType() == accType)
            return v;
          return arith::ExtFOp::create(nb, nloc, accType, v);
        };
        Value mul =
            arith::MulFOp::create(nb, nloc, extend(args[0]), extend(args[1]));
        Value add = arith::AddFOp::create(nb, nloc, args[2], mul);
        linalg::YieldOp::create(nb, nloc, add);
      });
  return generic.getResult(0);
}

/// Convolves the already padded `input` [N, C, S...] with `weight`
/// [M, C/group, K...], accumulating into `init` [N, M, O...]. The channel
/// counts C/group and M must be static when group > 1.
Value buildConv(OpBuilder &b, Location loc, Value input, Value weight,
                Value init, ArrayRef<int64_t> strides,
                ArrayRef<int64_t> dilations, int64_t group) {
  auto wType = cast<RankedTensorType>(weight.getType());
  auto outType = cast<RankedTensorType>(init.getType());
  int64_t n = strides.size();
  Attribute stridesAttr = b.getI64TensorAttr(strides);
  Attribute dilationsAttr = b.getI64TensorAttr(dilations);
  if (group == 1 && n == 1)
    return linalg::Conv1DNcwFcwOp::create(b, loc, TypeRange{outType},
                                          ValueRange{input, weight}, init,
                                          stridesAttr, dilationsAttr)
        .getResult(0);
  if (group == 1 && n == 2)
    return linalg::Conv2DNchwFchwOp::create(b, loc, TypeRange{outType},
                                            ValueRange{input, weight}, init,
                                            stridesAttr, dilationsAttr)
        .getResult(0);
  if (group == 1 && n == 3)
    return linalg::Conv3DNcdhwFcdhwOp::create(b, loc, TypeRange{outType},
                                              ValueRange{input, weight}, init,
                                              stridesAttr, dilationsAttr)
        .getResult(0);

  int64_t cPerGroup = wType.getDimSize(1);
  int64_t m = wType.getDimSize(0);
  // Depthwise: one input and one output channel per group.
  if (n == 2 && cPerGroup == 1 && m == group) {
    input = castDimToStatic(b, loc, input, 1, group);
    auto flatType = RankedTensorType::get(
        {m, wType.getDimSize(2), wType.getDimSize(3)}, wType.getElementType());
    Value flat = tensor::CollapseShapeOp::create(
        b, loc, flatType, weight,
        SmallVector<ReassociationIndices>{{0, 1}, {2}, {3}});
    return linalg::DepthwiseConv2DNchwChwOp::create(
               b, loc, TypeRange{outType}, ValueRange{input, flat}, init,
               stridesAttr, dilationsAttr)
        .getResult(0);
  }

  // Grouped view of all three operands.
  input = castDimToStatic(b, loc, input, 1, cPerGroup * group);
  Value groupedIn = expandGroups(b, loc, input, 1, group);
  Value groupedW = expandGroups(b, loc, weight, 0, group);
  Value groupedInit = expandGroups(b, loc, init, 1, group);
  Value result;
  if (n == 2)
    result = linalg::Conv2DNgchwGfchwOp::create(
                 b, loc, TypeRange{groupedInit.getType()},
                 ValueRange{groupedIn, groupedW}, groupedInit, stridesAttr,
                 dilationsAttr)
                 .getResult(0);
  else
    result = buildGroupedConvGeneric(b, loc, groupedIn, groupedW, groupedInit,
                                     strides, dilations);
  return collapseGroups(b, loc, result, 1, outType);
}

/// The accumulator of a convolution (of the accumulation type): zeros, or
/// `bias` [M] broadcast along dim 1.
Value buildConvInit(OpBuilder &b, Location loc, RankedTensorType type,
                    ArrayRef<OpFoldResult> dims, Value bias) {
  Type elementType = type.getElementType();
  if (!bias)
    return createFilled(b, loc, type, dims,
                        createScalar(b, loc, elementType, 0));
  MLIRContext *ctx = b.getContext();
  int64_t rank = type.getRank();
  Value empty = createEmpty(b, loc, type, dims);
  SmallVector<AffineMap> maps = {
      AffineMap::get(rank, 0, getAffineDimExpr(1, ctx)),
      b.getMultiDimIdentityMap(rank)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, type, bias, empty, maps, iterators,
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               Value value = args[0];
               if (value.getType() != elementType)
                 value = arith::ExtFOp::create(nb, nloc, elementType, value);
               linalg::YieldOp::create(nb, nloc, value);
             })
      .getResult(0);
}

/// Checks shared by Conv and ConvTranspose; returns the spatial kernel dims
/// of the weight.
FailureOr<SmallVector<int64_t>> checkConvOperands(Operation *op, Value x,
                                                  Value w, Value b,
                                                  RankedTensorType resultType) {
  // The pass rejects unranked operands and results up front.
  auto xType = cast<RankedTensorType>(x.getType());
  auto wType = cast<RankedTensorType>(w.getType());
  assert(resultType && "the pass rejects unranked results up front");
  if (!isa<FloatType>(xType.getElementType()))
    return reportUnsupported(op, "only float convolutions are supported");
  if (xType.getRank() < 3 || wType.getRank() != xType.getRank())
    return reportUnsupported(op, "input and weight must have the same rank "
                                 "of at least 3");
  if (b && cast<RankedTensorType>(b.getType()).getRank() != 1)
    return reportUnsupported(op, "bias must be a 1-D tensor");
  SmallVector<int64_t> kernel(wType.getShape().drop_front(2));
  if (llvm::any_of(kernel, ShapedType::isDynamic))
    return reportUnsupported(op, "the weight's spatial dims must be static");
  return kernel;
}

struct ConvLowering : OpConversionPattern<onnx::ConvOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::ConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getX(), w = adaptor.getW();
    Value bias = onnx::isNoValue(adaptor.getB()) ? Value() : adaptor.getB();
    auto resultType = getConvertedResultType(getTypeConverter(), op);
    auto kernel = checkConvOperands(op, x, w, bias, resultType);
    if (failed(kernel))
      return failure();
    auto xType = cast<RankedTensorType>(x.getType());
    auto wType = cast<RankedTensorType>(w.getType());
    int64_t n = xType.getRank() - 2;
    int64_t group = op.getGroup();
    if (group == 1 && n > 3 && !wType.hasStaticShape())
      return reportUnsupported(op, "convolution with more than 3 spatial dims "
                                   "needs static channel counts in the weight");
    if (group > 1) {
      int64_t m = wType.getDimSize(0), cPerGroup = wType.getDimSize(1);
      if (ShapedType::isDynamic(m) || ShapedType::isDynamic(cPerGroup))
        return reportUnsupported(op, "grouped convolution needs static "
                                     "channel counts in the weight");
      if (m % group != 0)
        return reportUnsupported(op, "output channels are not a multiple of "
                                     "group");
      if (!xType.isDynamicDim(1) && xType.getDimSize(1) != cPerGroup * group)
        return reportUnsupported(op, "input channels do not match the weight "
                                     "and group");
    }
    FailureOr<onnx::WindowParams> window = onnx::resolveWindow(
        op, xType.getShape(), *kernel, op.getAutoPad(), op.getKernelShape(),
        op.getStrides(), op.getDilations(), op.getPads());
    if (failed(window))
      return reportUnsupported(op, "invalid window attributes");
    if (window->kernel != *kernel)
      return reportUnsupported(op, "kernel_shape does not match the weight");
    for (int64_t i = 0; i < n; ++i) {
      int64_t out = onnx::windowOutputSize(
          xType.getDimSize(2 + i), window->kernel[i], window->strides[i],
          window->dilations[i], window->padsBegin[i], window->padsEnd[i],
          /*ceilMode=*/false);
      if (ShapedType::isDynamic(out))
        continue;
      if (out <= 0)
        return reportUnsupported(op, "the kernel does not fit spatial dim " +
                                         Twine(i));
      if (!resultType.isDynamicDim(2 + i) &&
          out != resultType.getDimSize(2 + i))
        return reportUnsupported(op, "output size " + Twine(out) +
                                         " of spatial dim " + Twine(i) +
                                         " does not match the result type");
    }

    Value zero = createScalar(rewriter, loc, xType.getElementType(), 0);
    SmallVector<OpFoldResult> low(2, rewriter.getIndexAttr(0));
    SmallVector<OpFoldResult> high(2, rewriter.getIndexAttr(0));
    for (int64_t i = 0; i < n; ++i) {
      low.push_back(rewriter.getIndexAttr(window->padsBegin[i]));
      high.push_back(rewriter.getIndexAttr(window->padsEnd[i]));
    }
    Value padded = padTensor(rewriter, loc, x, low, high, zero);
    if (zero.use_empty())
      rewriter.eraseOp(zero.getDefiningOp());

    SmallVector<OpFoldResult> outDims = {getDim(rewriter, loc, x, 0),
                                         getDim(rewriter, loc, w, 0)};
    for (int64_t i = 0; i < n; ++i) {
      if (!resultType.isDynamicDim(2 + i)) {
        outDims.push_back(rewriter.getIndexAttr(resultType.getDimSize(2 + i)));
        continue;
      }
      int64_t effective = (window->kernel[i] - 1) * window->dilations[i] + 1;
      OpFoldResult span =
          subIndex(rewriter, loc, getDim(rewriter, loc, padded, 2 + i),
                   rewriter.getIndexAttr(effective));
      outDims.push_back(
          addIndex(rewriter, loc,
                   floorDivIndex(rewriter, loc, span,
                                 rewriter.getIndexAttr(window->strides[i])),
                   rewriter.getIndexAttr(1)));
    }
    // f16/bf16 accumulate in f32.
    auto accType =
        resultType.clone(getComputeType(resultType.getElementType()));
    Value init = buildConvInit(rewriter, loc, accType, outDims, bias);
    Value result = buildConv(rewriter, loc, padded, w, init, window->strides,
                             window->dilations, group);
    rewriter.replaceOp(op, truncateToType(rewriter, loc, result, resultType));
    return success();
  }
};

/// The kernel of the convolution equivalent to a transposed one: dims `a`
/// and `b` swapped and the trailing `numSpatial` dims reversed.
Value flipKernel(OpBuilder &b, Location loc, Value weight, int64_t dimA,
                 int64_t dimB, int64_t numSpatial) {
  MLIRContext *ctx = b.getContext();
  auto type = cast<RankedTensorType>(weight.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> shape(type.getShape());
  std::swap(shape[dimA], shape[dimB]);
  SmallVector<OpFoldResult> dims = getDims(b, loc, weight);
  std::swap(dims[dimA], dims[dimB]);
  SmallVector<AffineExpr> inExprs;
  for (int64_t i = 0; i < rank; ++i) {
    AffineExpr dim = getAffineDimExpr(i, ctx);
    if (i == dimA)
      dim = getAffineDimExpr(dimB, ctx);
    else if (i == dimB)
      dim = getAffineDimExpr(dimA, ctx);
    else if (i >= rank - numSpatial)
      dim = type.getDimSize(i) - 1 - dim;
    inExprs.push_back(dim);
  }
  auto resultType = RankedTensorType::get(shape, type.getElementType());
  Value empty = createEmpty(b, loc, resultType, dims);
  SmallVector<AffineMap> maps = {AffineMap::get(rank, 0, inExprs, ctx),
                                 b.getMultiDimIdentityMap(rank)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, resultType, weight, empty, maps, iterators,
             [](OpBuilder &nb, Location nloc, ValueRange args) {
               linalg::YieldOp::create(nb, nloc, args[0]);
             })
      .getResult(0);
}

struct ConvTransposeLowering : OpConversionPattern<onnx::ConvTransposeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::ConvTransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getX(), w = adaptor.getW();
    Value bias = onnx::isNoValue(adaptor.getB()) ? Value() : adaptor.getB();
    auto resultType = getConvertedResultType(getTypeConverter(), op);
    auto kernelOr = checkConvOperands(op, x, w, bias, resultType);
    if (failed(kernelOr))
      return failure();
    SmallVector<int64_t> kernel = *kernelOr;
    auto xType = cast<RankedTensorType>(x.getType());
    auto wType = cast<RankedTensorType>(w.getType());
    int64_t n = xType.getRank() - 2;
    int64_t group = op.getGroup();
    int64_t c = wType.getDimSize(0), mPerGroup = wType.getDimSize(1);
    if (group > 1) {
      if (ShapedType::isDynamic(c) || ShapedType::isDynamic(mPerGroup))
        return reportUnsupported(op, "grouped transposed convolution needs "
                                     "static channel counts in the weight");
      if (c % group != 0)
        return reportUnsupported(op, "input channels are not a multiple of "
                                     "group");
    }
    if (!op.getKernelShape().empty() &&
        ArrayRef<int64_t>(kernel) != op.getKernelShape())
      return reportUnsupported(op, "kernel_shape does not match the weight");

    auto attrOr = [&](ArrayRef<int64_t> attr, size_t size, int64_t def,
                      StringRef name) -> FailureOr<SmallVector<int64_t>> {
      if (attr.empty())
        return SmallVector<int64_t>(size, def);
      if (attr.size() != size)
        return reportUnsupported(op, Twine(name) + " must have " + Twine(size) +
                                         " values");
      return SmallVector<int64_t>(attr);
    };
    auto strides = attrOr(op.getStrides(), n, 1, "strides");
    auto dilations = attrOr(op.getDilations(), n, 1, "dilations");
    auto outputPadding = attrOr(op.getOutputPadding(), n, 0, "output_padding");
    auto pads = attrOr(op.getPads(), 2 * n, 0, "pads");
    if (failed(strides) || failed(dilations) || failed(outputPadding) ||
        failed(pads))
      return failure();
    StringRef autoPad = op.getAutoPad();
    ArrayRef<int64_t> outputShape = op.getOutputShape();
    if (!outputShape.empty()) {
      if (outputShape.size() != size_t(n) &&
          outputShape.size() != size_t(n + 2))
        return reportUnsupported(op, "output_shape must have one value per "
                                     "spatial dim");
      outputShape = outputShape.take_back(n);
    }

    // Pads of the transposed convolution, per ONNX (total padding split with
    // floor division; a negative total extends the output with zeros).
    SmallVector<int64_t> padsBegin(n), padsEnd(n);
    bool same = autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER";
    for (int64_t i = 0; i < n; ++i) {
      int64_t s = (*strides)[i], d = (*dilations)[i];
      int64_t effective = (kernel[i] - 1) * d + 1;
      int64_t in = xType.getDimSize(2 + i);
      if (!outputShape.empty() || same) {
        int64_t total;
        if (!outputShape.empty()) {
          if (ShapedType::isDynamic(in))
            return reportUnsupported(op, "output_shape needs static input "
                                         "spatial dims");
          total =
              s * (in - 1) + (*outputPadding)[i] + effective - outputShape[i];
        } else {
          // Output in * s: the total does not depend on `in`.
          total = (*outputPadding)[i] + effective - s;
        }
        int64_t half = total >= 0 ? total / 2 : -((-total + 1) / 2);
        if (autoPad == "SAME_UPPER") {
          padsBegin[i] = half;
          padsEnd[i] = total - half;
        } else {
          padsBegin[i] = total - half;
          padsEnd[i] = half;
        }
      } else if (autoPad != "VALID") {
        padsBegin[i] = (*pads)[i];
        padsEnd[i] = (*pads)[n + i];
      }
    }

    // The equivalent convolution: pads dilation * (kernel - 1) - pad on the
    // zero-interleaved input; negative amounts crop the result instead.
    SmallVector<int64_t> lowPad(n), highPad(n), cropBegin(n), cropEnd(n);
    for (int64_t i = 0; i < n; ++i) {
      int64_t extent = (*dilations)[i] * (kernel[i] - 1);
      int64_t lowAmount = extent - padsBegin[i];
      int64_t highAmount = extent - padsEnd[i] + (*outputPadding)[i];
      lowPad[i] = std::max<int64_t>(lowAmount, 0);
      highPad[i] = std::max<int64_t>(highAmount, 0);
      cropBegin[i] = lowPad[i] - lowAmount;
      cropEnd[i] = highPad[i] - highAmount;
    }
    // Static output sizes must agree with the inferred result type.
    for (int64_t i = 0; i < n; ++i) {
      int64_t in = xType.getDimSize(2 + i);
      if (ShapedType::isDynamic(in) || resultType.isDynamicDim(2 + i))
        continue;
      int64_t out = (*strides)[i] * (in - 1) + (*outputPadding)[i] +
                    (kernel[i] - 1) * (*dilations)[i] + 1 - padsBegin[i] -
                    padsEnd[i];
      if (out != resultType.getDimSize(2 + i))
        return reportUnsupported(op, "output size " + Twine(out) +
                                         " of spatial dim " + Twine(i) +
                                         " does not match the result type");
    }

    Type elementType = xType.getElementType();
    Value zero = createScalar(rewriter, loc, elementType, 0);
    auto idx = [&](int64_t v) -> OpFoldResult {
      return rewriter.getIndexAttr(v);
    };
    // Interleave and pad the input.
    Value padded;
    SmallVector<OpFoldResult> xDims = getDims(rewriter, loc, x);
    if (llvm::all_of(*strides, [](int64_t s) { return s == 1; })) {
      SmallVector<OpFoldResult> low = {idx(0), idx(0)}, high = {idx(0), idx(0)};
      for (int64_t i = 0; i < n; ++i) {
        low.push_back(idx(lowPad[i]));
        high.push_back(idx(highPad[i]));
      }
      padded = padTensor(rewriter, loc, x, low, high, zero);
    } else {
      SmallVector<OpFoldResult> dims = {xDims[0], xDims[1]};
      SmallVector<int64_t> shape = {xType.getDimSize(0), xType.getDimSize(1)};
      SmallVector<OpFoldResult> offsets = {idx(0), idx(0)};
      SmallVector<OpFoldResult> sliceStrides = {idx(1), idx(1)};
      for (int64_t i = 0; i < n; ++i) {
        OpFoldResult interleaved =
            addIndex(rewriter, loc,
                     mulIndex(rewriter, loc,
                              subIndex(rewriter, loc, xDims[2 + i], idx(1)),
                              idx((*strides)[i])),
                     idx(1 + lowPad[i] + highPad[i]));
        dims.push_back(interleaved);
        std::optional<int64_t> size = getConstantIntValue(interleaved);
        shape.push_back(size ? *size : ShapedType::kDynamic);
        offsets.push_back(idx(lowPad[i]));
        sliceStrides.push_back(idx((*strides)[i]));
      }
      Value zeros = createFilled(
          rewriter, loc, RankedTensorType::get(shape, elementType), dims, zero);
      padded = tensor::InsertSliceOp::create(rewriter, loc, x, zeros, offsets,
                                             xDims, sliceStrides);
    }

    // The flipped kernel [M, C / group, K...].
    Value flipped;
    if (group == 1) {
      flipped = flipKernel(rewriter, loc, w, 0, 1, n);
    } else {
      Value grouped = expandGroups(rewriter, loc, w, 0, group);
      Value swapped = flipKernel(rewriter, loc, grouped, 1, 2, n);
      SmallVector<int64_t> shape = {group * mPerGroup, c / group};
      shape.append(kernel.begin(), kernel.end());
      flipped = collapseGroups(rewriter, loc, swapped, 0,
                               RankedTensorType::get(shape, elementType));
    }

    // Convolve with stride 1 into [N, M, out + crop], then crop.
    bool crop = llvm::any_of(cropBegin, [](int64_t v) { return v != 0; }) ||
                llvm::any_of(cropEnd, [](int64_t v) { return v != 0; });
    SmallVector<OpFoldResult> convDims = {xDims[0],
                                          getDim(rewriter, loc, flipped, 0)};
    SmallVector<int64_t> convShape = {resultType.getDimSize(0),
                                      resultType.getDimSize(1)};
    for (int64_t i = 0; i < n; ++i) {
      int64_t extent = (*dilations)[i] * (kernel[i] - 1);
      OpFoldResult size = subIndex(
          rewriter, loc, getDim(rewriter, loc, padded, 2 + i), idx(extent));
      convDims.push_back(size);
      std::optional<int64_t> s = getConstantIntValue(size);
      convShape.push_back(s ? *s : ShapedType::kDynamic);
    }
    // f16/bf16 accumulate in f32.
    Type accElement = getComputeType(elementType);
    auto accType = resultType.clone(accElement);
    auto convType =
        crop ? RankedTensorType::get(convShape, accElement) : accType;
    Value init = buildConvInit(rewriter, loc, convType, convDims, bias);
    SmallVector<int64_t> ones(n, 1);
    Value result = buildConv(rewriter, loc, padded, flipped, init, ones,
                             *dilations, group);
    if (crop) {
      SmallVector<OpFoldResult> offsets = {idx(0), idx(0)};
      SmallVector<OpFoldResult> sizes = {convDims[0], convDims[1]};
      for (int64_t i = 0; i < n; ++i) {
        offsets.push_back(idx(cropBegin[i]));
        sizes.push_back(subIndex(rewriter, loc, convDims[2 + i],
                                 idx(cropBegin[i] + cropEnd[i])));
      }
      SmallVector<OpFoldResult> unit(n + 2, idx(1));
      result = tensor::ExtractSliceOp::create(rewriter, loc, accType, result,
                                              offsets, sizes, unit);
    }
    if (result.getType() != accType)
      result = tensor::CastOp::create(rewriter, loc, accType, result);
    result = truncateToType(rewriter, loc, result, resultType);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace
} // namespace onnxc::lowering

void onnxc::populateOnnxToLinalgConvPatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns) {
  patterns.add<lowering::ConvLowering, lowering::ConvTransposeLowering>(
      converter, patterns.getContext());
}
