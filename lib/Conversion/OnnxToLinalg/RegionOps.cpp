//===- RegionOps.cpp - onnx to linalg: Col2Im, RoiAlign, MaxUnpool, DeformConv
//===//
//
// Ops that gather windows or regions of their input: one linalg.generic over
// the output each, with scf.for loops over the window inside the body.
//
//===----------------------------------------------------------------------===//

#include "TensorOpsCommon.h"

#include <array>

using namespace mlir;

namespace onnxc::lowering {
namespace {

//===----------------------------------------------------------------------===//
// Col2Im
//===----------------------------------------------------------------------===//

/// out[n, c, p...] sums input[n, c * K + k, block(q)] over the kernel
/// positions k whose block q = (p + pad - k * dilation) / stride is a whole,
/// in-range block. Image and block shapes may be run-time values.
struct Col2ImLowering : OpConversionPattern<onnx::Col2ImOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::Col2ImOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value input = adaptor.getInput();
    Type e = type.getElementType();
    if (!isSupportedFloat(e) && !isa<IntegerType>(e))
      return reportUnsupported(op, "element type " + typeToString(e) +
                                       " is not supported by this op");
    int64_t r = type.getRank() - 2;
    auto attrAt = [](ArrayRef<int64_t> a, int64_t i, int64_t def) {
      return a.empty() ? def : a[i];
    };
    auto readAll = [&](Value t, bool isUnsigned) {
      SmallVector<Value> v;
      for (int64_t i = 0; i < r; ++i)
        v.push_back(scalarToIndex(
            rewriter, loc,
            tensor::ExtractOp::create(rewriter, loc, t,
                                      ValueRange{cIndex(rewriter, loc, i)}),
            isUnsigned));
      return v;
    };
    SmallVector<Value> image =
        readAll(adaptor.getImageShape(), isUnsignedElement(op.getImageShape()));
    SmallVector<Value> block =
        readAll(adaptor.getBlockShape(), isUnsignedElement(op.getBlockShape()));
    Value kernelSize = cIndex(rewriter, loc, 1);
    for (Value k : block)
      kernelSize = arith::MulIOp::create(rewriter, loc, kernelSize, k);
    SmallVector<Value> nBlocks, strides, dilations, padsBegin;
    for (int64_t i = 0; i < r; ++i) {
      int64_t s = attrAt(op.getStrides(), i, 1),
              d = attrAt(op.getDilations(), i, 1);
      int64_t pb = attrAt(op.getPads(), i, 0),
              pe = attrAt(op.getPads(), i + r, 0);
      strides.push_back(cIndex(rewriter, loc, s));
      dilations.push_back(cIndex(rewriter, loc, d));
      padsBegin.push_back(cIndex(rewriter, loc, pb));
      // (image + pads - d * (k - 1) - 1) / s + 1
      Value span = arith::AddIOp::create(rewriter, loc, image[i],
                                         cIndex(rewriter, loc, pb + pe - 1));
      span = arith::SubIOp::create(
          rewriter, loc, span,
          arith::MulIOp::create(
              rewriter, loc, dilations[i],
              arith::SubIOp::create(rewriter, loc, block[i],
                                    cIndex(rewriter, loc, 1))));
      nBlocks.push_back(arith::AddIOp::create(
          rewriter, loc,
          arith::DivSIOp::create(rewriter, loc, span, strides[i]),
          cIndex(rewriter, loc, 1)));
    }
    SmallVector<OpFoldResult> dims = {getDim(rewriter, loc, input, 0)};
    Value channels = arith::DivUIOp::create(
        rewriter, loc, dimValue(rewriter, loc, input, 1), kernelSize);
    dims.push_back(type.isDynamicDim(1)
                       ? OpFoldResult(channels)
                       : rewriter.getIndexAttr(type.getDimSize(1)));
    for (int64_t i = 0; i < r; ++i)
      dims.push_back(type.isDynamicDim(i + 2)
                         ? OpFoldResult(image[i])
                         : rewriter.getIndexAttr(type.getDimSize(i + 2)));
    Value cols = dimValue(rewriter, loc, input, 1);
    Value length = dimValue(rewriter, loc, input, 2);
    Type ct = isa<FloatType>(e) ? getComputeType(e) : e;
    Value result = buildIndexedGeneric(
        rewriter, loc, type, dims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) -> Value {
          Value zero = createScalar(b, l, ct, 0);
          SmallVector<Value> zeros(r, cIndex(b, l, 0)),
              ones(r, cIndex(b, l, 1));
          scf::LoopNest nest = scf::buildLoopNest(
              b, l, zeros, block, ones, ValueRange{zero},
              [&](OpBuilder &nb, Location nl, ValueRange k, ValueRange iter) {
                Value valid = arith::ConstantIntOp::create(nb, nl, 1, 1);
                Value kFlat = cIndex(nb, nl, 0), qFlat = cIndex(nb, nl, 0);
                for (int64_t i = 0; i < r; ++i) {
                  Value t = arith::SubIOp::create(
                      nb, nl,
                      arith::AddIOp::create(nb, nl, ivs[i + 2], padsBegin[i]),
                      arith::MulIOp::create(nb, nl, k[i], dilations[i]));
                  Value q = arith::DivSIOp::create(nb, nl, t, strides[i]);
                  Value exact = arith::CmpIOp::create(
                      nb, nl, arith::CmpIPredicate::eq,
                      arith::RemSIOp::create(nb, nl, t, strides[i]),
                      cIndex(nb, nl, 0));
                  Value inRange = arith::AndIOp::create(
                      nb, nl,
                      arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::sge,
                                            t, cIndex(nb, nl, 0)),
                      arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::slt,
                                            q, nBlocks[i]));
                  valid = arith::AndIOp::create(
                      nb, nl, valid,
                      arith::AndIOp::create(nb, nl, exact, inRange));
                  kFlat = arith::AddIOp::create(
                      nb, nl, arith::MulIOp::create(nb, nl, kFlat, block[i]),
                      k[i]);
                  qFlat = arith::AddIOp::create(
                      nb, nl, arith::MulIOp::create(nb, nl, qFlat, nBlocks[i]),
                      q);
                }
                Value col = arith::AddIOp::create(
                    nb, nl, arith::MulIOp::create(nb, nl, ivs[1], kernelSize),
                    kFlat);
                Value v = tensor::ExtractOp::create(
                    nb, nl, input,
                    ValueRange{ivs[0], clampIndex(nb, nl, col, cols),
                               clampIndex(nb, nl, qFlat, length)});
                v = convertScalar(nb, nl, v, ct, false, false);
                v = arith::SelectOp::create(nb, nl, valid, v,
                                            createScalar(nb, nl, ct, 0));
                Value sum =
                    isa<FloatType>(ct)
                        ? (Value)arith::AddFOp::create(nb, nl, iter[0], v)
                        : (Value)arith::AddIOp::create(nb, nl, iter[0], v);
                return scf::ValueVector{sum};
              });
          Value sum = nest.results.empty() ? zero : nest.results[0];
          return convertScalar(b, l, sum, e, false, false);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// RoiAlign
//===----------------------------------------------------------------------===//

/// Each output bin averages (or takes the max of) bilinear samples on a
/// grid inside its part of the region, as the reference does: samples
/// outside [-1, size] count as 0, coordinates are clamped into the map.
struct RoiAlignLowering : OpConversionPattern<onnx::RoiAlignOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::RoiAlignOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (!isSupportedFloat(e))
      return reportUnsupported(op, "element type " + typeToString(e) +
                                       " is not supported by this op");
    Value x = adaptor.getX(), rois = adaptor.getRois(),
          batchIndices = adaptor.getBatchIndices();
    Type ct = getComputeType(e);
    bool halfPixel = op.getCoordinateTransformationMode() == "half_pixel";
    bool isMax = op.getMode() == "max";
    int64_t outH = op.getOutputHeight(), outW = op.getOutputWidth();
    int64_t sampling = op.getSamplingRatio();
    double scale = op.getSpatialScale().convertToDouble();
    Value height = dimValue(rewriter, loc, x, 2);
    Value width = dimValue(rewriter, loc, x, 3);
    bool idxUnsigned = isUnsignedElement(op.getBatchIndices());
    SmallVector<OpFoldResult> dims = {
        getDim(rewriter, loc, batchIndices, 0), getDim(rewriter, loc, x, 1),
        rewriter.getIndexAttr(outH), rewriter.getIndexAttr(outW)};
    Value result = buildIndexedGeneric(
        rewriter, loc, type, dims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) -> Value {
          auto c = [&](double v) { return createScalar(b, l, ct, v); };
          auto add = [&](Value p, Value q) -> Value {
            return arith::AddFOp::create(b, l, p, q);
          };
          auto sub = [&](Value p, Value q) -> Value {
            return arith::SubFOp::create(b, l, p, q);
          };
          auto mul = [&](Value p, Value q) -> Value {
            return arith::MulFOp::create(b, l, p, q);
          };
          auto div = [&](Value p, Value q) -> Value {
            return arith::DivFOp::create(b, l, p, q);
          };
          auto toF = [&](Value i) {
            return arith::SIToFPOp::create(
                       b, l, ct,
                       arith::IndexCastOp::create(b, l, b.getI64Type(), i))
                .getResult();
          };
          Value r = ivs[0];
          Value batch = scalarToIndex(
              b, l, tensor::ExtractOp::create(b, l, batchIndices, r),
              idxUnsigned);
          batch = clampIndex(b, l, batch, dimValue(b, l, x, 0));
          auto coord = [&](int64_t k) {
            Value v = tensor::ExtractOp::create(b, l, rois,
                                                ValueRange{r, cIndex(b, l, k)});
            v = mul(convertScalar(b, l, v, ct, false, false), c(scale));
            return halfPixel ? sub(v, c(0.5)) : v;
          };
          Value x1 = coord(0), y1 = coord(1), x2 = coord(2), y2 = coord(3);
          Value roiW = sub(x2, x1), roiH = sub(y2, y1);
          if (!halfPixel) {
            roiW = arith::MaximumFOp::create(b, l, roiW, c(1));
            roiH = arith::MaximumFOp::create(b, l, roiH, c(1));
          }
          Value binH = div(roiH, c(outH)), binW = div(roiW, c(outW));
          auto gridOf = [&](Value bin) -> Value {
            if (sampling > 0)
              return cIndex(b, l, sampling);
            Value g = math::CeilOp::create(b, l, bin);
            return arith::IndexCastOp::create(
                b, l, b.getIndexType(),
                arith::FPToSIOp::create(b, l, b.getI64Type(), g));
          };
          Value gridH = gridOf(binH), gridW = gridOf(binW);
          Value count = arith::MaxSIOp::create(
              b, l, arith::MulIOp::create(b, l, gridH, gridW), cIndex(b, l, 1));
          Value baseY = add(y1, mul(toF(ivs[2]), binH));
          Value baseX = add(x1, mul(toF(ivs[3]), binW));
          Value heightF = toF(height), widthF = toF(width);
          Value one = cIndex(b, l, 1);
          auto outer = scf::ForOp::create(
              b, l, cIndex(b, l, 0), gridH, one,
              ValueRange{c(0), arith::ConstantIntOp::create(b, l, 1, 1)},
              [&](OpBuilder &yb, Location yl, Value iy, ValueRange yIter) {
                Value yy = add(
                    baseY, div(mul(add(toF(iy), c(0.5)), binH), toF(gridH)));
                auto inner = scf::ForOp::create(
                    yb, yl, cIndex(yb, yl, 0), gridW, one, yIter,
                    [&](OpBuilder &xb, Location xl, Value ix, ValueRange it) {
                      Value xx = add(baseX, div(mul(add(toF(ix), c(0.5)), binW),
                                                toF(gridW)));
                      auto lt = [&](Value p, Value q) {
                        return arith::CmpFOp::create(
                                   xb, xl, arith::CmpFPredicate::OLT, p, q)
                            .getResult();
                      };
                      auto gt = [&](Value p, Value q) {
                        return arith::CmpFOp::create(
                                   xb, xl, arith::CmpFPredicate::OGT, p, q)
                            .getResult();
                      };
                      Value outside = arith::OrIOp::create(
                          xb, xl,
                          arith::OrIOp::create(xb, xl, lt(yy, c(-1)),
                                               gt(yy, heightF)),
                          arith::OrIOp::create(xb, xl, lt(xx, c(-1)),
                                               gt(xx, widthF)));
                      // Low/high neighbors and the fraction along one dim.
                      auto axis = [&](Value v, Value size) {
                        v = arith::MaximumFOp::create(xb, xl, v, c(0));
                        Value low = arith::IndexCastOp::create(
                            xb, xl, xb.getIndexType(),
                            arith::FPToSIOp::create(xb, xl, xb.getI64Type(),
                                                    v));
                        Value last = arith::SubIOp::create(xb, xl, size, one);
                        Value atEnd = arith::CmpIOp::create(
                            xb, xl, arith::CmpIPredicate::sge, low, last);
                        low = arith::SelectOp::create(xb, xl, atEnd, last, low);
                        Value high = arith::SelectOp::create(
                            xb, xl, atEnd, last,
                            arith::AddIOp::create(xb, xl, low, one));
                        v = arith::SelectOp::create(xb, xl, atEnd, toF(last),
                                                    v);
                        Value frac = sub(v, toF(low));
                        return std::array<Value, 3>{
                            clampIndex(xb, xl, low, size),
                            clampIndex(xb, xl, high, size), frac};
                      };
                      auto ya = axis(yy, height);
                      auto xa = axis(xx, width);
                      Value ly = ya[2], lx = xa[2];
                      Value hy = sub(c(1), ly), hx = sub(c(1), lx);
                      auto read = [&](Value yi, Value xi) {
                        Value v = tensor::ExtractOp::create(
                            xb, xl, x, ValueRange{batch, ivs[1], yi, xi});
                        return convertScalar(xb, xl, v, ct, false, false);
                      };
                      Value t1 = mul(mul(hy, hx), read(ya[0], xa[0]));
                      Value t2 = mul(mul(hy, lx), read(ya[0], xa[1]));
                      Value t3 = mul(mul(ly, hx), read(ya[1], xa[0]));
                      Value t4 = mul(mul(ly, lx), read(ya[1], xa[1]));
                      Value acc = it[0], first = it[1];
                      Value next;
                      if (isMax) {
                        Value v = arith::MaximumFOp::create(
                            xb, xl, arith::MaximumFOp::create(xb, xl, t1, t2),
                            arith::MaximumFOp::create(xb, xl, t3, t4));
                        v = arith::SelectOp::create(xb, xl, outside, c(0), v);
                        next = arith::SelectOp::create(
                            xb, xl, first, v,
                            arith::MaximumFOp::create(xb, xl, acc, v));
                      } else {
                        Value v = add(add(t1, t2), add(t3, t4));
                        v = arith::SelectOp::create(xb, xl, outside, c(0), v);
                        next = add(acc, v);
                      }
                      scf::YieldOp::create(
                          xb, xl,
                          ValueRange{next, arith::ConstantIntOp::create(xb, xl,
                                                                        0, 1)});
                    });
                scf::YieldOp::create(yb, yl, inner.getResults());
              });
          Value v = outer.getResult(0);
          if (!isMax)
            v = div(v, toF(count));
          return convertScalar(b, l, v, e, false, false);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// MaxUnpool
//===----------------------------------------------------------------------===//

/// Zeros, then each value at its index: a flat index into the unpooled
/// shape computed from the attributes (which may differ from a given
/// output_shape, whose leading corner it fills).
struct MaxUnpoolLowering : OpConversionPattern<onnx::MaxUnpoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::MaxUnpoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value x = adaptor.getX(), indices = adaptor.getI();
    int64_t rank = type.getRank(), n = rank - 2;
    // The shape the indices refer to.
    SmallVector<Value> inferred = {dimValue(rewriter, loc, x, 0),
                                   dimValue(rewriter, loc, x, 1)};
    for (int64_t i = 0; i < n; ++i) {
      int64_t s = op.getStrides().empty() ? 1 : op.getStrides()[i];
      int64_t pads =
          op.getPads().empty() ? 0 : op.getPads()[i] + op.getPads()[i + n];
      Value in = dimValue(rewriter, loc, x, i + 2);
      Value v = arith::MulIOp::create(
          rewriter, loc,
          arith::SubIOp::create(rewriter, loc, in, cIndex(rewriter, loc, 1)),
          cIndex(rewriter, loc, s));
      inferred.push_back(arith::AddIOp::create(
          rewriter, loc, v,
          cIndex(rewriter, loc, op.getKernelShape()[i] - pads)));
    }
    SmallVector<OpFoldResult> dims;
    bool hasShape = !onnx::isNoValue(op.getOutputShape());
    for (int64_t d = 0; d < rank; ++d) {
      if (!type.isDynamicDim(d)) {
        dims.push_back(rewriter.getIndexAttr(type.getDimSize(d)));
        continue;
      }
      dims.push_back(hasShape ? OpFoldResult(scalarToIndex(
                                    rewriter, loc,
                                    tensor::ExtractOp::create(
                                        rewriter, loc, adaptor.getOutputShape(),
                                        ValueRange{cIndex(rewriter, loc, d)}),
                                    isUnsignedElement(op.getOutputShape())))
                              : OpFoldResult(inferred[d]));
    }
    Value zero = arith::ConstantOp::create(
        rewriter, loc, rewriter.getZeroAttr(type.getElementType()));
    Value out = createFilled(rewriter, loc, type, dims, zero);
    SmallVector<Value> outDims, ubs;
    for (int64_t d = 0; d < rank; ++d) {
      outDims.push_back(
          getValueOrCreateConstantIndexOp(rewriter, loc, dims[d]));
      ubs.push_back(dimValue(rewriter, loc, x, d));
    }
    bool idxUnsigned = isUnsignedElement(op.getI());
    Value result = buildLoops(
        rewriter, loc, ubs, out,
        [&](OpBuilder &b, Location l, ValueRange ivs,
            ValueRange iter) -> SmallVector<Value> {
          Value flat = scalarToIndex(
              b, l, tensor::ExtractOp::create(b, l, indices, ivs), idxUnsigned);
          // Unravel in the inferred shape, then check the output's bounds.
          SmallVector<Value> at(rank);
          Value inside = arith::ConstantIntOp::create(b, l, 1, 1);
          for (int64_t d = rank - 1; d >= 0; --d) {
            at[d] = arith::RemSIOp::create(b, l, flat, inferred[d]);
            flat = arith::DivSIOp::create(b, l, flat, inferred[d]);
            Value ok = arith::AndIOp::create(
                b, l,
                arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, at[d],
                                      cIndex(b, l, 0)),
                arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, at[d],
                                      outDims[d]));
            inside = arith::AndIOp::create(b, l, inside, ok);
          }
          auto ifOp = scf::IfOp::create(
              b, l, inside,
              [&](OpBuilder &tb, Location tl) {
                Value v = tensor::ExtractOp::create(tb, tl, x, ivs);
                scf::YieldOp::create(tb, tl,
                                     ValueRange{tensor::InsertOp::create(
                                         tb, tl, v, iter[0], at)});
              },
              [&](OpBuilder &eb, Location el) {
                scf::YieldOp::create(eb, el, iter[0]);
              });
          return {ifOp.getResult(0)};
        })[0];
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// DeformConv
//===----------------------------------------------------------------------===//

/// out[n, oc, i, j] = B[oc] + sum over the group's input channels and the
/// kernel taps of W * mask * X sampled bilinearly (zero outside) at the
/// tap's position moved by its offset.
struct DeformConvLowering : OpConversionPattern<onnx::DeformConvOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::DeformConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (!isSupportedFloat(e))
      return reportUnsupported(op, "element type " + typeToString(e) +
                                       " is not supported by this op");
    Value x = adaptor.getX(), w = adaptor.getW(), offset = adaptor.getOffset();
    auto wType = cast<RankedTensorType>(w.getType());
    SmallVector<int64_t> kernel(op.getKernelShape());
    if (kernel.empty())
      kernel.assign(wType.getShape().begin() + 2, wType.getShape().end());
    if (kernel.size() != 2 || ShapedType::isDynamic(kernel[0]) ||
        ShapedType::isDynamic(kernel[1]))
      return reportUnsupported(op, "the kernel shape must be static and 2-D");
    auto attr = [](ArrayRef<int64_t> a, int64_t i, int64_t def) {
      return a.empty() ? def : a[i];
    };
    int64_t strides[2] = {attr(op.getStrides(), 0, 1),
                          attr(op.getStrides(), 1, 1)};
    int64_t dilations[2] = {attr(op.getDilations(), 0, 1),
                            attr(op.getDilations(), 1, 1)};
    int64_t padsBegin[2] = {attr(op.getPads(), 0, 0), attr(op.getPads(), 1, 0)};
    int64_t group = op.getGroup(), offsetGroup = op.getOffsetGroup();
    Type ct = getComputeType(e);
    Value channels = dimValue(rewriter, loc, x, 1);
    Value height = dimValue(rewriter, loc, x, 2);
    Value width = dimValue(rewriter, loc, x, 3);
    Value icPerGroup = dimValue(rewriter, loc, w, 1);
    Value ocPerGroup =
        arith::DivUIOp::create(rewriter, loc, dimValue(rewriter, loc, w, 0),
                               cIndex(rewriter, loc, group));
    Value icPerOffsetGroup = arith::DivUIOp::create(
        rewriter, loc, channels, cIndex(rewriter, loc, offsetGroup));
    bool hasBias = !onnx::isNoValue(op.getB());
    bool hasMask = !onnx::isNoValue(op.getMask());
    Value bias = adaptor.getB(), mask = adaptor.getMask();
    int64_t taps = kernel[0] * kernel[1];
    SmallVector<OpFoldResult> dims = {
        getDim(rewriter, loc, x, 0), getDim(rewriter, loc, w, 0),
        getDim(rewriter, loc, offset, 2), getDim(rewriter, loc, offset, 3)};
    Value result = buildIndexedGeneric(
        rewriter, loc, type, dims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) -> Value {
          auto c = [&](double v) { return createScalar(b, l, ct, v); };
          auto toF = [&](Value i) {
            return arith::SIToFPOp::create(
                       b, l, ct,
                       arith::IndexCastOp::create(b, l, b.getI64Type(), i))
                .getResult();
          };
          Value n = ivs[0], oc = ivs[1], i = ivs[2], j = ivs[3];
          Value g = arith::DivUIOp::create(b, l, oc, ocPerGroup);
          Value firstIc = arith::MulIOp::create(b, l, g, icPerGroup);
          Value init =
              hasBias ? convertScalar(b, l,
                                      tensor::ExtractOp::create(b, l, bias, oc),
                                      ct, false, false)
                      : c(0);
          auto loop = scf::ForOp::create(
              b, l, cIndex(b, l, 0), icPerGroup, cIndex(b, l, 1),
              ValueRange{init},
              [&](OpBuilder &nb, Location nl, Value icg, ValueRange iter) {
                auto add = [&](Value p, Value q) -> Value {
                  return arith::AddFOp::create(nb, nl, p, q);
                };
                auto mul = [&](Value p, Value q) -> Value {
                  return arith::MulFOp::create(nb, nl, p, q);
                };
                auto sub = [&](Value p, Value q) -> Value {
                  return arith::SubFOp::create(nb, nl, p, q);
                };
                Value ic = arith::AddIOp::create(nb, nl, firstIc, icg);
                Value og = arith::DivUIOp::create(nb, nl, ic, icPerOffsetGroup);
                Value acc = iter[0];
                for (int64_t kh = 0; kh < kernel[0]; ++kh) {
                  for (int64_t kw = 0; kw < kernel[1]; ++kw) {
                    int64_t tap = kh * kernel[1] + kw;
                    auto offsetAt = [&](int64_t k) {
                      Value ch = arith::AddIOp::create(
                          nb, nl,
                          arith::MulIOp::create(nb, nl, og,
                                                cIndex(nb, nl, 2 * taps)),
                          cIndex(nb, nl, 2 * tap + k));
                      return convertScalar(
                          nb, nl,
                          tensor::ExtractOp::create(nb, nl, offset,
                                                    ValueRange{n, ch, i, j}),
                          ct, false, false);
                    };
                    Value y = add(
                        toF(arith::AddIOp::create(
                            nb, nl,
                            arith::MulIOp::create(nb, nl, i,
                                                  cIndex(nb, nl, strides[0])),
                            cIndex(nb, nl, kh * dilations[0] - padsBegin[0]))),
                        offsetAt(0));
                    Value xx = add(
                        toF(arith::AddIOp::create(
                            nb, nl,
                            arith::MulIOp::create(nb, nl, j,
                                                  cIndex(nb, nl, strides[1])),
                            cIndex(nb, nl, kw * dilations[1] - padsBegin[1]))),
                        offsetAt(1));
                    // Bilinear sample, zero outside the map.
                    Value y0f = math::FloorOp::create(nb, nl, y);
                    Value x0f = math::FloorOp::create(nb, nl, xx);
                    Value fy = sub(y, y0f), fx = sub(xx, x0f);
                    auto toIdx = [&](Value f) {
                      return arith::IndexCastOp::create(
                                 nb, nl, nb.getIndexType(),
                                 arith::FPToSIOp::create(nb, nl,
                                                         nb.getI64Type(), f))
                          .getResult();
                    };
                    Value y0 = toIdx(y0f), x0 = toIdx(x0f);
                    Value sample = c(0);
                    for (int64_t dy = 0; dy < 2; ++dy) {
                      for (int64_t dx = 0; dx < 2; ++dx) {
                        Value yy = arith::AddIOp::create(nb, nl, y0,
                                                         cIndex(nb, nl, dy));
                        Value xi = arith::AddIOp::create(nb, nl, x0,
                                                         cIndex(nb, nl, dx));
                        auto inRange = [&](Value v, Value size) {
                          return arith::AndIOp::create(
                              nb, nl,
                              arith::CmpIOp::create(nb, nl,
                                                    arith::CmpIPredicate::sge,
                                                    v, cIndex(nb, nl, 0)),
                              arith::CmpIOp::create(
                                  nb, nl, arith::CmpIPredicate::slt, v, size));
                        };
                        Value ok = arith::AndIOp::create(
                            nb, nl, inRange(yy, height), inRange(xi, width));
                        Value v = convertScalar(
                            nb, nl,
                            tensor::ExtractOp::create(
                                nb, nl, x,
                                ValueRange{n, ic,
                                           clampIndex(nb, nl, yy, height),
                                           clampIndex(nb, nl, xi, width)}),
                            ct, false, false);
                        v = arith::SelectOp::create(nb, nl, ok, v, c(0));
                        Value wy = dy ? fy : sub(c(1), fy);
                        Value wx = dx ? fx : sub(c(1), fx);
                        sample = add(sample, mul(mul(wy, wx), v));
                      }
                    }
                    Value weight = convertScalar(
                        nb, nl,
                        tensor::ExtractOp::create(
                            nb, nl, w,
                            ValueRange{oc, icg, cIndex(nb, nl, kh),
                                       cIndex(nb, nl, kw)}),
                        ct, false, false);
                    Value term = mul(weight, sample);
                    if (hasMask) {
                      Value ch = arith::AddIOp::create(
                          nb, nl,
                          arith::MulIOp::create(nb, nl, og,
                                                cIndex(nb, nl, taps)),
                          cIndex(nb, nl, tap));
                      term =
                          mul(term, convertScalar(nb, nl,
                                                  tensor::ExtractOp::create(
                                                      nb, nl, mask,
                                                      ValueRange{n, ch, i, j}),
                                                  ct, false, false));
                    }
                    acc = add(acc, term);
                  }
                }
                scf::YieldOp::create(nb, nl, acc);
              });
          return convertScalar(b, l, loop.getResult(0), e, false, false);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void populateTensorRegionPatterns(const TypeConverter &converter,
                                  RewritePatternSet &patterns) {
  patterns.add<Col2ImLowering, RoiAlignLowering, MaxUnpoolLowering,
               DeformConvLowering>(converter, patterns.getContext());
}

} // namespace onnxc::lowering
