// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -verify-diagnostics

func.func @rms_norm_int(%x: tensor<2x3xi32>, %s: tensor<3xi32>) -> tensor<2x3xi32> {
  // expected-error @+1 {{cannot lower: X and scale must be float tensors}}
  %0 = onnx.RMSNormalization %x, %s : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

func.func @rms_norm_axis(%x: tensor<2x3xf32>, %s: tensor<3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{cannot lower: axis -3 is out of range for rank 2}}
  %0 = onnx.RMSNormalization %x, %s {axis = -3 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @rms_norm_scale(%x: tensor<2x3xf32>, %s: tensor<4xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{cannot lower: scale must broadcast to X}}
  %0 = onnx.RMSNormalization %x, %s : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @rotary_int(%x: tensor<1x2x3x4xi32>, %c: tensor<1x3x2xi32>, %none: none) -> tensor<1x2x3x4xi32> {
  // expected-error @+1 {{cannot lower: X and the caches must be float tensors}}
  %0 = onnx.RotaryEmbedding %x, %c, %c, %none : (tensor<1x2x3x4xi32>, tensor<1x3x2xi32>, tensor<1x3x2xi32>, none) -> tensor<1x2x3x4xi32>
  return %0 : tensor<1x2x3x4xi32>
}

// -----

func.func @rotary_rank(%x: tensor<2x3x4x5x6xf32>, %c: tensor<2x3x2xf32>, %none: none) -> tensor<2x3x4x5x6xf32> {
  // expected-error @+1 {{cannot lower: X must have rank 3 or 4 and the caches rank 2 (with position_ids) or 3}}
  %0 = onnx.RotaryEmbedding %x, %c, %c, %none : (tensor<2x3x4x5x6xf32>, tensor<2x3x2xf32>, tensor<2x3x2xf32>, none) -> tensor<2x3x4x5x6xf32>
  return %0 : tensor<2x3x4x5x6xf32>
}

// -----

func.func @rotary_no_heads(%x: tensor<1x3x8xf32>, %c: tensor<1x3x4xf32>, %none: none) -> tensor<1x3x8xf32> {
  // expected-error @+1 {{cannot lower: num_heads is required for rank 3}}
  %0 = onnx.RotaryEmbedding %x, %c, %c, %none : (tensor<1x3x8xf32>, tensor<1x3x4xf32>, tensor<1x3x4xf32>, none) -> tensor<1x3x8xf32>
  return %0 : tensor<1x3x8xf32>
}

// -----

func.func @nll_int(%x: tensor<3x5xi32>, %t: tensor<3xi64>, %none: none) -> tensor<i32> {
  // expected-error @+1 {{cannot lower: input must be a float tensor}}
  %0 = onnx.NegativeLogLikelihoodLoss %x, %t, %none : (tensor<3x5xi32>, tensor<3xi64>, none) -> tensor<i32>
  return %0 : tensor<i32>
}

// -----

func.func @nll_rank1(%x: tensor<5xf32>, %t: tensor<i64>, %none: none) -> tensor<f32> {
  // expected-error @+1 {{cannot lower: input must have rank 2 or more}}
  %0 = onnx.NegativeLogLikelihoodLoss %x, %t, %none : (tensor<5xf32>, tensor<i64>, none) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @nll_target(%x: tensor<3x5xf32>, %t: tensor<3x2xi64>, %none: none) -> tensor<f32> {
  // expected-error @+1 {{cannot lower: target must be an integer tensor of rank 1}}
  %0 = onnx.NegativeLogLikelihoodLoss %x, %t, %none : (tensor<3x5xf32>, tensor<3x2xi64>, none) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @nll_weight(%x: tensor<3x5xf32>, %t: tensor<3xi64>, %w: tensor<5xi32>) -> tensor<f32> {
  // expected-error @+1 {{cannot lower: weight must be a float tensor}}
  %0 = onnx.NegativeLogLikelihoodLoss %x, %t, %w : (tensor<3x5xf32>, tensor<3xi64>, tensor<5xi32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @sce_int(%x: tensor<3x5xi32>, %t: tensor<3xi64>, %none: none) -> tensor<i32> {
  // expected-error @+1 {{cannot lower: scores must be a float tensor}}
  %0, %1 = onnx.SoftmaxCrossEntropyLoss %x, %t, %none : (tensor<3x5xi32>, tensor<3xi64>, none) -> (tensor<i32>, none)
  return %0 : tensor<i32>
}

// -----

func.func @sce_rank1(%x: tensor<5xf32>, %t: tensor<i64>, %none: none) -> tensor<f32> {
  // expected-error @+1 {{cannot lower: scores must have rank 2 or more}}
  %0, %1 = onnx.SoftmaxCrossEntropyLoss %x, %t, %none : (tensor<5xf32>, tensor<i64>, none) -> (tensor<f32>, none)
  return %0 : tensor<f32>
}

// -----

func.func @causal_conv_int(%x: tensor<1x2x5xi32>, %w: tensor<2x1x3xi32>, %none: none) -> tensor<1x2x5xi32> {
  // expected-error @+1 {{cannot lower: the operands must be float tensors}}
  %0, %1 = onnx.CausalConvWithState %x, %w, %none, %none : (tensor<1x2x5xi32>, tensor<2x1x3xi32>, none, none) -> (tensor<1x2x5xi32>, tensor<1x2x2xi32>)
  return %0 : tensor<1x2x5xi32>
}

// -----

func.func @causal_conv_rank(%x: tensor<2x5xf32>, %w: tensor<2x1x3xf32>, %none: none) -> tensor<2x5xf32> {
  // expected-error @+1 {{cannot lower: input and weight must have rank 3}}
  %0, %1 = onnx.CausalConvWithState %x, %w, %none, %none : (tensor<2x5xf32>, tensor<2x1x3xf32>, none, none) -> (tensor<2x5xf32>, tensor<2x2xf32>)
  return %0 : tensor<2x5xf32>
}

// -----

func.func @attention_int(%q: tensor<1x2x3x4xi32>, %none: none) -> tensor<1x2x3x4xi32> {
  // expected-error @+1 {{cannot lower: Q, K, V and the caches must be float tensors}}
  %0:4 = onnx.Attention %q, %q, %q, %none, %none, %none, %none : (tensor<1x2x3x4xi32>, tensor<1x2x3x4xi32>, tensor<1x2x3x4xi32>, none, none, none, none) -> (tensor<1x2x3x4xi32>, none, none, none)
  return %0#0 : tensor<1x2x3x4xi32>
}

// -----

func.func @attention_rank(%q: tensor<2x3x4x5x6xf32>, %none: none) -> tensor<2x3x4x5x6xf32> {
  // expected-error @+1 {{cannot lower: Q, K and V must have rank 3 or 4}}
  %0:4 = onnx.Attention %q, %q, %q, %none, %none, %none, %none : (tensor<2x3x4x5x6xf32>, tensor<2x3x4x5x6xf32>, tensor<2x3x4x5x6xf32>, none, none, none, none) -> (tensor<2x3x4x5x6xf32>, none, none, none)
  return %0#0 : tensor<2x3x4x5x6xf32>
}

// -----

func.func @attention_no_heads(%q: tensor<1x3x8xf32>, %none: none) -> tensor<1x3x8xf32> {
  // expected-error @+1 {{cannot lower: q_num_heads and kv_num_heads are required for rank 3}}
  %0:4 = onnx.Attention %q, %q, %q, %none, %none, %none, %none : (tensor<1x3x8xf32>, tensor<1x3x8xf32>, tensor<1x3x8xf32>, none, none, none, none) -> (tensor<1x3x8xf32>, none, none, none)
  return %0#0 : tensor<1x3x8xf32>
}

// -----

func.func @attention_dynamic_heads(%q: tensor<1x?x3x4xf32>, %k: tensor<1x2x3x4xf32>, %none: none) -> tensor<1x?x3x4xf32> {
  // expected-error @+1 {{cannot lower: the query and key/value head counts must be static, the first a multiple of the second}}
  %0:4 = onnx.Attention %q, %k, %k, %none, %none, %none, %none : (tensor<1x?x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, none, none, none, none) -> (tensor<1x?x3x4xf32>, none, none, none)
  return %0#0 : tensor<1x?x3x4xf32>
}

// -----

func.func @attention_mask_type(%q: tensor<1x2x3x4xf32>, %m: tensor<3x3xi32>, %none: none) -> tensor<1x2x3x4xf32> {
  // expected-error @+1 {{cannot lower: attn_mask must be a bool or float tensor of rank 1 to 4}}
  %0:4 = onnx.Attention %q, %q, %q, %m, %none, %none, %none : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<3x3xi32>, none, none, none) -> (tensor<1x2x3x4xf32>, none, none, none)
  return %0#0 : tensor<1x2x3x4xf32>
}

// -----

func.func @attention_mask_shape(%q: tensor<1x2x3x4xf32>, %m: tensor<5x3xf32>, %none: none) -> tensor<1x2x3x4xf32> {
  // expected-error @+1 {{cannot lower: attn_mask does not broadcast to the scores tensor<1x2x3x3xf32>}}
  %0:4 = onnx.Attention %q, %q, %q, %m, %none, %none, %none : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<5x3xf32>, none, none, none) -> (tensor<1x2x3x4xf32>, none, none, none)
  return %0#0 : tensor<1x2x3x4xf32>
}

// -----

func.func @lstm_int(%x: tensor<2x1x3xi32>, %w: tensor<1x8x3xi32>, %r: tensor<1x8x2xi32>, %none: none) -> tensor<1x1x2xi32> {
  // expected-error @+1 {{cannot lower: X, W and R must be float tensors of rank 3}}
  %0:3 = onnx.LSTM %x, %w, %r, %none, %none, %none, %none, %none : (tensor<2x1x3xi32>, tensor<1x8x3xi32>, tensor<1x8x2xi32>, none, none, none, none, none) -> (none, tensor<1x1x2xi32>, none)
  return %0#1 : tensor<1x1x2xi32>
}

// -----

func.func @gru_bias(%x: tensor<2x1x3xf32>, %w: tensor<1x6x3xf32>, %r: tensor<1x6x2xf32>, %b: tensor<1x12xi32>, %none: none) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{cannot lower: B, initial_h, initial_c and P must be float tensors}}
  %0:2 = onnx.GRU %x, %w, %r, %b, %none, %none : (tensor<2x1x3xf32>, tensor<1x6x3xf32>, tensor<1x6x2xf32>, tensor<1x12xi32>, none, none) -> (none, tensor<1x1x2xf32>)
  return %0#1 : tensor<1x1x2xf32>
}

// -----

func.func @rnn_seq_lens(%x: tensor<2x1x3xf32>, %w: tensor<1x2x3xf32>, %r: tensor<1x2x2xf32>, %len: tensor<1xf32>, %none: none) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{cannot lower: sequence_lens must be a 1-D integer tensor}}
  %0:2 = onnx.RNN %x, %w, %r, %none, %len, %none : (tensor<2x1x3xf32>, tensor<1x2x3xf32>, tensor<1x2x2xf32>, none, tensor<1xf32>, none) -> (none, tensor<1x1x2xf32>)
  return %0#1 : tensor<1x1x2xf32>
}

// -----

func.func @rnn_activation(%x: tensor<2x1x3xf32>, %w: tensor<1x2x3xf32>, %r: tensor<1x2x2xf32>, %none: none) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{cannot lower: activation "Relu" is not supported (only the default activations are)}}
  %0:2 = onnx.RNN %x, %w, %r, %none, %none, %none {activations = ["Relu"]} : (tensor<2x1x3xf32>, tensor<1x2x3xf32>, tensor<1x2x2xf32>, none, none, none) -> (none, tensor<1x1x2xf32>)
  return %0#1 : tensor<1x1x2xf32>
}

// -----

func.func @rnn_directions(%x: tensor<2x1x3xf32>, %w: tensor<2x2x3xf32>, %r: tensor<2x2x2xf32>, %none: none) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{cannot lower: W must have 1 directions}}
  %0:2 = onnx.RNN %x, %w, %r, %none, %none, %none : (tensor<2x1x3xf32>, tensor<2x2x3xf32>, tensor<2x2x2xf32>, none, none, none) -> (none, tensor<1x1x2xf32>)
  return %0#1 : tensor<1x1x2xf32>
}

// -----

func.func @scan_dynamic_slice(%init: tensor<2xf32>, %x: tensor<3x?xf32>) -> tensor<3x?xf32> {
  // expected-error @+1 {{cannot lower: scan output slices must have a static shape}}
  %0:2 = onnx.Scan(%init, %x) {num_scan_inputs = 1 : i64} : (tensor<2xf32>, tensor<3x?xf32>) -> (tensor<2xf32>, tensor<3x?xf32>) {
  ^bb0(%s: tensor<2xf32>, %e: tensor<?xf32>):
    onnx.Yield %s, %e : tensor<2xf32>, tensor<?xf32>
  }
  return %0#1 : tensor<3x?xf32>
}

// -----

func.func @loop_rank_change(%m: tensor<i64>, %y: tensor<1xf32>, %none: none) -> tensor<?x?xf32> {
  // expected-error @+1 {{cannot lower: a loop-carried value changes rank}}
  %0 = onnx.Loop(%m, %none, %y) : (tensor<i64>, none, tensor<1xf32>) -> tensor<?x?xf32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<1xf32>):
    %1 = onnx.Unsqueeze %v, %i : (tensor<1xf32>, tensor<i64>) -> tensor<?x?xf32>
    onnx.Yield %c, %1 : tensor<i1>, tensor<?x?xf32>
  }
  return %0 : tensor<?x?xf32>
}

// -----

func.func @linear_attention_int(%q: tensor<1x2x8xi32>, %none: none) -> tensor<1x2x8xi32> {
  // expected-error @+1 {{cannot lower: the operands must be float tensors}}
  %0, %1 = onnx.LinearAttention %q, %q, %q, %none, %none, %none {q_num_heads = 2 : i64, kv_num_heads = 2 : i64, update_rule = "linear"} : (tensor<1x2x8xi32>, tensor<1x2x8xi32>, tensor<1x2x8xi32>, none, none, none) -> (tensor<1x2x8xi32>, tensor<1x2x4x4xi32>)
  return %0 : tensor<1x2x8xi32>
}

// -----

func.func @linear_attention_rank(%q: tensor<1x2x2x4xf32>, %none: none) -> tensor<1x2x2x4xf32> {
  // expected-error @+1 {{cannot lower: query, key, value, decay and beta must have rank 3}}
  %0, %1 = onnx.LinearAttention %q, %q, %q, %none, %none, %none {q_num_heads = 2 : i64, kv_num_heads = 2 : i64, update_rule = "linear"} : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, none, none, none) -> (tensor<1x2x2x4xf32>, tensor<1x2x4x4xf32>)
  return %0 : tensor<1x2x2x4xf32>
}

// -----

func.func @linear_attention_decay(%q: tensor<1x2x8xf32>, %d: tensor<1x2x3xf32>, %none: none) -> tensor<1x2x8xf32> {
  // expected-error @+1 {{cannot lower: the last dim of decay must be kv_num_heads or kv_num_heads * d_k}}
  %0, %1 = onnx.LinearAttention %q, %q, %q, %none, %d, %none {q_num_heads = 2 : i64, kv_num_heads = 2 : i64, update_rule = "gated"} : (tensor<1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>, none, tensor<1x2x3xf32>, none) -> (tensor<1x2x8xf32>, tensor<1x2x4x4xf32>)
  return %0 : tensor<1x2x8xf32>
}

// -----

func.func @linear_attention_beta(%q: tensor<1x2x8xf32>, %b: tensor<1x2x3xf32>, %none: none) -> tensor<1x2x8xf32> {
  // expected-error @+1 {{cannot lower: the last dim of beta must be kv_num_heads or 1}}
  %0, %1 = onnx.LinearAttention %q, %q, %q, %none, %none, %b {q_num_heads = 2 : i64, kv_num_heads = 2 : i64, update_rule = "delta"} : (tensor<1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>, none, none, tensor<1x2x3xf32>) -> (tensor<1x2x8xf32>, tensor<1x2x4x4xf32>)
  return %0 : tensor<1x2x8xf32>
}

// -----

func.func @adagrad_int(%r: tensor<f32>, %t: tensor<i64>, %x: tensor<2xi32>) -> tensor<2xi32> {
  // expected-error @+1 {{cannot lower: the tensors of one update must be float tensors of one type}}
  %0:2 = onnx.Adagrad %r, %t, %x, %x, %x : (tensor<f32>, tensor<i64>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> (tensor<2xi32>, tensor<2xi32>)
  return %0#0 : tensor<2xi32>
}
