//===- GatherScatter.cpp - onnx to linalg: GatherElements, GatherND, scatters
//===//
//
// Gathers are a linalg.generic over the output whose body reads the data
// with tensor.extract at the (wrapped, clamped) index. Scatters are scf.for
// nests over the updates that tensor.insert into a fresh copy of the data,
// in order, so that later updates win (or combine, for reductions).
//
//===----------------------------------------------------------------------===//

#include "TensorOpsCommon.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

//===----------------------------------------------------------------------===//
// GatherElements, GatherND
//===----------------------------------------------------------------------===//

struct GatherElementsLowering : OpConversionPattern<onnx::GatherElementsOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::GatherElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    int64_t rank = type.getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    Value axisSize = dimValue(rewriter, loc, data, axis);
    SmallVector<Value> dataDims;
    for (int64_t i = 0; i < rank; ++i)
      dataDims.push_back(dimValue(rewriter, loc, data, i));
    bool idxUnsigned = isUnsignedElement(op.getIndices());
    Value result = buildIndexedGeneric(
        rewriter, loc, type, getDims(rewriter, loc, indices), indices,
        rewriter.getMultiDimIdentityMap(rank),
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange args) {
          Value idx = scalarToIndex(b, l, args[0], idxUnsigned);
          idx = clampIndex(b, l, wrapNegative(b, l, idx, axisSize), axisSize);
          SmallVector<Value> at;
          for (int64_t d = 0; d < rank; ++d)
            at.push_back(d == axis ? idx
                                   : clampIndex(b, l, ivs[d], dataDims[d]));
          return tensor::ExtractOp::create(b, l, data, at).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct GatherNDLowering : OpConversionPattern<onnx::GatherNDOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::GatherNDOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    auto dataType = cast<RankedTensorType>(data.getType());
    auto idxType = cast<RankedTensorType>(indices.getType());
    int64_t r = dataType.getRank(), q = idxType.getRank();
    int64_t batch = op.getBatchDims();
    int64_t k = idxType.getDimSize(q - 1);
    if (ShapedType::isDynamic(k))
      return reportUnsupported(op, "the last dim of indices must be static");
    SmallVector<OpFoldResult> dims;
    for (int64_t i = 0; i < q - 1; ++i)
      dims.push_back(getDim(rewriter, loc, indices, i));
    for (int64_t i = batch + k; i < r; ++i)
      dims.push_back(getDim(rewriter, loc, data, i));
    SmallVector<Value> dataDims;
    for (int64_t i = 0; i < r; ++i)
      dataDims.push_back(dimValue(rewriter, loc, data, i));
    bool idxUnsigned = isUnsignedElement(op.getIndices());
    Value result = buildIndexedGeneric(
        rewriter, loc, type, dims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          SmallVector<Value> at;
          for (int64_t i = 0; i < batch; ++i)
            at.push_back(clampIndex(b, l, ivs[i], dataDims[i]));
          SmallVector<Value> idxAt(ivs.take_front(q - 1));
          idxAt.push_back(Value());
          for (int64_t m = 0; m < k; ++m) {
            idxAt.back() = cIndex(b, l, m);
            Value v = tensor::ExtractOp::create(b, l, indices, idxAt);
            Value idx = scalarToIndex(b, l, v, idxUnsigned);
            Value size = dataDims[batch + m];
            at.push_back(clampIndex(b, l, wrapNegative(b, l, idx, size), size));
          }
          for (int64_t i = q - 1; i < type.getRank(); ++i)
            at.push_back(ivs[i]);
          return tensor::ExtractOp::create(b, l, data, at).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// ScatterElements, Scatter, ScatterND
//===----------------------------------------------------------------------===//

/// The reduction of a scatter: the new element from the old one and the
/// update.
Value combineScatter(OpBuilder &b, Location loc, StringRef reduction, Value old,
                     Value update, bool isUnsigned) {
  bool isFloat = isa<FloatType>(old.getType());
  if (reduction == "add")
    return isFloat ? (Value)arith::AddFOp::create(b, loc, old, update)
                   : (Value)arith::AddIOp::create(b, loc, old, update);
  if (reduction == "mul")
    return isFloat ? (Value)arith::MulFOp::create(b, loc, old, update)
                   : (Value)arith::MulIOp::create(b, loc, old, update);
  if (reduction == "max")
    return createMax(b, loc, old, update, isUnsigned);
  if (reduction == "min")
    return createMin(b, loc, old, update, isUnsigned);
  return update;
}

template <typename OpTy>
LogicalResult lowerScatterElements(OpTy op, Value data, Value indices,
                                   Value updates, StringRef reduction,
                                   ConversionPatternRewriter &rewriter) {
  Location loc = op.getLoc();
  auto dataType = cast<RankedTensorType>(data.getType());
  int64_t rank = dataType.getRank();
  int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
  Value axisSize = dimValue(rewriter, loc, data, axis);
  SmallVector<Value> dataDims, ubs;
  for (int64_t i = 0; i < rank; ++i) {
    dataDims.push_back(dimValue(rewriter, loc, data, i));
    ubs.push_back(dimValue(rewriter, loc, indices, i));
  }
  bool idxUnsigned = isUnsignedElement(op.getIndices());
  bool isUnsigned = isUnsignedElement(op.getData());
  Value init = copyTensor(rewriter, loc, data);
  SmallVector<Value> results = buildLoops(
      rewriter, loc, ubs, init,
      [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange iter) {
        Value v = tensor::ExtractOp::create(b, l, indices, ivs);
        Value idx = scalarToIndex(b, l, v, idxUnsigned);
        idx = clampIndex(b, l, wrapNegative(b, l, idx, axisSize), axisSize);
        SmallVector<Value> at;
        for (int64_t d = 0; d < rank; ++d)
          at.push_back(d == axis ? idx : clampIndex(b, l, ivs[d], dataDims[d]));
        Value update = tensor::ExtractOp::create(b, l, updates, ivs);
        Value old = tensor::ExtractOp::create(b, l, iter[0], at);
        Value next = combineScatter(b, l, reduction, old, update, isUnsigned);
        return SmallVector<Value>{
            tensor::InsertOp::create(b, l, next, iter[0], at).getResult()};
      });
  rewriter.replaceOp(op, results[0]);
  return success();
}

struct ScatterElementsLowering : OpConversionPattern<onnx::ScatterElementsOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ScatterElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    return lowerScatterElements(op, adaptor.getData(), adaptor.getIndices(),
                                adaptor.getUpdates(), op.getReduction(),
                                rewriter);
  }
};

struct ScatterLowering : OpConversionPattern<onnx::ScatterOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ScatterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    return lowerScatterElements(op, adaptor.getData(), adaptor.getIndices(),
                                adaptor.getUpdates(), "none", rewriter);
  }
};

struct ScatterNDLowering : OpConversionPattern<onnx::ScatterNDOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ScatterNDOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData(), indices = adaptor.getIndices(),
          updates = adaptor.getUpdates();
    auto dataType = cast<RankedTensorType>(data.getType());
    auto idxType = cast<RankedTensorType>(indices.getType());
    int64_t r = dataType.getRank(), q = idxType.getRank();
    int64_t k = idxType.getDimSize(q - 1);
    if (ShapedType::isDynamic(k))
      return reportUnsupported(op, "the last dim of indices must be static");
    SmallVector<Value> dataDims, ubs;
    for (int64_t i = 0; i < r; ++i)
      dataDims.push_back(dimValue(rewriter, loc, data, i));
    for (int64_t i = 0; i < q - 1; ++i)
      ubs.push_back(dimValue(rewriter, loc, indices, i));
    for (int64_t i = k; i < r; ++i)
      ubs.push_back(dataDims[i]);
    bool idxUnsigned = isUnsignedElement(op.getIndices());
    bool isUnsigned = isUnsignedElement(op.getData());
    StringRef reduction = op.getReduction();
    Value init = copyTensor(rewriter, loc, data);
    SmallVector<Value> results = buildLoops(
        rewriter, loc, ubs, init,
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange iter) {
          SmallVector<Value> idxAt(ivs.take_front(q - 1));
          idxAt.push_back(Value());
          SmallVector<Value> at;
          for (int64_t m = 0; m < k; ++m) {
            idxAt.back() = cIndex(b, l, m);
            Value v = tensor::ExtractOp::create(b, l, indices, idxAt);
            Value idx = scalarToIndex(b, l, v, idxUnsigned);
            at.push_back(clampIndex(b, l, wrapNegative(b, l, idx, dataDims[m]),
                                    dataDims[m]));
          }
          llvm::append_range(at, ivs.drop_front(q - 1));
          Value update = tensor::ExtractOp::create(b, l, updates, ivs);
          Value old = tensor::ExtractOp::create(b, l, iter[0], at);
          Value next = combineScatter(b, l, reduction, old, update, isUnsigned);
          return SmallVector<Value>{
              tensor::InsertOp::create(b, l, next, iter[0], at).getResult()};
        });
    rewriter.replaceOp(op, results[0]);
    return success();
  }
};

/// out[p] = update[p with the axis at p - write_indices[batch]] where that
/// lands inside the update (modulo the cache length when circular), else
/// past_cache[p]: a gather, so no copy of the cache is needed.
struct TensorScatterLowering : OpConversionPattern<onnx::TensorScatterOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::TensorScatterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value cache = adaptor.getPastCache(), update = adaptor.getUpdate();
    int64_t rank = type.getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    if (axis == 0)
      return reportUnsupported(op, "axis must not be the batch axis");
    bool circular = op.getMode() == "circular";
    Value length = dimValue(rewriter, loc, cache, axis);
    Value updateLength = dimValue(rewriter, loc, update, axis);
    bool hasIndices = !onnx::isNoValue(op.getWriteIndices());
    Value indices = adaptor.getWriteIndices();
    bool idxUnsigned = hasIndices && isUnsignedElement(op.getWriteIndices());
    Value result = buildIndexedGeneric(
        rewriter, loc, type, getDims(rewriter, loc, cache), cache,
        rewriter.getMultiDimIdentityMap(rank),
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange args) {
          Value start = cIndex(b, l, 0);
          if (hasIndices)
            start = scalarToIndex(
                b, l, tensor::ExtractOp::create(b, l, indices, ivs[0]),
                idxUnsigned);
          Value s = arith::SubIOp::create(b, l, ivs[axis], start);
          if (circular) {
            s = arith::RemSIOp::create(b, l, s, length);
            s = wrapNegative(b, l, s, length);
          }
          Value inside = arith::AndIOp::create(
              b, l,
              arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, s,
                                    cIndex(b, l, 0)),
              arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, s,
                                    updateLength));
          SmallVector<Value> at(ivs);
          at[axis] = clampIndex(b, l, s, updateLength);
          Value v = tensor::ExtractOp::create(b, l, update, at);
          return arith::SelectOp::create(b, l, inside, v, args[0]).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void populateTensorGatherScatterPatterns(const TypeConverter &converter,
                                         RewritePatternSet &patterns) {
  patterns
      .add<GatherElementsLowering, GatherNDLowering, ScatterElementsLowering,
           ScatterLowering, ScatterNDLowering, TensorScatterLowering>(
          converter, patterns.getContext());
}

} // namespace onnxc::lowering
