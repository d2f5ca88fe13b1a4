//===- Attention.cpp - onnx to linalg: Attention and LinearAttention ------===//
//
// Attention works on [batch, heads, seq, head_size] tensors (3-D inputs are
// split into heads and transposed first):
//   scores = (Q * s) (K * s)^T with s = sqrt(scale)
//   logits = softcap(scores) + bias       (bias: attn_mask, causal, window,
//                                          nonpad_kv_seqlen; -inf where masked)
//   P      = softmax(logits), zero in rows whose bias is all -inf
//   Y      = P V
// Grouped-query attention reads K/V head h / (q_heads / kv_heads). The math
// is done in f32 (f64 for f64); for f16/bf16 every step is rounded to the
// storage type the way a step-by-step evaluation in that type rounds, so the
// results agree with the reference bit for bit where it matters (bf16).
//
// LinearAttention runs an scf.for over the time steps carrying the per-head
// state [B, Hkv, dk, dv] in f32.
//
//===----------------------------------------------------------------------===//

#include "NNExtraCommon.h"

#include <cmath>
#include <limits>

using namespace mlir;

namespace onnxc::lowering {
namespace {

using namespace nnx;

constexpr double kInf = std::numeric_limits<double>::infinity();

using IT = utils::IteratorType;

/// [B, S, H * D] -> [B, H, S, D].
Value splitHeads(OpBuilder &b, Location loc, Value x, int64_t heads) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t hidden = type.getDimSize(2);
  int64_t headSize =
      ShapedType::isDynamic(hidden) ? ShapedType::kDynamic : hidden / heads;
  OpFoldResult hiddenDim = getDim(b, loc, x, 2);
  OpFoldResult headDim =
      floorDivIndex(b, loc, hiddenDim, b.getIndexAttr(heads));
  auto expandedType = RankedTensorType::get(
      {type.getDimSize(0), type.getDimSize(1), heads, headSize},
      type.getElementType());
  Value expanded = expandShape(b, loc, x, expandedType, {{0}, {1}, {2, 3}},
                               {getDim(b, loc, x, 0), getDim(b, loc, x, 1),
                                b.getIndexAttr(heads), headDim});
  auto resultType = RankedTensorType::get(
      {type.getDimSize(0), heads, type.getDimSize(1), headSize},
      type.getElementType());
  Value init = createEmpty(b, loc, resultType,
                           {getDim(b, loc, x, 0), b.getIndexAttr(heads),
                            getDim(b, loc, x, 1), headDim});
  return linalg::TransposeOp::create(b, loc, expanded, init,
                                     ArrayRef<int64_t>{0, 2, 1, 3})
      .getResult()[0];
}

/// The float type of a softmax_precision code (a TensorProto data type).
Type getPrecisionType(OpBuilder &b, int64_t code) {
  switch (code) {
  case 10:
    return b.getF16Type();
  case 11:
    return b.getF64Type();
  case 16:
    return b.getBF16Type();
  default:
    return b.getF32Type();
  }
}

Type wideType(OpBuilder &b, Type t) {
  return t.isF64() ? b.getF64Type() : b.getF32Type();
}

struct AttentionPattern : public OpConversionPattern<onnx::AttentionOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::AttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    const TypeConverter *converter = getTypeConverter();
    RankedTensorType yType = getConvertedResultType(converter, op, 0);
    Value q = adaptor.getQ(), k = adaptor.getK(), v = adaptor.getV();
    Value mask = adaptor.getAttnMask();
    Value pastKey = adaptor.getPastKey(), pastValue = adaptor.getPastValue();
    Value nonpad = adaptor.getNonpadKvSeqlen();
    if (!yType || !isa<RankedTensorType>(q.getType()) ||
        !isa<RankedTensorType>(k.getType()) ||
        !isa<RankedTensorType>(v.getType()))
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    if (!isFloatTensor(q) || !isFloatTensor(k) || !isFloatTensor(v) ||
        (!isNone(pastKey) && !isFloatTensor(pastKey)) ||
        (!isNone(pastValue) && !isFloatTensor(pastValue)))
      return reportUnsupported(op, "Q, K, V and the caches must be float "
                                   "tensors");
    int64_t rank = cast<RankedTensorType>(q.getType()).getRank();
    if (rank != 3 && rank != 4)
      return reportUnsupported(op, "Q, K and V must have rank 3 or 4");
    if (rank == 3) {
      if (!op.getQNumHeads() || !op.getKvNumHeads())
        return reportUnsupported(op, "q_num_heads and kv_num_heads are "
                                     "required for rank 3");
      q = splitHeads(rewriter, loc, q, *op.getQNumHeads());
      k = splitHeads(rewriter, loc, k, *op.getKvNumHeads());
      v = splitHeads(rewriter, loc, v, *op.getKvNumHeads());
    }
    if (!isNone(pastKey)) {
      k = concatAlong(rewriter, loc, pastKey, k, 2);
      v = concatAlong(rewriter, loc, pastValue, v, 2);
    }
    auto qType = cast<RankedTensorType>(q.getType());
    auto kType = cast<RankedTensorType>(k.getType());
    int64_t qHeads = qType.getDimSize(1), kvHeads = kType.getDimSize(1);
    int64_t groups = 1;
    if (qHeads != kvHeads) {
      if (ShapedType::isDynamic(qHeads) || ShapedType::isDynamic(kvHeads) ||
          qHeads % kvHeads != 0)
        return reportUnsupported(
            op, "the query and key/value head counts must be static, the "
                "first a multiple of the second");
      groups = qHeads / kvHeads;
    }

    MLIRContext *ctx = rewriter.getContext();
    Type t = qType.getElementType();
    Type ct = wideType(rewriter, t);
    Type p = op.getSoftmaxPrecision()
                 ? getPrecisionType(rewriter, *op.getSoftmaxPrecision())
                 : t;
    Type cs = wideType(rewriter, p);
    // s = sqrt(scale) (scale defaults to 1 / sqrt(head_size)), in T.
    Value s;
    {
      Type f64 = rewriter.getF64Type();
      Value scale;
      if (op.getScale()) {
        scale =
            createScalar(rewriter, loc, f64, op.getScale()->convertToDouble());
      } else {
        Value d = getValueOrCreateConstantIndexOp(rewriter, loc,
                                                  getDim(rewriter, loc, q, 3));
        d = arith::IndexCastOp::create(rewriter, loc, rewriter.getI64Type(), d);
        d = arith::SIToFPOp::create(rewriter, loc, f64, d);
        scale = arith::DivFOp::create(rewriter, loc,
                                      createScalar(rewriter, loc, f64, 1),
                                      math::SqrtOp::create(rewriter, loc, d));
      }
      s = math::SqrtOp::create(rewriter, loc, scale);
      s = toFloat(rewriter, loc, toFloat(rewriter, loc, s, t), ct);
    }
    auto scaled = [&](Value x) {
      auto type = cast<RankedTensorType>(x.getType());
      return buildElementwise(rewriter, loc, type.clone(t), x,
                              [&](OpBuilder &b, Location l, ValueRange args) {
                                Value r = arith::MulFOp::create(
                                    b, l, toFloat(b, l, args[0], ct), s);
                                return toFloat(b, l, r, t);
                              });
    };
    Value qs = scaled(q), ks = scaled(k);

    // scores[b, h, i, j] = sum_d qs[b, h, i, d] * ks[b, h / groups, j, d]
    AffineExpr db, dh, di, dj, dd;
    bindDims(ctx, db, dh, di, dj, dd);
    AffineExpr kvHead = groups == 1 ? dh : dh.floorDiv(groups);
    OpFoldResult batch = getDim(rewriter, loc, q, 0);
    OpFoldResult heads = getDim(rewriter, loc, q, 1);
    OpFoldResult qSeq = getDim(rewriter, loc, q, 2);
    OpFoldResult kvSeq = getDim(rewriter, loc, k, 2);
    SmallVector<OpFoldResult> scoreDims = {batch, heads, qSeq, kvSeq};
    auto scoreShape = [&](Type elementType) {
      SmallVector<int64_t> shape;
      for (OpFoldResult d : scoreDims) {
        std::optional<int64_t> c = getConstantIntValue(d);
        shape.push_back(c ? *c : ShapedType::kDynamic);
      }
      return RankedTensorType::get(shape, elementType);
    };
    Value scores = buildGeneric(
        rewriter, loc, {qs, ks},
        createFilled(rewriter, loc, scoreShape(ct), scoreDims,
                     createScalar(rewriter, loc, ct, 0)),
        {AffineMap::get(5, 0, {db, dh, di, dd}, ctx),
         AffineMap::get(5, 0, {db, kvHead, dj, dd}, ctx),
         AffineMap::get(5, 0, {db, dh, di, dj}, ctx)},
        {IT::parallel, IT::parallel, IT::parallel, IT::parallel, IT::reduction},
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          Value prod = arith::MulFOp::create(b, l, toFloat(b, l, args[0], ct),
                                             toFloat(b, l, args[1], ct));
          return {arith::AddFOp::create(b, l, args[2], prod)};
        })[0];

    // The mask, padded with -inf / false up to the key length.
    auto score4 = scoreShape(ct);
    bool hasMask = !isNone(mask);
    AffineMap maskMap;
    if (hasMask) {
      auto maskType = dyn_cast<RankedTensorType>(mask.getType());
      if (!maskType || maskType.getRank() < 1 || maskType.getRank() > 4 ||
          !(isSupportedFloatType(maskType.getElementType()) ||
            maskType.getElementType().isInteger(1)))
        return reportUnsupported(op, "attn_mask must be a bool or float "
                                     "tensor of rank 1 to 4");
      int64_t last = maskType.getRank() - 1;
      OpFoldResult pad =
          subIndex(rewriter, loc, kvSeq, getDim(rewriter, loc, mask, last));
      if (!isZeroInteger(pad)) {
        SmallVector<OpFoldResult> low(maskType.getRank(),
                                      rewriter.getIndexAttr(0));
        SmallVector<OpFoldResult> high(low);
        high[last] = pad;
        Type me = maskType.getElementType();
        Value padValue =
            me.isInteger(1)
                ? arith::ConstantIntOp::create(rewriter, loc, 0, 1).getResult()
                : createScalar(rewriter, loc, me, -kInf);
        mask = padTensor(rewriter, loc, mask, low, high, padValue);
        maskType = cast<RankedTensorType>(mask.getType());
      }
      if (!isBroadcastableTo(maskType, score4))
        return reportUnsupported(op, "attn_mask does not broadcast to the "
                                     "scores " +
                                         typeToString(score4));
      maskMap = getBroadcastMap(ctx, maskType, score4);
    }
    bool hasNonpad = !isNone(nonpad);
    // The offset of the query block in the key sequence.
    Value pastLen;
    if (!isNone(pastKey))
      pastLen = getValueOrCreateConstantIndexOp(
          rewriter, loc, getDim(rewriter, loc, pastKey, 2));
    Value qLen = getValueOrCreateConstantIndexOp(rewriter, loc, qSeq);
    bool causal = op.getIsCausal() != 0;
    int64_t left = op.getLeftWindowSize(), right = op.getRightWindowSize();
    double softcap = op.getSoftcap().convertToDouble();
    int64_t mode = op.getQkMatmulOutputMode();
    RankedTensorType qkType = getConvertedResultType(converter, op, 3);
    bool wantQk = qkType && mode != 3;

    SmallVector<Value> inputs = {scores};
    SmallVector<AffineMap> maps = {rewriter.getMultiDimIdentityMap(4)};
    if (hasMask) {
      inputs.push_back(mask);
      maps.push_back(maskMap);
    }
    SmallVector<Value> inits = {
        createEmpty(rewriter, loc, scoreShape(cs), scoreDims),
        createEmpty(rewriter, loc, scoreShape(ct), scoreDims)};
    if (wantQk)
      inits.push_back(createEmpty(rewriter, loc, scoreShape(t), scoreDims));
    maps.append(inits.size(), rewriter.getMultiDimIdentityMap(4));
    SmallVector<IT> parallel4(4, IT::parallel);
    SmallVector<Value> stage = buildGeneric(
        rewriter, loc, inputs, inits, maps, parallel4,
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          Value negInf = createScalar(b, l, ct, -kInf);
          Value zero = createScalar(b, l, ct, 0);
          Value qk = roundThrough(b, l, args[0], t);
          Value capped = qk;
          if (softcap > 0) {
            Value c = createScalar(b, l, ct, softcap);
            Value y = roundThrough(b, l, arith::DivFOp::create(b, l, qk, c), t);
            y = roundThrough(b, l, math::TanhOp::create(b, l, y), t);
            capped = roundThrough(b, l, arith::MulFOp::create(b, l, y, c), t);
          }
          // bias = allowed ? mask : -inf
          Value bias = zero;
          if (hasMask) {
            Value m = args[1];
            bias =
                m.getType().isInteger(1)
                    ? arith::SelectOp::create(b, l, m, zero, negInf).getResult()
                    : toFloat(b, l, m, ct);
          }
          SmallVector<Value> ivs = getIterationIndices(b, l, 4);
          Value i = arith::IndexCastOp::create(b, l, b.getI64Type(), ivs[2]);
          Value j = arith::IndexCastOp::create(b, l, b.getI64Type(), ivs[3]);
          Value nonpadLen;
          if (hasNonpad) {
            nonpadLen = tensor::ExtractOp::create(b, l, nonpad, ivs[0]);
            nonpadLen =
                convertScalar(b, l, nonpadLen, b.getI64Type(), false, false);
          }
          Value offset = createScalar(b, l, b.getI64Type(), 0);
          if (pastLen)
            offset = arith::IndexCastOp::create(b, l, b.getI64Type(), pastLen);
          else if (hasNonpad)
            offset = arith::SubIOp::create(
                b, l, nonpadLen,
                arith::IndexCastOp::create(b, l, b.getI64Type(), qLen));
          Value allowed = arith::ConstantIntOp::create(b, l, 1, 1);
          auto allow = [&](Value cond) {
            allowed = arith::AndIOp::create(b, l, allowed, cond);
          };
          // diff = (i + offset) - j
          Value diff = arith::SubIOp::create(
              b, l, arith::AddIOp::create(b, l, i, offset), j);
          Value zeroI = createScalar(b, l, b.getI64Type(), 0);
          if (causal)
            allow(arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, diff,
                                        zeroI));
          if (left >= 0)
            allow(arith::CmpIOp::create(
                b, l, arith::CmpIPredicate::sle, diff,
                createScalar(b, l, b.getI64Type(), left)));
          if (right >= 0)
            allow(arith::CmpIOp::create(
                b, l, arith::CmpIPredicate::sle,
                arith::SubIOp::create(b, l, zeroI, diff),
                createScalar(b, l, b.getI64Type(), right)));
          if (hasNonpad)
            allow(arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, j,
                                        nonpadLen));
          bias = arith::SelectOp::create(b, l, allowed, bias, negInf);
          Value withBias =
              roundThrough(b, l, arith::AddFOp::create(b, l, capped, bias), t);
          Value logit = roundThrough(b, l, toFloat(b, l, withBias, cs), p);
          SmallVector<Value> results = {logit, bias};
          if (wantQk) {
            Value out = mode == 0 ? qk : mode == 1 ? capped : withBias;
            results.push_back(toFloat(b, l, out, t));
          }
          return results;
        });
    Value logits = stage[0], bias = stage[1];

    // Row maxima of the logits and of the bias.
    AffineMap id4 = rewriter.getMultiDimIdentityMap(4);
    AffineMap rowMap = AffineMap::get(4, 0, {db, dh, di}, ctx);
    SmallVector<OpFoldResult> rowDims = {batch, heads, qSeq};
    auto rowType = [&](Type elementType) {
      auto shape = scoreShape(elementType).getShape().drop_back();
      return RankedTensorType::get(shape, elementType);
    };
    SmallVector<IT> rowIterators = {IT::parallel, IT::parallel, IT::parallel,
                                    IT::reduction};
    SmallVector<Value> maxima = buildGeneric(
        rewriter, loc, {logits, bias},
        {createFilled(rewriter, loc, rowType(cs), rowDims,
                      createScalar(rewriter, loc, cs, -kInf)),
         createFilled(rewriter, loc, rowType(ct), rowDims,
                      createScalar(rewriter, loc, ct, -kInf))},
        {id4, id4, rowMap, rowMap}, rowIterators,
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          return {arith::MaximumFOp::create(b, l, args[2], args[0]),
                  arith::MaximumFOp::create(b, l, args[3], args[1])};
        });
    // t = exp(x - max) (max 0 in all -inf rows); sum_j t.
    auto expShifted = [&](OpBuilder &b, Location l, Value x, Value max) {
      Value isNegInf = arith::CmpFOp::create(
          b, l, arith::CmpFPredicate::OEQ, max, createScalar(b, l, cs, -kInf));
      Value safe = arith::SelectOp::create(b, l, isNegInf,
                                           createScalar(b, l, cs, 0), max);
      Value d = roundThrough(b, l, arith::SubFOp::create(b, l, x, safe), p);
      return roundThrough(b, l, math::ExpOp::create(b, l, d), p);
    };
    // bf16 sums round at every step; f16 ones once at the end.
    bool roundEachAdd = p.isBF16();
    Value sum = buildGeneric(
        rewriter, loc, {logits, maxima[0]},
        createFilled(rewriter, loc, rowType(cs), rowDims,
                     createScalar(rewriter, loc, cs, 0)),
        {id4, rowMap, rowMap}, rowIterators,
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          Value sum = arith::AddFOp::create(b, l, args[2],
                                            expShifted(b, l, args[0], args[1]));
          return {roundEachAdd ? roundThrough(b, l, sum, p) : sum};
        })[0];
    Value probs = buildGeneric(
        rewriter, loc, {logits, maxima[0], sum, maxima[1]},
        createEmpty(rewriter, loc, scoreShape(t), scoreDims),
        {id4, rowMap, rowMap, rowMap, id4}, parallel4,
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          Value e = expShifted(b, l, args[0], args[1]);
          Value total = roundThrough(b, l, args[2], p);
          Value zero = createScalar(b, l, cs, 0);
          Value isZero = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ,
                                               total, zero);
          total = arith::SelectOp::create(b, l, isZero,
                                          createScalar(b, l, cs, 1), total);
          Value r =
              roundThrough(b, l, arith::DivFOp::create(b, l, e, total), p);
          Value masked =
              arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, args[3],
                                    createScalar(b, l, ct, -kInf));
          r = arith::SelectOp::create(b, l, masked, zero, r);
          return {toFloat(b, l, r, t)};
        })[0];

    // Y[b, h, i, e] = sum_j probs[b, h, i, j] * v[b, h / groups, j, e],
    // written as [B, S, H, Dv] for 3-D outputs.
    AffineExpr de;
    {
      AffineExpr e0, e1, e2, e3, e4;
      bindDims(ctx, e0, e1, e2, e3, e4);
      db = e0, dh = e1, di = e2, de = e3, dj = e4;
    }
    kvHead = groups == 1 ? dh : dh.floorDiv(groups);
    OpFoldResult vHead = getDim(rewriter, loc, v, 3);
    bool is3d = rank == 3;
    SmallVector<OpFoldResult> yDims =
        is3d ? SmallVector<OpFoldResult>{batch, qSeq, heads, vHead}
             : SmallVector<OpFoldResult>{batch, heads, qSeq, vHead};
    SmallVector<int64_t> yShape;
    for (OpFoldResult d : yDims) {
      std::optional<int64_t> c = getConstantIntValue(d);
      yShape.push_back(c ? *c : ShapedType::kDynamic);
    }
    AffineMap yMap = is3d ? AffineMap::get(5, 0, {db, di, dh, de}, ctx)
                          : AffineMap::get(5, 0, {db, dh, di, de}, ctx);
    Value y = buildGeneric(
        rewriter, loc, {probs, v},
        createFilled(rewriter, loc, RankedTensorType::get(yShape, ct), yDims,
                     createScalar(rewriter, loc, ct, 0)),
        {AffineMap::get(5, 0, {db, dh, di, dj}, ctx),
         AffineMap::get(5, 0, {db, kvHead, dj, de}, ctx), yMap},
        {IT::parallel, IT::parallel, IT::parallel, IT::parallel, IT::reduction},
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          Value prod = arith::MulFOp::create(b, l, toFloat(b, l, args[0], ct),
                                             toFloat(b, l, args[1], ct));
          return {arith::AddFOp::create(b, l, args[2], prod)};
        })[0];
    y = truncateToType(rewriter, loc, y,
                       RankedTensorType::get(yShape, yType.getElementType()));
    if (is3d) {
      auto yt = cast<RankedTensorType>(y.getType());
      int64_t merged = ShapedType::isDynamic(yt.getDimSize(2)) ||
                               ShapedType::isDynamic(yt.getDimSize(3))
                           ? ShapedType::kDynamic
                           : yt.getDimSize(2) * yt.getDimSize(3);
      auto collapsed = RankedTensorType::get(
          {yt.getDimSize(0), yt.getDimSize(1), merged}, yt.getElementType());
      y = tensor::CollapseShapeOp::create(
          rewriter, loc, collapsed, y,
          ArrayRef<ReassociationIndices>{{0}, {1}, {2, 3}});
    }

    SmallVector<Value> results = {castTo(rewriter, loc, y, yType)};
    for (auto [idx, value] : {std::pair(1u, k), std::pair(2u, v)}) {
      RankedTensorType type = getConvertedResultType(converter, op, idx);
      results.push_back(type ? castTo(rewriter, loc, value, type) : Value());
    }
    if (qkType)
      results.push_back(
          castTo(rewriter, loc, mode == 3 ? probs : stage[2], qkType));
    else
      results.push_back(Value());
    rewriter.replaceOp(op, results);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// LinearAttention
//===----------------------------------------------------------------------===//

/// The slice at time `t` of a [B, T, H * D] tensor as [B, H, D] (`heads`
/// given), or [B, X] when `heads` is 0.
Value timeSlice(OpBuilder &b, Location loc, Value x, Value t, int64_t heads) {
  auto type = cast<RankedTensorType>(x.getType());
  Value slice = extractSlice(
      b, loc, x, {b.getIndexAttr(0), t, b.getIndexAttr(0)},
      {getDim(b, loc, x, 0), b.getIndexAttr(1), getDim(b, loc, x, 2)},
      {false, true, false});
  if (heads == 0)
    return slice;
  int64_t hidden = type.getDimSize(2);
  int64_t headSize =
      ShapedType::isDynamic(hidden) ? ShapedType::kDynamic : hidden / heads;
  auto expanded = RankedTensorType::get({type.getDimSize(0), heads, headSize},
                                        type.getElementType());
  return expandShape(
      b, loc, slice, expanded, {{0}, {1, 2}},
      {getDim(b, loc, x, 0), b.getIndexAttr(heads),
       floorDivIndex(b, loc, getDim(b, loc, x, 2), b.getIndexAttr(heads))});
}

/// An scf.for over time carrying the state S [B, Hkv, dk, dv] in f32:
///   S = S * exp(decay_t)                         (gated rules)
///   v' = beta_t * (v_t - sum_i S[i, :] k_t[i])   (delta rules; else v_t)
///   S = S + k_t v'^T
///   out_t[hq] = scale * q_t[hq]^T S[hq / groups]
struct LinearAttentionPattern
    : public OpConversionPattern<onnx::LinearAttentionOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::LinearAttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    const TypeConverter *converter = getTypeConverter();
    RankedTensorType outType = getConvertedResultType(converter, op, 0);
    RankedTensorType stateType = getConvertedResultType(converter, op, 1);
    Value q = adaptor.getQuery(), k = adaptor.getKey(), v = adaptor.getValue();
    Value past = adaptor.getPastState(), decay = adaptor.getDecay();
    Value beta = adaptor.getBeta();
    if (!outType || !stateType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    for (Value x : {q, k, v, past, decay, beta})
      if (!isNone(x) && !isFloatTensor(x))
        return reportUnsupported(op, "the operands must be float tensors");
    for (Value x : {q, k, v, decay, beta})
      if (!isNone(x) && cast<RankedTensorType>(x.getType()).getRank() != 3)
        return reportUnsupported(op, "query, key, value, decay and beta must "
                                     "have rank 3");
    int64_t qHeads = op.getQNumHeads(), kvHeads = op.getKvNumHeads();
    int64_t groups = qHeads / kvHeads;
    MLIRContext *ctx = rewriter.getContext();
    Type f32 = rewriter.getF32Type();
    // The state and output shapes.
    int64_t stateShape[4], outShape[4];
    for (int i = 0; i < 4; ++i)
      stateShape[i] = stateType.getDimSize(i);
    SmallVector<OpFoldResult> stateDims = {
        getDim(rewriter, loc, q, 0), rewriter.getIndexAttr(kvHeads),
        floorDivIndex(rewriter, loc, getDim(rewriter, loc, q, 2),
                      rewriter.getIndexAttr(qHeads)),
        floorDivIndex(rewriter, loc, getDim(rewriter, loc, v, 2),
                      rewriter.getIndexAttr(kvHeads))};
    auto state4 = RankedTensorType::get(stateShape, f32);
    Value state;
    if (isNone(past)) {
      state = createFilled(rewriter, loc, state4, stateDims,
                           createScalar(rewriter, loc, f32, 0));
    } else {
      state = buildElementwise(rewriter, loc, state4, past,
                               [&](OpBuilder &b, Location l, ValueRange args) {
                                 return toFloat(b, l, args[0], f32);
                               });
    }
    outShape[0] = stateShape[0];
    outShape[1] = cast<RankedTensorType>(q.getType()).getDimSize(1);
    outShape[2] = qHeads;
    outShape[3] = stateShape[3];
    SmallVector<OpFoldResult> outDims = {
        stateDims[0], getDim(rewriter, loc, q, 1),
        rewriter.getIndexAttr(qHeads), stateDims[3]};
    Value out = createEmpty(rewriter, loc, RankedTensorType::get(outShape, f32),
                            outDims);
    // The scale: the attribute, or 1 / sqrt(dk).
    Value scale;
    double scaleAttr = op.getScale().convertToDouble();
    if (scaleAttr != 0) {
      scale = createScalar(rewriter, loc, f32, scaleAttr);
    } else {
      Value dk = getValueOrCreateConstantIndexOp(rewriter, loc, stateDims[2]);
      dk = arith::IndexCastOp::create(rewriter, loc, rewriter.getI64Type(), dk);
      Value d =
          arith::SIToFPOp::create(rewriter, loc, rewriter.getF64Type(), dk);
      Value inv = arith::DivFOp::create(
          rewriter, loc, createScalar(rewriter, loc, rewriter.getF64Type(), 1),
          math::SqrtOp::create(rewriter, loc, d));
      scale = toFloat(rewriter, loc, inv, f32);
    }
    bool perHeadDecay = false;
    if (!isNone(decay)) {
      int64_t last = cast<RankedTensorType>(decay.getType()).getDimSize(2);
      if (last == kvHeads)
        perHeadDecay = true;
      else if (ShapedType::isDynamic(last) ||
               ShapedType::isDynamic(stateShape[2]) ||
               last != kvHeads * stateShape[2])
        return reportUnsupported(op, "the last dim of decay must be "
                                     "kv_num_heads or kv_num_heads * d_k");
    }
    bool sharedBeta = false;
    if (!isNone(beta)) {
      int64_t last = cast<RankedTensorType>(beta.getType()).getDimSize(2);
      if (last != kvHeads && last != 1)
        return reportUnsupported(op, "the last dim of beta must be "
                                     "kv_num_heads or 1");
      sharedBeta = last == 1 && kvHeads != 1;
    }

    AffineExpr db, dh, di, dm;
    bindDims(ctx, db, dh, di, dm);
    AffineMap id4 = rewriter.getMultiDimIdentityMap(4);
    auto map4 = [&](ArrayRef<AffineExpr> exprs) {
      return AffineMap::get(4, 0, exprs, ctx);
    };
    SmallVector<IT> parallel4(4, IT::parallel);
    SmallVector<IT> reduceLast = {IT::parallel, IT::parallel, IT::parallel,
                                  IT::reduction};
    Value lower = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value upper = getValueOrCreateConstantIndexOp(rewriter, loc, outDims[1]);
    Value step = arith::ConstantIndexOp::create(rewriter, loc, 1);
    auto loop = scf::ForOp::create(
        rewriter, loc, lower, upper, step, ValueRange{state, out},
        [&](OpBuilder &b, Location l, Value t, ValueRange carried) {
          Value s = carried[0];
          Value qt = timeSlice(b, l, q, t, qHeads);
          Value kt = timeSlice(b, l, k, t, kvHeads);
          Value vt = timeSlice(b, l, v, t, kvHeads);
          auto sType = cast<RankedTensorType>(s.getType());
          SmallVector<OpFoldResult> sDims = getDims(b, l, s);
          if (!isNone(decay)) {
            Value g = timeSlice(b, l, decay, t, perHeadDecay ? 0 : kvHeads);
            AffineMap gMap = perHeadDecay ? map4({db, dh}) : map4({db, dh, di});
            s = buildGeneric(
                b, l, {s, g}, createEmpty(b, l, sType, sDims), {id4, gMap, id4},
                parallel4,
                [&](OpBuilder &nb, Location nl,
                    ValueRange args) -> SmallVector<Value> {
                  Value e = math::ExpOp::create(nb, nl,
                                                toFloat(nb, nl, args[1], f32));
                  return {arith::MulFOp::create(nb, nl, args[0], e)};
                })[0];
          }
          // v' [B, Hkv, dv]
          auto vType = RankedTensorType::get(
              {stateShape[0], kvHeads, stateShape[3]}, f32);
          SmallVector<OpFoldResult> vDims = {sDims[0], sDims[1], sDims[3]};
          AffineMap vMap = map4({db, dh, dm});
          Value vNew = buildGeneric(b, l, vt, createEmpty(b, l, vType, vDims),
                                    {AffineMap::get(3, 0, {db, dh, di}, ctx),
                                     b.getMultiDimIdentityMap(3)},
                                    {IT::parallel, IT::parallel, IT::parallel},
                                    [&](OpBuilder &nb, Location nl,
                                        ValueRange args) -> SmallVector<Value> {
                                      return {toFloat(nb, nl, args[0], f32)};
                                    })[0];
          if (!isNone(beta)) {
            // retrieved[b, h, m] = sum_i S[b, h, i, m] * k[b, h, i]
            Value retrieved = buildGeneric(
                b, l, {s, kt},
                createFilled(b, l, vType, vDims, createScalar(b, l, f32, 0)),
                {map4({db, dh, dm, di}), map4({db, dh, dm}),
                 map4({db, dh, di})},
                reduceLast,
                [&](OpBuilder &nb, Location nl,
                    ValueRange args) -> SmallVector<Value> {
                  Value p = arith::MulFOp::create(
                      nb, nl, args[0], toFloat(nb, nl, args[1], f32));
                  return {arith::AddFOp::create(nb, nl, args[2], p)};
                })[0];
            Value bt = timeSlice(b, l, beta, t, 0);
            AffineMap betaMap = AffineMap::get(
                3, 0, {db, sharedBeta ? b.getAffineConstantExpr(0) : dh}, ctx);
            AffineMap id3 = b.getMultiDimIdentityMap(3);
            vNew = buildGeneric(
                b, l, {vNew, retrieved, bt}, createEmpty(b, l, vType, vDims),
                {id3, id3, betaMap, id3},
                {IT::parallel, IT::parallel, IT::parallel},
                [&](OpBuilder &nb, Location nl,
                    ValueRange args) -> SmallVector<Value> {
                  Value d = arith::SubFOp::create(nb, nl, args[0], args[1]);
                  return {arith::MulFOp::create(
                      nb, nl, toFloat(nb, nl, args[2], f32), d)};
                })[0];
          }
          // S += k v'^T
          s = buildGeneric(b, l, {s, kt, vNew}, createEmpty(b, l, sType, sDims),
                           {id4, map4({db, dh, di}), vMap, id4}, parallel4,
                           [&](OpBuilder &nb, Location nl,
                               ValueRange args) -> SmallVector<Value> {
                             Value p = arith::MulFOp::create(
                                 nb, nl, toFloat(nb, nl, args[1], f32),
                                 args[2]);
                             return {arith::AddFOp::create(nb, nl, args[0], p)};
                           })[0];
          // out_t[b, hq, m] = scale * sum_i q[b, hq, i] * S[b, hq / g, i, m]
          AffineExpr kvHead = groups == 1 ? dh : dh.floorDiv(groups);
          auto oType =
              RankedTensorType::get({outShape[0], qHeads, outShape[3]}, f32);
          SmallVector<OpFoldResult> oDims = {sDims[0], b.getIndexAttr(qHeads),
                                             sDims[3]};
          Value ot = buildGeneric(
              b, l, {qt, s},
              createFilled(b, l, oType, oDims, createScalar(b, l, f32, 0)),
              {map4({db, dh, dm}), map4({db, kvHead, dm, di}),
               map4({db, dh, di})},
              reduceLast,
              [&](OpBuilder &nb, Location nl,
                  ValueRange args) -> SmallVector<Value> {
                Value p = arith::MulFOp::create(
                    nb, nl, toFloat(nb, nl, args[0], f32), args[1]);
                return {arith::AddFOp::create(nb, nl, args[2], p)};
              })[0];
          ot = buildElementwise(
              b, l, oType, ot,
              [&](OpBuilder &nb, Location nl, ValueRange args) {
                return arith::MulFOp::create(nb, nl, args[0], scale)
                    .getResult();
              });
          Value o = insertSlice(
              b, l, ot, carried[1],
              {b.getIndexAttr(0), t, b.getIndexAttr(0), b.getIndexAttr(0)},
              {oDims[0], b.getIndexAttr(1), oDims[1], oDims[2]});
          scf::YieldOp::create(b, l, ValueRange{s, o});
        });

    // [B, T, Hq, dv] -> [B, T, Hq * dv] in the output type.
    Value result = truncateToType(
        rewriter, loc, loop.getResult(1),
        RankedTensorType::get(outShape, outType.getElementType()));
    int64_t merged = ShapedType::isDynamic(outShape[3]) ? ShapedType::kDynamic
                                                        : qHeads * outShape[3];
    result = tensor::CollapseShapeOp::create(
        rewriter, loc,
        RankedTensorType::get({outShape[0], outShape[1], merged},
                              outType.getElementType()),
        result, ArrayRef<ReassociationIndices>{{0}, {1}, {2, 3}});
    Value finalState = truncateToType(
        rewriter, loc, loop.getResult(0),
        RankedTensorType::get(stateShape, stateType.getElementType()));
    rewriter.replaceOp(op, {castTo(rewriter, loc, result, outType),
                            castTo(rewriter, loc, finalState, stateType)});
    return success();
  }
};

} // namespace
} // namespace onnxc::lowering

void onnxc::lowering::nnx::populateAttentionPatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns) {
  patterns.add<AttentionPattern, LinearAttentionPattern>(converter,
                                                         patterns.getContext());
}
