//===- OnnxNNExtraOps.td - Losses, attention, recurrent and normalization ops -*- tablegen -*-===//

#ifndef ONNXC_DIALECT_ONNX_ONNXNNEXTRAOPS_TD
#define ONNXC_DIALECT_ONNX_ONNXNNEXTRAOPS_TD

include "OnnxBase.td"

#endif // ONNXC_DIALECT_ONNX_ONNXNNEXTRAOPS_TD
