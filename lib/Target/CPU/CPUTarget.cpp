//===- CPUTarget.cpp - LLVM IR, optimization and objects for x86-64 -------===//

#include "onnxc/Target/CPU.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/Analysis/TargetTransformInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Verifier.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

namespace onnxc {

static const char *const kTriple = "x86_64-unknown-linux-gnu";

std::unique_ptr<llvm::TargetMachine>
createCPUTargetMachine(const CPUTargetOptions &options, std::string &error) {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  llvm::Triple triple(kTriple);
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return nullptr;
  std::string cpu = options.mcpu;
  std::string features;
  if (cpu.empty() || cpu == "native") {
    cpu = llvm::sys::getHostCPUName().str();
    for (const auto &feature : llvm::sys::getHostCPUFeatures())
      features += (features.empty() ? "" : ",") +
                  std::string(feature.second ? "+" : "-") +
                  feature.first().str();
  }
  if (!options.features.empty())
    features += (features.empty() ? "" : ",") + options.features;
  // The model must run on any CPU with these features: reject unknown names.
  const llvm::MCSubtargetInfo *probe =
      target->createMCSubtargetInfo(triple, "", "");
  bool known = probe && probe->isCPUStringValid(cpu);
  delete probe;
  if (!known) {
    error = "unknown CPU \"" + cpu + "\" for --mcpu (try x86-64, x86-64-v3, "
                                     "skylake-avx512, znver3 or native)";
    return nullptr;
  }
  llvm::TargetOptions targetOptions;
  // a*b+c may become one fused multiply-add (as in ONNX Runtime's kernels).
  targetOptions.AllowFPOpFusion = llvm::FPOpFusion::Fast;
  auto level = options.optLevel == 0   ? llvm::CodeGenOptLevel::None
               : options.optLevel == 1 ? llvm::CodeGenOptLevel::Less
               : options.optLevel == 2 ? llvm::CodeGenOptLevel::Default
                                       : llvm::CodeGenOptLevel::Aggressive;
  std::unique_ptr<llvm::TargetMachine> tm(target->createTargetMachine(
      triple, cpu, features, targetOptions, llvm::Reloc::PIC_,
      llvm::CodeModel::Small, level));
  if (!tm)
    error = "cannot create a target machine for " + cpu;
  return tm;
}

std::string getCheckedFeatures(const llvm::TargetMachine &tm) {
  // The features the runtime knows how to detect (runtime/src/core).
  static const char *const kChecked[] = {
      "sse4.1",   "sse4.2",   "popcnt",   "avx",        "avx2",
      "fma",      "f16c",     "bmi",      "bmi2",       "avx512f",
      "avx512bw", "avx512cd", "avx512dq", "avx512vl",   "avx512vnni",
      "avx512bf16", "avx512fp16", "avxvnni", "amx-tile", "amx-int8",
      "amx-bf16"};
  const llvm::MCSubtargetInfo *sti = tm.getMCSubtargetInfo();
  std::string out;
  for (const char *feature : kChecked)
    if (sti->checkFeatures(std::string("+") + feature))
      out += (out.empty() ? "+" : ",+") + std::string(feature);
  return out.empty() ? "-" : out;
}

std::unique_ptr<llvm::Module>
translateToLLVMIR(mlir::ModuleOp module, llvm::LLVMContext &llvmContext,
                  llvm::TargetMachine &tm, llvm::StringRef signature) {
  std::unique_ptr<llvm::Module> llvmModule =
      mlir::translateModuleToLLVMIR(module, llvmContext, "onnxc_model");
  if (!llvmModule) {
    module.emitError() << "cannot translate the LLVM dialect to LLVM IR";
    return nullptr;
  }
  llvmModule->setTargetTriple(tm.getTargetTriple());
  llvmModule->setDataLayout(tm.createDataLayout());

  llvm::Function *graph = llvmModule->getFunction("_mlir_ciface_main_graph");
  llvm::Function *inner = llvmModule->getFunction("main_graph");
  if (!graph || !inner) {
    module.emitError() << "the module has no main_graph entry point";
    return nullptr;
  }
  // int32_t onnxc_main(void **args): args[i] is the i-th parameter of the
  // C interface (results block first, then the input descriptors).
  llvm::IRBuilder<> b(llvmContext);
  auto *ptrType = llvm::PointerType::get(llvmContext, 0);
  auto *entryType =
      llvm::FunctionType::get(b.getInt32Ty(), {ptrType}, /*isVarArg=*/false);
  llvm::Function *entry = llvm::Function::Create(
      entryType, llvm::GlobalValue::ExternalLinkage, "onnxc_main", *llvmModule);
  entry->setVisibility(llvm::GlobalValue::DefaultVisibility);
  llvm::BasicBlock *body = llvm::BasicBlock::Create(llvmContext, "entry", entry);
  b.SetInsertPoint(body);
  llvm::SmallVector<llvm::Value *> args;
  // One result that is not a memref (a sequence pointer) is returned by the
  // C interface instead of written to the results block: args[0] then
  // points to its slot, and the inputs start at args[1].
  bool returnsValue = !graph->getReturnType()->isVoidTy();
  unsigned first = returnsValue ? 1 : 0;
  for (unsigned i = 0; i < graph->arg_size(); ++i) {
    llvm::Value *slot =
        b.CreateConstInBoundsGEP1_64(ptrType, entry->getArg(0), first + i);
    args.push_back(b.CreateLoad(ptrType, slot));
  }
  llvm::Value *result = b.CreateCall(graph, args);
  if (returnsValue) {
    llvm::Value *block = b.CreateLoad(ptrType, entry->getArg(0));
    b.CreateStore(result, block);
  }
  b.CreateRet(b.getInt32(0));
  graph->setLinkage(llvm::GlobalValue::InternalLinkage);
  inner->setLinkage(llvm::GlobalValue::InternalLinkage);

  // The signature: a NUL-terminated string in its own section.
  llvm::Constant *text =
      llvm::ConstantDataArray::getString(llvmContext, signature, true);
  auto *global = new llvm::GlobalVariable(
      *llvmModule, text->getType(), /*isConstant=*/true,
      llvm::GlobalValue::ExternalLinkage, text, "onnxc_signature");
  global->setSection(".onnxc_sig");
  global->setAlignment(llvm::Align(1));
  llvm::appendToUsed(*llvmModule, {global});

  if (llvm::verifyModule(*llvmModule, &llvm::errs())) {
    module.emitError() << "internal error: the generated LLVM IR is invalid";
    return nullptr;
  }
  return llvmModule;
}

void optimizeLLVMModule(llvm::Module &module, llvm::TargetMachine &tm,
                        unsigned optLevel) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PipelineTuningOptions tuning;
  tuning.LoopVectorization = optLevel >= 2;
  tuning.SLPVectorization = optLevel >= 2;
  llvm::PassBuilder pb(&tm, tuning);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::OptimizationLevel level = optLevel == 0   ? llvm::OptimizationLevel::O0
                                  : optLevel == 1 ? llvm::OptimizationLevel::O1
                                  : optLevel == 2 ? llvm::OptimizationLevel::O2
                                                  : llvm::OptimizationLevel::O3;
  llvm::ModulePassManager mpm =
      optLevel == 0 ? pb.buildO0DefaultPipeline(level)
                    : pb.buildPerModuleDefaultPipeline(level);
  mpm.run(module, mam);
}

bool emitObject(llvm::Module &module, llvm::TargetMachine &tm,
                std::string &object, std::string &error) {
  llvm::raw_string_ostream os(object);
  llvm::buffer_ostream stream(os);
  llvm::legacy::PassManager pm;
  if (tm.addPassesToEmitFile(pm, stream, nullptr,
                             llvm::CodeGenFileType::ObjectFile)) {
    error = "the target cannot emit object files";
    return false;
  }
  pm.run(module);
  return true;
}

} // namespace onnxc
