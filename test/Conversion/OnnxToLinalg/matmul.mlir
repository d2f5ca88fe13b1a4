// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// CHECK-LABEL: func.func @matmul_2d
// CHECK-SAME: (%[[A:.*]]: tensor<?x4xf32>, %[[B:.*]]: tensor<4x?xf32>)
// CHECK-DAG: %[[M:.*]] = tensor.dim %[[A]], %c0{{(_[0-9]+)?}}
// CHECK-DAG: %[[N:.*]] = tensor.dim %[[B]], %c1{{(_[0-9]+)?}}
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[M]], %[[N]]) : tensor<?x?xf32>
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<?x?xf32>)
// CHECK: %[[R:.*]] = linalg.matmul ins(%[[A]], %[[B]] : tensor<?x4xf32>, tensor<4x?xf32>) outs(%[[INIT]] : tensor<?x?xf32>)
// CHECK: return %[[R]]
func.func @matmul_2d(%a: tensor<?x4xf32>, %b: tensor<4x?xf32>) -> tensor<?x?xf32> {
  %0 = onnx.MatMul %a, %b : (tensor<?x4xf32>, tensor<4x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @matmul_dot
// CHECK: linalg.dot ins(%{{.*}}, %{{.*}} : tensor<4xf32>, tensor<4xf32>) outs(%{{.*}} : tensor<f32>)
func.func @matmul_dot(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<f32> {
  %0 = onnx.MatMul %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// CHECK-LABEL: func.func @matmul_vec
// CHECK: linalg.vecmat ins(%{{.*}}, %{{.*}} : tensor<4xf32>, tensor<4x5xf32>) outs(%{{.*}} : tensor<5xf32>)
// CHECK: linalg.matvec ins(%{{.*}}, %{{.*}} : tensor<3x4xf32>, tensor<4xf32>) outs(%{{.*}} : tensor<3xf32>)
func.func @matmul_vec(%a: tensor<4xf32>, %b: tensor<4x5xf32>, %c: tensor<3x4xf32>) -> (tensor<5xf32>, tensor<3xf32>) {
  %0 = onnx.MatMul %a, %b : (tensor<4xf32>, tensor<4x5xf32>) -> tensor<5xf32>
  %1 = onnx.MatMul %c, %a : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3xf32>
  return %0, %1 : tensor<5xf32>, tensor<3xf32>
}

// -----

// Only A has batch dims: one matmul over the collapsed [B * M, K].
// CHECK-LABEL: func.func @matmul_batch_2d
// CHECK-SAME: (%[[A:.*]]: tensor<?x7x4xf32>, %[[B:.*]]: tensor<4x5xf32>)
// CHECK: %[[BATCH:.*]] = tensor.dim %[[A]], %c0{{(_[0-9]+)?}}
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[A]] {{\[}}[0, 1], [2]] : tensor<?x7x4xf32> into tensor<?x4xf32>
// CHECK: %[[ROWS:.*]] = arith.muli %[[BATCH]], %c7{{(_[0-9]+)?}}
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[ROWS]]) : tensor<?x5xf32>
// CHECK: %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[EMPTY]] : tensor<?x5xf32>)
// CHECK: %[[MM:.*]] = linalg.matmul ins(%[[FLAT]], %[[B]] : tensor<?x4xf32>, tensor<4x5xf32>) outs(%[[INIT]] : tensor<?x5xf32>)
// CHECK: %[[R:.*]] = tensor.expand_shape %[[MM]] {{\[}}[0, 1], [2]] output_shape [%[[BATCH]], 7, 5] : tensor<?x5xf32> into tensor<?x7x5xf32>
// CHECK: return %[[R]]
func.func @matmul_batch_2d(%a: tensor<?x7x4xf32>, %b: tensor<4x5xf32>) -> tensor<?x7x5xf32> {
  %0 = onnx.MatMul %a, %b : (tensor<?x7x4xf32>, tensor<4x5xf32>) -> tensor<?x7x5xf32>
  return %0 : tensor<?x7x5xf32>
}

// -----

// Two run-time dims in [B, M]: no collapse (the reshape propagation of the
// pipeline would make an expand_shape that LLVM 22 cannot lower), a
// batch_matmul that broadcasts B instead.
// CHECK-DAG: #[[AMAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[BMAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d3, d2)>
// CHECK-DAG: #[[OMAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @matmul_batch_2d_two_dynamic
// CHECK-SAME: (%[[A:.*]]: tensor<?x?x4xf32>, %[[B:.*]]: tensor<4x5xf32>)
// CHECK-NOT: tensor.collapse_shape
// CHECK: %[[R:.*]] = linalg.batch_matmul indexing_maps = [#[[AMAP]], #[[BMAP]], #[[OMAP]]]
// CHECK-SAME: ins(%[[A]], %[[B]] : tensor<?x?x4xf32>, tensor<4x5xf32>) outs(%{{.*}} : tensor<?x?x5xf32>)
// CHECK: return %[[R]]
func.func @matmul_batch_2d_two_dynamic(%a: tensor<?x?x4xf32>, %b: tensor<4x5xf32>) -> tensor<?x?x5xf32> {
  %0 = onnx.MatMul %a, %b : (tensor<?x?x4xf32>, tensor<4x5xf32>) -> tensor<?x?x5xf32>
  return %0 : tensor<?x?x5xf32>
}

// -----

// Several run-time batch dims: a generic rather than collapsing them.
// CHECK-LABEL: func.func @matmul_batch_4d_dynamic
// CHECK-NOT: tensor.collapse_shape
// CHECK: linalg.generic
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<?x?x3x4xf32>, tensor<?x?x4x5xf32>) outs(%{{.*}} : tensor<?x?x3x5xf32>)
func.func @matmul_batch_4d_dynamic(%a: tensor<?x?x3x4xf32>, %b: tensor<?x?x4x5xf32>) -> tensor<?x?x3x5xf32> {
  %0 = onnx.MatMul %a, %b : (tensor<?x?x3x4xf32>, tensor<?x?x4x5xf32>) -> tensor<?x?x3x5xf32>
  return %0 : tensor<?x?x3x5xf32>
}

// -----

// CHECK-LABEL: func.func @matmul_batch_3d
// CHECK: linalg.batch_matmul ins(%{{.*}}, %{{.*}} : tensor<2x3x4xf32>, tensor<2x4x5xf32>) outs(%{{.*}} : tensor<2x3x5xf32>)
// CHECK-NOT: tensor.collapse_shape
func.func @matmul_batch_3d(%a: tensor<2x3x4xf32>, %b: tensor<2x4x5xf32>) -> tensor<2x3x5xf32> {
  %0 = onnx.MatMul %a, %b : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// Equal batch dims of higher rank are collapsed into one batch dim.
// CHECK-LABEL: func.func @matmul_batch_4d
// CHECK-SAME: (%[[A:.*]]: tensor<2x8x?x16xf32>, %[[B:.*]]: tensor<2x8x16x?xf32>)
// CHECK-DAG: %[[M:.*]] = tensor.dim %[[A]], %c2{{(_[0-9]+)?}}
// CHECK-DAG: %[[N:.*]] = tensor.dim %[[B]], %c3{{(_[0-9]+)?}}
// CHECK: %[[A3:.*]] = tensor.collapse_shape %[[A]] {{\[}}[0, 1], [2], [3]] : tensor<2x8x?x16xf32> into tensor<16x?x16xf32>
// CHECK: %[[B3:.*]] = tensor.collapse_shape %[[B]] {{\[}}[0, 1], [2], [3]] : tensor<2x8x16x?xf32> into tensor<16x16x?xf32>
// CHECK: %[[BMM:.*]] = linalg.batch_matmul ins(%[[A3]], %[[B3]] : tensor<16x?x16xf32>, tensor<16x16x?xf32>) outs(%{{.*}} : tensor<16x?x?xf32>)
// CHECK: tensor.expand_shape %[[BMM]] {{\[}}[0, 1], [2], [3]] output_shape [2, 8, %[[M]], %[[N]]] : tensor<16x?x?xf32> into tensor<2x8x?x?xf32>
func.func @matmul_batch_4d(%a: tensor<2x8x?x16xf32>, %b: tensor<2x8x16x?xf32>) -> tensor<2x8x?x?xf32> {
  %0 = onnx.MatMul %a, %b : (tensor<2x8x?x16xf32>, tensor<2x8x16x?xf32>) -> tensor<2x8x?x?xf32>
  return %0 : tensor<2x8x?x?xf32>
}

// -----

// Broadcast batch dims: a generic over (batch..., m, n, k), the size-1 batch
// dim of A reads index 0.
// CHECK-DAG: #[[AMAP:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, d2, d4)>
// CHECK-DAG: #[[BMAP:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d1, d4, d3)>
// CHECK-DAG: #[[OMAP:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @matmul_broadcast
// CHECK: linalg.generic {indexing_maps = [#[[AMAP]], #[[BMAP]], #[[OMAP]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) outs(%{{.*}} : tensor<2x5x3x6xf32>)
// CHECK: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: %[[MUL:.*]] = arith.mulf %[[X]], %[[Y]] : f32
// CHECK: %[[ADD:.*]] = arith.addf %[[ACC]], %[[MUL]] : f32
// CHECK: linalg.yield %[[ADD]]
func.func @matmul_broadcast(%a: tensor<2x1x3x4xf32>, %b: tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32> {
  %0 = onnx.MatMul %a, %b : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
  return %0 : tensor<2x5x3x6xf32>
}

// -----

// A 1-D A is promoted and squeezed back: no m loop. Integers accumulate with
// muli/addi.
// CHECK-DAG: #[[AMAP:.*]] = affine_map<(d0, d1, d2) -> (d2)>
// CHECK-DAG: #[[BMAP:.*]] = affine_map<(d0, d1, d2) -> (d0, d2, d1)>
// CHECK-DAG: #[[OMAP:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @matmul_1d_3d
// CHECK: linalg.generic {indexing_maps = [#[[AMAP]], #[[BMAP]], #[[OMAP]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK: arith.muli
// CHECK: arith.addi
func.func @matmul_1d_3d(%a: tensor<4xi32>, %b: tensor<2x4x6xi32>) -> tensor<2x6xi32> {
  %0 = onnx.MatMul %a, %b : (tensor<4xi32>, tensor<2x4x6xi32>) -> tensor<2x6xi32>
  return %0 : tensor<2x6xi32>
}

// -----

// Unsigned types are signless after conversion.
// CHECK-LABEL: func.func @matmul_uint
// CHECK-SAME: (%{{.*}}: tensor<3x4xi32>, %{{.*}}: tensor<4x5xi32>) -> tensor<3x5xi32>
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<3x4xi32>, tensor<4x5xi32>)
func.func @matmul_uint(%a: tensor<3x4xui32>, %b: tensor<4x5xui32>) -> tensor<3x5xui32> {
  %0 = onnx.MatMul %a, %b : (tensor<3x4xui32>, tensor<4x5xui32>) -> tensor<3x5xui32>
  return %0 : tensor<3x5xui32>
}

// -----

// f16 accumulates in f32 and is truncated at the end.
// CHECK-LABEL: func.func @matmul_f16
// CHECK: %[[MM:.*]] = linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<3x4xf16>, tensor<4x5xf16>) outs(%{{.*}} : tensor<3x5xf32>)
// CHECK: %[[R:.*]] = linalg.generic
// CHECK-SAME: ins(%[[MM]] : tensor<3x5xf32>) outs(%{{.*}} : tensor<3x5xf16>)
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK: return %[[R]]
func.func @matmul_f16(%a: tensor<3x4xf16>, %b: tensor<4x5xf16>) -> tensor<3x5xf16> {
  %0 = onnx.MatMul %a, %b : (tensor<3x4xf16>, tensor<4x5xf16>) -> tensor<3x5xf16>
  return %0 : tensor<3x5xf16>
}

// -----

// Gemm: C broadcast to [M, N] initializes the accumulator.
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @gemm_bias
// CHECK-SAME: (%[[A:.*]]: tensor<?x4xf32>, %[[B:.*]]: tensor<4x5xf32>, %[[C:.*]]: tensor<5xf32>)
// CHECK: %[[M:.*]] = tensor.dim %[[A]], %c0{{(_[0-9]+)?}}
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[M]]) : tensor<?x5xf32>
// CHECK: %[[INIT:.*]] = linalg.generic {indexing_maps = [#[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME: ins(%[[C]] : tensor<5xf32>) outs(%[[EMPTY]] : tensor<?x5xf32>)
// CHECK: %[[R:.*]] = linalg.matmul ins(%[[A]], %[[B]] : tensor<?x4xf32>, tensor<4x5xf32>) outs(%[[INIT]] : tensor<?x5xf32>)
// CHECK: return %[[R]]
func.func @gemm_bias(%a: tensor<?x4xf32>, %b: tensor<4x5xf32>, %c: tensor<5xf32>) -> tensor<?x5xf32> {
  %0 = onnx.Gemm %a, %b, %c : (tensor<?x4xf32>, tensor<4x5xf32>, tensor<5xf32>) -> tensor<?x5xf32>
  return %0 : tensor<?x5xf32>
}

// -----

// transA/transB through the matmul's indexing_maps; beta scales C.
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-DAG: #[[AT:.*]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// CHECK-DAG: #[[BT:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[O:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @gemm_transposed
// CHECK: %[[INIT:.*]] = linalg.generic {indexing_maps = [#[[COL]], #{{.*}}]
// CHECK: %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: arith.mulf %{{.*}}, %[[TWO]] : f32
// CHECK: linalg.matmul indexing_maps = [#[[AT]], #[[BT]], #[[O]]]
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<4x3xf32>, tensor<5x4xf32>) outs(%[[INIT]] : tensor<3x5xf32>)
func.func @gemm_transposed(%a: tensor<4x3xf32>, %b: tensor<5x4xf32>, %c: tensor<3x1xf32>) -> tensor<3x5xf32> {
  %0 = onnx.Gemm %a, %b, %c {transA = 1 : i64, transB = 1 : i64, beta = 2.0 : f32} : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<3x1xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// alpha != 1: alpha * (A * B) + beta * C in a following generic.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @gemm_alpha
// CHECK-SAME: %[[C:[a-z0-9]*]]: tensor<f32>
// CHECK: %[[MM:.*]] = linalg.matmul
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[SCALAR]], #[[ID]]]
// CHECK-SAME: ins(%[[MM]], %[[C]] : tensor<3x5xf32>, tensor<f32>)
// CHECK: ^bb0(%[[P:.*]]: f32, %[[CV:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[ALPHA:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[SP:.*]] = arith.mulf %[[P]], %[[ALPHA]]
// CHECK: %[[BETA:.*]] = arith.constant 3.000000e+00 : f32
// CHECK: %[[SC:.*]] = arith.mulf %[[CV]], %[[BETA]]
// CHECK: %[[SUM:.*]] = arith.addf %[[SP]], %[[SC]]
// CHECK: linalg.yield %[[SUM]]
func.func @gemm_alpha(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>, %c: tensor<f32>) -> tensor<3x5xf32> {
  %0 = onnx.Gemm %a, %b, %c {alpha = 0.5 : f32, beta = 3.0 : f32} : (tensor<3x4xf32>, tensor<4x5xf32>, tensor<f32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// Integer Gemm without C: zero accumulator, integral alpha.
// CHECK-LABEL: func.func @gemm_no_c
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : i64)
// CHECK: %[[MM:.*]] = linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<3x4xi64>, tensor<4x5xi64>) outs(%[[INIT]] : tensor<3x5xi64>)
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[MM]] : tensor<3x5xi64>)
// CHECK: arith.constant 2 : i64
// CHECK: arith.muli
func.func @gemm_no_c(%a: tensor<3x4xi64>, %b: tensor<4x5xi64>) -> tensor<3x5xi64> {
  %n = onnx.NoValue
  %0 = onnx.Gemm %a, %b, %n {alpha = 2.0 : f32} : (tensor<3x4xi64>, tensor<4x5xi64>, none) -> tensor<3x5xi64>
  return %0 : tensor<3x5xi64>
}
