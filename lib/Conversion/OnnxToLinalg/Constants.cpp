//===- Constants.cpp - onnx to linalg: constants and shape queries --------===//
//
// Constant, Identity, Shape, Size, ConstantOfShape, Range.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

struct ConstantLowering : public OpConversionPattern<onnx::ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ConstantOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = getConvertedResultType(getTypeConverter(), op);
    ElementsAttr value = op.getValue();
    if (type != value.getType()) {
      // Unsigned element types become signless of the same width.
      if (auto dense = dyn_cast<DenseElementsAttr>(value))
        value = dense.bitcast(type.getElementType());
      else if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
        value = DenseResourceElementsAttr::get(type, resource.getRawHandle());
      else
        return reportUnsupported(op, "constant of an unsupported kind");
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, type,
                                                   cast<TypedAttr>(value));
    return success();
  }
};

struct IdentityLowering : public OpConversionPattern<onnx::IdentityOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::IdentityOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value input = adaptor.getX();
    if (input.getType() != type)
      input = tensor::CastOp::create(rewriter, op.getLoc(), type, input);
    rewriter.replaceOp(op, input);
    return success();
  }
};

Value indexToI64(OpBuilder &b, Location loc, OpFoldResult v) {
  Value index = getValueOrCreateConstantIndexOp(b, loc, v);
  return arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
}

struct ShapeLowering : public OpConversionPattern<onnx::ShapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ShapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = getConvertedResultType(getTypeConverter(), op);
    auto inputType = dyn_cast<RankedTensorType>(adaptor.getData().getType());
    if (!inputType)
      return reportUnsupported(op, "the input's rank is unknown");
    int64_t rank = inputType.getRank();
    auto clampDim = [&](int64_t v) {
      if (v < 0)
        v += rank;
      return std::max<int64_t>(0, std::min(v, rank));
    };
    int64_t start = clampDim(op.getStart().value_or(0));
    int64_t end = std::max(start, clampDim(op.getEnd().value_or(rank)));
    SmallVector<Value> dims;
    for (int64_t i = start; i < end; ++i)
      dims.push_back(indexToI64(rewriter, op.getLoc(),
                                getDim(rewriter, op.getLoc(),
                                       adaptor.getData(), i)));
    rewriter.replaceOpWithNewOp<tensor::FromElementsOp>(op, type, dims);
    return success();
  }
};

struct SizeLowering : public OpConversionPattern<onnx::SizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::SizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value product = arith::ConstantIndexOp::create(rewriter, loc, 1);
    for (OpFoldResult dim : getDims(rewriter, loc, adaptor.getData()))
      product = arith::MulIOp::create(
          rewriter, loc, product,
          getValueOrCreateConstantIndexOp(rewriter, loc, dim));
    Value size = arith::IndexCastOp::create(rewriter, loc, rewriter.getI64Type(),
                                            product);
    rewriter.replaceOpWithNewOp<tensor::FromElementsOp>(op, type, size);
    return success();
  }
};

struct ConstantOfShapeLowering
    : public OpConversionPattern<onnx::ConstantOfShapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ConstantOfShapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    SmallVector<OpFoldResult> dims;
    for (int64_t i = 0; i < type.getRank(); ++i) {
      if (!type.isDynamicDim(i)) {
        dims.push_back(rewriter.getIndexAttr(type.getDimSize(i)));
        continue;
      }
      dims.push_back(extractIndex(rewriter, loc, adaptor.getInput(), i));
    }
    Type elementType = type.getElementType();
    TypedAttr scalar;
    if (auto value = op.getValueAttr()) {
      auto dense = dyn_cast<DenseElementsAttr>(value);
      if (!dense)
        return reportUnsupported(op, "value must be an inline tensor");
      if (isa<FloatType>(elementType))
        scalar = rewriter.getFloatAttr(elementType,
                                       *dense.getValues<APFloat>().begin());
      else
        scalar = rewriter.getIntegerAttr(elementType,
                                         *dense.getValues<APInt>().begin());
    } else {
      scalar = rewriter.getZeroAttr(elementType);
    }
    Value fill = arith::ConstantOp::create(rewriter, loc, scalar);
    rewriter.replaceOp(op, createFilled(rewriter, loc, type, dims, fill));
    return success();
  }
};

struct RangeLowering : public OpConversionPattern<onnx::RangeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::RangeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type elementType = type.getElementType();
    // Scalars; a tensor of one element (as expanded functions pass) too.
    auto scalar = [&](Value t) -> Value {
      auto tensorType = dyn_cast<RankedTensorType>(t.getType());
      if (!tensorType || !tensorType.hasStaticShape() ||
          tensorType.getNumElements() != 1)
        return {};
      SmallVector<Value> zeros;
      if (tensorType.getRank() > 0)
        zeros.assign(tensorType.getRank(),
                     arith::ConstantIndexOp::create(rewriter, loc, 0));
      return tensor::ExtractOp::create(rewriter, loc, t, zeros);
    };
    Value start = scalar(adaptor.getStart());
    Value limit = scalar(adaptor.getLimit());
    Value delta = scalar(adaptor.getDelta());
    if (!start || !limit || !delta)
      return reportUnsupported(op, "start, limit and delta must be scalars");
    SmallVector<OpFoldResult> dims;
    if (!type.isDynamicDim(0)) {
      dims.push_back(rewriter.getIndexAttr(type.getDimSize(0)));
    } else {
      // n = max(ceil((limit - start) / delta), 0)
      Value n;
      if (isa<FloatType>(elementType)) {
        Value span = arith::SubFOp::create(rewriter, loc, limit, start);
        Value q = arith::DivFOp::create(rewriter, loc, span, delta);
        q = math::CeilOp::create(rewriter, loc, q);
        n = arith::FPToSIOp::create(rewriter, loc, rewriter.getI64Type(), q);
      } else {
        // delta = 0 is invalid; it gives an empty range instead of a trap.
        Value span = arith::SubIOp::create(rewriter, loc, limit, start);
        Value zeroDelta = createScalar(rewriter, loc, elementType, 0);
        Value isZero = arith::CmpIOp::create(
            rewriter, loc, arith::CmpIPredicate::eq, delta, zeroDelta);
        Value safe = arith::SelectOp::create(
            rewriter, loc, isZero, createScalar(rewriter, loc, elementType, 1),
            delta);
        span = arith::SelectOp::create(rewriter, loc, isZero, zeroDelta, span);
        n = arith::CeilDivSIOp::create(rewriter, loc, span, safe);
        n = convertScalar(rewriter, loc, n, rewriter.getI64Type(), false, false);
      }
      Value zero = createScalar(rewriter, loc, rewriter.getI64Type(), 0);
      n = arith::MaxSIOp::create(rewriter, loc, n, zero);
      dims.push_back(arith::IndexCastOp::create(rewriter, loc,
                                                rewriter.getIndexType(), n)
                         .getResult());
    }
    Value init = createEmpty(rewriter, loc, type, dims);
    auto generic = linalg::GenericOp::create(
        rewriter, loc, type, ValueRange{}, init,
        SmallVector<AffineMap>{rewriter.getMultiDimIdentityMap(1)},
        SmallVector<utils::IteratorType>{utils::IteratorType::parallel},
        [&](OpBuilder &b, Location l, ValueRange) {
          Value i = linalg::IndexOp::create(b, l, 0);
          Value iv = arith::IndexCastOp::create(b, l, b.getI64Type(), i);
          Value step = convertScalar(b, l, iv, elementType, false, false);
          Value value =
              isa<FloatType>(elementType)
                  ? Value(arith::AddFOp::create(
                        b, l, start, arith::MulFOp::create(b, l, step, delta)))
                  : Value(arith::AddIOp::create(
                        b, l, start, arith::MulIOp::create(b, l, step, delta)));
          linalg::YieldOp::create(b, l, value);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

} // namespace

void populateConstantPatterns(const TypeConverter &converter,
                              RewritePatternSet &patterns) {
  patterns.add<ConstantLowering, IdentityLowering, ShapeLowering, SizeLowering,
               ConstantOfShapeLowering, RangeLowering>(converter,
                                                       patterns.getContext());
}

} // namespace onnxc::lowering
