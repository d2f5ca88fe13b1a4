//===- Elementwise.cpp - onnx to linalg: Elementwise ops ----------------------------------===//
// Placeholder while the patterns of this family are being written.

#include "Common.h"

void onnxc::populateOnnxToLinalgElementwisePatterns(const mlir::TypeConverter &,
                                              mlir::RewritePatternSet &) {}
