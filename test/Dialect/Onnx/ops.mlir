// RUN: onnx-opt %s | onnx-opt | FileCheck %s
// RUN: onnx-opt %s -mlir-print-op-generic | onnx-opt | FileCheck %s

// Round trip of a representative op of every family of the onnx dialect, in
// the custom form and through the generic form.

// CHECK-LABEL: func.func @binary
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>, %[[I:.*]]: tensor<2x3xi64>)
// CHECK: %[[ADD:.*]] = onnx.Add %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[EQ:.*]] = onnx.Equal %[[ADD]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
// CHECK: %[[MOD:.*]] = onnx.Mod %[[ADD]], %[[B]] {fmod = 1 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[IMOD:.*]] = onnx.Mod %[[I]], %[[I]] : (tensor<2x3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
// CHECK: return %[[EQ]], %[[MOD]], %[[IMOD]]
func.func @binary(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %i: tensor<2x3xi64>)
    -> (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xi64>) {
  %0 = onnx.Add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %1 = onnx.Equal %0, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %2 = onnx.Mod %0, %b {fmod = 1 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %3 = onnx.Mod %i, %i {fmod = 0 : i64} : (tensor<2x3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
  return %1, %2, %3 : tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xi64>
}

// CHECK-LABEL: func.func @unary
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xf32>)
// CHECK: %[[RELU:.*]] = onnx.Relu %[[X]] : (tensor<?x4xf32>) -> tensor<?x4xf32>
// CHECK: %[[LEAKY:.*]] = onnx.LeakyRelu %[[RELU]] {alpha = 2.000000e-01 : f32} : (tensor<?x4xf32>) -> tensor<?x4xf32>
// CHECK: %[[GELU:.*]] = onnx.Gelu %[[LEAKY]] {approximate = "tanh"} : (tensor<?x4xf32>) -> tensor<?x4xf32>
// CHECK: %[[NAN:.*]] = onnx.IsNaN %[[GELU]] : (tensor<?x4xf32>) -> tensor<?x4xi1>
// CHECK: return %[[GELU]], %[[NAN]]
func.func @unary(%x: tensor<?x4xf32>) -> (tensor<?x4xf32>, tensor<?x4xi1>) {
  %0 = onnx.Relu %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  %1 = onnx.LeakyRelu %0 {alpha = 0.2 : f32} : (tensor<?x4xf32>) -> tensor<?x4xf32>
  %2 = onnx.Gelu %1 {approximate = "tanh"} : (tensor<?x4xf32>) -> tensor<?x4xf32>
  %3 = onnx.IsNaN %2 : (tensor<?x4xf32>) -> tensor<?x4xi1>
  return %2, %3 : tensor<?x4xf32>, tensor<?x4xi1>
}

// CHECK-LABEL: func.func @cast_clip_where
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[C:.*]]: tensor<4xi1>, %[[LO:.*]]: tensor<f32>)
// CHECK: %[[CAST:.*]] = onnx.Cast %[[X]] {to = ui8} : (tensor<4xf32>) -> tensor<4xui8>
// CHECK: %[[NONE:.*]] = onnx.NoValue {value}
// CHECK: %[[CLIP:.*]] = onnx.Clip %[[X]], %[[LO]], %[[NONE]] : (tensor<4xf32>, tensor<f32>, none) -> tensor<4xf32>
// CHECK: %[[SEL:.*]] = onnx.Where %[[C]], %[[X]], %[[CLIP]] : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK: return %[[CAST]], %[[SEL]]
func.func @cast_clip_where(%x: tensor<4xf32>, %c: tensor<4xi1>, %lo: tensor<f32>)
    -> (tensor<4xui8>, tensor<4xf32>) {
  %0 = onnx.Cast %x {to = ui8} : (tensor<4xf32>) -> tensor<4xui8>
  %none = onnx.NoValue {value}
  %1 = onnx.Clip %x, %lo, %none : (tensor<4xf32>, tensor<f32>, none) -> tensor<4xf32>
  %2 = onnx.Where %c, %x, %1 : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0, %2 : tensor<4xui8>, tensor<4xf32>
}

// CHECK-LABEL: func.func @variadic
// CHECK-SAME: (%[[A:.*]]: tensor<2xf32>, %[[B:.*]]: tensor<2xf32>, %[[C:.*]]: tensor<1xf32>)
// CHECK: %[[SUM:.*]] = onnx.Sum %[[A]], %[[B]], %[[C]] : (tensor<2xf32>, tensor<2xf32>, tensor<1xf32>) -> tensor<2xf32>
// CHECK: %[[MAX:.*]] = onnx.Max %[[SUM]] : (tensor<2xf32>) -> tensor<2xf32>
// CHECK: return %[[MAX]]
func.func @variadic(%a: tensor<2xf32>, %b: tensor<2xf32>, %c: tensor<1xf32>) -> tensor<2xf32> {
  %0 = onnx.Sum %a, %b, %c : (tensor<2xf32>, tensor<2xf32>, tensor<1xf32>) -> tensor<2xf32>
  %1 = onnx.Max %0 : (tensor<2xf32>) -> tensor<2xf32>
  return %1 : tensor<2xf32>
}

// CHECK-LABEL: func.func @reductions
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK: %[[AXES:.*]] = onnx.Constant dense<[0, -1]> : tensor<2xi64>
// CHECK: %[[SUM:.*]] = onnx.ReduceSum %[[X]], %[[AXES]] {keepdims = 0 : i64} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<3xf32>
// CHECK: %[[NONE:.*]] = onnx.NoValue {value}
// CHECK: %[[MEAN:.*]] = onnx.ReduceMean %[[X]], %[[NONE]] : (tensor<2x3x4xf32>, none) -> tensor<1x1x1xf32>
// CHECK: %[[ARG:.*]] = onnx.ArgMax %[[X]] {axis = 1 : i64, keepdims = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<2x4xi64>
// CHECK: return %[[SUM]], %[[MEAN]], %[[ARG]]
func.func @reductions(%x: tensor<2x3x4xf32>) -> (tensor<3xf32>, tensor<1x1x1xf32>, tensor<2x4xi64>) {
  %axes = onnx.Constant dense<[0, -1]> : tensor<2xi64>
  %0 = onnx.ReduceSum %x, %axes {keepdims = 0 : i64} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<3xf32>
  %none = onnx.NoValue {value}
  %1 = onnx.ReduceMean %x, %none : (tensor<2x3x4xf32>, none) -> tensor<1x1x1xf32>
  %2 = onnx.ArgMax %x {axis = 1 : i64, keepdims = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<2x4xi64>
  return %0, %1, %2 : tensor<3xf32>, tensor<1x1x1xf32>, tensor<2x4xi64>
}

// CHECK-LABEL: func.func @conv_family
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x8x8xf32>, %[[W:.*]]: tensor<8x2x3x3xf32>, %[[B:.*]]: tensor<8xf32>, %[[WT:.*]]: tensor<4x2x2x2xf32>)
// CHECK: %[[CONV:.*]] = onnx.Conv %[[X]], %[[W]], %[[B]] {auto_pad = "SAME_UPPER", dilations = array<i64: 1, 1>, group = 2 : i64, kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>, tensor<8x2x3x3xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
// CHECK: %[[NONE:.*]] = onnx.NoValue {value}
// CHECK: %[[CT:.*]] = onnx.ConvTranspose %[[X]], %[[WT]], %[[NONE]] {output_padding = array<i64: 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>, tensor<4x2x2x2xf32>, none) -> tensor<1x2x17x17xf32>
// CHECK: return %[[CONV]], %[[CT]]
func.func @conv_family(%x: tensor<1x4x8x8xf32>, %w: tensor<8x2x3x3xf32>, %b: tensor<8xf32>,
                       %wt: tensor<4x2x2x2xf32>) -> (tensor<1x8x4x4xf32>, tensor<1x2x17x17xf32>) {
  %0 = onnx.Conv %x, %w, %b {auto_pad = "SAME_UPPER", dilations = array<i64: 1, 1>, group = 2 : i64,
                             kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>}
      : (tensor<1x4x8x8xf32>, tensor<8x2x3x3xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  %none = onnx.NoValue {value}
  %1 = onnx.ConvTranspose %x, %wt, %none {output_padding = array<i64: 1, 1>, strides = array<i64: 2, 2>}
      : (tensor<1x4x8x8xf32>, tensor<4x2x2x2xf32>, none) -> tensor<1x2x17x17xf32>
  return %0, %1 : tensor<1x8x4x4xf32>, tensor<1x2x17x17xf32>
}

// Pools; MaxPool has an optional Indices result that is `none` when absent.
// CHECK-LABEL: func.func @pools
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x9x9xf32>)
// CHECK: %[[Y:.*]], %[[IDX:.*]] = onnx.MaxPool %[[X]] {ceil_mode = 1 : i64, kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x3x9x9xf32>) -> (tensor<1x3x5x5xf32>, tensor<1x3x5x5xi64>)
// CHECK: %[[Y2:.*]], %{{.*}} = onnx.MaxPool %[[X]] {kernel_shape = array<i64: 3, 3>} : (tensor<1x3x9x9xf32>) -> (tensor<1x3x7x7xf32>, none)
// CHECK: %[[AVG:.*]] = onnx.AveragePool %[[X]] {count_include_pad = 1 : i64, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x9x9xf32>) -> tensor<1x3x9x9xf32>
// CHECK: %[[GAP:.*]] = onnx.GlobalAveragePool %[[X]] : (tensor<1x3x9x9xf32>) -> tensor<1x3x1x1xf32>
// CHECK: %[[GMP:.*]] = onnx.GlobalMaxPool %[[X]] : (tensor<1x3x9x9xf32>) -> tensor<1x3x1x1xf32>
// CHECK: return %[[Y]], %[[IDX]], %[[Y2]], %[[AVG]], %[[GAP]], %[[GMP]]
func.func @pools(%x: tensor<1x3x9x9xf32>)
    -> (tensor<1x3x5x5xf32>, tensor<1x3x5x5xi64>, tensor<1x3x7x7xf32>, tensor<1x3x9x9xf32>,
        tensor<1x3x1x1xf32>, tensor<1x3x1x1xf32>) {
  %0:2 = onnx.MaxPool %x {ceil_mode = 1 : i64, kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}
      : (tensor<1x3x9x9xf32>) -> (tensor<1x3x5x5xf32>, tensor<1x3x5x5xi64>)
  %1:2 = onnx.MaxPool %x {kernel_shape = array<i64: 3, 3>} : (tensor<1x3x9x9xf32>) -> (tensor<1x3x7x7xf32>, none)
  %2 = onnx.AveragePool %x {count_include_pad = 1 : i64, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>}
      : (tensor<1x3x9x9xf32>) -> tensor<1x3x9x9xf32>
  %3 = onnx.GlobalAveragePool %x : (tensor<1x3x9x9xf32>) -> tensor<1x3x1x1xf32>
  %4 = onnx.GlobalMaxPool %x : (tensor<1x3x9x9xf32>) -> tensor<1x3x1x1xf32>
  return %0#0, %0#1, %1#0, %2, %3, %4 : tensor<1x3x5x5xf32>, tensor<1x3x5x5xi64>, tensor<1x3x7x7xf32>,
      tensor<1x3x9x9xf32>, tensor<1x3x1x1xf32>, tensor<1x3x1x1xf32>
}

// CHECK-LABEL: func.func @matmul_family
// CHECK-SAME: (%[[A:.*]]: tensor<4x3xf32>, %[[B:.*]]: tensor<5x3xf32>, %[[C:.*]]: tensor<5xf32>, %[[BATCH:.*]]: tensor<2x?x3xf32>)
// CHECK: %[[GEMM:.*]] = onnx.Gemm %[[A]], %[[B]], %[[C]] {alpha = 5.000000e-01 : f32, transB = 1 : i64} : (tensor<4x3xf32>, tensor<5x3xf32>, tensor<5xf32>) -> tensor<4x5xf32>
// CHECK: %[[MM:.*]] = onnx.MatMul %[[BATCH]], %[[A]] : (tensor<2x?x3xf32>, tensor<4x3xf32>) -> tensor<2x?x3xf32>
// CHECK: return %[[GEMM]], %[[MM]]
func.func @matmul_family(%a: tensor<4x3xf32>, %b: tensor<5x3xf32>, %c: tensor<5xf32>, %batch: tensor<2x?x3xf32>)
    -> (tensor<4x5xf32>, tensor<2x?x3xf32>) {
  %0 = onnx.Gemm %a, %b, %c {alpha = 0.5 : f32, transB = 1 : i64}
      : (tensor<4x3xf32>, tensor<5x3xf32>, tensor<5xf32>) -> tensor<4x5xf32>
  %1 = onnx.MatMul %batch, %a : (tensor<2x?x3xf32>, tensor<4x3xf32>) -> tensor<2x?x3xf32>
  return %0, %1 : tensor<4x5xf32>, tensor<2x?x3xf32>
}

// CHECK-LABEL: func.func @normalization
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>, %[[S:.*]]: tensor<3xf32>, %[[LS:.*]]: tensor<4xf32>)
// CHECK: %[[BN:.*]], %{{.*}}, %{{.*}} = onnx.BatchNormalization %[[X]], %[[S]], %[[S]], %[[S]], %[[S]] {epsilon = 1.000000e-03 : f32} : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<2x3x4xf32>, none, none)
// CHECK: %[[NONE:.*]] = onnx.NoValue {value}
// CHECK: %[[LN:.*]], %[[MEAN:.*]], %[[INV:.*]] = onnx.LayerNormalization %[[X]], %[[LS]], %[[NONE]] : (tensor<2x3x4xf32>, tensor<4xf32>, none) -> (tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>)
// CHECK: %[[SM:.*]] = onnx.Softmax %[[LN]] {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[LSM:.*]] = onnx.LogSoftmax %[[SM]] : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[DROP:.*]], %[[MASK:.*]] = onnx.Dropout %[[LSM]], %[[NONE]], %[[NONE]] : (tensor<2x3x4xf32>, none, none) -> (tensor<2x3x4xf32>, tensor<2x3x4xi1>)
// CHECK: return %[[BN]], %[[MEAN]], %[[DROP]], %[[MASK]]
func.func @normalization(%x: tensor<2x3x4xf32>, %s: tensor<3xf32>, %ls: tensor<4xf32>)
    -> (tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x4xf32>, tensor<2x3x4xi1>) {
  %0:3 = onnx.BatchNormalization %x, %s, %s, %s, %s {epsilon = 1.0e-3 : f32}
      : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>)
      -> (tensor<2x3x4xf32>, none, none)
  %none = onnx.NoValue {value}
  %1:3 = onnx.LayerNormalization %x, %ls, %none : (tensor<2x3x4xf32>, tensor<4xf32>, none)
      -> (tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>)
  %2 = onnx.Softmax %1#0 {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %3 = onnx.LogSoftmax %2 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %4:2 = onnx.Dropout %3, %none, %none : (tensor<2x3x4xf32>, none, none) -> (tensor<2x3x4xf32>, tensor<2x3x4xi1>)
  return %0#0, %1#1, %4#0, %4#1 : tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x4xf32>, tensor<2x3x4xi1>
}

// CHECK-LABEL: func.func @reshapes
// CHECK-SAME: (%[[X:.*]]: tensor<2x1x6xf32>)
// CHECK: %[[SHAPE:.*]] = onnx.Constant dense<[2, -1]> : tensor<2xi64>
// CHECK: %[[RS:.*]] = onnx.Reshape %[[X]], %[[SHAPE]] {allowzero = 1 : i64} : (tensor<2x1x6xf32>, tensor<2xi64>) -> tensor<2x6xf32>
// CHECK: %[[FL:.*]] = onnx.Flatten %[[X]] {axis = 2 : i64} : (tensor<2x1x6xf32>) -> tensor<2x6xf32>
// CHECK: %[[TR:.*]] = onnx.Transpose %[[X]] {perm = array<i64: 2, 0, 1>} : (tensor<2x1x6xf32>) -> tensor<6x2x1xf32>
// CHECK: %[[AXES:.*]] = onnx.Constant dense<1> : tensor<1xi64>
// CHECK: %[[SQ:.*]] = onnx.Squeeze %[[X]], %[[AXES]] : (tensor<2x1x6xf32>, tensor<1xi64>) -> tensor<2x6xf32>
// CHECK: %[[NONE:.*]] = onnx.NoValue {value}
// CHECK: %[[SQALL:.*]] = onnx.Squeeze %[[X]], %[[NONE]] : (tensor<2x1x6xf32>, none) -> tensor<2x6xf32>
// CHECK: %[[UNSQ:.*]] = onnx.Unsqueeze %[[SQ]], %[[AXES]] : (tensor<2x6xf32>, tensor<1xi64>) -> tensor<2x1x6xf32>
// CHECK: return %[[RS]], %[[FL]], %[[TR]], %[[SQALL]], %[[UNSQ]]
func.func @reshapes(%x: tensor<2x1x6xf32>)
    -> (tensor<2x6xf32>, tensor<2x6xf32>, tensor<6x2x1xf32>, tensor<2x6xf32>, tensor<2x1x6xf32>) {
  %shape = onnx.Constant dense<[2, -1]> : tensor<2xi64>
  %0 = onnx.Reshape %x, %shape {allowzero = 1 : i64} : (tensor<2x1x6xf32>, tensor<2xi64>) -> tensor<2x6xf32>
  %1 = onnx.Flatten %x {axis = 2 : i64} : (tensor<2x1x6xf32>) -> tensor<2x6xf32>
  %2 = onnx.Transpose %x {perm = array<i64: 2, 0, 1>} : (tensor<2x1x6xf32>) -> tensor<6x2x1xf32>
  %axes = onnx.Constant dense<1> : tensor<1xi64>
  %3 = onnx.Squeeze %x, %axes : (tensor<2x1x6xf32>, tensor<1xi64>) -> tensor<2x6xf32>
  %none = onnx.NoValue {value}
  %4 = onnx.Squeeze %x, %none : (tensor<2x1x6xf32>, none) -> tensor<2x6xf32>
  %5 = onnx.Unsqueeze %3, %axes : (tensor<2x6xf32>, tensor<1xi64>) -> tensor<2x1x6xf32>
  return %0, %1, %2, %4, %5 : tensor<2x6xf32>, tensor<2x6xf32>, tensor<6x2x1xf32>, tensor<2x6xf32>, tensor<2x1x6xf32>
}

// CHECK-LABEL: func.func @slicing
// CHECK-SAME: (%[[X:.*]]: tensor<4x6xf32>, %[[I:.*]]: tensor<3xi64>)
// CHECK: %[[CAT:.*]] = onnx.Concat %[[X]], %[[X]] {axis = -1 : i64} : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x12xf32>
// CHECK: %[[SIZES:.*]] = onnx.Constant dense<[2, 4]> : tensor<2xi64>
// CHECK: %[[S:.*]]:2 = onnx.Split %[[X]], %[[SIZES]] {axis = 1 : i64} : (tensor<4x6xf32>, tensor<2xi64>) -> (tensor<4x2xf32>, tensor<4x4xf32>)
// CHECK: %[[NONE:.*]] = onnx.NoValue {value}
// CHECK: %[[E:.*]]:3 = onnx.Split %[[X]], %[[NONE]] {num_outputs = 3 : i64} : (tensor<4x6xf32>, none) -> (tensor<2x6xf32>, tensor<2x6xf32>, tensor<0x6xf32>)
// CHECK: %[[STARTS:.*]] = onnx.Constant dense<-1> : tensor<1xi64>
// CHECK: %[[ENDS:.*]] = onnx.Constant dense<-9223372036854775808> : tensor<1xi64>
// CHECK: %[[SLICE:.*]] = onnx.Slice %[[X]], %[[STARTS]], %[[ENDS]], %[[NONE]], %[[STARTS]] : (tensor<4x6xf32>, tensor<1xi64>, tensor<1xi64>, none, tensor<1xi64>) -> tensor<4x6xf32>
// CHECK: %[[G:.*]] = onnx.Gather %[[X]], %[[I]] {axis = 1 : i64} : (tensor<4x6xf32>, tensor<3xi64>) -> tensor<4x3xf32>
// CHECK: return %[[CAT]], %[[S]]#1, %[[E]]#2, %[[SLICE]], %[[G]]
func.func @slicing(%x: tensor<4x6xf32>, %i: tensor<3xi64>)
    -> (tensor<4x12xf32>, tensor<4x4xf32>, tensor<0x6xf32>, tensor<4x6xf32>, tensor<4x3xf32>) {
  %0 = onnx.Concat %x, %x {axis = -1 : i64} : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x12xf32>
  %sizes = onnx.Constant dense<[2, 4]> : tensor<2xi64>
  %1:2 = onnx.Split %x, %sizes {axis = 1 : i64} : (tensor<4x6xf32>, tensor<2xi64>) -> (tensor<4x2xf32>, tensor<4x4xf32>)
  %none = onnx.NoValue {value}
  %2:3 = onnx.Split %x, %none {num_outputs = 3 : i64} : (tensor<4x6xf32>, none) -> (tensor<2x6xf32>, tensor<2x6xf32>, tensor<0x6xf32>)
  %starts = onnx.Constant dense<-1> : tensor<1xi64>
  %ends = onnx.Constant dense<-9223372036854775808> : tensor<1xi64>
  %3 = onnx.Slice %x, %starts, %ends, %none, %starts
      : (tensor<4x6xf32>, tensor<1xi64>, tensor<1xi64>, none, tensor<1xi64>) -> tensor<4x6xf32>
  %4 = onnx.Gather %x, %i {axis = 1 : i64} : (tensor<4x6xf32>, tensor<3xi64>) -> tensor<4x3xf32>
  return %0, %1#1, %2#2, %3, %4 : tensor<4x12xf32>, tensor<4x4xf32>, tensor<0x6xf32>, tensor<4x6xf32>, tensor<4x3xf32>
}

// CHECK-LABEL: func.func @broadcasting
// CHECK-SAME: (%[[X:.*]]: tensor<3x1xf32>, %[[SHAPE:.*]]: tensor<2xi64>)
// CHECK: %[[EXP:.*]] = onnx.Expand %[[X]], %[[SHAPE]] : (tensor<3x1xf32>, tensor<2xi64>) -> tensor<3x?xf32>
// CHECK: %[[PADS:.*]] = onnx.Constant dense<[0, 1, 0, 2]> : tensor<4xi64>
// CHECK: %[[V:.*]] = onnx.Constant dense<5.000000e-01> : tensor<f32>
// CHECK: %[[NONE:.*]] = onnx.NoValue {value}
// CHECK: %[[PAD:.*]] = onnx.Pad %[[X]], %[[PADS]], %[[V]], %[[NONE]] {mode = "reflect"} : (tensor<3x1xf32>, tensor<4xi64>, tensor<f32>, none) -> tensor<3x4xf32>
// CHECK: %[[TILE:.*]] = onnx.Tile %[[X]], %[[SHAPE]] : (tensor<3x1xf32>, tensor<2xi64>) -> tensor<?x?xf32>
// CHECK: return %[[EXP]], %[[PAD]], %[[TILE]]
func.func @broadcasting(%x: tensor<3x1xf32>, %shape: tensor<2xi64>)
    -> (tensor<3x?xf32>, tensor<3x4xf32>, tensor<?x?xf32>) {
  %0 = onnx.Expand %x, %shape : (tensor<3x1xf32>, tensor<2xi64>) -> tensor<3x?xf32>
  %pads = onnx.Constant dense<[0, 1, 0, 2]> : tensor<4xi64>
  %v = onnx.Constant dense<0.5> : tensor<f32>
  %none = onnx.NoValue {value}
  %1 = onnx.Pad %x, %pads, %v, %none {mode = "reflect"}
      : (tensor<3x1xf32>, tensor<4xi64>, tensor<f32>, none) -> tensor<3x4xf32>
  %2 = onnx.Tile %x, %shape : (tensor<3x1xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0, %1, %2 : tensor<3x?xf32>, tensor<3x4xf32>, tensor<?x?xf32>
}

// CHECK-LABEL: func.func @shape_queries
// CHECK-SAME: (%[[X:.*]]: tensor<?x3xf32>, %[[N:.*]]: tensor<i64>)
// CHECK: %[[SHAPE:.*]] = onnx.Shape %[[X]] {start = -1 : i64} : (tensor<?x3xf32>) -> tensor<1xi64>
// CHECK: %[[SIZE:.*]] = onnx.Size %[[X]] : (tensor<?x3xf32>) -> tensor<i64>
// CHECK: %[[COS:.*]] = onnx.ConstantOfShape %[[SHAPE]] {value = dense<7> : tensor<1xi32>} : (tensor<1xi64>) -> tensor<3xi32>
// CHECK: %[[ZERO:.*]] = onnx.Constant dense<0> : tensor<i64>
// CHECK: %[[RANGE:.*]] = onnx.Range %[[ZERO]], %[[N]], %[[SIZE]] : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
// CHECK: return %[[SHAPE]], %[[COS]], %[[RANGE]]
func.func @shape_queries(%x: tensor<?x3xf32>, %n: tensor<i64>)
    -> (tensor<1xi64>, tensor<3xi32>, tensor<?xi64>) {
  %0 = onnx.Shape %x {start = -1 : i64} : (tensor<?x3xf32>) -> tensor<1xi64>
  %1 = onnx.Size %x : (tensor<?x3xf32>) -> tensor<i64>
  %2 = onnx.ConstantOfShape %0 {value = dense<7> : tensor<1xi32>} : (tensor<1xi64>) -> tensor<3xi32>
  %zero = onnx.Constant dense<0> : tensor<i64>
  %3 = onnx.Range %zero, %n, %1 : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  return %0, %2, %3 : tensor<1xi64>, tensor<3xi32>, tensor<?xi64>
}

// Constants keep their element type (unsigned, bool, f16) and their value.
// CHECK-LABEL: func.func @constants
// CHECK: %[[U:.*]] = onnx.Constant dense<[1, 255]> : tensor<2xui8>
// CHECK: %[[B:.*]] = onnx.Constant dense<[true, false]> : tensor<2xi1>
// CHECK: %[[H:.*]] = onnx.Constant dense<1.500000e+00> : tensor<2x2xf16>
// CHECK: return %[[U]], %[[B]], %[[H]]
func.func @constants() -> (tensor<2xui8>, tensor<2xi1>, tensor<2x2xf16>) {
  %0 = onnx.Constant dense<[1, 255]> : tensor<2xui8>
  %1 = onnx.Constant dense<[true, false]> : tensor<2xi1>
  %2 = onnx.Constant dense<1.5> : tensor<2x2xf16>
  return %0, %1, %2 : tensor<2xui8>, tensor<2xi1>, tensor<2x2xf16>
}

// If: two regions ending in onnx.Yield; they may read values from outside.
// CHECK-LABEL: func.func @if_op
// CHECK-SAME: (%[[C:.*]]: tensor<i1>, %[[X:.*]]: tensor<2xf32>)
// CHECK: %[[R:.*]]:2 = onnx.If %[[C]] : tensor<i1> -> tensor<2xf32>, tensor<?xf32> then {
// CHECK-NEXT: %[[NEG:.*]] = onnx.Neg %[[X]] : (tensor<2xf32>) -> tensor<2xf32>
// CHECK-NEXT: onnx.Yield %[[NEG]], %[[X]] : tensor<2xf32>, tensor<2xf32>
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[CAT:.*]] = onnx.Concat %[[X]], %[[X]] {axis = 0 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
// CHECK-NEXT: onnx.Yield %[[X]], %[[CAT]] : tensor<2xf32>, tensor<4xf32>
// CHECK-NEXT: }
// CHECK: return %[[R]]#0, %[[R]]#1
func.func @if_op(%c: tensor<i1>, %x: tensor<2xf32>) -> (tensor<2xf32>, tensor<?xf32>) {
  %0:2 = onnx.If %c : tensor<i1> -> tensor<2xf32>, tensor<?xf32> then {
    %n = onnx.Neg %x : (tensor<2xf32>) -> tensor<2xf32>
    onnx.Yield %n, %x : tensor<2xf32>, tensor<2xf32>
  } else {
    %cat = onnx.Concat %x, %x {axis = 0 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
    onnx.Yield %x, %cat : tensor<2xf32>, tensor<4xf32>
  }
  return %0#0, %0#1 : tensor<2xf32>, tensor<?xf32>
}

// An If without results and unranked types round trip as well.
// CHECK-LABEL: func.func @if_no_results
// CHECK: onnx.If %{{.*}} : tensor<1xi1> then {
// CHECK-NEXT: onnx.Yield
// CHECK-NEXT: } else {
// CHECK-NEXT: onnx.Yield
// CHECK-NEXT: }
// CHECK: onnx.Relu %{{.*}} : (tensor<*xf32>) -> tensor<*xf32>
func.func @if_no_results(%c: tensor<1xi1>, %u: tensor<*xf32>) -> tensor<*xf32> {
  onnx.If %c : tensor<1xi1> then {
    onnx.Yield
  } else {
    onnx.Yield
  }
  %0 = onnx.Relu %u : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
