//===- TensorMath.cpp - onnx to linalg: normalizations, LpPool, Einsum, windows
//===//
//
// Normalizations reduce their statistics with buildReduction (in f32 for
// f16/bf16) and normalize with one linalg.generic that reads them through a
// projected map. LpPool raises |x| to p, pools with onnx.AveragePool
// (counting the padding, which its own pattern lowers) and takes the p-th
// root of the window sums. Einsum is one linalg.generic with a loop per
// label. Signal windows and the mel weight matrix are generics over the
// output computing each element from its index.
//
//===----------------------------------------------------------------------===//

#include "TensorOpsCommon.h"

#include <cmath>
#include <map>

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

/// Sums term(x) over the dims of `x` set in `reduced`, in `ct`.
Value sumOver(OpBuilder &b, Location loc, Value x, ArrayRef<bool> reduced,
              Type ct, function_ref<Value(OpBuilder &, Location, Value)> term) {
  return buildReduction(
      b, loc, x, reduced, createScalar(b, loc, ct, 0), {},
      [&](OpBuilder &nb, Location l, ValueRange args) {
        Value t = term(nb, l, toCompute(nb, l, args[0], ct));
        return arith::AddFOp::create(nb, l, args[1], t).getResult();
      });
}

/// The number of elements in the dims of `x` set in `reduced`, as a `ct`
/// scalar.
Value countOf(OpBuilder &b, Location loc, Value x, ArrayRef<bool> reduced,
              Type ct) {
  Value n = cIndex(b, loc, 1);
  for (auto [i, r] : llvm::enumerate(reduced))
    if (r)
      n = arith::MulIOp::create(b, loc, n, dimValue(b, loc, x, i));
  return indexToFloat(b, loc, n, ct);
}

/// A generic over `x`'s shape reading `x` and `stats` (tensors without the
/// dims set in `reduced`, in order) and computing body(x, stats...).
Value normalizeWith(
    OpBuilder &b, Location loc, Value x, RankedTensorType type,
    ArrayRef<bool> reduced, ValueRange stats,
    function_ref<Value(OpBuilder &, Location, ValueRange, ValueRange)> body) {
  int64_t rank = type.getRank();
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank)};
  AffineMap statMap = getReducedMap(b.getContext(), reduced);
  for (size_t i = 0; i < stats.size(); ++i)
    maps.push_back(statMap);
  SmallVector<Value> inputs = {x};
  llvm::append_range(inputs, stats);
  return buildIndexedGeneric(b, loc, type, getDims(b, loc, x), inputs, maps,
                             body);
}

LogicalResult checkFloat(Operation *op, Type e) {
  if (isSupportedFloat(e))
    return success();
  return reportUnsupported(op, "element type " + typeToString(e) +
                                   " is not supported by this op");
}

//===----------------------------------------------------------------------===//
// LpNormalization, MeanVarianceNormalization
//===----------------------------------------------------------------------===//

struct LpNormalizationLowering : OpConversionPattern<onnx::LpNormalizationOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::LpNormalizationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (failed(checkFloat(op, e)))
      return failure();
    Value x = adaptor.getInput();
    int64_t rank = type.getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    SmallVector<bool> reduced(rank, false);
    reduced[axis] = true;
    Type ct = getComputeType(e);
    bool l1 = op.getP() == 1;
    Value norm = sumOver(rewriter, loc, x, reduced, ct,
                         [&](OpBuilder &b, Location l, Value v) -> Value {
                           if (l1)
                             return math::AbsFOp::create(b, l, v);
                           return arith::MulFOp::create(b, l, v, v);
                         });
    Value result = normalizeWith(
        rewriter, loc, x, type, reduced, norm,
        [&](OpBuilder &b, Location l, ValueRange, ValueRange args) {
          Value n = l1 ? args[1] : math::SqrtOp::create(b, l, args[1]);
          Value v =
              arith::DivFOp::create(b, l, toCompute(b, l, args[0], ct), n);
          // A zero norm gives 0, not NaN.
          Value zero = createScalar(b, l, ct, 0);
          Value isZero =
              arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, n, zero);
          v = arith::SelectOp::create(b, l, isZero, zero, v);
          return toCompute(b, l, v, e);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// (x - mean) / (sqrt(mean(x^2) - mean^2) + 1e-9), as the ONNX reference.
struct MeanVarianceNormalizationLowering
    : OpConversionPattern<onnx::MeanVarianceNormalizationOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::MeanVarianceNormalizationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (failed(checkFloat(op, e)))
      return failure();
    Value x = adaptor.getX();
    int64_t rank = type.getRank();
    SmallVector<bool> reduced(rank, false);
    for (int64_t a : op.getAxes())
      reduced[a < 0 ? a + rank : a] = true;
    Type ct = getComputeType(e);
    Value count = countOf(rewriter, loc, x, reduced, ct);
    Value sum = sumOver(rewriter, loc, x, reduced, ct,
                        [](OpBuilder &, Location, Value v) { return v; });
    Value sumSq = sumOver(rewriter, loc, x, reduced, ct,
                          [](OpBuilder &b, Location l, Value v) -> Value {
                            return arith::MulFOp::create(b, l, v, v);
                          });
    Value result = normalizeWith(
        rewriter, loc, x, type, reduced, ValueRange{sum, sumSq},
        [&](OpBuilder &b, Location l, ValueRange, ValueRange args) {
          Value v = toCompute(b, l, args[0], ct);
          Value mean = arith::DivFOp::create(b, l, args[1], count);
          Value meanSq = arith::DivFOp::create(b, l, args[2], count);
          Value var = arith::SubFOp::create(
              b, l, meanSq, arith::MulFOp::create(b, l, mean, mean));
          Value std = math::SqrtOp::create(b, l, var);
          Value denom =
              arith::AddFOp::create(b, l, std, createScalar(b, l, ct, 1e-9));
          Value r = arith::DivFOp::create(
              b, l, arith::SubFOp::create(b, l, v, mean), denom);
          return toCompute(b, l, r, e);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// InstanceNormalization, GroupNormalization
//===----------------------------------------------------------------------===//

/// Mean and biased variance (two passes) of `x` over the dims in `reduced`.
std::pair<Value, Value> meanAndVariance(OpBuilder &b, Location loc, Value x,
                                        ArrayRef<bool> reduced, Type ct) {
  Value count = countOf(b, loc, x, reduced, ct);
  Value sum = sumOver(b, loc, x, reduced, ct,
                      [](OpBuilder &, Location, Value v) { return v; });
  auto sumType = cast<RankedTensorType>(sum.getType());
  Value mean = buildElementwise(
      b, loc, sumType, sum, [&](OpBuilder &nb, Location l, ValueRange a) {
        return arith::DivFOp::create(nb, l, a[0], count).getResult();
      });
  Value sq = buildReduction(
      b, loc, x, reduced, createScalar(b, loc, ct, 0), mean,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        Value d = arith::SubFOp::create(nb, l, toCompute(nb, l, args[0], ct),
                                        args[1]);
        return arith::AddFOp::create(nb, l, args[2],
                                     arith::MulFOp::create(nb, l, d, d))
            .getResult();
      });
  Value var = buildElementwise(
      b, loc, sumType, sq, [&](OpBuilder &nb, Location l, ValueRange a) {
        return arith::DivFOp::create(nb, l, a[0], count).getResult();
      });
  return {mean, var};
}

struct InstanceNormalizationLowering
    : OpConversionPattern<onnx::InstanceNormalizationOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::InstanceNormalizationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (failed(checkFloat(op, e)))
      return failure();
    Value x = adaptor.getInput();
    int64_t rank = type.getRank();
    SmallVector<bool> reduced(rank, true);
    reduced[0] = reduced[1] = false;
    Type ct = getComputeType(e);
    auto [mean, var] = meanAndVariance(rewriter, loc, x, reduced, ct);
    double eps = op.getEpsilon().convertToDouble();
    Value scale = adaptor.getScale(), bias = adaptor.getB();
    Value result = normalizeWith(
        rewriter, loc, x, type, reduced, ValueRange{mean, var},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange args) {
          Value v = toCompute(b, l, args[0], ct);
          Value inv = math::RsqrtOp::create(
              b, l,
              arith::AddFOp::create(b, l, args[2],
                                    createScalar(b, l, ct, eps)));
          Value s = toCompute(
              b, l, tensor::ExtractOp::create(b, l, scale, ivs[1]), ct);
          Value bb = toCompute(
              b, l, tensor::ExtractOp::create(b, l, bias, ivs[1]), ct);
          Value n = arith::MulFOp::create(
              b, l, arith::SubFOp::create(b, l, v, args[1]), inv);
          Value r = arith::AddFOp::create(
              b, l, arith::MulFOp::create(b, l, n, s), bb);
          return toCompute(b, l, r, e);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Statistics per (n, group) of x viewed as [N, G, C/G, spatial...].
struct GroupNormalizationLowering
    : OpConversionPattern<onnx::GroupNormalizationOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::GroupNormalizationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (failed(checkFloat(op, e)))
      return failure();
    Value x = adaptor.getX();
    int64_t rank = type.getRank();
    int64_t groups = op.getNumGroups();
    // [N, C, S...] -> [N, G, C/G, S...].
    SmallVector<int64_t> shape = {type.getDimSize(0), groups,
                                  type.isDynamicDim(1)
                                      ? ShapedType::kDynamic
                                      : type.getDimSize(1) / groups};
    SmallVector<OpFoldResult> outShape = {
        getDim(rewriter, loc, x, 0), rewriter.getIndexAttr(groups),
        floorDivIndex(rewriter, loc, getDim(rewriter, loc, x, 1),
                      rewriter.getIndexAttr(groups))};
    SmallVector<ReassociationIndices> reassociation = {{0}, {1, 2}};
    for (int64_t i = 2; i < rank; ++i) {
      shape.push_back(type.getDimSize(i));
      outShape.push_back(getDim(rewriter, loc, x, i));
      reassociation.push_back({i + 1});
    }
    auto groupedType = RankedTensorType::get(shape, e);
    Value grouped =
        expandShape(rewriter, loc, x, groupedType, reassociation, outShape);
    SmallVector<bool> reduced(rank + 1, true);
    reduced[0] = reduced[1] = false;
    // stash_type 1 computes the statistics in f32 (always true for f16).
    Type ct = getComputeType(e);
    auto [mean, var] = meanAndVariance(rewriter, loc, grouped, reduced, ct);
    double eps = op.getEpsilon().convertToDouble();
    Value scale = adaptor.getScale(), bias = adaptor.getBias();
    Value perGroup = dimValue(rewriter, loc, grouped, 2);
    Value normalized = normalizeWith(
        rewriter, loc, grouped, groupedType, reduced, ValueRange{mean, var},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange args) {
          Value v = toCompute(b, l, args[0], ct);
          Value inv = math::RsqrtOp::create(
              b, l,
              arith::AddFOp::create(b, l, args[2],
                                    createScalar(b, l, ct, eps)));
          Value c = arith::AddIOp::create(
              b, l, arith::MulIOp::create(b, l, ivs[1], perGroup), ivs[2]);
          Value s =
              toCompute(b, l, tensor::ExtractOp::create(b, l, scale, c), ct);
          Value bb =
              toCompute(b, l, tensor::ExtractOp::create(b, l, bias, c), ct);
          Value n = arith::MulFOp::create(
              b, l, arith::SubFOp::create(b, l, v, args[1]), inv);
          Value r = arith::AddFOp::create(
              b, l, arith::MulFOp::create(b, l, n, s), bb);
          return toCompute(b, l, r, e);
        });
    Value result = tensor::CollapseShapeOp::create(rewriter, loc, normalized,
                                                   reassociation);
    rewriter.replaceOp(op, castTo(rewriter, loc, result, type));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// LRN
//===----------------------------------------------------------------------===//

/// x / (bias + alpha / size * sum of x^2 over the nearby channels)^beta.
struct LRNLowering : OpConversionPattern<onnx::LRNOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::LRNOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (failed(checkFloat(op, e)))
      return failure();
    Value x = adaptor.getX();
    int64_t size = op.getSize();
    int64_t before = (size - 1) / 2,
            after = size / 2; // floor, ceil of (size-1)/2
    Type ct = getComputeType(e);
    Value channels = dimValue(rewriter, loc, x, 1);
    double alpha = op.getAlpha().convertToDouble() / size;
    double beta = op.getBeta().convertToDouble();
    double bias = op.getBias().convertToDouble();
    Value result = buildIndexedGeneric(
        rewriter, loc, type, getDims(rewriter, loc, x), x,
        rewriter.getMultiDimIdentityMap(type.getRank()),
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange args) {
          Value c = ivs[1];
          Value lo = arith::MaxSIOp::create(
              b, l, arith::SubIOp::create(b, l, c, cIndex(b, l, before)),
              cIndex(b, l, 0));
          Value hi = arith::MinSIOp::create(
              b, l, arith::AddIOp::create(b, l, c, cIndex(b, l, after + 1)),
              channels);
          auto loop = scf::ForOp::create(
              b, l, lo, hi, cIndex(b, l, 1),
              ValueRange{createScalar(b, l, ct, 0)},
              [&](OpBuilder &nb, Location nl, Value j, ValueRange iter) {
                SmallVector<Value> at(ivs);
                at[1] = j;
                Value v = toCompute(
                    nb, nl, tensor::ExtractOp::create(nb, nl, x, at), ct);
                scf::YieldOp::create(
                    nb, nl,
                    ValueRange{arith::AddFOp::create(
                        nb, nl, iter[0], arith::MulFOp::create(nb, nl, v, v))});
              });
          Value d = arith::AddFOp::create(
              b, l, createScalar(b, l, ct, bias),
              arith::MulFOp::create(b, l, createScalar(b, l, ct, alpha),
                                    loop.getResult(0)));
          d = math::PowFOp::create(b, l, d, createScalar(b, l, ct, beta));
          Value r =
              arith::DivFOp::create(b, l, toCompute(b, l, args[0], ct), d);
          return toCompute(b, l, r, e);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// LpPool, GlobalLpPool
//===----------------------------------------------------------------------===//

/// |v|^p for an integer p (a product for p <= 4, math.powf beyond).
Value absPow(OpBuilder &b, Location loc, Value v, int64_t p) {
  Value a = math::AbsFOp::create(b, loc, v);
  if (p > 4)
    return math::PowFOp::create(b, loc, a,
                                createScalar(b, loc, a.getType(), p));
  Value r = a;
  for (int64_t i = 1; i < p; ++i)
    r = arith::MulFOp::create(b, loc, r, a);
  return r;
}

Value root(OpBuilder &b, Location loc, Value v, int64_t p) {
  if (p == 1)
    return v;
  if (p == 2)
    return math::SqrtOp::create(b, loc, v);
  return math::PowFOp::create(b, loc, v,
                              createScalar(b, loc, v.getType(), 1.0 / p));
}

struct LpPoolLowering : OpConversionPattern<onnx::LpPoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::LpPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (failed(checkFloat(op, e)))
      return failure();
    Value x = adaptor.getX();
    auto xType = cast<RankedTensorType>(x.getType());
    int64_t p = op.getP();
    Type ct = getComputeType(e);
    auto powType = xType.clone(ct);
    Value powered = buildElementwise(
        rewriter, loc, powType, x, [&](OpBuilder &b, Location l, ValueRange a) {
          return absPow(b, l, toCompute(b, l, a[0], ct), p);
        });
    // Window means that count the zero padding, times the window size, are
    // the window sums.
    SmallVector<NamedAttribute> attrs;
    for (NamedAttribute attr : op->getAttrs())
      if (attr.getName() != "p")
        attrs.push_back(attr);
    attrs.push_back(rewriter.getNamedAttr("count_include_pad",
                                          rewriter.getI64IntegerAttr(1)));
    auto avg = onnx::AveragePoolOp::create(
        rewriter, loc, TypeRange{type.clone(ct)}, ValueRange{powered}, attrs);
    int64_t kernel = 1;
    for (int64_t k : op.getKernelShape())
      kernel *= k;
    Value result = buildElementwise(
        rewriter, loc, type, avg.getResult(),
        [&](OpBuilder &b, Location l, ValueRange a) {
          Value sum = arith::MulFOp::create(
              b, l, a[0], createScalar(b, l, ct, static_cast<double>(kernel)));
          return toCompute(b, l, root(b, l, sum, p), e);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct GlobalLpPoolLowering : OpConversionPattern<onnx::GlobalLpPoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::GlobalLpPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (failed(checkFloat(op, e)))
      return failure();
    Value x = adaptor.getX();
    int64_t rank = type.getRank(), p = op.getP();
    SmallVector<bool> reduced(rank, true);
    reduced[0] = reduced[1] = false;
    Type ct = getComputeType(e);
    Value sum = sumOver(
        rewriter, loc, x, reduced, ct,
        [&](OpBuilder &b, Location l, Value v) { return absPow(b, l, v, p); });
    auto sumType = cast<RankedTensorType>(sum.getType());
    Value r = buildElementwise(rewriter, loc, sumType.clone(e), sum,
                               [&](OpBuilder &b, Location l, ValueRange a) {
                                 return toCompute(b, l, root(b, l, a[0], p), e);
                               });
    r = expandReducedDims(rewriter, loc, r, reduced);
    rewriter.replaceOp(op, castTo(rewriter, loc, r, type));
    return success();
  }
};

/// log(ReduceSum): an onnx.ReduceSum (lowered by its own pattern), then log.
struct ReduceLogSumLowering : OpConversionPattern<onnx::ReduceLogSumOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ReduceLogSumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (failed(checkFloat(op, e)))
      return failure();
    auto sum = onnx::ReduceSumOp::create(rewriter, loc, TypeRange{type},
                                         adaptor.getOperands(), op->getAttrs());
    Value result = buildElementwise(
        rewriter, loc, type, sum.getResult(),
        [&](OpBuilder &b, Location l, ValueRange a) {
          Type ct = getComputeType(e);
          Value v = math::LogOp::create(b, l, toCompute(b, l, a[0], ct));
          return toCompute(b, l, v, e);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Einsum
//===----------------------------------------------------------------------===//

/// One linalg.generic: a loop per label, the output's labels first, the
/// summed ones as reductions. A label repeated within an input reads its
/// diagonal; ellipsis dims of size 1 broadcast.
struct EinsumLowering : OpConversionPattern<onnx::EinsumOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::EinsumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (!isSupportedFloat(e) && (!isa<IntegerType>(e) || e.isInteger(1)))
      return reportUnsupported(op, "element type " + typeToString(e) +
                                       " is not supported by this op");
    SmallVector<SmallVector<int64_t>> inputLabels;
    SmallVector<int64_t> outputLabels;
    if (failed(op.parseEquation(inputLabels, outputLabels)))
      return failure();
    // Loop order: output labels, then the summed ones.
    SmallVector<int64_t> loops(outputLabels);
    for (const auto &labels : inputLabels)
      for (int64_t l : labels)
        if (!llvm::is_contained(loops, l))
          loops.push_back(l);
    auto loopOf = [&](int64_t label) {
      return llvm::find(loops, label) - loops.begin();
    };
    int64_t numLoops = loops.size();
    // The size of each label: a dim that is not a static 1, if any.
    std::map<int64_t, std::pair<Value, int64_t>> sizeOf; // input, dim
    for (auto [labels, input] : llvm::zip(inputLabels, adaptor.getInputs())) {
      auto t = cast<RankedTensorType>(input.getType());
      for (auto [d, label] : llvm::enumerate(labels)) {
        auto it = sizeOf.find(label);
        if (it == sizeOf.end() ||
            (cast<RankedTensorType>(it->second.first.getType())
                     .getDimSize(it->second.second) == 1 &&
             t.getDimSize(d) != 1))
          sizeOf[label] = {input, static_cast<int64_t>(d)};
      }
    }
    MLIRContext *ctx = rewriter.getContext();
    SmallVector<AffineMap> maps;
    for (auto [labels, input] : llvm::zip(inputLabels, adaptor.getInputs())) {
      auto t = cast<RankedTensorType>(input.getType());
      SmallVector<AffineExpr> exprs;
      for (auto [d, label] : llvm::enumerate(labels)) {
        auto [src, srcDim] = sizeOf[label];
        bool broadcast =
            t.getDimSize(d) == 1 &&
            cast<RankedTensorType>(src.getType()).getDimSize(srcDim) != 1;
        exprs.push_back(broadcast ? getAffineConstantExpr(0, ctx)
                                  : getAffineDimExpr(loopOf(label), ctx));
      }
      maps.push_back(AffineMap::get(numLoops, 0, exprs, ctx));
    }
    SmallVector<AffineExpr> outExprs;
    SmallVector<OpFoldResult> outDims;
    for (auto [i, label] : llvm::enumerate(outputLabels)) {
      outExprs.push_back(getAffineDimExpr(i, ctx));
      auto [src, srcDim] = sizeOf[label];
      outDims.push_back(type.isDynamicDim(i)
                            ? getDim(rewriter, loc, src, srcDim)
                            : rewriter.getIndexAttr(type.getDimSize(i)));
    }
    maps.push_back(AffineMap::get(numLoops, 0, outExprs, ctx));
    SmallVector<utils::IteratorType> iterators;
    for (int64_t i = 0; i < numLoops; ++i)
      iterators.push_back(i < static_cast<int64_t>(outputLabels.size())
                              ? utils::IteratorType::parallel
                              : utils::IteratorType::reduction);
    Type ct = isa<FloatType>(e) ? getComputeType(e) : e;
    auto accType = type.clone(ct);
    Value init = createFilled(rewriter, loc, accType, outDims,
                              createScalar(rewriter, loc, ct, 0));
    auto generic = linalg::GenericOp::create(
        rewriter, loc, accType, adaptor.getInputs(), init, maps, iterators,
        [&](OpBuilder &b, Location l, ValueRange args) {
          bool isFloat = isa<FloatType>(ct);
          Value prod;
          for (Value a : args.drop_back()) {
            Value v = toCompute(b, l, a, ct);
            prod = !prod     ? v
                   : isFloat ? (Value)arith::MulFOp::create(b, l, prod, v)
                             : (Value)arith::MulIOp::create(b, l, prod, v);
          }
          Value acc = args.back();
          Value sum = isFloat ? (Value)arith::AddFOp::create(b, l, acc, prod)
                              : (Value)arith::AddIOp::create(b, l, acc, prod);
          linalg::YieldOp::create(b, l, sum);
        });
    Value result = generic.getResult(0);
    if (ct != e)
      result = truncateToType(rewriter, loc, result, type);
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Det
//===----------------------------------------------------------------------===//

/// Gaussian elimination with partial pivoting, in f64, of a copy of each
/// matrix; the determinant is the product of the pivots, negated per row
/// swap.
struct DetLowering : OpConversionPattern<onnx::DetOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::DetOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Type e = type.getElementType();
    if (failed(checkFloat(op, e)))
      return failure();
    Value x = adaptor.getX();
    int64_t batchRank = type.getRank();
    Type f64 = rewriter.getF64Type();
    Value n = dimValue(rewriter, loc, x, batchRank);
    SmallVector<Value> batchUbs;
    for (int64_t i = 0; i < batchRank; ++i)
      batchUbs.push_back(dimValue(rewriter, loc, x, i));
    auto matType = RankedTensorType::get(
        {ShapedType::kDynamic, ShapedType::kDynamic}, f64);
    Value out = createEmpty(rewriter, loc, type, getDims(rewriter, loc, x));
    auto body = [&](OpBuilder &b, Location l, ValueRange batch,
                    ValueRange iter) -> SmallVector<Value> {
      // The matrix in f64.
      Value m = buildIndexedGeneric(
          b, l, matType, {n, n}, {}, {},
          [&](OpBuilder &nb, Location nl, ValueRange ivs, ValueRange) {
            SmallVector<Value> at(batch);
            at.append(ivs.begin(), ivs.end());
            return toCompute(nb, nl, tensor::ExtractOp::create(nb, nl, x, at),
                             f64);
          });
      Value one = cIndex(b, l, 1);
      auto kLoop = scf::ForOp::create(
          b, l, cIndex(b, l, 0), n, one,
          ValueRange{m, createScalar(b, l, f64, 1)},
          [&](OpBuilder &kb, Location kl, Value k, ValueRange kIter) {
            Value a = kIter[0];
            auto get = [&](OpBuilder &gb, Location gl, Value t, Value i,
                           Value j) {
              return tensor::ExtractOp::create(gb, gl, t, ValueRange{i, j})
                  .getResult();
            };
            // The row with the largest |a[i][k]|, i >= k.
            auto pivot = scf::ForOp::create(
                kb, kl, k, n, one, ValueRange{k, createScalar(kb, kl, f64, -1)},
                [&](OpBuilder &pb, Location pl, Value i, ValueRange pIter) {
                  Value v = math::AbsFOp::create(pb, pl, get(pb, pl, a, i, k));
                  Value better = arith::CmpFOp::create(
                      pb, pl, arith::CmpFPredicate::OGT, v, pIter[1]);
                  scf::YieldOp::create(
                      pb, pl,
                      ValueRange{
                          arith::SelectOp::create(pb, pl, better, i, pIter[0]),
                          arith::SelectOp::create(pb, pl, better, v,
                                                  pIter[1])});
                });
            Value p = pivot.getResult(0);
            // Swap rows k and p.
            auto swap = scf::ForOp::create(
                kb, kl, cIndex(kb, kl, 0), n, one, ValueRange{a},
                [&](OpBuilder &sb, Location sl, Value j, ValueRange sIter) {
                  Value rk = get(sb, sl, sIter[0], k, j);
                  Value rp = get(sb, sl, sIter[0], p, j);
                  Value t = tensor::InsertOp::create(sb, sl, rp, sIter[0],
                                                     ValueRange{k, j});
                  t = tensor::InsertOp::create(sb, sl, rk, t, ValueRange{p, j});
                  scf::YieldOp::create(sb, sl, t);
                });
            a = swap.getResult(0);
            Value swapped =
                arith::CmpIOp::create(kb, kl, arith::CmpIPredicate::ne, p, k);
            Value det = kIter[1];
            det = arith::SelectOp::create(
                kb, kl, swapped, arith::NegFOp::create(kb, kl, det), det);
            Value pv = get(kb, kl, a, k, k);
            det = arith::MulFOp::create(kb, kl, det, pv);
            Value zero = createScalar(kb, kl, f64, 0);
            Value singular = arith::CmpFOp::create(
                kb, kl, arith::CmpFPredicate::OEQ, pv, zero);
            Value safePivot = arith::SelectOp::create(
                kb, kl, singular, createScalar(kb, kl, f64, 1), pv);
            // Eliminate below the pivot.
            Value next = arith::AddIOp::create(kb, kl, k, one);
            auto rows = scf::ForOp::create(
                kb, kl, next, n, one, ValueRange{a},
                [&](OpBuilder &rb, Location rl, Value i, ValueRange rIter) {
                  Value f = arith::DivFOp::create(
                      rb, rl, get(rb, rl, rIter[0], i, k), safePivot);
                  auto cols = scf::ForOp::create(
                      rb, rl, next, n, one, ValueRange{rIter[0]},
                      [&](OpBuilder &cb, Location cl, Value j,
                          ValueRange cIter) {
                        Value v = arith::SubFOp::create(
                            cb, cl, get(cb, cl, cIter[0], i, j),
                            arith::MulFOp::create(cb, cl, f,
                                                  get(cb, cl, cIter[0], k, j)));
                        scf::YieldOp::create(
                            cb, cl,
                            tensor::InsertOp::create(cb, cl, v, cIter[0],
                                                     ValueRange{i, j})
                                .getResult());
                      });
                  scf::YieldOp::create(rb, rl, cols.getResults());
                });
            scf::YieldOp::create(kb, kl, ValueRange{rows.getResult(0), det});
          });
      Value det = toCompute(b, l, kLoop.getResult(1), e);
      return {tensor::InsertOp::create(b, l, det, iter[0], batch).getResult()};
    };
    rewriter.replaceOp(op, buildLoops(rewriter, loc, batchUbs, out, body)[0]);
    return success();
  }
};

} // namespace

void populateTensorMathPatterns(const TypeConverter &converter,
                                RewritePatternSet &patterns) {
  patterns.add<LpNormalizationLowering, MeanVarianceNormalizationLowering,
               InstanceNormalizationLowering, GroupNormalizationLowering,
               LRNLowering, LpPoolLowering, GlobalLpPoolLowering,
               ReduceLogSumLowering, EinsumLowering, DetLowering>(
      converter, patterns.getContext());
  populateTensorSignalPatterns(converter, patterns);
}

} // namespace onnxc::lowering
