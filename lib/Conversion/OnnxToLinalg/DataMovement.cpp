#include "Common.h"
void onnxc::populateOnnxToLinalgDataMovementPatterns(const mlir::TypeConverter &, mlir::RewritePatternSet &) {}
