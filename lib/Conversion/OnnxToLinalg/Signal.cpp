//===- Signal.cpp - onnx to linalg: signal windows, MelWeightMatrix, DFT, STFT
//===//
//
// Windows and the mel weight matrix are generics over the output computing
// each element from its index, in f64. DFT and STFT sum over the signal for
// each output element (O(n) each, no FFT), in f64, with twiddle angles
// reduced exactly in integers.
//
//===----------------------------------------------------------------------===//

#include "TensorOpsCommon.h"

#include <cmath>

using namespace mlir;

namespace onnxc::lowering {
namespace {

Value indexToFloat(OpBuilder &b, Location loc, Value v, Type type) {
  Value i = arith::IndexCastOp::create(b, loc, b.getI64Type(), v);
  return arith::SIToFPOp::create(b, loc, type, i);
}

Value toCompute(OpBuilder &b, Location loc, Value v, Type ct) {
  return convertScalar(b, loc, v, ct, false, false);
}

LogicalResult checkFloat(Operation *op, Type e) {
  if (isSupportedFloat(e))
    return success();
  return reportUnsupported(op, "element type " + typeToString(e) +
                                   " is not supported by this op");
}

//===----------------------------------------------------------------------===//
// Signal windows, MelWeightMatrix
//===----------------------------------------------------------------------===//

enum class WindowKind { Hann, Hamming, Blackman };

template <typename OpTy, WindowKind kind>
struct WindowLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(this->getTypeConverter(), op);
    Type e = type.getElementType();
    if (failed(checkFloat(op, e)))
      return failure();
    Value size = scalarToIndex(rewriter, loc,
                               extractFirst(rewriter, loc, adaptor.getSize()),
                               isUnsignedElement(op.getSize()));
    size =
        arith::MaxSIOp::create(rewriter, loc, size, cIndex(rewriter, loc, 0));
    Type f64 = rewriter.getF64Type();
    Value n = indexToFloat(rewriter, loc, size, f64);
    if (op.getPeriodic() == 0)
      n = arith::SubFOp::create(rewriter, loc, n,
                                createScalar(rewriter, loc, f64, 1));
    SmallVector<OpFoldResult> dims = {
        type.isDynamicDim(0) ? OpFoldResult(size)
                             : rewriter.getIndexAttr(type.getDimSize(0))};
    Value result = buildIndexedGeneric(
        rewriter, loc, type, dims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          auto c = [&](double v) { return createScalar(b, l, f64, v); };
          auto mul = [&](Value x, Value y) -> Value {
            return arith::MulFOp::create(b, l, x, y);
          };
          Value i = indexToFloat(b, l, ivs[0], f64);
          // 2 pi i / N
          Value angle = arith::DivFOp::create(b, l, mul(i, c(2 * M_PI)), n);
          Value w;
          if (kind == WindowKind::Hann) {
            Value s = math::SinOp::create(
                b, l, arith::DivFOp::create(b, l, mul(i, c(M_PI)), n));
            w = mul(s, s);
          } else if (kind == WindowKind::Hamming) {
            double alpha = 25.0 / 46.0;
            w = arith::SubFOp::create(
                b, l, c(alpha),
                mul(math::CosOp::create(b, l, angle), c(1 - alpha)));
          } else {
            Value a2 = arith::DivFOp::create(b, l, mul(i, c(4 * M_PI)), n);
            w = arith::AddFOp::create(
                b, l,
                arith::AddFOp::create(
                    b, l, mul(math::CosOp::create(b, l, angle), c(-0.5)),
                    mul(math::CosOp::create(b, l, a2), c(0.08))),
                c(0.42));
          }
          return toCompute(b, l, w, e);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// The triangular filters of the reference implementation: bin edges on the
/// mel scale mapped back to spectrogram bins, ramps up and down between
/// them.
struct MelWeightMatrixLowering : OpConversionPattern<onnx::MelWeightMatrixOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::MelWeightMatrixOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (failed(checkFloat(op, e)))
      return failure();
    Type f32 = rewriter.getF32Type(), f64 = rewriter.getF64Type();
    auto readInt = [&](Value v, Value onnxValue) {
      return scalarToIndex(rewriter, loc, extractFirst(rewriter, loc, v),
                           isUnsignedElement(onnxValue));
    };
    Value bins = readInt(adaptor.getNumMelBins(), op.getNumMelBins());
    Value dft = readInt(adaptor.getDftLength(), op.getDftLength());
    Value rate = readInt(adaptor.getSampleRate(), op.getSampleRate());
    auto readFloat = [&](Value v) {
      return toCompute(rewriter, loc, extractFirst(rewriter, loc, v), f32);
    };
    Value lowHz = readFloat(adaptor.getLowerEdgeHertz());
    Value highHz = readFloat(adaptor.getUpperEdgeHertz());
    auto c32 = [&](double v) { return createScalar(rewriter, loc, f32, v); };
    auto c64 = [&](double v) { return createScalar(rewriter, loc, f64, v); };
    // 2595 * log1p(hz / 700) in f32, then / log(10) in f64.
    auto toMel = [&](Value hz) {
      Value m = math::Log1pOp::create(
          rewriter, loc, arith::DivFOp::create(rewriter, loc, hz, c32(700)));
      m = arith::MulFOp::create(rewriter, loc, c32(2595), m);
      return arith::DivFOp::create(rewriter, loc,
                                   toCompute(rewriter, loc, m, f64),
                                   c64(std::log(10.0)))
          .getResult();
    };
    Value lowMel = toMel(lowHz), highMel = toMel(highHz);
    Value binsF = indexToFloat(rewriter, loc, bins, f64);
    Value step = arith::DivFOp::create(
        rewriter, loc, arith::SubFOp::create(rewriter, loc, highMel, lowMel),
        arith::AddFOp::create(rewriter, loc, binsF, c64(2)));
    Value dftPlusOne = indexToFloat(
        rewriter, loc,
        arith::AddIOp::create(rewriter, loc, dft, cIndex(rewriter, loc, 1)),
        f64);
    Value rateF = indexToFloat(rewriter, loc, rate, f64);
    SmallVector<OpFoldResult> dims = {
        type.isDynamicDim(0)
            ? OpFoldResult(arith::AddIOp::create(
                               rewriter, loc,
                               arith::DivSIOp::create(rewriter, loc, dft,
                                                      cIndex(rewriter, loc, 2)),
                               cIndex(rewriter, loc, 1))
                               .getResult())
            : rewriter.getIndexAttr(type.getDimSize(0)),
        type.isDynamicDim(1) ? OpFoldResult(bins)
                             : rewriter.getIndexAttr(type.getDimSize(1))};
    Value result = buildIndexedGeneric(
        rewriter, loc, type, dims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          auto c = [&](double v) { return createScalar(b, l, f64, v); };
          // The spectrogram bin of mel edge k.
          auto edge = [&](Value k) {
            Value f = arith::AddFOp::create(
                b, l,
                arith::MulFOp::create(b, l, indexToFloat(b, l, k, f64), step),
                lowMel);
            f = arith::MulFOp::create(
                b, l, c(700),
                math::ExpM1Op::create(
                    b, l,
                    arith::MulFOp::create(
                        b, l, arith::DivFOp::create(b, l, f, c(2595)),
                        c(std::log(10.0)))));
            f = math::FloorOp::create(
                b, l,
                arith::DivFOp::create(
                    b, l, arith::MulFOp::create(b, l, dftPlusOne, f), rateF));
            return arith::IndexCastOp::create(
                       b, l, b.getIndexType(),
                       arith::FPToSIOp::create(b, l, b.getI64Type(), f))
                .getResult();
          };
          Value j = ivs[0], i = ivs[1];
          Value lo = edge(i);
          Value center = edge(arith::AddIOp::create(b, l, i, cIndex(b, l, 1)));
          Value hi = edge(arith::AddIOp::create(b, l, i, cIndex(b, l, 2)));
          auto cmp = [&](arith::CmpIPredicate pred, Value x, Value y) {
            return arith::CmpIOp::create(b, l, pred, x, y).getResult();
          };
          auto andi = [&](Value x, Value y) {
            return arith::AndIOp::create(b, l, x, y).getResult();
          };
          auto fdiv = [&](Value num, Value den) {
            return arith::DivFOp::create(b, l, indexToFloat(b, l, num, f64),
                                         indexToFloat(b, l, den, f64))
                .getResult();
          };
          using IP = arith::CmpIPredicate;
          Value upWidth = arith::SubIOp::create(b, l, center, lo);
          Value downWidth = arith::SubIOp::create(b, l, hi, center);
          Value flat = cmp(IP::eq, upWidth, cIndex(b, l, 0));
          Value up = arith::SelectOp::create(
              b, l, flat,
              arith::SelectOp::create(b, l, cmp(IP::eq, j, center), c(1), c(0)),
              arith::SelectOp::create(
                  b, l, andi(cmp(IP::sge, j, lo), cmp(IP::sle, j, center)),
                  fdiv(arith::SubIOp::create(b, l, j, lo), upWidth), c(0)));
          Value inDown =
              andi(cmp(IP::sgt, downWidth, cIndex(b, l, 0)),
                   andi(cmp(IP::sge, j, center), cmp(IP::slt, j, hi)));
          Value w = arith::SelectOp::create(
              b, l, inDown, fdiv(arith::SubIOp::create(b, l, hi, j), downWidth),
              up);
          return toCompute(b, l, w, e);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// DFT, STFT
//===----------------------------------------------------------------------===//

/// cos and sin of 2 pi (k n mod len) / len, in f64 (the product is reduced
/// exactly in integers first).
std::pair<Value, Value> twiddle(OpBuilder &b, Location loc, Value k, Value n,
                                Value len) {
  Value m =
      arith::RemUIOp::create(b, loc, arith::MulIOp::create(b, loc, k, n), len);
  Type f64 = b.getF64Type();
  Value theta = arith::DivFOp::create(
      b, loc,
      arith::MulFOp::create(b, loc, createScalar(b, loc, f64, 2 * M_PI),
                            indexToFloat(b, loc, m, f64)),
      indexToFloat(b, loc, len, f64));
  return {math::CosOp::create(b, loc, theta),
          math::SinOp::create(b, loc, theta)};
}

/// The value at dim `d` of `ivs` where the axis (a run-time index) is
/// replaced by `at`.
SmallVector<Value> withAxis(OpBuilder &b, Location loc, ValueRange ivs,
                            std::optional<int64_t> axis, Value axisValue,
                            Value at) {
  SmallVector<Value> r(ivs);
  for (size_t d = 0; d < r.size(); ++d) {
    if (axis) {
      if (static_cast<int64_t>(d) == *axis)
        r[d] = at;
      continue;
    }
    Value isAxis = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                         axisValue, cIndex(b, loc, d));
    r[d] = arith::SelectOp::create(b, loc, isAxis, at, ivs[d]);
  }
  return r;
}

/// Element `d` of `values` for a run-time `axis`.
Value pickAxis(OpBuilder &b, Location loc, ArrayRef<Value> values,
               std::optional<int64_t> axis, Value axisValue) {
  if (axis)
    return values[*axis];
  Value r = values[0];
  for (size_t d = 1; d < values.size(); ++d) {
    Value isAxis = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                         axisValue, cIndex(b, loc, d));
    r = arith::SelectOp::create(b, loc, isAxis, values[d], r);
  }
  return r;
}

/// A naive O(n * len) transform per output element, in f64. The axis and
/// the length may be run-time values.
struct DFTLowering : OpConversionPattern<onnx::DFTOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::DFTOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (failed(checkFloat(op, e)))
      return failure();
    Value x = adaptor.getInput();
    auto xType = cast<RankedTensorType>(x.getType());
    int64_t rank = xType.getRank();
    int64_t channels = xType.getDimSize(rank - 1);
    if (ShapedType::isDynamic(channels))
      return reportUnsupported(op, "the last dim of the input must be static");
    bool inverse = op.getInverse() != 0, onesided = op.getOnesided() != 0;
    std::optional<int64_t> axis = op.getStaticAxis();
    Value axisValue;
    if (!axis) {
      if (onnx::isNoValue(op.getAxisInput()))
        return reportUnsupported(op, "axis is out of range");
      axisValue = scalarToIndex(
          rewriter, loc, extractFirst(rewriter, loc, adaptor.getAxisInput()),
          isUnsignedElement(op.getAxisInput()));
      Value last = cIndex(rewriter, loc, rank - 1);
      axisValue =
          wrapNegative(rewriter, loc, axisValue, cIndex(rewriter, loc, rank));
      axisValue = clampIndex(rewriter, loc, axisValue, last);
    }
    SmallVector<Value> inDims;
    for (int64_t d = 0; d < rank; ++d)
      inDims.push_back(dimValue(rewriter, loc, x, d));
    Value n = pickAxis(rewriter, loc, ArrayRef<Value>(inDims).drop_back(), axis,
                       axisValue);
    Value one = cIndex(rewriter, loc, 1), two = cIndex(rewriter, loc, 2);
    Value len;
    if (!onnx::isNoValue(op.getDftLength()))
      len = scalarToIndex(rewriter, loc,
                          extractFirst(rewriter, loc, adaptor.getDftLength()),
                          isUnsignedElement(op.getDftLength()));
    else if (inverse && onesided)
      len = arith::MulIOp::create(rewriter, loc, two,
                                  arith::SubIOp::create(rewriter, loc, n, one));
    else
      len = n;
    len = arith::MaxSIOp::create(rewriter, loc, len, one);
    Value half = arith::AddIOp::create(
        rewriter, loc, arith::DivUIOp::create(rewriter, loc, len, two), one);
    Value outLen = !inverse && onesided ? half : len;
    SmallVector<OpFoldResult> dims;
    for (int64_t d = 0; d < rank - 1; ++d) {
      if (!type.isDynamicDim(d)) {
        dims.push_back(rewriter.getIndexAttr(type.getDimSize(d)));
        continue;
      }
      Value isAxis =
          axis ? Value()
               : arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::eq,
                                       axisValue, cIndex(rewriter, loc, d));
      dims.push_back(axis ? (*axis == d ? outLen : inDims[d])
                          : arith::SelectOp::create(rewriter, loc, isAxis,
                                                    outLen, inDims[d])
                                .getResult());
    }
    dims.push_back(rewriter.getIndexAttr(type.getDimSize(rank - 1)));
    // Bins summed: all of them, or the one-sided half for the inverse of a
    // real transform.
    Value count = arith::MinSIOp::create(rewriter, loc, n,
                                         inverse && onesided ? half : len);
    Type f64 = rewriter.getF64Type();
    Value lenF = indexToFloat(rewriter, loc, len, f64);
    Value result = buildIndexedGeneric(
        rewriter, loc, type, dims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) -> Value {
          auto c = [&](double v) { return createScalar(b, l, f64, v); };
          SmallVector<Value> outer(ivs.drop_back());
          Value k = pickAxis(b, l, outer, axis, axisValue);
          Value comp = ivs.back();
          auto loop = scf::ForOp::create(
              b, l, cIndex(b, l, 0), count, cIndex(b, l, 1),
              ValueRange{c(0), c(0)},
              [&](OpBuilder &nb, Location nl, Value j, ValueRange iter) {
                SmallVector<Value> at =
                    withAxis(nb, nl, outer, axis, axisValue, j);
                at.push_back(cIndex(nb, nl, 0));
                Value xr = toCompute(
                    nb, nl, tensor::ExtractOp::create(nb, nl, x, at), f64);
                Value xi = createScalar(nb, nl, f64, 0);
                if (channels == 2) {
                  at.back() = cIndex(nb, nl, 1);
                  xi = toCompute(nb, nl,
                                 tensor::ExtractOp::create(nb, nl, x, at), f64);
                }
                auto [cs, sn] = twiddle(nb, nl, k, j, len);
                auto mul = [&](Value p, Value q) -> Value {
                  return arith::MulFOp::create(nb, nl, p, q);
                };
                auto add = [&](Value p, Value q) -> Value {
                  return arith::AddFOp::create(nb, nl, p, q);
                };
                auto sub = [&](Value p, Value q) -> Value {
                  return arith::SubFOp::create(nb, nl, p, q);
                };
                Value re, im;
                if (inverse && onesided) {
                  // Hermitian: bin 0 and the Nyquist bin count once (real
                  // part only), the others twice.
                  Value nyquist = arith::AndIOp::create(
                      nb, nl,
                      arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::eq,
                                            arith::RemUIOp::create(
                                                nb, nl, len, cIndex(nb, nl, 2)),
                                            cIndex(nb, nl, 0)),
                      arith::CmpIOp::create(
                          nb, nl, arith::CmpIPredicate::eq,
                          arith::MulIOp::create(nb, nl, j, cIndex(nb, nl, 2)),
                          len));
                  Value single = arith::OrIOp::create(
                      nb, nl,
                      arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::eq, j,
                                            cIndex(nb, nl, 0)),
                      nyquist);
                  Value full = mul(c(2), sub(mul(xr, cs), mul(xi, sn)));
                  re = arith::SelectOp::create(nb, nl, single, mul(xr, cs),
                                               full);
                  im = c(0);
                } else if (inverse) {
                  re = sub(mul(xr, cs), mul(xi, sn));
                  im = add(mul(xi, cs), mul(xr, sn));
                } else {
                  re = add(mul(xr, cs), mul(xi, sn));
                  im = sub(mul(xi, cs), mul(xr, sn));
                }
                scf::YieldOp::create(
                    nb, nl, ValueRange{add(iter[0], re), add(iter[1], im)});
              });
          Value re = loop.getResult(0), im = loop.getResult(1);
          if (inverse) {
            re = arith::DivFOp::create(b, l, re, lenF);
            im = arith::DivFOp::create(b, l, im, lenF);
          }
          Value isImag = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                               comp, cIndex(b, l, 1));
          Value v = arith::SelectOp::create(b, l, isImag, im, re);
          return toCompute(b, l, v, e);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// out[b, f, k] = sum over n of window[n] * signal[b, f * step + n] *
/// exp(-2 pi i k n / frame_length), zero past the end of the signal.
struct STFTLowering : OpConversionPattern<onnx::STFTOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::STFTOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (failed(checkFloat(op, e)))
      return failure();
    Value x = adaptor.getSignal();
    auto xType = cast<RankedTensorType>(x.getType());
    int64_t channels = xType.getDimSize(2);
    if (ShapedType::isDynamic(channels))
      return reportUnsupported(op, "the last dim of the signal must be static");
    bool hasWindow = !onnx::isNoValue(op.getWindow());
    Value window = adaptor.getWindow();
    Value length = dimValue(rewriter, loc, x, 1);
    Value step = scalarToIndex(
        rewriter, loc, extractFirst(rewriter, loc, adaptor.getFrameStep()),
        isUnsignedElement(op.getFrameStep()));
    Value one = cIndex(rewriter, loc, 1);
    step = arith::MaxSIOp::create(rewriter, loc, step, one);
    Value windowSize = hasWindow ? dimValue(rewriter, loc, window, 0) : Value();
    Value frame;
    if (!onnx::isNoValue(op.getFrameLength()))
      frame = scalarToIndex(
          rewriter, loc, extractFirst(rewriter, loc, adaptor.getFrameLength()),
          isUnsignedElement(op.getFrameLength()));
    else
      frame = hasWindow ? windowSize : length;
    frame = arith::MaxSIOp::create(rewriter, loc, frame, one);
    if (!hasWindow)
      windowSize = frame;
    Value frames = arith::AddIOp::create(
        rewriter, loc,
        arith::DivSIOp::create(
            rewriter, loc, arith::SubIOp::create(rewriter, loc, length, frame),
            step),
        one);
    frames =
        arith::MaxSIOp::create(rewriter, loc, frames, cIndex(rewriter, loc, 0));
    Value bins = op.getOnesided() != 0
                     ? arith::AddIOp::create(
                           rewriter, loc,
                           arith::DivUIOp::create(rewriter, loc, frame,
                                                  cIndex(rewriter, loc, 2)),
                           one)
                           .getResult()
                     : frame;
    SmallVector<Value> dynDims = {dimValue(rewriter, loc, x, 0), frames, bins,
                                  cIndex(rewriter, loc, 2)};
    SmallVector<OpFoldResult> dims;
    for (int64_t d = 0; d < 4; ++d)
      dims.push_back(type.isDynamicDim(d)
                         ? OpFoldResult(dynDims[d])
                         : rewriter.getIndexAttr(type.getDimSize(d)));
    Type f64 = rewriter.getF64Type();
    Value taps = arith::MinSIOp::create(rewriter, loc, windowSize, frame);
    Value result = buildIndexedGeneric(
        rewriter, loc, type, dims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) -> Value {
          auto c = [&](double v) { return createScalar(b, l, f64, v); };
          Value start = arith::MulIOp::create(b, l, ivs[1], step);
          auto loop = scf::ForOp::create(
              b, l, cIndex(b, l, 0), taps, cIndex(b, l, 1),
              ValueRange{c(0), c(0)},
              [&](OpBuilder &nb, Location nl, Value j, ValueRange iter) {
                Value pos = arith::AddIOp::create(nb, nl, start, j);
                Value inside = arith::CmpIOp::create(
                    nb, nl, arith::CmpIPredicate::slt, pos, length);
                pos = clampIndex(nb, nl, pos, length);
                auto read = [&](int64_t ch) {
                  Value v = tensor::ExtractOp::create(
                      nb, nl, x, ValueRange{ivs[0], pos, cIndex(nb, nl, ch)});
                  v = toCompute(nb, nl, v, f64);
                  return arith::SelectOp::create(nb, nl, inside, v,
                                                 createScalar(nb, nl, f64, 0))
                      .getResult();
                };
                Value xr = read(0);
                Value xi =
                    channels == 2 ? read(1) : createScalar(nb, nl, f64, 0);
                if (hasWindow) {
                  Value w = toCompute(
                      nb, nl, tensor::ExtractOp::create(nb, nl, window, j),
                      f64);
                  xr = arith::MulFOp::create(nb, nl, xr, w);
                  xi = arith::MulFOp::create(nb, nl, xi, w);
                }
                auto [cs, sn] = twiddle(nb, nl, ivs[2], j, frame);
                auto mul = [&](Value p, Value q) -> Value {
                  return arith::MulFOp::create(nb, nl, p, q);
                };
                Value re =
                    arith::AddFOp::create(nb, nl, mul(xr, cs), mul(xi, sn));
                Value im =
                    arith::SubFOp::create(nb, nl, mul(xi, cs), mul(xr, sn));
                scf::YieldOp::create(
                    nb, nl,
                    ValueRange{arith::AddFOp::create(nb, nl, iter[0], re),
                               arith::AddFOp::create(nb, nl, iter[1], im)});
              });
          Value isImag = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                               ivs[3], cIndex(b, l, 1));
          Value v = arith::SelectOp::create(b, l, isImag, loop.getResult(1),
                                            loop.getResult(0));
          return toCompute(b, l, v, e);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void populateTensorSignalPatterns(const TypeConverter &converter,
                                  RewritePatternSet &patterns) {
  patterns.add<WindowLowering<onnx::HannWindowOp, WindowKind::Hann>,
               WindowLowering<onnx::HammingWindowOp, WindowKind::Hamming>,
               WindowLowering<onnx::BlackmanWindowOp, WindowKind::Blackman>,
               MelWeightMatrixLowering, DFTLowering, STFTLowering>(
      converter, patterns.getContext());
}

} // namespace onnxc::lowering
