//===- Registration.h - dialects and passes of onnx-compile -----*- C++ -*-===//

#ifndef ONNXC_REGISTRATION_H
#define ONNXC_REGISTRATION_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace onnxc {

/// Registers the onnx dialect, the upstream dialects the pipelines use and
/// their external models (bufferization, LLVM translation).
void registerAllDialects(mlir::DialectRegistry &registry);

/// Registers every pass of this project, the upstream passes, and the named
/// phase pipelines (`onnx-to-linalg-pipeline`, ...).
void registerAllPasses();

} // namespace onnxc

#endif // ONNXC_REGISTRATION_H
