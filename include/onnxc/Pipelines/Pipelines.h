//===- Pipelines.h - the phases of onnx-compile -----------------*- C++ -*-===//
//
// onnx -> linalg -> bufferized -> loops -> llvm-mlir -> llvm -> obj -> lib.
// Each MLIR phase is a pass pipeline, runnable from onnx-opt by name
// (`--onnxc-linalg-pipeline`, ...); the last three are in lib/Target.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_PIPELINES_PIPELINES_H
#define ONNXC_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace onnxc {

enum class Phase { Onnx, Linalg, Bufferized, Loops, LlvmMlir, Llvm, Obj, Lib };

/// Parses a phase name of `--emit=`; nullopt when unknown.
std::optional<Phase> parsePhase(llvm::StringRef name);
llvm::StringRef phaseName(Phase phase);
/// All phase names, in order, for help texts.
llvm::StringRef allPhaseNames();

/// Options of the MLIR phases.
struct PipelineOptions {
  /// 0..3: -O0 runs only what lowering needs; -O2 and up add elementwise
  /// fusion and more cleanups.
  unsigned optLevel = 2;
  /// f32 lanes of the target's vector registers (16 with AVX-512, 8 with
  /// AVX2), for the register tiles of contractions.
  int64_t vectorWidth = 16;
};

/// onnx -> onnx: shape inference and folding after import.
void buildOnnxPipeline(mlir::OpPassManager &pm, const PipelineOptions &opts);
/// onnx -> linalg/tensor/arith/math on tensors.
void buildLinalgPipeline(mlir::OpPassManager &pm, const PipelineOptions &opts);
/// tensors -> memrefs (one-shot bufferization, deallocation, weight blob).
void buildBufferizedPipeline(mlir::OpPassManager &pm,
                             const PipelineOptions &opts);
/// linalg on memrefs -> scf loops.
void buildLoopsPipeline(mlir::OpPassManager &pm, const PipelineOptions &opts);
/// loops -> the LLVM dialect.
void buildLlvmMlirPipeline(mlir::OpPassManager &pm,
                           const PipelineOptions &opts);

/// Adds the pipelines of the phases after `from` up to and including `to`.
void buildPipelineRange(mlir::OpPassManager &pm, Phase from, Phase to,
                        const PipelineOptions &opts);

/// Registers the pipelines with names for onnx-opt.
void registerPipelines();

} // namespace onnxc

#endif // ONNXC_PIPELINES_PIPELINES_H
