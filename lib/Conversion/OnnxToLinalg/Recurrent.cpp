//===- Recurrent.cpp - onnx to linalg: LSTM, GRU and RNN ------------------===//
//
// Each direction is one scf.for over the time steps. The input projection
// X W^T + Wb of all steps is one contraction before the loop; inside it,
// H R^T + Rb is a contraction and the gates are one element-wise generic over
// [batch, hidden] that also produces the step's row of Y. Steps at or past a
// batch entry's sequence_lens keep its state and write zeros to Y (the reverse
// direction walks from the last step down, so an entry starts at its own last
// valid step). Computed in f32 (f64 for f64).
//
//===----------------------------------------------------------------------===//

#include "NNExtraCommon.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

using namespace nnx;

using IT = utils::IteratorType;

enum class CellKind { LSTM, GRU, RNN };

/// The operands and attributes of one recurrent op, after conversion.
struct RecurrentParams {
  CellKind kind;
  Value x, w, r, b, seqLens, initialH, initialC, p;
  StringRef direction;
  int64_t layout;
  std::optional<float> clip;
  bool linearBeforeReset = false;
  bool inputForget = false;
};

/// True for an operand that is given (not null and not none).
bool present(Value v) { return v && !isNone(v); }

int64_t numGates(CellKind kind) {
  return kind == CellKind::LSTM ? 4 : kind == CellKind::GRU ? 3 : 1;
}

/// out[m, n] = init[n] + sum_k a[m, k] * bt[n, k] (a 2-D, bt 2-D, init 1-D
/// or none), in `ct`.
Value matmulTransposed(OpBuilder &b, Location loc, Value a, Value bt,
                       Value init, Type ct) {
  MLIRContext *ctx = b.getContext();
  auto aType = cast<RankedTensorType>(a.getType());
  auto btType = cast<RankedTensorType>(bt.getType());
  auto type =
      RankedTensorType::get({aType.getDimSize(0), btType.getDimSize(0)}, ct);
  SmallVector<OpFoldResult> dims = {getDim(b, loc, a, 0),
                                    getDim(b, loc, bt, 0)};
  Value acc;
  if (init) {
    acc = buildGeneric(
        b, loc, init, createEmpty(b, loc, type, dims),
        {AffineMap::get(2, 0, getAffineDimExpr(1, ctx), ctx),
         b.getMultiDimIdentityMap(2)},
        {IT::parallel, IT::parallel},
        [&](OpBuilder &nb, Location l, ValueRange args) -> SmallVector<Value> {
          return {toFloat(nb, l, args[0], ct)};
        })[0];
  } else {
    acc = createFilled(b, loc, type, dims, createScalar(b, loc, ct, 0));
  }
  AffineExpr m, n, k;
  bindDims(ctx, m, n, k);
  return buildGeneric(
      b, loc, {a, bt}, acc,
      {AffineMap::get(3, 0, {m, k}, ctx), AffineMap::get(3, 0, {n, k}, ctx),
       AffineMap::get(3, 0, {m, n}, ctx)},
      {IT::parallel, IT::parallel, IT::reduction},
      [&](OpBuilder &nb, Location l, ValueRange args) -> SmallVector<Value> {
        Value prod = arith::MulFOp::create(nb, l, toFloat(nb, l, args[0], ct),
                                           toFloat(nb, l, args[1], ct));
        return {arith::AddFOp::create(nb, l, args[2], prod)};
      })[0];
}

/// [G * H] or [B, G * H] -> [G, H] / [B, G, H].
Value splitGates(OpBuilder &b, Location loc, Value v, int64_t gates,
                 OpFoldResult hidden) {
  auto type = cast<RankedTensorType>(v.getType());
  std::optional<int64_t> h = getConstantIntValue(hidden);
  int64_t hs = h ? *h : ShapedType::kDynamic;
  SmallVector<int64_t> shape(type.getShape().drop_back());
  SmallVector<OpFoldResult> dims;
  for (int64_t i = 0; i + 1 < type.getRank(); ++i)
    dims.push_back(getDim(b, loc, v, i));
  SmallVector<ReassociationIndices> reassociation;
  for (int64_t i = 0; i + 1 < type.getRank(); ++i)
    reassociation.push_back({i});
  int64_t last = type.getRank() - 1;
  reassociation.push_back({last, last + 1});
  shape.append({gates, hs});
  dims.append({b.getIndexAttr(gates), hidden});
  return expandShape(b, loc, v,
                     RankedTensorType::get(shape, type.getElementType()),
                     reassociation, dims);
}

/// Slice `index` of dim 0 of a 3-D or 2-D tensor, without that dim.
Value sliceDim0(OpBuilder &b, Location loc, Value v, OpFoldResult index) {
  auto type = cast<RankedTensorType>(v.getType());
  SmallVector<OpFoldResult> offsets(type.getRank(), b.getIndexAttr(0));
  offsets[0] = index;
  SmallVector<OpFoldResult> sizes = getDims(b, loc, v);
  sizes[0] = b.getIndexAttr(1);
  SmallVector<bool> drop(type.getRank(), false);
  drop[0] = true;
  return extractSlice(b, loc, v, offsets, sizes, drop);
}

/// [a, b, c] -> [b, a, c].
Value swap01(OpBuilder &b, Location loc, Value v) {
  auto type = cast<RankedTensorType>(v.getType());
  SmallVector<OpFoldResult> dims = getDims(b, loc, v);
  std::swap(dims[0], dims[1]);
  SmallVector<int64_t> shape(type.getShape());
  std::swap(shape[0], shape[1]);
  SmallVector<int64_t> perm = {1, 0};
  for (int64_t i = 2; i < type.getRank(); ++i)
    perm.push_back(i);
  Value init = createEmpty(
      b, loc, RankedTensorType::get(shape, type.getElementType()), dims);
  return linalg::TransposeOp::create(b, loc, v, init, perm).getResult()[0];
}

/// Applies a clip to a gate's pre-activation value.
Value clipValue(OpBuilder &b, Location loc, Value v,
                std::optional<float> clip) {
  if (!clip)
    return v;
  Value hi = createScalar(b, loc, v.getType(), *clip);
  Value lo = createScalar(b, loc, v.getType(), -*clip);
  return arith::MinimumFOp::create(
      b, loc, arith::MaximumFOp::create(b, loc, v, lo), hi);
}

/// Runs one direction. `state` holds H (and C for LSTM) [B, H] in `ct`; `y`
/// is [T, dirs, B, H] in `ct`. Returns the final states and Y.
SmallVector<Value> runDirection(OpBuilder &b, Location loc,
                                const RecurrentParams &p, int64_t dir,
                                bool reverse, SmallVector<Value> state, Value y,
                                Type ct) {
  MLIRContext *ctx = b.getContext();
  int64_t gates = numGates(p.kind);
  Value x = p.x; // [T, B, I]
  OpFoldResult dirIdx = b.getIndexAttr(dir);
  Value w = sliceDim0(b, loc, p.w, dirIdx); // [G * H, I]
  Value r = sliceDim0(b, loc, p.r, dirIdx); // [G * H, H]
  OpFoldResult hidden = getDim(b, loc, p.r, 2);
  OpFoldResult gh = getDim(b, loc, w, 0);
  Value wb, rb;
  if (present(p.b)) {
    Value bias = sliceDim0(b, loc, p.b, dirIdx); // [2 * G * H]
    wb = extractSlice(b, loc, bias, {b.getIndexAttr(0)}, {gh});
    rb = extractSlice(b, loc, bias, {gh}, {gh});
  }
  Value peep;
  if (present(p.p))
    peep = splitGates(b, loc, sliceDim0(b, loc, p.p, dirIdx), 3, hidden);

  // xw[t, b, g] = wb[g] + sum_i x[t, b, i] * w[g, i]
  auto xType = cast<RankedTensorType>(x.getType());
  OpFoldResult seq = getDim(b, loc, x, 0), batch = getDim(b, loc, x, 1);
  auto xwType =
      RankedTensorType::get({xType.getDimSize(0), xType.getDimSize(1),
                             cast<RankedTensorType>(w.getType()).getDimSize(0)},
                            ct);
  SmallVector<OpFoldResult> xwDims = {seq, batch, gh};
  Value xwInit;
  if (wb) {
    xwInit = buildGeneric(
        b, loc, wb, createEmpty(b, loc, xwType, xwDims),
        {AffineMap::get(3, 0, getAffineDimExpr(2, ctx), ctx),
         b.getMultiDimIdentityMap(3)},
        {IT::parallel, IT::parallel, IT::parallel},
        [&](OpBuilder &nb, Location l, ValueRange args) -> SmallVector<Value> {
          return {toFloat(nb, l, args[0], ct)};
        })[0];
  } else {
    xwInit = createFilled(b, loc, xwType, xwDims, createScalar(b, loc, ct, 0));
  }
  AffineExpr dt, db, dg, di;
  bindDims(ctx, dt, db, dg, di);
  Value xw = buildGeneric(
      b, loc, {x, w}, xwInit,
      {AffineMap::get(4, 0, {dt, db, di}, ctx),
       AffineMap::get(4, 0, {dg, di}, ctx),
       AffineMap::get(4, 0, {dt, db, dg}, ctx)},
      {IT::parallel, IT::parallel, IT::parallel, IT::reduction},
      [&](OpBuilder &nb, Location l, ValueRange args) -> SmallVector<Value> {
        Value prod = arith::MulFOp::create(nb, l, toFloat(nb, l, args[0], ct),
                                           toFloat(nb, l, args[1], ct));
        return {arith::AddFOp::create(nb, l, args[2], prod)};
      })[0];

  Value lower = arith::ConstantIndexOp::create(b, loc, 0);
  Value upper = getValueOrCreateConstantIndexOp(b, loc, seq);
  Value step = arith::ConstantIndexOp::create(b, loc, 1);
  SmallVector<Value> iterArgs(state);
  iterArgs.push_back(y);
  auto loop = scf::ForOp::create(
      b, loc, lower, upper, step, iterArgs,
      [&](OpBuilder &lb, Location l, Value s, ValueRange carried) {
        Value t = s;
        if (reverse) {
          Value last = arith::SubIOp::create(
              lb, l, upper, arith::ConstantIndexOp::create(lb, l, 1));
          t = arith::SubIOp::create(lb, l, last, s);
        }
        Value hPrev = carried[0];
        Value cPrev = p.kind == CellKind::LSTM ? carried[1] : Value();
        Value yAcc = carried.back();
        Value xwT = splitGates(lb, l, sliceDim0(lb, l, xw, t), gates, hidden);
        Value hr = splitGates(lb, l, matmulTransposed(lb, l, hPrev, r, rb, ct),
                              gates, hidden);
        AffineExpr e0, e1;
        bindDims(ctx, e0, e1);
        AffineMap id2 = lb.getMultiDimIdentityMap(2);
        auto gateMap = [&](int64_t g) {
          return AffineMap::get(2, 0, {e0, lb.getAffineConstantExpr(g), e1},
                                ctx);
        };
        auto peepMap = [&](int64_t g) {
          return AffineMap::get(2, 0, {lb.getAffineConstantExpr(g), e1}, ctx);
        };
        SmallVector<Value> inputs;
        SmallVector<AffineMap> maps;
        for (int64_t g = 0; g < gates; ++g) {
          inputs.append({xwT, hr});
          maps.append({gateMap(g), gateMap(g)});
        }
        inputs.push_back(hPrev);
        maps.push_back(id2);
        if (cPrev) {
          inputs.push_back(cPrev);
          maps.push_back(id2);
        }
        if (peep) {
          for (int64_t g = 0; g < 3; ++g) {
            inputs.push_back(peep);
            maps.push_back(peepMap(g));
          }
        }
        // GRU without linear_before_reset: (r * H) Rh^T needs r first.
        Value rhr;
        if (p.kind == CellKind::GRU && !p.linearBeforeReset) {
          Value rGate = buildGeneric(
              lb, l, {xwT, hr, hPrev},
              createEmpty(lb, l, cast<RankedTensorType>(hPrev.getType()),
                          getDims(lb, l, hPrev)),
              {gateMap(1), gateMap(1), id2, id2}, {IT::parallel, IT::parallel},
              [&](OpBuilder &nb, Location nl,
                  ValueRange args) -> SmallVector<Value> {
                Value v = arith::AddFOp::create(nb, nl, args[0], args[1]);
                v = createSigmoid(nb, nl, clipValue(nb, nl, v, p.clip));
                return {arith::MulFOp::create(nb, nl, v, args[2])};
              })[0];
          Value rh = extractSlice(
              lb, l, r,
              {mulIndex(lb, l, hidden, lb.getIndexAttr(2)), lb.getIndexAttr(0)},
              {hidden, hidden});
          Value rbh;
          if (rb)
            rbh = extractSlice(lb, l, rb,
                               {mulIndex(lb, l, hidden, lb.getIndexAttr(2))},
                               {hidden});
          rhr = matmulTransposed(lb, l, rGate, rh, rbh, ct);
          inputs.push_back(rhr);
          maps.push_back(id2);
        }
        if (present(p.seqLens)) {
          inputs.push_back(p.seqLens);
          maps.push_back(AffineMap::get(2, 0, e0, ctx));
        }
        auto stateType = cast<RankedTensorType>(hPrev.getType());
        SmallVector<OpFoldResult> stateDims = getDims(lb, l, hPrev);
        SmallVector<Value> inits = {createEmpty(lb, l, stateType, stateDims)};
        if (cPrev)
          inits.push_back(createEmpty(lb, l, stateType, stateDims));
        inits.push_back(createEmpty(lb, l, stateType, stateDims));
        maps.append(inits.size(), id2);
        SmallVector<Value> next = buildGeneric(
            lb, l, inputs, inits, maps, {IT::parallel, IT::parallel},
            [&](OpBuilder &nb, Location nl,
                ValueRange args) -> SmallVector<Value> {
              auto gate = [&](int64_t g) {
                return arith::AddFOp::create(nb, nl, args[2 * g],
                                             args[2 * g + 1])
                    .getResult();
              };
              auto clipped = [&](Value v) {
                return clipValue(nb, nl, v, p.clip);
              };
              Value one = createScalar(nb, nl, ct, 1);
              int64_t idx = 2 * gates;
              Value h = args[idx++];
              Value c = cPrev ? args[idx++] : Value();
              Value pi, po, pf;
              if (peep) {
                pi = toFloat(nb, nl, args[idx++], ct);
                po = toFloat(nb, nl, args[idx++], ct);
                pf = toFloat(nb, nl, args[idx++], ct);
              }
              Value hNew, cNew;
              if (p.kind == CellKind::RNN) {
                hNew = math::TanhOp::create(nb, nl, clipped(gate(0)));
              } else if (p.kind == CellKind::GRU) {
                Value z = createSigmoid(nb, nl, clipped(gate(0)));
                Value hh;
                if (p.linearBeforeReset) {
                  Value rg = createSigmoid(nb, nl, clipped(gate(1)));
                  hh = arith::AddFOp::create(
                      nb, nl, args[4],
                      arith::MulFOp::create(nb, nl, rg, args[5]));
                } else {
                  hh = arith::AddFOp::create(nb, nl, args[4], args[idx++]);
                }
                hh = math::TanhOp::create(nb, nl, clipped(hh));
                // (1 - z) * h + z * H
                hNew = arith::AddFOp::create(
                    nb, nl,
                    arith::MulFOp::create(
                        nb, nl, arith::SubFOp::create(nb, nl, one, z), hh),
                    arith::MulFOp::create(nb, nl, z, h));
              } else {
                Value gi = gate(0), go = gate(1), gf = gate(2), gc = gate(3);
                if (peep) {
                  gi = arith::AddFOp::create(
                      nb, nl, gi, arith::MulFOp::create(nb, nl, pi, c));
                  gf = arith::AddFOp::create(
                      nb, nl, gf, arith::MulFOp::create(nb, nl, pf, c));
                }
                Value i = createSigmoid(nb, nl, clipped(gi));
                Value f =
                    p.inputForget
                        ? arith::SubFOp::create(nb, nl, one, i).getResult()
                        : createSigmoid(nb, nl, clipped(gf));
                Value cc = math::TanhOp::create(nb, nl, clipped(gc));
                cNew = arith::AddFOp::create(
                    nb, nl, arith::MulFOp::create(nb, nl, f, c),
                    arith::MulFOp::create(nb, nl, i, cc));
                if (peep)
                  go = arith::AddFOp::create(
                      nb, nl, go, arith::MulFOp::create(nb, nl, po, cNew));
                Value o = createSigmoid(nb, nl, clipped(go));
                hNew = arith::MulFOp::create(
                    nb, nl, o, math::TanhOp::create(nb, nl, cNew));
              }
              Value yRow = hNew;
              if (present(p.seqLens)) {
                Value len = convertScalar(nb, nl, args[idx++], nb.getI64Type(),
                                          false, false);
                Value tt =
                    arith::IndexCastOp::create(nb, nl, nb.getI64Type(), t);
                Value on = arith::CmpIOp::create(
                    nb, nl, arith::CmpIPredicate::slt, tt, len);
                hNew = arith::SelectOp::create(nb, nl, on, hNew, h);
                if (cNew)
                  cNew = arith::SelectOp::create(nb, nl, on, cNew, c);
                yRow = arith::SelectOp::create(nb, nl, on, yRow,
                                               createScalar(nb, nl, ct, 0));
              }
              SmallVector<Value> results = {hNew};
              if (cNew)
                results.push_back(cNew);
              results.push_back(yRow);
              return results;
            });
        Value yNext = insertSlice(
            lb, l, next.back(), yAcc,
            {t, lb.getIndexAttr(dir), lb.getIndexAttr(0), lb.getIndexAttr(0)},
            {lb.getIndexAttr(1), lb.getIndexAttr(1), stateDims[0],
             stateDims[1]});
        SmallVector<Value> yielded(next.begin(), next.end() - 1);
        yielded.push_back(yNext);
        scf::YieldOp::create(lb, l, yielded);
      });
  return SmallVector<Value>(loop.getResults());
}

template <typename OpTy>
struct RecurrentPattern : public OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    const TypeConverter *converter = this->getTypeConverter();
    RecurrentParams p;
    p.x = adaptor.getX();
    p.w = adaptor.getW();
    p.r = adaptor.getR();
    p.b = adaptor.getB();
    p.seqLens = adaptor.getSequenceLens();
    p.initialH = adaptor.getInitialH();
    p.direction = op.getDirection();
    p.layout = op.getLayout();
    if (op.getClip())
      p.clip = op.getClip()->convertToFloat();
    StringRef defaults[3];
    if constexpr (std::is_same_v<OpTy, onnx::LSTMOp>) {
      p.kind = CellKind::LSTM;
      p.initialC = adaptor.getInitialC();
      p.p = adaptor.getP();
      p.inputForget = op.getInputForget() != 0;
      defaults[0] = "Sigmoid", defaults[1] = "Tanh", defaults[2] = "Tanh";
    } else if constexpr (std::is_same_v<OpTy, onnx::GRUOp>) {
      p.kind = CellKind::GRU;
      p.linearBeforeReset = op.getLinearBeforeReset() != 0;
      defaults[0] = "Sigmoid", defaults[1] = "Tanh";
    } else {
      p.kind = CellKind::RNN;
      defaults[0] = "Tanh";
    }
    for (Value v : {p.x, p.w, p.r})
      if (!isFloatTensor(v) ||
          cast<RankedTensorType>(v.getType()).getRank() != 3)
        return reportUnsupported(op, "X, W and R must be float tensors of "
                                     "rank 3");
    for (Value v : {p.b, p.initialH, p.initialC, p.p})
      if (present(v) && !isFloatTensor(v))
        return reportUnsupported(op, "B, initial_h, initial_c and P must be "
                                     "float tensors");
    if (present(p.seqLens)) {
      auto type = dyn_cast<RankedTensorType>(p.seqLens.getType());
      if (!type || type.getRank() != 1 ||
          !isa<IntegerType>(type.getElementType()))
        return reportUnsupported(op, "sequence_lens must be a 1-D integer "
                                     "tensor");
    }
    int64_t gates = numGates(p.kind);
    if (auto acts = op.getActivations()) {
      for (auto [i, a] : llvm::enumerate(*acts)) {
        StringRef name = cast<StringAttr>(a).getValue();
        if (!name.equals_insensitive(defaults[i % (gates == 4   ? 3
                                                   : gates == 3 ? 2
                                                                : 1)]))
          return reportUnsupported(op, "activation \"" + name +
                                           "\" is not supported (only the "
                                           "default activations are)");
      }
    }
    int64_t dirs = p.direction == "bidirectional" ? 2 : 1;
    auto wType = cast<RankedTensorType>(p.w.getType());
    if (!wType.isDynamicDim(0) && wType.getDimSize(0) != dirs)
      return reportUnsupported(op,
                               "W must have " + Twine(dirs) + " directions");
    Type elementType = cast<RankedTensorType>(p.x.getType()).getElementType();
    Type ct =
        elementType.isF64() ? rewriter.getF64Type() : rewriter.getF32Type();
    if (p.layout == 1) {
      p.x = swap01(rewriter, loc, p.x);
      for (Value *v : {&p.initialH, &p.initialC})
        if (present(*v))
          *v = swap01(rewriter, loc, *v);
    }
    OpFoldResult seq = getDim(rewriter, loc, p.x, 0);
    OpFoldResult batch = getDim(rewriter, loc, p.x, 1);
    OpFoldResult hidden = getDim(rewriter, loc, p.r, 2);
    auto hType = [&](Type t) {
      SmallVector<int64_t> shape;
      for (OpFoldResult d : {batch, hidden}) {
        std::optional<int64_t> c = getConstantIntValue(d);
        shape.push_back(c ? *c : ShapedType::kDynamic);
      }
      return RankedTensorType::get(shape, t);
    };
    auto initialState = [&](Value init, int64_t dir) -> Value {
      if (!present(init))
        return createFilled(rewriter, loc, hType(ct), {batch, hidden},
                            createScalar(rewriter, loc, ct, 0));
      Value slice = sliceDim0(rewriter, loc, init, rewriter.getIndexAttr(dir));
      return buildElementwise(rewriter, loc, hType(ct), slice,
                              [&](OpBuilder &b, Location l, ValueRange args) {
                                return toFloat(b, l, args[0], ct);
                              });
    };
    SmallVector<int64_t> yShape;
    SmallVector<OpFoldResult> yDims = {seq, rewriter.getIndexAttr(dirs), batch,
                                       hidden};
    for (OpFoldResult d : yDims) {
      std::optional<int64_t> c = getConstantIntValue(d);
      yShape.push_back(c ? *c : ShapedType::kDynamic);
    }
    Value y =
        createEmpty(rewriter, loc, RankedTensorType::get(yShape, ct), yDims);
    SmallVector<SmallVector<Value>> finals;
    for (int64_t d = 0; d < dirs; ++d) {
      bool reverse = p.direction == "reverse" || d == 1;
      SmallVector<Value> state = {initialState(p.initialH, d)};
      if (p.kind == CellKind::LSTM)
        state.push_back(initialState(p.initialC, d));
      SmallVector<Value> out =
          runDirection(rewriter, loc, p, d, reverse, state, y, ct);
      y = out.back();
      out.pop_back();
      finals.push_back(out);
    }

    // Results in the requested layout and element type.
    SmallVector<Value> results;
    auto finish = [&](unsigned idx, Value v) {
      RankedTensorType type = getConvertedResultType(converter, op, idx);
      if (!type || op->getResult(idx).use_empty()) {
        results.push_back(Value());
        return;
      }
      if (p.layout == 1) {
        if (cast<RankedTensorType>(v.getType()).getRank() == 4) {
          // [T, dirs, B, H] -> [B, T, dirs, H]
          auto vt = cast<RankedTensorType>(v.getType());
          SmallVector<int64_t> perm = {2, 0, 1, 3};
          SmallVector<int64_t> shape;
          SmallVector<OpFoldResult> dims;
          for (int64_t i : perm) {
            shape.push_back(vt.getDimSize(i));
            dims.push_back(getDim(rewriter, loc, v, i));
          }
          Value init = createEmpty(rewriter, loc,
                                   RankedTensorType::get(shape, ct), dims);
          v = linalg::TransposeOp::create(rewriter, loc, v, init, perm)
                  .getResult()[0];
        } else {
          v = swap01(rewriter, loc, v);
        }
      }
      v = truncateToType(
          rewriter, loc, v,
          cast<RankedTensorType>(v.getType()).clone(type.getElementType()));
      results.push_back(castTo(rewriter, loc, v, type));
    };
    finish(0, y);
    for (unsigned s = 0; s + 1 < op->getNumResults(); ++s) {
      // Stack the directions' final states: [dirs, B, H].
      SmallVector<int64_t> shape = {dirs};
      llvm::append_range(shape, hType(ct).getShape());
      Value stacked =
          createEmpty(rewriter, loc, RankedTensorType::get(shape, ct),
                      {rewriter.getIndexAttr(dirs), batch, hidden});
      for (int64_t d = 0; d < dirs; ++d)
        stacked =
            insertSlice(rewriter, loc, finals[d][s], stacked,
                        {rewriter.getIndexAttr(d), rewriter.getIndexAttr(0),
                         rewriter.getIndexAttr(0)},
                        {rewriter.getIndexAttr(1), batch, hidden});
      finish(s + 1, stacked);
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

} // namespace
} // namespace onnxc::lowering

void onnxc::lowering::nnx::populateRecurrentPatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns) {
  patterns.add<RecurrentPattern<onnx::LSTMOp>, RecurrentPattern<onnx::GRUOp>,
               RecurrentPattern<onnx::RNNOp>>(converter, patterns.getContext());
}
