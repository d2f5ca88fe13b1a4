//===- Importer.h - ONNX protobuf to the onnx dialect -----------*- C++ -*-===//

#ifndef ONNXC_IMPORTER_IMPORTER_H
#define ONNXC_IMPORTER_IMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringMap.h"

#include <cstdint>
#include <string>
#include <vector>

namespace onnxc {

struct ImportOptions {
  /// Shapes given on the command line (`--input-shape x=1x3x224x224`)
  /// override the graph inputs' declared shapes; -1 keeps a dim dynamic.
  llvm::StringMap<std::vector<int64_t>> inputShapes;
  /// Refuse models whose weights (inline and external) exceed this size.
  uint64_t maxWeightBytes = uint64_t(16) << 30;
  /// Refuse model files larger than this.
  uint64_t maxModelFileBytes = uint64_t(2) << 30;
  /// Refuse graphs with more runtime inputs, or more outputs, than this: each
  /// one is an argument of the compiled entry point, and code generation
  /// (LLVM's interprocedural passes) grows faster than linearly with them.
  uint64_t maxGraphIO = 1024;
  /// Record each node's ONNX output names on the op that defines them, as
  /// the string array attribute `onnx.output_names` (one entry per result,
  /// "" for none); the memory plan and per-tensor tools read it.
  bool keepTensorNames = false;
};

/// Reads the ONNX model at `path` and returns a module with one function,
/// `main_graph`, holding onnx ops. Errors are reported through the context's
/// diagnostic engine with locations that name the model file and the ONNX
/// node (`node "conv1" (Conv, ai.onnx opset 17)`); returns null on error.
/// Unsupported operators are all reported in one error.
mlir::OwningOpRef<mlir::ModuleOp>
importOnnxModel(mlir::MLIRContext &ctx, llvm::StringRef path,
                const ImportOptions &options = {});

/// Same, for a model already in memory; `baseDir` is the folder external
/// data is read from (empty: external data is refused).
mlir::OwningOpRef<mlir::ModuleOp>
importOnnxModelFromBuffer(mlir::MLIRContext &ctx, llvm::StringRef buffer,
                          llvm::StringRef displayName, llvm::StringRef baseDir,
                          const ImportOptions &options = {});

} // namespace onnxc

#endif // ONNXC_IMPORTER_IMPORTER_H
