//===- Normalization.cpp - onnx to linalg: Normalization ops ----------------------------------===//
// Placeholder while the patterns of this family are being written.

#include "Common.h"

void onnxc::populateOnnxToLinalgNormalizationPatterns(const mlir::TypeConverter &,
                                              mlir::RewritePatternSet &) {}
