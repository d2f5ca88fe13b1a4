//===- ImporterFuzz.cpp - libFuzzer target of the ONNX importer -----------===//
//
// Raw bytes -> importOnnxModelFromBuffer: the protobuf parser, the importer,
// opset normalization, shape inference and folding while importing, and the
// verifier of the whole module. A refusal is fine (it is a diagnostic); a
// crash, an assertion, a sanitizer report, a leak or a timeout is a bug.
//
// External data is refused for a model read from memory, so the target
// touches no file. The weight limit is lowered to 64 MiB so that libFuzzer's
// memory limit (-rss_limit_mb, 2 GiB by default) is never the first to hit.
//
//===----------------------------------------------------------------------===//

#include "onnxc/Importer/Importer.h"

#include "dialects/Onnx/IR/OnnxOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"

#include <cstddef>
#include <cstdint>

using namespace mlir;

namespace {

const DialectRegistry &registry() {
  static DialectRegistry *r = [] {
    auto *registry = new DialectRegistry();
    registry->insert<onnxc::onnx::OnnxDialect, func::FuncDialect>();
    return registry;
  }();
  return *r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  MLIRContext ctx(registry(), MLIRContext::Threading::DISABLED);
  ctx.printOpOnDiagnostic(false);
  ctx.printStackTraceOnDiagnostic(false);
  ScopedDiagnosticHandler handler(&ctx, [](Diagnostic &) { return success(); });
  onnxc::ImportOptions options;
  options.maxWeightBytes = uint64_t(64) << 20;
  OwningOpRef<ModuleOp> module = onnxc::importOnnxModelFromBuffer(
      ctx, llvm::StringRef(reinterpret_cast<const char *>(data), size),
      "fuzz.onnx", /*baseDir=*/"", options);
  if (module)
    (void)verify(*module);
  return 0;
}
