//===- Package.h - signature and shared object of a model -------*- C++ -*-===//

#ifndef ONNXC_TARGET_PACKAGE_H
#define ONNXC_TARGET_PACKAGE_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace onnxc {

inline constexpr int kAbiVersion = 1;
/// The ABI of models with sequence or optional inputs or outputs.
inline constexpr int kAbiVersionSequences = 2;
inline constexpr const char *kCompilerVersion = "0.1.0";

/// The `input`/`output` lines of the signature (docs/ABI.md), from
/// `main_graph` in the onnx phase (where element types still say signed or
/// unsigned). Stored on the module as `onnxc.signature_io` by onnx-compile.
std::string buildSignatureIO(mlir::ModuleOp module);

/// Everything the target knows: the complete signature text.
struct SignatureInfo {
  std::string target = "cpu";
  std::string triple;
  std::string cpu;
  std::string features;
};
std::string buildSignature(mlir::ModuleOp module, const SignatureInfo &info);

/// Percent-encodes a name for the signature.
std::string encodeSignatureName(llvm::StringRef name);

/// Links `object` (an ELF relocatable) and the archives into the shared
/// object `outputPath` with one ld.lld call. Returns false and sets `error`
/// on failure.
bool linkSharedObject(llvm::StringRef object, llvm::StringRef outputPath,
                      llvm::ArrayRef<std::string> archives,
                      std::string &error);

/// What `onnx-compile --emit-header` needs besides the signature.
struct HeaderOptions {
  /// The prefix of the generated names (`<prefix>_run`); empty: the model's
  /// name. Sanitized into a lower-case C identifier either way.
  std::string prefix;
  /// The header's file name, for its banner.
  std::string fileName;
};

/// A C header for calling the model described by `signature` (the text of
/// buildSignature) directly through its entry point, without the runtime:
/// descriptor types, the results block as a struct, `<prefix>_call/_run`,
/// per-output accessors and `<prefix>_free_outputs` (lib/Target/Package/
/// Header.cpp; docs/CLI.md). Returns false and sets `error` when the
/// signature cannot be expressed in C.
bool buildModelHeader(llvm::StringRef signature, const HeaderOptions &options,
                      std::string &header, std::string &error);

/// One tensor of the activation memory plan.
struct MemoryPlanTensor {
  enum class Kind {
    Arena,   ///< placed in the arena at `offset`
    Output,  ///< a graph output: malloc'ed and handed to the caller
    View,    ///< shares the buffer of `viewOf` (Reshape, Squeeze, ...)
    Dynamic, ///< a dynamic shape: allocated at run time
  };
  std::string name; ///< the ONNX tensor name
  std::string op;   ///< the op that defines it
  std::string dtype;
  llvm::SmallVector<int64_t> shape; ///< ShapedType::kDynamic for `?`
  Kind kind = Kind::Arena;
  int64_t bytes = -1;  ///< -1 when the shape is dynamic
  int64_t offset = -1; ///< in the arena; -1 when not in it
  int64_t firstStep = 0, lastStep = 0;
  std::string viewOf;
};

/// The activation memory plan of `main_graph` in the onnx phase: lifetimes
/// in program order and greedy first-fit offsets in one arena (see
/// lib/Target/Package/MemoryPlan.cpp for the rules). ONNX tensor names come
/// from the ops' `onnx.output_names` (ImportOptions::keepTensorNames).
struct MemoryPlan {
  std::string model;
  int64_t alignment = 64;
  int64_t peakBytes = 0;
  int64_t unsharedBytes = 0; ///< the sum of the arena tensors' sizes
  int64_t numSteps = 0;
  std::vector<MemoryPlanTensor> tensors; ///< in program order
};
MemoryPlan computeMemoryPlan(mlir::ModuleOp module, int64_t alignment = 64);
void printMemoryPlan(const MemoryPlan &plan, llvm::raw_ostream &os);
void printMemoryPlanJSON(const MemoryPlan &plan, llvm::raw_ostream &os);

} // namespace onnxc

#endif // ONNXC_TARGET_PACKAGE_H
