//===- Reduce.cpp - onnx to linalg: Reduce ops ----------------------------------===//
// Placeholder while the patterns of this family are being written.

#include "Common.h"

void onnxc::populateOnnxToLinalgReducePatterns(const mlir::TypeConverter &,
                                              mlir::RewritePatternSet &) {}
