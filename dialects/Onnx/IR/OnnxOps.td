//===- OnnxOps.td - all onnx ops ----------------------------*- tablegen -*-===//

#ifndef ONNXC_DIALECT_ONNX_ONNXOPS_TD
#define ONNXC_DIALECT_ONNX_ONNXOPS_TD

include "OnnxElementwiseOps.td"
include "OnnxNNOps.td"
include "OnnxDataMovementOps.td"
include "OnnxTensorOps.td"
include "OnnxNNExtraOps.td"
include "OnnxQuantOps.td"
include "OnnxMLOps.td"
include "OnnxSequenceOps.td"

#endif // ONNXC_DIALECT_ONNX_ONNXOPS_TD
