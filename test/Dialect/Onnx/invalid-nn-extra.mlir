// RUN: onnx-opt %s -split-input-file --onnx-infer-shapes -verify-diagnostics

// Verifier and shape-inference errors of the ops of OnnxNNExtraOps.td.

func.func @rms_norm_axis(%x: tensor<2x3xf32>, %s: tensor<3xf32>) {
  // expected-error @+1 {{axis 2 is out of range for rank 2}}
  %0 = onnx.RMSNormalization %x, %s {axis = 2 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @rms_norm_scale(%x: tensor<2x3xf32>, %s: tensor<4xf32>) {
  // expected-error @+1 {{operands cannot be broadcast: dimension 1 is 3 and 4}}
  %0 = onnx.RMSNormalization %x, %s : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @rotary_interleaved(%x: tensor<2x3x8xf32>, %c: tensor<2x3x4xf32>, %none: none) {
  // expected-error @+1 {{'onnx.RotaryEmbedding' op interleaved must be 0 or 1, got 2}}
  %0 = onnx.RotaryEmbedding %x, %c, %c, %none {interleaved = 2 : i64, num_heads = 1 : i64} : (tensor<2x3x8xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @rotary_dim(%x: tensor<2x3x8xf32>, %c: tensor<2x3x4xf32>, %none: none) {
  // expected-error @+1 {{'onnx.RotaryEmbedding' op rotary_embedding_dim must be even and not negative, got 3}}
  %0 = onnx.RotaryEmbedding %x, %c, %c, %none {rotary_embedding_dim = 3 : i64, num_heads = 1 : i64} : (tensor<2x3x8xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @rotary_heads(%x: tensor<2x3x8xf32>, %c: tensor<2x3x4xf32>, %none: none) {
  // expected-error @+1 {{'onnx.RotaryEmbedding' op num_heads must be positive, got 0}}
  %0 = onnx.RotaryEmbedding %x, %c, %c, %none {num_heads = 0 : i64} : (tensor<2x3x8xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @rotary_3d_no_heads(%x: tensor<2x3x8xf32>, %c: tensor<2x3x4xf32>, %none: none) {
  // expected-error @+1 {{num_heads is required for an input of rank 3}}
  %0 = onnx.RotaryEmbedding %x, %c, %c, %none : (tensor<2x3x8xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @rotary_cache_rank(%x: tensor<2x4x3x8xf32>, %c: tensor<2x3x4xf32>, %p: tensor<2x3xi64>) {
  // expected-error @+1 {{a cache indexed by position_ids must have rank 2, got rank 3}}
  %0 = onnx.RotaryEmbedding %x, %c, %c, %p : (tensor<2x4x3x8xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @nll_reduction(%x: tensor<3x5xf32>, %t: tensor<3xi64>, %none: none) {
  // expected-error @+1 {{'onnx.NegativeLogLikelihoodLoss' op reduction "max" is not one of none, sum, mean}}
  %0 = onnx.NegativeLogLikelihoodLoss %x, %t, %none {reduction = "max"} : (tensor<3x5xf32>, tensor<3xi64>, none) -> tensor<*xf32>
  return
}

// -----

func.func @nll_target_rank(%x: tensor<3x5x2xf32>, %t: tensor<3xi64>, %none: none) {
  // expected-error @+1 {{target must have rank 2, got rank 1}}
  %0 = onnx.NegativeLogLikelihoodLoss %x, %t, %none : (tensor<3x5x2xf32>, tensor<3xi64>, none) -> tensor<*xf32>
  return
}

// -----

func.func @nll_target_dim(%x: tensor<3x5x2xf32>, %t: tensor<3x4xi64>, %none: none) {
  // expected-error @+1 {{dimension 1 of target is 4, expected 2}}
  %0 = onnx.NegativeLogLikelihoodLoss %x, %t, %none : (tensor<3x5x2xf32>, tensor<3x4xi64>, none) -> tensor<*xf32>
  return
}

// -----

func.func @nll_target_float(%x: tensor<3x5xf32>, %t: tensor<3xf32>, %none: none) {
  // expected-error @+1 {{target must be an integer tensor}}
  %0 = onnx.NegativeLogLikelihoodLoss %x, %t, %none : (tensor<3x5xf32>, tensor<3xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @nll_input_rank(%x: tensor<5xf32>, %t: tensor<i64>, %none: none) {
  // expected-error @+1 {{input must have rank 2 or more, got rank 1}}
  %0 = onnx.NegativeLogLikelihoodLoss %x, %t, %none : (tensor<5xf32>, tensor<i64>, none) -> tensor<*xf32>
  return
}

// -----

func.func @sce_weight(%x: tensor<3x5xf32>, %t: tensor<3xi64>, %w: tensor<4xf32>) {
  // expected-error @+1 {{weight must have one element per class}}
  %0, %1 = onnx.SoftmaxCrossEntropyLoss %x, %t, %w : (tensor<3x5xf32>, tensor<3xi64>, tensor<4xf32>) -> (tensor<*xf32>, none)
  return
}

// -----

func.func @sce_reduction(%x: tensor<3x5xf32>, %t: tensor<3xi64>, %none: none) {
  // expected-error @+1 {{'onnx.SoftmaxCrossEntropyLoss' op reduction "avg" is not one of none, sum, mean}}
  %0, %1 = onnx.SoftmaxCrossEntropyLoss %x, %t, %none {reduction = "avg"} : (tensor<3x5xf32>, tensor<3xi64>, none) -> (tensor<*xf32>, none)
  return
}

// -----

func.func @attention_mode(%q: tensor<1x2x3x4xf32>, %none: none) {
  // expected-error @+1 {{'onnx.Attention' op qk_matmul_output_mode must be in 0..3, got 4}}
  %0:4 = onnx.Attention %q, %q, %q, %none, %none, %none, %none {qk_matmul_output_mode = 4 : i64} : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, none, none, none, none) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @attention_causal(%q: tensor<1x2x3x4xf32>, %none: none) {
  // expected-error @+1 {{'onnx.Attention' op is_causal must be 0 or 1, got 2}}
  %0:4 = onnx.Attention %q, %q, %q, %none, %none, %none, %none {is_causal = 2 : i64} : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, none, none, none, none) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @attention_window(%q: tensor<1x2x3x4xf32>, %none: none) {
  // expected-error @+1 {{'onnx.Attention' op left_window_size and right_window_size must be -1 or not negative}}
  %0:4 = onnx.Attention %q, %q, %q, %none, %none, %none, %none {left_window_size = -2 : i64} : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, none, none, none, none) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @attention_heads(%q: tensor<1x3x12xf32>, %none: none) {
  // expected-error @+1 {{'onnx.Attention' op q_num_heads and kv_num_heads must be positive}}
  %0:4 = onnx.Attention %q, %q, %q, %none, %none, %none, %none {q_num_heads = 0 : i64, kv_num_heads = 1 : i64} : (tensor<1x3x12xf32>, tensor<1x3x12xf32>, tensor<1x3x12xf32>, none, none, none, none) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @attention_gqa_multiple(%q: tensor<1x3x12xf32>, %none: none) {
  // expected-error @+1 {{'onnx.Attention' op q_num_heads (3) must be a multiple of kv_num_heads (2)}}
  %0:4 = onnx.Attention %q, %q, %q, %none, %none, %none, %none {q_num_heads = 3 : i64, kv_num_heads = 2 : i64} : (tensor<1x3x12xf32>, tensor<1x3x12xf32>, tensor<1x3x12xf32>, none, none, none, none) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @attention_softcap(%q: tensor<1x2x3x4xf32>, %none: none) {
  // expected-error @+1 {{'onnx.Attention' op softcap must not be negative}}
  %0:4 = onnx.Attention %q, %q, %q, %none, %none, %none, %none {softcap = -1.0 : f32} : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, none, none, none, none) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @attention_precision(%q: tensor<1x2x3x4xf32>, %none: none) {
  // expected-error @+1 {{'onnx.Attention' op softmax_precision 7 is not float, float16, bfloat16 or double}}
  %0:4 = onnx.Attention %q, %q, %q, %none, %none, %none, %none {softmax_precision = 7 : i64} : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, none, none, none, none) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @attention_3d_no_heads(%q: tensor<1x3x12xf32>, %none: none) {
  // expected-error @+1 {{q_num_heads and kv_num_heads are required for inputs of rank 3}}
  %0:4 = onnx.Attention %q, %q, %q, %none, %none, %none, %none : (tensor<1x3x12xf32>, tensor<1x3x12xf32>, tensor<1x3x12xf32>, none, none, none, none) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @attention_hidden(%q: tensor<1x3x10xf32>, %none: none) {
  // expected-error @+1 {{the hidden size 10 of Q is not a multiple of its 4 heads}}
  %0:4 = onnx.Attention %q, %q, %q, %none, %none, %none, %none {q_num_heads = 4 : i64, kv_num_heads = 4 : i64} : (tensor<1x3x10xf32>, tensor<1x3x10xf32>, tensor<1x3x10xf32>, none, none, none, none) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @attention_ranks(%q: tensor<1x2x3x4xf32>, %k: tensor<1x3x8xf32>, %none: none) {
  // expected-error @+1 {{Q, K and V must have the same rank}}
  %0:4 = onnx.Attention %q, %k, %k, %none, %none, %none, %none : (tensor<1x2x3x4xf32>, tensor<1x3x8xf32>, tensor<1x3x8xf32>, none, none, none, none) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @attention_head_size(%q: tensor<1x2x3x4xf32>, %k: tensor<1x2x3x5xf32>, %none: none) {
  // expected-error @+1 {{the head size of K is 5, expected 4}}
  %0:4 = onnx.Attention %q, %k, %k, %none, %none, %none, %none : (tensor<1x2x3x4xf32>, tensor<1x2x3x5xf32>, tensor<1x2x3x5xf32>, none, none, none, none) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @attention_4d_gqa(%q: tensor<1x3x3x4xf32>, %k: tensor<1x2x3x4xf32>, %none: none) {
  // expected-error @+1 {{the 3 query heads are not a multiple of the 2 key/value heads}}
  %0:4 = onnx.Attention %q, %k, %k, %none, %none, %none, %none : (tensor<1x3x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, none, none, none, none) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @attention_past_alone(%q: tensor<1x2x3x4xf32>, %p: tensor<1x2x5x4xf32>, %none: none) {
  // expected-error @+1 {{past_key and past_value must be given together}}
  %0:4 = onnx.Attention %q, %q, %q, %none, %p, %none, %none : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, none, tensor<1x2x5x4xf32>, none, none) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @attention_past_nonpad(%q: tensor<1x2x3x4xf32>, %p: tensor<1x2x5x4xf32>, %n: tensor<1xi64>, %none: none) {
  // expected-error @+1 {{nonpad_kv_seqlen cannot be combined with past_key and past_value}}
  %0:4 = onnx.Attention %q, %q, %q, %none, %p, %p, %n : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, none, tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32>, tensor<1xi64>) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @attention_mask_rank(%q: tensor<1x2x3x4xf32>, %m: tensor<1x1x1x3x3xf32>, %none: none) {
  // expected-error @+1 {{attn_mask must have rank 1 to 4, got rank 5}}
  %0:4 = onnx.Attention %q, %q, %q, %m, %none, %none, %none : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x1x1x3x3xf32>, none, none, none) -> (tensor<*xf32>, none, none, none)
  return
}

// -----

func.func @linear_attention_rule(%q: tensor<1x2x8xf32>, %none: none) {
  // expected-error @+1 {{'onnx.LinearAttention' op update_rule "fast" is not one of linear, gated, delta, gated_delta}}
  %0, %1 = onnx.LinearAttention %q, %q, %q, %none, %none, %none {q_num_heads = 2 : i64, kv_num_heads = 2 : i64, update_rule = "fast"} : (tensor<1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>, none, none, none) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @linear_attention_heads(%q: tensor<1x2x8xf32>, %none: none) {
  // expected-error @+1 {{'onnx.LinearAttention' op q_num_heads (3) must be a positive multiple of kv_num_heads (2)}}
  %0, %1 = onnx.LinearAttention %q, %q, %q, %none, %none, %none {q_num_heads = 3 : i64, kv_num_heads = 2 : i64, update_rule = "linear"} : (tensor<1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>, none, none, none) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @linear_attention_decay(%q: tensor<1x2x8xf32>, %none: none) {
  // expected-error @+1 {{'onnx.LinearAttention' op update_rule "gated" requires decay}}
  %0, %1 = onnx.LinearAttention %q, %q, %q, %none, %none, %none {q_num_heads = 2 : i64, kv_num_heads = 2 : i64, update_rule = "gated"} : (tensor<1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>, none, none, none) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @linear_attention_beta(%q: tensor<1x2x8xf32>, %b: tensor<1x2x2xf32>, %none: none) {
  // expected-error @+1 {{'onnx.LinearAttention' op update_rule "linear" forbids beta}}
  %0, %1 = onnx.LinearAttention %q, %q, %q, %none, %none, %b {q_num_heads = 2 : i64, kv_num_heads = 2 : i64, update_rule = "linear"} : (tensor<1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>, none, none, tensor<1x2x2xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @linear_attention_hidden(%q: tensor<1x2x9xf32>, %none: none) {
  // expected-error @+1 {{the hidden size of query is not a multiple of q_num_heads}}
  %0, %1 = onnx.LinearAttention %q, %q, %q, %none, %none, %none {q_num_heads = 2 : i64, kv_num_heads = 2 : i64, update_rule = "linear"} : (tensor<1x2x9xf32>, tensor<1x2x9xf32>, tensor<1x2x9xf32>, none, none, none) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @linear_attention_state(%q: tensor<1x2x8xf32>, %s: tensor<1x2x4x5xf32>, %none: none) {
  // expected-error @+1 {{dimension 3 of past_state is 5, expected 4}}
  %0, %1 = onnx.LinearAttention %q, %q, %q, %s, %none, %none {q_num_heads = 2 : i64, kv_num_heads = 2 : i64, update_rule = "linear"} : (tensor<1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x4x5xf32>, none, none) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @causal_conv_activation(%x: tensor<1x2x5xf32>, %w: tensor<2x1x3xf32>, %none: none) {
  // expected-error @+1 {{'onnx.CausalConvWithState' op activation "relu" is not one of none, silu, swish}}
  %0, %1 = onnx.CausalConvWithState %x, %w, %none, %none {activation = "relu"} : (tensor<1x2x5xf32>, tensor<2x1x3xf32>, none, none) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @causal_conv_depthwise(%x: tensor<1x2x5xf32>, %w: tensor<2x2x3xf32>, %none: none) {
  // expected-error @+1 {{weight must be [channels, 1, kernel] (depthwise)}}
  %0, %1 = onnx.CausalConvWithState %x, %w, %none, %none : (tensor<1x2x5xf32>, tensor<2x2x3xf32>, none, none) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @causal_conv_channels(%x: tensor<1x2x5xf32>, %w: tensor<3x1x3xf32>, %none: none) {
  // expected-error @+1 {{the channels of weight is 3, expected 2}}
  %0, %1 = onnx.CausalConvWithState %x, %w, %none, %none : (tensor<1x2x5xf32>, tensor<3x1x3xf32>, none, none) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @causal_conv_state(%x: tensor<1x2x5xf32>, %w: tensor<2x1x3xf32>, %s: tensor<1x2x3xf32>, %none: none) {
  // expected-error @+1 {{dimension 2 of past_state is 3, expected 2}}
  %0, %1 = onnx.CausalConvWithState %x, %w, %none, %s : (tensor<1x2x5xf32>, tensor<2x1x3xf32>, none, tensor<1x2x3xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @lstm_direction(%x: tensor<2x1x3xf32>, %w: tensor<1x8x3xf32>, %r: tensor<1x8x2xf32>, %none: none) {
  // expected-error @+1 {{'onnx.LSTM' op direction "backward" is not one of forward, reverse, bidirectional}}
  %0:3 = onnx.LSTM %x, %w, %r, %none, %none, %none, %none, %none {direction = "backward"} : (tensor<2x1x3xf32>, tensor<1x8x3xf32>, tensor<1x8x2xf32>, none, none, none, none, none) -> (tensor<*xf32>, none, none)
  return
}

// -----

func.func @lstm_input_forget(%x: tensor<2x1x3xf32>, %w: tensor<1x8x3xf32>, %r: tensor<1x8x2xf32>, %none: none) {
  // expected-error @+1 {{'onnx.LSTM' op input_forget must be 0 or 1}}
  %0:3 = onnx.LSTM %x, %w, %r, %none, %none, %none, %none, %none {input_forget = 3 : i64} : (tensor<2x1x3xf32>, tensor<1x8x3xf32>, tensor<1x8x2xf32>, none, none, none, none, none) -> (tensor<*xf32>, none, none)
  return
}

// -----

func.func @gru_hidden_size(%x: tensor<2x1x3xf32>, %w: tensor<1x6x3xf32>, %r: tensor<1x6x2xf32>, %none: none) {
  // expected-error @+1 {{'onnx.GRU' op hidden_size must be positive, got 0}}
  %0:2 = onnx.GRU %x, %w, %r, %none, %none, %none {hidden_size = 0 : i64} : (tensor<2x1x3xf32>, tensor<1x6x3xf32>, tensor<1x6x2xf32>, none, none, none) -> (tensor<*xf32>, none)
  return
}

// -----

func.func @gru_layout(%x: tensor<2x1x3xf32>, %w: tensor<1x6x3xf32>, %r: tensor<1x6x2xf32>, %none: none) {
  // expected-error @+1 {{'onnx.GRU' op layout must be 0 or 1, got 2}}
  %0:2 = onnx.GRU %x, %w, %r, %none, %none, %none {layout = 2 : i64} : (tensor<2x1x3xf32>, tensor<1x6x3xf32>, tensor<1x6x2xf32>, none, none, none) -> (tensor<*xf32>, none)
  return
}

// -----

func.func @rnn_activations(%x: tensor<2x1x3xf32>, %w: tensor<1x2x3xf32>, %r: tensor<1x2x2xf32>, %none: none) {
  // expected-error @+1 {{'onnx.RNN' op activations has 2 entries, expected 1}}
  %0:2 = onnx.RNN %x, %w, %r, %none, %none, %none {activations = ["Tanh", "Tanh"]} : (tensor<2x1x3xf32>, tensor<1x2x3xf32>, tensor<1x2x2xf32>, none, none, none) -> (tensor<*xf32>, none)
  return
}

// -----

func.func @rnn_directions(%x: tensor<2x1x3xf32>, %w: tensor<2x2x3xf32>, %r: tensor<2x2x2xf32>, %none: none) {
  // expected-error @+1 {{W and R must have 1 directions, got 2}}
  %0:2 = onnx.RNN %x, %w, %r, %none, %none, %none : (tensor<2x1x3xf32>, tensor<2x2x3xf32>, tensor<2x2x2xf32>, none, none, none) -> (tensor<*xf32>, none)
  return
}

// -----

func.func @lstm_rows(%x: tensor<2x1x3xf32>, %w: tensor<1x6x3xf32>, %r: tensor<1x8x2xf32>, %none: none) {
  // expected-error @+1 {{W and R must have 8 rows (4 gates of hidden size 2), got 6}}
  %0:3 = onnx.LSTM %x, %w, %r, %none, %none, %none, %none, %none : (tensor<2x1x3xf32>, tensor<1x6x3xf32>, tensor<1x8x2xf32>, none, none, none, none, none) -> (tensor<*xf32>, none, none)
  return
}

// -----

func.func @gru_rank(%x: tensor<2x3xf32>, %w: tensor<1x6x3xf32>, %r: tensor<1x6x2xf32>, %none: none) {
  // expected-error @+1 {{X must have rank 3, got rank 2}}
  %0:2 = onnx.GRU %x, %w, %r, %none, %none, %none : (tensor<2x3xf32>, tensor<1x6x3xf32>, tensor<1x6x2xf32>, none, none, none) -> (tensor<*xf32>, none)
  return
}

// -----

func.func @adagrad_inputs(%r: tensor<f32>, %t: tensor<i64>, %x: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.Adagrad' op has 4 inputs, expected R, T and 3 tensors per optimized tensor}}
  %0:2 = onnx.Adagrad %r, %t, %x, %x : (tensor<f32>, tensor<i64>, tensor<2xf32>, tensor<2xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @adam_outputs(%r: tensor<f32>, %t: tensor<i64>, %x: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.Adam' op has 2 outputs, expected 3}}
  %0:2 = onnx.Adam %r, %t, %x, %x, %x, %x : (tensor<f32>, tensor<i64>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @momentum_mode(%r: tensor<f32>, %t: tensor<i64>, %x: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.Momentum' op mode "heavy" is not one of standard, nesterov}}
  %0:2 = onnx.Momentum %r, %t, %x, %x, %x {alpha = 0.9 : f32, beta = 0.1 : f32, mode = "heavy", norm_coefficient = 0.0 : f32} : (tensor<f32>, tensor<i64>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @momentum_scalar(%r: tensor<2xf32>, %t: tensor<i64>, %x: tensor<2xf32>) {
  // expected-error @+1 {{R and T must be scalars}}
  %0:2 = onnx.Momentum %r, %t, %x, %x, %x {alpha = 0.9 : f32, beta = 0.1 : f32, mode = "standard", norm_coefficient = 0.0 : f32} : (tensor<2xf32>, tensor<i64>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @adagrad_count(%r: tensor<f32>, %t: tensor<f32>, %x: tensor<2xf32>) {
  // expected-error @+1 {{T must be an integer}}
  %0:2 = onnx.Adagrad %r, %t, %x, %x, %x : (tensor<f32>, tensor<f32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return
}
