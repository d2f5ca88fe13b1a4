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

/// The element types of one reduction and the scalar steps that depend on
/// its kind.
struct Reduction {
  ReduceKind kind;
  Type elementType; // the converted (signless) element type
  Type accType;     // the accumulator's: f32 for f16/bf16, f64 for integer
                    // L2/LogSumExp, the element type otherwise
  bool isUnsigned;  // ONNX signedness (bools count as unsigned)

  Value toAcc(OpBuilder &b, Location loc, Value x) const {
    return convertScalar(b, loc, x, accType, isUnsigned, /*toUnsigned=*/false);
  }

  /// The value a reduction of nothing gives.
  Value identity(OpBuilder &b, Location loc) const {
    switch (kind) {
    case ReduceKind::Max:
      return createExtreme(b, loc, accType, /*highest=*/false, isUnsigned);
    case ReduceKind::Min:
      return createExtreme(b, loc, accType, /*highest=*/true, isUnsigned);
    case ReduceKind::Prod:
      return createScalar(b, loc, accType, 1);
    default:
      return createScalar(b, loc, accType, 0);
    }
  }

  /// Folds `x` (of the accumulator type) into `acc`; `shift` is the
  /// LogSumExp shift.
  Value combine(OpBuilder &b, Location loc, Value acc, Value x,
                Value shift) const {
    switch (kind) {
    case ReduceKind::Sum:
    case ReduceKind::Mean:
      return add(b, loc, acc, x);
    case ReduceKind::SumSquare:
    case ReduceKind::L2:
      return add(b, loc, acc, mul(b, loc, x, x));
    case ReduceKind::L1:
      if (isa<FloatType>(accType))
        x = math::AbsFOp::create(b, loc, x);
      else if (!isUnsigned)
        x = math::AbsIOp::create(b, loc, x);
      return add(b, loc, acc, x);
    case ReduceKind::Prod:
      return mul(b, loc, acc, x);
    case ReduceKind::Max:
      return createMax(b, loc, acc, x, isUnsigned);
    case ReduceKind::Min:
      return createMin(b, loc, acc, x, isUnsigned);
    case ReduceKind::LogSumExp: {
      Value shifted = arith::SubFOp::create(b, loc, x, shift);
      return arith::AddFOp::create(b, loc, acc,
                                   math::ExpOp::create(b, loc, shifted));
    }
    }
    llvm_unreachable("unknown reduction");
  }

  /// Whether the accumulator needs `finish` to become the result.
  bool needsFinish() const {
    return kind == ReduceKind::Mean || kind == ReduceKind::L2 ||
           kind == ReduceKind::LogSumExp || accType != elementType;
  }

  /// The result from the accumulator: the mean (`count` is the number of
  /// reduced elements, of the accumulator type), root, log, element type.
  Value finish(OpBuilder &b, Location loc, Value acc, Value shift,
               Value count) const {
    Value v = acc;
    if (kind == ReduceKind::Mean) {
      if (isa<FloatType>(accType))
        v = arith::DivFOp::create(b, loc, v, count);
      else if (isUnsigned)
        v = arith::DivUIOp::create(b, loc, v, count);
      else
        v = arith::DivSIOp::create(b, loc, v, count);
    } else if (kind == ReduceKind::L2) {
      v = math::SqrtOp::create(b, loc, v);
    } else if (kind == ReduceKind::LogSumExp) {
      v = arith::AddFOp::create(b, loc, math::LogOp::create(b, loc, v), shift);
    }
    return convertScalar(b, loc, v, elementType, /*fromUnsigned=*/false,
                         isUnsigned);
  }

  /// `count` (an index) as a scalar of the accumulator type.
  Value countToAcc(OpBuilder &b, Location loc, Value count) const {
    Value n = arith::IndexCastOp::create(b, loc, b.getI64Type(), count);
    return convertScalar(b, loc, n, accType, /*fromUnsigned=*/false,
                         /*toUnsigned=*/false);
  }
};

/// The constant axes of a Reduce* op as flags per dim of its input; nullopt
/// when the axes are only known at run time, failure (reported) when they
/// are out of range.
FailureOr<std::optional<SmallVector<bool>>>
getConstantReducedDims(Operation *op, Value onnxAxes, Value axes, int64_t rank,
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
      return std::optional<SmallVector<bool>>();
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
  return std::optional<SmallVector<bool>>(std::move(reduced));
}

/// Reduction over constant axes: linalg.generic(s) with reduction iterators
/// into the shape without the reduced dims, then expand_shape for keepdims.
Value lowerStaticReduction(OpBuilder &b, Location loc, const Reduction &r,
                           Value data, ArrayRef<bool> reduced, bool keepdims) {
  Value shift;
  if (r.kind == ReduceKind::LogSumExp) {
    Value lowest = createExtreme(b, loc, r.accType, false, false);
    shift = buildReduction(
        b, loc, data, reduced, lowest, {},
        [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
          return arith::MaximumFOp::create(nb, l, r.toAcc(nb, l, args[0]),
                                           args[1]);
        });
    shift =
        buildElementwise(b, loc, cast<RankedTensorType>(shift.getType()), shift,
                         [&](OpBuilder &nb, Location l, ValueRange args) {
                           return safeShift(nb, l, args[0]);
                         });
  }

  SmallVector<Value> extra;
  if (shift)
    extra.push_back(shift);
  Value acc = buildReduction(
      b, loc, data, reduced, r.identity(b, loc), extra,
      [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
        return r.combine(nb, l, args.back(), r.toAcc(nb, l, args[0]),
                         shift ? args[1] : Value());
      });

  if (r.needsFinish()) {
    Value count;
    if (r.kind == ReduceKind::Mean)
      count = r.countToAcc(b, loc, countReduced(b, loc, data, reduced));
    auto finalType = RankedTensorType::get(
        cast<RankedTensorType>(acc.getType()).getShape(), r.elementType);
    SmallVector<Value> inputs{acc};
    if (shift)
      inputs.push_back(shift);
    acc = buildElementwise(
        b, loc, finalType, inputs,
        [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
          return r.finish(nb, l, args[0], shift ? args[1] : Value(), count);
        });
  }
  if (keepdims)
    acc = expandReducedDims(b, loc, acc, reduced);
  return acc;
}

/// Reduction over axes known only at run time. Which dims are reduced is
/// computed into one i1 per input dim; the result is a parallel
/// linalg.generic over the output whose body loops over the reduced
/// sub-space (bounds 1 for kept dims) and reads the input with
/// tensor.extract. Slower than the static form, but any axes work.
Value lowerRuntimeReduction(OpBuilder &b, Location loc, const Reduction &r,
                            Value data, Value axes, bool noopWithEmptyAxes,
                            bool keepdims, RankedTensorType resultType) {
  auto dataType = cast<RankedTensorType>(data.getType());
  int64_t rank = dataType.getRank();
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value rankValue = arith::ConstantIndexOp::create(b, loc, rank);
  Value falseValue = arith::ConstantIntOp::create(b, loc, 0, 1);

  // flags[d] = d is one of the (normalized) axes, or the axes are empty and
  // that means all dims.
  Value numAxes = tensor::DimOp::create(b, loc, axes, 0);
  SmallVector<Value> initFlags(rank, falseValue);
  scf::ForOp loop = scf::ForOp::create(
      b, loc, zero, numAxes, one, initFlags,
      [&](OpBuilder &nb, Location l, Value iv, ValueRange flags) {
        Value axis = tensor::ExtractOp::create(nb, l, axes, iv);
        axis = arith::IndexCastOp::create(nb, l, nb.getIndexType(), axis);
        Value negative =
            arith::CmpIOp::create(nb, l, arith::CmpIPredicate::slt, axis,
                                  arith::ConstantIndexOp::create(nb, l, 0));
        axis = arith::SelectOp::create(
            nb, l, negative, arith::AddIOp::create(nb, l, axis, rankValue),
            axis);
        SmallVector<Value> next;
        for (int64_t d = 0; d < rank; ++d) {
          Value isAxis =
              arith::CmpIOp::create(nb, l, arith::CmpIPredicate::eq, axis,
                                    arith::ConstantIndexOp::create(nb, l, d));
          next.push_back(arith::OrIOp::create(nb, l, flags[d], isAxis));
        }
        scf::YieldOp::create(nb, l, next);
      });
  SmallVector<Value> flags(loop.getResults());
  if (!noopWithEmptyAxes) {
    Value noAxes =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, numAxes, zero);
    for (Value &flag : flags)
      flag = arith::OrIOp::create(b, loc, flag, noAxes);
  }

  // Loop bounds over the reduced sub-space, the number of reduced elements,
  // and for keepdims=0 the position of each kept dim in the result.
  SmallVector<Value> dims, bounds, positions;
  Value count = one;
  Value position = zero;
  for (int64_t d = 0; d < rank; ++d) {
    Value dim =
        getValueOrCreateConstantIndexOp(b, loc, getDim(b, loc, data, d));
    dims.push_back(dim);
    bounds.push_back(arith::SelectOp::create(b, loc, flags[d], dim, one));
    count = arith::MulIOp::create(b, loc, count, bounds.back());
    if (keepdims)
      continue;
    positions.push_back(position);
    position = arith::AddIOp::create(
        b, loc, position, arith::SelectOp::create(b, loc, flags[d], zero, one));
  }

  // The result's dims: the kept dims in order (1 for reduced ones with
  // keepdims=1).
  int64_t resultRank = resultType.getRank();
  SmallVector<OpFoldResult> resultDims;
  for (int64_t j = 0; j < resultRank; ++j) {
    if (keepdims) {
      resultDims.push_back(
          arith::SelectOp::create(b, loc, flags[j], one, dims[j]).getResult());
      continue;
    }
    Value size = one;
    for (int64_t d = 0; d < rank; ++d) {
      Value here = arith::AndIOp::create(
          b, loc,
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, positions[d],
                                arith::ConstantIndexOp::create(b, loc, j)),
          arith::XOrIOp::create(b, loc, flags[d],
                                arith::ConstantIntOp::create(b, loc, 1, 1)));
      size = arith::SelectOp::create(b, loc, here, dims[d], size);
    }
    resultDims.push_back(size);
  }
  Value init = createEmpty(b, loc, resultType, resultDims);
  Value countAcc =
      r.kind == ReduceKind::Mean ? r.countToAcc(b, loc, count) : Value();

  SmallVector<AffineMap> maps{b.getMultiDimIdentityMap(resultRank)};
  SmallVector<utils::IteratorType> iterators(resultRank,
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, resultType, ValueRange{}, init, maps, iterators,
      [&](OpBuilder &nb, Location l, ValueRange) {
        SmallVector<Value> outIndices;
        for (int64_t j = 0; j < resultRank; ++j)
          outIndices.push_back(linalg::IndexOp::create(nb, l, j));
        // The output index that dim d of the input takes when it is kept.
        SmallVector<Value> keptIndices;
        for (int64_t d = 0; d < rank; ++d) {
          if (keepdims) {
            keptIndices.push_back(outIndices[d]);
            continue;
          }
          Value index = arith::ConstantIndexOp::create(nb, l, 0);
          for (int64_t j = 0; j < resultRank; ++j) {
            Value here = arith::CmpIOp::create(
                nb, l, arith::CmpIPredicate::eq, positions[d],
                arith::ConstantIndexOp::create(nb, l, j));
            index = arith::SelectOp::create(nb, l, here, outIndices[j], index);
          }
          keptIndices.push_back(index);
        }
        auto loadAt = [&](OpBuilder &lb, Location ll, ValueRange ivs) {
          SmallVector<Value> indices;
          for (int64_t d = 0; d < rank; ++d)
            indices.push_back(arith::SelectOp::create(lb, ll, flags[d], ivs[d],
                                                      keptIndices[d]));
          Value x = tensor::ExtractOp::create(lb, ll, data, indices);
          return r.toAcc(lb, ll, x);
        };
        SmallVector<Value> lbs(rank, zero), steps(rank, one);
        auto reduce = [&](const Reduction &kind, Value shift) {
          Value start = kind.identity(nb, l);
          return scf::buildLoopNest(
                     nb, l, lbs, bounds, steps, start,
                     [&](OpBuilder &lb, Location ll, ValueRange ivs,
                         ValueRange acc) -> scf::ValueVector {
                       return {kind.combine(lb, ll, acc[0], loadAt(lb, ll, ivs),
                                            shift)};
                     })
              .results[0];
        };
        Value shift;
        if (r.kind == ReduceKind::LogSumExp) {
          Reduction max = r;
          max.kind = ReduceKind::Max;
          shift = safeShift(nb, l, reduce(max, Value()));
        }
        Value acc = reduce(r, shift);
        if (r.needsFinish())
          acc = r.finish(nb, l, acc, shift, countAcc);
        linalg::YieldOp::create(nb, l, acc);
      });
  return generic.getResult(0);
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
      return reportUnsupported(op, "element type " + typeToString(elementType) +
                                       " is not supported by this op");
    Reduction r{kind, elementType, getComputeType(elementType),
                isBool || isUnsignedElement(op.getData())};
    if (isa<IntegerType>(elementType) &&
        (kind == ReduceKind::L2 || kind == ReduceKind::LogSumExp))
      r.accType = rewriter.getF64Type();
    int64_t rank = dataType.getRank();
    bool keepdims = op.getKeepdims() != 0;
    bool noop = op.getNoopWithEmptyAxes() != 0;

    auto reduced =
        getConstantReducedDims(op, op.getAxes(), adaptor.getAxes(), rank, noop);
    if (failed(reduced))
      return failure();
    if (!*reduced) {
      Value axes = adaptor.getAxes();
      auto axesType = dyn_cast<RankedTensorType>(axes.getType());
      if (!axesType || axesType.getRank() != 1 ||
          !isa<IntegerType>(axesType.getElementType()))
        return reportUnsupported(op, "axes must be a 1-D integer tensor");
      Value result = lowerRuntimeReduction(rewriter, loc, r, data, axes, noop,
                                           keepdims, resultType);
      rewriter.replaceOp(op, result);
      return success();
    }

    bool identity = kind == ReduceKind::Sum || kind == ReduceKind::Mean ||
                    kind == ReduceKind::Max || kind == ReduceKind::Min ||
                    kind == ReduceKind::Prod;
    if (identity && llvm::none_of(**reduced, [](bool x) { return x; })) {
      rewriter.replaceOp(op, castTo(rewriter, loc, data, resultType));
      return success();
    }
    Value result =
        lowerStaticReduction(rewriter, loc, r, data, **reduced, keepdims);
    rewriter.replaceOp(op, castTo(rewriter, loc, result, resultType));
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
      return reportUnsupported(op, "element type " + typeToString(elementType) +
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
    Value indices =
        createFilled(rewriter, loc, indexType, dims,
                     createScalar(rewriter, loc, rewriter.getI64Type(), 0));
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
              ValueRange{
                  arith::SelectOp::create(b, l, take, x, best),
                  arith::SelectOp::create(b, l, take, index, bestIndex)});
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
