//===- Pool.cpp - onnx to linalg: pooling ops -----------------------------===//
//
// MaxPool and AveragePool pad their input with tensor.pad (the explicit pads
// plus, in ceil mode, the end padding that lets partial windows count) and
// pool with linalg.pooling_nchw_max/sum for 2-D or a linalg.generic for other
// ranks. AveragePool divides by the kernel size or, where padding takes part
// and must not be counted, by the per-window count of counted elements
// computed from linalg.index. MaxPool's Indices output uses a generic that
// tracks the flattened position of the maximum. The global pools are
// linalg.reduce over the spatial dims.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/ADT/APFloat.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

/// The resolved window of a MaxPool/AveragePool and the geometry derived from
/// the input.
struct PoolGeometry {
  onnx::WindowParams window;
  /// Extra end padding of ceil mode, per spatial dim.
  SmallVector<OpFoldResult> extraEnd;
  /// Input and output dims [N, C, spatial...].
  SmallVector<OpFoldResult> inDims, outDims;

  bool hasPadding() const {
    return llvm::any_of(window.padsBegin, [](int64_t p) { return p != 0; }) ||
           llvm::any_of(window.padsEnd, [](int64_t p) { return p != 0; }) ||
           !llvm::all_of(extraEnd, isZeroInteger);
  }
};

/// Resolves the window of `op` and computes its output dims and ceil-mode
/// padding for the (converted) input `x`. Run-time spatial dims are handled
/// with index arithmetic.
template <typename PoolOp>
FailureOr<PoolGeometry> computePoolGeometry(OpBuilder &b, Location loc,
                                            PoolOp op, Value x,
                                            RankedTensorType resultType) {
  auto xType = cast<RankedTensorType>(x.getType());
  FailureOr<onnx::WindowParams> window = onnx::resolveWindow(
      op, xType.getShape(), {}, op.getAutoPad(), op.getKernelShape(),
      op.getStrides(), op.getDilations(), op.getPads(), op.getCeilMode() != 0);
  if (failed(window))
    return reportUnsupported(op, "invalid window attributes");
  int64_t n = xType.getRank() - 2;
  bool ceilMode = op.getCeilMode() != 0;
  PoolGeometry geom;
  geom.window = *window;
  geom.inDims = getDims(b, loc, x);
  geom.outDims = {geom.inDims[0], geom.inDims[1]};
  for (int64_t i = 0; i < n; ++i) {
    int64_t k = window->kernel[i], s = window->strides[i];
    int64_t pb = window->padsBegin[i], pe = window->padsEnd[i];
    int64_t effective = (k - 1) * window->dilations[i] + 1;
    int64_t in = xType.getDimSize(2 + i);
    if (!ShapedType::isDynamic(in)) {
      int64_t out = onnx::windowOutputSize(in, k, s, window->dilations[i], pb,
                                           pe, ceilMode);
      if (out <= 0)
        return reportUnsupported(op, "the window does not fit the input");
      if (!resultType.isDynamicDim(2 + i) &&
          out != resultType.getDimSize(2 + i))
        return reportUnsupported(op, "output size " + Twine(out) +
                                         " of spatial dim " + Twine(i) +
                                         " does not match the result type");
      geom.outDims.push_back(b.getIndexAttr(out));
      geom.extraEnd.push_back(b.getIndexAttr(
          std::max<int64_t>(0, (out - 1) * s + effective - (in + pb + pe))));
      continue;
    }
    // Run-time size: the same formula with index arithmetic.
    auto idx = [&](int64_t v) -> OpFoldResult { return b.getIndexAttr(v); };
    auto value = [&](OpFoldResult v) {
      return getValueOrCreateConstantIndexOp(b, loc, v);
    };
    OpFoldResult inDim = geom.inDims[2 + i];
    OpFoldResult padded = addIndex(b, loc, inDim, idx(pb + pe));
    OpFoldResult span = subIndex(b, loc, padded, idx(effective));
    OpFoldResult out;
    if (!ceilMode) {
      out = addIndex(b, loc, floorDivIndex(b, loc, span, idx(s)), idx(1));
      geom.extraEnd.push_back(idx(0));
    } else {
      Value up = value(span);
      if (s != 1)
        up = arith::CeilDivSIOp::create(b, loc, up, value(idx(s)));
      Value full = value(addIndex(b, loc, up, idx(1)));
      // A window that starts inside the end padding is dropped.
      Value lastStart =
          value(mulIndex(b, loc, subIndex(b, loc, full, idx(1)), idx(s)));
      Value drop =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, lastStart,
                                value(addIndex(b, loc, inDim, idx(pb))));
      Value fewer = value(subIndex(b, loc, full, idx(1)));
      out = arith::SelectOp::create(b, loc, drop, fewer, full).getResult();
      OpFoldResult needed = addIndex(
          b, loc, mulIndex(b, loc, subIndex(b, loc, out, idx(1)), idx(s)),
          idx(effective));
      geom.extraEnd.push_back(
          arith::MaxSIOp::create(
              b, loc, value(subIndex(b, loc, needed, padded)), value(idx(0)))
              .getResult());
    }
    geom.outDims.push_back(out);
  }
  return geom;
}

/// Pads the input of a pool with `value`: the explicit pads and the ceil-mode
/// end padding.
Value padPoolInput(OpBuilder &b, Location loc, Value x,
                   const PoolGeometry &geom, Value value) {
  SmallVector<OpFoldResult> low(2, b.getIndexAttr(0));
  SmallVector<OpFoldResult> high(2, b.getIndexAttr(0));
  for (size_t i = 0, e = geom.window.kernel.size(); i < e; ++i) {
    low.push_back(b.getIndexAttr(geom.window.padsBegin[i]));
    high.push_back(addIndex(b, loc, b.getIndexAttr(geom.window.padsEnd[i]),
                            geom.extraEnd[i]));
  }
  return padTensor(b, loc, x, low, high, value);
}

/// The indexing maps of a pooling generic with loops (n, c, o..., k...): the
/// input read at o * stride + k * dilation, the window shape tensor at k, and
/// `numOutputs` outputs at (n, c, o...).
SmallVector<AffineMap> getPoolMaps(MLIRContext *ctx,
                                   const onnx::WindowParams &window,
                                   unsigned numOutputs) {
  int64_t n = window.kernel.size();
  int64_t numLoops = 2 + 2 * n;
  auto d = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
  SmallVector<AffineExpr> inExprs = {d(0), d(1)}, kExprs,
                          outExprs = {d(0), d(1)};
  for (int64_t i = 0; i < n; ++i) {
    inExprs.push_back(d(2 + i) * window.strides[i] +
                      d(2 + n + i) * window.dilations[i]);
    kExprs.push_back(d(2 + n + i));
    outExprs.push_back(d(2 + i));
  }
  SmallVector<AffineMap> maps = {AffineMap::get(numLoops, 0, inExprs, ctx),
                                 AffineMap::get(numLoops, 0, kExprs, ctx)};
  maps.append(numOutputs, AffineMap::get(numLoops, 0, outExprs, ctx));
  return maps;
}

SmallVector<utils::IteratorType> getPoolIterators(int64_t n) {
  SmallVector<utils::IteratorType> iterators(2 + n,
                                             utils::IteratorType::parallel);
  iterators.append(n, utils::IteratorType::reduction);
  return iterators;
}

/// Pools `padded` into `init` with `combine(input, accumulator)`: a named
/// linalg pooling op for 2-D when `named2D` builds one, else a generic.
Value buildPool(
    OpBuilder &b, Location loc, Value padded, Value init,
    const onnx::WindowParams &window,
    function_ref<Value(OpBuilder &, Location, Value, Value)> combine,
    function_ref<Value(OpBuilder &, Location, Value, Value, Attribute,
                       Attribute)>
        named2D) {
  Type elementType = cast<RankedTensorType>(init.getType()).getElementType();
  Value shape = tensor::EmptyOp::create(b, loc, window.kernel, elementType);
  if (window.kernel.size() == 2 && named2D)
    if (Value result =
            named2D(b, loc, padded, shape, b.getI64TensorAttr(window.strides),
                    b.getI64TensorAttr(window.dilations)))
      return result;
  auto generic = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{padded, shape}, init,
      getPoolMaps(b.getContext(), window, 1),
      getPoolIterators(window.kernel.size()),
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        linalg::YieldOp::create(nb, nloc, combine(nb, nloc, args[0], args[2]));
      });
  return generic.getResult(0);
}

/// The lowest value of `type`: -inf, or the smallest (un)signed integer.
Value getLowest(OpBuilder &b, Location loc, Type type, bool isUnsigned) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(
        b, loc,
        b.getFloatAttr(floatType, APFloat::getInf(floatType.getFloatSemantics(),
                                                  /*Negative=*/true)));
  unsigned width = type.getIntOrFloatBitWidth();
  APInt lowest =
      isUnsigned ? APInt::getZero(width) : APInt::getSignedMinValue(width);
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, lowest));
}

Value buildMax(OpBuilder &b, Location loc, Value lhs, Value rhs,
               bool isUnsigned) {
  if (isa<FloatType>(lhs.getType()))
    return arith::MaximumFOp::create(b, loc, lhs, rhs);
  if (isUnsigned)
    return arith::MaxUIOp::create(b, loc, lhs, rhs);
  return arith::MaxSIOp::create(b, loc, lhs, rhs);
}

Value indexToI64(OpBuilder &b, Location loc, Value v) {
  return arith::IndexCastOp::create(b, loc, b.getI64Type(), v);
}

/// MaxPool with Indices: a generic with two outputs that keeps the first
/// maximum and its flattened position in the unpadded input (row-major, or
/// spatially column-major for storage_order 1).
std::pair<Value, Value>
buildMaxPoolWithIndices(OpBuilder &b, Location loc, Value padded,
                        const PoolGeometry &geom, RankedTensorType valueType,
                        RankedTensorType indexType, Value lowest,
                        bool isUnsigned, bool columnMajor) {
  const onnx::WindowParams &window = geom.window;
  int64_t n = window.kernel.size();
  Type elementType = valueType.getElementType();
  Value valueInit = createFilled(b, loc, valueType, geom.outDims, lowest);
  Value indexInit = createFilled(b, loc, indexType, geom.outDims,
                                 createScalar(b, loc, b.getI64Type(), -1));
  Value shape = tensor::EmptyOp::create(b, loc, window.kernel, elementType);
  ArrayRef<OpFoldResult> inSizes = geom.inDims;
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{valueType, indexType}, ValueRange{padded, shape},
      ValueRange{valueInit, indexInit}, getPoolMaps(b.getContext(), window, 2),
      getPoolIterators(n), [&](OpBuilder &nb, Location nloc, ValueRange args) {
        auto idx = [&](int64_t v) -> OpFoldResult {
          return nb.getIndexAttr(v);
        };
        auto value = [&](OpFoldResult v) {
          return getValueOrCreateConstantIndexOp(nb, nloc, v);
        };
        auto loop = [&](int64_t d) -> OpFoldResult {
          return linalg::IndexOp::create(nb, nloc, d).getResult();
        };
        // Position in the unpadded input, and whether it is inside it.
        Value inside;
        SmallVector<OpFoldResult> pos;
        for (int64_t i = 0; i < n; ++i) {
          OpFoldResult p = subIndex(
              nb, nloc,
              addIndex(nb, nloc,
                       mulIndex(nb, nloc, loop(2 + i), idx(window.strides[i])),
                       mulIndex(nb, nloc, loop(2 + n + i),
                                idx(window.dilations[i]))),
              idx(window.padsBegin[i]));
          Value geZero = arith::CmpIOp::create(
              nb, nloc, arith::CmpIPredicate::sge, value(p), value(idx(0)));
          Value ltSize =
              arith::CmpIOp::create(nb, nloc, arith::CmpIPredicate::slt,
                                    value(p), value(inSizes[2 + i]));
          Value ok = arith::AndIOp::create(nb, nloc, geZero, ltSize);
          inside = inside ? arith::AndIOp::create(nb, nloc, inside, ok) : ok;
          pos.push_back(p);
        }
        // (n * C + c) * spatial size + the spatial offset, row-major or with
        // the spatial dims reversed for column-major.
        OpFoldResult flat = addIndex(
            nb, nloc, mulIndex(nb, nloc, loop(0), inSizes[1]), loop(1));
        OpFoldResult offset = idx(0);
        for (int64_t j = 0; j < n; ++j) {
          int64_t i = columnMajor ? n - 1 - j : j;
          flat = mulIndex(nb, nloc, flat, inSizes[2 + i]);
          offset = addIndex(nb, nloc,
                            mulIndex(nb, nloc, offset, inSizes[2 + i]), pos[i]);
        }
        Value flatIndex =
            indexToI64(nb, nloc, value(addIndex(nb, nloc, flat, offset)));

        Value in = args[0], best = args[2], bestIndex = args[3];
        Value greater;
        if (isa<FloatType>(elementType))
          greater = arith::CmpFOp::create(nb, nloc, arith::CmpFPredicate::OGT,
                                          in, best);
        else
          greater =
              arith::CmpIOp::create(nb, nloc,
                                    isUnsigned ? arith::CmpIPredicate::ugt
                                               : arith::CmpIPredicate::sgt,
                                    in, best);
        Value none = arith::CmpIOp::create(
            nb, nloc, arith::CmpIPredicate::slt, bestIndex,
            createScalar(nb, nloc, nb.getI64Type(), 0));
        Value take = arith::AndIOp::create(
            nb, nloc, inside, arith::OrIOp::create(nb, nloc, greater, none));
        Value bestValue = arith::SelectOp::create(nb, nloc, take, in, best);
        Value index =
            arith::SelectOp::create(nb, nloc, take, flatIndex, bestIndex);
        linalg::YieldOp::create(nb, nloc, ValueRange{bestValue, index});
      });
  return {generic.getResult(0), generic.getResult(1)};
}

struct MaxPoolLowering : OpConversionPattern<onnx::MaxPoolOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::MaxPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getX();
    auto xType = dyn_cast<RankedTensorType>(x.getType());
    auto resultType = getConvertedResultType(getTypeConverter(), op);
    if (!xType || !resultType || xType.getRank() < 3)
      return reportUnsupported(op, "input must be a ranked tensor of rank 3 "
                                   "or more");
    Type elementType = xType.getElementType();
    if (!isa<FloatType, IntegerType>(elementType))
      return reportUnsupported(op, "unsupported element type");
    bool withIndices = !isa<NoneType>(op.getIndices().getType()) &&
                       !op.getIndices().use_empty();
    RankedTensorType indexType;
    if (withIndices) {
      indexType = getConvertedResultType(getTypeConverter(), op, 1);
      assert(indexType && "the pass rejects unranked results up front");
    }
    bool isUnsigned = isUnsignedElement(op.getX());
    FailureOr<PoolGeometry> geom =
        computePoolGeometry(rewriter, loc, op, x, resultType);
    if (failed(geom))
      return failure();
    Value lowest = getLowest(rewriter, loc, elementType, isUnsigned);
    Value padded = padPoolInput(rewriter, loc, x, *geom, lowest);

    if (withIndices) {
      auto [values, indices] = buildMaxPoolWithIndices(
          rewriter, loc, padded, *geom, resultType, indexType, lowest,
          isUnsigned, op.getStorageOrder() != 0);
      rewriter.replaceOp(op, {values, indices});
      return success();
    }
    Value init = createFilled(rewriter, loc, resultType, geom->outDims, lowest);
    Value result = buildPool(
        rewriter, loc, padded, init, geom->window,
        [&](OpBuilder &b, Location l, Value in, Value acc) {
          return buildMax(b, l, acc, in, isUnsigned);
        },
        [&](OpBuilder &b, Location l, Value input, Value shape,
            Attribute strides, Attribute dilations) -> Value {
          if (isUnsigned)
            return {};
          return linalg::PoolingNchwMaxOp::create(
                     b, l, TypeRange{init.getType()}, ValueRange{input, shape},
                     init, strides, dilations)
              .getResult(0);
        });
    // Indices is unused here: the empty range drops it.
    rewriter.replaceOpWithMultiple(op, {{result}, {}});
    return success();
  }
};

/// Divides the window sums `sum` by the number of counted elements of each
/// window: the kernel size, or with padding that must not be counted, the
/// size of the window clipped to [0, in) (count_include_pad 0) or to
/// [-pad_begin, in + pad_end) (count_include_pad 1, ceil-mode padding is
/// never counted).
Value divideByCount(OpBuilder &b, Location loc, Value sum,
                    const PoolGeometry &geom, bool countIncludePad) {
  auto type = cast<RankedTensorType>(sum.getType());
  Type elementType = type.getElementType();
  const onnx::WindowParams &window = geom.window;
  int64_t n = window.kernel.size();
  bool constant =
      !geom.hasPadding() ||
      (countIncludePad && llvm::all_of(geom.extraEnd, isZeroInteger));
  if (constant) {
    int64_t size = 1;
    for (int64_t k : window.kernel)
      size *= k;
    Value divisor = createScalar(b, loc, elementType, size);
    return buildElementwise(
        b, loc, type, sum, [&](OpBuilder &nb, Location nloc, ValueRange args) {
          return arith::DivFOp::create(nb, nloc, args[0], divisor).getResult();
        });
  }
  Value init = createEmpty(b, loc, type, geom.outDims);
  int64_t rank = type.getRank();
  SmallVector<AffineMap> maps(2, b.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, type, sum, init, maps, iterators,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        auto idx = [&](int64_t v) -> OpFoldResult {
          return nb.getIndexAttr(v);
        };
        auto value = [&](OpFoldResult v) {
          return getValueOrCreateConstantIndexOp(nb, nloc, v);
        };
        OpFoldResult count = idx(1);
        for (int64_t i = 0; i < n; ++i) {
          int64_t k = window.kernel[i], s = window.strides[i];
          int64_t d = window.dilations[i];
          int64_t pb = window.padsBegin[i], pe = window.padsEnd[i];
          bool noExtra = isZeroInteger(geom.extraEnd[i]);
          if (noExtra && (countIncludePad || (pb == 0 && pe == 0))) {
            // No window of this dim is clipped.
            count = mulIndex(nb, nloc, count, idx(k));
            continue;
          }
          // Window elements are start + j * d for j in [0, k); count those in
          // [lo, hi).
          OpFoldResult start = subIndex(
              nb, nloc,
              mulIndex(nb, nloc,
                       linalg::IndexOp::create(nb, nloc, 2 + i).getResult(),
                       idx(s)),
              idx(pb));
          OpFoldResult lo = idx(countIncludePad ? -pb : 0);
          OpFoldResult hi =
              countIncludePad ? addIndex(nb, nloc, geom.inDims[2 + i], idx(pe))
                              : geom.inDims[2 + i];
          Value first = value(subIndex(nb, nloc, lo, start));
          if (d != 1)
            first = arith::CeilDivSIOp::create(nb, nloc, first, value(idx(d)));
          first = arith::MaxSIOp::create(nb, nloc, first, value(idx(0)));
          OpFoldResult lastOffset =
              subIndex(nb, nloc, subIndex(nb, nloc, hi, idx(1)), start);
          Value last = value(floorDivIndex(nb, nloc, lastOffset, idx(d)));
          last = arith::MinSIOp::create(nb, nloc, last, value(idx(k - 1)));
          Value dimCount = value(
              addIndex(nb, nloc, subIndex(nb, nloc, last, first), idx(1)));
          dimCount = arith::MaxSIOp::create(nb, nloc, dimCount, value(idx(0)));
          count = mulIndex(nb, nloc, count, dimCount);
        }
        Value countFloat = arith::SIToFPOp::create(
            nb, nloc, elementType, indexToI64(nb, nloc, value(count)));
        Value result = arith::DivFOp::create(nb, nloc, args[0], countFloat);
        linalg::YieldOp::create(nb, nloc, result);
      });
  return generic.getResult(0);
}

struct AveragePoolLowering : OpConversionPattern<onnx::AveragePoolOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::AveragePoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getX();
    auto xType = dyn_cast<RankedTensorType>(x.getType());
    auto resultType = getConvertedResultType(getTypeConverter(), op);
    if (!xType || !resultType || xType.getRank() < 3)
      return reportUnsupported(op, "input must be a ranked tensor of rank 3 "
                                   "or more");
    Type elementType = xType.getElementType();
    if (!isa<FloatType>(elementType))
      return reportUnsupported(op, "only float average pooling is supported");
    FailureOr<PoolGeometry> geom =
        computePoolGeometry(rewriter, loc, op, x, resultType);
    if (failed(geom))
      return failure();
    Value zero = createScalar(rewriter, loc, elementType, 0);
    Value padded = padPoolInput(rewriter, loc, x, *geom, zero);
    // f16/bf16 accumulate in f32.
    auto accType = resultType.clone(getComputeType(elementType));
    Value accZero =
        accType.getElementType() == elementType
            ? zero
            : createScalar(rewriter, loc, accType.getElementType(), 0);
    Value init = createFilled(rewriter, loc, accType, geom->outDims, accZero);
    Value sum = buildPool(
        rewriter, loc, padded, init, geom->window,
        [](OpBuilder &b, Location l, Value in, Value acc) {
          if (in.getType() != acc.getType())
            in = arith::ExtFOp::create(b, l, acc.getType(), in);
          return arith::AddFOp::create(b, l, acc, in).getResult();
        },
        [&](OpBuilder &b, Location l, Value input, Value shape,
            Attribute strides, Attribute dilations) -> Value {
          return linalg::PoolingNchwSumOp::create(
                     b, l, TypeRange{init.getType()}, ValueRange{input, shape},
                     init, strides, dilations)
              .getResult(0);
        });
    Value average =
        divideByCount(rewriter, loc, sum, *geom, op.getCountIncludePad() != 0);
    rewriter.replaceOp(op, truncateToType(rewriter, loc, average, resultType));
    return success();
  }
};

/// GlobalAveragePool and GlobalMaxPool: linalg.reduce over the spatial dims,
/// then the unit spatial dims are put back with tensor.expand_shape.
template <typename OpTy, bool isMax>
struct GlobalPoolLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getX();
    auto xType = dyn_cast<RankedTensorType>(x.getType());
    auto resultType = getConvertedResultType(this->getTypeConverter(), op);
    if (!xType || !resultType || xType.getRank() < 3)
      return reportUnsupported(op, "input must be a ranked tensor of rank 3 "
                                   "or more");
    Type elementType = xType.getElementType();
    if (!isa<FloatType>(elementType))
      return reportUnsupported(op, "only float global pooling is supported");
    int64_t rank = xType.getRank();
    SmallVector<OpFoldResult> dims = getDims(rewriter, loc, x);
    // GlobalAveragePool of f16/bf16 accumulates in f32.
    Type accElement = isMax ? elementType : getComputeType(elementType);
    auto reducedType = RankedTensorType::get(
        {xType.getDimSize(0), xType.getDimSize(1)}, accElement);
    SmallVector<OpFoldResult> reducedDims = {dims[0], dims[1]};
    Value initValue = isMax ? getLowest(rewriter, loc, elementType, false)
                            : createScalar(rewriter, loc, accElement, 0);
    Value init =
        createFilled(rewriter, loc, reducedType, reducedDims, initValue);
    SmallVector<int64_t> reduceDims =
        llvm::to_vector(llvm::seq<int64_t>(2, rank));
    Value reduced =
        linalg::ReduceOp::create(
            rewriter, loc, ValueRange{x}, ValueRange{init}, reduceDims,
            [&](OpBuilder &b, Location l, ValueRange args) {
              Value in = args[0];
              if (in.getType() != accElement)
                in = arith::ExtFOp::create(b, l, accElement, in);
              Value result =
                  isMax
                      ? arith::MaximumFOp::create(b, l, in, args[1]).getResult()
                      : arith::AddFOp::create(b, l, in, args[1]).getResult();
              linalg::YieldOp::create(b, l, result);
            })
            .getResult(0);
    if (!isMax) {
      OpFoldResult count = rewriter.getIndexAttr(1);
      for (int64_t i = 2; i < rank; ++i)
        count = mulIndex(rewriter, loc, count, dims[i]);
      Value countValue;
      if (std::optional<int64_t> c = getConstantIntValue(count))
        countValue = createScalar(rewriter, loc, accElement, *c);
      else
        countValue = arith::SIToFPOp::create(
            rewriter, loc, accElement,
            indexToI64(rewriter, loc,
                       getValueOrCreateConstantIndexOp(rewriter, loc, count)));
      reduced = buildElementwise(
          rewriter, loc, reducedType.clone(elementType), reduced,
          [&](OpBuilder &b, Location l, ValueRange args) {
            Value average = arith::DivFOp::create(b, l, args[0], countValue);
            if (accElement != elementType)
              average = arith::TruncFOp::create(b, l, elementType, average);
            return average;
          });
    }
    SmallVector<ReassociationIndices> reassociation = {{0}, {}};
    for (int64_t i = 1; i < rank; ++i)
      reassociation[1].push_back(i);
    SmallVector<OpFoldResult> outDims = {dims[0], dims[1]};
    outDims.append(rank - 2, rewriter.getIndexAttr(1));
    rewriter.replaceOpWithNewOp<tensor::ExpandShapeOp>(op, resultType, reduced,
                                                       reassociation, outDims);
    return success();
  }
};

} // namespace
} // namespace onnxc::lowering

void onnxc::populateOnnxToLinalgPoolPatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns) {
  using namespace lowering;
  patterns.add<MaxPoolLowering, AveragePoolLowering,
               GlobalPoolLowering<onnx::GlobalAveragePoolOp, false>,
               GlobalPoolLowering<onnx::GlobalMaxPoolOp, true>>(
      converter, patterns.getContext());
}
