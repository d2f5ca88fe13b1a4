// RUN: onnx-opt %s -split-input-file --onnx-infer-shapes | FileCheck %s

// Result types are refined from the operands; the function's result types
// follow its return.

// CHECK-LABEL: func.func @static_elementwise
// CHECK-SAME: -> (tensor<2x3xf32>, tensor<2x3xi1>, tensor<2x3xi32>)
// CHECK: onnx.Add %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: onnx.Less %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
// CHECK: onnx.Cast %{{.*}} {to = i32} : (tensor<2x3xf32>) -> tensor<2x3xi32>
func.func @static_elementwise(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> (tensor<*xf32>, tensor<*xi1>, tensor<*xi32>) {
  %0 = onnx.Add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<*xf32>
  %1 = onnx.Less %0, %b : (tensor<*xf32>, tensor<3xf32>) -> tensor<*xi1>
  %2 = onnx.Cast %0 {to = i32} : (tensor<*xf32>) -> tensor<*xi32>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xi1>, tensor<*xi32>
}

// -----

// Broadcasting: size-1 and missing dims stretch; `?` against a static size
// n > 1 is n; `?` against `?` or 1 stays `?`.
// CHECK-LABEL: func.func @broadcast
// CHECK-SAME: -> (tensor<2x3x4xf32>, tensor<?x4xf32>, tensor<5x?xf32>, tensor<?x?xf32>)
// CHECK: onnx.Mul {{.*}} -> tensor<2x3x4xf32>
// CHECK: onnx.Sub {{.*}} -> tensor<?x4xf32>
// CHECK: onnx.Div {{.*}} -> tensor<5x?xf32>
// CHECK: onnx.Sum {{.*}} -> tensor<?x?xf32>
func.func @broadcast(%a: tensor<2x1x4xf32>, %b: tensor<3x1xf32>, %c: tensor<?x1xf32>, %d: tensor<1x4xf32>,
                     %e: tensor<?x?xf32>, %f: tensor<5x1xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.Mul %a, %b : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  %1 = onnx.Sub %c, %d : (tensor<?x1xf32>, tensor<1x4xf32>) -> tensor<*xf32>
  %2 = onnx.Div %e, %f : (tensor<?x?xf32>, tensor<5x1xf32>) -> tensor<*xf32>
  %3 = onnx.Sum %c, %e, %c : (tensor<?x1xf32>, tensor<?x?xf32>, tensor<?x1xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Unranked operands give unranked results; declared static dims are kept.
// CHECK-LABEL: func.func @unknown_kept
// CHECK-SAME: -> (tensor<*xf32>, tensor<?x8xf32>)
// CHECK: onnx.Relu %{{.*}} : (tensor<*xf32>) -> tensor<*xf32>
// CHECK: onnx.Sigmoid %{{.*}} : (tensor<?x?xf32>) -> tensor<?x8xf32>
func.func @unknown_kept(%u: tensor<*xf32>, %d: tensor<?x?xf32>) -> (tensor<*xf32>, tensor<?x8xf32>) {
  %0 = onnx.Relu %u : (tensor<*xf32>) -> tensor<*xf32>
  %1 = onnx.Sigmoid %d : (tensor<?x?xf32>) -> tensor<?x8xf32>
  return %0, %1 : tensor<*xf32>, tensor<?x8xf32>
}

// -----

// out = floor((in + pads - ((k - 1) * d + 1)) / s) + 1
// CHECK-LABEL: func.func @conv
// CHECK-SAME: -> (tensor<1x16x16x16xf32>, tensor<?x8x6x?xf32>, tensor<1x8x8x8xf32>)
// CHECK: onnx.Conv {{.*}} -> tensor<1x16x16x16xf32>
// CHECK: onnx.Conv {{.*}} -> tensor<?x8x6x?xf32>
// CHECK: onnx.Conv {{.*}} -> tensor<1x8x8x8xf32>
func.func @conv(%x: tensor<1x3x32x32xf32>, %w: tensor<16x3x5x5xf32>, %b: tensor<16xf32>,
                %xd: tensor<?x3x10x?xf32>, %wd: tensor<8x3x3x3xf32>,
                %xg: tensor<1x8x10x10xf32>, %wg: tensor<8x1x3x3xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %none = onnx.NoValue {value}
  %0 = onnx.Conv %x, %w, %b {pads = array<i64: 2, 2, 2, 2>, strides = array<i64: 2, 2>}
      : (tensor<1x3x32x32xf32>, tensor<16x3x5x5xf32>, tensor<16xf32>) -> tensor<*xf32>
  %1 = onnx.Conv %xd, %wd, %none {dilations = array<i64: 2, 2>}
      : (tensor<?x3x10x?xf32>, tensor<8x3x3x3xf32>, none) -> tensor<*xf32>
  %2 = onnx.Conv %xg, %wg, %none {group = 8 : i64}
      : (tensor<1x8x10x10xf32>, tensor<8x1x3x3xf32>, none) -> tensor<*xf32>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// SAME_UPPER/SAME_LOWER: out = ceil(in / s) whatever the pads; VALID: no
// padding.
// CHECK-LABEL: func.func @conv_auto_pad
// CHECK-SAME: -> (tensor<1x4x4x3xf32>, tensor<1x4x7x5xf32>, tensor<1x4x5x3xf32>)
// CHECK: onnx.Conv {{.*}}auto_pad = "SAME_UPPER"{{.*}} -> tensor<1x4x4x3xf32>
// CHECK: onnx.Conv {{.*}}auto_pad = "SAME_LOWER"{{.*}} -> tensor<1x4x7x5xf32>
// CHECK: onnx.Conv {{.*}}auto_pad = "VALID"{{.*}} -> tensor<1x4x5x3xf32>
func.func @conv_auto_pad(%x: tensor<1x2x7x5xf32>, %w: tensor<4x2x3x3xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %none = onnx.NoValue {value}
  %0 = onnx.Conv %x, %w, %none {auto_pad = "SAME_UPPER", strides = array<i64: 2, 2>}
      : (tensor<1x2x7x5xf32>, tensor<4x2x3x3xf32>, none) -> tensor<*xf32>
  %1 = onnx.Conv %x, %w, %none {auto_pad = "SAME_LOWER", pads = array<i64: 5, 5, 5, 5>}
      : (tensor<1x2x7x5xf32>, tensor<4x2x3x3xf32>, none) -> tensor<*xf32>
  %2 = onnx.Conv %x, %w, %none {auto_pad = "VALID", pads = array<i64: 1, 1, 1, 1>}
      : (tensor<1x2x7x5xf32>, tensor<4x2x3x3xf32>, none) -> tensor<*xf32>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// out = s * (in - 1) + output_padding + (k - 1) * d + 1 - pads
// CHECK-LABEL: func.func @conv_transpose
// CHECK-SAME: -> (tensor<1x2x17x17xf32>, tensor<1x6x16x16xf32>, tensor<1x2x20x30xf32>)
func.func @conv_transpose(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x2x2xf32>, %w3: tensor<4x3x3x3xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %none = onnx.NoValue {value}
  %0 = onnx.ConvTranspose %x, %w, %none {output_padding = array<i64: 1, 1>, strides = array<i64: 2, 2>}
      : (tensor<1x4x8x8xf32>, tensor<4x2x2x2xf32>, none) -> tensor<*xf32>
  %1 = onnx.ConvTranspose %x, %w3, %none {auto_pad = "SAME_UPPER", group = 2 : i64, strides = array<i64: 2, 2>}
      : (tensor<1x4x8x8xf32>, tensor<4x3x3x3xf32>, none) -> tensor<*xf32>
  %2 = onnx.ConvTranspose %x, %w, %none {output_shape = array<i64: 20, 30>}
      : (tensor<1x4x8x8xf32>, tensor<4x2x2x2xf32>, none) -> tensor<*xf32>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// ceil_mode rounds the window count up, but a window that would start in
// the end padding is dropped.
// CHECK-LABEL: func.func @pools
// CHECK-SAME: -> (tensor<1x3x4x4xf32>, tensor<1x3x5x5xf32>, tensor<1x3x5x5xi64>, tensor<1x3x2x2xf32>, tensor<1x3x4x4xf32>, tensor<1x3x9x9xf32>, tensor<?x3x1x1xf32>)
// CHECK: onnx.MaxPool {{.*}} -> (tensor<1x3x4x4xf32>, none)
// CHECK: onnx.MaxPool {{.*}} -> (tensor<1x3x5x5xf32>, tensor<1x3x5x5xi64>)
// CHECK: onnx.MaxPool {{.*}} -> (tensor<1x3x2x2xf32>, none)
// CHECK: onnx.MaxPool {{.*}} -> (tensor<1x3x4x4xf32>, none)
// CHECK: onnx.AveragePool {{.*}} -> tensor<1x3x9x9xf32>
// CHECK: onnx.GlobalAveragePool {{.*}} -> tensor<?x3x1x1xf32>
func.func @pools(%x: tensor<1x3x9x9xf32>, %x3: tensor<1x3x3x3xf32>, %x7: tensor<1x3x7x7xf32>, %xd: tensor<?x3x?x?xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xi64>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0:2 = onnx.MaxPool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}
      : (tensor<1x3x9x9xf32>) -> (tensor<*xf32>, none)
  %1:2 = onnx.MaxPool %x {ceil_mode = 1 : i64, kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}
      : (tensor<1x3x9x9xf32>) -> (tensor<*xf32>, tensor<*xi64>)
  %2:2 = onnx.MaxPool %x3 {ceil_mode = 1 : i64, kernel_shape = array<i64: 1, 1>, pads = array<i64: 0, 0, 1, 1>, strides = array<i64: 2, 2>}
      : (tensor<1x3x3x3xf32>) -> (tensor<*xf32>, none)
  %3:2 = onnx.MaxPool %x7 {auto_pad = "SAME_UPPER", kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>}
      : (tensor<1x3x7x7xf32>) -> (tensor<*xf32>, none)
  %4 = onnx.AveragePool %x {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>}
      : (tensor<1x3x9x9xf32>) -> tensor<*xf32>
  %5 = onnx.GlobalAveragePool %xd : (tensor<?x3x?x?xf32>) -> tensor<*xf32>
  return %0#0, %1#0, %1#1, %2#0, %3#0, %4, %5
      : tensor<*xf32>, tensor<*xf32>, tensor<*xi64>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @gemm
// CHECK-SAME: -> (tensor<3x5xf32>, tensor<4x?xf32>)
// CHECK: onnx.Gemm {{.*}} : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<3x5xf32>
// CHECK: onnx.Gemm {{.*}} : (tensor<4x3xf32>, tensor<3x?xf32>, none) -> tensor<4x?xf32>
func.func @gemm(%a: tensor<4x3xf32>, %b: tensor<5x4xf32>, %c: tensor<5xf32>, %bd: tensor<3x?xf32>)
    -> (tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.Gemm %a, %b, %c {transA = 1 : i64, transB = 1 : i64}
      : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<*xf32>
  %none = onnx.NoValue {value}
  %1 = onnx.Gemm %a, %bd, %none : (tensor<4x3xf32>, tensor<3x?xf32>, none) -> tensor<*xf32>
  return %0, %1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// numpy.matmul: batch dims broadcast; a 1-D operand gets a 1 prepended (A)
// or appended (B) that is removed from the result.
// CHECK-LABEL: func.func @matmul
// CHECK-SAME: -> (tensor<2x5x4x6xf32>, tensor<6xf32>, tensor<2xf32>, tensor<f32>, tensor<?x4x?xf32>)
// CHECK: onnx.MatMul {{.*}} -> tensor<2x5x4x6xf32>
// CHECK: onnx.MatMul {{.*}} -> tensor<6xf32>
// CHECK: onnx.MatMul {{.*}} -> tensor<2xf32>
// CHECK: onnx.MatMul {{.*}} -> tensor<f32>
// CHECK: onnx.MatMul {{.*}} -> tensor<?x4x?xf32>
func.func @matmul(%a: tensor<2x1x4x3xf32>, %b: tensor<5x3x6xf32>, %v: tensor<3xf32>, %m: tensor<3x6xf32>,
                  %m2: tensor<2x3xf32>, %ad: tensor<?x4x3xf32>, %bd: tensor<3x?xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.MatMul %a, %b : (tensor<2x1x4x3xf32>, tensor<5x3x6xf32>) -> tensor<*xf32>
  %1 = onnx.MatMul %v, %m : (tensor<3xf32>, tensor<3x6xf32>) -> tensor<*xf32>
  %2 = onnx.MatMul %m2, %v : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<*xf32>
  %3 = onnx.MatMul %v, %v : (tensor<3xf32>, tensor<3xf32>) -> tensor<*xf32>
  %4 = onnx.MatMul %ad, %bd : (tensor<?x4x3xf32>, tensor<3x?xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3, %4 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// 0 copies the input dim (allowzero = 0), -1 takes the remaining elements.
// CHECK-LABEL: func.func @reshape
// CHECK-SAME: -> (tensor<2x12xf32>, tensor<3x2x4xf32>, tensor<?x?x?xf32>, tensor<?x?xf32>, tensor<0x24xf32>)
// CHECK: onnx.Reshape {{.*}} -> tensor<2x12xf32>
// CHECK: onnx.Reshape {{.*}} -> tensor<3x2x4xf32>
// CHECK: onnx.Reshape {{.*}} -> tensor<?x?x?xf32>
// CHECK: onnx.Reshape {{.*}} -> tensor<?x?xf32>
// CHECK: onnx.Reshape {{.*}} -> tensor<0x24xf32>
func.func @reshape(%x: tensor<2x3x4xf32>, %s: tensor<3xi64>, %xd: tensor<?x3x4xf32>, %z: tensor<0x24xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %c0 = onnx.Constant dense<[0, -1]> : tensor<2xi64>
  %0 = onnx.Reshape %x, %c0 : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  %c1 = onnx.Constant dense<[-1, 2, 0]> : tensor<3xi64>
  %1 = onnx.Reshape %x, %c1 : (tensor<2x3x4xf32>, tensor<3xi64>) -> tensor<*xf32>
  %2 = onnx.Reshape %x, %s : (tensor<2x3x4xf32>, tensor<3xi64>) -> tensor<*xf32>
  %3 = onnx.Reshape %xd, %c0 : (tensor<?x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  %c2 = onnx.Constant dense<[0, 24]> : tensor<2xi64>
  %4 = onnx.Reshape %z, %c2 {allowzero = 1 : i64} : (tensor<0x24xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0, %1, %2, %3, %4 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// The shape computation of a flatten written out with Shape, Gather,
// Unsqueeze and Concat folds to a constant, and the Reshape gets a static
// type.
// CHECK-LABEL: func.func @shape_chain
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<2x12xf32>
// CHECK-NOT: onnx.Shape
// CHECK-NOT: onnx.Gather
// CHECK-NOT: onnx.Unsqueeze
// CHECK-NOT: onnx.Concat
// CHECK: %[[SHAPE:.*]] = onnx.Constant dense<[2, -1]> : tensor<2xi64>
// CHECK: %[[R:.*]] = onnx.Reshape %[[X]], %[[SHAPE]] : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<2x12xf32>
// CHECK: return %[[R]]
func.func @shape_chain(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %shape = onnx.Shape %x : (tensor<2x3x4xf32>) -> tensor<*xi64>
  %idx = onnx.Constant dense<0> : tensor<i64>
  %batch = onnx.Gather %shape, %idx {axis = 0 : i64} : (tensor<*xi64>, tensor<i64>) -> tensor<*xi64>
  %axes = onnx.Constant dense<0> : tensor<1xi64>
  %batch1 = onnx.Unsqueeze %batch, %axes : (tensor<*xi64>, tensor<1xi64>) -> tensor<*xi64>
  %minus1 = onnx.Constant dense<-1> : tensor<1xi64>
  %target = onnx.Concat %batch1, %minus1 {axis = 0 : i64} : (tensor<*xi64>, tensor<1xi64>) -> tensor<*xi64>
  %0 = onnx.Reshape %x, %target : (tensor<2x3x4xf32>, tensor<*xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// With a dynamic dim the Shape stays, but its static slice folds; Size folds
// only for static shapes.
// CHECK-LABEL: func.func @shape_dynamic
// CHECK-SAME: -> (tensor<3xi64>, tensor<2xi64>, tensor<i64>, tensor<i64>)
// CHECK-DAG: %[[FULL:.*]] = onnx.Shape %{{.*}} : (tensor<?x3x4xf32>) -> tensor<3xi64>
// CHECK-DAG: %[[TAIL:.*]] = onnx.Constant dense<[3, 4]> : tensor<2xi64>
// CHECK-DAG: %[[DSIZE:.*]] = onnx.Size %{{.*}} : (tensor<?x3x4xf32>) -> tensor<i64>
// CHECK-DAG: %[[SSIZE:.*]] = onnx.Constant dense<24> : tensor<i64>
// CHECK: return %[[FULL]], %[[TAIL]], %[[DSIZE]], %[[SSIZE]]
func.func @shape_dynamic(%x: tensor<?x3x4xf32>, %y: tensor<2x3x4xf32>)
    -> (tensor<*xi64>, tensor<*xi64>, tensor<*xi64>, tensor<*xi64>) {
  %0 = onnx.Shape %x : (tensor<?x3x4xf32>) -> tensor<*xi64>
  %1 = onnx.Shape %x {start = 1 : i64} : (tensor<?x3x4xf32>) -> tensor<*xi64>
  %2 = onnx.Size %x : (tensor<?x3x4xf32>) -> tensor<*xi64>
  %3 = onnx.Size %y : (tensor<2x3x4xf32>) -> tensor<*xi64>
  return %0, %1, %2, %3 : tensor<*xi64>, tensor<*xi64>, tensor<*xi64>, tensor<*xi64>
}

// -----

// Slice: clamped starts/ends; negative steps walk backwards.
// CHECK-LABEL: func.func @slice
// CHECK-SAME: -> (tensor<10x4xf32>, tensor<3x4xf32>, tensor<10x3xf32>, tensor<10x?xf32>, tensor<0x4xf32>)
// CHECK: onnx.Slice {{.*}} -> tensor<10x4xf32>
// CHECK: onnx.Slice {{.*}} -> tensor<3x4xf32>
// CHECK: onnx.Slice {{.*}} -> tensor<10x3xf32>
// CHECK: onnx.Slice {{.*}} -> tensor<10x?xf32>
// CHECK: onnx.Slice {{.*}} -> tensor<0x4xf32>
func.func @slice(%x: tensor<10x4xf32>, %dyn: tensor<1xi64>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %none = onnx.NoValue {value}
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %min = onnx.Constant dense<-9223372036854775808> : tensor<1xi64>
  // Reverse: starts -1, ends INT64_MIN, steps -1.
  %0 = onnx.Slice %x, %m1, %min, %none, %m1
      : (tensor<10x4xf32>, tensor<1xi64>, tensor<1xi64>, none, tensor<1xi64>) -> tensor<*xf32>
  // 8, 5, 2.
  %s8 = onnx.Constant dense<8> : tensor<1xi64>
  %e1 = onnx.Constant dense<1> : tensor<1xi64>
  %m3 = onnx.Constant dense<-3> : tensor<1xi64>
  %1 = onnx.Slice %x, %s8, %e1, %none, %m3
      : (tensor<10x4xf32>, tensor<1xi64>, tensor<1xi64>, none, tensor<1xi64>) -> tensor<*xf32>
  // Axis -1, ends past the end: [1, 4).
  %big = onnx.Constant dense<1000> : tensor<1xi64>
  %2 = onnx.Slice %x, %e1, %big, %m1, %none
      : (tensor<10x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<*xf32>
  // Starts only known at run time.
  %3 = onnx.Slice %x, %dyn, %big, %m1, %none
      : (tensor<10x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<*xf32>
  // Empty: start after end with a positive step.
  %4 = onnx.Slice %x, %s8, %e1, %none, %none
      : (tensor<10x4xf32>, tensor<1xi64>, tensor<1xi64>, none, none) -> tensor<*xf32>
  return %0, %1, %2, %3, %4 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @split
// CHECK-SAME: -> (tensor<4x2xf32>, tensor<4x4xf32>, tensor<3x6xf32>, tensor<3x6xf32>, tensor<1x6xf32>, tensor<?x3xf32>)
// CHECK: onnx.Split {{.*}} -> (tensor<4x2xf32>, tensor<4x4xf32>)
// CHECK: onnx.Split {{.*}} -> (tensor<3x6xf32>, tensor<3x6xf32>, tensor<1x6xf32>)
// CHECK: onnx.Split {{.*}} -> (tensor<?x3xf32>, tensor<?x3xf32>)
func.func @split(%x: tensor<4x6xf32>, %y: tensor<7x6xf32>, %d: tensor<?x3xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %sizes = onnx.Constant dense<[2, 4]> : tensor<2xi64>
  %0:2 = onnx.Split %x, %sizes {axis = -1 : i64} : (tensor<4x6xf32>, tensor<2xi64>) -> (tensor<*xf32>, tensor<*xf32>)
  %none = onnx.NoValue {value}
  %1:3 = onnx.Split %y, %none {num_outputs = 3 : i64} : (tensor<7x6xf32>, none) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  %2:2 = onnx.Split %d, %none : (tensor<?x3xf32>, none) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1, %1#0, %1#1, %1#2, %2#1 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @squeeze_unsqueeze
// CHECK-SAME: -> (tensor<2x3xf32>, tensor<2xf32>, tensor<*xf32>, tensor<1x2x3x1xf32>, tensor<?x1xf32>)
// CHECK: onnx.Squeeze {{.*}} -> tensor<2x3xf32>
// CHECK: onnx.Squeeze {{.*}} -> tensor<2xf32>
// CHECK: onnx.Squeeze {{.*}} -> tensor<*xf32>
// CHECK: onnx.Unsqueeze {{.*}} -> tensor<1x2x3x1xf32>
// CHECK: onnx.Squeeze {{.*}} -> tensor<?x1xf32>
func.func @squeeze_unsqueeze(%x: tensor<2x1x3x1xf32>, %y: tensor<1x2x1xf32>, %d: tensor<?x2xf32>,
                             %z: tensor<2x3xf32>, %w: tensor<?x1x?xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %axes = onnx.Constant dense<[1, -1]> : tensor<2xi64>
  %0 = onnx.Squeeze %x, %axes : (tensor<2x1x3x1xf32>, tensor<2xi64>) -> tensor<*xf32>
  %none = onnx.NoValue {value}
  %1 = onnx.Squeeze %y, %none : (tensor<1x2x1xf32>, none) -> tensor<*xf32>
  // Without axes a dynamic dim might be 1: the rank is unknown.
  %2 = onnx.Squeeze %d, %none : (tensor<?x2xf32>, none) -> tensor<*xf32>
  %uaxes = onnx.Constant dense<[0, -1]> : tensor<2xi64>
  %3 = onnx.Unsqueeze %z, %uaxes : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<*xf32>
  // A dynamic dim named in axes is taken to be 1.
  %last = onnx.Constant dense<2> : tensor<1xi64>
  %4 = onnx.Squeeze %w, %last : (tensor<?x1x?xf32>, tensor<1xi64>) -> tensor<*xf32>
  return %0, %1, %2, %3, %4 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @transpose_concat
// CHECK-SAME: -> (tensor<4x3x2xf32>, tensor<3x2x4xf32>, tensor<2x?xf32>, tensor<2x6xf32>)
// CHECK: onnx.Transpose {{.*}} -> tensor<4x3x2xf32>
// CHECK: onnx.Transpose {{.*}} -> tensor<3x2x4xf32>
// CHECK: onnx.Concat {{.*}} -> tensor<2x?xf32>
// CHECK: onnx.Concat {{.*}} -> tensor<2x6xf32>
func.func @transpose_concat(%x: tensor<2x3x4xf32>, %a: tensor<2x3xf32>, %b: tensor<2x?xf32>, %c: tensor<?x3xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.Transpose %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  %1 = onnx.Transpose %x {perm = array<i64: 1, 0, 2>} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  %2 = onnx.Concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x?xf32>) -> tensor<*xf32>
  %3 = onnx.Concat %c, %a {axis = -1 : i64} : (tensor<?x3xf32>, tensor<2x3xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// The indices' shape replaces the gathered axis.
// CHECK-LABEL: func.func @gather
// CHECK-SAME: -> (tensor<5x2x2x3xf32>, tensor<5x3xf32>, tensor<?x4x3xf32>)
// CHECK: onnx.Gather {{.*}} -> tensor<5x2x2x3xf32>
// CHECK: onnx.Gather {{.*}} -> tensor<5x3xf32>
// CHECK: onnx.Gather {{.*}} -> tensor<?x4x3xf32>
func.func @gather(%x: tensor<5x4x3xf32>, %i: tensor<2x2xi64>, %j: tensor<?xi32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.Gather %x, %i {axis = 1 : i64} : (tensor<5x4x3xf32>, tensor<2x2xi64>) -> tensor<*xf32>
  %k = onnx.Constant dense<-1> : tensor<i64>
  %1 = onnx.Gather %x, %k {axis = -2 : i64} : (tensor<5x4x3xf32>, tensor<i64>) -> tensor<*xf32>
  %2 = onnx.Gather %x, %j : (tensor<5x4x3xf32>, tensor<?xi32>) -> tensor<*xf32>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @expand_tile
// CHECK-SAME: -> (tensor<2x3x4xf32>, tensor<?x3x?xf32>, tensor<4x9xf32>, tensor<?x?xf32>)
// CHECK: onnx.Expand {{.*}} -> tensor<2x3x4xf32>
// CHECK: onnx.Expand {{.*}} -> tensor<?x3x?xf32>
// CHECK: onnx.Tile {{.*}} -> tensor<4x9xf32>
// CHECK: onnx.Tile {{.*}} -> tensor<?x?xf32>
func.func @expand_tile(%x: tensor<3x1xf32>, %s: tensor<3xi64>, %y: tensor<2x3xf32>, %r: tensor<2xi64>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %shape = onnx.Constant dense<[2, 1, 4]> : tensor<3xi64>
  %0 = onnx.Expand %x, %shape : (tensor<3x1xf32>, tensor<3xi64>) -> tensor<*xf32>
  %1 = onnx.Expand %x, %s : (tensor<3x1xf32>, tensor<3xi64>) -> tensor<*xf32>
  %repeats = onnx.Constant dense<[2, 3]> : tensor<2xi64>
  %2 = onnx.Tile %y, %repeats : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<*xf32>
  %3 = onnx.Tile %y, %r : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// pads = [begin_0, begin_1, ..., end_0, end_1, ...] over `axes` (all by default).
// CHECK-LABEL: func.func @pad
// CHECK-SAME: -> (tensor<4x7xf32>, tensor<3x6xf32>, tensor<?x?xf32>, tensor<2x4xf32>)
// CHECK: onnx.Pad {{.*}} -> tensor<4x7xf32>
// CHECK: onnx.Pad {{.*}} -> tensor<3x6xf32>
// CHECK: onnx.Pad {{.*}} -> tensor<?x?xf32>
// CHECK: onnx.Pad {{.*}} -> tensor<2x4xf32>
func.func @pad(%x: tensor<3x4xf32>, %p: tensor<4xi64>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %none = onnx.NoValue {value}
  %pads = onnx.Constant dense<[1, 2, 0, 1]> : tensor<4xi64>
  %0 = onnx.Pad %x, %pads, %none, %none : (tensor<3x4xf32>, tensor<4xi64>, none, none) -> tensor<*xf32>
  %axes = onnx.Constant dense<-1> : tensor<1xi64>
  %pads1 = onnx.Constant dense<[1, 1]> : tensor<2xi64>
  %1 = onnx.Pad %x, %pads1, %none, %axes {mode = "edge"} : (tensor<3x4xf32>, tensor<2xi64>, none, tensor<1xi64>) -> tensor<*xf32>
  %2 = onnx.Pad %x, %p, %none, %none : (tensor<3x4xf32>, tensor<4xi64>, none, none) -> tensor<*xf32>
  // Negative pads crop.
  %crop = onnx.Constant dense<[0, 0, -1, 0]> : tensor<4xi64>
  %3 = onnx.Pad %x, %crop, %none, %none : (tensor<3x4xf32>, tensor<4xi64>, none, none) -> tensor<*xf32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @constant_of_shape_range
// CHECK-SAME: -> (tensor<2x3xf32>, tensor<4xi64>, tensor<?x?xi32>, tensor<4xi64>, tensor<?xf32>)
// CHECK: onnx.ConstantOfShape {{.*}} -> tensor<2x3xf32>
// CHECK: onnx.ConstantOfShape {{.*}} -> tensor<4xi64>
// CHECK: onnx.ConstantOfShape {{.*}} -> tensor<?x?xi32>
// CHECK: onnx.Range {{.*}} -> tensor<4xi64>
// CHECK: onnx.Range {{.*}} -> tensor<?xf32>
func.func @constant_of_shape_range(%s: tensor<2xi64>, %lim: tensor<f32>)
    -> (tensor<*xf32>, tensor<*xi64>, tensor<*xi32>, tensor<*xi64>, tensor<*xf32>) {
  %c = onnx.Constant dense<[2, 3]> : tensor<2xi64>
  %0 = onnx.ConstantOfShape %c : (tensor<2xi64>) -> tensor<*xf32>
  %c4 = onnx.Constant dense<4> : tensor<1xi64>
  %1 = onnx.ConstantOfShape %c4 {value = dense<7> : tensor<1xi64>} : (tensor<1xi64>) -> tensor<*xi64>
  %2 = onnx.ConstantOfShape %s {value = dense<1> : tensor<1xi32>} : (tensor<2xi64>) -> tensor<*xi32>
  // 10, 7, 4, 1
  %start = onnx.Constant dense<10> : tensor<i64>
  %limit = onnx.Constant dense<0> : tensor<i64>
  %delta = onnx.Constant dense<-3> : tensor<i64>
  %3 = onnx.Range %start, %limit, %delta : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<*xi64>
  %fs = onnx.Constant dense<0.0> : tensor<f32>
  %fd = onnx.Constant dense<0.5> : tensor<f32>
  %4 = onnx.Range %fs, %lim, %fd : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<*xf32>
  return %0, %1, %2, %3, %4 : tensor<*xf32>, tensor<*xi64>, tensor<*xi32>, tensor<*xi64>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @reduce_flatten
// CHECK-SAME: -> (tensor<2x1x4xf32>, tensor<2xf32>, tensor<2x3x4xf32>, tensor<1x1x1xf32>, tensor<6x4xf32>, tensor<1x24xf32>, tensor<?x4xf32>, tensor<2x4xi64>)
// CHECK: onnx.ReduceSum {{.*}} -> tensor<2x1x4xf32>
// CHECK: onnx.ReduceMean {{.*}} -> tensor<2xf32>
// CHECK: onnx.ReduceMax {{.*}} -> tensor<2x3x4xf32>
// CHECK: onnx.ReduceMin {{.*}} -> tensor<1x1x1xf32>
// CHECK: onnx.Flatten {{.*}} -> tensor<6x4xf32>
// CHECK: onnx.Flatten {{.*}} -> tensor<1x24xf32>
// CHECK: onnx.Flatten {{.*}} -> tensor<?x4xf32>
// CHECK: onnx.ArgMin {{.*}} -> tensor<2x4xi64>
func.func @reduce_flatten(%x: tensor<2x3x4xf32>, %xd: tensor<?x3x4xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xi64>) {
  %axes = onnx.Constant dense<1> : tensor<1xi64>
  %0 = onnx.ReduceSum %x, %axes : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<*xf32>
  %axes2 = onnx.Constant dense<[-1, 1]> : tensor<2xi64>
  %1 = onnx.ReduceMean %x, %axes2 {keepdims = 0 : i64} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  %none = onnx.NoValue {value}
  %2 = onnx.ReduceMax %x, %none {noop_with_empty_axes = 1 : i64} : (tensor<2x3x4xf32>, none) -> tensor<*xf32>
  %3 = onnx.ReduceMin %x, %none : (tensor<2x3x4xf32>, none) -> tensor<*xf32>
  %4 = onnx.Flatten %x {axis = 2 : i64} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  %5 = onnx.Flatten %x {axis = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  %6 = onnx.Flatten %xd {axis = -1 : i64} : (tensor<?x3x4xf32>) -> tensor<*xf32>
  %7 = onnx.ArgMin %x {axis = 1 : i64, keepdims = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<*xi64>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xi64>
}

// -----

// CHECK-LABEL: func.func @normalization
// CHECK-SAME: -> (tensor<2x3x4xf32>, tensor<2x1x1xf32>, tensor<2x3x4xf32>, tensor<2x3x4xi1>)
// CHECK: onnx.LayerNormalization {{.*}} -> (tensor<2x3x4xf32>, tensor<2x1x1xf32>, none)
// CHECK: onnx.Softmax {{.*}} -> tensor<2x3x4xf32>
// CHECK: onnx.Dropout {{.*}} -> (tensor<2x3x4xf32>, tensor<2x3x4xi1>)
func.func @normalization(%x: tensor<2x3x4xf32>, %s: tensor<3x4xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xi1>) {
  %none = onnx.NoValue {value}
  %0:3 = onnx.LayerNormalization %x, %s, %none {axis = 1 : i64}
      : (tensor<2x3x4xf32>, tensor<3x4xf32>, none) -> (tensor<*xf32>, tensor<*xf32>, none)
  %1 = onnx.Softmax %0#0 {axis = 1 : i64} : (tensor<*xf32>) -> tensor<*xf32>
  %2:2 = onnx.Dropout %1, %none, %none : (tensor<*xf32>, none, none) -> (tensor<*xf32>, tensor<*xi1>)
  return %0#0, %0#1, %2#0, %2#1 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xi1>
}

// -----

// The branches are inferred first; the If result joins them: equal dims are
// kept, differing ones become `?`, differing ranks give an unranked type.
// CHECK-LABEL: func.func @if_join
// CHECK-SAME: -> (tensor<2x?xf32>, tensor<*xf32>, tensor<2x3xf32>)
// CHECK: onnx.If %{{.*}} : tensor<i1> -> tensor<2x?xf32>, tensor<*xf32>, tensor<2x3xf32> then {
// CHECK: onnx.Relu %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: onnx.Yield %{{.*}}, %{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
// CHECK: } else {
// CHECK: onnx.Concat %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
// CHECK: onnx.Yield %{{.*}}, %{{.*}}, %{{.*}} : tensor<2x4xf32>, tensor<6xf32>, tensor<2x3xf32>
func.func @if_join(%c: tensor<i1>, %x: tensor<2x3xf32>, %y: tensor<2x1xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0:3 = onnx.If %c : tensor<i1> -> tensor<*xf32>, tensor<*xf32>, tensor<*xf32> then {
    %r = onnx.Relu %x : (tensor<2x3xf32>) -> tensor<*xf32>
    onnx.Yield %r, %r, %x : tensor<*xf32>, tensor<*xf32>, tensor<2x3xf32>
  } else {
    %cat = onnx.Concat %x, %y {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<*xf32>
    %shape = onnx.Constant dense<6> : tensor<1xi64>
    %flat = onnx.Reshape %x, %shape : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<*xf32>
    onnx.Yield %cat, %flat, %x : tensor<*xf32>, tensor<*xf32>, tensor<2x3xf32>
  }
  return %0#0, %0#1, %0#2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// The function's result types are those of its return.
// CHECK-LABEL: func.func @function_type
// CHECK-SAME: (%{{.*}}: tensor<?x4xf32>) -> tensor<?x4xf32>
// CHECK: onnx.Abs %{{.*}} : (tensor<?x4xf32>) -> tensor<?x4xf32>
func.func @function_type(%x: tensor<?x4xf32>) -> tensor<*xf32> {
  %0 = onnx.Abs %x : (tensor<?x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Axes known at run time: the rank of Squeeze/Unsqueeze is still known from
// the number of axes; every dim is `?`.
// CHECK-LABEL: func.func @squeeze_unsqueeze_runtime_axes
// CHECK-SAME: -> (tensor<?x?x?x?xf32>, tensor<?xf32>)
// CHECK: onnx.Unsqueeze {{.*}} -> tensor<?x?x?x?xf32>
// CHECK: onnx.Squeeze {{.*}} -> tensor<?xf32>
func.func @squeeze_unsqueeze_runtime_axes(%x: tensor<3x4xf32>, %a: tensor<2xi64>, %b: tensor<1xi64>)
    -> (tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.Unsqueeze %x, %a : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  %1 = onnx.Squeeze %x, %b : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<*xf32>
  return %0, %1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// Integer Neg folds (shape computations such as -axis).
// CHECK-LABEL: func.func @neg_fold
// CHECK: %[[C:.*]] = onnx.Constant dense<[1, -2]> : tensor<2xi64>
// CHECK-NOT: onnx.Neg
// CHECK: return %[[C]]
func.func @neg_fold() -> tensor<*xi64> {
  %c = onnx.Constant dense<[-1, 2]> : tensor<2xi64>
  %n = onnx.Neg %c : (tensor<2xi64>) -> tensor<*xi64>
  return %n : tensor<*xi64>
}

// -----

// An If on a constant condition is replaced by the branch it takes, so that
// the branches may give different ranks.
// CHECK-LABEL: func.func @if_constant_condition
// CHECK-SAME: -> tensor<6xf32>
// CHECK-NOT: onnx.If
// CHECK: onnx.Reshape {{.*}} -> tensor<6xf32>
func.func @if_constant_condition(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %c = onnx.Constant dense<false> : tensor<i1>
  %0 = onnx.If %c : tensor<i1> -> tensor<*xf32> then {
    %r = onnx.Relu %x : (tensor<2x3xf32>) -> tensor<*xf32>
    onnx.Yield %r : tensor<*xf32>
  } else {
    %shape = onnx.Constant dense<6> : tensor<1xi64>
    %flat = onnx.Reshape %x, %shape : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<*xf32>
    onnx.Yield %flat : tensor<*xf32>
  }
  return %0 : tensor<*xf32>
}
