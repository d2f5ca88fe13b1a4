// RUN: onnx-opt %s -split-input-file --onnx-infer-shapes -verify-diagnostics

// Verifier and shape-inference errors of the ops of OnnxTensorOps.td, one
// per split.

func.func @bitshift_direction(%a: tensor<2xui8>, %b: tensor<2xui8>) {
  // expected-error @+1 {{'onnx.BitShift' op direction "UP" is not one of LEFT, RIGHT}}
  %0 = onnx.BitShift %a, %b {direction = "UP"} : (tensor<2xui8>, tensor<2xui8>) -> tensor<*xui8>
  return
}

// -----

func.func @eyelike_dtype(%x: tensor<2x2xf32>) {
  // expected-error @+1 {{'onnx.EyeLike' op dtype 8 is not a supported data type}}
  %0 = onnx.EyeLike %x {dtype = 8 : i64} : (tensor<2x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @eyelike_rank(%x: tensor<2x2x2xf32>) {
  // expected-error @+1 {{input must have rank 2, got rank 3}}
  %0 = onnx.EyeLike %x : (tensor<2x2x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @trilu_rank(%x: tensor<4xf32>, %none: none) {
  // expected-error @+1 {{input must have rank 2 or more, got rank 1}}
  %0 = onnx.Trilu %x, %none : (tensor<4xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @hardmax_axis(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{axis 2 is out of range for rank 2}}
  %0 = onnx.Hardmax %x {axis = 2 : i64} : (tensor<2x3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @one_hot_depth(%i: tensor<3xi64>, %v: tensor<2xf32>) {
  %d = onnx.Constant dense<0> : tensor<i64>
  // expected-error @+1 {{depth must be positive, got 0}}
  %0 = onnx.OneHot %i, %d, %v : (tensor<3xi64>, tensor<i64>, tensor<2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @gather_elements_rank(%d: tensor<3x4xf32>, %i: tensor<2xi64>) {
  // expected-error @+1 {{indices have rank 1, data has rank 2}}
  %0 = onnx.GatherElements %d, %i : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @gather_nd_batch_dims(%d: tensor<3x4xf32>, %i: tensor<3x1xi64>) {
  // expected-error @+1 {{batch_dims 2 must be less than the ranks of data and indices}}
  %0 = onnx.GatherND %d, %i {batch_dims = 2 : i64} : (tensor<3x4xf32>, tensor<3x1xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @gather_nd_last_dim(%d: tensor<3x4xf32>, %i: tensor<2x3xi64>) {
  // expected-error @+1 {{the last dim of indices is 3, expected 1 to 2}}
  %0 = onnx.GatherND %d, %i : (tensor<3x4xf32>, tensor<2x3xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @scatter_elements_reduction(%d: tensor<3xf32>, %i: tensor<1xi64>, %u: tensor<1xf32>) {
  // expected-error @+1 {{'onnx.ScatterElements' op reduction "sum" is not one of none, add, mul, max, min}}
  %0 = onnx.ScatterElements %d, %i, %u {reduction = "sum"} : (tensor<3xf32>, tensor<1xi64>, tensor<1xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @scatter_elements_shapes(%d: tensor<3x3xf32>, %i: tensor<1x2xi64>, %u: tensor<1x3xf32>) {
  // expected-error @+1 {{indices and updates have different shapes}}
  %0 = onnx.ScatterElements %d, %i, %u : (tensor<3x3xf32>, tensor<1x2xi64>, tensor<1x3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @scatter_nd_reduction(%d: tensor<3xf32>, %i: tensor<1x1xi64>, %u: tensor<1xf32>) {
  // expected-error @+1 {{'onnx.ScatterND' op reduction "avg" is not one of none, add, mul, max, min}}
  %0 = onnx.ScatterND %d, %i, %u {reduction = "avg"} : (tensor<3xf32>, tensor<1x1xi64>, tensor<1xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @scatter_nd_last_dim(%d: tensor<3xf32>, %i: tensor<1x2xi64>, %u: tensor<1xf32>) {
  // expected-error @+1 {{the last dim of indices is 2, expected 1 to 1}}
  %0 = onnx.ScatterND %d, %i, %u : (tensor<3xf32>, tensor<1x2xi64>, tensor<1xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @depth_to_space_blocksize(%x: tensor<1x4x2x2xf32>) {
  // expected-error @+1 {{'onnx.DepthToSpace' op blocksize must be positive, got 0}}
  %0 = onnx.DepthToSpace %x {blocksize = 0 : i64} : (tensor<1x4x2x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @depth_to_space_mode(%x: tensor<1x4x2x2xf32>) {
  // expected-error @+1 {{'onnx.DepthToSpace' op mode "RCD" is not one of DCR, CRD}}
  %0 = onnx.DepthToSpace %x {blocksize = 2 : i64, mode = "RCD"} : (tensor<1x4x2x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @depth_to_space_channels(%x: tensor<1x6x2x2xf32>) {
  // expected-error @+1 {{channels 6 are not a multiple of blocksize^2 4}}
  %0 = onnx.DepthToSpace %x {blocksize = 2 : i64} : (tensor<1x6x2x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @space_to_depth_spatial(%x: tensor<1x1x3x4xf32>) {
  // expected-error @+1 {{spatial dimension 3 is not a multiple of blocksize 2}}
  %0 = onnx.SpaceToDepth %x {blocksize = 2 : i64} : (tensor<1x1x3x4xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @space_to_depth_rank(%x: tensor<1x4x4xf32>) {
  // expected-error @+1 {{input must have rank 4, got rank 3}}
  %0 = onnx.SpaceToDepth %x {blocksize = 2 : i64} : (tensor<1x4x4xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @reverse_sequence_axes(%x: tensor<2x2xf32>, %l: tensor<2xi64>) {
  // expected-error @+1 {{'onnx.ReverseSequence' op batch_axis and time_axis must be 0 and 1 in some order, got 1 and 1}}
  %0 = onnx.ReverseSequence %x, %l {time_axis = 1 : i64} : (tensor<2x2xf32>, tensor<2xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @center_crop_pad_count(%x: tensor<4x4xf32>) {
  %s = onnx.Constant dense<[2, 2, 2]> : tensor<3xi64>
  // expected-error @+1 {{shape has 3 values, 2 axes}}
  %0 = onnx.CenterCropPad %x, %s : (tensor<4x4xf32>, tensor<3xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @top_k_too_large(%x: tensor<3x4xf32>) {
  %k = onnx.Constant dense<5> : tensor<1xi64>
  // expected-error @+1 {{k 5 is out of range for axis 1 of size 4}}
  %0:2 = onnx.TopK %x, %k : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<*xf32>, tensor<*xi64>)
  return
}

// -----

func.func @resize_mode(%x: tensor<1x1x2x2xf32>, %s: tensor<4xf32>, %none: none) {
  // expected-error @+1 {{'onnx.Resize' op mode "area" is not one of nearest, linear, cubic}}
  %0 = onnx.Resize %x, %none, %s, %none {mode = "area"} : (tensor<1x1x2x2xf32>, none, tensor<4xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @resize_coordinate_mode(%x: tensor<1x1x2x2xf32>, %s: tensor<4xf32>, %none: none) {
  // expected-error @+1 {{'onnx.Resize' op coordinate_transformation_mode "tf_half_pixel" is not one of half_pixel, half_pixel_symmetric, pytorch_half_pixel, align_corners, asymmetric, tf_crop_and_resize, tf_half_pixel_for_nn}}
  %0 = onnx.Resize %x, %none, %s, %none {coordinate_transformation_mode = "tf_half_pixel"} : (tensor<1x1x2x2xf32>, none, tensor<4xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @resize_nearest_mode(%x: tensor<1x1x2x2xf32>, %s: tensor<4xf32>, %none: none) {
  // expected-error @+1 {{'onnx.Resize' op nearest_mode "round" is not one of round_prefer_floor, round_prefer_ceil, floor, ceil}}
  %0 = onnx.Resize %x, %none, %s, %none {nearest_mode = "round"} : (tensor<1x1x2x2xf32>, none, tensor<4xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @resize_policy(%x: tensor<1x1x2x2xf32>, %s: tensor<4xi64>, %none: none) {
  // expected-error @+1 {{'onnx.Resize' op keep_aspect_ratio_policy "fit" is not one of stretch, not_larger, not_smaller}}
  %0 = onnx.Resize %x, %none, %none, %s {keep_aspect_ratio_policy = "fit"} : (tensor<1x1x2x2xf32>, none, none, tensor<4xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @resize_antialias(%x: tensor<1x1x2x2xf32>, %s: tensor<4xf32>, %none: none) {
  // expected-error @+1 {{'onnx.Resize' op antialias must be 0 or 1, got 2}}
  %0 = onnx.Resize %x, %none, %s, %none {antialias = 2 : i64} : (tensor<1x1x2x2xf32>, none, tensor<4xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @resize_no_scales(%x: tensor<1x1x2x2xf32>, %none: none) {
  // expected-error @+1 {{'onnx.Resize' op needs scales or sizes}}
  %0 = onnx.Resize %x, %none, %none, %none : (tensor<1x1x2x2xf32>, none, none, none) -> tensor<*xf32>
  return
}

// -----

func.func @resize_axes_twice(%x: tensor<1x1x2x2xf32>, %s: tensor<2xf32>, %none: none) {
  // expected-error @+1 {{axes has 2 twice}}
  %0 = onnx.Resize %x, %none, %s, %none {axes = array<i64: 2, -2>} : (tensor<1x1x2x2xf32>, none, tensor<2xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @resize_scales_count(%x: tensor<1x1x2x2xf32>, %none: none) {
  %s = onnx.Constant dense<[2.0, 2.0]> : tensor<2xf32>
  // expected-error @+1 {{scales has 2 values, 4 axes}}
  %0 = onnx.Resize %x, %none, %s, %none : (tensor<1x1x2x2xf32>, none, tensor<2xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @resize_scales_negative(%x: tensor<1x1x2x2xf32>, %none: none) {
  %s = onnx.Constant dense<[1.0, 1.0, -2.0, 2.0]> : tensor<4xf32>
  // expected-error @+1 {{scales must be positive, got -2}}
  %0 = onnx.Resize %x, %none, %s, %none : (tensor<1x1x2x2xf32>, none, tensor<4xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @resize_sizes_count(%x: tensor<1x1x2x2xf32>, %none: none) {
  %s = onnx.Constant dense<[4, 4]> : tensor<2xi64>
  // expected-error @+1 {{sizes has 2 values, 4 axes}}
  %0 = onnx.Resize %x, %none, %none, %s : (tensor<1x1x2x2xf32>, none, none, tensor<2xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @upsample_mode(%x: tensor<1x1x2x2xf32>, %s: tensor<4xf32>) {
  // expected-error @+1 {{'onnx.Upsample' op mode "cubic" is not one of nearest, linear, bilinear}}
  %0 = onnx.Upsample %x, %s {mode = "cubic"} : (tensor<1x1x2x2xf32>, tensor<4xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @grid_sample_padding(%x: tensor<1x1x2x2xf32>, %g: tensor<1x2x2x2xf32>) {
  // expected-error @+1 {{'onnx.GridSample' op padding_mode "wrap" is not one of zeros, border, reflection}}
  %0 = onnx.GridSample %x, %g {padding_mode = "wrap"} : (tensor<1x1x2x2xf32>, tensor<1x2x2x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @grid_sample_grid(%x: tensor<1x1x2x2xf32>, %g: tensor<1x2x2x3xf32>) {
  // expected-error @+1 {{grid must have rank 4 and a last dim of 2}}
  %0 = onnx.GridSample %x, %g : (tensor<1x1x2x2xf32>, tensor<1x2x2x3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @affine_grid_size(%t: tensor<1x2x3xf32>, %s: tensor<3xi64>) {
  // expected-error @+1 {{size must have 4 or 5 values, got 3}}
  %0 = onnx.AffineGrid %t, %s : (tensor<1x2x3xf32>, tensor<3xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @col2im_block(%x: tensor<1x10x4xf32>, %i: tensor<2xi64>) {
  %b = onnx.Constant dense<[2, 2]> : tensor<2xi64>
  // expected-error @+1 {{input dim 1 (10) is not a multiple of the block size 4}}
  %0 = onnx.Col2Im %x, %i, %b : (tensor<1x10x4xf32>, tensor<2xi64>, tensor<2xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @lp_normalization_p(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'onnx.LpNormalization' op p must be 1 or 2, got 3}}
  %0 = onnx.LpNormalization %x {p = 3 : i64} : (tensor<2x3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @group_normalization_groups(%x: tensor<2x4x3xf32>, %s: tensor<4xf32>) {
  // expected-error @+1 {{'onnx.GroupNormalization' op num_groups must be positive, got 0}}
  %0 = onnx.GroupNormalization %x, %s, %s {num_groups = 0 : i64} : (tensor<2x4x3xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @group_normalization_channels(%x: tensor<2x4x3xf32>, %s: tensor<4xf32>) {
  // expected-error @+1 {{channels 4 are not a multiple of num_groups 3}}
  %0 = onnx.GroupNormalization %x, %s, %s {num_groups = 3 : i64} : (tensor<2x4x3xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @instance_normalization_rank(%x: tensor<2x4xf32>, %s: tensor<4xf32>) {
  // expected-error @+1 {{input must have rank 3 or more, got rank 2}}
  %0 = onnx.InstanceNormalization %x, %s, %s : (tensor<2x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @lrn_size(%x: tensor<1x4x3x3xf32>) {
  // expected-error @+1 {{'onnx.LRN' op size must be positive, got 0}}
  %0 = onnx.LRN %x {size = 0 : i64} : (tensor<1x4x3x3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @lp_pool_kernel(%x: tensor<1x4x3x3xf32>) {
  // expected-error @+1 {{'onnx.LpPool' op kernel_shape is required}}
  %0 = onnx.LpPool %x : (tensor<1x4x3x3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @lp_pool_too_large(%x: tensor<1x4x3x3xf32>) {
  // expected-error @+1 {{kernel of size 4 does not fit spatial dimension 0 of size 3}}
  %0 = onnx.LpPool %x {kernel_shape = array<i64: 4, 1>} : (tensor<1x4x3x3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @einsum_terms(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'onnx.Einsum' op equation has 2 input terms, the op has 1 inputs}}
  %0 = onnx.Einsum %x {equation = "ij,jk->ik"} : (tensor<2x3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @einsum_character(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'onnx.Einsum' op equation term "i1" has the invalid character '1'}}
  %0 = onnx.Einsum %x {equation = "i1->i"} : (tensor<2x3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @einsum_two_ellipses(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'onnx.Einsum' op equation term "......" has more than one ellipsis}}
  %0 = onnx.Einsum %x {equation = "......"} : (tensor<2x3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @einsum_unknown_output(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'onnx.Einsum' op output label 'k' is not in any input}}
  %0 = onnx.Einsum %x {equation = "ij->k"} : (tensor<2x3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @einsum_rank(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{equation term "ijk" has 3 labels, the input has rank 2}}
  %0 = onnx.Einsum %x {equation = "ijk->i"} : (tensor<2x3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @einsum_sizes(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) {
  // expected-error @+1 {{label j has sizes 3 and 4}}
  %0 = onnx.Einsum %a, %b {equation = "ij,jk->ik"} : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @det_square(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{input matrices must be square, got 2x3}}
  %0 = onnx.Det %x : (tensor<2x3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @window_datatype(%n: tensor<i64>) {
  // expected-error @+1 {{'onnx.HannWindow' op output_datatype 8 is not a supported data type}}
  %0 = onnx.HannWindow %n {output_datatype = 8 : i64} : (tensor<i64>) -> tensor<*xf32>
  return
}

// -----

func.func @window_negative(%x: tensor<2x3xf32>) {
  %n = onnx.Constant dense<-1> : tensor<i64>
  // expected-error @+1 {{size must not be negative, got -1}}
  %0 = onnx.HammingWindow %n : (tensor<i64>) -> tensor<*xf32>
  return
}

// -----

func.func @tensor_scatter_mode(%c: tensor<2x8x4xf32>, %u: tensor<2x2x4xf32>, %none: none) {
  // expected-error @+1 {{'onnx.TensorScatter' op mode "ring" is not one of linear, circular}}
  %0 = onnx.TensorScatter %c, %u, %none {mode = "ring"} : (tensor<2x8x4xf32>, tensor<2x2x4xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @tensor_scatter_update(%c: tensor<2x8x4xf32>, %u: tensor<2x9x4xf32>, %none: none) {
  // expected-error @+1 {{update dimension 1 is 9, past_cache's is 8}}
  %0 = onnx.TensorScatter %c, %u, %none : (tensor<2x8x4xf32>, tensor<2x9x4xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @bitcast_width(%x: tensor<2xf32>) {
  // expected-error @+1 {{cannot reinterpret 'f32' (32 bits) as 'i64' (64 bits)}}
  %0 = onnx.BitCast %x {to = 7 : i64} : (tensor<2xf32>) -> tensor<*xi64>
  return
}

// -----

func.func @bitcast_type(%x: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.BitCast' op to 8 is not a supported data type}}
  %0 = onnx.BitCast %x {to = 8 : i64} : (tensor<2xf32>) -> tensor<*xi64>
  return
}

// -----

func.func @dft_channels(%x: tensor<1x8x3xf32>, %none: none) {
  // expected-error @+1 {{input must have rank 2 or more and a last dim of 1 or 2}}
  %0 = onnx.DFT %x, %none, %none : (tensor<1x8x3xf32>, none, none) -> tensor<*xf32>
  return
}

// -----

func.func @stft_rank(%x: tensor<8x1xf32>, %step: tensor<i64>, %none: none) {
  // expected-error @+1 {{signal must have rank 3, got rank 2}}
  %0 = onnx.STFT %x, %step, %none, %none : (tensor<8x1xf32>, tensor<i64>, none, none) -> tensor<*xf32>
  return
}

// -----

func.func @nms_center_point_box(%b: tensor<1x6x4xf32>, %s: tensor<1x1x6xf32>, %none: none) {
  // expected-error @+1 {{'onnx.NonMaxSuppression' op center_point_box must be 0 or 1, got 2}}
  %0 = onnx.NonMaxSuppression %b, %s, %none, %none, %none {center_point_box = 2 : i64} : (tensor<1x6x4xf32>, tensor<1x1x6xf32>, none, none, none) -> tensor<*xi64>
  return
}

// -----

func.func @nms_boxes(%b: tensor<1x6x5xf32>, %s: tensor<1x1x6xf32>, %none: none) {
  // expected-error @+1 {{boxes must have shape [batches, boxes, 4]}}
  %0 = onnx.NonMaxSuppression %b, %s, %none, %none, %none : (tensor<1x6x5xf32>, tensor<1x1x6xf32>, none, none, none) -> tensor<*xi64>
  return
}

// -----

func.func @roi_align_mode(%x: tensor<1x2x8x8xf32>, %r: tensor<3x4xf32>, %b: tensor<3xi64>) {
  // expected-error @+1 {{'onnx.RoiAlign' op mode "sum" is not one of avg, max}}
  %0 = onnx.RoiAlign %x, %r, %b {mode = "sum"} : (tensor<1x2x8x8xf32>, tensor<3x4xf32>, tensor<3xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @roi_align_output(%x: tensor<1x2x8x8xf32>, %r: tensor<3x4xf32>, %b: tensor<3xi64>) {
  // expected-error @+1 {{'onnx.RoiAlign' op output_height and output_width must be positive}}
  %0 = onnx.RoiAlign %x, %r, %b {output_height = 0 : i64} : (tensor<1x2x8x8xf32>, tensor<3x4xf32>, tensor<3xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @max_unpool_kernel(%p: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>, %none: none) {
  // expected-error @+1 {{kernel_shape has 1 dims, the input has 2 spatial dims}}
  %0 = onnx.MaxUnpool %p, %i, %none {kernel_shape = array<i64: 2>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>, none) -> tensor<*xf32>
  return
}

// -----

func.func @deform_conv_group(%x: tensor<1x2x4x4xf32>, %w: tensor<4x2x2x2xf32>, %o: tensor<1x8x3x3xf32>, %none: none) {
  // expected-error @+1 {{'onnx.DeformConv' op group and offset_group must be positive}}
  %0 = onnx.DeformConv %x, %w, %o, %none, %none {group = 0 : i64} : (tensor<1x2x4x4xf32>, tensor<4x2x2x2xf32>, tensor<1x8x3x3xf32>, none, none) -> tensor<*xf32>
  return
}

// -----

func.func @center_crop_pad_negative(%x: tensor<4x4xf32>) {
  %s = onnx.Constant dense<[2, -2]> : tensor<2xi64>
  // expected-error @+1 {{result dimension -2 is not a valid size}}
  %0 = onnx.CenterCropPad %x, %s : (tensor<4x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @resize_huge_scale(%x: tensor<1x1x2x2xf32>, %none: none) {
  %s = onnx.Constant dense<[1.0, 1.0, 1.0e30, 1.0]> : tensor<4xf32>
  // expected-error @+1 {{computed size 2.000000e+30 is not a valid size}}
  %0 = onnx.Resize %x, %none, %s, %none : (tensor<1x1x2x2xf32>, none, tensor<4xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @max_unpool_output_shape(%p: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) {
  %s = onnx.Constant dense<[1, 1, 4]> : tensor<3xi64>
  // expected-error @+1 {{output_shape has 3 values, the input has rank 4}}
  %0 = onnx.MaxUnpool %p, %i, %s {kernel_shape = array<i64: 2, 2>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>, tensor<3xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @random_uniform_like_dtype(%x: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.RandomUniformLike' op dtype 6 is not a supported float data type}}
  %0 = onnx.RandomUniformLike %x {dtype = 6 : i64} : (tensor<2xf32>) -> tensor<*xi32>
  return
}

// -----

func.func @random_uniform_like_bounds(%x: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.RandomUniformLike' op low 2.000000e+00 is greater than high 1.000000e+00}}
  %0 = onnx.RandomUniformLike %x {low = 2.0 : f32} : (tensor<2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @bernoulli_int_input(%x: tensor<2xi32>) {
  // expected-error @+1 {{'onnx.Bernoulli' op input must be a float tensor, got 'i32'}}
  %0 = onnx.Bernoulli %x : (tensor<2xi32>) -> tensor<*xi32>
  return
}

// -----

func.func @bernoulli_dtype(%x: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.Bernoulli' op dtype 8 is not a supported data type}}
  %0 = onnx.Bernoulli %x {dtype = 8 : i64} : (tensor<2xf32>) -> tensor<*xf32>
  return
}
