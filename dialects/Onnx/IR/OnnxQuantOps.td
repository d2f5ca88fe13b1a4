//===- OnnxQuantOps.td - Quantization ops -*- tablegen -*-===//

#ifndef ONNXC_DIALECT_ONNX_ONNXQUANTOPS_TD
#define ONNXC_DIALECT_ONNX_ONNXQUANTOPS_TD

include "OnnxBase.td"

#endif // ONNXC_DIALECT_ONNX_ONNXQUANTOPS_TD
