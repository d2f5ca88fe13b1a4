//===- Indexing.cpp - onnx to linalg: gather, expand, pad, tile -----------===//
//
// Ops whose outputs read their input at computed positions: a linalg.generic
// over the output whose body reads the input with tensor.extract. Every
// index is clamped into the input, so that no input makes the code read
// outside its buffers.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

Value cIndex(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

Value clampIndex(OpBuilder &b, Location loc, Value v, Value size) {
  Value zero = cIndex(b, loc, 0);
  Value last = arith::SubIOp::create(b, loc, size, cIndex(b, loc, 1));
  v = arith::MinSIOp::create(b, loc, v, last);
  return arith::MaxSIOp::create(b, loc, v, zero);
}

/// A generic over `type` (dims `dims`) with `inputs` read through `maps`,
/// whose body is `body(indices of the output, input scalars)`.
Value buildGather(OpBuilder &b, Location loc, RankedTensorType type,
                  ArrayRef<OpFoldResult> dims, ValueRange inputs,
                  ArrayRef<AffineMap> maps,
                  function_ref<Value(OpBuilder &, Location, ValueRange,
                                     ValueRange)>
                      body) {
  int64_t rank = type.getRank();
  Value init = createEmpty(b, loc, type, dims);
  SmallVector<AffineMap> allMaps(maps);
  allMaps.push_back(b.getMultiDimIdentityMap(rank));
  auto generic = linalg::GenericOp::create(
      b, loc, type, inputs, init, allMaps,
      SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
      [&](OpBuilder &nested, Location l, ValueRange args) {
        SmallVector<Value> ivs;
        for (int64_t d = 0; d < rank; ++d)
          ivs.push_back(linalg::IndexOp::create(nested, l, d));
        linalg::YieldOp::create(nested, l,
                                body(nested, l, ivs, args.drop_back()));
      });
  return generic.getResult(0);
}

struct GatherLowering : public OpConversionPattern<onnx::GatherOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    int64_t dataRank = cast<RankedTensorType>(data.getType()).getRank();
    int64_t idxRank = cast<RankedTensorType>(indices.getType()).getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + dataRank : op.getAxis();
    bool idxUnsigned = isUnsignedElement(op.getIndices());
    SmallVector<OpFoldResult> dims;
    for (int64_t i = 0; i < axis; ++i)
      dims.push_back(getDim(rewriter, loc, data, i));
    for (int64_t i = 0; i < idxRank; ++i)
      dims.push_back(getDim(rewriter, loc, indices, i));
    for (int64_t i = axis + 1; i < dataRank; ++i)
      dims.push_back(getDim(rewriter, loc, data, i));
    SmallVector<AffineExpr> idxExprs;
    for (int64_t i = 0; i < idxRank; ++i)
      idxExprs.push_back(rewriter.getAffineDimExpr(axis + i));
    AffineMap idxMap = AffineMap::get(type.getRank(), 0, idxExprs,
                                      rewriter.getContext());
    Value axisSize = getValueOrCreateConstantIndexOp(
        rewriter, loc, getDim(rewriter, loc, data, axis));
    Value result = buildGather(
        rewriter, loc, type, dims, indices, idxMap,
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange args) {
          Value idx = convertScalar(b, l, args[0], b.getI64Type(), idxUnsigned,
                                    false);
          idx = arith::IndexCastOp::create(b, l, b.getIndexType(), idx);
          Value isNeg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt,
                                              idx, cIndex(b, l, 0));
          idx = arith::SelectOp::create(
              b, l, isNeg, arith::AddIOp::create(b, l, idx, axisSize), idx);
          idx = clampIndex(b, l, idx, axisSize);
          SmallVector<Value> at(ivs.take_front(axis));
          at.push_back(idx);
          for (int64_t i = axis + idxRank; i < type.getRank(); ++i)
            at.push_back(ivs[i]);
          return tensor::ExtractOp::create(b, l, data, at).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ExpandLowering : public OpConversionPattern<onnx::ExpandOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ExpandOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value input = adaptor.getInput();
    auto inType = cast<RankedTensorType>(input.getType());
    int64_t rank = type.getRank(), offset = rank - inType.getRank();
    int64_t shapeLen =
        cast<RankedTensorType>(adaptor.getShape().getType()).getDimSize(0);
    if (ShapedType::isDynamic(shapeLen))
      return reportUnsupported(op, "the shape input has a length only known "
                                   "at run time");
    SmallVector<OpFoldResult> dims;
    for (int64_t i = 0; i < rank; ++i) {
      if (!type.isDynamicDim(i)) {
        dims.push_back(rewriter.getIndexAttr(type.getDimSize(i)));
        continue;
      }
      // out = shape[i] == 1 ? in[i] : shape[i] (numpy broadcasting).
      int64_t j = i - offset;
      Value in = j >= 0 ? getValueOrCreateConstantIndexOp(
                              rewriter, loc, getDim(rewriter, loc, input, j))
                        : cIndex(rewriter, loc, 1);
      int64_t s = i - (rank - shapeLen);
      if (s < 0) {
        dims.push_back(in);
        continue;
      }
      Value target = extractIndex(rewriter, loc, adaptor.getShape(), s);
      Value isOne = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::eq,
                                          target, cIndex(rewriter, loc, 1));
      dims.push_back(
          arith::SelectOp::create(rewriter, loc, isOne, in, target).getResult());
    }
    // Input dims of size 1 read index 0, the others the output index; for
    // dims only known at run time this is decided at run time.
    SmallVector<Value> inDims;
    for (int64_t j = 0; j < inType.getRank(); ++j)
      inDims.push_back(getValueOrCreateConstantIndexOp(
          rewriter, loc, getDim(rewriter, loc, input, j)));
    Value result = buildGather(
        rewriter, loc, type, dims, ValueRange{}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          SmallVector<Value> at;
          for (int64_t j = 0; j < inType.getRank(); ++j) {
            int64_t d = inType.getDimSize(j);
            if (d == 1) {
              at.push_back(cIndex(b, l, 0));
            } else if (!ShapedType::isDynamic(d)) {
              at.push_back(ivs[j + offset]);
            } else {
              Value isOne = arith::CmpIOp::create(
                  b, l, arith::CmpIPredicate::eq, inDims[j], cIndex(b, l, 1));
              Value i = arith::SelectOp::create(b, l, isOne, cIndex(b, l, 0),
                                                ivs[j + offset]);
              at.push_back(clampIndex(b, l, i, inDims[j]));
            }
          }
          return tensor::ExtractOp::create(b, l, input, at).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct TileLowering : public OpConversionPattern<onnx::TileOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::TileOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value input = adaptor.getInput();
    int64_t rank = type.getRank();
    SmallVector<Value> inDims;
    SmallVector<OpFoldResult> dims;
    for (int64_t i = 0; i < rank; ++i) {
      Value in = getValueOrCreateConstantIndexOp(rewriter, loc,
                                                 getDim(rewriter, loc, input, i));
      inDims.push_back(in);
      if (!type.isDynamicDim(i)) {
        dims.push_back(rewriter.getIndexAttr(type.getDimSize(i)));
        continue;
      }
      Value repeats = extractIndex(rewriter, loc, adaptor.getRepeats(), i);
      dims.push_back(arith::MulIOp::create(rewriter, loc, in, repeats).getResult());
    }
    Value result = buildGather(
        rewriter, loc, type, dims, ValueRange{}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          SmallVector<Value> at;
          for (int64_t i = 0; i < rank; ++i)
            at.push_back(arith::RemUIOp::create(b, l, ivs[i], inDims[i]));
          return tensor::ExtractOp::create(b, l, input, at).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct PadLowering : public OpConversionPattern<onnx::PadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value data = adaptor.getData();
    int64_t rank = type.getRank();
    SmallVector<int64_t> axes;
    Value runtimeAxes;
    if (onnx::isNoValue(op.getAxes())) {
      for (int64_t i = 0; i < rank; ++i)
        axes.push_back(i);
    } else if (auto values = getConstantIntValues(op.getAxes())) {
      for (int64_t a : *values)
        axes.push_back(a < 0 ? a + rank : a);
    } else {
      runtimeAxes = adaptor.getAxes();
      auto axesType = dyn_cast<RankedTensorType>(runtimeAxes.getType());
      if (!axesType || axesType.getRank() != 1 || axesType.isDynamicDim(0))
        return reportUnsupported(op, "axes must have a static length");
      axes.assign(axesType.getDimSize(0), 0);
    }
    int64_t n = axes.size();
    auto constPads = getConstantIntValues(op.getPads());
    if (constPads && llvm::any_of(*constPads, [](int64_t p) { return p < 0; }))
      return reportUnsupported(op, "negative pads (cropping)");
    if (constPads && static_cast<int64_t>(constPads->size()) != 2 * n)
      return reportUnsupported(op, "pads must hold two values per axis");
    SmallVector<OpFoldResult> low(rank, rewriter.getIndexAttr(0)),
        high(rank, rewriter.getIndexAttr(0));
    if (runtimeAxes) {
      // Each dim takes the pads of the entry whose axis names it (the last
      // one when several do); negative pads are clamped to 0.
      Value zero = cIndex(rewriter, loc, 0);
      for (int64_t i = 0; i < n; ++i) {
        Value axis = extractIndex(rewriter, loc, runtimeAxes, i);
        Value isNegative = arith::CmpIOp::create(
            rewriter, loc, arith::CmpIPredicate::slt, axis, zero);
        axis = arith::SelectOp::create(
            rewriter, loc, isNegative,
            arith::AddIOp::create(rewriter, loc, axis,
                                  cIndex(rewriter, loc, rank)),
            axis);
        auto padAt = [&](int64_t j) -> Value {
          Value pad = constPads
                          ? cIndex(rewriter, loc, (*constPads)[j])
                          : extractIndex(rewriter, loc, adaptor.getPads(), j);
          return arith::MaxSIOp::create(rewriter, loc, pad, zero);
        };
        Value lowPad = padAt(i), highPad = padAt(i + n);
        for (int64_t d = 0; d < rank; ++d) {
          Value hit =
              arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::eq,
                                    axis, cIndex(rewriter, loc, d));
          low[d] = arith::SelectOp::create(
                       rewriter, loc, hit, lowPad,
                       getValueOrCreateConstantIndexOp(rewriter, loc, low[d]))
                       .getResult();
          high[d] = arith::SelectOp::create(
                        rewriter, loc, hit, highPad,
                        getValueOrCreateConstantIndexOp(rewriter, loc, high[d]))
                        .getResult();
        }
      }
    }
    for (int64_t i = 0; i < n && !runtimeAxes; ++i) {
      if (constPads) {
        low[axes[i]] = rewriter.getIndexAttr((*constPads)[i]);
        high[axes[i]] = rewriter.getIndexAttr((*constPads)[i + n]);
      } else {
        // Run-time pads; negative values are clamped to 0.
        Value zero = cIndex(rewriter, loc, 0);
        low[axes[i]] = arith::MaxSIOp::create(
                           rewriter, loc,
                           extractIndex(rewriter, loc, adaptor.getPads(), i), zero)
                           .getResult();
        high[axes[i]] =
            arith::MaxSIOp::create(
                rewriter, loc,
                extractIndex(rewriter, loc, adaptor.getPads(), i + n), zero)
                .getResult();
      }
    }
    Type elementType = type.getElementType();
    StringRef mode = op.getMode();
    if (mode == "constant") {
      Value value;
      if (!onnx::isNoValue(op.getConstantValue()))
        value = tensor::ExtractOp::create(
            rewriter, loc, adaptor.getConstantValue(),
            SmallVector<Value>(
                cast<RankedTensorType>(adaptor.getConstantValue().getType())
                    .getRank(),
                cIndex(rewriter, loc, 0)));
      else
        value = arith::ConstantOp::create(rewriter, loc,
                                          rewriter.getZeroAttr(elementType));
      auto pad = tensor::PadOp::create(rewriter, loc, Type(), data, low, high,
                                       value);
      Value result = pad.getResult();
      if (result.getType() != type)
        result = tensor::CastOp::create(rewriter, loc, type, result);
      rewriter.replaceOp(op, result);
      return success();
    }
    // edge, reflect, wrap: out[o] = in[f(o - low)].
    SmallVector<Value> inDims;
    SmallVector<OpFoldResult> dims;
    for (int64_t i = 0; i < rank; ++i) {
      Value in = getValueOrCreateConstantIndexOp(rewriter, loc,
                                                 getDim(rewriter, loc, data, i));
      inDims.push_back(in);
      Value size = arith::AddIOp::create(
          rewriter, loc, in,
          arith::AddIOp::create(
              rewriter, loc,
              getValueOrCreateConstantIndexOp(rewriter, loc, low[i]),
              getValueOrCreateConstantIndexOp(rewriter, loc, high[i])));
      dims.push_back(type.isDynamicDim(i)
                         ? OpFoldResult(size)
                         : rewriter.getIndexAttr(type.getDimSize(i)));
    }
    Value result = buildGather(
        rewriter, loc, type, dims, ValueRange{}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          SmallVector<Value> at;
          for (int64_t d = 0; d < rank; ++d) {
            Value nd = inDims[d];
            Value i = arith::SubIOp::create(
                b, l, ivs[d], getValueOrCreateConstantIndexOp(b, l, low[d]));
            Value zero = cIndex(b, l, 0), one = cIndex(b, l, 1);
            Value last = arith::SubIOp::create(b, l, nd, one);
            if (mode == "edge") {
              i = clampIndex(b, l, i, nd);
            } else if (mode == "reflect") {
              // Mirror without repeating the edge; periodic with 2(n-1).
              Value period = arith::MaxSIOp::create(
                  b, l, arith::MulIOp::create(b, l, last, cIndex(b, l, 2)), one);
              Value m = arith::RemSIOp::create(b, l, i, period);
              Value isNeg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt,
                                                  m, zero);
              m = arith::SelectOp::create(
                  b, l, isNeg, arith::AddIOp::create(b, l, m, period), m);
              Value mirrored = arith::SubIOp::create(b, l, period, m);
              Value inRange = arith::CmpIOp::create(
                  b, l, arith::CmpIPredicate::sle, m, last);
              i = arith::SelectOp::create(b, l, inRange, m, mirrored);
              i = clampIndex(b, l, i, nd);
            } else {
              Value m = arith::RemSIOp::create(b, l, i, nd);
              Value isNeg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt,
                                                  m, zero);
              i = arith::SelectOp::create(b, l, isNeg,
                                          arith::AddIOp::create(b, l, m, nd), m);
              i = clampIndex(b, l, i, nd);
            }
            at.push_back(i);
          }
          return tensor::ExtractOp::create(b, l, data, at).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void populateIndexingPatterns(const TypeConverter &converter,
                              RewritePatternSet &patterns) {
  patterns.add<GatherLowering, ExpandLowering, TileLowering, PadLowering>(
      converter, patterns.getContext());
}

} // namespace onnxc::lowering
