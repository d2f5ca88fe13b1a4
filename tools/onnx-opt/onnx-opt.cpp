//===- onnx-opt.cpp - run onnx-compile passes on .mlir files --------------===//
//
// MlirOptMain with the onnx dialect, every pass of this project and the named
// phase pipelines, for lit tests and debugging.
//
//===----------------------------------------------------------------------===//

#include "onnxc/Registration.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  onnxc::registerAllDialects(registry);
  onnxc::registerAllPasses();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "onnx-compile optimizer driver\n", registry));
}
