//===- OnnxToLinalg.h - onnx to linalg patterns -----------------*- C++ -*-===//

#ifndef ONNXC_CONVERSION_ONNXTOLINALG_ONNXTOLINALG_H
#define ONNXC_CONVERSION_ONNXTOLINALG_ONNXTOLINALG_H

#include "mlir/Transforms/DialectConversion.h"

namespace onnxc {

/// Converts onnx tensor types to the types of the linalg level: unsigned
/// integer element types become signless.
class OnnxToLinalgTypeConverter : public mlir::TypeConverter {
public:
  OnnxToLinalgTypeConverter();
};

// One populate function per op family (one file each).
void populateOnnxToLinalgElementwisePatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns);
void populateOnnxToLinalgMatMulPatterns(const mlir::TypeConverter &converter,
                                        mlir::RewritePatternSet &patterns);
void populateOnnxToLinalgConvPatterns(const mlir::TypeConverter &converter,
                                      mlir::RewritePatternSet &patterns);
void populateOnnxToLinalgPoolPatterns(const mlir::TypeConverter &converter,
                                      mlir::RewritePatternSet &patterns);
void populateOnnxToLinalgReducePatterns(const mlir::TypeConverter &converter,
                                        mlir::RewritePatternSet &patterns);
void populateOnnxToLinalgNormalizationPatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns);
void populateOnnxToLinalgDataMovementPatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns);
void populateOnnxToLinalgControlFlowPatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns);

void populateOnnxToLinalgTensorPatterns(const mlir::TypeConverter &converter,
                                        mlir::RewritePatternSet &patterns);
void populateOnnxToLinalgNNExtraPatterns(const mlir::TypeConverter &converter,
                                         mlir::RewritePatternSet &patterns);
void populateOnnxToLinalgQuantPatterns(const mlir::TypeConverter &converter,
                                       mlir::RewritePatternSet &patterns);
void populateOnnxToLinalgRandomPatterns(const mlir::TypeConverter &converter,
                                        mlir::RewritePatternSet &patterns);
void populateOnnxToLinalgMLPatterns(const mlir::TypeConverter &converter,
                                    mlir::RewritePatternSet &patterns);

/// All of the above.
void populateOnnxToLinalgSequencePatterns(const mlir::TypeConverter &converter,
                                          mlir::RewritePatternSet &patterns);

/// Before the conversion: SequenceMap becomes onnx.Loop, and a function that
/// uses sequences or optionals gets its context (Sequences.cpp).
void prepareSequenceLowering(mlir::ModuleOp module);
/// After the conversion: the returned sequences are exported and the
/// context released before each return.
void finishSequenceLowering(mlir::ModuleOp module);

void populateOnnxToLinalgPatterns(const mlir::TypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);

} // namespace onnxc

#endif // ONNXC_CONVERSION_ONNXTOLINALG_ONNXTOLINALG_H
