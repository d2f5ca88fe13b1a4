//===- TileAndVectorize.cpp - register tiles for f32 contractions ---------===//

#include "onnxc/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/TilingInterface.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

using namespace mlir;

namespace onnxc {

#define GEN_PASS_DEF_TILEANDVECTORIZE
#include "onnxc/Transforms/Passes.h.inc"

namespace {

constexpr llvm::StringLiteral kTileAttr = "onnxc.register_tile";
constexpr llvm::StringLiteral kIm2ColAttr = "onnxc.im2col";
constexpr llvm::StringLiteral kPackedAttr = "onnxc.packed";

/// f32 tensors; with `allowDynamic`, dims may be dynamic.
bool isF32(linalg::LinalgOp op, bool allowDynamic) {
  for (Value v : op->getOperands()) {
    auto type = dyn_cast<RankedTensorType>(v.getType());
    if (!type || !type.getElementType().isF32() ||
        (!allowDynamic && !type.hasStaticShape()))
      return false;
  }
  return op->getNumResults() == 1;
}

int64_t tileSize(int64_t tile, int64_t bound) {
  return ShapedType::isDynamic(bound) ? tile : std::min(tile, bound);
}

/// Tile sizes of one register tile per loop, or empty when `op` is not a
/// contraction this pass handles: one m, n and k dimension each, n the last
/// dimension of the output (unit stride), any batch dims.
struct TilePlan {
  /// Loop order of the tile loops: n outside m, so that one [K x nr] panel
  /// of the right operand stays in cache while all m tiles use it.
  SmallVector<int64_t> interchange;
  SmallVector<int64_t> outer; // batch 1, m mr, n nr, k kc
  SmallVector<int64_t> inner; // k 1
  SmallVector<int64_t> vector;
};

std::optional<TilePlan> planContraction(linalg::LinalgOp op, int64_t mr,
                                        int64_t nr, int64_t kc,
                                        bool allowDynamic) {
  if (!isF32(op, allowDynamic) || op.getNumDpsInits() != 1 ||
      op.getNumDpsInputs() != 2)
    return std::nullopt;
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims) || dims->m.empty() || dims->n.empty() ||
      dims->k.size() != 1)
    return std::nullopt;
  // The body must be a multiply-add.
  if (!linalg::isaContractionOpInterface(op))
    return std::nullopt;
  // The vectorized n dim is the output's last (unit-stride) one; the m dim is
  // the last of the m dims. Other m/n dims must have size 1 (e.g. the image
  // dim of an im2col convolution): they are tiled by 1 like batch dims.
  AffineMap outMap = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
  auto last = dyn_cast<AffineDimExpr>(outMap.getResults().back());
  if (!last || !llvm::is_contained(dims->n, last.getPosition()))
    return std::nullopt;
  unsigned nDim = last.getPosition(), mDim = dims->m.back();
  unsigned numLoops = op.getNumLoops();
  SmallVector<int64_t> bounds = op.getStaticLoopRanges();
  if (llvm::is_contained(bounds, 0))
    return std::nullopt; // Empty: nothing to tile.
  // Other m dims must have size 1; other n dims (the panel index of a packed
  // right operand) are tiled by 1 like batch dims.
  for (unsigned d : dims->m)
    if (d != mDim && bounds[d] != 1)
      return std::nullopt;
  TilePlan plan;
  plan.outer.assign(numLoops, 0);
  plan.inner.assign(numLoops, 0);
  plan.vector.assign(numLoops, 1);
  for (unsigned b : llvm::concat<unsigned>(dims->batch, dims->m, dims->n))
    plan.outer[b] = 1;
  unsigned kDim = dims->k[0];
  plan.outer[mDim] = tileSize(mr, bounds[mDim]);
  plan.outer[nDim] = tileSize(nr, bounds[nDim]);
  // k in blocks of kc, so that the [kc x nr] slice of the right operand
  // that all m tiles of a block read stays in L1.
  // A packed right operand is contiguous along k already: no blocks.
  if (!op->hasAttr(kPackedAttr))
    plan.outer[kDim] = tileSize(kc, bounds[kDim]);
  plan.inner[kDim] = 1;
  plan.vector[mDim] = plan.outer[mDim];
  plan.vector[nDim] = plan.outer[nDim];
  // Loop order: the batch and unit dims, then n, k blocks, m.
  for (unsigned i = 0; i < numLoops; ++i)
    if (i != nDim && i != kDim && i != mDim)
      plan.interchange.push_back(i);
  plan.interchange.append({nDim, kDim, mDim});
  return plan;
}

SmallVector<OpFoldResult> toOfr(OpBuilder &b, ArrayRef<int64_t> sizes) {
  SmallVector<OpFoldResult> out;
  for (int64_t s : sizes)
    out.push_back(b.getIndexAttr(s));
  return out;
}

FailureOr<Operation *> tile(RewriterBase &rewriter, Operation *op,
                            ArrayRef<int64_t> sizes) {
  scf::SCFTilingOptions options;
  options.setTileSizes(toOfr(rewriter, sizes));
  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTilingResult> result =
      scf::tileUsingSCF(rewriter, cast<TilingInterface>(op), options);
  if (failed(result))
    return failure();
  rewriter.replaceOp(op, result->replacements);
  return result->tiledOps.back();
}

/// All canonicalization patterns, as the canonicalizer pass uses them (the
/// dialect-level ones fold tensor.cast into the tiled ops).
void canonicalize(func::FuncOp func) {
  MLIRContext *ctx = func.getContext();
  RewritePatternSet patterns(ctx);
  for (Dialect *dialect : ctx->getLoadedDialects())
    dialect->getCanonicalizationPatterns(patterns);
  for (RegisteredOperationName name : ctx->getRegisteredOperations())
    name.getCanonicalizationPatterns(patterns, ctx);
  (void)applyPatternsGreedily(func, std::move(patterns));
}

/// A single-image NCHW convolution as im2col + 2-D matmul:
///   col[c, kh, kw, oh, ow] = x[0, c, oh*sh + kh*dh, ow*sw + kw*dw]
///   out[F, OH*OW] += W[F, C*KH*KW] * col[C*KH*KW, OH*OW]
/// The im2col copy is affine (no div/mod) with ow innermost; 1x1 stride-1
/// kernels need no copy at all.
LogicalResult convAsMatmul(RewriterBase &rewriter, linalg::Conv2DNchwFchwOp conv) {
  Value x = conv.getInputs()[0], w = conv.getInputs()[1];
  Value out = conv.getOutputs()[0];
  auto xType = cast<RankedTensorType>(x.getType());
  auto wType = cast<RankedTensorType>(w.getType());
  auto outType = cast<RankedTensorType>(out.getType());
  if (!xType.hasStaticShape() || !wType.hasStaticShape() ||
      !outType.hasStaticShape() || xType.getDimSize(0) != 1)
    return failure();
  int64_t c = xType.getDimSize(1), f = wType.getDimSize(0);
  int64_t kh = wType.getDimSize(2), kw = wType.getDimSize(3);
  int64_t oh = outType.getDimSize(2), ow = outType.getDimSize(3);
  auto strides = llvm::to_vector(conv.getStrides().getValues<int64_t>());
  auto dilations = llvm::to_vector(conv.getDilations().getValues<int64_t>());
  Location loc = conv.getLoc();
  MLIRContext *ctx = rewriter.getContext();
  rewriter.setInsertionPoint(conv);
  Type f32 = rewriter.getF32Type();
  Value col2d;
  bool pointwise = kh == 1 && kw == 1 && strides[0] == 1 && strides[1] == 1 &&
                   xType.getDimSize(2) == oh && xType.getDimSize(3) == ow;
  if (pointwise) {
    col2d = tensor::CollapseShapeOp::create(
        rewriter, loc, x, SmallVector<ReassociationIndices>{{0, 1}, {2, 3}});
  } else {
    AffineExpr dc, dkh, dkw, doh, dow;
    bindDims(ctx, dc, dkh, dkw, doh, dow);
    AffineMap inMap = AffineMap::get(
        5, 0,
        {getAffineConstantExpr(0, ctx), dc, doh * strides[0] + dkh * dilations[0],
         dow * strides[1] + dkw * dilations[1]},
        ctx);
    auto colType = RankedTensorType::get({c, kh, kw, oh, ow}, f32);
    Value empty = tensor::EmptyOp::create(rewriter, loc, colType.getShape(), f32);
    auto copy = linalg::GenericOp::create(
        rewriter, loc, colType, ValueRange{x}, ValueRange{empty},
        SmallVector<AffineMap>{inMap, rewriter.getMultiDimIdentityMap(5)},
        SmallVector<utils::IteratorType>(5, utils::IteratorType::parallel),
        [](OpBuilder &b, Location l, ValueRange args) {
          linalg::YieldOp::create(b, l, args[0]);
        });
    col2d = tensor::CollapseShapeOp::create(
        rewriter, loc, copy.getResult(0),
        SmallVector<ReassociationIndices>{{0, 1, 2}, {3, 4}});
  }
  Value w2d = tensor::CollapseShapeOp::create(
      rewriter, loc, w, SmallVector<ReassociationIndices>{{0}, {1, 2, 3}});
  SmallVector<ReassociationIndices> outReassoc = {{0, 1}, {2, 3}};
  Value out2d = tensor::CollapseShapeOp::create(rewriter, loc, out, outReassoc);
  Value mm = linalg::MatmulOp::create(rewriter, loc, ValueRange{w2d, col2d},
                                      ValueRange{out2d})
                 .getResult(0);
  (void)f;
  Value result =
      tensor::ExpandShapeOp::create(rewriter, loc, outType, mm, outReassoc);
  rewriter.replaceOp(conv, result);
  return success();
}

/// A static f32 matmul C[M, N] += A[M, K] * B[K, N] with a packed right
/// operand: B is copied (zero-padded to a multiple of nr columns) into
/// panels Bp[N/nr, K, nr], so that the register tile's k loop reads nr
/// contiguous floats per step instead of one row of B (a stride of N floats,
/// a new page every step for large N). C is padded alike, viewed as
/// [M, N/nr, nr], and the contraction runs over (m, nb, ni, k).
LogicalResult packRightOperand(RewriterBase &rewriter, linalg::MatmulOp mm,
                               int64_t nr) {
  auto linalgOp = cast<linalg::LinalgOp>(mm.getOperation());
  if (!isF32(linalgOp, /*allowDynamic=*/false) ||
      !linalgOp.hasPureTensorSemantics() ||
      mm.hasUserDefinedMaps() /*transposed/broadcast forms*/)
    return failure();
  Value a = mm.getInputs()[0], b = mm.getInputs()[1], c = mm.getOutputs()[0];
  auto bType = cast<RankedTensorType>(b.getType());
  auto cType = cast<RankedTensorType>(c.getType());
  int64_t m = cType.getDimSize(0), k = bType.getDimSize(0),
          n = bType.getDimSize(1);
  // The copy pays off when each panel serves many row tiles: measured on
  // AVX-512, a 1024^3 matmul runs 2.6x faster packed, while M = 64..128
  // (convolutions, BERT's token rows) gains nothing or loses.
  if (m < 256 || n < 2 * nr || k < 64)
    return failure();
  int64_t nb = llvm::divideCeil(n, nr), np = nb * nr;
  Location loc = mm.getLoc();
  MLIRContext *ctx = rewriter.getContext();
  Type f32 = rewriter.getF32Type();
  rewriter.setInsertionPoint(mm);
  Value zero = arith::ConstantOp::create(rewriter, loc, rewriter.getF32FloatAttr(0));
  auto padColumns = [&](Value v, int64_t rows) -> Value {
    if (np == n)
      return v;
    auto type = RankedTensorType::get({rows, np}, f32);
    SmallVector<OpFoldResult> low(2, rewriter.getIndexAttr(0));
    SmallVector<OpFoldResult> high = {rewriter.getIndexAttr(0),
                                      rewriter.getIndexAttr(np - n)};
    return tensor::PadOp::create(rewriter, loc, type, v, low, high, zero)
        .getResult();
  };
  SmallVector<ReassociationIndices> split = {{0}, {1, 2}};
  Value b3 = tensor::ExpandShapeOp::create(
      rewriter, loc, RankedTensorType::get({k, nb, nr}, f32),
      padColumns(b, k), split);
  AffineExpr d0, d1, d2, d3;
  bindDims(ctx, d0, d1, d2, d3);
  Value panelsInit = tensor::EmptyOp::create(rewriter, loc,
                                             ArrayRef<int64_t>{nb, k, nr}, f32);
  Value panels =
      linalg::GenericOp::create(
          rewriter, loc, panelsInit.getType(), ValueRange{b3},
          ValueRange{panelsInit},
          SmallVector<AffineMap>{AffineMap::get(3, 0, {d1, d0, d2}, ctx),
                                 rewriter.getMultiDimIdentityMap(3)},
          SmallVector<utils::IteratorType>(3, utils::IteratorType::parallel),
          [](OpBuilder &ob, Location l, ValueRange args) {
            linalg::YieldOp::create(ob, l, args[0]);
          })
          .getResult(0);
  auto c3Type = RankedTensorType::get({m, nb, nr}, f32);
  Value c3 = tensor::ExpandShapeOp::create(rewriter, loc, c3Type,
                                           padColumns(c, m), split);
  // (m, nb, ni, k): A[m, k], Bp[nb, k, ni], C[m, nb, ni].
  auto product = linalg::GenericOp::create(
      rewriter, loc, c3Type, ValueRange{a, panels}, ValueRange{c3},
      SmallVector<AffineMap>{AffineMap::get(4, 0, {d0, d3}, ctx),
                             AffineMap::get(4, 0, {d1, d3, d2}, ctx),
                             AffineMap::get(4, 0, {d0, d1, d2}, ctx)},
      SmallVector<utils::IteratorType>{
          utils::IteratorType::parallel, utils::IteratorType::parallel,
          utils::IteratorType::parallel, utils::IteratorType::reduction},
      [](OpBuilder &ob, Location l, ValueRange args) {
        Value mul = arith::MulFOp::create(ob, l, args[0], args[1]);
        linalg::YieldOp::create(ob, l,
                                Value(arith::AddFOp::create(ob, l, args[2], mul)));
      });
  product->setAttr(kPackedAttr, UnitAttr::get(ctx));
  Value result = tensor::CollapseShapeOp::create(
      rewriter, loc, RankedTensorType::get({m, np}, f32),
      product.getResult(0), split);
  if (np != n)
    result = tensor::ExtractSliceOp::create(
        rewriter, loc, cType, result, ArrayRef<OpFoldResult>{rewriter.getIndexAttr(0), rewriter.getIndexAttr(0)},
        ArrayRef<OpFoldResult>{rewriter.getIndexAttr(m), rewriter.getIndexAttr(n)},
        ArrayRef<OpFoldResult>{rewriter.getIndexAttr(1), rewriter.getIndexAttr(1)});
  rewriter.replaceOp(mm, result);
  return success();
}

struct TileAndVectorizePass
    : public impl::TileAndVectorizeBase<TileAndVectorizePass> {
  using TileAndVectorizeBase::TileAndVectorizeBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    MLIRContext *ctx = &getContext();
    IRRewriter rewriter(ctx);
    int64_t nr = 2 * vectorWidth;

    // The matmuls of the model (not those of im2col convolutions: their
    // right operand is a fresh copy already, and packing it costs more than
    // it saves).
    SmallVector<linalg::MatmulOp> matmuls;
    if (pack)
      func.walk([&](linalg::MatmulOp op) { matmuls.push_back(op); });

    if (im2col) {
      // Each image's convolution: a dynamic batch is first tiled by 1 so
      // that the convolution of one image has static shapes.
      SmallVector<linalg::Conv2DNchwFchwOp> convs;
      func.walk([&](linalg::Conv2DNchwFchwOp op) {
        auto linalgOp = cast<linalg::LinalgOp>(op.getOperation());
        if (!isF32(linalgOp, /*allowDynamic=*/true) ||
            !linalgOp.hasPureTensorSemantics())
          return;
        auto in = cast<RankedTensorType>(op.getInputs()[0].getType());
        auto w = cast<RankedTensorType>(op.getInputs()[1].getType());
        auto out = cast<RankedTensorType>(op.getOutputs()[0].getType());
        auto dynamicAfterBatch = [](RankedTensorType t) {
          return llvm::is_contained(t.getShape().drop_front(),
                                    ShapedType::kDynamic);
        };
        if (w.hasStaticShape() && !dynamicAfterBatch(in) &&
            !dynamicAfterBatch(out))
          convs.push_back(op);
      });
      for (linalg::Conv2DNchwFchwOp conv : convs) {
        Operation *target = conv;
        if (cast<RankedTensorType>(conv.getInputs()[0].getType())
                .isDynamicDim(0)) {
          FailureOr<Operation *> perImage =
              tile(rewriter, conv, {1, 0, 0, 0, 0, 0, 0});
          if (failed(perImage))
            continue;
          target = *perImage;
        }
        target->setAttr(kIm2ColAttr, UnitAttr::get(ctx));
      }
      canonicalize(func);
      SmallVector<linalg::Conv2DNchwFchwOp> marked;
      func.walk([&](linalg::Conv2DNchwFchwOp op) {
        if (op->hasAttr(kIm2ColAttr))
          marked.push_back(op);
      });
      for (linalg::Conv2DNchwFchwOp conv : marked) {
        conv->removeAttr(kIm2ColAttr);
        if (!isF32(cast<linalg::LinalgOp>(conv.getOperation()), false))
          continue;
        (void)convAsMatmul(rewriter, conv);
      }
    }

    for (linalg::MatmulOp mm : matmuls)
      (void)packRightOperand(rewriter, mm, nr);

    // 1. Register tiles over batch, m and n; the loops are peeled so that
    // all but the last tile along each dimension have static sizes.
    SmallVector<linalg::LinalgOp> candidates;
    func.walk([&](linalg::LinalgOp op) {
      if (planContraction(op, mr, nr, kc, /*allowDynamic=*/true))
        candidates.push_back(op);
    });
    for (linalg::LinalgOp op : candidates) {
      TilePlan plan = *planContraction(op, mr, nr, kc, /*allowDynamic=*/true);
      scf::SCFTilingOptions options;
      options.setTileSizes(toOfr(rewriter, plan.outer));
      options.setInterchange(plan.interchange);
      rewriter.setInsertionPoint(op);
      FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
          rewriter, cast<TilingInterface>(op.getOperation()), options);
      if (failed(tiled))
        continue;
      rewriter.replaceOp(op, tiled->replacements);
      tiled->tiledOps.back()->setAttr(kTileAttr, UnitAttr::get(ctx));
      for (LoopLikeOpInterface loop : tiled->loops) {
        auto forOp = dyn_cast<scf::ForOp>(loop.getOperation());
        scf::ForOp partial;
        if (forOp)
          (void)scf::peelForLoopAndSimplifyBounds(rewriter, forOp, partial);
      }
    }
    canonicalize(func);

    // 2. Full tiles (static shapes): k loop of step 1, then vector.contract.
    SmallVector<linalg::LinalgOp> tiles;
    func.walk([&](linalg::LinalgOp op) {
      if (op->hasAttr(kTileAttr))
        tiles.push_back(op);
    });
    for (linalg::LinalgOp op : tiles) {
      op->removeAttr(kTileAttr);
      std::optional<TilePlan> plan =
          planContraction(op, mr, nr, kc, /*allowDynamic=*/false);
      if (!plan)
        continue; // A partial tile with dynamic sizes: left to the loops.
      FailureOr<Operation *> inner = tile(rewriter, op, plan->inner);
      if (failed(inner))
        continue;
      rewriter.setInsertionPoint(*inner);
      FailureOr<linalg::VectorizationResult> vectorized =
          linalg::vectorize(rewriter, *inner);
      if (failed(vectorized))
        continue;
      rewriter.replaceOp(*inner, vectorized->replacements);
    }

    // Clean up the tiles so that the accumulator reads/writes become loop
    // invariant, then keep the accumulator in registers across k.
    RewritePatternSet patterns(ctx);
    vector::populateVectorTransferPermutationMapLoweringPatterns(patterns);
    vector::populateVectorReductionToContractPatterns(patterns);
    vector::populateSinkVectorOpsPatterns(patterns);
    vector::populateCastAwayVectorLeadingOneDimPatterns(patterns);
    tensor::ExtractSliceOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::InsertSliceOp::getCanonicalizationPatterns(patterns, ctx);
    vector::TransferReadOp::getCanonicalizationPatterns(patterns, ctx);
    vector::TransferWriteOp::getCanonicalizationPatterns(patterns, ctx);
    scf::ForOp::getCanonicalizationPatterns(patterns, ctx);
    (void)applyPatternsGreedily(func, std::move(patterns));
    func.walk([&](scf::ForOp loop) {
      (void)hoistLoopInvariantSubsets(rewriter, loop);
    });

    RewritePatternSet lowering(ctx);
    vector::populateVectorContractLoweringPatterns(
        lowering, vector::VectorContractLowering::OuterProduct);
    vector::populateVectorOuterProductLoweringPatterns(lowering);
    vector::populateVectorTransferPermutationMapLoweringPatterns(lowering);
    (void)applyPatternsGreedily(func, std::move(lowering));
    func.walk([](Operation *op) { op->removeAttr(kPackedAttr); });
  }
};

} // namespace
} // namespace onnxc
