// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// max, then sum(exp(x - max)), then exp(x - max) / sum.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @softmax
// CHECK-SAME: (%[[X:.*]]: tensor<2x?xf32>)
// CHECK: %[[MAX:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]]], iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<2x?xf32>)
// CHECK: arith.maximumf
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]]], iterator_types = ["parallel", "reduction"]} ins(%[[X]], %[[MAX]] : tensor<2x?xf32>, tensor<2xf32>)
// CHECK: arith.subf
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]], %[[MAX]], %[[SUM]] : tensor<2x?xf32>, tensor<2xf32>, tensor<2xf32>)
// CHECK: ^bb0(%[[V:.*]]: f32, %[[M:.*]]: f32, %[[S:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[D:.*]] = arith.subf %[[V]], %[[M]] : f32
// CHECK: %[[E:.*]] = math.exp %[[D]] : f32
// CHECK: arith.divf %[[E]], %[[S]] : f32
func.func @softmax(%x: tensor<2x?xf32>) -> tensor<2x?xf32> {
  %0 = onnx.Softmax %x {axis = 1 : i64} : (tensor<2x?xf32>) -> tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}

// -----

// x - max - log(sum(exp(x - max))), along axis 0, in f32 for f16.
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @log_softmax_f16
// CHECK: linalg.generic {{.*}} iterator_types = ["reduction", "parallel"]
// CHECK: linalg.generic {{.*}} iterator_types = ["reduction", "parallel"]
// CHECK: ^bb0(%[[V:.*]]: f16, %[[M:.*]]: f32, %[[S:.*]]: f32, %{{.*}}: f16):
// CHECK: %[[W:.*]] = arith.extf %[[V]] : f16 to f32
// CHECK: %[[D:.*]] = arith.subf %[[W]], %[[M]] : f32
// CHECK: %[[L:.*]] = math.log %[[S]] : f32
// CHECK: %[[R:.*]] = arith.subf %[[D]], %[[L]] : f32
// CHECK: arith.truncf %[[R]] : f32 to f16
func.func @log_softmax_f16(%x: tensor<3x4xf16>) -> tensor<3x4xf16> {
  %0 = onnx.LogSoftmax %x {axis = 0 : i64} : (tensor<3x4xf16>) -> tensor<3x4xf16>
  return %0 : tensor<3x4xf16>
}

// -----

// The per-channel factor scale / sqrt(var + epsilon) first, then
// (x - mean) * factor + B reading the parameters at dim 1.
// CHECK-DAG: #[[VEC:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[CH:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-LABEL: func.func @batchnorm
// CHECK-SAME: (%[[X:.*]]: tensor<?x3x4x4xf32>, %[[SCALE:.*]]: tensor<3xf32>, %[[B:.*]]: tensor<3xf32>, %[[MEAN:.*]]: tensor<3xf32>, %[[VAR:.*]]: tensor<3xf32>)
// CHECK: %[[F:.*]] = linalg.generic {indexing_maps = [#[[VEC]], #[[VEC]], #[[VEC]]], iterator_types = ["parallel"]} ins(%[[SCALE]], %[[VAR]] : tensor<3xf32>, tensor<3xf32>)
// CHECK: ^bb0(%[[S:.*]]: f32, %[[V:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[EPS:.*]] = arith.constant 1.000000e-03 : f32
// CHECK: %[[VE:.*]] = arith.addf %[[V]], %[[EPS]] : f32
// CHECK: %[[STD:.*]] = math.sqrt %[[VE]] : f32
// CHECK: arith.divf %[[S]], %[[STD]] : f32
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[CH]], #[[CH]], #[[CH]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[X]], %[[MEAN]], %[[F]], %[[B]] :
// CHECK: ^bb0(%[[XV:.*]]: f32, %[[MV:.*]]: f32, %[[FV:.*]]: f32, %[[BV:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[C:.*]] = arith.subf %[[XV]], %[[MV]] : f32
// CHECK: %[[P:.*]] = arith.mulf %[[C]], %[[FV]] : f32
// CHECK: arith.addf %[[P]], %[[BV]] : f32
func.func @batchnorm(%x: tensor<?x3x4x4xf32>, %scale: tensor<3xf32>, %b: tensor<3xf32>, %mean: tensor<3xf32>, %var: tensor<3xf32>) -> tensor<?x3x4x4xf32> {
  %0, %1, %2 = onnx.BatchNormalization %x, %scale, %b, %mean, %var {epsilon = 1.0e-3 : f32} : (tensor<?x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<?x3x4x4xf32>, none, none)
  return %0 : tensor<?x3x4x4xf32>
}

// -----

// Mean and variance over the dims from `axis` on, in f32 (stash_type=1);
// Scale and B broadcast over the normalized dims; Mean/InvStdDev are produced
// in the rank of X when used.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[STAT:.*]] = affine_map<(d0, d1, d2) -> (d0)>
// CHECK-DAG: #[[LAST:.*]] = affine_map<(d0, d1, d2) -> (d2)>
// CHECK-LABEL: func.func @layernorm
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf16>, %[[SCALE:.*]]: tensor<4xf16>, %[[B:.*]]: tensor<4xf16>)
// CHECK: %[[N:.*]] = arith.constant 1.200000e+01 : f32
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[STAT]]], iterator_types = ["parallel", "reduction", "reduction"]}
// CHECK: %[[MEAN:.*]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<2xf32>)
// CHECK: arith.divf %{{.*}}, %[[N]] : f32
// CHECK: %[[SQ:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[STAT]], #[[STAT]]], iterator_types = ["parallel", "reduction", "reduction"]} ins(%[[X]], %[[MEAN]] : tensor<2x3x4xf16>, tensor<2xf32>)
// CHECK: %[[INV:.*]] = linalg.generic {{.*}} ins(%[[SQ]] : tensor<2xf32>)
// CHECK: math.sqrt
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[STAT]], #[[STAT]], #[[LAST]], #[[LAST]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[X]], %[[MEAN]], %[[INV]], %[[SCALE]], %[[B]] :
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK: %[[MEANOUT:.*]] = tensor.expand_shape %[[MEAN]] {{\[}}[0, 1, 2]] output_shape [2, 1, 1] : tensor<2xf32> into tensor<2x1x1xf32>
// CHECK: return %{{.*}}, %[[MEANOUT]]
func.func @layernorm(%x: tensor<2x3x4xf16>, %scale: tensor<4xf16>, %b: tensor<4xf16>) -> (tensor<2x3x4xf16>, tensor<2x1x1xf32>) {
  %0, %1, %2 = onnx.LayerNormalization %x, %scale, %b {axis = 1 : i64} : (tensor<2x3x4xf16>, tensor<4xf16>, tensor<4xf16>) -> (tensor<2x3x4xf16>, tensor<2x1x1xf32>, tensor<2x1x1xf32>)
  return %0, %1 : tensor<2x3x4xf16>, tensor<2x1x1xf32>
}

// -----

// Without B; the normalized size comes from tensor.dim at run time.
// CHECK-LABEL: func.func @layernorm_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<2x?xf32>, %[[SCALE:.*]]: tensor<?xf32>)
// CHECK: %[[C1:.*]] = arith.constant 1 : index
// CHECK: %[[D:.*]] = tensor.dim %[[X]], %[[C1]]
// CHECK: %[[I:.*]] = arith.index_cast %{{.*}} : index to i64
// CHECK: %[[N:.*]] = arith.sitofp %[[I]] : i64 to f32
// CHECK: linalg.generic {{.*}} ins(%[[X]], %{{.*}}, %{{.*}}, %[[SCALE]] : tensor<2x?xf32>, tensor<2xf32>, tensor<2xf32>, tensor<?xf32>)
// CHECK: ^bb0(%[[V:.*]]: f32, %[[M:.*]]: f32, %[[INV:.*]]: f32, %[[S:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[C:.*]] = arith.subf %[[V]], %[[M]] : f32
// CHECK: %[[NRM:.*]] = arith.mulf %[[C]], %[[INV]] : f32
// CHECK: %[[R:.*]] = arith.mulf %[[NRM]], %[[S]] : f32
// CHECK-NEXT: linalg.yield %[[R]]
func.func @layernorm_dynamic(%x: tensor<2x?xf32>, %scale: tensor<?xf32>) -> tensor<2x?xf32> {
  %none = onnx.NoValue
  %0, %1, %2 = onnx.LayerNormalization %x, %scale, %none : (tensor<2x?xf32>, tensor<?xf32>, none) -> (tensor<2x?xf32>, none, none)
  return %0 : tensor<2x?xf32>
}

// -----

// Inference: the output is the input, the mask all true.
// CHECK-LABEL: func.func @dropout
// CHECK-SAME: (%[[X:.*]]: tensor<2x?xf32>)
// CHECK: %[[TRUE:.*]] = arith.constant true
// CHECK: %[[C1:.*]] = arith.constant 1 : index
// CHECK: %[[D:.*]] = tensor.dim %[[X]], %[[C1]]
// CHECK: %[[E:.*]] = tensor.empty(%[[D]]) : tensor<2x?xi1>
// CHECK: %[[MASK:.*]] = linalg.fill ins(%[[TRUE]] : i1) outs(%[[E]] : tensor<2x?xi1>)
// CHECK: return %[[X]], %[[MASK]]
func.func @dropout(%x: tensor<2x?xf32>) -> (tensor<2x?xf32>, tensor<2x?xi1>) {
  %none = onnx.NoValue
  %0, %1 = onnx.Dropout %x, %none, %none : (tensor<2x?xf32>, none, none) -> (tensor<2x?xf32>, tensor<2x?xi1>)
  return %0, %1 : tensor<2x?xf32>, tensor<2x?xi1>
}

// -----

// Training mode with a zero ratio is the identity too.
// CHECK-LABEL: func.func @dropout_training_zero_ratio
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: return %[[X]]
func.func @dropout_training_zero_ratio(%x: tensor<4xf32>) -> tensor<4xf32> {
  %ratio = arith.constant dense<0.0> : tensor<f32>
  %training = arith.constant dense<true> : tensor<i1>
  %0, %1 = onnx.Dropout %x, %ratio, %training : (tensor<4xf32>, tensor<f32>, tensor<i1>) -> (tensor<4xf32>, none)
  return %0 : tensor<4xf32>
}

// -----

// Training mode with a run-time flag: keep = u >= ratio with u from the
// counter-based generator (a hash of the seed and the element's position);
// output = keep ? x / (1 - ratio) : 0, mask = keep; a false flag keeps all.
// CHECK-LABEL: func.func @dropout_runtime_training
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[R:.*]]: tensor<f32>, %[[T:.*]]: tensor<i1>)
// CHECK: %[[TRAIN:.*]] = tensor.extract %[[T]][] : tensor<i1>
// CHECK: %[[RATIO:.*]] = tensor.extract %[[R]][] : tensor<f32>
// CHECK: %[[OUT:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK: arith.select %[[TRAIN]]
// CHECK: arith.shrui
// CHECK: arith.uitofp
// CHECK: arith.cmpf oge, %{{.*}}, %[[RATIO]] : f32
// CHECK: %[[MASK:.*]] = linalg.generic
// CHECK: arith.cmpf oge, %{{.*}}, %[[RATIO]] : f32
// CHECK: return %[[OUT]], %[[MASK]]
func.func @dropout_runtime_training(%x: tensor<4xf32>, %r: tensor<f32>, %t: tensor<i1>) -> (tensor<4xf32>, tensor<4xi1>) {
  %0, %1 = onnx.Dropout %x, %r, %t {seed = 0 : i64} : (tensor<4xf32>, tensor<f32>, tensor<i1>) -> (tensor<4xf32>, tensor<4xi1>)
  return %0, %1 : tensor<4xf32>, tensor<4xi1>
}

// -----

// Training mode: the batch statistics over all dims but the channel dim
// normalize X, and blend into running_mean/running_var with momentum.
// CHECK-LABEL: func.func @batchnorm_training
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}}iterator_types = ["reduction", "parallel"]
// CHECK: %[[MEAN:.*]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<3xf32>)
// CHECK: %[[SQ:.*]] = linalg.generic {{.*}}iterator_types = ["reduction", "parallel"]
// CHECK: %[[VAR:.*]] = linalg.generic {{.*}} ins(%[[SQ]] : tensor<3xf32>)
// CHECK: %[[RMEAN:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[MEAN]] : tensor<3xf32>, tensor<3xf32>)
// CHECK: arith.constant 0.899999976 : f32
// CHECK: %[[RVAR:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[VAR]] : tensor<3xf32>, tensor<3xf32>)
// CHECK: %[[FACTOR:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[VAR]] : tensor<3xf32>, tensor<3xf32>)
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[MEAN]], %[[FACTOR]], %{{.*}} :
// CHECK: return %[[Y]], %[[RMEAN]], %[[RVAR]]
func.func @batchnorm_training(%x: tensor<2x3xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>)
    -> (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>) {
  %0, %1, %2 = onnx.BatchNormalization %x, %s, %b, %m, %v {training_mode = 1 : i64}
      : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>)
  return %0, %1, %2 : tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>
}
