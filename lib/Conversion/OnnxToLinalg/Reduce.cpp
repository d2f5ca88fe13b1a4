//===- Reduce.cpp - onnx to linalg: reductions ----------------------------===//
//
// Reduce* become a linalg.generic with reduction iterators into the shape
// without the reduced dims (then tensor.expand_shape for keepdims=1), plus an
// element-wise step where the result needs one (ReduceMean, ReduceL2,
// ReduceLogSumExp, or an f16/bf16 input accumulated in f32). ArgMax/ArgMin
// carry the best value and its index as two outputs of one generic.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include <limits>

using namespace mlir;

namespace onnxc {
namespace {

using namespace lowering;

enum class ReduceKind {
  Sum,
  Mean,
  Max,
  Min,
  Prod,
  L1,
  L2,
  SumSquare,
  LogSumExp
};

bool isSupportedElement(Type type) {
  if (isa<Float16Type, BFloat16Type, Float32Type, Float64Type>(type))
    return true;
  auto intType = dyn_cast<IntegerType>(type);
  return intType &&
         llvm::is_contained({1u, 8u, 16u, 32u, 64u}, intType.getWidth());
}

/// The lowest (`highest`=false) or highest value of `type`: -inf/+inf for
/// floats, the integer bounds (signed or unsigned) otherwise.
Value createExtreme(OpBuilder &b, Location loc, Type type, bool highest,
                    bool isUnsigned) {
  if (isa<FloatType>(type))
    return createScalar(b, loc, type,
                        highest ? std::numeric_limits<double>::infinity()
                                : -std::numeric_limits<double>::infinity());
  unsigned width = type.getIntOrFloatBitWidth();
  APInt value = isUnsigned ? (highest ? APInt::getMaxValue(width)
                                      : APInt::getMinValue(width))
                           : (highest ? APInt::getSignedMaxValue(width)
                                      : APInt::getSignedMinValue(width));
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, value));
}

Value maxOf(OpBuilder &b, Location loc, Value x, Value y, bool isUnsigned) {
  if (isa<FloatType>(x.getType()))
    return arith::MaximumFOp::create(b, loc, x, y);
  if (isUnsigned)
    return arith::MaxUIOp::create(b, loc, x, y);
  return arith::MaxSIOp::create(b, loc, x, y);
}

Value minOf(OpBuilder &b, Location loc, Value x, Value y, bool isUnsigned) {
  if (isa<FloatType>(x.getType()))
    return arith::MinimumFOp::create(b, loc, x, y);
  if (isUnsigned)
    return arith::MinUIOp::create(b, loc, x, y);
  return arith::MinSIOp::create(b, loc, x, y);
}

Value add(OpBuilder &b, Location loc, Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return arith::AddFOp::create(b, loc, x, y);
  return arith::AddIOp::create(b, loc, x, y);
}

Value mul(OpBuilder &b, Location loc, Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return arith::MulFOp::create(b, loc, x, y);
  return arith::MulIOp::create(b, loc, x, y);
}

/// The max of a ReduceLogSumExp group as the shift to subtract: 0 when it is
/// not finite (an empty group, or all -inf, or an inf), so that the result
/// stays -inf/inf instead of NaN.
Value safeShift(OpBuilder &b, Location loc, Value max) {
  Value inf = createScalar(b, loc, max.getType(),
                           std::numeric_limits<double>::infinity());
  Value finite = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ONE,
                                       math::AbsFOp::create(b, loc, max), inf);
  return arith::SelectOp::create(b, loc, finite, max,
                                 createScalar(b, loc, max.getType(), 0));
}

/// The number of elements of `tensor` in the dims set in `reduced`, as an
/// index value.
Value countReduced(OpBuilder &b, Location loc, Value tensor,
                   ArrayRef<bool> reduced) {
  auto type = cast<RankedTensorType>(tensor.getType());
  int64_t staticCount = 1;
  Value count;
  for (auto [i, isReduced] : llvm::enumerate(reduced)) {
    if (!isReduced)
      continue;
    if (!type.isDynamicDim(i)) {
      staticCount *= type.getDimSize(i);
      continue;
    }
    Value dim = tensor::DimOp::create(b, loc, tensor, i);
    count = count ? arith::MulIOp::create(b, loc, count, dim).getResult() : dim;
  }
  Value staticValue = arith::ConstantIndexOp::create(b, loc, staticCount);
  if (!count)
    return staticValue;
  return arith::MulIOp::create(b, loc, count, staticValue);
}

/// The axes of a Reduce* op as flags per dim of its input, or failure
/// (reported) when they cannot be determined at compile time.
FailureOr<SmallVector<bool>> getReducedDims(Operation *op, Value onnxAxes,
                                            Value axes, int64_t rank,
                                            bool noopWithEmptyAxes) {
  SmallVector<int64_t> values;
  if (!isa<NoneType>(axes.getType())) {
    std::optional<SmallVector<int64_t>> constant = getConstantIntValues(axes);
    if (!constant)
      constant = getConstantIntValues(onnxAxes);
    auto axesType = dyn_cast<RankedTensorType>(axes.getType());
    if (!constant && axesType && axesType.hasStaticShape() &&
        axesType.getNumElements() == 0)
      constant = SmallVector<int64_t>{};
    if (!constant)
      return reportUnsupported(
          op, "axes are only known at run time (a constant axes input is "
              "needed)");
    values = std::move(*constant);
  }
  SmallVector<bool> reduced(rank, values.empty() && !noopWithEmptyAxes);
  for (int64_t axis : values) {
    if (axis < -rank || axis >= rank)
      return reportUnsupported(op, "axis " + Twine(axis) +
                                       " is out of range for rank " +
                                       Twine(rank));
    reduced[axis < 0 ? axis + rank : axis] = true;
  }
  return reduced;
}

template <typename OpTy, ReduceKind kind>
class ReducePattern : public OpConversionPattern<OpTy> {
public:
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedResultType(this->getTypeConverter(), op);
    Value data = adaptor.getData();
    auto dataType = dyn_cast<RankedTensorType>(data.getType());
    if (!resultType || !dataType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    Type elementType = dataType.getElementType();
    bool isBool = elementType.isInteger(1);
    if (!isSupportedElement(elementType) ||
        (isBool && kind != ReduceKind::Max && kind != ReduceKind::Min))
      return reportUnsupported(op, "element type " +
                                       typeToString(elementType) +
                                       " is not supported by this op");
    bool isUnsigned = isBool || isUnsignedElement(op.getData());
    int64_t rank = dataType.getRank();

    FailureOr<SmallVector<bool>> reducedOr =
        getReducedDims(op, op.getAxes(), adaptor.getAxes(), rank,
                       op.getNoopWithEmptyAxes() != 0);
    if (failed(reducedOr))
      return failure();
    SmallVector<bool> reduced = std::move(*reducedOr);
    bool identity = kind == ReduceKind::Sum || kind == ReduceKind::Mean ||
                    kind == ReduceKind::Max || kind == ReduceKind::Min ||
                    kind == ReduceKind::Prod;
    if (identity && llvm::none_of(reduced, [](bool r) { return r; })) {
      rewriter.replaceOp(op, castTo(rewriter, loc, data, resultType));
      return success();
    }

    // Accumulate f16/bf16 in f32; integer L2 and LogSumExp in f64.
    Type accType = getComputeType(elementType);
    if (isa<IntegerType>(elementType) &&
        (kind == ReduceKind::L2 || kind == ReduceKind::LogSumExp))
      accType = rewriter.getF64Type();
    auto toAcc = [&](OpBuilder &b, Location l, Value x) {
      return convertScalar(b, l, x, accType, isUnsigned, /*toUnsigned=*/false);
    };

    Value shift;
    if (kind == ReduceKind::LogSumExp) {
      Value lowest = createExtreme(rewriter, loc, accType, false, false);
      shift = buildReduction(
          rewriter, loc, data, reduced, lowest, {},
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return arith::MaximumFOp::create(b, l, toAcc(b, l, args[0]),
                                             args[1]);
          });
    }

    Value init;
    switch (kind) {
    case ReduceKind::Max:
      init = createExtreme(rewriter, loc, accType, false, isUnsigned);
      break;
    case ReduceKind::Min:
      init = createExtreme(rewriter, loc, accType, true, isUnsigned);
      break;
    case ReduceKind::Prod:
      init = createScalar(rewriter, loc, accType, 1);
      break;
    default:
      init = createScalar(rewriter, loc, accType, 0);
    }
    SmallVector<Value> extra;
    if (shift)
      extra.push_back(shift);
    Value acc = buildReduction(
        rewriter, loc, data, reduced, init, extra,
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value x = toAcc(b, l, args[0]);
          Value cur = args.back();
          switch (kind) {
          case ReduceKind::Sum:
          case ReduceKind::Mean:
            return add(b, l, cur, x);
          case ReduceKind::SumSquare:
          case ReduceKind::L2:
            return add(b, l, cur, mul(b, l, x, x));
          case ReduceKind::L1:
            if (isa<FloatType>(accType))
              x = math::AbsFOp::create(b, l, x);
            else if (!isUnsigned)
              x = math::AbsIOp::create(b, l, x);
            return add(b, l, cur, x);
          case ReduceKind::Prod:
            return mul(b, l, cur, x);
          case ReduceKind::Max:
            return maxOf(b, l, cur, x, isUnsigned);
          case ReduceKind::Min:
            return minOf(b, l, cur, x, isUnsigned);
          case ReduceKind::LogSumExp: {
            Value shifted =
                arith::SubFOp::create(b, l, x, safeShift(b, l, args[1]));
            return arith::AddFOp::create(b, l, cur,
                                         math::ExpOp::create(b, l, shifted));
          }
          }
          llvm_unreachable("unknown reduction");
        });

    // Finish in the reduced shape: the mean, root, log, and the element type.
    bool finish = kind == ReduceKind::Mean || kind == ReduceKind::L2 ||
                  kind == ReduceKind::LogSumExp || accType != elementType;
    if (finish) {
      Value count;
      if (kind == ReduceKind::Mean) {
        Value n = countReduced(rewriter, loc, data, reduced);
        n = arith::IndexCastOp::create(rewriter, loc, rewriter.getI64Type(), n);
        count = convertScalar(rewriter, loc, n, accType, false, false);
      }
      auto accTensorType = cast<RankedTensorType>(acc.getType());
      auto finalType = RankedTensorType::get(accTensorType.getShape(),
                                             elementType);
      SmallVector<Value> inputs{acc};
      if (shift)
        inputs.push_back(shift);
      acc = buildElementwise(
          rewriter, loc, finalType, inputs,
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            Value v = args[0];
            if (kind == ReduceKind::Mean) {
              if (isa<FloatType>(accType))
                v = arith::DivFOp::create(b, l, v, count);
              else if (isUnsigned)
                v = arith::DivUIOp::create(b, l, v, count);
              else
                v = arith::DivSIOp::create(b, l, v, count);
            } else if (kind == ReduceKind::L2) {
              v = math::SqrtOp::create(b, l, v);
            } else if (kind == ReduceKind::LogSumExp) {
              v = arith::AddFOp::create(b, l, math::LogOp::create(b, l, v),
                                        safeShift(b, l, args[1]));
            }
            return convertScalar(b, l, v, elementType, false, isUnsigned);
          });
    }
    if (op.getKeepdims())
      acc = expandReducedDims(rewriter, loc, acc, reduced);
    rewriter.replaceOp(op, castTo(rewriter, loc, acc, resultType));
    return success();
  }
};

/// ArgMax/ArgMin: the first (or, with select_last_index, the last) index of
/// the extreme value along `axis`; NaN counts as the extreme, like numpy.
template <typename OpTy, bool isMax>
class ArgPattern : public OpConversionPattern<OpTy> {
public:
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedResultType(this->getTypeConverter(), op);
    Value data = adaptor.getData();
    auto dataType = dyn_cast<RankedTensorType>(data.getType());
    if (!resultType || !dataType)
      return rewriter.notifyMatchFailure(op, "not a ranked tensor");
    Type elementType = dataType.getElementType();
    if (!isSupportedElement(elementType))
      return reportUnsupported(op, "element type " +
                                       typeToString(elementType) +
                                       " is not supported by this op");
    bool isUnsigned =
        elementType.isInteger(1) || isUnsignedElement(op.getData());
    int64_t rank = dataType.getRank();
    int64_t axis = op.getAxis();
    if (rank == 0 || axis < -rank || axis >= rank)
      return reportUnsupported(op, "axis " + Twine(axis) +
                                       " is out of range for rank " +
                                       Twine(rank));
    if (axis < 0)
      axis += rank;
    bool selectLast = op.getSelectLastIndex() != 0;

    SmallVector<bool> reduced(rank, false);
    reduced[axis] = true;
    SmallVector<int64_t> shape;
    SmallVector<OpFoldResult> dims;
    SmallVector<utils::IteratorType> iterators;
    for (int64_t i = 0; i < rank; ++i) {
      iterators.push_back(reduced[i] ? utils::IteratorType::reduction
                                     : utils::IteratorType::parallel);
      if (reduced[i])
        continue;
      shape.push_back(dataType.getDimSize(i));
      dims.push_back(getDim(rewriter, loc, data, i));
    }
    auto valueType = RankedTensorType::get(shape, elementType);
    auto indexType = RankedTensorType::get(shape, rewriter.getI64Type());
    Value values = createFilled(
        rewriter, loc, valueType, dims,
        createExtreme(rewriter, loc, elementType, !isMax, isUnsigned));
    Value indices = createFilled(rewriter, loc, indexType, dims,
                                 createScalar(rewriter, loc,
                                              rewriter.getI64Type(), 0));
    AffineMap reducedMap = getReducedMap(rewriter.getContext(), reduced);
    SmallVector<AffineMap> maps{rewriter.getMultiDimIdentityMap(rank),
                                reducedMap, reducedMap};
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{valueType, indexType}, data,
        ValueRange{values, indices}, maps, iterators,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value x = args[0], best = args[1], bestIndex = args[2];
          Value take;
          if (isa<FloatType>(elementType)) {
            using P = arith::CmpFPredicate;
            P pred = isMax ? (selectLast ? P::OGE : P::OGT)
                           : (selectLast ? P::OLE : P::OLT);
            take = arith::CmpFOp::create(b, l, pred, x, best);
            // A NaN wins over numbers, and over an earlier NaN only for
            // select_last_index.
            Value xIsNaN = arith::CmpFOp::create(b, l, P::UNO, x, x);
            Value nanWins = xIsNaN;
            if (!selectLast) {
              Value bestIsNum = arith::CmpFOp::create(b, l, P::ORD, best, best);
              nanWins = arith::AndIOp::create(b, l, xIsNaN, bestIsNum);
            }
            take = arith::OrIOp::create(b, l, take, nanWins);
          } else {
            using P = arith::CmpIPredicate;
            P pred = isMax ? (selectLast ? (isUnsigned ? P::uge : P::sge)
                                         : (isUnsigned ? P::ugt : P::sgt))
                           : (selectLast ? (isUnsigned ? P::ule : P::sle)
                                         : (isUnsigned ? P::ult : P::slt));
            take = arith::CmpIOp::create(b, l, pred, x, best);
          }
          Value index = linalg::IndexOp::create(b, l, axis);
          index = arith::IndexCastOp::create(b, l, b.getI64Type(), index);
          linalg::YieldOp::create(
              b, l,
              ValueRange{arith::SelectOp::create(b, l, take, x, best),
                         arith::SelectOp::create(b, l, take, index,
                                                 bestIndex)});
        });
    Value result = generic.getResult(1);
    if (op.getKeepdims())
      result = expandReducedDims(rewriter, loc, result, reduced);
    rewriter.replaceOp(op, castTo(rewriter, loc, result, resultType));
    return success();
  }
};

} // namespace

void populateOnnxToLinalgReducePatterns(const TypeConverter &converter,
                                        RewritePatternSet &patterns) {
  using namespace onnx;
  patterns.add<ReducePattern<ReduceSumOp, ReduceKind::Sum>,
               ReducePattern<ReduceMeanOp, ReduceKind::Mean>,
               ReducePattern<ReduceMaxOp, ReduceKind::Max>,
               ReducePattern<ReduceMinOp, ReduceKind::Min>,
               ReducePattern<ReduceProdOp, ReduceKind::Prod>,
               ReducePattern<ReduceL1Op, ReduceKind::L1>,
               ReducePattern<ReduceL2Op, ReduceKind::L2>,
               ReducePattern<ReduceSumSquareOp, ReduceKind::SumSquare>,
               ReducePattern<ReduceLogSumExpOp, ReduceKind::LogSumExp>,
               ArgPattern<ArgMaxOp, /*isMax=*/true>,
               ArgPattern<ArgMinOp, /*isMax=*/false>>(converter,
                                                      patterns.getContext());
}

} // namespace onnxc
