// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// GRU, reverse, with sequence_lens: X W^T + Wb for all steps before the
// loop; in the loop (t = T - 1 - step) H R^T + Rb, the reset gate, then
// (r * H) Rh^T + Rbh (linear_before_reset = 0) and the new state. Entries
// whose length is <= t keep their state and write zeros to Y.
// CHECK-LABEL: func.func @gru_reverse
// CHECK-SAME: (%[[X:[a-z0-9]*]]: tensor<3x2x4xf32>, %{{.*}}: tensor<1x9x4xf32>, %{{.*}}: tensor<1x9x3xf32>, %{{.*}}: tensor<1x18xf32>, %[[LEN:[a-z0-9]*]]: tensor<2xi32>
// CHECK: %[[XW:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[X]], %{{.*}} : tensor<3x2x4xf32>, tensor<9x4xf32>)
// CHECK: %[[LOOP:.*]]:2 = scf.for %[[S:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[H:.*]] = %{{.*}}, %[[Y:.*]] = %{{.*}}) -> (tensor<2x3xf32>, tensor<3x1x2x3xf32>)
// CHECK: %[[T:.*]] = arith.subi %{{.*}}, %[[S]] : index
// CHECK: tensor.extract_slice %[[XW]][%[[T]], 0, 0] [1, 2, 9] [1, 1, 1] : tensor<3x2x9xf32> to tensor<2x9xf32>
// CHECK: %[[HR:.*]] = linalg.generic {{.*}} ins(%[[H]], %{{.*}} : tensor<2x3xf32>, tensor<9x3xf32>)
// CHECK: %[[RH:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %{{.*}}, %[[H]] : tensor<2x3x3xf32>, tensor<2x3x3xf32>, tensor<2x3xf32>)
// CHECK: %[[RHR:.*]] = linalg.generic {{.*}} ins(%[[RH]], %{{.*}} : tensor<2x3xf32>, tensor<3x3xf32>)
// CHECK: %[[NEXT:.*]]:2 = linalg.generic {{.*}} ins({{.*}}, %[[H]], %[[RHR]], %[[LEN]] : {{.*}}, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2xi32>)
// CHECK: math.tanh
// CHECK: %[[ON:.*]] = arith.cmpi slt
// CHECK: arith.select %[[ON]]
// CHECK: %[[YN:.*]] = tensor.insert_slice %[[NEXT]]#1 into %[[Y]][%[[T]], 0, 0, 0] [1, 1, 2, 3] [1, 1, 1, 1] : tensor<2x3xf32> into tensor<3x1x2x3xf32>
// CHECK: scf.yield %[[NEXT]]#0, %[[YN]]
// CHECK: %[[YH:.*]] = tensor.insert_slice %[[LOOP]]#0 into %{{.*}}[0, 0, 0] [1, 2, 3] [1, 1, 1] : tensor<2x3xf32> into tensor<1x2x3xf32>
// CHECK: return %[[LOOP]]#1, %[[YH]]
func.func @gru_reverse(%x: tensor<3x2x4xf32>, %w: tensor<1x9x4xf32>, %r: tensor<1x9x3xf32>, %b: tensor<1x18xf32>, %len: tensor<2xi32>, %none: none) -> (tensor<3x1x2x3xf32>, tensor<1x2x3xf32>) {
  %0:2 = onnx.GRU %x, %w, %r, %b, %len, %none {direction = "reverse"} : (tensor<3x2x4xf32>, tensor<1x9x4xf32>, tensor<1x9x3xf32>, tensor<1x18xf32>, tensor<2xi32>, none) -> (tensor<3x1x2x3xf32>, tensor<1x2x3xf32>)
  return %0#0, %0#1 : tensor<3x1x2x3xf32>, tensor<1x2x3xf32>
}

// -----

// Bidirectional LSTM: two loops, the second one reverse, sharing Y; the
// states C and H are carried; Y_h stacks both directions' last H.
// CHECK-LABEL: func.func @lstm_bidirectional
// CHECK: %[[FWD:.*]]:3 = scf.for {{.*}} -> (tensor<1x3xf32>, tensor<1x3xf32>, tensor<2x2x1x3xf32>)
// CHECK: math.tanh
// CHECK: tensor.insert_slice %{{.*}}[%{{.*}}, 0, 0, 0] [1, 1, 1, 3]
// CHECK: %[[BWD:.*]]:3 = scf.for {{.*}} iter_args(%{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}, %{{.*}} = %[[FWD]]#2)
// CHECK: tensor.insert_slice %{{.*}}[%{{.*}}, 1, 0, 0] [1, 1, 1, 3]
// CHECK: %[[H0:.*]] = tensor.insert_slice %[[FWD]]#0 into %{{.*}}[0, 0, 0] [1, 1, 3]
// CHECK: %[[H1:.*]] = tensor.insert_slice %[[BWD]]#0 into %[[H0]][1, 0, 0] [1, 1, 3]
// CHECK: return %[[BWD]]#2, %[[H1]]
func.func @lstm_bidirectional(%x: tensor<2x1x2xf32>, %w: tensor<2x12x2xf32>, %r: tensor<2x12x3xf32>, %none: none) -> (tensor<2x2x1x3xf32>, tensor<2x1x3xf32>) {
  %0:3 = onnx.LSTM %x, %w, %r, %none, %none, %none, %none, %none {direction = "bidirectional", hidden_size = 3 : i64} : (tensor<2x1x2xf32>, tensor<2x12x2xf32>, tensor<2x12x3xf32>, none, none, none, none, none) -> (tensor<2x2x1x3xf32>, tensor<2x1x3xf32>, none)
  return %0#0, %0#1 : tensor<2x2x1x3xf32>, tensor<2x1x3xf32>
}

// -----

// layout = 1: X is [B, T, I] and is transposed first; Y comes back as
// [B, T, dirs, H].
// CHECK-LABEL: func.func @rnn_batchwise
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x3x4xf32>) outs(%{{.*}} : tensor<3x2x4xf32>) permutation = [1, 0, 2]
// CHECK: scf.for
// CHECK: linalg.transpose ins(%{{.*}} : tensor<3x1x2x5xf32>) outs(%{{.*}} : tensor<2x3x1x5xf32>) permutation = [2, 0, 1, 3]
func.func @rnn_batchwise(%x: tensor<2x3x4xf32>, %w: tensor<1x5x4xf32>, %r: tensor<1x5x5xf32>, %none: none) -> tensor<2x3x1x5xf32> {
  %0:2 = onnx.RNN %x, %w, %r, %none, %none, %none {layout = 1 : i64} : (tensor<2x3x4xf32>, tensor<1x5x4xf32>, tensor<1x5x5xf32>, none, none, none) -> (tensor<2x3x1x5xf32>, none)
  return %0#0 : tensor<2x3x1x5xf32>
}
