// RUN: onnx-opt %s -split-input-file --onnx-infer-shapes | FileCheck %s
// RUN: onnx-opt %s -split-input-file | onnx-opt -split-input-file | FileCheck %s --check-prefix=ROUNDTRIP

// Shape inference of the ops of OnnxNNExtraOps.td, and the relaxation of
// Loop/Scan carried values whose shape changes across iterations.

// CHECK-LABEL: func.func @rms_norm
// CHECK: onnx.RMSNormalization {{.*}} -> tensor<2x?x5xf32>
// ROUNDTRIP-LABEL: func.func @rms_norm
// ROUNDTRIP: onnx.RMSNormalization %{{.*}}, %{{.*}} {axis = 1 : i64}
func.func @rms_norm(%x: tensor<2x?x5xf32>, %s: tensor<5xf32>) -> tensor<*xf32> {
  %0 = onnx.RMSNormalization %x, %s {axis = 1 : i64} : (tensor<2x?x5xf32>, tensor<5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @rotary
// CHECK: onnx.RotaryEmbedding {{.*}} -> tensor<2x3x32xf32>
func.func @rotary(%x: tensor<2x3x32xf32>, %c: tensor<50x4xf32>, %p: tensor<2x3xi64>) -> tensor<*xf32> {
  %0 = onnx.RotaryEmbedding %x, %c, %c, %p {num_heads = 4 : i64} : (tensor<2x3x32xf32>, tensor<50x4xf32>, tensor<50x4xf32>, tensor<2x3xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// The loss is a scalar unless reduction is none; then it has the target's
// shape.
// CHECK-LABEL: func.func @losses
// CHECK: onnx.NegativeLogLikelihoodLoss {{.*}} -> tensor<f32>
// CHECK: onnx.NegativeLogLikelihoodLoss {{.*}} -> tensor<3x4xf32>
// CHECK: onnx.SoftmaxCrossEntropyLoss {{.*}} -> (tensor<f32>, tensor<3x5x4xf32>)
func.func @losses(%x: tensor<3x5x4xf32>, %t: tensor<3x?xi64>, %w: tensor<5xf32>, %none: none)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.NegativeLogLikelihoodLoss %x, %t, %w : (tensor<3x5x4xf32>, tensor<3x?xi64>, tensor<5xf32>) -> tensor<*xf32>
  %1 = onnx.NegativeLogLikelihoodLoss %x, %t, %none {reduction = "none", ignore_index = -1 : i64} : (tensor<3x5x4xf32>, tensor<3x?xi64>, none) -> tensor<*xf32>
  %2, %3 = onnx.SoftmaxCrossEntropyLoss %x, %t, %none {reduction = "sum"} : (tensor<3x5x4xf32>, tensor<3x?xi64>, none) -> (tensor<*xf32>, tensor<*xf32>)
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// 3-D attention with GQA and a cache: Y is [B, Sq, Hq * Dv], the presents
// [B, Hkv, past + Skv, D], the scores [B, Hq, Sq, past + Skv].
// CHECK-LABEL: func.func @attention_3d
// CHECK: onnx.Attention {{.*}} -> (tensor<2x4x72xf32>, tensor<2x3x18x8xf32>, tensor<2x3x18x8xf32>, tensor<2x9x4x18xf32>)
func.func @attention_3d(%q: tensor<2x4x72xf32>, %k: tensor<2x6x24xf32>, %v: tensor<2x6x24xf32>,
                        %past: tensor<2x3x12x8xf32>, %none: none)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0:4 = onnx.Attention %q, %k, %v, %none, %past, %past, %none {q_num_heads = 9 : i64, kv_num_heads = 3 : i64} : (tensor<2x4x72xf32>, tensor<2x6x24xf32>, tensor<2x6x24xf32>, none, tensor<2x3x12x8xf32>, tensor<2x3x12x8xf32>, none) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1, %0#2, %0#3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @attention_4d
// CHECK: onnx.Attention {{.*}} -> (tensor<?x3x4x10xf16>, none, none, none)
func.func @attention_4d(%q: tensor<?x3x4x8xf16>, %k: tensor<?x3x6x8xf16>, %v: tensor<?x3x6x10xf16>, %m: tensor<4x6xi1>, %none: none) -> tensor<*xf16> {
  %0:4 = onnx.Attention %q, %k, %v, %m, %none, %none, %none {is_causal = 1 : i64} : (tensor<?x3x4x8xf16>, tensor<?x3x6x8xf16>, tensor<?x3x6x10xf16>, tensor<4x6xi1>, none, none, none) -> (tensor<*xf16>, none, none, none)
  return %0#0 : tensor<*xf16>
}

// -----

// CHECK-LABEL: func.func @linear_attention
// CHECK: onnx.LinearAttention {{.*}} -> (tensor<2x4x64xf32>, tensor<2x4x8x8xf32>)
func.func @linear_attention(%q: tensor<2x4x64xf32>, %k: tensor<2x4x32xf32>, %d: tensor<2x4x32xf32>, %b: tensor<2x4x4xf32>, %none: none) -> (tensor<*xf32>, tensor<*xf32>) {
  %0, %1 = onnx.LinearAttention %q, %k, %k, %none, %d, %b {q_num_heads = 8 : i64, kv_num_heads = 4 : i64} : (tensor<2x4x64xf32>, tensor<2x4x32xf32>, tensor<2x4x32xf32>, none, tensor<2x4x32xf32>, tensor<2x4x4xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0, %1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @causal_conv
// CHECK: onnx.CausalConvWithState {{.*}} -> (tensor<2x4x8xf32>, tensor<2x4x3xf32>)
func.func @causal_conv(%x: tensor<2x4x8xf32>, %w: tensor<4x1x4xf32>, %none: none) -> (tensor<*xf32>, tensor<*xf32>) {
  %0, %1 = onnx.CausalConvWithState %x, %w, %none, %none {activation = "silu"} : (tensor<2x4x8xf32>, tensor<4x1x4xf32>, none, none) -> (tensor<*xf32>, tensor<*xf32>)
  return %0, %1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// The hidden size comes from R; Y is [T, dirs, B, H] (layout 0) or
// [B, T, dirs, H] (layout 1).
// CHECK-LABEL: func.func @recurrent
// CHECK: onnx.LSTM {{.*}} -> (tensor<3x2x5x4xf32>, tensor<2x5x4xf32>, tensor<2x5x4xf32>)
// CHECK: onnx.GRU {{.*}} -> (tensor<5x3x1x4xf32>, tensor<5x1x4xf32>)
// CHECK: onnx.RNN {{.*}} -> (none, tensor<1x5x4xf32>)
func.func @recurrent(%x: tensor<3x5x2xf32>, %xb: tensor<5x3x2xf32>, %w4: tensor<2x16x2xf32>, %r4: tensor<2x16x4xf32>,
                     %w3: tensor<1x12x2xf32>, %r3: tensor<1x12x4xf32>, %w1: tensor<1x4x2xf32>, %r1: tensor<1x4x4xf32>, %none: none)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0:3 = onnx.LSTM %x, %w4, %r4, %none, %none, %none, %none, %none {direction = "bidirectional"} : (tensor<3x5x2xf32>, tensor<2x16x2xf32>, tensor<2x16x4xf32>, none, none, none, none, none) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  %1:2 = onnx.GRU %xb, %w3, %r3, %none, %none, %none {layout = 1 : i64, hidden_size = 4 : i64} : (tensor<5x3x2xf32>, tensor<1x12x2xf32>, tensor<1x12x4xf32>, none, none, none) -> (tensor<*xf32>, tensor<*xf32>)
  %2:2 = onnx.RNN %x, %w1, %r1, %none, %none, %none : (tensor<3x5x2xf32>, tensor<1x4x2xf32>, tensor<1x4x4xf32>, none, none, none) -> (none, tensor<*xf32>)
  return %0#0, %0#2, %1#0, %1#1, %2#1 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// A carried value that grows by one element per iteration: the body's
// argument is relaxed to tensor<?xf32> and the body re-inferred.
// CHECK-LABEL: func.func @loop_growing
// CHECK: onnx.Loop{{.*}} -> (tensor<?xf32>, tensor<?x?xf32>)
// CHECK: ^bb0(%{{.*}}: tensor<i64>, %{{.*}}: tensor<i1>, %[[ARG:.*]]: tensor<?xf32>):
// CHECK: onnx.Concat %[[ARG]], %{{.*}} {axis = 0 : i64} : (tensor<?xf32>, tensor<1xf32>) -> tensor<?xf32>
func.func @loop_growing(%m: tensor<i64>, %y: tensor<1xf32>, %none: none) -> (tensor<*xf32>, tensor<*xf32>) {
  %0:2 = onnx.Loop(%m, %none, %y) : (tensor<i64>, none, tensor<1xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<1xf32>):
    %1 = onnx.Concat %v, %y {axis = 0 : i64} : (tensor<1xf32>, tensor<1xf32>) -> tensor<2xf32>
    onnx.Yield %c, %1, %1 : tensor<i1>, tensor<2xf32>, tensor<2xf32>
  }
  return %0#0, %0#1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @scan
// CHECK: -> (tensor<2xf32>, tensor<3x2xf32>)
func.func @scan(%init: tensor<2xf32>, %x: tensor<3x2xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  %0:2 = onnx.Scan(%init, %x) {num_scan_inputs = 1 : i64} : (tensor<2xf32>, tensor<3x2xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  ^bb0(%s: tensor<2xf32>, %e: tensor<2xf32>):
    %1 = onnx.Add %s, %e : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    onnx.Yield %1, %1 : tensor<2xf32>, tensor<2xf32>
  }
  return %0#0, %0#1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// Optimizers: the updated tensors, then the states, typed as the inputs.
// CHECK-LABEL: func.func @optimizers
// CHECK: onnx.Adagrad {{.*}} -> (tensor<1xf32>, tensor<2xf32>, tensor<1xf32>, tensor<2xf32>)
// CHECK: onnx.Adam {{.*}} -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>)
// CHECK: onnx.Momentum {{.*}} -> (tensor<2xf32>, tensor<2xf32>)
func.func @optimizers(%r: tensor<f32>, %t: tensor<i64>, %a: tensor<1xf32>, %b: tensor<2xf32>)
    -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0:4 = onnx.Adagrad %r, %t, %a, %b, %a, %b, %a, %b : (tensor<f32>, tensor<i64>, tensor<1xf32>, tensor<2xf32>, tensor<1xf32>, tensor<2xf32>, tensor<1xf32>, tensor<2xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  %1:3 = onnx.Adam %r, %t, %b, %b, %b, %b : (tensor<f32>, tensor<i64>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  %2:2 = onnx.Momentum %r, %t, %b, %b, %b {alpha = 0.9 : f32, beta = 0.1 : f32, mode = "nesterov", norm_coefficient = 0.0 : f32} : (tensor<f32>, tensor<i64>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#1, %1#2, %2#1 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}
