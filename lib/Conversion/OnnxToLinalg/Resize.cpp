//===- Resize.cpp - onnx to linalg: Resize, Upsample, GridSample, ... -----===//
//
// Resize is separable: one linalg.generic per resized axis, each computing
// the source coordinate of its output position in f64 (as the ONNX reference
// does, so that nearest rounding matches) and summing the weighted taps of
// the interpolation kernel read with tensor.extract at clamped positions.
// Scales, sizes and roi may be known only at run time; so may the output
// sizes. GridSample and AffineGrid are one generic each.
//
//===----------------------------------------------------------------------===//

#include "TensorOpsCommon.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

using FP = arith::CmpFPredicate;

Value cF64(OpBuilder &b, Location loc, double v) {
  return arith::ConstantOp::create(b, loc, b.getF64FloatAttr(v));
}

Value indexToF64(OpBuilder &b, Location loc, Value v) {
  Value i = arith::IndexCastOp::create(b, loc, b.getI64Type(), v);
  return arith::SIToFPOp::create(b, loc, b.getF64Type(), i);
}

Value f64ToIndex(OpBuilder &b, Location loc, Value v) {
  Value i = arith::FPToSIOp::create(b, loc, b.getI64Type(), v);
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), i);
}

Value toF64(OpBuilder &b, Location loc, Value v, bool isUnsigned) {
  return convertScalar(b, loc, v, b.getF64Type(), isUnsigned, false);
}

struct Arith {
  OpBuilder &b;
  Location loc;
  Value add(Value x, Value y) { return arith::AddFOp::create(b, loc, x, y); }
  Value sub(Value x, Value y) { return arith::SubFOp::create(b, loc, x, y); }
  Value mul(Value x, Value y) { return arith::MulFOp::create(b, loc, x, y); }
  Value div(Value x, Value y) { return arith::DivFOp::create(b, loc, x, y); }
  Value c(double v) { return cF64(b, loc, v); }
  Value cmp(FP pred, Value x, Value y) {
    return arith::CmpFOp::create(b, loc, pred, x, y);
  }
  Value select(Value cond, Value x, Value y) {
    return arith::SelectOp::create(b, loc, cond, x, y);
  }
  Value floor(Value x) { return math::FloorOp::create(b, loc, x); }
  Value abs(Value x) { return math::AbsFOp::create(b, loc, x); }
};

/// The Keys cubic kernel with coefficient `a` at distance |x|.
Value cubicKernel(Arith &m, Value x, Value a) {
  x = m.abs(x);
  Value x2 = m.mul(x, x), x3 = m.mul(x2, x);
  // (a + 2)|x|^3 - (a + 3)|x|^2 + 1 for |x| <= 1.
  Value near = m.add(
      m.sub(m.mul(m.add(a, m.c(2)), x3), m.mul(m.add(a, m.c(3)), x2)), m.c(1));
  // a|x|^3 - 5a|x|^2 + 8a|x| - 4a for 1 < |x| < 2.
  Value far = m.sub(m.add(m.sub(m.mul(a, x3), m.mul(m.mul(m.c(5), a), x2)),
                          m.mul(m.mul(m.c(8), a), x)),
                    m.mul(m.c(4), a));
  Value r = m.select(m.cmp(FP::OLT, x, m.c(2)), far, m.c(0));
  return m.select(m.cmp(FP::OLE, x, m.c(1)), near, r);
}

/// Everything a one-axis resize needs, as run-time values.
struct AxisParams {
  int64_t axis;
  Value scale;    // f64
  Value outSize;  // index
  Value outWidth; // f64: scale * input size, the reference's output_width
  Value roiStart, roiEnd; // f64, for tf_crop_and_resize
};

struct ResizeConfig {
  StringRef mode, coordMode, nearestMode;
  bool antialias, excludeOutside;
  double cubicA, extrapolation;
};

/// Resizes `input` along one axis into a tensor of element type `computeType`
/// (the output's own type for nearest).
Value resizeAxis(OpBuilder &rewriter, Location loc, Value input,
                 const AxisParams &p, const ResizeConfig &cfg,
                 Type resultElementType, int64_t staticOut, bool inUnsigned) {
  auto inType = cast<RankedTensorType>(input.getType());
  int64_t axis = p.axis;
  SmallVector<int64_t> shape(inType.getShape());
  shape[axis] = staticOut;
  auto type = RankedTensorType::get(shape, resultElementType);
  SmallVector<OpFoldResult> dims = getDims(rewriter, loc, input);
  dims[axis] = ShapedType::isDynamic(staticOut)
                   ? OpFoldResult(p.outSize)
                   : rewriter.getIndexAttr(staticOut);
  Value inSize = dimValue(rewriter, loc, input, axis);
  Value inF = indexToF64(rewriter, loc, inSize);
  bool nearest = cfg.mode == "nearest";
  bool cubic = cfg.mode == "cubic";
  Arith m{rewriter, loc};
  // Number of taps and the first one's offset from the left neighbor.
  Value taps, firstTap;
  Value filterScale = m.c(1);
  if (nearest) {
    taps = cIndex(rewriter, loc, 2);
  } else if (cfg.antialias) {
    filterScale = arith::MinimumFOp::create(rewriter, loc, p.scale, m.c(1));
    Value support = m.c(cubic ? 2 : 1);
    Value start =
        m.add(m.floor(m.div(m.sub(m.c(0), support), filterScale)), m.c(1));
    Value first = f64ToIndex(rewriter, loc, start);
    taps = arith::SubIOp::create(
        rewriter, loc, cIndex(rewriter, loc, 2),
        arith::MulIOp::create(rewriter, loc, first, cIndex(rewriter, loc, 2)));
  } else {
    taps = cIndex(rewriter, loc, cubic ? 4 : 2);
  }
  // first = 1 - taps / 2.
  firstTap = arith::SubIOp::create(
      rewriter, loc, cIndex(rewriter, loc, 1),
      arith::DivSIOp::create(rewriter, loc, taps, cIndex(rewriter, loc, 2)));
  Type accType = nearest ? resultElementType : rewriter.getF64Type();
  Value extrapolation =
      createScalar(rewriter, loc, resultElementType, cfg.extrapolation);
  Value cubicA = m.c(cfg.cubicA);

  Value result = buildIndexedGeneric(
      rewriter, loc, type, dims, {}, {},
      [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) -> Value {
        Arith a{b, l};
        Value y = indexToF64(b, l, ivs[axis]);
        Value one = a.c(1), half = a.c(0.5);
        Value isOne = a.cmp(FP::OEQ, p.outWidth, one);
        Value x, outside;
        StringRef mode = cfg.coordMode;
        Value halfPixel = a.sub(a.div(a.add(y, half), p.scale), half);
        if (mode == "asymmetric") {
          x = a.div(y, p.scale);
        } else if (mode == "tf_half_pixel_for_nn") {
          // Resize-11 only: (y + 0.5) / scale.
          x = a.div(a.add(y, half), p.scale);
        } else if (mode == "align_corners") {
          x = a.select(
              isOne, a.c(0),
              a.div(a.mul(y, a.sub(inF, one)), a.sub(p.outWidth, one)));
        } else if (mode == "pytorch_half_pixel") {
          x = a.select(isOne, a.c(-0.5), halfPixel);
        } else if (mode == "half_pixel_symmetric") {
          Value adjustment = a.div(indexToF64(b, l, p.outSize), p.outWidth);
          Value center = a.div(inF, a.c(2));
          Value offset = a.mul(center, a.sub(one, adjustment));
          x = a.add(offset, halfPixel);
        } else if (mode == "tf_crop_and_resize") {
          Value span = a.sub(p.roiEnd, p.roiStart);
          Value inM1 = a.sub(inF, one);
          Value single = a.div(a.mul(span, inM1), a.c(2));
          Value many =
              a.div(a.mul(a.mul(y, span), inM1), a.sub(p.outWidth, one));
          x = a.add(a.select(isOne, single, many), a.mul(p.roiStart, inM1));
          outside = arith::OrIOp::create(b, l, a.cmp(FP::OLT, x, a.c(0)),
                                         a.cmp(FP::OGT, x, inM1));
        } else {
          x = halfPixel;
        }
        // ratio in (0, 1]: the left neighbor is x - ratio.
        Value fl = a.floor(x);
        Value isInt = a.cmp(FP::OEQ, x, fl);
        Value ratio = a.select(isInt, one, a.sub(x, fl));
        Value left = f64ToIndex(b, l, a.sub(x, ratio));
        Value last = arith::SubIOp::create(b, l, inSize, cIndex(b, l, 1));
        auto readAt = [&](OpBuilder &nb, Location nl, Value pos) {
          SmallVector<Value> at(ivs);
          at[axis] = clampIndex(nb, nl, pos, inSize);
          return tensor::ExtractOp::create(nb, nl, input, at).getResult();
        };
        Value value;
        if (nearest) {
          Value pick;
          StringRef nm = cfg.nearestMode;
          if (nm == "floor")
            pick = a.cmp(FP::OGE, ratio, one);
          else if (nm == "ceil")
            pick = arith::ConstantIntOp::create(b, l, 1, 1);
          else if (nm == "round_prefer_ceil")
            pick = a.cmp(FP::OGE, ratio, half);
          else
            pick = a.cmp(FP::OGT, ratio, half);
          Value pos = arith::AddIOp::create(
              b, l, left,
              arith::SelectOp::create(b, l, pick, cIndex(b, l, 1),
                                      cIndex(b, l, 0)));
          value = readAt(b, l, pos);
        } else {
          auto loop = scf::ForOp::create(
              b, l, cIndex(b, l, 0), taps, cIndex(b, l, 1),
              ValueRange{a.c(0), a.c(0)},
              [&](OpBuilder &nb, Location nl, Value t, ValueRange iter) {
                Arith n{nb, nl};
                Value offset = arith::AddIOp::create(nb, nl, firstTap, t);
                Value pos = arith::AddIOp::create(nb, nl, left, offset);
                Value d = n.sub(indexToF64(nb, nl, offset), ratio);
                Value w;
                if (cubic) {
                  w = cubicKernel(n, n.mul(d, filterScale), cubicA);
                } else {
                  w = arith::MaximumFOp::create(
                      nb, nl, n.c(0),
                      n.sub(n.c(1), n.abs(n.mul(d, filterScale))));
                }
                if (cfg.excludeOutside) {
                  Value in = arith::AndIOp::create(
                      nb, nl,
                      arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::sge,
                                            pos, cIndex(nb, nl, 0)),
                      arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::sle,
                                            pos, last));
                  w = n.select(in, w, n.c(0));
                }
                Value v = toF64(nb, nl, readAt(nb, nl, pos), inUnsigned);
                scf::YieldOp::create(
                    nb, nl,
                    ValueRange{n.add(iter[0], n.mul(w, v)), n.add(iter[1], w)});
              });
          value = loop.getResult(0);
          if (cfg.antialias || cfg.excludeOutside) {
            Value sum = loop.getResult(1);
            Value zero = a.cmp(FP::OEQ, sum, a.c(0));
            value = a.div(value, a.select(zero, one, sum));
          }
          value = convertScalar(b, l, value, accType, false, false);
          if (resultElementType != accType)
            value = convertScalar(b, l, value, resultElementType, false, false);
        }
        if (outside)
          value = arith::SelectOp::create(b, l, outside, extrapolation, value);
        return value;
      });
  return result;
}

/// The element type intermediate passes of linear/cubic resizes keep: f32
/// (f64 for f64 inputs).
Type intermediateType(OpBuilder &b, Type e) {
  return e.isF64() ? e : b.getF32Type();
}

/// The final element type of `v` converted to `e` (integers: rounded half to
/// even and saturated, as the reference does).
Value finishResize(OpBuilder &b, Location loc, Value v, RankedTensorType type,
                   bool isUnsigned) {
  auto vType = cast<RankedTensorType>(v.getType());
  Type e = type.getElementType();
  if (vType.getElementType() == e)
    return castTo(b, loc, v, type);
  Value converted = buildElementwise(
      b, loc, vType.clone(e), v, [&](OpBuilder &nb, Location l, ValueRange a) {
        Value x = a[0];
        if (auto intType = dyn_cast<IntegerType>(e)) {
          x = math::RoundEvenOp::create(nb, l, x);
          unsigned w = intType.getWidth();
          double lo = isUnsigned ? 0 : -std::ldexp(1.0, w - 1);
          double hi =
              isUnsigned ? std::ldexp(1.0, w) - 1 : std::ldexp(1.0, w - 1) - 1;
          x = arith::MaximumFOp::create(nb, l, x,
                                        createScalar(nb, l, x.getType(), lo));
          x = arith::MinimumFOp::create(nb, l, x,
                                        createScalar(nb, l, x.getType(), hi));
        }
        return convertScalar(nb, l, x, e, false, isUnsigned);
      });
  return castTo(b, loc, converted, type);
}

/// Reads element `i` of a 1-D tensor as f64.
Value readF64(OpBuilder &b, Location loc, Value tensor, int64_t i,
              bool isUnsigned) {
  Value v =
      tensor::ExtractOp::create(b, loc, tensor, ValueRange{cIndex(b, loc, i)});
  return toF64(b, loc, v, isUnsigned);
}

LogicalResult lowerResize(Operation *op, Value x, RankedTensorType type,
                          SmallVectorImpl<int64_t> &axes, Value scales,
                          Value sizes, Value roi, const ResizeConfig &cfg,
                          StringRef keepAspect, bool xUnsigned,
                          bool sizesUnsigned,
                          ConversionPatternRewriter &rewriter) {
  Location loc = op->getLoc();
  Type e = type.getElementType();
  if (!isSupportedFloat(e) && !isa<IntegerType>(e))
    return reportUnsupported(op, "element type " + typeToString(e) +
                                     " is not supported by this op");
  if (cfg.mode != "nearest" && isa<IntegerType>(e) &&
      cast<IntegerType>(e).getWidth() == 1)
    return reportUnsupported(op, "linear and cubic resizes of booleans");
  Arith m{rewriter, loc};
  int64_t n = axes.size();
  SmallVector<AxisParams> params;
  SmallVector<Value> sizeValues;
  if (sizes) {
    for (int64_t i = 0; i < n; ++i)
      sizeValues.push_back(arith::FPToSIOp::create(
          rewriter, loc, rewriter.getI64Type(),
          readF64(rewriter, loc, sizes, i, sizesUnsigned)));
  }
  Value common;
  for (int64_t i = 0; i < n; ++i) {
    AxisParams p;
    p.axis = axes[i];
    Value inF = indexToF64(rewriter, loc, dimValue(rewriter, loc, x, p.axis));
    if (sizes) {
      Value size = arith::SIToFPOp::create(rewriter, loc, rewriter.getF64Type(),
                                           sizeValues[i]);
      p.scale = m.div(size, inF);
      if (keepAspect == "not_larger")
        common = common
                     ? arith::MinimumFOp::create(rewriter, loc, common, p.scale)
                     : p.scale;
      else if (keepAspect == "not_smaller")
        common = common
                     ? arith::MaximumFOp::create(rewriter, loc, common, p.scale)
                     : p.scale;
      p.outSize = arith::IndexCastOp::create(
          rewriter, loc, rewriter.getIndexType(), sizeValues[i]);
    } else {
      p.scale = readF64(rewriter, loc, scales, i, false);
      p.outSize = f64ToIndex(rewriter, loc, m.floor(m.mul(p.scale, inF)));
    }
    p.outWidth = m.mul(p.scale, inF);
    if (roi) {
      p.roiStart = readF64(rewriter, loc, roi, i, false);
      p.roiEnd = readF64(rewriter, loc, roi, n + i, false);
    }
    params.push_back(p);
  }
  if (common) {
    for (AxisParams &p : params) {
      Value inF = indexToF64(rewriter, loc, dimValue(rewriter, loc, x, p.axis));
      p.scale = common;
      p.outWidth = m.mul(common, inF);
      // int(scale * in + 0.5)
      p.outSize = f64ToIndex(rewriter, loc, m.add(p.outWidth, m.c(0.5)));
    }
  }
  Value current = x;
  bool nearest = cfg.mode == "nearest";
  Type passType = nearest ? e : intermediateType(rewriter, e);
  for (const AxisParams &p : params) {
    current = resizeAxis(rewriter, loc, current, p, cfg, passType,
                         type.getDimSize(p.axis), xUnsigned && current == x);
  }
  rewriter.replaceOp(op, finishResize(rewriter, loc, current, type, xUnsigned));
  return success();
}

struct ResizeLowering : OpConversionPattern<onnx::ResizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ResizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value x = adaptor.getX();
    int64_t rank = type.getRank();
    SmallVector<int64_t> axes;
    if (auto attr = op.getAxes()) {
      for (int64_t a : *attr)
        axes.push_back(a < 0 ? a + rank : a);
    } else {
      for (int64_t i = 0; i < rank; ++i)
        axes.push_back(i);
    }
    auto scalesType = dyn_cast<RankedTensorType>(adaptor.getScales().getType());
    bool useSizes = !onnx::isNoValue(op.getSizes()) &&
                    (!scalesType || (scalesType.getRank() == 1 &&
                                     scalesType.getDimSize(0) == 0));
    ResizeConfig cfg{op.getMode(),
                     op.getCoordinateTransformationMode(),
                     op.getNearestMode(),
                     op.getAntialias() != 0 && op.getMode() != "nearest",
                     op.getExcludeOutside() != 0,
                     op.getCubicCoeffA().convertToDouble(),
                     op.getExtrapolationValue().convertToDouble()};
    Value roi;
    if (cfg.coordMode == "tf_crop_and_resize") {
      if (onnx::isNoValue(op.getRoi()))
        return reportUnsupported(op, "tf_crop_and_resize needs roi");
      roi = adaptor.getRoi();
    }
    Value sizes = useSizes ? adaptor.getSizes() : Value();
    Value scales = useSizes ? Value() : adaptor.getScales();
    return lowerResize(op, x, type, axes, scales, sizes, roi, cfg,
                       op.getKeepAspectRatioPolicy(),
                       isUnsignedElement(op.getX()),
                       useSizes && isUnsignedElement(op.getSizes()), rewriter);
  }
};

struct UpsampleLowering : OpConversionPattern<onnx::UpsampleOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::UpsampleOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = getConvertedResultType(getTypeConverter(), op);
    SmallVector<int64_t> axes;
    for (int64_t i = 0; i < type.getRank(); ++i)
      axes.push_back(i);
    bool nearest = op.getMode() == "nearest";
    ResizeConfig cfg{nearest ? "nearest" : "linear",
                     "asymmetric",
                     "floor",
                     false,
                     false,
                     -0.75,
                     0.0};
    return lowerResize(op, adaptor.getX(), type, axes, adaptor.getScales(),
                       Value(), Value(), cfg, "stretch",
                       isUnsignedElement(op.getX()), false, rewriter);
  }
};

//===----------------------------------------------------------------------===//
// GridSample
//===----------------------------------------------------------------------===//

/// Reflects `x` into [lo, hi] (the reference's _gs_reflect).
Value reflect(OpBuilder &b, Location loc, Value x, Value lo, Value hi) {
  Type t = x.getType();
  auto sub = [&](Value p, Value q) -> Value {
    return arith::SubFOp::create(b, loc, p, q);
  };
  auto add = [&](Value p, Value q) -> Value {
    return arith::AddFOp::create(b, loc, p, q);
  };
  Value range = sub(hi, lo);
  auto fold = [&](Value dx, Value evenBase, Value oddBase, bool evenAdds) {
    Value nf = arith::DivFOp::create(b, loc, dx, range);
    Value ni = arith::FPToSIOp::create(b, loc, b.getI64Type(), nf);
    Value r =
        sub(dx, arith::MulFOp::create(
                    b, loc, arith::SIToFPOp::create(b, loc, t, ni), range));
    Value odd = arith::TruncIOp::create(b, loc, b.getI1Type(), ni);
    Value even = evenAdds ? add(evenBase, r) : sub(evenBase, r);
    Value other = evenAdds ? sub(oddBase, r) : add(oddBase, r);
    return arith::SelectOp::create(b, loc, odd, other, even).getResult();
  };
  Value below = arith::CmpFOp::create(b, loc, FP::OLT, x, lo);
  Value above = arith::CmpFOp::create(b, loc, FP::OGT, x, hi);
  Value fromBelow = fold(sub(lo, x), lo, hi, true);
  Value fromAbove = fold(sub(x, hi), hi, lo, false);
  Value r = arith::SelectOp::create(b, loc, above, fromAbove, x);
  r = arith::SelectOp::create(b, loc, below, fromBelow, r);
  Value degenerate =
      arith::CmpFOp::create(b, loc, FP::OLE, range, createScalar(b, loc, t, 0));
  return arith::SelectOp::create(b, loc, degenerate, lo, r);
}

struct GridSampleLowering : OpConversionPattern<onnx::GridSampleOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::GridSampleOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value x = adaptor.getX(), grid = adaptor.getGrid();
    Type e = type.getElementType();
    if (!isSupportedFloat(e))
      return reportUnsupported(op, "element type " + typeToString(e) +
                                       " is not supported by this op");
    int64_t rank = type.getRank(), r = rank - 2;
    StringRef mode = op.getMode();
    bool nearest = mode == "nearest";
    bool cubic = mode == "cubic" || mode == "bicubic";
    StringRef padding = op.getPaddingMode();
    bool alignCorners = op.getAlignCorners() != 0;
    Type ct = getComputeType(e);
    SmallVector<Value> sizes;
    for (int64_t i = 0; i < r; ++i)
      sizes.push_back(dimValue(rewriter, loc, x, i + 2));
    SmallVector<OpFoldResult> dims = {getDim(rewriter, loc, grid, 0),
                                      getDim(rewriter, loc, x, 1)};
    for (int64_t i = 1; i <= r; ++i)
      dims.push_back(getDim(rewriter, loc, grid, i));
    int64_t taps = nearest ? 1 : cubic ? 4 : 2;
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
          // Denormalized, padded source coordinates and their borders.
          SmallVector<Value> coords, los, his, sizeF;
          for (int64_t i = 0; i < r; ++i) {
            SmallVector<Value> at(ivs.begin() + 2, ivs.end());
            at.insert(at.begin(), ivs[0]);
            at.push_back(cIndex(b, l, r - 1 - i));
            Value g =
                convertScalar(b, l, tensor::ExtractOp::create(b, l, grid, at),
                              ct, false, false);
            Value d = arith::SIToFPOp::create(
                b, l, ct,
                arith::IndexCastOp::create(b, l, b.getI64Type(), sizes[i]));
            sizeF.push_back(d);
            Value v;
            if (alignCorners)
              v = mul(arith::DivFOp::create(b, l, add(g, c(1)), c(2)),
                      sub(d, c(1)));
            else
              v = arith::DivFOp::create(b, l, sub(mul(add(g, c(1)), d), c(1)),
                                        c(2));
            if (nearest)
              v = math::RoundEvenOp::create(b, l, v);
            Value lo = alignCorners ? c(0) : c(-0.5);
            Value hi = alignCorners ? sub(d, c(1)) : sub(d, c(0.5));
            los.push_back(lo);
            his.push_back(hi);
            Value out = arith::OrIOp::create(
                b, l, arith::CmpFOp::create(b, l, FP::OLT, v, lo),
                arith::CmpFOp::create(b, l, FP::OGT, v, hi));
            if (padding == "border")
              v = arith::SelectOp::create(
                  b, l, out,
                  arith::MinimumFOp::create(
                      b, l, arith::MaximumFOp::create(b, l, v, c(0)),
                      sub(d, c(1))),
                  v);
            else if (padding == "reflection")
              v = arith::SelectOp::create(b, l, out, reflect(b, l, v, lo, hi),
                                          v);
            coords.push_back(v);
          }
          // The taps of each dim: integer positions and weights.
          SmallVector<SmallVector<Value>> pos(r), weight(r);
          for (int64_t i = 0; i < r; ++i) {
            Value v = coords[i];
            Value fl = nearest ? v : math::FloorOp::create(b, l, v);
            Value base = arith::IndexCastOp::create(
                b, l, b.getIndexType(),
                arith::FPToSIOp::create(b, l, b.getI64Type(), fl));
            Value f = sub(v, fl);
            for (int64_t t = 0; t < taps; ++t) {
              int64_t off = cubic ? t - 1 : t;
              pos[i].push_back(
                  arith::AddIOp::create(b, l, base, cIndex(b, l, off)));
              Value w;
              if (nearest) {
                w = c(1);
              } else if (cubic) {
                Arith m{b, l};
                Value fd = convertScalar(b, l, f, b.getF64Type(), false, false);
                Value dist = m.sub(m.c(static_cast<double>(off)), fd);
                w = convertScalar(b, l, cubicKernel(m, dist, m.c(-0.75)), ct,
                                  false, false);
              } else {
                w = t == 0 ? sub(c(1), f) : f;
              }
              weight[i].push_back(w);
            }
          }
          // Sum over all tap combinations.
          Value acc = c(0);
          int64_t combos = 1;
          for (int64_t i = 0; i < r; ++i)
            combos *= taps;
          for (int64_t combo = 0; combo < combos; ++combo) {
            SmallVector<Value> at = {ivs[0], ivs[1]};
            Value w = c(1);
            Value inside = arith::ConstantIntOp::create(b, l, 1, 1);
            int64_t rest = combo;
            for (int64_t i = r - 1; i >= 0; --i) {
              int64_t t = rest % taps;
              rest /= taps;
              Value p = pos[i][t];
              w = mul(w, weight[i][t]);
              if (padding == "zeros") {
                Value ok = arith::AndIOp::create(
                    b, l,
                    arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, p,
                                          cIndex(b, l, 0)),
                    arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, p,
                                          sizes[i]));
                inside = arith::AndIOp::create(b, l, inside, ok);
              } else if (padding == "reflection" && !nearest) {
                Value pf = arith::SIToFPOp::create(
                    b, l, ct,
                    arith::IndexCastOp::create(b, l, b.getI64Type(), p));
                Value rf = reflect(b, l, pf, los[i], his[i]);
                p = arith::IndexCastOp::create(
                    b, l, b.getIndexType(),
                    arith::FPToSIOp::create(b, l, b.getI64Type(), rf));
              }
              at.insert(at.begin() + 2, clampIndex(b, l, p, sizes[i]));
            }
            Value v = convertScalar(
                b, l, tensor::ExtractOp::create(b, l, x, at), ct, false, false);
            if (padding == "zeros")
              v = arith::SelectOp::create(b, l, inside, v, c(0));
            acc = add(acc, mul(w, v));
          }
          return convertScalar(b, l, acc, e, false, false);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// AffineGrid
//===----------------------------------------------------------------------===//

struct AffineGridLowering : OpConversionPattern<onnx::AffineGridOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::AffineGridOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value theta = adaptor.getTheta(), size = adaptor.getSize();
    Type e = type.getElementType();
    if (!isSupportedFloat(e))
      return reportUnsupported(op, "element type " + typeToString(e) +
                                       " is not supported by this op");
    int64_t rank = type.getRank(), r = rank - 2;
    bool alignCorners = op.getAlignCorners() != 0;
    bool sizeUnsigned = isUnsignedElement(op.getSize());
    // size = [N, C, spatial...]; the grid is [N, spatial..., r].
    SmallVector<Value> spatial;
    SmallVector<OpFoldResult> dims;
    auto readSize = [&](int64_t i) {
      Value v = tensor::ExtractOp::create(rewriter, loc, size,
                                          ValueRange{cIndex(rewriter, loc, i)});
      return scalarToIndex(rewriter, loc, v, sizeUnsigned);
    };
    dims.push_back(type.isDynamicDim(0)
                       ? OpFoldResult(readSize(0))
                       : rewriter.getIndexAttr(type.getDimSize(0)));
    for (int64_t i = 0; i < r; ++i) {
      Value s = readSize(i + 2);
      spatial.push_back(s);
      dims.push_back(type.isDynamicDim(i + 1)
                         ? OpFoldResult(s)
                         : rewriter.getIndexAttr(type.getDimSize(i + 1)));
    }
    dims.push_back(rewriter.getIndexAttr(r));
    Value result = buildIndexedGeneric(
        rewriter, loc, type, dims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) -> Value {
          Arith m{b, l};
          // Homogeneous base coordinates in x, y(, z) order: the last
          // spatial dim first.
          SmallVector<Value> base;
          for (int64_t k = 0; k < r; ++k) {
            int64_t dim = r - 1 - k;
            Value i = indexToF64(b, l, ivs[1 + dim]);
            Value n = indexToF64(b, l, spatial[dim]);
            Value v;
            if (alignCorners) {
              Value step = m.div(m.c(2), m.sub(n, m.c(1)));
              v = m.add(m.c(-1), m.mul(i, step));
            } else {
              Value step = m.div(m.c(2), n);
              v = m.add(m.add(m.c(-1), m.div(step, m.c(2))), m.mul(i, step));
            }
            base.push_back(v);
          }
          base.push_back(m.c(1));
          Value acc = m.c(0);
          for (int64_t k = 0; k <= r; ++k) {
            Value t = tensor::ExtractOp::create(
                b, l, theta,
                ValueRange{ivs[0], ivs[rank - 1], cIndex(b, l, k)});
            acc = m.add(acc, m.mul(toF64(b, l, t, false), base[k]));
          }
          return convertScalar(b, l, acc, e, false, false);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void populateTensorResizePatterns(const TypeConverter &converter,
                                  RewritePatternSet &patterns) {
  patterns.add<ResizeLowering, UpsampleLowering, GridSampleLowering,
               AffineGridLowering>(converter, patterns.getContext());
}

} // namespace onnxc::lowering
