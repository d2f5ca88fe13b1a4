//===- OnnxOps.td - all onnx ops ----------------------------*- tablegen -*-===//

#ifndef ONNXC_DIALECT_ONNX_ONNXOPS_TD
#define ONNXC_DIALECT_ONNX_ONNXOPS_TD

include "OnnxElementwiseOps.td"
include "OnnxNNOps.td"
include "OnnxDataMovementOps.td"

#endif // ONNXC_DIALECT_ONNX_ONNXOPS_TD
