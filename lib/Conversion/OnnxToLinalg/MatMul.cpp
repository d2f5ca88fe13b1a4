//===- MatMul.cpp - onnx to linalg: Gemm, MatMul --------------------------===//
//
// Gemm is a linalg.matmul (transposes through its indexing_maps) that
// accumulates into beta * C broadcast to [M, N]; alpha != 1 scales in a
// following element-wise generic.
//
// MatMul follows numpy: 1-D operands are promoted and squeezed back, batch
// dims broadcast. Named ops where they fit: linalg.dot/matvec/vecmat/matmul
// for ranks <= 2, a matmul/matvec on the collapsed [B*M, K] when only A has
// batch dims, a batch_matmul (batch dims collapsed to one) when the batch
// dims agree; a linalg.generic otherwise. f16/bf16 accumulate in f32 (the
// named ops extend their inputs) and are truncated at the end.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

Value buildMul(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  if (isa<FloatType>(lhs.getType()))
    return arith::MulFOp::create(b, loc, lhs, rhs);
  return arith::MulIOp::create(b, loc, lhs, rhs);
}

Value buildAdd(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  if (isa<FloatType>(lhs.getType()))
    return arith::AddFOp::create(b, loc, lhs, rhs);
  return arith::AddIOp::create(b, loc, lhs, rhs);
}

bool isSupportedElementType(Type type) {
  return isa<FloatType>(type) ||
         (isa<IntegerType>(type) && type.getIntOrFloatBitWidth() > 1);
}

/// A parallel generic over `type` whose inputs are read with `maps`.
Value buildMapped(OpBuilder &b, Location loc, RankedTensorType type,
                  ArrayRef<OpFoldResult> dims, ValueRange inputs,
                  ArrayRef<AffineMap> maps,
                  function_ref<Value(OpBuilder &, Location, ValueRange)> body) {
  int64_t rank = type.getRank();
  SmallVector<AffineMap> allMaps(maps);
  allMaps.push_back(b.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  Value init = createEmpty(b, loc, type, dims);
  return linalg::GenericOp::create(
             b, loc, type, inputs, init, allMaps, iterators,
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               linalg::YieldOp::create(nb, nloc,
                                       body(nb, nloc, args.drop_back()));
             })
      .getResult(0);
}

/// Converts `v` to the float accumulator type `accType` when it differs.
Value extendTo(OpBuilder &b, Location loc, Value v, Type accType) {
  if (v.getType() == accType)
    return v;
  return arith::ExtFOp::create(b, loc, accType, v);
}

struct GemmLowering : OpConversionPattern<onnx::GemmOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::GemmOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    Value a = adaptor.getA(), b = adaptor.getB();
    Value c = onnx::isNoValue(adaptor.getC()) ? Value() : adaptor.getC();
    auto aType = dyn_cast<RankedTensorType>(a.getType());
    auto bType = dyn_cast<RankedTensorType>(b.getType());
    auto resultType = getConvertedResultType(getTypeConverter(), op);
    if (!aType || !bType || !resultType || aType.getRank() != 2 ||
        bType.getRank() != 2 || resultType.getRank() != 2)
      return reportUnsupported(op, "A and B must be ranked 2-D tensors");
    auto cType = c ? dyn_cast<RankedTensorType>(c.getType()) : nullptr;
    if (c && (!cType || cType.getRank() > 2))
      return reportUnsupported(op, "C must be a ranked tensor of rank <= 2");
    Type elementType = resultType.getElementType();
    if (!isSupportedElementType(elementType))
      return reportUnsupported(op, "unsupported element type");
    double alpha = op.getAlpha().convertToDouble();
    double beta = op.getBeta().convertToDouble();
    if (isa<IntegerType>(elementType) &&
        (alpha != std::trunc(alpha) || beta != std::trunc(beta)))
      return reportUnsupported(op, "integer Gemm needs integral alpha and "
                                   "beta");
    if (beta == 0)
      c = Value();

    bool transA = op.getTransA() != 0, transB = op.getTransB() != 0;
    SmallVector<OpFoldResult> dims = {getDim(rewriter, loc, a, transA ? 1 : 0),
                                      getDim(rewriter, loc, b, transB ? 0 : 1)};

    // f16/bf16 accumulate in f32.
    auto accType = resultType.clone(getComputeType(elementType));
    Type accElement = accType.getElementType();
    // C broadcast (numpy rules, aligned at the right) to [M, N].
    auto cMap = [&]() { return getBroadcastMap(ctx, cType, resultType); };
    auto scaledC = [&](OpBuilder &nb, Location nloc, Value value) {
      value = extendTo(nb, nloc, value, accElement);
      if (beta == 1)
        return value;
      return buildMul(nb, nloc, value,
                      createScalar(nb, nloc, accElement, beta));
    };
    Value init;
    if (c && alpha == 1)
      init = buildMapped(rewriter, loc, accType, dims, c, cMap(),
                         [&](OpBuilder &nb, Location nloc, ValueRange args) {
                           return scaledC(nb, nloc, args[0]);
                         });
    else
      init = createFilled(rewriter, loc, accType, dims,
                          createScalar(rewriter, loc, accElement, 0));

    AffineExpr m, n, k;
    bindDims(ctx, m, n, k);
    SmallVector<AffineMap> maps = {
        AffineMap::get(3, 0,
                       transA ? ArrayRef<AffineExpr>{k, m}
                              : ArrayRef<AffineExpr>{m, k},
                       ctx),
        AffineMap::get(3, 0,
                       transB ? ArrayRef<AffineExpr>{n, k}
                              : ArrayRef<AffineExpr>{k, n},
                       ctx),
        AffineMap::get(3, 0, {m, n}, ctx)};
    SmallVector<NamedAttribute> attrs;
    if (transA || transB)
      attrs.push_back(rewriter.getNamedAttr(
          "indexing_maps", rewriter.getAffineMapArrayAttr(maps)));
    Value result = linalg::MatmulOp::create(rewriter, loc, TypeRange{accType},
                                            ValueRange{a, b}, init, attrs)
                       .getResult(0);

    if (alpha == 1) {
      rewriter.replaceOp(op, truncateToType(rewriter, loc, result, resultType));
      return success();
    }
    // alpha * (A * B) + beta * C, truncated to the result type.
    SmallVector<Value> inputs = {result};
    SmallVector<AffineMap> inputMaps = {rewriter.getMultiDimIdentityMap(2)};
    if (c) {
      inputs.push_back(c);
      inputMaps.push_back(cMap());
    }
    result = buildMapped(
        rewriter, loc, resultType, dims, inputs, inputMaps,
        [&](OpBuilder &nb, Location nloc, ValueRange args) {
          Value value = buildMul(nb, nloc, args[0],
                                 createScalar(nb, nloc, accElement, alpha));
          if (args.size() > 1)
            value = buildAdd(nb, nloc, value, scaledC(nb, nloc, args[1]));
          if (accElement != elementType)
            value = arith::TruncFOp::create(nb, nloc, elementType, value);
          return value;
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// True when static dim `a` and `b` cannot be a broadcast pair, i.e. exactly
/// one of them is a static 1.
bool broadcasts(int64_t a, int64_t b) { return (a == 1) != (b == 1); }

struct MatMulLowering : OpConversionPattern<onnx::MatMulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::MatMulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value a = adaptor.getA(), b = adaptor.getB();
    auto aType = dyn_cast<RankedTensorType>(a.getType());
    auto bType = dyn_cast<RankedTensorType>(b.getType());
    auto resultType = getConvertedResultType(getTypeConverter(), op);
    if (!aType || !bType || !resultType || aType.getRank() == 0 ||
        bType.getRank() == 0)
      return reportUnsupported(op, "operands must be ranked tensors of rank "
                                   ">= 1");
    Type elementType = resultType.getElementType();
    if (!isSupportedElementType(elementType))
      return reportUnsupported(op, "unsupported element type");
    int64_t ra = aType.getRank(), rb = bType.getRank();
    int64_t aBatch = std::max<int64_t>(ra - 2, 0);
    int64_t bBatch = std::max<int64_t>(rb - 2, 0);
    int64_t numBatch = std::max(aBatch, bBatch);
    int64_t expectedRank = numBatch + (ra >= 2) + (rb >= 2);
    if (resultType.getRank() != expectedRank)
      return reportUnsupported(op, "result rank " +
                                       Twine(resultType.getRank()) +
                                       " does not match the operands");

    // Result dims: batch dims broadcast, then M and N.
    SmallVector<OpFoldResult> dims;
    for (int64_t i = 0; i < numBatch; ++i) {
      if (!resultType.isDynamicDim(i)) {
        dims.push_back(rewriter.getIndexAttr(resultType.getDimSize(i)));
        continue;
      }
      int64_t ia = i - (numBatch - aBatch), ib = i - (numBatch - bBatch);
      if (ia >= 0 && aType.getDimSize(ia) != 1)
        dims.push_back(getDim(rewriter, loc, a, ia));
      else if (ib >= 0)
        dims.push_back(getDim(rewriter, loc, b, ib));
      else
        dims.push_back(rewriter.getIndexAttr(1));
    }
    // M and N: static from the result type where it knows them.
    auto resultOr = [&](int64_t i, Value operand, int64_t dim) -> OpFoldResult {
      if (!resultType.isDynamicDim(i))
        return rewriter.getIndexAttr(resultType.getDimSize(i));
      return getDim(rewriter, loc, operand, dim);
    };
    if (ra >= 2)
      dims.push_back(resultOr(dims.size(), a, ra - 2));
    if (rb >= 2)
      dims.push_back(resultOr(dims.size(), b, rb - 1));
    // f16/bf16 accumulate in f32.
    auto accType = resultType.clone(getComputeType(elementType));
    Value zero = createScalar(rewriter, loc, accType.getElementType(), 0);
    Value result;
    if (ra <= 2 && rb <= 2) {
      // Ranks <= 2: one named op.
      Value init = createFilled(rewriter, loc, accType, dims, zero);
      if (ra == 1 && rb == 1)
        result = linalg::DotOp::create(rewriter, loc, TypeRange{accType},
                                       ValueRange{a, b}, init)
                     .getResult(0);
      else if (ra == 1)
        result = linalg::VecmatOp::create(rewriter, loc, TypeRange{accType},
                                          ValueRange{a, b}, init)
                     .getResult(0);
      else if (rb == 1)
        result = linalg::MatvecOp::create(rewriter, loc, TypeRange{accType},
                                          ValueRange{a, b}, init)
                     .getResult(0);
      else
        result = linalg::MatmulOp::create(rewriter, loc, TypeRange{accType},
                                          ValueRange{a, b}, init)
                     .getResult(0);
    } else if (rb <= 2 && foldable(aType, 0, ra - 1)) {
      // Only A has batch dims: one matmul/matvec over [B * M, K].
      result = lowerFoldedBatch(rewriter, loc, a, b, accType, dims, zero);
    } else if (ra == 3 && rb == 2) {
      // [B, M, K] x [K, N] with run-time B and M: a batch_matmul that
      // broadcasts B.
      result =
          lowerBroadcastBatchMatmul(rewriter, loc, a, b, accType, dims, zero);
    } else if (ra == rb &&
               llvm::none_of(llvm::seq<int64_t>(0, aBatch),
                             [&](int64_t i) {
                               return broadcasts(aType.getDimSize(i),
                                                 bType.getDimSize(i));
                             }) &&
               foldable(accType, 0, aBatch)) {
      // Equal batch dims: one batch_matmul with the batch dims collapsed.
      result = lowerBatchMatmul(rewriter, loc, a, b, accType, dims, zero);
    } else {
      result = lowerGeneric(rewriter, loc, a, b, accType, dims, zero);
    }
    rewriter.replaceOp(op, truncateToType(rewriter, loc, result, resultType));
    return success();
  }

private:
  /// Whether dims [from, to) of `type` may be collapsed into one: at most one
  /// of them is dynamic. The pipeline's reshape propagation turns collapses
  /// into expand_shapes, which LLVM 22 cannot lower with several dynamic
  /// dims in one group (llvm-project#186830).
  static bool foldable(RankedTensorType type, int64_t from, int64_t to) {
    return llvm::count_if(llvm::seq<int64_t>(from, to),
                          [&](int64_t i) { return type.isDynamicDim(i); }) <= 1;
  }

  /// Collapses dims [from, to) of `tensor` into one.
  static Value collapseRange(OpBuilder &b, Location loc, Value tensor,
                             int64_t from, int64_t to) {
    auto type = cast<RankedTensorType>(tensor.getType());
    if (to - from == 1)
      return tensor;
    SmallVector<ReassociationIndices> reassociation;
    for (int64_t i = 0; i < from; ++i)
      reassociation.push_back({i});
    ReassociationIndices group;
    for (int64_t i = from; i < to; ++i)
      group.push_back(i);
    reassociation.push_back(group);
    for (int64_t i = to; i < type.getRank(); ++i)
      reassociation.push_back({i});
    return tensor::CollapseShapeOp::create(b, loc, tensor, reassociation);
  }

  /// The inverse of collapseRange on a result of `type` with `dims`.
  static Value expandRange(OpBuilder &b, Location loc, Value tensor,
                           RankedTensorType type, ArrayRef<OpFoldResult> dims,
                           int64_t from, int64_t to) {
    if (to - from == 1)
      return tensor;
    SmallVector<ReassociationIndices> reassociation;
    for (int64_t i = 0; i < from; ++i)
      reassociation.push_back({i});
    ReassociationIndices group;
    for (int64_t i = from; i < to; ++i)
      group.push_back(i);
    reassociation.push_back(group);
    for (int64_t i = to; i < type.getRank(); ++i)
      reassociation.push_back({i});
    return expandShape(b, loc, tensor, type, reassociation, dims);
  }

  /// The product of `dims[from, to)` and the shape with that range merged.
  static std::pair<SmallVector<OpFoldResult>, SmallVector<int64_t>>
  mergeDims(OpBuilder &b, Location loc, RankedTensorType type,
            ArrayRef<OpFoldResult> dims, int64_t from, int64_t to) {
    SmallVector<OpFoldResult> merged(dims.take_front(from));
    SmallVector<int64_t> shape(type.getShape().take_front(from));
    OpFoldResult product = b.getIndexAttr(1);
    for (int64_t i = from; i < to; ++i)
      product = mulIndex(b, loc, product, dims[i]);
    merged.push_back(product);
    std::optional<int64_t> size = getConstantIntValue(product);
    shape.push_back(size ? *size : ShapedType::kDynamic);
    merged.append(dims.begin() + to, dims.end());
    shape.append(type.getShape().begin() + to, type.getShape().end());
    return {merged, shape};
  }

  static Value lowerFoldedBatch(OpBuilder &b, Location loc, Value lhs,
                                Value rhs, RankedTensorType resultType,
                                ArrayRef<OpFoldResult> dims, Value zero) {
    int64_t ra = cast<RankedTensorType>(lhs.getType()).getRank();
    int64_t rb = cast<RankedTensorType>(rhs.getType()).getRank();
    // [batch..., M, K] -> [B * M, K]; the result [batch..., M(, N)].
    Value flat = collapseRange(b, loc, lhs, 0, ra - 1);
    auto [flatDims, flatShape] = mergeDims(b, loc, resultType, dims, 0, ra - 1);
    auto flatType =
        RankedTensorType::get(flatShape, resultType.getElementType());
    Value init = createFilled(b, loc, flatType, flatDims, zero);
    Value result;
    if (rb == 2)
      result = linalg::MatmulOp::create(b, loc, TypeRange{flatType},
                                        ValueRange{flat, rhs}, init)
                   .getResult(0);
    else
      result = linalg::MatvecOp::create(b, loc, TypeRange{flatType},
                                        ValueRange{flat, rhs}, init)
                   .getResult(0);
    return expandRange(b, loc, result, resultType, dims, 0, ra - 1);
  }

  static Value lowerBatchMatmul(OpBuilder &b, Location loc, Value lhs,
                                Value rhs, RankedTensorType resultType,
                                ArrayRef<OpFoldResult> dims, Value zero) {
    int64_t numBatch = resultType.getRank() - 2;
    Value lhs3 = collapseRange(b, loc, lhs, 0, numBatch);
    Value rhs3 = collapseRange(b, loc, rhs, 0, numBatch);
    auto [flatDims, flatShape] =
        mergeDims(b, loc, resultType, dims, 0, numBatch);
    auto flatType =
        RankedTensorType::get(flatShape, resultType.getElementType());
    Value init = createFilled(b, loc, flatType, flatDims, zero);
    Value result = linalg::BatchMatmulOp::create(b, loc, TypeRange{flatType},
                                                 ValueRange{lhs3, rhs3}, init)
                       .getResult(0);
    return expandRange(b, loc, result, resultType, dims, 0, numBatch);
  }

  /// [B, M, K] x [K, N]: linalg.batch_matmul whose indexing_maps broadcast
  /// the right operand.
  static Value lowerBroadcastBatchMatmul(OpBuilder &b, Location loc, Value lhs,
                                         Value rhs, RankedTensorType resultType,
                                         ArrayRef<OpFoldResult> dims,
                                         Value zero) {
    MLIRContext *ctx = b.getContext();
    AffineExpr batch, m, n, k;
    bindDims(ctx, batch, m, n, k);
    SmallVector<AffineMap> maps = {AffineMap::get(4, 0, {batch, m, k}, ctx),
                                   AffineMap::get(4, 0, {k, n}, ctx),
                                   AffineMap::get(4, 0, {batch, m, n}, ctx)};
    Value init = createFilled(b, loc, resultType, dims, zero);
    return linalg::BatchMatmulOp::create(
               b, loc, TypeRange{resultType}, ValueRange{lhs, rhs}, init,
               {b.getNamedAttr("indexing_maps", b.getAffineMapArrayAttr(maps))})
        .getResult(0);
  }

  /// Loops (batch..., m?, n?, k) with broadcast batch maps.
  static Value lowerGeneric(OpBuilder &b, Location loc, Value lhs, Value rhs,
                            RankedTensorType resultType,
                            ArrayRef<OpFoldResult> dims, Value zero) {
    MLIRContext *ctx = b.getContext();
    auto aType = cast<RankedTensorType>(lhs.getType());
    auto bType = cast<RankedTensorType>(rhs.getType());
    int64_t ra = aType.getRank(), rb = bType.getRank();
    int64_t outRank = resultType.getRank();
    int64_t numBatch = outRank - (ra >= 2) - (rb >= 2);
    int64_t numLoops = outRank + 1;
    auto d = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
    AffineExpr k = d(outRank);
    auto batchExprs = [&](RankedTensorType type, int64_t batchRank) {
      SmallVector<AffineExpr> exprs;
      int64_t offset = numBatch - batchRank;
      for (int64_t j = 0; j < batchRank; ++j) {
        int64_t i = j + offset;
        if (type.getDimSize(j) == 1 && resultType.getDimSize(i) != 1)
          exprs.push_back(getAffineConstantExpr(0, ctx));
        else
          exprs.push_back(d(i));
      }
      return exprs;
    };
    SmallVector<AffineExpr> aExprs, bExprs, outExprs;
    if (ra >= 2) {
      aExprs = batchExprs(aType, ra - 2);
      aExprs.push_back(d(numBatch));
    }
    aExprs.push_back(k);
    if (rb >= 2) {
      bExprs = batchExprs(bType, rb - 2);
      bExprs.push_back(k);
      bExprs.push_back(d(outRank - 1));
    } else {
      bExprs.push_back(k);
    }
    for (int64_t i = 0; i < outRank; ++i)
      outExprs.push_back(d(i));
    SmallVector<AffineMap> maps = {AffineMap::get(numLoops, 0, aExprs, ctx),
                                   AffineMap::get(numLoops, 0, bExprs, ctx),
                                   AffineMap::get(numLoops, 0, outExprs, ctx)};
    SmallVector<utils::IteratorType> iterators(outRank,
                                               utils::IteratorType::parallel);
    iterators.push_back(utils::IteratorType::reduction);
    Value init = createFilled(b, loc, resultType, dims, zero);
    return linalg::GenericOp::create(
               b, loc, resultType, ValueRange{lhs, rhs}, init, maps, iterators,
               [](OpBuilder &nb, Location nloc, ValueRange args) {
                 Type accType = args[2].getType();
                 Value mul =
                     buildMul(nb, nloc, extendTo(nb, nloc, args[0], accType),
                              extendTo(nb, nloc, args[1], accType));
                 linalg::YieldOp::create(nb, nloc,
                                         buildAdd(nb, nloc, args[2], mul));
               })
        .getResult(0);
  }
};

} // namespace
} // namespace onnxc::lowering

void onnxc::populateOnnxToLinalgMatMulPatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns) {
  patterns.add<lowering::GemmLowering, lowering::MatMulLowering>(
      converter, patterns.getContext());
}
