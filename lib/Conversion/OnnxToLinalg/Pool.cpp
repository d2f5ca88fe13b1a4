//===- Pool.cpp - onnx to linalg: Pool ops ----------------------------------===//
// Placeholder while the patterns of this family are being written.

#include "Common.h"

void onnxc::populateOnnxToLinalgPoolPatterns(const mlir::TypeConverter &,
                                              mlir::RewritePatternSet &) {}
