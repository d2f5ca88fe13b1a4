//===- Pipelines.cpp - the phases of onnx-compile -------------------------===//

#include "onnxc/Pipelines/Pipelines.h"

#include "dialects/Onnx/Transforms/Passes.h"
#include "onnxc/Conversion/Passes.h"
#include "onnxc/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/OneShotAnalysis.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

namespace onnxc {

static constexpr llvm::StringLiteral kPhaseNames[] = {
    "onnx", "linalg", "bufferized", "loops", "llvm-mlir", "llvm", "obj", "lib"};

std::optional<Phase> parsePhase(StringRef name) {
  for (auto [i, phase] : llvm::enumerate(kPhaseNames))
    if (phase == name)
      return static_cast<Phase>(i);
  return std::nullopt;
}

StringRef phaseName(Phase phase) {
  return kPhaseNames[static_cast<int>(phase)];
}

StringRef allPhaseNames() {
  return "onnx|linalg|bufferized|loops|llvm-mlir|llvm|obj|lib";
}

void buildOnnxPipeline(OpPassManager &pm, const PipelineOptions &opts) {
  pm.addNestedPass<func::FuncOp>(onnx::createOnnxInferShapes());
  pm.addPass(createCanonicalizerPass());
  pm.addNestedPass<func::FuncOp>(onnx::createOnnxInferShapes());
  // Integer QDQ chains: opt-in until int8 kernels make them faster.
  if (opts.optLevel >= 3)
    pm.addNestedPass<func::FuncOp>(onnx::createOnnxFoldQDQ());
}

void buildLinalgPipeline(OpPassManager &pm, const PipelineOptions &opts) {
  pm.addPass(createConvertOnnxToLinalg());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  if (opts.optLevel >= 2) {
    pm.addNestedPass<func::FuncOp>(createFuseElementwise());
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
  }
}

void buildBufferizedPipeline(OpPassManager &pm, const PipelineOptions &opts) {
  // Target codegen on tensors: register tiles for the contractions.
  if (opts.optLevel >= 2) {
    TileAndVectorizeOptions tiling;
    tiling.vectorWidth = opts.vectorWidth;
    tiling.mr = opts.vectorWidth >= 16 ? 8 : 6;
    pm.addNestedPass<func::FuncOp>(createTileAndVectorize(tiling));
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
  }
  pm.addPass(createPrepareEntryPoint());
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  // Loop bodies (onnx.Loop/Scan, recurrent ops) yield new tensors.
  bufferize.allowReturnAllocsFromLoops = true;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  bufferization::BufferDeallocationPipelineOptions dealloc;
  bufferization::buildBufferDeallocationPipeline(pm, dealloc);
  pm.addPass(createPackWeights());
  pm.addPass(createCanonicalizerPass());
}

void buildLoopsPipeline(OpPassManager &pm, const PipelineOptions &opts) {
  if (opts.optLevel >= 1)
    pm.addNestedPass<func::FuncOp>(createLoopOrder());
  if (opts.optLevel >= 1)
    pm.addNestedPass<func::FuncOp>(createStridedCopiesToLinalg());
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void buildLlvmMlirPipeline(OpPassManager &pm, const PipelineOptions &) {
  pm.addNestedPass<func::FuncOp>(createConvertVectorToSCFPass(
      VectorTransferToSCFOptions().enableFullUnroll()));
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(createConvertVectorToLLVMPass());
  pm.addPass(createConvertMathToFuncs());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createUBToLLVMConversionPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
}

void buildPipelineRange(OpPassManager &pm, Phase from, Phase to,
                        const PipelineOptions &opts) {
  using Builder = void (*)(OpPassManager &, const PipelineOptions &);
  static constexpr Builder builders[] = {
      buildOnnxPipeline, buildLinalgPipeline, buildBufferizedPipeline,
      buildLoopsPipeline, buildLlvmMlirPipeline};
  int last = std::min(static_cast<int>(to), static_cast<int>(Phase::LlvmMlir));
  for (int p = static_cast<int>(from) + 1; p <= last; ++p)
    builders[p](pm, opts);
}

namespace {
struct PipelineCLOptions : public PassPipelineOptions<PipelineCLOptions> {
  Option<unsigned> optLevel{*this, "opt-level",
                            llvm::cl::desc("Optimization level 0-3"),
                            llvm::cl::init(2)};
  Option<int64_t> vectorWidth{*this, "vector-width",
                              llvm::cl::desc("f32 lanes per vector register"),
                              llvm::cl::init(16)};
  PipelineOptions get() const {
    PipelineOptions o;
    o.optLevel = optLevel;
    o.vectorWidth = vectorWidth;
    return o;
  }
};

template <void (*Build)(OpPassManager &, const PipelineOptions &)>
void registerOne(StringRef name, StringRef description) {
  PassPipelineRegistration<PipelineCLOptions>(
      name, description, [](OpPassManager &pm, const PipelineCLOptions &o) {
        Build(pm, o.get());
      });
}
} // namespace

void registerPipelines() {
  registerOne<buildOnnxPipeline>("onnxc-onnx-pipeline",
                                 "Shape inference and folding on onnx ops");
  registerOne<buildLinalgPipeline>("onnxc-linalg-pipeline",
                                   "onnx ops to linalg on tensors");
  registerOne<buildBufferizedPipeline>("onnxc-bufferized-pipeline",
                                       "Tensors to memrefs");
  registerOne<buildLoopsPipeline>("onnxc-loops-pipeline",
                                  "linalg on memrefs to scf loops");
  registerOne<buildLlvmMlirPipeline>("onnxc-llvm-mlir-pipeline",
                                     "Loops to the LLVM dialect");
  PassPipelineRegistration<PipelineCLOptions>(
      "onnxc-cpu-pipeline", "All MLIR phases from onnx to the LLVM dialect",
      [](OpPassManager &pm, const PipelineCLOptions &o) {
        buildPipelineRange(pm, Phase::Onnx, Phase::LlvmMlir, o.get());
      });
}

} // namespace onnxc
