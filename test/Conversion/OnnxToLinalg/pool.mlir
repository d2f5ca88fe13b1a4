// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// 2-D MaxPool: -inf padding, linalg.pooling_nchw_max over a window-shaped
// tensor, the accumulator filled with -inf.
// CHECK-LABEL: func.func @maxpool2d
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>)
// CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 0, 0]
// CHECK: tensor.yield %[[NEG_INF]]
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%{{.*}} : tensor<1x3x4x4xf32>)
// CHECK: %[[WINDOW:.*]] = tensor.empty() : tensor<3x3xf32>
// CHECK: %[[R:.*]] = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME: ins(%[[PAD]], %[[WINDOW]] : tensor<1x3x9x9xf32>, tensor<3x3xf32>) outs(%[[INIT]] : tensor<1x3x4x4xf32>)
// CHECK: return %[[R]]
func.func @maxpool2d(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  %0, %1 = onnx.MaxPool %x {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>) -> (tensor<1x3x4x4xf32>, none)
  return %0 : tensor<1x3x4x4xf32>
}

// -----

// Other ranks: a linalg.generic over (n, c, o, k).
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2 * 2 + d3)>
// CHECK-DAG: #[[K:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @maxpool1d
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[K]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x3x9xf32>, tensor<3xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[IN_V:.*]]: f32, %{{.*}}: f32, %[[ACC:.*]]: f32):
// CHECK: arith.maximumf %[[ACC]], %[[IN_V]] : f32
func.func @maxpool1d(%x: tensor<2x3x9xf32>) -> tensor<2x3x4xf32> {
  %0, %1 = onnx.MaxPool %x {kernel_shape = array<i64: 3>, strides = array<i64: 2>} : (tensor<2x3x9xf32>) -> (tensor<2x3x4xf32>, none)
  return %0 : tensor<2x3x4xf32>
}

// -----

// ceil_mode with a run-time height: out = ceildiv(H - 3, 2) + 1, less one
// when the last window would start in the padding; the end padding makes
// the last window fit. The static width needs one extra column.
// CHECK-LABEL: func.func @maxpool_ceil_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x3x?x8xf32>)
// CHECK: %[[N:.*]] = tensor.dim %[[X]], %c0{{(_[0-9]+)?}}
// CHECK: %[[H:.*]] = tensor.dim %[[X]], %c2{{(_[0-9]+)?}}
// CHECK: %[[SPAN:.*]] = arith.subi %[[H]], %c3{{(_[0-9]+)?}}
// CHECK: %[[CEIL:.*]] = arith.ceildivsi %[[SPAN]], %c2{{(_[0-9]+)?}}
// CHECK: %[[FULL:.*]] = arith.addi %[[CEIL]], %c1{{(_[0-9]+)?}}
// CHECK: %[[DROP:.*]] = arith.cmpi sge, %{{.*}}, %[[H]]
// CHECK: %[[OH:.*]] = arith.select %[[DROP]], %{{.*}}, %[[FULL]]
// CHECK: %[[EXTRA:.*]] = arith.maxsi
// CHECK: tensor.pad %[[X]] low[0, 0, 0, 0] high[0, 0, %[[EXTRA]], 1]
// CHECK: } : tensor<?x3x?x8xf32> to tensor<?x3x?x9xf32>
// CHECK: tensor.empty(%[[N]], %[[OH]]) : tensor<?x3x?x4xf32>
// CHECK: linalg.pooling_nchw_max
func.func @maxpool_ceil_dynamic(%x: tensor<?x3x?x8xf32>) -> tensor<?x3x?x4xf32> {
  %0, %1 = onnx.MaxPool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, ceil_mode = 1 : i64} : (tensor<?x3x?x8xf32>) -> (tensor<?x3x?x4xf32>, none)
  return %0 : tensor<?x3x?x4xf32>
}

// -----

// Indices: one generic with two outputs keeps the first maximum inside the
// input and its flattened NCHW position; the index starts at -1.
// CHECK-LABEL: func.func @maxpool_indices
// CHECK: %[[NEG:.*]] = arith.constant -1 : i64
// CHECK: %[[IDX_INIT:.*]] = linalg.fill ins(%[[NEG]] : i64) outs(%{{.*}} : tensor<1x2x2x2xi64>)
// CHECK: %[[R:.*]]:2 = linalg.generic
// CHECK-SAME: outs(%{{.*}}, %[[IDX_INIT]] : tensor<1x2x2x2xf32>, tensor<1x2x2x2xi64>)
// CHECK: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32, %[[BEST:.*]]: f32, %[[BEST_IDX:.*]]: i64):
// CHECK: %[[FLAT:.*]] = arith.index_cast %{{.*}} : index to i64
// CHECK: %[[GT:.*]] = arith.cmpf ogt, %[[IN]], %[[BEST]] : f32
// CHECK: %[[NONE:.*]] = arith.cmpi slt, %[[BEST_IDX]], %{{.*}} : i64
// CHECK: %[[EITHER:.*]] = arith.ori %[[GT]], %[[NONE]] : i1
// CHECK: %[[TAKE:.*]] = arith.andi %{{.*}}, %[[EITHER]] : i1
// CHECK: %[[V:.*]] = arith.select %[[TAKE]], %[[IN]], %[[BEST]] : f32
// CHECK: %[[I:.*]] = arith.select %[[TAKE]], %[[FLAT]], %[[BEST_IDX]] : i64
// CHECK: linalg.yield %[[V]], %[[I]] : f32, i64
// CHECK: return %[[R]]#0, %[[R]]#1
func.func @maxpool_indices(%x: tensor<1x2x4x4xf32>) -> (tensor<1x2x2x2xf32>, tensor<1x2x2x2xi64>) {
  %0, %1 = onnx.MaxPool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>) -> (tensor<1x2x2x2xf32>, tensor<1x2x2x2xi64>)
  return %0, %1 : tensor<1x2x2x2xf32>, tensor<1x2x2x2xi64>
}

// -----

// Unsigned: pads with 0 and compares unsigned, in a generic.
// CHECK-LABEL: func.func @maxpool_uint8
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i8
// CHECK: tensor.pad
// CHECK: tensor.yield %[[ZERO]] : i8
// CHECK: linalg.generic
// CHECK: arith.maxui
func.func @maxpool_uint8(%x: tensor<1x1x4x4xui8>) -> tensor<1x1x2x2xui8> {
  %0, %1 = onnx.MaxPool %x {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x1x4x4xui8>) -> (tensor<1x1x2x2xui8>, none)
  return %0 : tensor<1x1x2x2xui8>
}

// -----

// Signed integers pad with the lowest value.
// CHECK-LABEL: func.func @maxpool_int8
// CHECK: %[[LOWEST:.*]] = arith.constant -128 : i8
// CHECK: tensor.yield %[[LOWEST]] : i8
// CHECK: linalg.pooling_nchw_max
// CHECK-SAME: tensor<1x1x6x6xi8>
func.func @maxpool_int8(%x: tensor<1x1x4x4xi8>) -> tensor<1x1x4x4xi8> {
  %0, %1 = onnx.MaxPool %x {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x1x4x4xi8>) -> (tensor<1x1x4x4xi8>, none)
  return %0 : tensor<1x1x4x4xi8>
}

// -----

// Without padding every window holds the whole kernel: a constant divisor.
// CHECK-LABEL: func.func @avgpool_no_pad
// CHECK: %[[SUM:.*]] = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK: %[[FOUR:.*]] = arith.constant 4.000000e+00 : f32
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[SUM]] : tensor<1x3x4x4xf32>)
// CHECK: arith.divf %{{.*}}, %[[FOUR]] : f32
func.func @avgpool_no_pad(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  %0 = onnx.AveragePool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

// count_include_pad 0 with padding: the divisor of each window is the number
// of its elements inside [0, in), from linalg.index.
// CHECK-LABEL: func.func @avgpool_exclude_pad
// CHECK: tensor.pad %{{.*}} low[0, 0, 1] high[0, 0, 1]
// CHECK: %[[SUM:.*]] = linalg.generic
// CHECK: arith.addf
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[SUM]] : tensor<1x3x5xf32>)
// CHECK: ^bb0(%[[S:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[O:.*]] = linalg.index 2 : index
// CHECK: %[[START:.*]] = arith.subi %[[O]], %c1{{(_[0-9]+)?}}
// CHECK: %[[FIRST:.*]] = arith.maxsi
// CHECK: %[[LAST_OFF:.*]] = arith.subi %c4{{(_[0-9]+)?}}, %[[START]]
// CHECK: %[[LAST:.*]] = arith.minsi %[[LAST_OFF]], %c2{{(_[0-9]+)?}}
// CHECK: %[[DIFF:.*]] = arith.subi %[[LAST]], %[[FIRST]]
// CHECK: %[[CNT1:.*]] = arith.addi %[[DIFF]], %c1{{(_[0-9]+)?}}
// CHECK: %[[CNT:.*]] = arith.maxsi %[[CNT1]], %{{.*}}
// CHECK: %[[I64:.*]] = arith.index_cast %[[CNT]] : index to i64
// CHECK: %[[F:.*]] = arith.sitofp %[[I64]] : i64 to f32
// CHECK: arith.divf %[[S]], %[[F]] : f32
func.func @avgpool_exclude_pad(%x: tensor<1x3x5xf32>) -> tensor<1x3x5xf32> {
  %0 = onnx.AveragePool %x {kernel_shape = array<i64: 3>, pads = array<i64: 1, 1>} : (tensor<1x3x5xf32>) -> tensor<1x3x5xf32>
  return %0 : tensor<1x3x5xf32>
}

// -----

// count_include_pad 1 and no ceil-mode padding: the kernel size.
// CHECK-LABEL: func.func @avgpool_include_pad
// CHECK: linalg.pooling_nchw_sum
// CHECK: %[[NINE:.*]] = arith.constant 9.000000e+00 : f32
// CHECK: arith.divf %{{.*}}, %[[NINE]] : f32
// CHECK-NOT: linalg.index
func.func @avgpool_include_pad(%x: tensor<1x3x5x5xf32>) -> tensor<1x3x5x5xf32> {
  %0 = onnx.AveragePool %x {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, count_include_pad = 1 : i64} : (tensor<1x3x5x5xf32>) -> tensor<1x3x5x5xf32>
  return %0 : tensor<1x3x5x5xf32>
}

// -----

// count_include_pad 1 with ceil mode: the ceil-mode padding is not counted,
// so only the height (which has some) gets a run-time count.
// CHECK-LABEL: func.func @avgpool_include_pad_ceil
// CHECK: tensor.pad %{{.*}} low[0, 0, 1, 1] high[0, 0, 2, 1]
// CHECK: linalg.pooling_nchw_sum
// CHECK: linalg.generic
// CHECK: linalg.index 2 : index
// CHECK-NOT: linalg.index 3
// CHECK: arith.muli %{{.*}}, %c3{{(_[0-9]+)?}}
// CHECK: arith.divf
func.func @avgpool_include_pad_ceil(%x: tensor<1x1x6x5xf32>) -> tensor<1x1x4x3xf32> {
  %0 = onnx.AveragePool %x {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>, ceil_mode = 1 : i64, count_include_pad = 1 : i64} : (tensor<1x1x6x5xf32>) -> tensor<1x1x4x3xf32>
  return %0 : tensor<1x1x4x3xf32>
}

// -----

// Global pools reduce all spatial dims and put them back as 1; the average
// divides by the run-time element count.
// CHECK-LABEL: func.func @global_avgpool
// CHECK-SAME: (%[[X:.*]]: tensor<?x3x?x?xf32>)
// CHECK-DAG: %[[N:.*]] = tensor.dim %[[X]], %c0{{(_[0-9]+)?}}
// CHECK-DAG: %[[H:.*]] = tensor.dim %[[X]], %c2{{(_[0-9]+)?}}
// CHECK-DAG: %[[W:.*]] = tensor.dim %[[X]], %c3{{(_[0-9]+)?}}
// CHECK: %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<?x3xf32>)
// CHECK: %[[SUM:.*]] = linalg.reduce ins(%[[X]] : tensor<?x3x?x?xf32>) outs(%[[INIT]] : tensor<?x3xf32>) dimensions = [2, 3]
// CHECK: arith.addf
// CHECK: %[[HW:.*]] = arith.muli %[[H]], %[[W]] : index
// CHECK: %[[HW64:.*]] = arith.index_cast %[[HW]] : index to i64
// CHECK: %[[COUNT:.*]] = arith.sitofp %[[HW64]] : i64 to f32
// CHECK: %[[AVG:.*]] = linalg.generic
// CHECK-SAME: ins(%[[SUM]] : tensor<?x3xf32>)
// CHECK: arith.divf %{{.*}}, %[[COUNT]] : f32
// CHECK: %[[R:.*]] = tensor.expand_shape %[[AVG]] {{\[}}[0], [1, 2, 3]] output_shape [%[[N]], 3, 1, 1] : tensor<?x3xf32> into tensor<?x3x1x1xf32>
// CHECK: return %[[R]]
func.func @global_avgpool(%x: tensor<?x3x?x?xf32>) -> tensor<?x3x1x1xf32> {
  %0 = onnx.GlobalAveragePool %x : (tensor<?x3x?x?xf32>) -> tensor<?x3x1x1xf32>
  return %0 : tensor<?x3x1x1xf32>
}

// -----

// CHECK-LABEL: func.func @global_maxpool
// CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%{{.*}} : tensor<2x3xf32>)
// CHECK: %[[MAX:.*]] = linalg.reduce ins(%{{.*}} : tensor<2x3x4x5x6xf32>) outs(%[[INIT]] : tensor<2x3xf32>) dimensions = [2, 3, 4]
// CHECK: arith.maximumf
// CHECK: tensor.expand_shape %[[MAX]] {{\[}}[0], [1, 2, 3, 4]] output_shape [2, 3, 1, 1, 1]
func.func @global_maxpool(%x: tensor<2x3x4x5x6xf32>) -> tensor<2x3x1x1x1xf32> {
  %0 = onnx.GlobalMaxPool %x : (tensor<2x3x4x5x6xf32>) -> tensor<2x3x1x1x1xf32>
  return %0 : tensor<2x3x1x1x1xf32>
}

// -----

// f16 averages accumulate in f32.
// CHECK-LABEL: func.func @avgpool_f16
// CHECK: linalg.pooling_nchw_sum
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<1x1x4x4xf16>, tensor<2x2xf32>) outs(%{{.*}} : tensor<1x1x2x2xf32>)
// CHECK: arith.divf %{{.*}}, %{{.*}} : f32
// CHECK: arith.truncf %{{.*}} : f32 to f16
func.func @avgpool_f16(%x: tensor<1x1x4x4xf16>) -> tensor<1x1x2x2xf16> {
  %0 = onnx.AveragePool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x4x4xf16>) -> tensor<1x1x2x2xf16>
  return %0 : tensor<1x1x2x2xf16>
}
