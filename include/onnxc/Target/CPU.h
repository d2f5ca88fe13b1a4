//===- CPU.h - the CPU target: LLVM IR, optimization, object ----*- C++ -*-===//

#ifndef ONNXC_TARGET_CPU_H
#define ONNXC_TARGET_CPU_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

namespace onnxc {

struct CPUTargetOptions {
  /// CPU name for code generation; empty or "native" means the host CPU.
  std::string mcpu;
  /// Extra LLVM features ("+avx2,-avx512f"), added to those of the CPU.
  std::string features;
  /// 0..3, for LLVM's pipeline and code generator.
  unsigned optLevel = 2;
};

/// A TargetMachine for x86-64 Linux, position independent code.
std::unique_ptr<llvm::TargetMachine>
createCPUTargetMachine(const CPUTargetOptions &options, std::string &error);

/// The features of `tm` that the runtime checks before loading a model
/// ("+avx,+avx2,+fma"), "-" when none.
std::string getCheckedFeatures(const llvm::TargetMachine &tm);

/// Translates a module in the LLVM dialect to LLVM IR and adds the entry
/// point `onnxc_main` (docs/ABI.md) around `main_graph`, and the signature
/// section. Errors are emitted on the module.
std::unique_ptr<llvm::Module>
translateToLLVMIR(mlir::ModuleOp module, llvm::LLVMContext &llvmContext,
                  llvm::TargetMachine &tm, llvm::StringRef signature);

/// Runs LLVM's default pipeline at the target's optimization level.
void optimizeLLVMModule(llvm::Module &module, llvm::TargetMachine &tm,
                        unsigned optLevel);

/// Emits an ELF object for `module`. Returns false and sets `error` on
/// failure.
bool emitObject(llvm::Module &module, llvm::TargetMachine &tm,
                std::string &object, std::string &error);

} // namespace onnxc

#endif // ONNXC_TARGET_CPU_H
