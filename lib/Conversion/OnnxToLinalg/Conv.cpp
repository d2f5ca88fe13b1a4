//===- Conv.cpp - onnx to linalg: Conv ops ----------------------------------===//
// Placeholder while the patterns of this family are being written.

#include "Common.h"

void onnxc::populateOnnxToLinalgConvPatterns(const mlir::TypeConverter &,
                                              mlir::RewritePatternSet &) {}
