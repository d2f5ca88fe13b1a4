#include "Common.h"
void onnxc::populateOnnxToLinalgControlFlowPatterns(const mlir::TypeConverter &, mlir::RewritePatternSet &) {}
