//===- OnnxQuantOps.td - Quantization ops -*- tablegen -*-===//
//
// QuantizeLinear/DequantizeLinear (per tensor, per axis or blocked), the
// dynamic quantizer, and the integer and quantized-linear matmul and
// convolution. Zero points and scales are tensors (often constants); which
// shapes they may have is checked by shape inference, which knows the ranks.
// Element types follow ONNX: unsigned integers are `ui*` here and only become
// signless in the lowering. Data types given as attributes (output_dtype,
// precision) are ONNX TensorProto.DataType codes; 0 means "not given".
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_DIALECT_ONNX_ONNXQUANTOPS_TD
#define ONNXC_DIALECT_ONNX_ONNXQUANTOPS_TD

include "OnnxBase.td"
include "OnnxNNOps.td" // Onnx_WindowAttrs

class Onnx_QuantOp<string mnemonic, list<Trait> traits = []>
    : Onnx_Op<mnemonic, traits> {
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def Onnx_QuantizeLinearOp : Onnx_QuantOp<"QuantizeLinear"> {
  let summary = "y = saturate(round(x / y_scale) + y_zero_point)";
  let description = [{
    Rounds half to even. The scale (and the zero point, same shape) is a
    scalar or one-element tensor (per tensor), a 1-D tensor of the size of
    dim `axis` of `x` (per axis), or, with `block_size` > 0, a tensor of the
    rank of `x` whose dim `axis` is ceil(x dim / block_size) and whose other
    dims are those of `x` (blocked). The result element type is that of the
    zero point, else `output_dtype`, else ui8: an 8-, 16-, 4- or 2-bit
    integer, a float8 type or f4E2M1FN. Integer results saturate to their
    range; float8 results saturate to the largest finite value when
    `saturate` is 1 (otherwise overflow gives infinity or NaN). Float8 zero
    points are ignored; an f4E2M1FN zero point is added before rounding
    (the ONNX reference's behavior). `precision`, when given, is the float
    type the division is computed in.
  }];
  let arguments = (ins Onnx_Tensor:$x, Onnx_Tensor:$y_scale,
                   Onnx_TensorOrNone:$y_zero_point,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$axis,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$saturate,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$block_size,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$output_dtype,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$precision);
  let results = (outs Onnx_Tensor:$y);
}

def Onnx_DequantizeLinearOp : Onnx_QuantOp<"DequantizeLinear"> {
  let summary = "y = (x - x_zero_point) * x_scale";
  let description = [{
    The scale and zero point are laid out as for QuantizeLinear. `x` is an
    8-, 16-, 32-, 4- or 2-bit integer, a float8 type or f4E2M1FN; float zero
    points are ignored. The result element type is `output_dtype` when
    given, else that of the scale.
  }];
  let arguments = (ins Onnx_Tensor:$x, Onnx_Tensor:$x_scale,
                   Onnx_TensorOrNone:$x_zero_point,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$axis,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$block_size,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$output_dtype);
  let results = (outs Onnx_Tensor:$y);
}

def Onnx_DynamicQuantizeLinearOp : Onnx_QuantOp<"DynamicQuantizeLinear"> {
  let summary = "quantizes f32 `x` to ui8 with a scale and zero point from "
                "its range (which always includes 0)";
  let arguments = (ins Onnx_Tensor:$x);
  let results = (outs Onnx_Tensor:$y, Onnx_TensorOrNone:$y_scale,
                 Onnx_TensorOrNone:$y_zero_point);
}

def Onnx_MatMulIntegerOp : Onnx_QuantOp<"MatMulInteger"> {
  let summary = "i32 numpy.matmul of (A - a_zero_point) and (B - b_zero_point)";
  let description = [{
    A and B are 8-bit integers. `a_zero_point` is a scalar (per tensor), an
    M-element vector (per row of A) or of shape [..., M, 1]; `b_zero_point`
    a scalar, an N-element vector (per column of B) or of shape [..., 1, N].
  }];
  let arguments = (ins Onnx_Tensor:$A, Onnx_Tensor:$B,
                   Onnx_TensorOrNone:$a_zero_point,
                   Onnx_TensorOrNone:$b_zero_point);
  let results = (outs Onnx_Tensor:$Y);
}

def Onnx_QLinearMatMulOp : Onnx_QuantOp<"QLinearMatMul"> {
  let summary = "quantized matmul: the i32 product of the zero-point "
                "adjusted operands, requantized with a_scale * b_scale / "
                "y_scale and y_zero_point";
  let arguments = (ins Onnx_Tensor:$a, Onnx_Tensor:$a_scale,
                   Onnx_Tensor:$a_zero_point, Onnx_Tensor:$b,
                   Onnx_Tensor:$b_scale, Onnx_Tensor:$b_zero_point,
                   Onnx_Tensor:$y_scale, Onnx_Tensor:$y_zero_point);
  let results = (outs Onnx_Tensor:$y);
}

def Onnx_ConvIntegerOp : Onnx_QuantOp<"ConvInteger"> {
  let summary = "i32 convolution of (x - x_zero_point) and (w - w_zero_point)";
  let description = [{
    `x_zero_point` is a scalar; `w_zero_point` a scalar or one value per
    output channel. Padding is with the zero point (zero after the
    subtraction).
  }];
  let arguments = !con((ins Onnx_Tensor:$x, Onnx_Tensor:$w,
                            Onnx_TensorOrNone:$x_zero_point,
                            Onnx_TensorOrNone:$w_zero_point,
                            DefaultValuedAttr<Onnx_I64Attr, "1">:$group),
                       Onnx_WindowAttrs);
  let results = (outs Onnx_Tensor:$y);
}

def Onnx_QLinearConvOp : Onnx_QuantOp<"QLinearConv"> {
  let summary = "quantized convolution with an optional i32 bias (of scale "
                "x_scale * w_scale), requantized with y_scale and y_zero_point";
  let description = [{
    `w_scale` and `w_zero_point` are scalars or hold one value per output
    channel; the other scales and zero points are scalars.
  }];
  let arguments = !con((ins Onnx_Tensor:$x, Onnx_Tensor:$x_scale,
                            Onnx_Tensor:$x_zero_point, Onnx_Tensor:$w,
                            Onnx_Tensor:$w_scale, Onnx_Tensor:$w_zero_point,
                            Onnx_Tensor:$y_scale, Onnx_Tensor:$y_zero_point,
                            Onnx_TensorOrNone:$B,
                            DefaultValuedAttr<Onnx_I64Attr, "1">:$group),
                       Onnx_WindowAttrs);
  let results = (outs Onnx_Tensor:$y);
}

#endif // ONNXC_DIALECT_ONNX_ONNXQUANTOPS_TD
