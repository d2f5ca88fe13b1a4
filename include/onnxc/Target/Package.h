//===- Package.h - signature and shared object of a model -------*- C++ -*-===//

#ifndef ONNXC_TARGET_PACKAGE_H
#define ONNXC_TARGET_PACKAGE_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace onnxc {

inline constexpr int kAbiVersion = 1;
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

} // namespace onnxc

#endif // ONNXC_TARGET_PACKAGE_H
