//===- DataMovement.cpp - onnx to linalg: reshapes, slices, concat --------===//
//
// Reshape, Flatten, Squeeze, Unsqueeze, Transpose, Concat, Split, Slice.
// Gather, Expand, Pad and Tile are in Indexing.cpp, constants and shape
// queries in Constants.cpp.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "mlir/Dialect/Arith/Utils/Utils.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

Value index(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

/// Reshapes `src` to `type` whose dims are `dims` (tensor.reshape with a
/// shape tensor; static shapes give a constant one).
Value reshapeTo(OpBuilder &b, Location loc, Value src, RankedTensorType type,
                ArrayRef<OpFoldResult> dims) {
  if (src.getType() == type)
    return src;
  SmallVector<Value> values;
  for (int64_t i = 0; i < type.getRank(); ++i)
    values.push_back(type.isDynamicDim(i)
                         ? getValueOrCreateConstantIndexOp(b, loc, dims[i])
                         : index(b, loc, type.getDimSize(i)));
  auto shapeType = RankedTensorType::get({type.getRank()}, b.getIndexType());
  Value shape = tensor::FromElementsOp::create(b, loc, shapeType, values);
  return tensor::ReshapeOp::create(b, loc, type, src, shape);
}

Value productOf(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> dims) {
  Value p = index(b, loc, 1);
  for (OpFoldResult d : dims)
    p = arith::MulIOp::create(b, loc, p,
                              getValueOrCreateConstantIndexOp(b, loc, d));
  return p;
}

struct ReshapeLowering : public OpConversionPattern<onnx::ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value data = adaptor.getData();
    auto inType = cast<RankedTensorType>(data.getType());
    SmallVector<OpFoldResult> dims(type.getRank());
    if (!type.hasStaticShape()) {
      // Resolve 0 (copy the input dim) and -1 (the remaining elements) at
      // run time.
      SmallVector<OpFoldResult> inDims = getDims(rewriter, loc, data);
      Value total = productOf(rewriter, loc, inDims);
      SmallVector<Value> raw;
      Value known = index(rewriter, loc, 1);
      Value zero = index(rewriter, loc, 0), minusOne = index(rewriter, loc, -1);
      for (int64_t i = 0; i < type.getRank(); ++i) {
        Value d = type.isDynamicDim(i)
                      ? extractIndex(rewriter, loc, adaptor.getShape(), i)
                      : index(rewriter, loc, type.getDimSize(i));
        if (type.isDynamicDim(i) && !op.getAllowzero() &&
            i < inType.getRank()) {
          Value isZero = arith::CmpIOp::create(
              rewriter, loc, arith::CmpIPredicate::eq, d, zero);
          Value inDim = getValueOrCreateConstantIndexOp(rewriter, loc, inDims[i]);
          d = arith::SelectOp::create(rewriter, loc, isZero, inDim, d);
        }
        raw.push_back(d);
        Value isInferred = arith::CmpIOp::create(
            rewriter, loc, arith::CmpIPredicate::eq, d, minusOne);
        Value factor = arith::SelectOp::create(rewriter, loc, isInferred,
                                               index(rewriter, loc, 1), d);
        known = arith::MulIOp::create(rewriter, loc, known, factor);
      }
      Value inferred = arith::DivUIOp::create(rewriter, loc, total, known);
      for (int64_t i = 0; i < type.getRank(); ++i) {
        Value isInferred = arith::CmpIOp::create(
            rewriter, loc, arith::CmpIPredicate::eq, raw[i], minusOne);
        dims[i] = arith::SelectOp::create(rewriter, loc, isInferred, inferred,
                                          raw[i])
                      .getResult();
      }
    }
    rewriter.replaceOp(op, reshapeTo(rewriter, loc, data, type, dims));
    return success();
  }
};

struct FlattenLowering : public OpConversionPattern<onnx::FlattenOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::FlattenOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value input = adaptor.getInput();
    int64_t rank = cast<RankedTensorType>(input.getType()).getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    SmallVector<OpFoldResult> inDims = getDims(rewriter, loc, input);
    SmallVector<OpFoldResult> dims = {
        productOf(rewriter, loc, ArrayRef(inDims).take_front(axis)),
        productOf(rewriter, loc, ArrayRef(inDims).drop_front(axis))};
    rewriter.replaceOp(op, reshapeTo(rewriter, loc, input, type, dims));
    return success();
  }
};

/// Squeeze and Unsqueeze: the result dims are the input dims with 1s
/// removed or inserted, which the result type already spells out except for
/// the dynamic input dims, taken in order.
template <typename OpTy>
struct SqueezeLikeLowering : public OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(this->getTypeConverter(), op);
    Value data = adaptor.getData();
    auto inType = cast<RankedTensorType>(data.getType());
    SmallVector<OpFoldResult> dynamicIn;
    for (int64_t i = 0; i < inType.getRank(); ++i)
      if (inType.isDynamicDim(i))
        dynamicIn.push_back(getDim(rewriter, loc, data, i));
    int64_t numDynamicOut = llvm::count_if(
        type.getShape(), [](int64_t d) { return ShapedType::isDynamic(d); });
    if (numDynamicOut != static_cast<int64_t>(dynamicIn.size()))
      return reportUnsupported(
          op, "squeezing a dimension whose size is only known at run time");
    SmallVector<OpFoldResult> dims;
    unsigned next = 0;
    for (int64_t d : type.getShape())
      dims.push_back(ShapedType::isDynamic(d) ? dynamicIn[next++]
                                              : rewriter.getIndexAttr(d));
    rewriter.replaceOp(op, reshapeTo(rewriter, loc, data, type, dims));
    return success();
  }
};

struct TransposeLowering : public OpConversionPattern<onnx::TransposeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value data = adaptor.getData();
    int64_t rank = type.getRank();
    SmallVector<int64_t> perm(op.getPerm());
    if (perm.empty())
      for (int64_t i = 0; i < rank; ++i)
        perm.push_back(rank - 1 - i);
    SmallVector<OpFoldResult> dims;
    for (int64_t p : perm)
      dims.push_back(getDim(rewriter, loc, data, p));
    Value init = createEmpty(rewriter, loc, type, dims);
    auto transpose =
        linalg::TransposeOp::create(rewriter, loc, data, init, perm);
    rewriter.replaceOp(op, transpose.getResult()[0]);
    return success();
  }
};

struct ConcatLowering : public OpConversionPattern<onnx::ConcatOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    int64_t rank = type.getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    ValueRange inputs = adaptor.getInputs();
    SmallVector<OpFoldResult> dims = getDims(rewriter, loc, inputs[0]);
    Value total = index(rewriter, loc, 0);
    for (Value input : inputs)
      total = arith::AddIOp::create(
          rewriter, loc, total,
          getValueOrCreateConstantIndexOp(rewriter, loc,
                                          getDim(rewriter, loc, input, axis)));
    dims[axis] = total;
    Value result = createEmpty(rewriter, loc, type, dims);
    Value offset = index(rewriter, loc, 0);
    for (Value input : inputs) {
      SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
      offsets[axis] = offset;
      SmallVector<OpFoldResult> sizes = getDims(rewriter, loc, input);
      SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
      result = tensor::InsertSliceOp::create(rewriter, loc, input, result,
                                             offsets, sizes, strides);
      offset = arith::AddIOp::create(
          rewriter, loc, offset,
          getValueOrCreateConstantIndexOp(rewriter, loc, sizes[axis]));
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct SplitLowering : public OpConversionPattern<onnx::SplitOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::SplitOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    int64_t rank = cast<RankedTensorType>(input.getType()).getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    unsigned n = op.getNumResults();
    Value dim = getValueOrCreateConstantIndexOp(rewriter, loc,
                                                getDim(rewriter, loc, input, axis));
    // Sizes: from the result types, the split input, or an even split.
    SmallVector<Value> sizes;
    Value chunk = arith::CeilDivUIOp::create(rewriter, loc, dim,
                                             index(rewriter, loc, n));
    Value offset = index(rewriter, loc, 0);
    SmallVector<Value> results;
    for (unsigned i = 0; i < n; ++i) {
      auto type = getConvertedResultType(getTypeConverter(), op, i);
      Value size;
      if (!type.isDynamicDim(axis))
        size = index(rewriter, loc, type.getDimSize(axis));
      else if (!onnx::isNoValue(op.getSplit()))
        size = extractIndex(rewriter, loc, adaptor.getSplit(), i);
      else {
        Value rest = arith::SubIOp::create(rewriter, loc, dim, offset);
        size = arith::MinUIOp::create(rewriter, loc, chunk, rest);
      }
      SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
      offsets[axis] = offset;
      SmallVector<OpFoldResult> sliceSizes = getDims(rewriter, loc, input);
      sliceSizes[axis] = size;
      SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
      Value slice = tensor::ExtractSliceOp::create(rewriter, loc, input,
                                                   offsets, sliceSizes, strides);
      if (slice.getType() != type)
        slice = tensor::CastOp::create(rewriter, loc, type, slice);
      results.push_back(slice);
      offset = arith::AddIOp::create(rewriter, loc, offset, size);
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

struct SliceLowering : public OpConversionPattern<onnx::SliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value data = adaptor.getData();
    int64_t rank = type.getRank();
    auto startsType = dyn_cast<RankedTensorType>(adaptor.getStarts().getType());
    if (!startsType || startsType.isDynamicDim(0))
      return reportUnsupported(op, "starts must have a static length");
    int64_t n = startsType.getDimSize(0);
    SmallVector<int64_t> axes, steps;
    if (onnx::isNoValue(op.getAxes())) {
      for (int64_t i = 0; i < n; ++i)
        axes.push_back(i);
    } else if (auto values = getConstantIntValues(op.getAxes())) {
      axes = *values;
    } else {
      return reportUnsupported(op, "axes must be a constant");
    }
    if (onnx::isNoValue(op.getSteps()))
      steps.assign(n, 1);
    else if (auto values = getConstantIntValues(op.getSteps()))
      steps = *values;
    else
      return reportUnsupported(op, "steps must be a constant");
    if (static_cast<int64_t>(axes.size()) != n ||
        static_cast<int64_t>(steps.size()) != n)
      return reportUnsupported(op, "starts, ends, axes and steps differ in length");

    SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
    SmallVector<OpFoldResult> sizes = getDims(rewriter, loc, data);
    SmallVector<int64_t> strides(rank, 1);
    auto minI = [&](Value a, Value b) {
      return arith::MinSIOp::create(rewriter, loc, a, b).getResult();
    };
    auto maxI = [&](Value a, Value b) {
      return arith::MaxSIOp::create(rewriter, loc, a, b).getResult();
    };
    auto addI = [&](Value a, Value b) {
      return arith::AddIOp::create(rewriter, loc, a, b).getResult();
    };
    auto subI = [&](Value a, Value b) {
      return arith::SubIOp::create(rewriter, loc, a, b).getResult();
    };
    Value zero = index(rewriter, loc, 0);
    for (int64_t i = 0; i < n; ++i) {
      int64_t axis = axes[i] < 0 ? axes[i] + rank : axes[i];
      int64_t step = steps[i];
      if (axis < 0 || axis >= rank || step == 0)
        return reportUnsupported(op, "axis out of range or zero step");
      Value dim = getValueOrCreateConstantIndexOp(rewriter, loc, sizes[axis]);
      // Clamp before adding dim so that INT64_MIN/MAX bounds cannot wrap.
      auto normalize = [&](Value v, Value lo, Value hi) {
        v = maxI(minI(v, dim), subI(index(rewriter, loc, -1), dim));
        Value isNeg = arith::CmpIOp::create(rewriter, loc,
                                            arith::CmpIPredicate::slt, v, zero);
        v = arith::SelectOp::create(rewriter, loc, isNeg, addI(v, dim), v);
        return maxI(minI(v, hi), lo);
      };
      Value start = extractIndex(rewriter, loc, adaptor.getStarts(), i);
      Value end = extractIndex(rewriter, loc, adaptor.getEnds(), i);
      Value size;
      Value stepValue = index(rewriter, loc, std::abs(step));
      if (step > 0) {
        start = normalize(start, zero, dim);
        end = normalize(end, zero, dim);
        size = arith::CeilDivSIOp::create(rewriter, loc, subI(end, start),
                                          stepValue);
      } else {
        Value last = subI(dim, index(rewriter, loc, 1));
        start = normalize(start, zero, last);
        end = normalize(end, index(rewriter, loc, -1), last);
        size = arith::CeilDivSIOp::create(rewriter, loc, subI(start, end),
                                          stepValue);
      }
      size = maxI(size, zero);
      offsets[axis] = start;
      sizes[axis] = size;
      strides[axis] = step;
    }
    for (int64_t i = 0; i < rank; ++i)
      if (!type.isDynamicDim(i))
        sizes[i] = rewriter.getIndexAttr(type.getDimSize(i));

    if (llvm::all_of(strides, [](int64_t s) { return s > 0; })) {
      SmallVector<OpFoldResult> strideAttrs;
      for (int64_t s : strides)
        strideAttrs.push_back(rewriter.getIndexAttr(s));
      Value slice = tensor::ExtractSliceOp::create(rewriter, loc, data, offsets,
                                                   sizes, strideAttrs);
      if (slice.getType() != type)
        slice = tensor::CastOp::create(rewriter, loc, type, slice);
      rewriter.replaceOp(op, slice);
      return success();
    }
    // Negative steps: out[i] = in[offset + i * step] per dim.
    Value init = createEmpty(rewriter, loc, type, sizes);
    auto generic = linalg::GenericOp::create(
        rewriter, loc, type, ValueRange{}, init,
        SmallVector<AffineMap>{rewriter.getMultiDimIdentityMap(rank)},
        SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
        [&](OpBuilder &b, Location l, ValueRange) {
          SmallVector<Value> indices;
          for (int64_t d = 0; d < rank; ++d) {
            Value i = linalg::IndexOp::create(b, l, d);
            Value scaled = arith::MulIOp::create(
                b, l, i, arith::ConstantIndexOp::create(b, l, strides[d]));
            indices.push_back(arith::AddIOp::create(
                b, l, getValueOrCreateConstantIndexOp(b, l, offsets[d]),
                scaled));
          }
          Value v = tensor::ExtractOp::create(b, l, data, indices);
          linalg::YieldOp::create(b, l, v);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

} // namespace

void populateConstantPatterns(const TypeConverter &converter,
                              RewritePatternSet &patterns);
void populateIndexingPatterns(const TypeConverter &converter,
                              RewritePatternSet &patterns);

} // namespace onnxc::lowering

void onnxc::populateOnnxToLinalgDataMovementPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  using namespace onnxc::lowering;
  patterns.add<ReshapeLowering, FlattenLowering,
               SqueezeLikeLowering<onnx::SqueezeOp>,
               SqueezeLikeLowering<onnx::UnsqueezeOp>, TransposeLowering,
               ConcatLowering, SplitLowering, SliceLowering>(
      converter, patterns.getContext());
  populateConstantPatterns(converter, patterns);
  populateIndexingPatterns(converter, patterns);
}
