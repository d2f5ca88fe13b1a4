// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// sum(x^2) over the dims from `axis` on, 1 / sqrt(sum / n + epsilon), then
// x * that * scale with the scale broadcast.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[ROWS:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[STAT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
// CHECK-DAG: #[[LAST:.*]] = affine_map<(d0, d1, d2) -> (d2)>
// CHECK-LABEL: func.func @rms_norm
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x5xf32>, %[[S:.*]]: tensor<5xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROWS]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[X]] : tensor<2x3x5xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: %[[INV:.*]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<2x3xf32>)
// CHECK: arith.divf
// CHECK: arith.constant 1.000000e-01 : f32
// CHECK: math.sqrt
// CHECK: %[[KEPT:.*]] = tensor.expand_shape %[[INV]] {{\[}}[0], [1, 2]] output_shape [2, 3, 1]
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[STAT]], #[[LAST]], #[[ID]]], {{.*}} ins(%[[X]], %[[KEPT]], %[[S]] : tensor<2x3x5xf32>, tensor<2x3x1xf32>, tensor<5xf32>)
// CHECK: %[[N:.*]] = arith.mulf %{{.*}}, %{{.*}} : f32
// CHECK: arith.mulf %[[N]], %{{.*}} : f32
func.func @rms_norm(%x: tensor<2x3x5xf32>, %s: tensor<5xf32>) -> tensor<2x3x5xf32> {
  %0 = onnx.RMSNormalization %x, %s {axis = -1 : i64, epsilon = 1.0e-1 : f32} : (tensor<2x3x5xf32>, tensor<5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// One generic over X: the partner element and the cache rows (at the
// position id, clamped) are read with tensor.extract.
// CHECK-LABEL: func.func @rotary
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x3x8xf32>, %[[COS:.*]]: tensor<50x4xf32>, %[[SIN:.*]]: tensor<50x4xf32>, %[[P:.*]]: tensor<2x3xi64>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<2x4x3x8xf32>)
// CHECK: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-DAG: %[[B:.*]] = linalg.index 0 : index
// CHECK-DAG: %[[H:.*]] = linalg.index 1 : index
// CHECK-DAG: %[[S:.*]] = linalg.index 2 : index
// CHECK: %[[OTHER:.*]] = tensor.extract %[[X]][%[[B]], %[[H]], %[[S]], %{{.*}}] : tensor<2x4x3x8xf32>
// CHECK: tensor.extract %[[P]][%[[B]], %[[S]]] : tensor<2x3xi64>
// CHECK: arith.minsi
// CHECK: %[[C:.*]] = tensor.extract %[[COS]]
// CHECK: %[[SN:.*]] = tensor.extract %[[SIN]]
// CHECK: %[[X1:.*]] = arith.select %{{.*}}, %[[IN]], %[[OTHER]] : f32
// CHECK: %[[X2:.*]] = arith.select %{{.*}}, %[[OTHER]], %[[IN]] : f32
// CHECK: %[[A:.*]] = arith.mulf %[[C]], %[[X1]] : f32
// CHECK: %[[B2:.*]] = arith.mulf %[[SN]], %[[X2]] : f32
// CHECK: arith.subf %[[A]], %[[B2]] : f32
func.func @rotary(%x: tensor<2x4x3x8xf32>, %c: tensor<50x4xf32>, %s: tensor<50x4xf32>, %p: tensor<2x3xi64>) -> tensor<2x4x3x8xf32> {
  %0 = onnx.RotaryEmbedding %x, %c, %s, %p : (tensor<2x4x3x8xf32>, tensor<50x4xf32>, tensor<50x4xf32>, tensor<2x3xi64>) -> tensor<2x4x3x8xf32>
  return %0 : tensor<2x4x3x8xf32>
}

// -----

// Per element: the weight of the target class (0 at ignore_index) and
// -weight * x[n, target]; the mean divides the two sums.
// CHECK-LABEL: func.func @nll_mean
// CHECK-SAME: (%[[X:.*]]: tensor<3x5xf32>, %[[T:.*]]: tensor<3xi64>, %[[W:.*]]: tensor<5xf32>)
// CHECK: %[[E:.*]]:2 = linalg.generic {{.*}} ins(%[[T]] : tensor<3xi64>) outs(%{{.*}}, %{{.*}} : tensor<3xf32>, tensor<3xf32>)
// CHECK: %[[IGN:.*]] = arith.cmpi eq, %{{.*}}, %c1_i64 : i64
// CHECK: %[[CLS:.*]] = arith.minsi
// CHECK: %[[V:.*]] = tensor.extract %[[X]][%{{.*}}, %[[CLS]]] : tensor<3x5xf32>
// CHECK: %[[WT:.*]] = tensor.extract %[[W]][%[[CLS]]] : tensor<5xf32>
// CHECK: %[[WS:.*]] = arith.select %[[IGN]], %{{.*}}, %[[WT]] : f32
// CHECK: %[[NEG:.*]] = arith.negf %[[V]] : f32
// CHECK: arith.mulf %[[WS]], %[[NEG]] : f32
// CHECK: %[[LOSS:.*]] = linalg.generic {{.*}} iterator_types = ["reduction"]} ins(%[[E]]#0 : tensor<3xf32>)
// CHECK: %[[WSUM:.*]] = linalg.generic {{.*}} iterator_types = ["reduction"]} ins(%[[E]]#1 : tensor<3xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[LOSS]], %[[WSUM]] : tensor<f32>, tensor<f32>)
// CHECK: arith.divf
func.func @nll_mean(%x: tensor<3x5xf32>, %t: tensor<3xi64>, %w: tensor<5xf32>) -> tensor<f32> {
  %0 = onnx.NegativeLogLikelihoodLoss %x, %t, %w {ignore_index = 1 : i64} : (tensor<3x5xf32>, tensor<3xi64>, tensor<5xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// log_prob = x - max - log(sum(exp(x - max))) along dim 1, then the loss
// gathers from it; reduction none returns the per-element losses.
// CHECK-LABEL: func.func @sce_none
// CHECK: %[[MAX:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "parallel"]
// CHECK: arith.maximumf
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "parallel"]
// CHECK: math.exp
// CHECK: %[[LP:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[MAX]], %[[SUM]] : tensor<3x5x2xf32>, tensor<3x2xf32>, tensor<3x2xf32>)
// CHECK: math.log
// CHECK: %[[L:.*]]:2 = linalg.generic {{.*}} ins(%{{.*}} : tensor<3x2xi32>)
// CHECK: tensor.extract %[[LP]]
// CHECK: return %[[L]]#0, %[[LP]] : tensor<3x2xf32>, tensor<3x5x2xf32>
func.func @sce_none(%x: tensor<3x5x2xf32>, %t: tensor<3x2xi32>, %none: none) -> (tensor<3x2xf32>, tensor<3x5x2xf32>) {
  %0, %1 = onnx.SoftmaxCrossEntropyLoss %x, %t, %none {reduction = "none"} : (tensor<3x5x2xf32>, tensor<3x2xi32>, none) -> (tensor<3x2xf32>, tensor<3x5x2xf32>)
  return %0, %1 : tensor<3x2xf32>, tensor<3x5x2xf32>
}

// -----

// zeros ++ input along time, a depthwise window sum starting from the bias,
// silu, and the last K - 1 steps as the new state.
// CHECK-DAG: #[[WIN:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2 + d3)>
// CHECK-DAG: #[[WGT:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, 0, d3)>
// CHECK-LABEL: func.func @causal_conv
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x8xf32>, %[[W:.*]]: tensor<4x1x3xf32>, %[[B:.*]]: tensor<4xf32>
// CHECK: %[[ZEROS:.*]] = linalg.fill {{.*}} -> tensor<2x4x2xf32>
// CHECK: %[[P0:.*]] = tensor.insert_slice %[[ZEROS]] into %{{.*}}[0, 0, 0] [2, 4, 2] [1, 1, 1] : tensor<2x4x2xf32> into tensor<2x4x10xf32>
// CHECK: %[[PAD:.*]] = tensor.insert_slice %[[X]] into %[[P0]][0, 0, 2] [2, 4, 8] [1, 1, 1] : tensor<2x4x8xf32> into tensor<2x4x10xf32>
// CHECK: %[[BIAS:.*]] = linalg.generic {{.*}} ins(%[[B]] : tensor<4xf32>)
// CHECK: %[[CONV:.*]] = linalg.generic {indexing_maps = [#[[WIN]], #[[WGT]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[PAD]], %[[W]] : tensor<2x4x10xf32>, tensor<4x1x3xf32>) outs(%[[BIAS]] : tensor<2x4x8xf32>)
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[CONV]] : tensor<2x4x8xf32>)
// CHECK: math.exp
// CHECK: %[[STATE:.*]] = tensor.extract_slice %[[PAD]][0, 0, 8] [2, 4, 2] [1, 1, 1] : tensor<2x4x10xf32> to tensor<2x4x2xf32>
// CHECK: return %[[Y]], %[[STATE]]
func.func @causal_conv(%x: tensor<2x4x8xf32>, %w: tensor<4x1x3xf32>, %b: tensor<4xf32>, %none: none) -> (tensor<2x4x8xf32>, tensor<2x4x2xf32>) {
  %0, %1 = onnx.CausalConvWithState %x, %w, %b, %none {activation = "silu"} : (tensor<2x4x8xf32>, tensor<4x1x3xf32>, tensor<4xf32>, none) -> (tensor<2x4x8xf32>, tensor<2x4x2xf32>)
  return %0, %1 : tensor<2x4x8xf32>, tensor<2x4x2xf32>
}

// -----

// K = 1: no state is carried.
// CHECK-LABEL: func.func @causal_conv_k1
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]
// CHECK-NOT: tensor.extract_slice
// CHECK: %[[STATE:.*]] = tensor.empty() : tensor<2x4x0xf32>
// CHECK-NEXT: return %{{.*}}, %[[STATE]] : tensor<2x4x8xf32>, tensor<2x4x0xf32>
func.func @causal_conv_k1(%x: tensor<2x4x8xf32>, %w: tensor<4x1x1xf32>, %none: none) -> (tensor<2x4x8xf32>, tensor<2x4x0xf32>) {
  %0, %1 = onnx.CausalConvWithState %x, %w, %none, %none : (tensor<2x4x8xf32>, tensor<4x1x1xf32>, none, none) -> (tensor<2x4x8xf32>, tensor<2x4x0xf32>)
  return %0, %1 : tensor<2x4x8xf32>, tensor<2x4x0xf32>
}
