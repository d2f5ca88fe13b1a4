//===- OnnxToLinalg.cpp - the convert-onnx-to-linalg pass -----------------===//

#include "Common.h"
#include "onnxc/Conversion/Passes.h"

#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;

namespace onnxc {

#define GEN_PASS_DEF_CONVERTONNXTOLINALG
#include "onnxc/Conversion/Passes.h.inc"

static Type toSignless(Type type) {
  if (auto intType = dyn_cast<IntegerType>(type);
      intType && !intType.isSignless())
    return IntegerType::get(type.getContext(), intType.getWidth());
  return type;
}

OnnxToLinalgTypeConverter::OnnxToLinalgTypeConverter() {
  addConversion([](Type type) { return type; });
  addConversion([](IntegerType type) { return toSignless(type); });
  addConversion([](RankedTensorType type) -> Type {
    return RankedTensorType::get(type.getShape(),
                                 toSignless(type.getElementType()));
  });
  addConversion([](UnrankedTensorType type) -> Type {
    return UnrankedTensorType::get(toSignless(type.getElementType()));
  });
  // Sequences and optionals are run-time objects (Sequences.cpp).
  addConversion([](onnx::SeqType type) -> Type {
    return LLVM::LLVMPointerType::get(type.getContext());
  });
  addConversion([](onnx::OptType type) -> Type {
    return LLVM::LLVMPointerType::get(type.getContext());
  });
  auto cast = [](OpBuilder &b, Type type, ValueRange inputs,
                 Location loc) -> Value {
    return UnrealizedConversionCastOp::create(b, loc, type, inputs).getResult(0);
  };
  addSourceMaterialization(cast);
  addTargetMaterialization(cast);
}

void populateOnnxToLinalgPatterns(const TypeConverter &converter,
                                  RewritePatternSet &patterns) {
  populateOnnxToLinalgElementwisePatterns(converter, patterns);
  populateOnnxToLinalgMatMulPatterns(converter, patterns);
  populateOnnxToLinalgConvPatterns(converter, patterns);
  populateOnnxToLinalgPoolPatterns(converter, patterns);
  populateOnnxToLinalgReducePatterns(converter, patterns);
  populateOnnxToLinalgNormalizationPatterns(converter, patterns);
  populateOnnxToLinalgDataMovementPatterns(converter, patterns);
  populateOnnxToLinalgControlFlowPatterns(converter, patterns);
  populateOnnxToLinalgSequencePatterns(converter, patterns);
  populateOnnxToLinalgTensorPatterns(converter, patterns);
  populateOnnxToLinalgNNExtraPatterns(converter, patterns);
  populateOnnxToLinalgQuantPatterns(converter, patterns);
  populateOnnxToLinalgRandomPatterns(converter, patterns);
  populateOnnxToLinalgMLPatterns(converter, patterns);
}

namespace {

struct ConvertOnnxToLinalgPass
    : public impl::ConvertOnnxToLinalgBase<ConvertOnnxToLinalgPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();

    // Unranked results cannot be lowered: report them by node up front.
    bool unranked = false;
    module.walk([&](Operation *op) {
      if (!isa<onnx::OnnxDialect>(op->getDialect()))
        return;
      for (Type type : op->getResultTypes())
        if (isa<UnrankedTensorType>(type)) {
          op->emitError() << "cannot lower: the rank of result " << type
                          << " is unknown at compile time";
          unranked = true;
          return;
        }
      for (Type type : op->getOperandTypes())
        if (isa<UnrankedTensorType>(type)) {
          op->emitError() << "cannot lower: the rank of operand " << type
                          << " is unknown at compile time";
          unranked = true;
          return;
        }
    });
    if (unranked)
      return signalPassFailure();

    OnnxToLinalgTypeConverter converter;
    ConversionTarget target(*ctx);
    target.addLegalDialect<arith::ArithDialect, linalg::LinalgDialect,
                           math::MathDialect, scf::SCFDialect,
                           tensor::TensorDialect,
                           bufferization::BufferizationDialect,
                           memref::MemRefDialect, LLVM::LLVMDialect>();
    target.addIllegalDialect<onnx::OnnxDialect>();
    target.addLegalOp<onnx::NoValueOp, ModuleOp>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return converter.isSignatureLegal(op.getFunctionType()) &&
             converter.isLegal(&op.getBody());
    });
    target.addDynamicallyLegalOp<func::ReturnOp, func::CallOp>(
        [&](Operation *op) { return converter.isLegal(op); });

    prepareSequenceLowering(module);
    RewritePatternSet patterns(ctx);
    populateOnnxToLinalgPatterns(converter, patterns);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                   converter);
    populateReturnOpTypeConversionPattern(patterns, converter);
    populateCallOpTypeConversionPattern(patterns, converter);

    // The driver's own "failed to legalize" says less than the report below.
    LogicalResult result = success();
    lowering::resetReported();
    {
      ScopedDiagnosticHandler handler(ctx, [](Diagnostic &diag) {
        return success(diag.getSeverity() == DiagnosticSeverity::Error &&
                       StringRef(diag.str()).starts_with("failed to legalize"));
      });
      result = applyPartialConversion(module, target, std::move(patterns));
    }
    if (failed(result)) {
      // A specific error already says why; the ops left over only failed
      // because the conversion was rolled back.
      bool anyReported = false;
      module.walk([&](Operation *op) {
        anyReported |= lowering::wasReported(op);
      });
      if (anyReported)
        return signalPassFailure();
      module.walk([&](Operation *op) {
        if (isa<onnx::OnnxDialect>(op->getDialect()) &&
            !isa<onnx::NoValueOp, onnx::YieldOp>(op) &&
            !lowering::wasReported(op))
          op->emitError() << "cannot lower: no lowering of " << op->getName()
                          << " for these operand types";
      });
      return signalPassFailure();
    }
    module.walk([](onnx::NoValueOp op) {
      if (op->use_empty())
        op->erase();
    });
    finishSequenceLowering(module);
  }
};

} // namespace
} // namespace onnxc
