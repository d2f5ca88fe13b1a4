//===- NNExtraOps.cpp - onnx to linalg: Losses, attention, recurrent and normalization ops ===//

#include "Common.h"

void onnxc::populateOnnxToLinalgNNExtraPatterns(const mlir::TypeConverter &,
                                              mlir::RewritePatternSet &) {}
