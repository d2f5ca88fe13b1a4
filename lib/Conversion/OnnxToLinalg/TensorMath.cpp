//===- TensorMath.cpp - onnx to linalg: normalizations, LpPool, Einsum, windows
//===//

#include "TensorOpsCommon.h"

using namespace mlir;

namespace onnxc::lowering {

void populateTensorMathPatterns(const TypeConverter &converter,
                                RewritePatternSet &patterns) {}

} // namespace onnxc::lowering
