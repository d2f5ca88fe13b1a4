//===- MatMul.cpp - onnx to linalg: MatMul ops ----------------------------------===//
// Placeholder while the patterns of this family are being written.

#include "Common.h"

void onnxc::populateOnnxToLinalgMatMulPatterns(const mlir::TypeConverter &,
                                              mlir::RewritePatternSet &) {}
