// RUN: onnx-opt %s -split-input-file --onnx-infer-shapes | FileCheck %s
// RUN: onnx-opt %s -split-input-file | onnx-opt -split-input-file | FileCheck %s --check-prefix=ROUNDTRIP

// Shape inference of the ops of OnnxTensorOps.td: sizes that depend on
// operand values known only at run time stay `?`.

// ROUNDTRIP-LABEL: func.func @elementwise
// ROUNDTRIP: onnx.BitShift %{{.*}}, %{{.*}} {direction = "LEFT"}
// CHECK-LABEL: func.func @elementwise
// CHECK-SAME: -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xui8>, tensor<2x3xui8>, tensor<2x3xui8>)
// CHECK: onnx.Acos %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: onnx.Shrink %{{.*}} {bias = 1.000000e+00 : f32, lambd = 1.500000e+00 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: onnx.BitShift %{{.*}}, %{{.*}} {direction = "LEFT"} : (tensor<2x3xui8>, tensor<3xui8>) -> tensor<2x3xui8>
// CHECK: onnx.BitwiseAnd %{{.*}}, %{{.*}} : (tensor<2x3xui8>, tensor<3xui8>) -> tensor<2x3xui8>
// CHECK: onnx.BitwiseNot %{{.*}} : (tensor<2x3xui8>) -> tensor<2x3xui8>
func.func @elementwise(%x: tensor<2x3xf32>, %a: tensor<2x3xui8>, %b: tensor<3xui8>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xui8>, tensor<*xui8>, tensor<*xui8>) {
  %0 = onnx.Acos %x : (tensor<2x3xf32>) -> tensor<*xf32>
  %1 = onnx.Shrink %x {bias = 1.0 : f32, lambd = 1.5 : f32} : (tensor<2x3xf32>) -> tensor<*xf32>
  %2 = onnx.BitShift %a, %b {direction = "LEFT"} : (tensor<2x3xui8>, tensor<3xui8>) -> tensor<*xui8>
  %3 = onnx.BitwiseAnd %a, %b : (tensor<2x3xui8>, tensor<3xui8>) -> tensor<*xui8>
  %4 = onnx.BitwiseNot %a : (tensor<2x3xui8>) -> tensor<*xui8>
  return %0, %1, %2, %3, %4 : tensor<*xf32>, tensor<*xf32>, tensor<*xui8>, tensor<*xui8>, tensor<*xui8>
}

// -----

// Trilu, CumSum, Hardmax and EyeLike keep the input's shape; EyeLike takes
// its element type from dtype (6 = int32).
// CHECK-LABEL: func.func @same_shape
// CHECK-SAME: -> (tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>, tensor<3x5xi32>)
func.func @same_shape(%x: tensor<?x4xf32>, %k: tensor<i64>, %axis: tensor<i32>, %e: tensor<3x5xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xi32>) {
  %0 = onnx.Trilu %x, %k {upper = 0 : i64} : (tensor<?x4xf32>, tensor<i64>) -> tensor<*xf32>
  %1 = onnx.CumSum %x, %axis {exclusive = 1 : i64} : (tensor<?x4xf32>, tensor<i32>) -> tensor<*xf32>
  %2 = onnx.Hardmax %x {axis = 1 : i64} : (tensor<?x4xf32>) -> tensor<*xf32>
  %3 = onnx.EyeLike %e {dtype = 6 : i64, k = 1 : i64} : (tensor<3x5xf32>) -> tensor<*xi32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xi32>
}

// -----

// OneHot inserts the depth at axis: static when depth is a constant.
// CHECK-LABEL: func.func @one_hot
// CHECK-SAME: -> (tensor<2x10x3xf32>, tensor<2x3x?xf32>)
func.func @one_hot(%i: tensor<2x3xi64>, %d: tensor<f32>, %v: tensor<2xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  %depth = onnx.Constant dense<10.0> : tensor<f32>
  %0 = onnx.OneHot %i, %depth, %v {axis = 1 : i64} : (tensor<2x3xi64>, tensor<f32>, tensor<2xf32>) -> tensor<*xf32>
  %1 = onnx.OneHot %i, %d, %v : (tensor<2x3xi64>, tensor<f32>, tensor<2xf32>) -> tensor<*xf32>
  return %0, %1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// GatherElements has the indices' shape; GatherND the indices' leading dims
// and the data dims after batch_dims + k.
// CHECK-LABEL: func.func @gathers
// CHECK-SAME: -> (tensor<2x5xf32>, tensor<2x1x6xf32>, tensor<2x3x4xf32>)
func.func @gathers(%d: tensor<3x4xf32>, %i: tensor<2x5xi64>, %d3: tensor<2x5x6xf32>,
                   %i2: tensor<2x1x1xi64>, %i3: tensor<2x3x1xi64>, %d4: tensor<2x7x4xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.GatherElements %d, %i {axis = 1 : i64} : (tensor<3x4xf32>, tensor<2x5xi64>) -> tensor<*xf32>
  %1 = onnx.GatherND %d3, %i2 {batch_dims = 1 : i64} : (tensor<2x5x6xf32>, tensor<2x1x1xi64>) -> tensor<*xf32>
  %2 = onnx.GatherND %d4, %i3 {batch_dims = 1 : i64} : (tensor<2x7x4xf32>, tensor<2x3x1xi64>) -> tensor<*xf32>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @scatters
// CHECK-SAME: -> (tensor<3x4xf32>, tensor<4x4x4xf32>)
func.func @scatters(%d: tensor<3x4xf32>, %i: tensor<2x2xi64>, %u: tensor<2x2xf32>,
                    %d3: tensor<4x4x4xf32>, %i3: tensor<2x1xi64>, %u3: tensor<2x4x4xf32>)
    -> (tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.ScatterElements %d, %i, %u {axis = -1 : i64, reduction = "max"} : (tensor<3x4xf32>, tensor<2x2xi64>, tensor<2x2xf32>) -> tensor<*xf32>
  %1 = onnx.ScatterND %d3, %i3, %u3 {reduction = "add"} : (tensor<4x4x4xf32>, tensor<2x1xi64>, tensor<2x4x4xf32>) -> tensor<*xf32>
  return %0, %1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @layout
// CHECK-SAME: -> (tensor<1x2x6x8xf32>, tensor<1x8x3x4xf32>, tensor<3x2x4xf32>, tensor<5x4x3xf32>, tensor<?x?x3xf32>)
func.func @layout(%x: tensor<1x8x3x4xf32>, %s: tensor<2xi64>, %r: tensor<3x2x4xf32>, %l: tensor<2xi64>, %c: tensor<2x6x3xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.DepthToSpace %x {blocksize = 2 : i64, mode = "CRD"} : (tensor<1x8x3x4xf32>) -> tensor<*xf32>
  %1 = onnx.SpaceToDepth %0 {blocksize = 2 : i64} : (tensor<*xf32>) -> tensor<*xf32>
  %2 = onnx.ReverseSequence %r, %l : (tensor<3x2x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  %shape = onnx.Constant dense<[5, 4]> : tensor<2xi64>
  %3 = onnx.CenterCropPad %c, %shape {axes = array<i64: 0, -2>} : (tensor<2x6x3xf32>, tensor<2xi64>) -> tensor<*xf32>
  %4 = onnx.CenterCropPad %c, %s {axes = array<i64: 0, 1>} : (tensor<2x6x3xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0, %1, %2, %3, %4 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// TopK: the axis dim is k when k is a constant, `?` otherwise.
// CHECK-LABEL: func.func @top_k
// CHECK-SAME: -> (tensor<3x2xf32>, tensor<3x2xi64>, tensor<3x?xf32>, tensor<3x?xi64>)
func.func @top_k(%x: tensor<3x4xf32>, %k: tensor<1xi64>) -> (tensor<*xf32>, tensor<*xi64>, tensor<*xf32>, tensor<*xi64>) {
  %c = onnx.Constant dense<2> : tensor<1xi64>
  %0:2 = onnx.TopK %x, %c : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<*xf32>, tensor<*xi64>)
  %1:2 = onnx.TopK %x, %k {axis = 1 : i64} : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<*xf32>, tensor<*xi64>)
  return %0#0, %0#1, %1#0, %1#1 : tensor<*xf32>, tensor<*xi64>, tensor<*xf32>, tensor<*xi64>
}

// -----

// Data-dependent sizes: Compress and NonZero.
// CHECK-LABEL: func.func @data_dependent
// CHECK-SAME: -> (tensor<3x?xf32>, tensor<2xf32>, tensor<2x?xi64>)
func.func @data_dependent(%x: tensor<3x4xf32>, %c: tensor<4xi1>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xi64>) {
  %0 = onnx.Compress %x, %c {axis = 1 : i64} : (tensor<3x4xf32>, tensor<4xi1>) -> tensor<*xf32>
  %cond = onnx.Constant dense<[true, false, true]> : tensor<3xi1>
  %1 = onnx.Compress %x, %cond : (tensor<3x4xf32>, tensor<3xi1>) -> tensor<*xf32>
  %2 = onnx.NonZero %x : (tensor<3x4xf32>) -> tensor<*xi64>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xi64>
}

// -----

// Resize: floor(scale * size) for constant scales, the sizes (or their
// aspect-preserving version) for constant sizes, `?` for run-time values on
// the resized axes only.
// CHECK-LABEL: func.func @resize
// CHECK-SAME: -> (tensor<1x1x6x4xf32>, tensor<1x1x7x7xf32>, tensor<1x1x?x?xf32>, tensor<1x1x3x8xf32>)
func.func @resize(%x: tensor<1x1x4x4xf32>, %rs: tensor<2xf32>, %none: none) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %scales = onnx.Constant dense<[1.0, 1.0, 1.6, 1.0]> : tensor<4xf32>
  %0 = onnx.Resize %x, %none, %scales, %none {mode = "linear"} : (tensor<1x1x4x4xf32>, none, tensor<4xf32>, none) -> tensor<*xf32>
  %sizes = onnx.Constant dense<[7, 8]> : tensor<2xi64>
  %1 = onnx.Resize %x, %none, %none, %sizes {axes = array<i64: 2, 3>, keep_aspect_ratio_policy = "not_larger"} : (tensor<1x1x4x4xf32>, none, none, tensor<2xi64>) -> tensor<*xf32>
  %2 = onnx.Resize %x, %none, %rs, %none {axes = array<i64: 3, 2>} : (tensor<1x1x4x4xf32>, none, tensor<2xf32>, none) -> tensor<*xf32>
  %up = onnx.Constant dense<[1.0, 1.0, 0.8, 2.0]> : tensor<4xf32>
  %3 = onnx.Upsample %x, %up : (tensor<1x1x4x4xf32>, tensor<4xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @sampling
// CHECK-SAME: -> (tensor<2x3x5x6xf32>, tensor<2x4x5x2xf32>, tensor<?x?x?x?x3xf32>, tensor<1x2x5x5xf32>)
func.func @sampling(%x: tensor<2x3x8x8xf32>, %g: tensor<2x5x6x2xf32>, %t: tensor<2x2x3xf32>,
                    %t3: tensor<?x3x4xf32>, %s: tensor<5xi64>, %c: tensor<1x18x9xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.GridSample %x, %g {mode = "cubic", padding_mode = "border"} : (tensor<2x3x8x8xf32>, tensor<2x5x6x2xf32>) -> tensor<*xf32>
  %size = onnx.Constant dense<[2, 3, 4, 5]> : tensor<4xi64>
  %1 = onnx.AffineGrid %t, %size : (tensor<2x2x3xf32>, tensor<4xi64>) -> tensor<*xf32>
  %2 = onnx.AffineGrid %t3, %s {align_corners = 1 : i64} : (tensor<?x3x4xf32>, tensor<5xi64>) -> tensor<*xf32>
  %image = onnx.Constant dense<[5, 5]> : tensor<2xi64>
  %block = onnx.Constant dense<[3, 3]> : tensor<2xi64>
  %3 = onnx.Col2Im %c, %image, %block : (tensor<1x18x9xf32>, tensor<2xi64>, tensor<2xi64>) -> tensor<*xf32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @normalization_and_pools
// CHECK-SAME: -> (tensor<2x4x5x5xf32>, tensor<2x4x5x5xf32>, tensor<2x4x5x5xf32>, tensor<2x4x2x2xf32>, tensor<2x4x1x1xf32>)
func.func @normalization_and_pools(%x: tensor<2x4x5x5xf32>, %s: tensor<4xf32>, %b: tensor<4xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.LpNormalization %x {axis = 1 : i64, p = 1 : i64} : (tensor<2x4x5x5xf32>) -> tensor<*xf32>
  %1 = onnx.GroupNormalization %x, %s, %b {num_groups = 2 : i64} : (tensor<2x4x5x5xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<*xf32>
  %2 = onnx.LRN %x {size = 3 : i64} : (tensor<2x4x5x5xf32>) -> tensor<*xf32>
  %3 = onnx.LpPool %x {kernel_shape = array<i64: 3, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 1, 0>} : (tensor<2x4x5x5xf32>) -> tensor<*xf32>
  %4 = onnx.GlobalLpPool %x {p = 3 : i64} : (tensor<2x4x5x5xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3, %4 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Einsum: explicit and implicit outputs, diagonals, broadcast ellipsis dims.
// CHECK-LABEL: func.func @einsum
// CHECK-SAME: -> (tensor<2x3x5xf32>, tensor<f32>, tensor<5x4xf32>, tensor<7x1x3xf32>, tensor<3xf32>)
func.func @einsum(%a: tensor<2x3x4xf32>, %b: tensor<2x4x5xf32>, %v: tensor<4xf32>, %m: tensor<4x5xf32>,
                  %d: tensor<7x1x3x3xf32>, %x: tensor<3x3xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.Einsum %a, %b {equation = "bij, bjk -> bik"} : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<*xf32>
  %1 = onnx.Einsum %v, %v {equation = "i,i"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<*xf32>
  %2 = onnx.Einsum %m {equation = "ji"} : (tensor<4x5xf32>) -> tensor<*xf32>
  %3 = onnx.Einsum %d {equation = "...ii->...i"} : (tensor<7x1x3x3xf32>) -> tensor<*xf32>
  %4 = onnx.Einsum %x {equation = "ii->i"} : (tensor<3x3xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3, %4 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Window sizes known at compile time give static shapes; output_datatype
// picks the element type (11 = double).
// CHECK-LABEL: func.func @windows
// CHECK-SAME: -> (tensor<10xf32>, tensor<?xf64>, tensor<33x8xf32>, tensor<2xf32>)
func.func @windows(%n: tensor<i32>, %x: tensor<2x3x3xf32>) -> (tensor<*xf32>, tensor<*xf64>, tensor<*xf32>, tensor<*xf32>) {
  %size = onnx.Constant dense<10> : tensor<i32>
  %0 = onnx.HannWindow %size : (tensor<i32>) -> tensor<*xf32>
  %1 = onnx.BlackmanWindow %n {output_datatype = 11 : i64, periodic = 0 : i64} : (tensor<i32>) -> tensor<*xf64>
  %bins = onnx.Constant dense<8> : tensor<i32>
  %dft = onnx.Constant dense<64> : tensor<i32>
  %rate = onnx.Constant dense<8000> : tensor<i32>
  %lo = onnx.Constant dense<0.0> : tensor<f32>
  %hi = onnx.Constant dense<4000.0> : tensor<f32>
  %2 = onnx.MelWeightMatrix %bins, %dft, %rate, %lo, %hi : (tensor<i32>, tensor<i32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<*xf32>
  %3 = onnx.Det %x : (tensor<2x3x3xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf64>, tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @unique_and_tensor_scatter
// CHECK-SAME: -> (tensor<?xf32>, tensor<?xi64>, tensor<12xi64>, tensor<?xi64>, tensor<3x?xf32>, tensor<4xi64>, tensor<2x8x4xf32>)
func.func @unique_and_tensor_scatter(%x: tensor<3x4xf32>, %c: tensor<2x8x4xf32>, %u: tensor<2x2x4xf32>, %none: none)
    -> (tensor<*xf32>, tensor<*xi64>, tensor<*xi64>, tensor<*xi64>, tensor<*xf32>, tensor<*xi64>, tensor<*xf32>) {
  %0:4 = onnx.Unique %x : (tensor<3x4xf32>) -> (tensor<*xf32>, tensor<*xi64>, tensor<*xi64>, tensor<*xi64>)
  %1:4 = onnx.Unique %x {axis = 1 : i64, sorted = 0 : i64} : (tensor<3x4xf32>) -> (tensor<*xf32>, none, tensor<*xi64>, none)
  %2 = onnx.TensorScatter %c, %u, %none : (tensor<2x8x4xf32>, tensor<2x2x4xf32>, none) -> tensor<*xf32>
  return %0#0, %0#1, %0#2, %0#3, %1#0, %1#2, %2 : tensor<*xf32>, tensor<*xi64>, tensor<*xi64>, tensor<*xi64>, tensor<*xf32>, tensor<*xi64>, tensor<*xf32>
}

// -----

// BitCast keeps the shape and takes `to` (6 = int32); IsInf gives booleans;
// ReduceLogSum reduces like ReduceSum.
// CHECK-LABEL: func.func @bitcast_isinf_reduce_log_sum
// CHECK-SAME: -> (tensor<2x3xi32>, tensor<2x3xi1>, tensor<2x1xf32>, tensor<2x3xf32>)
func.func @bitcast_isinf_reduce_log_sum(%x: tensor<2x3xf32>, %none: none)
    -> (tensor<*xi32>, tensor<*xi1>, tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.BitCast %x {to = 6 : i64} : (tensor<2x3xf32>) -> tensor<*xi32>
  %1 = onnx.IsInf %x {detect_negative = 0 : i64} : (tensor<2x3xf32>) -> tensor<*xi1>
  %axes = onnx.Constant dense<[1]> : tensor<1xi64>
  %2 = onnx.ReduceLogSum %x, %axes : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<*xf32>
  %3 = onnx.SwiGLU %x, %x {alpha = 1.5 : f32} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3 : tensor<*xi32>, tensor<*xi1>, tensor<*xf32>, tensor<*xf32>
}

// -----

// DFT: the axis from the input, the attribute or the default (-2); the
// transformed length from dft_length and onesided. NonMaxSuppression has a
// data-dependent number of rows.
// CHECK-LABEL: func.func @fourier_and_nms
// CHECK-SAME: -> (tensor<1x10x8x2xf32>, tensor<1x6x8x2xf32>, tensor<?x?x?x1xf32>, tensor<1x15x9x2xf32>, tensor<?x3xi64>)
func.func @fourier_and_nms(%x: tensor<1x10x8x2xf32>, %s: tensor<1x128x1xf32>, %axis: tensor<i64>, %none: none,
                           %boxes: tensor<1x6x4xf32>, %scores: tensor<1x1x6xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xi64>) {
  %a = onnx.Constant dense<1> : tensor<i64>
  %0 = onnx.DFT %x, %none, %a {inverse = 1 : i64} : (tensor<1x10x8x2xf32>, none, tensor<i64>) -> tensor<*xf32>
  %1 = onnx.DFT %x, %none, %none {axis = 1 : i64, onesided = 1 : i64} : (tensor<1x10x8x2xf32>, none, none) -> tensor<*xf32>
  %2 = onnx.DFT %x, %none, %axis {inverse = 1 : i64, onesided = 1 : i64} : (tensor<1x10x8x2xf32>, none, tensor<i64>) -> tensor<*xf32>
  %step = onnx.Constant dense<8> : tensor<i64>
  %len = onnx.Constant dense<16> : tensor<i64>
  %3 = onnx.STFT %s, %step, %none, %len : (tensor<1x128x1xf32>, tensor<i64>, none, tensor<i64>) -> tensor<*xf32>
  %4 = onnx.NonMaxSuppression %boxes, %scores, %none, %none, %none : (tensor<1x6x4xf32>, tensor<1x1x6xf32>, none, none, none) -> tensor<*xi64>
  return %0, %1, %2, %3, %4 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xi64>
}

// -----

// CHECK-LABEL: func.func @regions
// CHECK-SAME: -> (tensor<3x2x5x4xf32>, tensor<1x1x4x4xf32>, tensor<1x4x3x3xf32>)
func.func @regions(%x: tensor<1x2x8x8xf32>, %rois: tensor<3x4xf32>, %b: tensor<3xi64>,
                   %p: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>, %none: none,
                   %dx: tensor<1x2x4x4xf32>, %w: tensor<4x2x2x2xf32>, %off: tensor<1x8x3x3xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.RoiAlign %x, %rois, %b {output_height = 5 : i64, output_width = 4 : i64} : (tensor<1x2x8x8xf32>, tensor<3x4xf32>, tensor<3xi64>) -> tensor<*xf32>
  %1 = onnx.MaxUnpool %p, %i, %none {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>, none) -> tensor<*xf32>
  %2 = onnx.DeformConv %dx, %w, %off, %none, %none {kernel_shape = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>, tensor<4x2x2x2xf32>, tensor<1x8x3x3xf32>, none, none) -> tensor<*xf32>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}
