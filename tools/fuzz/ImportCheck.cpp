//===- ImportCheck.cpp - import ONNX files under the sanitizers -----------===//
//
//   onnxc-import-check [--quiet] [--trace] FILE...
//
// Imports each file as onnx-compile does (external data next to it) and
// prints the diagnostics in the same format. Built with ASan + UBSan over an
// instrumented importer, it runs the malformed-model corpus under the
// sanitizers without building the whole compiler that way. --quiet drops the
// diagnostics, --trace names each file before importing it (so that a
// sanitizer report can be traced to its file). Exit status: 0 when every file
// imported, 1 when one was refused; a sanitizer report aborts.
//
//===----------------------------------------------------------------------===//

#include "onnxc/Importer/Importer.h"

#include "dialects/Onnx/IR/OnnxOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace mlir;

static void print(Diagnostic &diag) {
  std::string prefix;
  Location loc = diag.getLocation();
  auto fileOf = [](Location l) -> std::string {
    if (auto f = dyn_cast<FileLineColLoc>(l))
      return llvm::sys::path::filename(f.getFilename().strref()).str();
    return "";
  };
  if (auto name = dyn_cast<NameLoc>(loc)) {
    std::string file = fileOf(name.getChildLoc());
    prefix = (file.empty() ? "" : file + ": ") + name.getName().str() + ": ";
  } else if (std::string file = fileOf(loc); !file.empty()) {
    prefix = file + ": ";
  }
  const char *severity = diag.getSeverity() == DiagnosticSeverity::Error
                             ? ""
                             : diag.getSeverity() == DiagnosticSeverity::Warning
                                   ? "warning: "
                                   : "note: ";
  llvm::errs() << prefix << severity << diag.str() << "\n";
}

int main(int argc, char **argv) {
  bool quiet = false, trace = false;
  int status = 0;
  DialectRegistry registry;
  registry.insert<onnxc::onnx::OnnxDialect, func::FuncDialect>();
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quiet") == 0) {
      quiet = true;
      continue;
    }
    if (std::strcmp(argv[i], "--trace") == 0) {
      trace = true;
      continue;
    }
    if (trace)
      llvm::errs() << "onnxc-import-check: importing " << argv[i] << "\n";
    MLIRContext ctx(registry, MLIRContext::Threading::DISABLED);
    ctx.printOpOnDiagnostic(false);
    ScopedDiagnosticHandler handler(&ctx, [&](Diagnostic &diag) {
      if (!quiet)
        print(diag);
      return success();
    });
    OwningOpRef<ModuleOp> module = onnxc::importOnnxModel(ctx, argv[i]);
    if (!module || failed(verify(*module)))
      status = 1;
  }
  return status;
}
