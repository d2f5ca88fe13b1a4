//===- onnx-compile.cpp - the compiler driver -----------------------------===//
//
//   onnx-compile model.onnx -target=cpu -o libmodel.so [--emit=PHASE] [-O2]
//
// Imports the model, runs the phases up to --emit (default: lib) and writes
// the IR of that phase, an object file, or the shared object.
//
//===----------------------------------------------------------------------===//

#include "onnxc/Importer/Importer.h"
#include "onnxc/Pipelines/Pipelines.h"
#include "onnxc/Registration.h"
#include "onnxc/Target/CPU.h"
#include "onnxc/Target/Package.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <sys/resource.h>

using namespace mlir;
namespace cl = llvm::cl;

namespace {

cl::OptionCategory generalCat("General options");
cl::OptionCategory phaseCat("Phases and optimization");
cl::OptionCategory cpuCat("CPU target");

cl::opt<std::string> inputPath(cl::Positional, cl::desc("<model.onnx>"),
                               cl::Required, cl::cat(generalCat));
cl::opt<std::string> outputPath("o", cl::desc("Output file"),
                                cl::value_desc("path"), cl::cat(generalCat));
cl::opt<std::string> targetName("target",
                                cl::desc("Target: cpu, cuda or systolic"),
                                cl::init("cpu"), cl::cat(generalCat));
cl::list<std::string> inputShapes(
    "input-shape",
    cl::desc("Static shape for an input: NAME=D0xD1x... (-1 keeps a dim "
             "dynamic); may be repeated"),
    cl::value_desc("name=shape"), cl::cat(generalCat));
cl::opt<bool> verbose("v", cl::desc("Print each phase's time and memory"),
                      cl::cat(generalCat));
cl::opt<std::string> emitPhase(
    "emit",
    cl::desc("Stop after this phase and write its output: "
             "onnx|linalg|bufferized|loops|llvm-mlir|llvm|obj|lib"),
    cl::init("lib"), cl::cat(phaseCat));
cl::opt<unsigned> optLevel("O", cl::desc("Optimization level (0-3)"),
                           cl::Prefix, cl::init(2), cl::cat(phaseCat));
cl::opt<std::string> mcpu("mcpu",
                          cl::desc("CPU to compile for (default: the host, "
                                   "\"native\")"),
                          cl::init("native"), cl::cat(cpuCat));
cl::opt<std::string> mattr("mattr",
                           cl::desc("Extra LLVM target features, e.g. "
                                    "+avx2,-avx512f"),
                           cl::cat(cpuCat));

/// Prints diagnostics as `model.onnx: node "n" (Op, ai.onnx opset 17): msg`.
void printDiagnostic(Diagnostic &diag) {
  std::string prefix;
  Location loc = diag.getLocation();
  if (auto name = dyn_cast<NameLoc>(loc)) {
    std::string file;
    if (auto fileLoc = dyn_cast<FileLineColLoc>(name.getChildLoc()))
      file = llvm::sys::path::filename(fileLoc.getFilename().strref()).str();
    prefix = (file.empty() ? "" : file + ": ") + name.getName().str() + ": ";
  } else if (auto fileLoc = dyn_cast<FileLineColLoc>(loc)) {
    prefix = llvm::sys::path::filename(fileLoc.getFilename().strref()).str();
    if (fileLoc.getLine() != 0)
      prefix += ":" + std::to_string(fileLoc.getLine()) + ":" +
                std::to_string(fileLoc.getColumn());
    prefix += ": ";
  }
  const char *severity = "";
  switch (diag.getSeverity()) {
  case DiagnosticSeverity::Warning:
    severity = "warning: ";
    break;
  case DiagnosticSeverity::Note:
    severity = "note: ";
    break;
  case DiagnosticSeverity::Remark:
    severity = "remark: ";
    break;
  case DiagnosticSeverity::Error:
    break;
  }
  llvm::errs() << prefix << severity << diag.str() << "\n";
}

long peakRssMiB() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

struct PhaseTimer {
  std::string name;
  llvm::TimeRecord start = llvm::TimeRecord::getCurrentTime(true);
  explicit PhaseTimer(std::string name) : name(std::move(name)) {}
  ~PhaseTimer() {
    if (!verbose)
      return;
    llvm::TimeRecord end = llvm::TimeRecord::getCurrentTime(false);
    llvm::errs() << llvm::format("onnx-compile: %-10s %8.1f ms  peak %ld MiB\n",
                                 name.c_str(),
                                 (end.getWallTime() - start.getWallTime()) *
                                     1000.0,
                                 peakRssMiB());
  }
};

bool parseInputShapes(onnxc::ImportOptions &options) {
  for (const std::string &spec : inputShapes) {
    auto [name, dims] = llvm::StringRef(spec).rsplit('=');
    if (name.empty() || dims.empty()) {
      llvm::errs() << "onnx-compile: --input-shape expects NAME=D0xD1x..., got \""
                   << spec << "\"\n";
      return false;
    }
    std::vector<int64_t> shape;
    llvm::SmallVector<llvm::StringRef> parts;
    dims.split(parts, 'x');
    for (llvm::StringRef part : parts) {
      int64_t d;
      if (part.trim().getAsInteger(10, d) || d < -1) {
        llvm::errs() << "onnx-compile: bad dimension \"" << part
                     << "\" in --input-shape " << spec << "\n";
        return false;
      }
      shape.push_back(d);
    }
    options.inputShapes[name] = shape;
  }
  return true;
}

/// The runtime core archive next to the compiler (build/lib or install lib).
std::vector<std::string> runtimeArchives(const char *argv0) {
  std::string exe = llvm::sys::fs::getMainExecutable(
      argv0, reinterpret_cast<void *>(&peakRssMiB));
  llvm::SmallString<256> path(llvm::sys::path::parent_path(
      llvm::sys::path::parent_path(exe)));
  llvm::sys::path::append(path, "lib", "libonnxc_core.a");
  if (llvm::sys::fs::exists(path))
    return {path.str().str()};
  return {};
}

bool writeOutput(llvm::StringRef data) {
  if (outputPath.empty() || outputPath == "-") {
    llvm::outs() << data;
    return true;
  }
  std::error_code ec;
  llvm::raw_fd_ostream os(outputPath, ec, llvm::sys::fs::OF_None);
  if (ec) {
    llvm::errs() << "onnx-compile: cannot write " << outputPath << ": "
                 << ec.message() << "\n";
    return false;
  }
  os << data;
  return true;
}

int run(const char *argv0) {
  auto phase = onnxc::parsePhase(emitPhase);
  if (!phase) {
    llvm::errs() << "onnx-compile: unknown phase \"" << emitPhase
                 << "\" for --emit (one of " << onnxc::allPhaseNames()
                 << ")\n";
    return 2;
  }
  if (targetName != "cpu") {
    if (targetName == "cuda" || targetName == "systolic")
      llvm::errs() << "onnx-compile: target \"" << targetName
                   << "\" is not available in this build yet; use "
                      "-target=cpu\n";
    else
      llvm::errs() << "onnx-compile: unknown target \"" << targetName
                   << "\" (one of cpu, cuda, systolic)\n";
    return 2;
  }
  if (optLevel > 3) {
    llvm::errs() << "onnx-compile: -O" << optLevel << " is not one of -O0..-O3\n";
    return 2;
  }
  if ((*phase == onnxc::Phase::Lib) && outputPath.empty()) {
    llvm::errs() << "onnx-compile: -o is required to write a shared object\n";
    return 2;
  }
  onnxc::ImportOptions importOptions;
  if (!parseInputShapes(importOptions))
    return 2;

  DialectRegistry registry;
  onnxc::registerAllDialects(registry);
  MLIRContext ctx(registry);
  ctx.printOpOnDiagnostic(false);
  ctx.disableMultithreading();
  ScopedDiagnosticHandler handler(&ctx, [](Diagnostic &diag) {
    printDiagnostic(diag);
    return success();
  });

  // The target machine first: a bad --mcpu is a usage error.
  onnxc::CPUTargetOptions cpuOptions;
  cpuOptions.mcpu = mcpu;
  cpuOptions.features = mattr;
  cpuOptions.optLevel = optLevel;
  std::string error;
  auto tm = onnxc::createCPUTargetMachine(cpuOptions, error);
  if (!tm) {
    llvm::errs() << "onnx-compile: " << error << "\n";
    return 2;
  }

  OwningOpRef<ModuleOp> module;
  {
    PhaseTimer timer("import");
    module = onnxc::importOnnxModel(ctx, inputPath, importOptions);
    if (!module)
      return 1;
  }
  onnxc::PipelineOptions pipelineOptions;
  pipelineOptions.optLevel = optLevel;
  {
    PhaseTimer timer("onnx");
    PassManager pm(&ctx);
    onnxc::buildOnnxPipeline(pm, pipelineOptions);
    if (failed(pm.run(*module)))
      return 1;
  }
  (*module)->setAttr("onnxc.signature_io",
                     StringAttr::get(&ctx, onnxc::buildSignatureIO(*module)));
  // Each MLIR phase in turn, so that -v can time them.
  for (int p = static_cast<int>(onnxc::Phase::Onnx) + 1;
       p <= std::min(static_cast<int>(*phase),
                     static_cast<int>(onnxc::Phase::LlvmMlir));
       ++p) {
    auto current = static_cast<onnxc::Phase>(p);
    PhaseTimer timer(onnxc::phaseName(current).str());
    PassManager pm(&ctx);
    onnxc::buildPipelineRange(pm, static_cast<onnxc::Phase>(p - 1), current,
                              pipelineOptions);
    if (failed(pm.run(*module)))
      return 1;
  }
  if (*phase <= onnxc::Phase::LlvmMlir) {
    std::string text;
    llvm::raw_string_ostream os(text);
    module->print(os);
    return writeOutput(text) ? 0 : 1;
  }

  onnxc::SignatureInfo info;
  info.triple = tm->getTargetTriple().str();
  info.cpu = tm->getTargetCPU().str();
  info.features = onnxc::getCheckedFeatures(*tm);
  std::string signature = onnxc::buildSignature(*module, info);
  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule;
  {
    PhaseTimer timer("llvm");
    llvmModule = onnxc::translateToLLVMIR(*module, llvmContext, *tm, signature);
    if (!llvmModule)
      return 1;
    module = nullptr; // Free the MLIR module (and its weights) early.
    onnxc::optimizeLLVMModule(*llvmModule, *tm, optLevel);
  }
  if (*phase == onnxc::Phase::Llvm) {
    std::string text;
    llvm::raw_string_ostream os(text);
    llvmModule->print(os, nullptr);
    return writeOutput(text) ? 0 : 1;
  }
  std::string object;
  {
    PhaseTimer timer("obj");
    if (!onnxc::emitObject(*llvmModule, *tm, object, error)) {
      llvm::errs() << "onnx-compile: " << error << "\n";
      return 1;
    }
  }
  if (*phase == onnxc::Phase::Obj)
    return writeOutput(object) ? 0 : 1;
  PhaseTimer timer("lib");
  if (!onnxc::linkSharedObject(object, outputPath, runtimeArchives(argv0),
                               error)) {
    llvm::errs() << "onnx-compile: " << error << "\n";
    return 1;
  }
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions({&generalCat, &phaseCat, &cpuCat});
  cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << "onnx-compile " << onnxc::kCompilerVersion << " (ABI "
       << onnxc::kAbiVersion << ", LLVM " << LLVM_VERSION_STRING << ")\n";
  });
  cl::ParseCommandLineOptions(
      argc, argv,
      "onnx-compile: compile an ONNX model into a self-contained shared "
      "object\n\n  onnx-compile model.onnx -target=cpu -o libmodel.so\n");
  return run(argv[0]);
}
