//===- Registration.cpp - dialects and passes of onnx-compile -------------===//

#include "onnxc/Registration.h"

#include "dialects/Onnx/IR/OnnxOps.h"
#include "dialects/Onnx/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"

#include "onnxc/Conversion/Passes.h"
#if __has_include("onnxc/Pipelines/Pipelines.h")
#include "onnxc/Pipelines/Pipelines.h"
#define ONNXC_HAVE_PIPELINES 1
#endif

namespace onnxc {

void registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<onnx::OnnxDialect>();
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllToLLVMIRTranslations(registry);
}

void registerAllPasses() {
  mlir::registerAllPasses();
  onnx::registerOnnxPasses();
  registerConversionPasses();
#ifdef ONNXC_HAVE_PIPELINES
  registerPipelines();
#endif
}

} // namespace onnxc
