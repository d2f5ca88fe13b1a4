//===- OnnxTensorOps.td - Tensor manipulation, indexing, scatter/gather, resize and math ops -*- tablegen -*-===//
//
// Shape inference and verifiers live in TensorOps.cpp. Operands and
// attributes follow the newest ONNX form of each operator; absent optional
// inputs are `none`.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_DIALECT_ONNX_ONNXTENSOROPS_TD
#define ONNXC_DIALECT_ONNX_ONNXTENSOROPS_TD

include "OnnxBase.td"

class Onnx_TensorOp<string mnemonic, list<Trait> traits = []>
    : Onnx_Op<mnemonic, traits> {
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Element-wise math and bitwise ops
//===----------------------------------------------------------------------===//

def Onnx_AcosOp : Onnx_UnaryOp<"Acos">;
def Onnx_AcoshOp : Onnx_UnaryOp<"Acosh">;
def Onnx_AsinOp : Onnx_UnaryOp<"Asin">;
def Onnx_AsinhOp : Onnx_UnaryOp<"Asinh">;
def Onnx_AtanOp : Onnx_UnaryOp<"Atan">;
def Onnx_AtanhOp : Onnx_UnaryOp<"Atanh">;
def Onnx_CoshOp : Onnx_UnaryOp<"Cosh">;
def Onnx_SinhOp : Onnx_UnaryOp<"Sinh">;
def Onnx_TanOp : Onnx_UnaryOp<"Tan">;
def Onnx_MishOp : Onnx_UnaryOp<"Mish">;
def Onnx_BitwiseNotOp : Onnx_UnaryOp<"BitwiseNot">;

def Onnx_ShrinkOp : Onnx_UnaryOpWithAttrs<"Shrink",
    (ins DefaultValuedAttr<F32Attr, "0.0">:$bias,
         DefaultValuedAttr<F32Attr, "0.5">:$lambd)>;
def Onnx_ThresholdedReluOp : Onnx_UnaryOpWithAttrs<"ThresholdedRelu",
    (ins DefaultValuedAttr<F32Attr, "1.0">:$alpha)>;
def Onnx_CeluOp : Onnx_UnaryOpWithAttrs<"Celu",
    (ins DefaultValuedAttr<F32Attr, "1.0">:$alpha)>;

def Onnx_SwishOp : Onnx_UnaryOpWithAttrs<"Swish",
    (ins DefaultValuedAttr<F32Attr, "1.0">:$alpha)>;

def Onnx_IsInfOp : Onnx_Op<"IsInf"> {
  let arguments = (ins Onnx_Tensor:$X,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$detect_negative,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$detect_positive);
  let results = (outs Onnx_Tensor:$Y);
  let assemblyFormat = "$X attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferShapes() {
      return ::onnxc::onnx::inferSameShapeOp(getOperation(),
          ::mlir::IntegerType::get(getContext(), 1));
    }
  }];
}

def Onnx_BitCastOp : Onnx_Op<"BitCast"> {
  let summary = "reinterprets the bits of each element as `to` (same width)";
  let arguments = (ins Onnx_Tensor:$input, Onnx_I64Attr:$to);
  let results = (outs Onnx_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def Onnx_ReduceLogSumOp : Onnx_ReduceOp<"ReduceLogSum">;

def Onnx_SwiGLUOp : Onnx_BinaryOp<"SwiGLU"> {
  let summary = "Swish(A) * B";
  let arguments = (ins Onnx_Tensor:$A, Onnx_Tensor:$B,
                   DefaultValuedAttr<F32Attr, "1.0">:$alpha);
}

def Onnx_BitwiseAndOp : Onnx_BinaryOp<"BitwiseAnd", 0, [Commutative]>;
def Onnx_BitwiseOrOp : Onnx_BinaryOp<"BitwiseOr", 0, [Commutative]>;
def Onnx_BitwiseXorOp : Onnx_BinaryOp<"BitwiseXor", 0, [Commutative]>;

def Onnx_BitShiftOp : Onnx_BinaryOp<"BitShift"> {
  let summary = "shifts X by Y bits; shifts outside [0, width) give 0 or the sign";
  let arguments = (ins Onnx_Tensor:$A, Onnx_Tensor:$B, StrAttr:$direction);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Triangles, scans, one-hot
//===----------------------------------------------------------------------===//

def Onnx_TriluOp : Onnx_TensorOp<"Trilu"> {
  let summary = "keeps the upper or lower triangle of the last two dims";
  let arguments = (ins Onnx_Tensor:$input, Onnx_TensorOrNone:$k,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$upper);
  let results = (outs Onnx_Tensor:$output);
}

class Onnx_ScanReduceOp<string mnemonic> : Onnx_TensorOp<mnemonic> {
  let summary = "running sum or product along an axis given as an input";
  let arguments = (ins Onnx_Tensor:$x, Onnx_Tensor:$axis,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$exclusive,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$reverse);
  let results = (outs Onnx_Tensor:$y);
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferShapes() {
      return ::onnxc::onnx::inferSameShapeOp(getOperation());
    }
  }];
}
def Onnx_CumSumOp : Onnx_ScanReduceOp<"CumSum">;
def Onnx_CumProdOp : Onnx_ScanReduceOp<"CumProd">;

def Onnx_OneHotOp : Onnx_TensorOp<"OneHot"> {
  let summary = "values[1] where the index matches, values[0] elsewhere";
  let arguments = (ins Onnx_Tensor:$indices, Onnx_Tensor:$depth,
                   Onnx_Tensor:$values,
                   DefaultValuedAttr<Onnx_I64Attr, "-1">:$axis);
  let results = (outs Onnx_Tensor:$output);
}

def Onnx_EyeLikeOp : Onnx_TensorOp<"EyeLike"> {
  let summary = "ones on the k-th diagonal of a 2-D tensor shaped like the input";
  let arguments = (ins Onnx_Tensor:$input, OptionalAttr<Onnx_I64Attr>:$dtype,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$k);
  let results = (outs Onnx_Tensor:$output);
  let hasVerifier = 1;
}

def Onnx_HardmaxOp : Onnx_TensorOp<"Hardmax"> {
  let summary = "1 at the first maximum along axis, 0 elsewhere";
  let arguments = (ins Onnx_Tensor:$input,
                   DefaultValuedAttr<Onnx_I64Attr, "-1">:$axis);
  let results = (outs Onnx_Tensor:$output);
}

//===----------------------------------------------------------------------===//
// Gather and scatter
//===----------------------------------------------------------------------===//

def Onnx_GatherElementsOp : Onnx_TensorOp<"GatherElements"> {
  let arguments = (ins Onnx_Tensor:$data, Onnx_Tensor:$indices,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$axis);
  let results = (outs Onnx_Tensor:$output);
}

def Onnx_GatherNDOp : Onnx_TensorOp<"GatherND"> {
  let arguments = (ins Onnx_Tensor:$data, Onnx_Tensor:$indices,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$batch_dims);
  let results = (outs Onnx_Tensor:$output);
}

def Onnx_ScatterElementsOp : Onnx_TensorOp<"ScatterElements"> {
  let arguments = (ins Onnx_Tensor:$data, Onnx_Tensor:$indices,
                   Onnx_Tensor:$updates,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$axis,
                   DefaultValuedAttr<StrAttr, "\"none\"">:$reduction);
  let results = (outs Onnx_Tensor:$output);
  let hasVerifier = 1;
}

def Onnx_ScatterOp : Onnx_TensorOp<"Scatter"> {
  let summary = "ScatterElements without reduction (deprecated since opset 11)";
  let arguments = (ins Onnx_Tensor:$data, Onnx_Tensor:$indices,
                   Onnx_Tensor:$updates,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$axis);
  let results = (outs Onnx_Tensor:$output);
}

def Onnx_ScatterNDOp : Onnx_TensorOp<"ScatterND"> {
  let arguments = (ins Onnx_Tensor:$data, Onnx_Tensor:$indices,
                   Onnx_Tensor:$updates,
                   DefaultValuedAttr<StrAttr, "\"none\"">:$reduction);
  let results = (outs Onnx_Tensor:$output);
  let hasVerifier = 1;
}

def Onnx_TensorScatterOp : Onnx_TensorOp<"TensorScatter"> {
  let summary = "writes update into a copy of past_cache at write_indices along axis";
  let arguments = (ins Onnx_Tensor:$past_cache, Onnx_Tensor:$update,
                   Onnx_TensorOrNone:$write_indices,
                   DefaultValuedAttr<Onnx_I64Attr, "-2">:$axis,
                   DefaultValuedAttr<StrAttr, "\"linear\"">:$mode);
  let results = (outs Onnx_Tensor:$present_cache);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Layout
//===----------------------------------------------------------------------===//

def Onnx_DepthToSpaceOp : Onnx_TensorOp<"DepthToSpace"> {
  let arguments = (ins Onnx_Tensor:$input, Onnx_I64Attr:$blocksize,
                   DefaultValuedAttr<StrAttr, "\"DCR\"">:$mode);
  let results = (outs Onnx_Tensor:$output);
  let hasVerifier = 1;
}

def Onnx_SpaceToDepthOp : Onnx_TensorOp<"SpaceToDepth"> {
  let arguments = (ins Onnx_Tensor:$input, Onnx_I64Attr:$blocksize,
                   DefaultValuedAttr<StrAttr, "\"DCR\"">:$mode);
  let results = (outs Onnx_Tensor:$output);
  let hasVerifier = 1;
}

def Onnx_ReverseSequenceOp : Onnx_TensorOp<"ReverseSequence"> {
  let arguments = (ins Onnx_Tensor:$input, Onnx_Tensor:$sequence_lens,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$batch_axis,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$time_axis);
  let results = (outs Onnx_Tensor:$Y);
  let hasVerifier = 1;
}

def Onnx_CenterCropPadOp : Onnx_TensorOp<"CenterCropPad"> {
  let arguments = (ins Onnx_Tensor:$input_data, Onnx_Tensor:$shape,
                   OptionalAttr<DenseI64ArrayAttr>:$axes);
  let results = (outs Onnx_Tensor:$output_data);
}

//===----------------------------------------------------------------------===//
// Sorting and selection; outputs whose size is only known at run time
//===----------------------------------------------------------------------===//

def Onnx_TopKOp : Onnx_TensorOp<"TopK"> {
  let arguments = (ins Onnx_Tensor:$X, Onnx_Tensor:$K,
                   DefaultValuedAttr<Onnx_I64Attr, "-1">:$axis,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$largest,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$sorted);
  let results = (outs Onnx_Tensor:$Values, Onnx_Tensor:$Indices);
}

def Onnx_CompressOp : Onnx_TensorOp<"Compress"> {
  let arguments = (ins Onnx_Tensor:$input, Onnx_Tensor:$condition,
                   OptionalAttr<Onnx_I64Attr>:$axis);
  let results = (outs Onnx_Tensor:$output);
}

def Onnx_NonZeroOp : Onnx_TensorOp<"NonZero"> {
  let arguments = (ins Onnx_Tensor:$X);
  let results = (outs Onnx_Tensor:$Y);
}

def Onnx_NonMaxSuppressionOp : Onnx_TensorOp<"NonMaxSuppression"> {
  let summary = "greedy selection of boxes by score, suppressing overlaps";
  let arguments = (ins Onnx_Tensor:$boxes, Onnx_Tensor:$scores,
                   Onnx_TensorOrNone:$max_output_boxes_per_class,
                   Onnx_TensorOrNone:$iou_threshold,
                   Onnx_TensorOrNone:$score_threshold,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$center_point_box);
  let results = (outs Onnx_Tensor:$selected_indices);
  let hasVerifier = 1;
}

def Onnx_UniqueOp : Onnx_TensorOp<"Unique"> {
  let arguments = (ins Onnx_Tensor:$X, OptionalAttr<Onnx_I64Attr>:$axis,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$sorted);
  let results = (outs Onnx_Tensor:$Y, Onnx_TensorOrNone:$indices,
                 Onnx_TensorOrNone:$inverse_indices,
                 Onnx_TensorOrNone:$counts);
}

//===----------------------------------------------------------------------===//
// Resampling
//===----------------------------------------------------------------------===//

def Onnx_ResizeOp : Onnx_TensorOp<"Resize"> {
  let summary = "nearest, linear or cubic resampling of the input";
  let arguments = (ins Onnx_Tensor:$X, Onnx_TensorOrNone:$roi,
                   Onnx_TensorOrNone:$scales, Onnx_TensorOrNone:$sizes,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$antialias,
                   OptionalAttr<DenseI64ArrayAttr>:$axes,
                   DefaultValuedAttr<StrAttr, "\"half_pixel\"">:$coordinate_transformation_mode,
                   DefaultValuedAttr<F32Attr, "-0.75">:$cubic_coeff_a,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$exclude_outside,
                   DefaultValuedAttr<F32Attr, "0.0">:$extrapolation_value,
                   DefaultValuedAttr<StrAttr, "\"stretch\"">:$keep_aspect_ratio_policy,
                   DefaultValuedAttr<StrAttr, "\"nearest\"">:$mode,
                   DefaultValuedAttr<StrAttr, "\"round_prefer_floor\"">:$nearest_mode);
  let results = (outs Onnx_Tensor:$Y);
  let hasVerifier = 1;
}

def Onnx_UpsampleOp : Onnx_TensorOp<"Upsample"> {
  let summary = "Resize with asymmetric coordinates (deprecated since opset 10)";
  let arguments = (ins Onnx_Tensor:$X, Onnx_Tensor:$scales,
                   DefaultValuedAttr<StrAttr, "\"nearest\"">:$mode);
  let results = (outs Onnx_Tensor:$Y);
  let hasVerifier = 1;
}

def Onnx_GridSampleOp : Onnx_TensorOp<"GridSample"> {
  let arguments = (ins Onnx_Tensor:$X, Onnx_Tensor:$grid,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$align_corners,
                   DefaultValuedAttr<StrAttr, "\"linear\"">:$mode,
                   DefaultValuedAttr<StrAttr, "\"zeros\"">:$padding_mode);
  let results = (outs Onnx_Tensor:$Y);
  let hasVerifier = 1;
}

def Onnx_RoiAlignOp : Onnx_TensorOp<"RoiAlign"> {
  let summary = "average or max pooling of bilinear samples in regions of interest";
  let arguments = (ins Onnx_Tensor:$X, Onnx_Tensor:$rois,
                   Onnx_Tensor:$batch_indices,
                   DefaultValuedAttr<StrAttr, "\"half_pixel\"">:$coordinate_transformation_mode,
                   DefaultValuedAttr<StrAttr, "\"avg\"">:$mode,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$output_height,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$output_width,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$sampling_ratio,
                   DefaultValuedAttr<F32Attr, "1.0">:$spatial_scale);
  let results = (outs Onnx_Tensor:$Y);
  let hasVerifier = 1;
}

def Onnx_MaxUnpoolOp : Onnx_TensorOp<"MaxUnpool"> {
  let summary = "scatters pooled values back to the positions MaxPool found";
  let arguments = (ins Onnx_Tensor:$X, Onnx_Tensor:$I,
                   Onnx_TensorOrNone:$output_shape,
                   DenseI64ArrayAttr:$kernel_shape,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$pads,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$strides);
  let results = (outs Onnx_Tensor:$output);
}

def Onnx_DeformConvOp : Onnx_TensorOp<"DeformConv"> {
  let summary = "2-D convolution sampling the input at learned offsets";
  let arguments = (ins Onnx_Tensor:$X, Onnx_Tensor:$W, Onnx_Tensor:$offset,
                   Onnx_TensorOrNone:$B, Onnx_TensorOrNone:$mask,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$dilations,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$group,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$kernel_shape,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$offset_group,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$pads,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$strides);
  let results = (outs Onnx_Tensor:$Y);
  let hasVerifier = 1;
}

def Onnx_AffineGridOp : Onnx_TensorOp<"AffineGrid"> {
  let arguments = (ins Onnx_Tensor:$theta, Onnx_Tensor:$size,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$align_corners);
  let results = (outs Onnx_Tensor:$grid);
}

def Onnx_Col2ImOp : Onnx_TensorOp<"Col2Im"> {
  let arguments = (ins Onnx_Tensor:$input, Onnx_Tensor:$image_shape,
                   Onnx_Tensor:$block_shape,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$dilations,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$pads,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$strides);
  let results = (outs Onnx_Tensor:$output);
}

//===----------------------------------------------------------------------===//
// Normalization, pooling and contraction
//===----------------------------------------------------------------------===//

def Onnx_LpNormalizationOp : Onnx_TensorOp<"LpNormalization"> {
  let arguments = (ins Onnx_Tensor:$input,
                   DefaultValuedAttr<Onnx_I64Attr, "-1">:$axis,
                   DefaultValuedAttr<Onnx_I64Attr, "2">:$p);
  let results = (outs Onnx_Tensor:$output);
  let hasVerifier = 1;
}

def Onnx_MeanVarianceNormalizationOp : Onnx_TensorOp<"MeanVarianceNormalization"> {
  let arguments = (ins Onnx_Tensor:$X,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{0, 2, 3}">:$axes);
  let results = (outs Onnx_Tensor:$Y);
}

def Onnx_InstanceNormalizationOp : Onnx_TensorOp<"InstanceNormalization"> {
  let arguments = (ins Onnx_Tensor:$input, Onnx_Tensor:$scale, Onnx_Tensor:$B,
                   DefaultValuedAttr<F32Attr, "1e-05">:$epsilon);
  let results = (outs Onnx_Tensor:$output);
}

def Onnx_GroupNormalizationOp : Onnx_TensorOp<"GroupNormalization"> {
  let arguments = (ins Onnx_Tensor:$X, Onnx_Tensor:$scale, Onnx_Tensor:$bias,
                   DefaultValuedAttr<F32Attr, "1e-05">:$epsilon,
                   Onnx_I64Attr:$num_groups,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$stash_type);
  let results = (outs Onnx_Tensor:$Y);
  let hasVerifier = 1;
}

def Onnx_LRNOp : Onnx_TensorOp<"LRN"> {
  let arguments = (ins Onnx_Tensor:$X,
                   DefaultValuedAttr<F32Attr, "0.0001">:$alpha,
                   DefaultValuedAttr<F32Attr, "0.75">:$beta,
                   DefaultValuedAttr<F32Attr, "1.0">:$bias,
                   Onnx_I64Attr:$size);
  let results = (outs Onnx_Tensor:$Y);
  let hasVerifier = 1;
}

def Onnx_LpPoolOp : Onnx_TensorOp<"LpPool"> {
  let arguments = (ins Onnx_Tensor:$X,
                   DefaultValuedAttr<StrAttr, "\"NOTSET\"">:$auto_pad,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$ceil_mode,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$dilations,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$kernel_shape,
                   DefaultValuedAttr<Onnx_I64Attr, "2">:$p,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$pads,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$strides);
  let results = (outs Onnx_Tensor:$Y);
  let hasVerifier = 1;
}

def Onnx_GlobalLpPoolOp : Onnx_TensorOp<"GlobalLpPool"> {
  let arguments = (ins Onnx_Tensor:$X, DefaultValuedAttr<Onnx_I64Attr, "2">:$p);
  let results = (outs Onnx_Tensor:$Y);
}

def Onnx_EinsumOp : Onnx_TensorOp<"Einsum"> {
  let summary = "Einstein summation over the inputs";
  let arguments = (ins Variadic<Onnx_Tensor>:$Inputs, StrAttr:$equation);
  let results = (outs Onnx_Tensor:$Output);
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// Labels of the dims of each input and of the output: letters are their
    /// character codes, the dims an ellipsis stands for are kEllipsisLabel +
    /// their position, aligned at the right across the inputs. Needs ranked
    /// inputs; emits an error on a malformed equation.
    ::llvm::LogicalResult parseEquation(
        ::llvm::SmallVectorImpl<::llvm::SmallVector<int64_t>> &inputLabels,
        ::llvm::SmallVectorImpl<int64_t> &outputLabels);
    static constexpr int64_t kEllipsisLabel = 1000;
  }];
}

def Onnx_DetOp : Onnx_TensorOp<"Det"> {
  let arguments = (ins Onnx_Tensor:$X);
  let results = (outs Onnx_Tensor:$Y);
}

//===----------------------------------------------------------------------===//
// Signal windows
//===----------------------------------------------------------------------===//

class Onnx_WindowOp<string mnemonic> : Onnx_TensorOp<mnemonic> {
  let arguments = (ins Onnx_Tensor:$size,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$output_datatype,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$periodic);
  let results = (outs Onnx_Tensor:$output);
  let hasVerifier = 1;
}
def Onnx_HannWindowOp : Onnx_WindowOp<"HannWindow">;
def Onnx_HammingWindowOp : Onnx_WindowOp<"HammingWindow">;
def Onnx_BlackmanWindowOp : Onnx_WindowOp<"BlackmanWindow">;

def Onnx_DFTOp : Onnx_TensorOp<"DFT"> {
  let summary = "discrete Fourier transform along one axis";
  let description = [{
    The axis is the third input (opset 20) or the `axis` attribute (opset
    17-19); without either it is -2 (1 for models of opset 17-19).
  }];
  let arguments = (ins Onnx_Tensor:$input, Onnx_TensorOrNone:$dft_length,
                   Onnx_TensorOrNone:$axis_input,
                   OptionalAttr<Onnx_I64Attr>:$axis,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$inverse,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$onesided);
  let results = (outs Onnx_Tensor:$output);
  let extraClassDeclaration = [{
    /// The axis when it is known at compile time (normalized to
    /// [0, rank - 2]), or nullopt.
    std::optional<int64_t> getStaticAxis();
  }];
}

def Onnx_STFTOp : Onnx_TensorOp<"STFT"> {
  let summary = "short-time Fourier transform of framed, windowed signals";
  let arguments = (ins Onnx_Tensor:$signal, Onnx_Tensor:$frame_step,
                   Onnx_TensorOrNone:$window, Onnx_TensorOrNone:$frame_length,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$onesided);
  let results = (outs Onnx_Tensor:$output);
}

def Onnx_MelWeightMatrixOp : Onnx_TensorOp<"MelWeightMatrix"> {
  let arguments = (ins Onnx_Tensor:$num_mel_bins, Onnx_Tensor:$dft_length,
                   Onnx_Tensor:$sample_rate, Onnx_Tensor:$lower_edge_hertz,
                   Onnx_Tensor:$upper_edge_hertz,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$output_datatype);
  let results = (outs Onnx_Tensor:$output);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Random ops
//===----------------------------------------------------------------------===//

def Onnx_RandomUniformLikeOp : Onnx_TensorOp<"RandomUniformLike"> {
  let summary = "uniform random values in [low, high) shaped like the input";
  let description = [{
    The values come from a counter-based hash of the seed (without `seed`,
    of the node name) and the element's position: the same in every run and
    from every thread.
  }];
  let arguments = (ins Onnx_Tensor:$input, OptionalAttr<Onnx_I64Attr>:$dtype,
                   DefaultValuedAttr<F32Attr, "1.0">:$high,
                   DefaultValuedAttr<F32Attr, "0.0">:$low,
                   OptionalAttr<F32Attr>:$seed);
  let results = (outs Onnx_Tensor:$output);
  let hasVerifier = 1;
}

def Onnx_BernoulliOp : Onnx_TensorOp<"Bernoulli"> {
  let summary = "1 with the probability given by each input element, else 0";
  let description = [{
    The uniform draws are those of RandomUniformLike (a counter-based hash of
    the seed or the node name and the element's position).
  }];
  let arguments = (ins Onnx_Tensor:$input, OptionalAttr<Onnx_I64Attr>:$dtype,
                   OptionalAttr<F32Attr>:$seed);
  let results = (outs Onnx_Tensor:$output);
  let hasVerifier = 1;
}

#endif // ONNXC_DIALECT_ONNX_ONNXTENSOROPS_TD
