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
#include "onnxc/Pipelines/Pipelines.h"
#include "onnxc/Transforms/Passes.h"

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
  registerTransformsPasses();
  registerPipelines();
}

} // namespace onnxc
