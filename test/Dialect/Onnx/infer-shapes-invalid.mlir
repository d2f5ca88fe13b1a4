// RUN: onnx-opt %s -split-input-file --onnx-infer-shapes -verify-diagnostics

// Operands that shape inference finds inconsistent: an error on the op.

func.func @broadcast_mismatch(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{operands cannot be broadcast: dimension 1 is 3 and 4}}
  %0 = onnx.Add %a, %b : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @broadcast_mismatch_leading(%a: tensor<5x1x3xf32>, %b: tensor<4x2x1xf32>) -> tensor<*xi1> {
  // expected-error @+1 {{operands cannot be broadcast: dimension 0 is 5 and 4}}
  %0 = onnx.Greater %a, %b : (tensor<5x1x3xf32>, tensor<4x2x1xf32>) -> tensor<*xi1>
  return %0 : tensor<*xi1>
}

// -----

func.func @element_type_mismatch(%a: tensor<2xf32>, %b: tensor<2xi32>) -> tensor<*xf32> {
  // expected-error @+1 {{operands have different element types: 'f32' and 'i32'}}
  %0 = onnx.Mul %a, %b : (tensor<2xf32>, tensor<2xi32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// A declared static result type that disagrees with inference.
func.func @result_type_conflict(%a: tensor<2x3xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{result #0 has shape 'tensor<2x4xf32>', inferred 'tensor<2x3xf32>'}}
  %0 = onnx.Relu %a : (tensor<2x3xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @result_rank_conflict(%a: tensor<2x3xf32>) -> tensor<6xf32> {
  // expected-error @+1 {{result #0 has rank 1, inferred rank 2}}
  %0 = onnx.Relu %a : (tensor<2x3xf32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @conv_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<8x4x3x3xf32>, %b: none) -> tensor<*xf32> {
  // expected-error @+1 {{input has 3 channels, weight expects 4 x group 1}}
  %0 = onnx.Conv %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<8x4x3x3xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @conv_group_channels(%x: tensor<1x8x8x8xf32>, %w: tensor<6x2x3x3xf32>, %b: none) -> tensor<*xf32> {
  // expected-error @+1 {{weight has 6 output channels, not a multiple of group 4}}
  %0 = onnx.Conv %x, %w, %b {group = 4 : i64} : (tensor<1x8x8x8xf32>, tensor<6x2x3x3xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @conv_weight_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<8x3x3xf32>, %b: none) -> tensor<*xf32> {
  // expected-error @+1 {{weight W has rank 3, input X has rank 4}}
  %0 = onnx.Conv %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<8x3x3xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @conv_bias(%x: tensor<1x3x8x8xf32>, %w: tensor<8x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{bias must have shape [8]}}
  %0 = onnx.Conv %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<8x3x3x3xf32>, tensor<4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @conv_kernel_shape(%x: tensor<1x3x8x8xf32>, %w: tensor<8x3x3x3xf32>, %b: none) -> tensor<*xf32> {
  // expected-error @+1 {{kernel_shape does not match the weight's spatial dims}}
  %0 = onnx.Conv %x, %w, %b {kernel_shape = array<i64: 3, 5>} : (tensor<1x3x8x8xf32>, tensor<8x3x3x3xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @conv_kernel_too_big(%x: tensor<1x3x2x8xf32>, %w: tensor<8x3x3x3xf32>, %b: none) -> tensor<*xf32> {
  // expected-error @+1 {{kernel does not fit spatial dimension 0 of size 2}}
  %0 = onnx.Conv %x, %w, %b : (tensor<1x3x2x8xf32>, tensor<8x3x3x3xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @conv_strides_length(%x: tensor<1x3x8x8xf32>, %w: tensor<8x3x3x3xf32>, %b: none) -> tensor<*xf32> {
  // expected-error @+1 {{strides has 3 values, expected 2}}
  %0 = onnx.Conv %x, %w, %b {strides = array<i64: 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<8x3x3x3xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// SAME_* padding depends on the input size.
func.func @conv_same_dynamic(%x: tensor<1x3x?x8xf32>, %w: tensor<8x3x3x3xf32>, %b: none) -> tensor<*xf32> {
  // expected-error @+1 {{auto_pad SAME_UPPER needs static spatial dims; dimension 2 is dynamic (give it with --input-shape)}}
  %0 = onnx.Conv %x, %w, %b {auto_pad = "SAME_UPPER"} : (tensor<1x3x?x8xf32>, tensor<8x3x3x3xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @pool_kernel_rank(%x: tensor<1x3x8x8xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{kernel_shape has 1 dims, input has 2 spatial dims (rank 4)}}
  %0 = onnx.AveragePool %x {kernel_shape = array<i64: 2>} : (tensor<1x3x8x8xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @pool_input_rank(%x: tensor<3x8xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{input must have rank 3 or more, got rank 2}}
  %0:2 = onnx.MaxPool %x {kernel_shape = array<i64: 2>} : (tensor<3x8xf32>) -> (tensor<*xf32>, none)
  return %0#0 : tensor<*xf32>
}

// -----

func.func @pool_kernel_too_big(%x: tensor<1x3x4x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{kernel of size 5 does not fit spatial dimension 0 of size 4}}
  %0:2 = onnx.MaxPool %x {kernel_shape = array<i64: 5, 1>} : (tensor<1x3x4x4xf32>) -> (tensor<*xf32>, none)
  return %0#0 : tensor<*xf32>
}

// -----

func.func @matmul_inner(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{inner dimensions differ: 3 and 4}}
  %0 = onnx.MatMul %a, %b : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @matmul_vector_inner(%a: tensor<3xf32>, %b: tensor<4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{inner dimensions differ: 3 and 4}}
  %0 = onnx.MatMul %a, %b : (tensor<3xf32>, tensor<4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @matmul_batch(%a: tensor<2x4x3xf32>, %b: tensor<5x3x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{operands cannot be broadcast: dimension 0 is 2 and 5}}
  %0 = onnx.MatMul %a, %b : (tensor<2x4x3xf32>, tensor<5x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @matmul_scalar(%a: tensor<f32>, %b: tensor<3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{operands must have rank 1 or more}}
  %0 = onnx.MatMul %a, %b : (tensor<f32>, tensor<3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @gemm_inner(%a: tensor<4x3xf32>, %b: tensor<4x5xf32>, %c: none) -> tensor<*xf32> {
  // expected-error @+1 {{inner dimensions differ: op(A) is 4x3, op(B) is 4x5}}
  %0 = onnx.Gemm %a, %b, %c : (tensor<4x3xf32>, tensor<4x5xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @gemm_rank(%a: tensor<2x4x3xf32>, %b: tensor<3x5xf32>, %c: none) -> tensor<*xf32> {
  // expected-error @+1 {{A and B must be 2-D, got ranks 3 and 2}}
  %0 = onnx.Gemm %a, %b, %c : (tensor<2x4x3xf32>, tensor<3x5xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @reshape_count(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %shape = onnx.Constant dense<[5, 5]> : tensor<2xi64>
  // expected-error @+1 {{cannot reshape 24 elements into 25 elements}}
  %0 = onnx.Reshape %x, %shape : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @reshape_count_inferred(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %shape = onnx.Constant dense<[5, -1]> : tensor<2xi64>
  // expected-error @+1 {{cannot reshape 24 elements into a shape with 5 elements and a -1}}
  %0 = onnx.Reshape %x, %shape : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @reshape_two_inferred(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %shape = onnx.Constant dense<[-1, 4, -1]> : tensor<3xi64>
  // expected-error @+1 {{shape has more than one -1}}
  %0 = onnx.Reshape %x, %shape : (tensor<2x3x4xf32>, tensor<3xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @reshape_negative(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %shape = onnx.Constant dense<[-2, 12]> : tensor<2xi64>
  // expected-error @+1 {{shape value -2 is invalid}}
  %0 = onnx.Reshape %x, %shape : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @reshape_zero_past_rank(%x: tensor<24xf32>) -> tensor<*xf32> {
  %shape = onnx.Constant dense<[24, 0]> : tensor<2xi64>
  // expected-error @+1 {{shape has 0 at index 1 but the input has rank 1}}
  %0 = onnx.Reshape %x, %shape : (tensor<24xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @softmax_axis(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{axis 3 is out of range for rank 3}}
  %0 = onnx.Softmax %x {axis = 3 : i64} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @concat_axis(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{axis -3 is out of range for rank 2}}
  %0 = onnx.Concat %x, %x {axis = -3 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @concat_dims(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{inputs differ in dimension 0: 2 and 4}}
  %0 = onnx.Concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @concat_ranks(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{inputs have different ranks}}
  %0 = onnx.Concat %a, %b {axis = 0 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @gather_axis(%x: tensor<5x4xf32>, %i: tensor<2xi64>) -> tensor<*xf32> {
  // expected-error @+1 {{axis 2 is out of range for rank 2}}
  %0 = onnx.Gather %x, %i {axis = 2 : i64} : (tensor<5x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @gather_index(%x: tensor<5x4xf32>) -> tensor<*xf32> {
  %i = onnx.Constant dense<[0, 5]> : tensor<2xi64>
  // expected-error @+1 {{index 5 is out of range for axis 0 of size 5}}
  %0 = onnx.Gather %x, %i : (tensor<5x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @gather_negative_index(%x: tensor<5x4xf32>) -> tensor<*xf32> {
  %i = onnx.Constant dense<-5> : tensor<i64>
  // expected-error @+1 {{index -5 is out of range for axis 1 of size 4}}
  %0 = onnx.Gather %x, %i {axis = 1 : i64} : (tensor<5x4xf32>, tensor<i64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @split_sum(%x: tensor<4x6xf32>) -> tensor<*xf32> {
  %split = onnx.Constant dense<[2, 3]> : tensor<2xi64>
  // expected-error @+1 {{split values sum to 5, dimension 1 has size 6}}
  %0:2 = onnx.Split %x, %split {axis = 1 : i64} : (tensor<4x6xf32>, tensor<2xi64>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0 : tensor<*xf32>
}

// -----

func.func @split_count(%x: tensor<4x6xf32>) -> tensor<*xf32> {
  %split = onnx.Constant dense<[2, 2, 2]> : tensor<3xi64>
  // expected-error @+1 {{split has 3 values for 2 outputs}}
  %0:2 = onnx.Split %x, %split {axis = 1 : i64} : (tensor<4x6xf32>, tensor<3xi64>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0 : tensor<*xf32>
}

// -----

func.func @split_num_outputs(%x: tensor<4x6xf32>, %none: none) -> tensor<*xf32> {
  // expected-error @+1 {{num_outputs is 3 but the node has 2 outputs}}
  %0:2 = onnx.Split %x, %none {num_outputs = 3 : i64} : (tensor<4x6xf32>, none) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0 : tensor<*xf32>
}

// -----

func.func @split_axis(%x: tensor<4x6xf32>, %none: none) -> tensor<*xf32> {
  // expected-error @+1 {{axis 2 is out of range for rank 2}}
  %0:2 = onnx.Split %x, %none {axis = 2 : i64} : (tensor<4x6xf32>, none) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0 : tensor<*xf32>
}

// -----

func.func @squeeze_not_one(%x: tensor<2x1xf32>) -> tensor<*xf32> {
  %axes = onnx.Constant dense<0> : tensor<1xi64>
  // expected-error @+1 {{cannot squeeze axis 0 of size 2}}
  %0 = onnx.Squeeze %x, %axes : (tensor<2x1xf32>, tensor<1xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @unsqueeze_duplicate(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %axes = onnx.Constant dense<[0, -4]> : tensor<2xi64>
  // expected-error @+1 {{axes has duplicate value -4}}
  %0 = onnx.Unsqueeze %x, %axes : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @unsqueeze_axis(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %axes = onnx.Constant dense<3> : tensor<1xi64>
  // expected-error @+1 {{axis 3 is out of range for rank 3}}
  %0 = onnx.Unsqueeze %x, %axes : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @transpose_perm(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{perm is not a permutation of 0..1}}
  %0 = onnx.Transpose %x {perm = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @transpose_perm_length(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{perm has 3 values, input has rank 2}}
  %0 = onnx.Transpose %x {perm = array<i64: 0, 1, 2>} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @slice_zero_step(%x: tensor<10xf32>) -> tensor<*xf32> {
  %c0 = onnx.Constant dense<0> : tensor<1xi64>
  %c5 = onnx.Constant dense<5> : tensor<1xi64>
  %axes = onnx.Constant dense<0> : tensor<1xi64>
  // expected-error @+1 {{steps must not be 0}}
  %0 = onnx.Slice %x, %c0, %c5, %axes, %c0 : (tensor<10xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @slice_lengths(%x: tensor<10x4xf32>, %none: none) -> tensor<*xf32> {
  %starts = onnx.Constant dense<[0, 0]> : tensor<2xi64>
  %ends = onnx.Constant dense<5> : tensor<1xi64>
  %axes = onnx.Constant dense<0> : tensor<1xi64>
  // expected-error @+1 {{starts, ends, axes and steps must have the same length}}
  %0 = onnx.Slice %x, %starts, %ends, %axes, %none : (tensor<10x4xf32>, tensor<2xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @expand_mismatch(%x: tensor<3x2xf32>) -> tensor<*xf32> {
  %shape = onnx.Constant dense<[3, 4]> : tensor<2xi64>
  // expected-error @+1 {{operands cannot be broadcast: dimension 1 is 2 and 4}}
  %0 = onnx.Expand %x, %shape : (tensor<3x2xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @pad_count(%x: tensor<3x4xf32>, %none: none) -> tensor<*xf32> {
  %pads = onnx.Constant dense<[1, 1]> : tensor<2xi64>
  // expected-error @+1 {{pads has 2 values, expected 4}}
  %0 = onnx.Pad %x, %pads, %none, %none : (tensor<3x4xf32>, tensor<2xi64>, none, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @pad_negative_size(%x: tensor<3x4xf32>, %none: none) -> tensor<*xf32> {
  %pads = onnx.Constant dense<[0, -3, 0, -2]> : tensor<4xi64>
  // expected-error @+1 {{pads make dimension 1 negative}}
  %0 = onnx.Pad %x, %pads, %none, %none : (tensor<3x4xf32>, tensor<4xi64>, none, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @tile_count(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %repeats = onnx.Constant dense<2> : tensor<1xi64>
  // expected-error @+1 {{repeats has 1 values, input has rank 2}}
  %0 = onnx.Tile %x, %repeats : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @tile_negative(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %repeats = onnx.Constant dense<[1, -1]> : tensor<2xi64>
  // expected-error @+1 {{repeats must not be negative}}
  %0 = onnx.Tile %x, %repeats : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @constant_of_shape_negative() -> tensor<*xf32> {
  %shape = onnx.Constant dense<[2, -1]> : tensor<2xi64>
  // expected-error @+1 {{shape value -1 is negative}}
  %0 = onnx.ConstantOfShape %shape : (tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @constant_of_shape_value(%shape: tensor<2xi64>) -> tensor<*xf32> {
  // expected-error @+1 {{value must have exactly one element}}
  %0 = onnx.ConstantOfShape %shape {value = dense<[1.0, 2.0]> : tensor<2xf32>} : (tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @range_zero_delta() -> tensor<*xi64> {
  %start = onnx.Constant dense<0> : tensor<i64>
  %limit = onnx.Constant dense<10> : tensor<i64>
  %delta = onnx.Constant dense<0> : tensor<i64>
  // expected-error @+1 {{delta must not be 0}}
  %0 = onnx.Range %start, %limit, %delta : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<*xi64>
  return %0 : tensor<*xi64>
}

// -----

func.func @where_types(%c: tensor<2xi1>, %x: tensor<2xf32>, %y: tensor<2xf16>) -> tensor<*xf32> {
  // expected-error @+1 {{X and Y have different element types: 'f32' and 'f16'}}
  %0 = onnx.Where %c, %x, %y : (tensor<2xi1>, tensor<2xf32>, tensor<2xf16>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @batchnorm_channels(%x: tensor<2x3x4xf32>, %s: tensor<4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{scale, B, mean and var must have shape [C] with C = 3}}
  %0:3 = onnx.BatchNormalization %x, %s, %s, %s, %s
      : (tensor<2x3x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<*xf32>, none, none)
  return %0#0 : tensor<*xf32>
}

// -----

func.func @if_cond_size(%c: tensor<2xi1>, %x: tensor<2xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{cond must have exactly one element}}
  %0 = onnx.If %c : tensor<2xi1> -> tensor<*xf32> then {
    onnx.Yield %x : tensor<2xf32>
  } else {
    onnx.Yield %x : tensor<2xf32>
  }
  return %0 : tensor<*xf32>
}

// -----

func.func @if_branch_types(%c: tensor<i1>, %x: tensor<2xf32>, %y: tensor<2xi32>) -> tensor<*xf32> {
  // expected-error @+1 {{branches give output 0 different element types: 'f32' and 'i32'}}
  %0 = onnx.If %c : tensor<i1> -> tensor<*xf32> then {
    onnx.Yield %x : tensor<2xf32>
  } else {
    onnx.Yield %y : tensor<2xi32>
  }
  return %0 : tensor<*xf32>
}

// -----

// Errors inside a branch are reported there.
func.func @if_branch_error(%c: tensor<i1>, %x: tensor<2xf32>, %y: tensor<3xf32>) -> tensor<*xf32> {
  %0 = onnx.If %c : tensor<i1> -> tensor<*xf32> then {
    // expected-error @+1 {{operands cannot be broadcast: dimension 0 is 2 and 3}}
    %s = onnx.Add %x, %y : (tensor<2xf32>, tensor<3xf32>) -> tensor<*xf32>
    onnx.Yield %s : tensor<*xf32>
  } else {
    onnx.Yield %x : tensor<2xf32>
  }
  return %0 : tensor<*xf32>
}

// -----

// Axes known at run time: more of them than the input has dims.
func.func @squeeze_runtime_axes_too_many(%x: tensor<3x4xf32>, %a: tensor<3xi64>) -> tensor<*xf32> {
  // expected-error @+1 {{axes has 3 values, input has rank 2}}
  %0 = onnx.Squeeze %x, %a : (tensor<3x4xf32>, tensor<3xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @unsqueeze_runtime_axes_too_many(%x: tensor<3x4xf32>, %a: tensor<100xi64>) -> tensor<*xf32> {
  // expected-error @+1 {{the shape has 102 values; tensors of more than}}
  %0 = onnx.Unsqueeze %x, %a : (tensor<3x4xf32>, tensor<100xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
