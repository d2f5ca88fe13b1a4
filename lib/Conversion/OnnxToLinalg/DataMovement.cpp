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

/// `axis` (an index value, negative counts from the end) normalized for a
/// tensor of rank `rank`.
Value normalizeAxisIndex(OpBuilder &b, Location loc, Value axis, int64_t rank) {
  Value isNegative = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                           axis, index(b, loc, 0));
  Value shifted = arith::AddIOp::create(b, loc, axis, index(b, loc, rank));
  return arith::SelectOp::create(b, loc, isNegative, shifted, axis);
}

/// For each position 0..rank-1: an i1 that holds when one of the values of
/// the 1-D integer tensor `axes` (known at run time, normalized for `rank`)
/// names it.
SmallVector<Value> markAxes(OpBuilder &b, Location loc, Value axes,
                            int64_t rank) {
  int64_t count = cast<RankedTensorType>(axes.getType()).getDimSize(0);
  SmallVector<Value> normalized;
  for (int64_t k = 0; k < count; ++k)
    normalized.push_back(
        normalizeAxisIndex(b, loc, extractIndex(b, loc, axes, k), rank));
  SmallVector<Value> marked;
  for (int64_t i = 0; i < rank; ++i) {
    Value hit = arith::ConstantIntOp::create(b, loc, 0, 1);
    for (Value axis : normalized)
      hit = arith::OrIOp::create(b, loc, hit,
                                 arith::CmpIOp::create(b, loc,
                                                       arith::CmpIPredicate::eq,
                                                       axis, index(b, loc, i)));
    marked.push_back(hit);
  }
  return marked;
}

/// The dims of Unsqueeze with axes known at run time: an inserted position
/// is 1, the others take the input dims in order. Invalid axes (duplicates,
/// out of range) insert fewer 1s; the remaining positions are then 1 too, so
/// the element count always matches the input's.
SmallVector<OpFoldResult> unsqueezeDims(OpBuilder &b, Location loc, Value data,
                                        Value axes, int64_t outRank) {
  SmallVector<OpFoldResult> inDims = getDims(b, loc, data);
  SmallVector<Value> inserted = markAxes(b, loc, axes, outRank);
  Value one = index(b, loc, 1);
  Value next = index(b, loc, 0); // The input dim the next position takes.
  SmallVector<OpFoldResult> dims;
  for (int64_t i = 0; i < outRank; ++i) {
    Value dim = one;
    for (auto [j, inDim] : llvm::enumerate(inDims)) {
      Value isJ = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, next,
                                        index(b, loc, j));
      dim = arith::SelectOp::create(
          b, loc, isJ, getValueOrCreateConstantIndexOp(b, loc, inDim), dim);
    }
    dims.push_back(
        arith::SelectOp::create(b, loc, inserted[i], one, dim).getResult());
    Value step =
        arith::SelectOp::create(b, loc, inserted[i], index(b, loc, 0), one);
    next = arith::AddIOp::create(b, loc, next, step);
  }
  return dims;
}

/// The dims of Squeeze with axes known at run time: the input dims not named
/// by an axis, in order. When the axes are invalid (a squeezed dim is not 1,
/// duplicates, out of range) the element count would not match the input's:
/// the result is then empty (all dims 0) rather than a read out of bounds.
SmallVector<OpFoldResult> squeezeDims(OpBuilder &b, Location loc, Value data,
                                      Value axes, int64_t outRank) {
  SmallVector<OpFoldResult> inDims = getDims(b, loc, data);
  int64_t inRank = inDims.size();
  SmallVector<Value> dropped = markAxes(b, loc, axes, inRank);
  Value zero = index(b, loc, 0), one = index(b, loc, 1);
  SmallVector<Value> dims(outRank, one);
  Value position = zero; // The result position of the next kept dim.
  for (int64_t j = 0; j < inRank; ++j) {
    Value inDim = getValueOrCreateConstantIndexOp(b, loc, inDims[j]);
    Value kept = arith::XOrIOp::create(
        b, loc, dropped[j], arith::ConstantIntOp::create(b, loc, 1, 1));
    for (int64_t i = 0; i < outRank; ++i) {
      Value here = arith::AndIOp::create(
          b, loc, kept,
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, position,
                                index(b, loc, i)));
      dims[i] = arith::SelectOp::create(b, loc, here, inDim, dims[i]);
    }
    position = arith::AddIOp::create(
        b, loc, position, arith::SelectOp::create(b, loc, kept, one, zero));
  }
  Value valid = arith::CmpIOp::create(
      b, loc, arith::CmpIPredicate::eq, productOf(b, loc, inDims),
      productOf(b, loc, SmallVector<OpFoldResult>(dims.begin(), dims.end())));
  SmallVector<OpFoldResult> result;
  for (Value dim : dims)
    result.push_back(
        arith::SelectOp::create(b, loc, valid, dim, zero).getResult());
  return result;
}

/// Squeeze and Unsqueeze: the result dims are the input dims with 1s
/// removed or inserted, which the result type already spells out except for
/// the dynamic input dims, taken in order. With axes known only at run time
/// every result dim is computed.
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
    Value axes = adaptor.getAxes();
    if (!onnx::isNoValue(op.getAxes()) && !getConstantIntValues(axes)) {
      SmallVector<OpFoldResult> dims =
          std::is_same_v<OpTy, onnx::SqueezeOp>
              ? squeezeDims(rewriter, loc, data, axes, type.getRank())
              : unsqueezeDims(rewriter, loc, data, axes, type.getRank());
      rewriter.replaceOp(op, reshapeTo(rewriter, loc, data, type, dims));
      return success();
    }
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

/// out[i] = in[offsets + i * strides] per dim, into `type` with `sizes`.
Value buildStridedGather(OpBuilder &b, Location loc, Value data,
                         RankedTensorType type, ArrayRef<OpFoldResult> sizes,
                         ArrayRef<OpFoldResult> offsets,
                         ArrayRef<OpFoldResult> strides) {
  int64_t rank = type.getRank();
  Value init = createEmpty(b, loc, type, sizes);
  auto generic = linalg::GenericOp::create(
      b, loc, type, ValueRange{}, init,
      SmallVector<AffineMap>{b.getMultiDimIdentityMap(rank)},
      SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
      [&](OpBuilder &nb, Location l, ValueRange) {
        SmallVector<Value> indices;
        for (int64_t d = 0; d < rank; ++d) {
          Value i = linalg::IndexOp::create(nb, l, d);
          Value scaled = arith::MulIOp::create(
              nb, l, i, getValueOrCreateConstantIndexOp(nb, l, strides[d]));
          indices.push_back(arith::AddIOp::create(
              nb, l, getValueOrCreateConstantIndexOp(nb, l, offsets[d]),
              scaled));
        }
        Value v = tensor::ExtractOp::create(nb, l, data, indices);
        linalg::YieldOp::create(nb, l, v);
      });
  return generic.getResult(0);
}

/// Slice whose axes or steps are only known at run time: each dim takes the
/// start, size and step of the entry whose axis names it (the last one when
/// several do), or the whole dim. A zero step (invalid) gives an empty dim.
struct SliceBounds {
  Value start, size, step;
};

SliceBounds computeSliceBounds(OpBuilder &b, Location loc, Value start,
                               Value end, Value step, Value dim) {
  auto minI = [&](Value x, Value y) {
    return arith::MinSIOp::create(b, loc, x, y).getResult();
  };
  auto maxI = [&](Value x, Value y) {
    return arith::MaxSIOp::create(b, loc, x, y).getResult();
  };
  auto addI = [&](Value x, Value y) {
    return arith::AddIOp::create(b, loc, x, y).getResult();
  };
  auto subI = [&](Value x, Value y) {
    return arith::SubIOp::create(b, loc, x, y).getResult();
  };
  Value zero = index(b, loc, 0), one = index(b, loc, 1);
  // Clamp before adding dim so that INT64_MIN/MAX bounds cannot wrap.
  auto normalize = [&](Value v, Value lo, Value hi) {
    v = maxI(minI(v, dim), subI(index(b, loc, -1), dim));
    Value isNeg =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, v, zero);
    v = arith::SelectOp::create(b, loc, isNeg, addI(v, dim), v);
    return maxI(minI(v, hi), lo);
  };
  Value positive =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, step, zero);
  Value isZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, step, zero);
  // |step|, at least 1 (a zero step gives size 0 below).
  Value magnitude = maxI(maxI(step, subI(zero, step)), one);
  Value posStart = normalize(start, zero, dim);
  Value posEnd = normalize(end, zero, dim);
  Value posSize =
      arith::CeilDivSIOp::create(b, loc, subI(posEnd, posStart), magnitude);
  Value last = subI(dim, one);
  Value negStart = normalize(start, zero, last);
  Value negEnd = normalize(end, index(b, loc, -1), last);
  Value negSize =
      arith::CeilDivSIOp::create(b, loc, subI(negStart, negEnd), magnitude);
  SliceBounds bounds;
  bounds.start = arith::SelectOp::create(b, loc, positive, posStart, negStart);
  Value size =
      maxI(arith::SelectOp::create(b, loc, positive, posSize, negSize), zero);
  bounds.size = arith::SelectOp::create(b, loc, isZero, zero, size);
  bounds.step = arith::SelectOp::create(b, loc, isZero, one, step);
  return bounds;
}

LogicalResult lowerRuntimeSlice(onnx::SliceOp op,
                                onnx::SliceOp::Adaptor adaptor,
                                ConversionPatternRewriter &rewriter,
                                RankedTensorType type, int64_t n) {
  Location loc = op.getLoc();
  Value data = adaptor.getData();
  int64_t rank = type.getRank();
  SmallVector<OpFoldResult> inDims = getDims(rewriter, loc, data);
  SmallVector<Value> starts, sizes, steps;
  for (int64_t d = 0; d < rank; ++d) {
    starts.push_back(index(rewriter, loc, 0));
    sizes.push_back(getValueOrCreateConstantIndexOp(rewriter, loc, inDims[d]));
    steps.push_back(index(rewriter, loc, 1));
  }
  bool noAxes = onnx::isNoValue(op.getAxes());
  bool noSteps = onnx::isNoValue(op.getSteps());
  for (int64_t i = 0; i < n; ++i) {
    Value axis =
        noAxes ? index(rewriter, loc, i)
               : normalizeAxisIndex(
                     rewriter, loc,
                     extractIndex(rewriter, loc, adaptor.getAxes(), i), rank);
    Value step = noSteps ? index(rewriter, loc, 1)
                         : extractIndex(rewriter, loc, adaptor.getSteps(), i);
    Value start = extractIndex(rewriter, loc, adaptor.getStarts(), i);
    Value end = extractIndex(rewriter, loc, adaptor.getEnds(), i);
    for (int64_t d = 0; d < rank; ++d) {
      Value hit = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::eq,
                                        axis, index(rewriter, loc, d));
      SliceBounds bounds = computeSliceBounds(
          rewriter, loc, start, end, step,
          getValueOrCreateConstantIndexOp(rewriter, loc, inDims[d]));
      starts[d] =
          arith::SelectOp::create(rewriter, loc, hit, bounds.start, starts[d]);
      sizes[d] =
          arith::SelectOp::create(rewriter, loc, hit, bounds.size, sizes[d]);
      steps[d] =
          arith::SelectOp::create(rewriter, loc, hit, bounds.step, steps[d]);
    }
  }
  SmallVector<OpFoldResult> offsets(starts.begin(), starts.end());
  SmallVector<OpFoldResult> strides(steps.begin(), steps.end());
  SmallVector<OpFoldResult> dims(sizes.begin(), sizes.end());
  for (int64_t d = 0; d < rank; ++d)
    if (!type.isDynamicDim(d))
      dims[d] = rewriter.getIndexAttr(type.getDimSize(d));
  rewriter.replaceOp(op, buildStridedGather(rewriter, loc, data, type, dims,
                                            offsets, strides));
  return success();
}

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
    for (Value operand :
         {adaptor.getEnds(), adaptor.getAxes(), adaptor.getSteps()}) {
      auto operandType = dyn_cast<RankedTensorType>(operand.getType());
      if (operandType &&
          (operandType.getRank() != 1 || operandType.getDimSize(0) != n))
        return reportUnsupported(
            op, "starts, ends, axes and steps differ in length");
    }
    SmallVector<int64_t> axes, steps;
    bool runtimeAxesOrSteps = false;
    if (onnx::isNoValue(op.getAxes())) {
      for (int64_t i = 0; i < n; ++i)
        axes.push_back(i);
    } else if (auto values = getConstantIntValues(op.getAxes())) {
      axes = *values;
    } else {
      runtimeAxesOrSteps = true;
    }
    if (onnx::isNoValue(op.getSteps()))
      steps.assign(n, 1);
    else if (auto values = getConstantIntValues(op.getSteps()))
      steps = *values;
    else
      runtimeAxesOrSteps = true;
    if (runtimeAxesOrSteps)
      return lowerRuntimeSlice(op, adaptor, rewriter, type, n);
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
    SmallVector<OpFoldResult> strideAttrs;
    for (int64_t s : strides)
      strideAttrs.push_back(rewriter.getIndexAttr(s));
    rewriter.replaceOp(op, buildStridedGather(rewriter, loc, data, type, sizes,
                                              offsets, strideAttrs));
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
