//===- TensorOps.cpp - onnx to linalg: Tensor manipulation, indexing, scatter/gather, resize and math ops ===//

#include "Common.h"

void onnxc::populateOnnxToLinalgTensorPatterns(const mlir::TypeConverter &,
                                              mlir::RewritePatternSet &) {}
