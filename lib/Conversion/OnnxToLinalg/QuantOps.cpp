//===- QuantOps.cpp - onnx to linalg: Quantization ops ===//

#include "Common.h"

void onnxc::populateOnnxToLinalgQuantPatterns(const mlir::TypeConverter &,
                                              mlir::RewritePatternSet &) {}
