//===- onnx-compile.cpp - the compiler driver -----------------------------===//
//
//   onnx-compile model.onnx -target=cpu -o libmodel.so [--emit=PHASE] [-O2]
//                [--emit-header[=model.h]] [--emit-memory-plan[=FILE]]
//
// Imports the model, runs the phases up to --emit (default: lib) and writes
// the IR of that phase, an object file, or the shared object; on the way, a C
// header for the model and its activation memory plan when asked. The
// options are documented in docs/CLI.md.
//
//===----------------------------------------------------------------------===//

#include "onnxc/Importer/Importer.h"
#include "onnxc/Pipelines/Pipelines.h"
#include "onnxc/Registration.h"
#include "onnxc/Target/CPU.h"
#include "onnxc/Target/Package.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
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

// --help lists the categories sorted by name: general, import, phases,
// extra outputs, then one per target.
cl::OptionCategory generalCat("General options");
cl::OptionCategory importCat("Import");
cl::OptionCategory phaseCat("Phases and optimization");
cl::OptionCategory reportCat("Reports and extra outputs");
cl::OptionCategory cpuCat("Target: cpu",
                          "Code generation for -target=cpu (x86-64)");

cl::opt<std::string> inputPath(cl::Positional, cl::desc("<model.onnx>"),
                               cl::Required, cl::cat(generalCat));
cl::opt<std::string> outputPath("o",
                                cl::desc("Output file: the shared object, or "
                                         "with --emit the phase's output "
                                         "(default: stdout)"),
                                cl::value_desc("path"), cl::cat(generalCat));
cl::opt<std::string> targetName("target",
                                cl::desc("Target: cpu, cuda or systolic"),
                                cl::init("cpu"), cl::cat(generalCat));
cl::list<std::string> inputShapes(
    "input-shape",
    cl::desc("Static shape for an input: NAME=D0xD1x... (-1 keeps a dim "
             "dynamic); may be repeated"),
    cl::value_desc("name=shape"), cl::cat(importCat));
cl::opt<bool> verbose("v", cl::desc("Print each phase's time and memory"),
                      cl::cat(generalCat));
cl::alias verboseLong("verbose", cl::desc("Alias for -v"),
                      cl::aliasopt(verbose), cl::cat(generalCat));
cl::opt<std::string> emitHeader(
    "emit-header", cl::ValueOptional,
    cl::desc("Also write a C header for calling the model without the "
             "runtime (default path: the -o path with .h, or <model>.h)"),
    cl::value_desc("path"), cl::cat(reportCat));
cl::opt<std::string> headerPrefix(
    "header-prefix",
    cl::desc("Prefix of the header's names (<prefix>_run; default: the "
             "model's name)"),
    cl::value_desc("name"), cl::cat(reportCat));
cl::opt<std::string> emitMemoryPlan(
    "emit-memory-plan", cl::ValueOptional,
    cl::desc("Print the activation memory plan (peak bytes, per-tensor offset "
             "and lifetime) to stdout, or write it to a file (JSON when it "
             "ends in .json)"),
    cl::value_desc("path"), cl::cat(reportCat));
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

/// Writes `data` to `path` ("-" or empty: stdout).
bool writeFile(llvm::StringRef path, llvm::StringRef data) {
  if (path.empty() || path == "-") {
    llvm::outs() << data;
    llvm::outs().flush();
    return true;
  }
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_None);
  if (!ec) {
    os << data;
    os.close();
    ec = os.error();
  }
  if (ec) {
    os.clear_error();
    llvm::errs() << "onnx-compile: cannot write " << path << ": "
                 << ec.message() << "\n";
    return false;
  }
  return true;
}

/// --emit-header's path: the given one, else the -o path with ".h", else
/// the model's stem with ".h" in the current folder.
std::string headerPath() {
  if (!emitHeader.empty())
    return emitHeader;
  llvm::SmallString<256> path;
  if (!outputPath.empty() && outputPath != "-")
    path = outputPath;
  else
    path = llvm::sys::path::filename(inputPath);
  llvm::sys::path::replace_extension(path, ".h");
  return path.str().str();
}

/// Writes the header and the memory plan that were asked for.
bool writeReports(ModuleOp module, llvm::StringRef signature) {
  if (emitMemoryPlan.getNumOccurrences()) {
    onnxc::MemoryPlan plan = onnxc::computeMemoryPlan(module);
    std::string text;
    llvm::raw_string_ostream os(text);
    if (llvm::StringRef(emitMemoryPlan).ends_with(".json"))
      onnxc::printMemoryPlanJSON(plan, os);
    else
      onnxc::printMemoryPlan(plan, os);
    if (!writeFile(emitMemoryPlan, text))
      return false;
  }
  if (emitHeader.getNumOccurrences()) {
    std::string path = headerPath();
    onnxc::HeaderOptions options;
    options.prefix = headerPrefix;
    options.fileName = llvm::sys::path::filename(path).str();
    if (options.prefix.empty() && !module->getAttr("onnx.model_name")) {
      // No model name: name it after the header file (libmodel.h -> model).
      llvm::StringRef stem = llvm::sys::path::stem(path);
      stem.consume_front("lib");
      options.prefix = stem.str();
    }
    std::string header, error;
    if (!onnxc::buildModelHeader(signature, options, header, error)) {
      llvm::errs() << "onnx-compile: cannot write a header: " << error
                   << "\n";
      return false;
    }
    if (!writeFile(path, header))
      return false;
  }
  return true;
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

/// "; did you mean \"x\"?" for the choice nearest to `value` (at most two
/// edits away), else "".
std::string suggest(llvm::StringRef value, llvm::StringRef choices) {
  llvm::SmallVector<llvm::StringRef> list;
  choices.split(list, '|');
  llvm::StringRef best;
  unsigned bestDistance = 3;
  for (llvm::StringRef choice : list) {
    unsigned d = value.edit_distance(choice, /*AllowReplacements=*/true, 3);
    if (d < bestDistance)
      best = choice, bestDistance = d;
  }
  return best.empty() ? "" : ("; did you mean \"" + best + "\"?").str();
}

int run(const char *argv0) {
  auto phase = onnxc::parsePhase(emitPhase);
  if (!phase) {
    llvm::errs() << "onnx-compile: unknown phase \"" << emitPhase
                 << "\" for --emit (one of " << onnxc::allPhaseNames() << ")"
                 << suggest(emitPhase, onnxc::allPhaseNames()) << "\n";
    return 2;
  }
  if (targetName != "cpu") {
    if (targetName == "cuda" || targetName == "systolic")
      llvm::errs() << "onnx-compile: target \"" << targetName
                   << "\" is not available in this build yet; use "
                      "-target=cpu\n";
    else
      llvm::errs() << "onnx-compile: unknown target \"" << targetName
                   << "\" (one of cpu, cuda, systolic)"
                   << suggest(targetName, "cpu|cuda|systolic") << "\n";
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
  importOptions.keepTensorNames = emitMemoryPlan.getNumOccurrences() > 0;

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
  pipelineOptions.vectorWidth =
      llvm::StringRef(onnxc::getCheckedFeatures(*tm)).contains("+avx512f") ? 16
                                                                           : 8;
  {
    PhaseTimer timer("onnx");
    PassManager pm(&ctx);
    onnxc::buildOnnxPipeline(pm, pipelineOptions);
    if (failed(pm.run(*module)))
      return 1;
  }
  if (auto graph = module->lookupSymbol<func::FuncOp>("main_graph")) {
    for (unsigned i = 0; i < graph.getNumResults(); ++i) {
      if (cast<TensorType>(graph.getResultTypes()[i]).hasRank())
        continue;
      auto name = graph.getResultAttrOfType<StringAttr>(i, "onnx.name");
      emitError(graph.getLoc())
          << "graph output \"" << (name ? name.strref() : "") << "\" has a rank "
          << "only known at run time, which cannot be compiled";
      return 1;
    }
  }
  (*module)->setAttr("onnxc.signature_io",
                     StringAttr::get(&ctx, onnxc::buildSignatureIO(*module)));
  onnxc::SignatureInfo info;
  info.triple = tm->getTargetTriple().str();
  info.cpu = tm->getTargetCPU().str();
  info.features = onnxc::getCheckedFeatures(*tm);
  std::string signature = onnxc::buildSignature(*module, info);
  if (!writeReports(*module, signature))
    return 1;
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
  cl::HideUnrelatedOptions(
      {&generalCat, &importCat, &phaseCat, &reportCat, &cpuCat});
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
