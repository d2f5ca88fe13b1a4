//===- Selection.cpp - onnx to linalg: TopK, Compress, NonZero, Unique ----===//
//
// Ops that select elements: scf.for nests that tensor.insert into fresh
// tensors. Outputs whose size depends on the data (Compress, NonZero,
// Unique, TopK with a run-time k) have dynamic dims: a first pass counts, a
// second one fills.
//
//===----------------------------------------------------------------------===//

#include "TensorOpsCommon.h"

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
    auto [positions, count] =
        selectedPositions(rewriter, loc, adaptor.getCondition(),
                          dimValue(rewriter, loc, input, axis));
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

} // namespace

void populateTensorSelectionPatterns(const TypeConverter &converter,
                                     RewritePatternSet &patterns) {
  patterns.add<TopKLowering, CompressLowering, NonZeroLowering>(
      converter, patterns.getContext());
}

} // namespace onnxc::lowering
