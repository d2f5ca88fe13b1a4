//===- Selection.cpp - onnx to linalg: TopK, Compress, NonZero, Unique, NMS
//===//
//
// Ops that select elements: scf.for nests that tensor.insert into fresh
// tensors. Outputs whose size depends on the data (Compress, NonZero,
// Unique, TopK with a run-time k) have dynamic dims: a first pass counts, a
// second one fills.
//
//===----------------------------------------------------------------------===//

#include "TensorOpsCommon.h"

#include <cmath>

using namespace mlir;

namespace onnxc::lowering {
namespace {

Value cmpI(OpBuilder &b, Location loc, arith::CmpIPredicate pred, Value x,
           Value y) {
  return arith::CmpIOp::create(b, loc, pred, x, y);
}

/// x comes strictly before y in the order of TopK: larger (or smaller)
/// values first; NaN counts as the largest value.
Value comesFirst(OpBuilder &b, Location loc, Value x, Value y, bool largest,
                 bool isUnsigned) {
  if (isa<FloatType>(x.getType())) {
    // x > y, or x is NaN and y is not (largest); mirrored for smallest.
    Value xNaN = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
    Value yNaN = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, y, y);
    Value notYNaN = arith::XOrIOp::create(
        b, loc, yNaN, arith::ConstantIntOp::create(b, loc, 1, 1));
    Value notXNaN = arith::XOrIOp::create(
        b, loc, xNaN, arith::ConstantIntOp::create(b, loc, 1, 1));
    if (largest)
      return arith::OrIOp::create(
          b, loc,
          arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, y),
          arith::AndIOp::create(b, loc, xNaN, notYNaN));
    return arith::OrIOp::create(
        b, loc, arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, y),
        arith::AndIOp::create(b, loc, yNaN, notXNaN));
  }
  arith::CmpIPredicate pred =
      largest
          ? (isUnsigned ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt)
          : (isUnsigned ? arith::CmpIPredicate::ult
                        : arith::CmpIPredicate::slt);
  return cmpI(b, loc, pred, x, y);
}

Value sameValue(OpBuilder &b, Location loc, Value x, Value y) {
  if (isa<FloatType>(x.getType())) {
    Value both = arith::AndIOp::create(
        b, loc, arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x),
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, y, y));
    return arith::OrIOp::create(
        b, loc, arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, x, y),
        both);
  }
  return cmpI(b, loc, arith::CmpIPredicate::eq, x, y);
}

/// The k best elements of each slice along the axis, in order; equal values
/// keep the order of their positions. Each output position r finds the best
/// element that comes after the (r-1)-th one in that total order, so no
/// scratch memory is needed: O(k * n) per slice.
struct TopKLowering : OpConversionPattern<onnx::TopKOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto valuesType = getConvertedResultType(getTypeConverter(), op, 0);
    auto indicesType = getConvertedResultType(getTypeConverter(), op, 1);
    Value x = adaptor.getX();
    int64_t rank = valuesType.getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    bool largest = op.getLargest() != 0;
    bool isUnsigned = isUnsignedElement(op.getX());
    Value length = dimValue(rewriter, loc, x, axis);
    Value k = scalarToIndex(rewriter, loc,
                            extractFirst(rewriter, loc, adaptor.getK()),
                            isUnsignedElement(op.getK()));
    k = arith::MinSIOp::create(
        rewriter, loc,
        arith::MaxSIOp::create(rewriter, loc, k, cIndex(rewriter, loc, 0)),
        length);
    SmallVector<OpFoldResult> dims = getDims(rewriter, loc, x);
    dims[axis] = valuesType.isDynamicDim(axis)
                     ? OpFoldResult(k)
                     : rewriter.getIndexAttr(valuesType.getDimSize(axis));
    Value values = createEmpty(rewriter, loc, valuesType, dims);
    Value indices = createEmpty(rewriter, loc, indicesType, dims);
    SmallVector<Value> outerUbs;
    for (int64_t i = 0; i < rank; ++i)
      if (i != axis)
        outerUbs.push_back(dimValue(rewriter, loc, x, i));
    Type e = valuesType.getElementType();
    auto slice = [&](OpBuilder &b, Location l, ValueRange outer,
                     ValueRange iter) -> SmallVector<Value> {
      auto position = [&](Value j) {
        SmallVector<Value> at(outer.begin(), outer.begin() + axis);
        at.push_back(j);
        at.append(outer.begin() + axis, outer.end());
        return at;
      };
      Value none = cIndex(b, l, -1);
      Value zeroValue = createScalar(b, l, e, 0);
      auto rLoop = scf::ForOp::create(
          b, l, cIndex(b, l, 0), k, cIndex(b, l, 1),
          ValueRange{iter[0], iter[1], zeroValue, none},
          [&](OpBuilder &rb, Location rl, Value r, ValueRange rIter) {
            Value prevValue = rIter[2], prevIdx = rIter[3];
            Value first = cmpI(rb, rl, arith::CmpIPredicate::slt, prevIdx,
                               cIndex(rb, rl, 0));
            auto jLoop = scf::ForOp::create(
                rb, rl, cIndex(rb, rl, 0), length, cIndex(rb, rl, 1),
                ValueRange{zeroValue, none},
                [&](OpBuilder &jb, Location jl, Value j, ValueRange best) {
                  Value v = tensor::ExtractOp::create(jb, jl, x, position(j));
                  // After the previous pick: it comes first, or it is equal
                  // and earlier.
                  Value after = arith::OrIOp::create(
                      jb, jl,
                      comesFirst(jb, jl, prevValue, v, largest, isUnsigned),
                      arith::AndIOp::create(
                          jb, jl, sameValue(jb, jl, prevValue, v),
                          cmpI(jb, jl, arith::CmpIPredicate::slt, prevIdx, j)));
                  after = arith::OrIOp::create(jb, jl, first, after);
                  Value noBest = cmpI(jb, jl, arith::CmpIPredicate::slt,
                                      best[1], cIndex(jb, jl, 0));
                  Value better = arith::OrIOp::create(
                      jb, jl, noBest,
                      comesFirst(jb, jl, v, best[0], largest, isUnsigned));
                  Value take = arith::AndIOp::create(jb, jl, after, better);
                  scf::YieldOp::create(
                      jb, jl,
                      ValueRange{
                          arith::SelectOp::create(jb, jl, take, v, best[0]),
                          arith::SelectOp::create(jb, jl, take, j, best[1])});
                });
            Value bestValue = jLoop.getResult(0), bestIdx = jLoop.getResult(1);
            SmallVector<Value> at = position(r);
            Value idx64 =
                arith::IndexCastOp::create(rb, rl, rb.getI64Type(), bestIdx);
            Value nv =
                tensor::InsertOp::create(rb, rl, bestValue, rIter[0], at);
            Value ni = tensor::InsertOp::create(rb, rl, idx64, rIter[1], at);
            scf::YieldOp::create(rb, rl,
                                 ValueRange{nv, ni, bestValue, bestIdx});
          });
      return {rLoop.getResult(0), rLoop.getResult(1)};
    };
    rewriter.replaceOp(op, buildLoops(rewriter, loc, outerUbs,
                                      ValueRange{values, indices}, slice));
    return success();
  }
};

/// The positions (i64) along one axis where a 1-D boolean-like condition
/// holds, among the first `limit`; and their number.
std::pair<Value, Value> selectedPositions(OpBuilder &b, Location loc,
                                          Value condition, Value limit) {
  Value n =
      arith::MinSIOp::create(b, loc, dimValue(b, loc, condition, 0), limit);
  auto truthy = [&](OpBuilder &nb, Location l, Value j) -> Value {
    Value c = tensor::ExtractOp::create(nb, l, condition, j);
    return convertScalar(nb, l, c, nb.getI1Type(), false, false);
  };
  auto count = scf::ForOp::create(
      b, loc, cIndex(b, loc, 0), n, cIndex(b, loc, 1),
      ValueRange{cIndex(b, loc, 0)},
      [&](OpBuilder &nb, Location l, Value j, ValueRange iter) {
        Value next = arith::AddIOp::create(nb, l, iter[0], cIndex(nb, l, 1));
        scf::YieldOp::create(nb, l,
                             ValueRange{arith::SelectOp::create(
                                 nb, l, truthy(nb, l, j), next, iter[0])});
      });
  Value total = count.getResult(0);
  auto posType =
      RankedTensorType::get({ShapedType::kDynamic}, b.getIndexType());
  Value positions = tensor::EmptyOp::create(b, loc, posType, ValueRange{total});
  auto fill = scf::ForOp::create(
      b, loc, cIndex(b, loc, 0), n, cIndex(b, loc, 1),
      ValueRange{positions, cIndex(b, loc, 0)},
      [&](OpBuilder &nb, Location l, Value j, ValueRange iter) {
        auto ifOp = scf::IfOp::create(
            nb, l, truthy(nb, l, j),
            [&](OpBuilder &tb, Location tl) {
              Value p = tensor::InsertOp::create(tb, tl, j, iter[0], iter[1]);
              Value next =
                  arith::AddIOp::create(tb, tl, iter[1], cIndex(tb, tl, 1));
              scf::YieldOp::create(tb, tl, ValueRange{p, next});
            },
            [&](OpBuilder &eb, Location el) {
              scf::YieldOp::create(eb, el, ValueRange{iter[0], iter[1]});
            });
        scf::YieldOp::create(nb, l, ifOp.getResults());
      });
  return {fill.getResult(0), total};
}

struct CompressLowering : OpConversionPattern<onnx::CompressOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::CompressOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value input = adaptor.getInput();
    auto inType = cast<RankedTensorType>(input.getType());
    int64_t axis = 0;
    if (!op.getAxis()) {
      // Flattened input.
      SmallVector<ReassociationIndices> all(1);
      for (int64_t i = 0; i < inType.getRank(); ++i)
        all[0].push_back(i);
      if (inType.getRank() == 0) {
        input = tensor::ExpandShapeOp::create(
            rewriter, loc, RankedTensorType::get({1}, inType.getElementType()),
            input, ArrayRef<ReassociationIndices>{});
      } else if (inType.getRank() > 1) {
        input = tensor::CollapseShapeOp::create(rewriter, loc, input, all);
      }
    } else {
      axis =
          *op.getAxis() < 0 ? *op.getAxis() + inType.getRank() : *op.getAxis();
    }
    auto selected = selectedPositions(rewriter, loc, adaptor.getCondition(),
                                      dimValue(rewriter, loc, input, axis));
    Value positions = selected.first, count = selected.second;
    SmallVector<OpFoldResult> dims = getDims(rewriter, loc, input);
    dims[axis] = type.isDynamicDim(axis)
                     ? OpFoldResult(count)
                     : rewriter.getIndexAttr(type.getDimSize(axis));
    Value result = buildIndexedGeneric(
        rewriter, loc, type, dims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          SmallVector<Value> at(ivs);
          at[axis] = tensor::ExtractOp::create(b, l, positions, ivs[axis]);
          return tensor::ExtractOp::create(b, l, input, at).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Coordinates of the non-zero elements in row-major order: [rank, count].
struct NonZeroLowering : OpConversionPattern<onnx::NonZeroOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::NonZeroOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value x = adaptor.getX();
    auto xType = cast<RankedTensorType>(x.getType());
    int64_t rank = xType.getRank();
    SmallVector<Value> ubs;
    for (int64_t i = 0; i < rank; ++i)
      ubs.push_back(dimValue(rewriter, loc, x, i));
    auto isNonZero = [&](OpBuilder &b, Location l, ValueRange ivs) -> Value {
      Value v = tensor::ExtractOp::create(b, l, x, ivs);
      return convertScalar(b, l, v, b.getI1Type(), false, false);
    };
    Value zero = cIndex(rewriter, loc, 0);
    auto countBody = [&](OpBuilder &b, Location l, ValueRange ivs,
                         ValueRange iter) -> SmallVector<Value> {
      Value next = arith::AddIOp::create(b, l, iter[0], cIndex(b, l, 1));
      return {
          arith::SelectOp::create(b, l, isNonZero(b, l, ivs), next, iter[0])};
    };
    Value count = buildLoops(rewriter, loc, ubs, zero, countBody)[0];
    SmallVector<OpFoldResult> dims = {rewriter.getIndexAttr(rank), count};
    Value out = createEmpty(rewriter, loc, type, dims);
    auto fillBody = [&](OpBuilder &b, Location l, ValueRange ivs,
                        ValueRange iter) -> SmallVector<Value> {
      auto ifOp = scf::IfOp::create(
          b, l, isNonZero(b, l, ivs),
          [&](OpBuilder &tb, Location tl) {
            Value t = iter[0];
            for (int64_t d = 0; d < rank; ++d) {
              Value c =
                  arith::IndexCastOp::create(tb, tl, tb.getI64Type(), ivs[d]);
              t = tensor::InsertOp::create(
                  tb, tl, c, t, ValueRange{cIndex(tb, tl, d), iter[1]});
            }
            Value next =
                arith::AddIOp::create(tb, tl, iter[1], cIndex(tb, tl, 1));
            scf::YieldOp::create(tb, tl, ValueRange{t, next});
          },
          [&](OpBuilder &eb, Location el) {
            scf::YieldOp::create(eb, el, ValueRange{iter[0], iter[1]});
          });
      return SmallVector<Value>(ifOp.getResults());
    };
    Value result =
        buildLoops(rewriter, loc, ubs, ValueRange{out, zero}, fillBody)[0];
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Unique
//===----------------------------------------------------------------------===//

/// Unique slices along an axis (elements of the flattened input without
/// one). For each slice i: its first occurrence f(i), its output position
/// pos(i) (the number of distinct smaller slices when sorted, of distinct
/// earlier ones otherwise) and its number of occurrences; then the outputs
/// are gathered from the first occurrences. O(n^2 * slice size).
struct UniqueLowering : OpConversionPattern<onnx::UniqueOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::UniqueOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op, 0);
    Value x = adaptor.getX();
    auto xType = cast<RankedTensorType>(x.getType());
    Type e = xType.getElementType();
    bool isUnsigned = isUnsignedElement(op.getX());
    int64_t axis = 0;
    if (!op.getAxis()) {
      if (xType.getRank() == 0) {
        x = tensor::ExpandShapeOp::create(rewriter, loc,
                                          RankedTensorType::get({1}, e), x,
                                          ArrayRef<ReassociationIndices>{});
      } else if (xType.getRank() > 1) {
        SmallVector<ReassociationIndices> all(1);
        for (int64_t i = 0; i < xType.getRank(); ++i)
          all[0].push_back(i);
        x = tensor::CollapseShapeOp::create(rewriter, loc, x, all);
      }
    } else {
      axis =
          *op.getAxis() < 0 ? *op.getAxis() + xType.getRank() : *op.getAxis();
    }
    int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
    Value n = dimValue(rewriter, loc, x, axis);
    SmallVector<Value> sliceUbs;
    for (int64_t d = 0; d < rank; ++d)
      if (d != axis)
        sliceUbs.push_back(dimValue(rewriter, loc, x, d));
    Type i32 = rewriter.getI32Type();
    // -1, 0 or 1: slice i against slice j, lexicographically.
    auto compare = [&](OpBuilder &b, Location l, Value i, Value j) -> Value {
      Value zero = arith::ConstantIntOp::create(b, l, i32, 0);
      return buildLoops(
          b, l, sliceUbs, zero,
          [&](OpBuilder &nb, Location nl, ValueRange ivs,
              ValueRange iter) -> SmallVector<Value> {
            SmallVector<Value> at(ivs.take_front(axis));
            at.push_back(i);
            llvm::append_range(at, ivs.drop_front(axis));
            Value a = tensor::ExtractOp::create(nb, nl, x, at);
            at[axis] = j;
            Value c = tensor::ExtractOp::create(nb, nl, x, at);
            Value less =
                comesFirst(nb, nl, a, c, /*largest=*/false, isUnsigned);
            Value more =
                comesFirst(nb, nl, c, a, /*largest=*/false, isUnsigned);
            Value v = arith::SelectOp::create(
                nb, nl, less, arith::ConstantIntOp::create(nb, nl, i32, -1),
                arith::SelectOp::create(
                    nb, nl, more, arith::ConstantIntOp::create(nb, nl, i32, 1),
                    zero));
            Value undecided = arith::CmpIOp::create(
                nb, nl, arith::CmpIPredicate::eq, iter[0], zero);
            return {arith::SelectOp::create(nb, nl, undecided, v, iter[0])};
          })[0];
    };
    auto cmpWith = [&](OpBuilder &b, Location l, Value ord, int64_t v,
                       arith::CmpIPredicate pred) {
      return arith::CmpIOp::create(b, l, pred, ord,
                                   arith::ConstantIntOp::create(b, l, i32, v))
          .getResult();
    };
    auto indexVec =
        RankedTensorType::get({ShapedType::kDynamic}, rewriter.getIndexType());
    SmallVector<OpFoldResult> nDims = {n};
    auto countIf = [&](OpBuilder &b, Location l, Value lo, Value hi,
                       function_ref<Value(OpBuilder &, Location, Value)> pred) {
      auto loop = scf::ForOp::create(
          b, l, lo, hi, cIndex(b, l, 1), ValueRange{cIndex(b, l, 0)},
          [&](OpBuilder &nb, Location nl, Value j, ValueRange iter) {
            Value next =
                arith::AddIOp::create(nb, nl, iter[0], cIndex(nb, nl, 1));
            scf::YieldOp::create(nb, nl,
                                 ValueRange{arith::SelectOp::create(
                                     nb, nl, pred(nb, nl, j), next, iter[0])});
          });
      return loop.getResult(0);
    };
    // The first occurrence of each slice.
    Value first = buildIndexedGeneric(
        rewriter, loc, indexVec, nDims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) -> Value {
          Value i = ivs[0];
          auto loop = scf::ForOp::create(
              b, l, cIndex(b, l, 0), i, cIndex(b, l, 1), ValueRange{i},
              [&](OpBuilder &nb, Location nl, Value j, ValueRange iter) {
                Value same = cmpWith(nb, nl, compare(nb, nl, j, i), 0,
                                     arith::CmpIPredicate::eq);
                Value m = arith::MinSIOp::create(nb, nl, iter[0], j);
                scf::YieldOp::create(nb, nl,
                                     ValueRange{arith::SelectOp::create(
                                         nb, nl, same, m, iter[0])});
              });
          return loop.getResult(0);
        });
    auto isFirst = [&](OpBuilder &b, Location l, Value j) -> Value {
      Value f = tensor::ExtractOp::create(b, l, first, j);
      return arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, f, j);
    };
    Value count = countIf(rewriter, loc, cIndex(rewriter, loc, 0), n, isFirst);
    bool sorted = op.getSorted() != 0;
    Value pos = buildIndexedGeneric(
        rewriter, loc, indexVec, nDims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) -> Value {
          Value i = ivs[0];
          if (sorted)
            return countIf(b, l, cIndex(b, l, 0), n,
                           [&](OpBuilder &nb, Location nl, Value j) -> Value {
                             Value smaller =
                                 cmpWith(nb, nl, compare(nb, nl, j, i), -1,
                                         arith::CmpIPredicate::eq);
                             return arith::AndIOp::create(
                                 nb, nl, isFirst(nb, nl, j), smaller);
                           });
          Value f = tensor::ExtractOp::create(b, l, first, i);
          return countIf(b, l, cIndex(b, l, 0), f, isFirst);
        });
    Value occurrences = buildIndexedGeneric(
        rewriter, loc, indexVec, nDims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) -> Value {
          return countIf(b, l, cIndex(b, l, 0), n,
                         [&](OpBuilder &nb, Location nl, Value j) -> Value {
                           return cmpWith(nb, nl, compare(nb, nl, j, ivs[0]), 0,
                                          arith::CmpIPredicate::eq);
                         });
        });
    // The first occurrence of the slice at each output position.
    Value sources =
        tensor::EmptyOp::create(rewriter, loc, indexVec, ValueRange{count});
    sources =
        scf::ForOp::create(
            rewriter, loc, cIndex(rewriter, loc, 0), n,
            cIndex(rewriter, loc, 1), ValueRange{sources},
            [&](OpBuilder &b, Location l, Value i, ValueRange iter) {
              auto ifOp = scf::IfOp::create(
                  b, l, isFirst(b, l, i),
                  [&](OpBuilder &tb, Location tl) {
                    Value p = tensor::ExtractOp::create(tb, tl, pos, i);
                    scf::YieldOp::create(tb, tl,
                                         ValueRange{tensor::InsertOp::create(
                                             tb, tl, i, iter[0], p)});
                  },
                  [&](OpBuilder &eb, Location el) {
                    scf::YieldOp::create(eb, el, iter[0]);
                  });
              scf::YieldOp::create(b, l, ifOp.getResults());
            })
            .getResult(0);
    SmallVector<OpFoldResult> yDims = getDims(rewriter, loc, x);
    yDims[axis] = count;
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (!type.isDynamicDim(d))
        yDims[d] = rewriter.getIndexAttr(type.getDimSize(d));
    Value y = buildIndexedGeneric(
        rewriter, loc, type, yDims, {}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          SmallVector<Value> at(ivs);
          at[axis] = tensor::ExtractOp::create(b, l, sources, ivs[axis]);
          return tensor::ExtractOp::create(b, l, x, at).getResult();
        });
    auto i64Vector =
        [&](Value from, Value size, unsigned result,
            function_ref<Value(OpBuilder &, Location, Value)> fn) -> Value {
      if (isa<NoneType>(op->getResult(result).getType()))
        return Value();
      auto t = getConvertedResultType(getTypeConverter(), op, result);
      SmallVector<OpFoldResult> dims = {
          t.isDynamicDim(0) ? OpFoldResult(size)
                            : rewriter.getIndexAttr(t.getDimSize(0))};
      return buildIndexedGeneric(
          rewriter, loc, t, dims, {}, {},
          [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
            Value v = fn(b, l, ivs[0]);
            return arith::IndexCastOp::create(b, l, b.getI64Type(), v)
                .getResult();
          });
    };
    auto at = [](Value t) {
      return [t](OpBuilder &b, Location l, Value i) -> Value {
        return tensor::ExtractOp::create(b, l, t, i);
      };
    };
    Value indices = i64Vector(sources, count, 1, at(sources));
    Value inverse = i64Vector(pos, n, 2, at(pos));
    Value counts = i64Vector(
        sources, count, 3, [&](OpBuilder &b, Location l, Value p) -> Value {
          Value s = tensor::ExtractOp::create(b, l, sources, p);
          return tensor::ExtractOp::create(b, l, occurrences, s);
        });
    rewriter.replaceOp(op, {y, indices, inverse, counts});
    return success();
  }
};

//===----------------------------------------------------------------------===//
// NonMaxSuppression
//===----------------------------------------------------------------------===//

/// Whether the boxes at `i` and `j` of batch `b` overlap by more than the
/// threshold (the reference's suppress_by_iou, in the boxes' type).
Value suppressedByIoU(OpBuilder &b, Location loc, Value boxes, Value batch,
                      Value i, Value j, bool centerPoint, Value threshold) {
  auto read = [&](Value box, int64_t k) {
    return tensor::ExtractOp::create(b, loc, boxes,
                                     ValueRange{batch, box, cIndex(b, loc, k)})
        .getResult();
  };
  Type t = threshold.getType();
  auto c = [&](double v) { return createScalar(b, loc, t, v); };
  auto minf = [&](Value x, Value y) -> Value {
    return arith::MinimumFOp::create(b, loc, x, y);
  };
  auto maxf = [&](Value x, Value y) -> Value {
    return arith::MaximumFOp::create(b, loc, x, y);
  };
  auto sub = [&](Value x, Value y) -> Value {
    return arith::SubFOp::create(b, loc, x, y);
  };
  auto add = [&](Value x, Value y) -> Value {
    return arith::AddFOp::create(b, loc, x, y);
  };
  auto mul = [&](Value x, Value y) -> Value {
    return arith::MulFOp::create(b, loc, x, y);
  };
  auto gt = [&](Value x, Value y) -> Value {
    return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, y);
  };
  // [min, max] of each box along x and y.
  auto extent = [&](Value box, int64_t axis) -> std::pair<Value, Value> {
    if (!centerPoint) {
      Value p = read(box, axis == 0 ? 1 : 0), q = read(box, axis == 0 ? 3 : 2);
      return {minf(p, q), maxf(p, q)};
    }
    Value center = read(box, axis),
          half = arith::DivFOp::create(b, loc, read(box, axis + 2), c(2));
    return {sub(center, half), add(center, half)};
  };
  auto [x1min, x1max] = extent(i, 0);
  auto [x2min, x2max] = extent(j, 0);
  auto [y1min, y1max] = extent(i, 1);
  auto [y2min, y2max] = extent(j, 1);
  Value ixmin = maxf(x1min, x2min), ixmax = minf(x1max, x2max);
  Value iymin = maxf(y1min, y2min), iymax = minf(y1max, y2max);
  Value inter = mul(sub(ixmax, ixmin), sub(iymax, iymin));
  Value area1 = mul(sub(x1max, x1min), sub(y1max, y1min));
  Value area2 = mul(sub(x2max, x2min), sub(y2max, y2min));
  Value uni = sub(add(area1, area2), inter);
  Value ok = arith::AndIOp::create(b, loc, gt(ixmax, ixmin), gt(iymax, iymin));
  ok = arith::AndIOp::create(b, loc, ok, gt(inter, c(0)));
  ok = arith::AndIOp::create(b, loc, ok, gt(area1, c(0)));
  ok = arith::AndIOp::create(b, loc, ok, gt(area2, c(0)));
  ok = arith::AndIOp::create(b, loc, ok, gt(uni, c(0)));
  Value safeUnion = arith::SelectOp::create(b, loc, ok, uni, c(1));
  Value iou = arith::DivFOp::create(b, loc, inter, safeUnion);
  return arith::AndIOp::create(b, loc, ok, gt(iou, threshold));
}

/// For each batch and class, candidates in descending score order (each
/// found as the best one after the previous, O(boxes) a step), kept unless
/// they overlap one already kept. Rows (batch, class, box) go into a buffer
/// of batches * classes * boxes rows, of which the filled ones are returned.
struct NonMaxSuppressionLowering
    : OpConversionPattern<onnx::NonMaxSuppressionOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::NonMaxSuppressionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = getConvertedResultType(getTypeConverter(), op);
    Value boxes = adaptor.getBoxes(), scores = adaptor.getScores();
    Type e = cast<RankedTensorType>(boxes.getType()).getElementType();
    Type se = cast<RankedTensorType>(scores.getType()).getElementType();
    if (!isSupportedFloat(e) || !isSupportedFloat(se))
      return reportUnsupported(op, "element type " + typeToString(e) +
                                       " is not supported by this op");
    Type ct = getComputeType(e);
    Value batches = dimValue(rewriter, loc, scores, 0);
    Value classes = dimValue(rewriter, loc, scores, 1);
    Value numBoxes = dimValue(rewriter, loc, scores, 2);
    Value zero = cIndex(rewriter, loc, 0);
    Value maxOut = zero;
    if (!onnx::isNoValue(op.getMaxOutputBoxesPerClass()))
      maxOut = scalarToIndex(
          rewriter, loc,
          extractFirst(rewriter, loc, adaptor.getMaxOutputBoxesPerClass()),
          isUnsignedElement(op.getMaxOutputBoxesPerClass()));
    Value iouThreshold = createScalar(rewriter, loc, ct, 0);
    if (!onnx::isNoValue(op.getIouThreshold()))
      iouThreshold = convertScalar(
          rewriter, loc, extractFirst(rewriter, loc, adaptor.getIouThreshold()),
          ct, false, false);
    Value scoreThreshold;
    if (!onnx::isNoValue(op.getScoreThreshold()))
      scoreThreshold = convertScalar(
          rewriter, loc,
          extractFirst(rewriter, loc, adaptor.getScoreThreshold()), se, false,
          false);
    bool centerPoint = op.getCenterPointBox() != 0;
    Value rows = arith::MulIOp::create(
        rewriter, loc, arith::MulIOp::create(rewriter, loc, batches, classes),
        numBoxes);
    auto bufferType =
        RankedTensorType::get({ShapedType::kDynamic, 3}, rewriter.getI64Type());
    Value buffer =
        tensor::EmptyOp::create(rewriter, loc, bufferType, ValueRange{rows});
    auto classBody = [&](OpBuilder &b, Location l, ValueRange bc,
                         ValueRange iter) -> SmallVector<Value> {
      Value batch = bc[0], cls = bc[1];
      Value classStart = iter[1];
      auto score = [&](OpBuilder &nb, Location nl, Value box) {
        return tensor::ExtractOp::create(nb, nl, scores,
                                         ValueRange{batch, cls, box})
            .getResult();
      };
      Value none = cIndex(b, l, -1);
      Value lowest = createScalar(b, l, se, -INFINITY);
      auto steps = scf::ForOp::create(
          b, l, cIndex(b, l, 0), numBoxes, cIndex(b, l, 1),
          ValueRange{iter[0], iter[1], lowest, none},
          [&](OpBuilder &sb, Location sl, Value, ValueRange s) {
            Value out = s[0], count = s[1], prevScore = s[2], prevIdx = s[3];
            Value first = arith::CmpIOp::create(
                sb, sl, arith::CmpIPredicate::slt, prevIdx, cIndex(sb, sl, 0));
            // The best candidate after the previous one.
            auto scan = scf::ForOp::create(
                sb, sl, cIndex(sb, sl, 0), numBoxes, cIndex(sb, sl, 1),
                ValueRange{lowest, none},
                [&](OpBuilder &jb, Location jl, Value j, ValueRange best) {
                  Value v = score(jb, jl, j);
                  auto fcmp = [&](arith::CmpFPredicate p, Value x, Value y) {
                    return arith::CmpFOp::create(jb, jl, p, x, y).getResult();
                  };
                  Value after = arith::OrIOp::create(
                      jb, jl, fcmp(arith::CmpFPredicate::OGT, prevScore, v),
                      arith::AndIOp::create(
                          jb, jl, fcmp(arith::CmpFPredicate::OEQ, prevScore, v),
                          arith::CmpIOp::create(
                              jb, jl, arith::CmpIPredicate::slt, prevIdx, j)));
                  after = arith::OrIOp::create(jb, jl, first, after);
                  if (scoreThreshold)
                    after = arith::AndIOp::create(
                        jb, jl, after,
                        fcmp(arith::CmpFPredicate::OGT, v, scoreThreshold));
                  Value noBest =
                      arith::CmpIOp::create(jb, jl, arith::CmpIPredicate::slt,
                                            best[1], cIndex(jb, jl, 0));
                  Value better = arith::OrIOp::create(
                      jb, jl, noBest,
                      fcmp(arith::CmpFPredicate::OGT, v, best[0]));
                  Value take = arith::AndIOp::create(jb, jl, after, better);
                  scf::YieldOp::create(
                      jb, jl,
                      ValueRange{
                          arith::SelectOp::create(jb, jl, take, v, best[0]),
                          arith::SelectOp::create(jb, jl, take, j, best[1])});
                });
            Value cand = scan.getResult(1);
            Value found = arith::CmpIOp::create(
                sb, sl, arith::CmpIPredicate::sge, cand, cIndex(sb, sl, 0));
            Value room = arith::CmpIOp::create(
                sb, sl, arith::CmpIPredicate::slt,
                arith::SubIOp::create(sb, sl, count, classStart), maxOut);
            Value candidate = arith::AndIOp::create(sb, sl, found, room);
            auto ifOp = scf::IfOp::create(
                sb, sl, candidate,
                [&](OpBuilder &tb, Location tl) {
                  // Suppressed by a box kept for this class?
                  Value safeCand =
                      arith::MaxSIOp::create(tb, tl, cand, cIndex(tb, tl, 0));
                  auto check = scf::ForOp::create(
                      tb, tl, classStart, count, cIndex(tb, tl, 1),
                      ValueRange{arith::ConstantIntOp::create(tb, tl, 0, 1)},
                      [&](OpBuilder &cb, Location cl, Value r, ValueRange sup) {
                        Value kept = tensor::ExtractOp::create(
                            cb, cl, out, ValueRange{r, cIndex(cb, cl, 2)});
                        kept = arith::IndexCastOp::create(
                            cb, cl, cb.getIndexType(), kept);
                        Value s =
                            suppressedByIoU(cb, cl, boxes, batch, safeCand,
                                            kept, centerPoint, iouThreshold);
                        scf::YieldOp::create(cb, cl,
                                             ValueRange{arith::OrIOp::create(
                                                 cb, cl, sup[0], s)});
                      });
                  Value keep = arith::XOrIOp::create(
                      tb, tl, check.getResult(0),
                      arith::ConstantIntOp::create(tb, tl, 1, 1));
                  auto keepIf = scf::IfOp::create(
                      tb, tl, keep,
                      [&](OpBuilder &kb, Location kl) {
                        Value t = out;
                        Value cols[3] = {batch, cls, safeCand};
                        for (int64_t k = 0; k < 3; ++k)
                          t = tensor::InsertOp::create(
                              kb, kl,
                              arith::IndexCastOp::create(
                                  kb, kl, kb.getI64Type(), cols[k]),
                              t, ValueRange{count, cIndex(kb, kl, k)});
                        Value next = arith::AddIOp::create(kb, kl, count,
                                                           cIndex(kb, kl, 1));
                        scf::YieldOp::create(kb, kl, ValueRange{t, next});
                      },
                      [&](OpBuilder &eb, Location el) {
                        scf::YieldOp::create(eb, el, ValueRange{out, count});
                      });
                  scf::YieldOp::create(tb, tl, keepIf.getResults());
                },
                [&](OpBuilder &eb, Location el) {
                  scf::YieldOp::create(eb, el, ValueRange{out, count});
                });
            scf::YieldOp::create(sb, sl,
                                 ValueRange{ifOp.getResult(0),
                                            ifOp.getResult(1),
                                            scan.getResult(0), cand});
          });
      return {steps.getResult(0), steps.getResult(1)};
    };
    SmallVector<Value> filled =
        buildLoops(rewriter, loc, ValueRange{batches, classes},
                   ValueRange{buffer, zero}, classBody);
    SmallVector<OpFoldResult> offsets = {rewriter.getIndexAttr(0),
                                         rewriter.getIndexAttr(0)};
    SmallVector<OpFoldResult> sizes = {filled[1], rewriter.getIndexAttr(3)};
    SmallVector<OpFoldResult> strides = {rewriter.getIndexAttr(1),
                                         rewriter.getIndexAttr(1)};
    Value result = tensor::ExtractSliceOp::create(rewriter, loc, filled[0],
                                                  offsets, sizes, strides);
    rewriter.replaceOp(op, castTo(rewriter, loc, result, type));
    return success();
  }
};

} // namespace

void populateTensorSelectionPatterns(const TypeConverter &converter,
                                     RewritePatternSet &patterns) {
  patterns.add<TopKLowering, CompressLowering, NonZeroLowering, UniqueLowering,
               NonMaxSuppressionLowering>(converter, patterns.getContext());
}

} // namespace onnxc::lowering
