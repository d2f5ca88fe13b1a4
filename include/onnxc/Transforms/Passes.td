//===- Passes.td - target-independent transforms ----------*- tablegen -*-===//

#ifndef ONNXC_TRANSFORMS_PASSES_TD
#define ONNXC_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def PackWeights : Pass<"onnxc-pack-weights", "::mlir::ModuleOp"> {
  let summary = "Pack constant memref globals into one aligned weight blob";
  let description = [{
    Moves the bytes of every constant `memref.global` larger than
    `min-bytes` into one i8 global, `@__onnxc_weights`, each at a 64-byte
    aligned offset, and rewrites `memref.get_global` of them into a
    `memref.view` of the blob at that offset. The object writer then emits
    the blob as one read-only array instead of one constant per weight.
  }];
  let options = [
    Option<"minBytes", "min-bytes", "int64_t", "64",
           "Globals smaller than this stay as they are">,
  ];
  let dependentDialects = ["::mlir::memref::MemRefDialect",
                           "::mlir::arith::ArithDialect"];
}

def PrepareEntryPoint : Pass<"onnxc-prepare-entry-point", "::mlir::ModuleOp"> {
  let summary = "Make main_graph an entry point with freshly allocated results";
  let description = [{
    On tensors, before bufferization: every result of `@main_graph` that is
    a function argument, a constant, or returned more than once is copied
    into a new tensor, so that each result of the compiled entry point is its
    own heap buffer that the runtime frees. Also marks the function with
    `llvm.emit_c_interface`.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::bufferization::BufferizationDialect"];
}

def FuseElementwise : Pass<"onnxc-fuse-elementwise", "::mlir::func::FuncOp"> {
  let summary = "Fuse elementwise linalg producers into consumers that read "
                "each of their elements once";
  let description = [{
    Upstream's elementwise fusion (`linalg-fuse-elementwise-ops`) fuses a
    single-use elementwise producer into any consumer, including a
    contraction that reads each produced element many times: the GELU before
    a matmul then runs once per multiply (K-fold work, and the contraction
    no longer matches the register tiling). Here a producer is fused only
    when the consumer's indexing map of that operand is a permutation (every
    element read once per consumer iteration space), e.g. into another
    elementwise op or a reduction along the operand's own dims. Reshapes are
    propagated and linalg ops on constants folded under the same rule.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::affine::AffineDialect"];
}

def StridedCopiesToLinalg : Pass<"onnxc-strided-copies-to-linalg", "::mlir::func::FuncOp"> {
  let summary = "Turn memref.copy between non-contiguous buffers into linalg.copy";
  let description = [{
    A `memref.copy` between buffers that are not both contiguous (the
    interior of a padded buffer, a subview) lowers to a call of the generic
    `memrefCopy` runtime function, which copies row by row through memmove.
    As `linalg.copy` it becomes a loop nest whose innermost unit-stride loop
    LLVM vectorizes. Copies between contiguous buffers stay `memref.copy`
    (one memcpy).
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def LoopOrder : Pass<"onnxc-loop-order", "::mlir::func::FuncOp"> {
  let summary = "Order the loops of linalg ops so the innermost one vectorizes";
  let description = [{
    Generalizes named linalg ops and interchanges their loops: the parallel
    loop of the output's last (unit-stride) dimension becomes the innermost,
    the reductions go just outside it, the other parallel loops outermost.
    Matmul becomes (m, k, n) and NCHW convolution (n, f, oh, c, kh, kw, ow),
    whose inner loops LLVM vectorizes. Ops where that loop does not walk the
    last dimension of some input, or that have no reduction, keep their order.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def TileAndVectorize : Pass<"onnxc-tile-and-vectorize", "::mlir::func::FuncOp"> {
  let summary = "Register-tile and vectorize f32 contractions (CPU)";
  let description = [{
    On tensors. With `im2col` (default), NCHW convolutions (static per
    image) become an im2col copy and a matmul. With `pack` (default), large
    static matmuls copy their right operand into [N/nr, K, nr] panels so that
    the k loop reads contiguous memory. Every f32 contraction (matmul, batch_matmul, or a
    generic with one m, n and k dimension, n unit-stride in the output) is
    tiled to `mr` x `nr` register tiles (nr = 2 x vector-width) with the k
    loop innermost, and each tile is vectorized to vector.contract; the
    accumulator tile is hoisted out of the k loop, so it stays in registers.
    Edge tiles use masked vectors. Other ops are left alone.
  }];
  let options = [
    Option<"vectorWidth", "vector-width", "int64_t", "16",
           "f32 lanes of one vector register (8: AVX2, 16: AVX-512)">,
    Option<"mr", "mr", "int64_t", "8", "Rows of the register tile">,
    Option<"kc", "kc", "int64_t", "256",
           "Reduction block: the k loop runs in blocks of kc, n tiles outside "
           "k blocks outside m tiles">,
    Option<"im2col", "im2col", "bool", "true",
           "Rewrite NCHW convolutions (static per image) as im2col + matmul">,
    Option<"pack", "pack", "bool", "true",
           "Copy the right operand of large static matmuls into [N/nr, K, nr] "
           "panels (contiguous reads in the k loop)">,
  ];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::vector::VectorDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::affine::AffineDialect"];
}

#endif // ONNXC_TRANSFORMS_PASSES_TD
