//===- OnnxTensorOps.td - Tensor manipulation, indexing, scatter/gather, resize and math ops -*- tablegen -*-===//

#ifndef ONNXC_DIALECT_ONNX_ONNXTENSOROPS_TD
#define ONNXC_DIALECT_ONNX_ONNXTENSOROPS_TD

include "OnnxBase.td"

#endif // ONNXC_DIALECT_ONNX_ONNXTENSOROPS_TD
