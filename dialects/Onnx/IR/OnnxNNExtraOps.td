//===- OnnxNNExtraOps.td - Losses, attention, recurrent and normalization ops -*- tablegen -*-===//

#ifndef ONNXC_DIALECT_ONNX_ONNXNNEXTRAOPS_TD
#define ONNXC_DIALECT_ONNX_ONNXNNEXTRAOPS_TD

include "OnnxBase.td"

class Onnx_NNExtraOp<string mnemonic, list<Trait> traits = []>
    : Onnx_Op<mnemonic, traits> {
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Normalization and position encodings
//===----------------------------------------------------------------------===//

def Onnx_RMSNormalizationOp : Onnx_NNExtraOp<"RMSNormalization"> {
  let summary = "X / sqrt(mean(X^2) + epsilon) * scale over the dims from `axis` on";
  let description = [{
    The mean of squares runs over the dimensions `axis`..rank-1 of `X`;
    `scale` broadcasts (numpy rules) against `X`. `stash_type` 1 (the only
    value ONNX defines) computes in f32.
  }];
  let arguments = (ins Onnx_Tensor:$X, Onnx_Tensor:$scale,
                   DefaultValuedAttr<Onnx_I64Attr, "-1">:$axis,
                   DefaultValuedAttr<F32Attr, "1e-05">:$epsilon,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$stash_type);
  let results = (outs Onnx_Tensor:$Y);
}

def Onnx_RotaryEmbeddingOp : Onnx_NNExtraOp<"RotaryEmbedding"> {
  let hasVerifier = 1;
  let summary = "rotary position embedding of the first rotary_embedding_dim "
                "features of each head";
  let description = [{
    `X` is [batch, heads, seq, head_size] or [batch, seq, heads * head_size]
    (then `num_heads` is required). The caches are [max_pos, dim / 2] indexed
    by `position_ids` [batch, seq], or [batch, seq, dim / 2] without them.
  }];
  let arguments = (ins Onnx_Tensor:$X, Onnx_Tensor:$cos_cache,
                   Onnx_Tensor:$sin_cache, Onnx_TensorOrNone:$position_ids,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$interleaved,
                   OptionalAttr<Onnx_I64Attr>:$num_heads,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$rotary_embedding_dim);
  let results = (outs Onnx_Tensor:$Y);
}

//===----------------------------------------------------------------------===//
// Losses
//===----------------------------------------------------------------------===//

def Onnx_NegativeLogLikelihoodLossOp : Onnx_NNExtraOp<"NegativeLogLikelihoodLoss"> {
  let hasVerifier = 1;
  let summary = "-input[n, target[n, d...], d...], weighted and reduced";
  let arguments = (ins Onnx_Tensor:$input, Onnx_Tensor:$target,
                   Onnx_TensorOrNone:$weight,
                   OptionalAttr<Onnx_I64Attr>:$ignore_index,
                   DefaultValuedAttr<StrAttr, "\"mean\"">:$reduction);
  let results = (outs Onnx_Tensor:$loss);
}

def Onnx_SoftmaxCrossEntropyLossOp : Onnx_NNExtraOp<"SoftmaxCrossEntropyLoss"> {
  let hasVerifier = 1;
  let summary = "NegativeLogLikelihoodLoss of LogSoftmax(scores) along dim 1";
  let arguments = (ins Onnx_Tensor:$scores, Onnx_Tensor:$labels,
                   Onnx_TensorOrNone:$weights,
                   OptionalAttr<Onnx_I64Attr>:$ignore_index,
                   DefaultValuedAttr<StrAttr, "\"mean\"">:$reduction);
  let results = (outs Onnx_Tensor:$output, Onnx_TensorOrNone:$log_prob);
}

//===----------------------------------------------------------------------===//
// Attention
//===----------------------------------------------------------------------===//

def Onnx_AttentionOp : Onnx_NNExtraOp<"Attention"> {
  let hasVerifier = 1;
  let summary = "scaled dot-product attention with masks, caches and GQA";
  let description = [{
    Q, K, V are [batch, heads, seq, head_size] or [batch, seq, heads *
    head_size] (then q_num_heads and kv_num_heads are required). past_key and
    past_value are concatenated before K and V along the sequence; the results
    present_key/present_value are the concatenations. qk_matmul_output is the
    score matrix at the stage `qk_matmul_output_mode` selects.
  }];
  let arguments = (ins Onnx_Tensor:$Q, Onnx_Tensor:$K, Onnx_Tensor:$V,
                   Onnx_TensorOrNone:$attn_mask, Onnx_TensorOrNone:$past_key,
                   Onnx_TensorOrNone:$past_value,
                   Onnx_TensorOrNone:$nonpad_kv_seqlen,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$is_causal,
                   OptionalAttr<Onnx_I64Attr>:$kv_num_heads,
                   OptionalAttr<Onnx_I64Attr>:$q_num_heads,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$qk_matmul_output_mode,
                   OptionalAttr<F32Attr>:$scale,
                   DefaultValuedAttr<F32Attr, "0.0">:$softcap,
                   OptionalAttr<Onnx_I64Attr>:$softmax_precision,
                   DefaultValuedAttr<Onnx_I64Attr, "-1">:$left_window_size,
                   DefaultValuedAttr<Onnx_I64Attr, "-1">:$right_window_size);
  let results = (outs Onnx_Tensor:$Y, Onnx_TensorOrNone:$present_key,
                 Onnx_TensorOrNone:$present_value,
                 Onnx_TensorOrNone:$qk_matmul_output);
}

def Onnx_LinearAttentionOp : Onnx_NNExtraOp<"LinearAttention"> {
  let hasVerifier = 1;
  let summary = "recurrent linear attention with a [d_k, d_v] state per head";
  let description = [{
    query [B, T, Hq * dk], key [B, T, Hkv * dk], value [B, T, Hkv * dv];
    past_state and present_state [B, Hkv, dk, dv]. `update_rule` is one of
    linear, gated, delta, gated_delta; `decay` and `beta` feed the gated and
    delta rules.
  }];
  let arguments = (ins Onnx_Tensor:$query, Onnx_Tensor:$key, Onnx_Tensor:$value,
                   Onnx_TensorOrNone:$past_state, Onnx_TensorOrNone:$decay,
                   Onnx_TensorOrNone:$beta,
                   DefaultValuedAttr<Onnx_I64Attr, "64">:$chunk_size,
                   Onnx_I64Attr:$kv_num_heads, Onnx_I64Attr:$q_num_heads,
                   DefaultValuedAttr<F32Attr, "0.0">:$scale,
                   DefaultValuedAttr<StrAttr, "\"gated_delta\"">:$update_rule);
  let results = (outs Onnx_Tensor:$output, Onnx_Tensor:$present_state);
}

def Onnx_CausalConvWithStateOp : Onnx_NNExtraOp<"CausalConvWithState"> {
  let hasVerifier = 1;
  let summary = "depthwise causal 1-d convolution that carries its input tail";
  let description = [{
    input [B, C, T], weight [C, 1, K], bias [C], past_state [B, C, K - 1].
    output [B, C, T] (with `activation` none, silu or swish) and
    present_state, the last K - 1 steps of past_state ++ input.
  }];
  let arguments = (ins Onnx_Tensor:$input, Onnx_Tensor:$weight,
                   Onnx_TensorOrNone:$bias, Onnx_TensorOrNone:$past_state,
                   DefaultValuedAttr<StrAttr, "\"none\"">:$activation);
  let results = (outs Onnx_Tensor:$output, Onnx_Tensor:$present_state);
}

//===----------------------------------------------------------------------===//
// Recurrent networks
//===----------------------------------------------------------------------===//

defvar Onnx_RecurrentAttrs = (ins
    OptionalAttr<DenseF32ArrayAttr>:$activation_alpha,
    OptionalAttr<DenseF32ArrayAttr>:$activation_beta,
    OptionalAttr<StrArrayAttr>:$activations,
    OptionalAttr<F32Attr>:$clip,
    DefaultValuedAttr<StrAttr, "\"forward\"">:$direction,
    OptionalAttr<Onnx_I64Attr>:$hidden_size,
    DefaultValuedAttr<Onnx_I64Attr, "0">:$layout);

def Onnx_LSTMOp : Onnx_NNExtraOp<"LSTM"> {
  let hasVerifier = 1;
  let summary = "long short-term memory network (gates i, o, f, c)";
  let arguments = !con((ins Onnx_Tensor:$X, Onnx_Tensor:$W, Onnx_Tensor:$R,
                            Onnx_TensorOrNone:$B,
                            Onnx_TensorOrNone:$sequence_lens,
                            Onnx_TensorOrNone:$initial_h,
                            Onnx_TensorOrNone:$initial_c,
                            Onnx_TensorOrNone:$P,
                            DefaultValuedAttr<Onnx_I64Attr, "0">:$input_forget),
                       Onnx_RecurrentAttrs);
  let results = (outs Onnx_TensorOrNone:$Y, Onnx_TensorOrNone:$Y_h,
                 Onnx_TensorOrNone:$Y_c);
}

def Onnx_GRUOp : Onnx_NNExtraOp<"GRU"> {
  let hasVerifier = 1;
  let summary = "gated recurrent unit network (gates z, r, h)";
  let arguments = !con((ins Onnx_Tensor:$X, Onnx_Tensor:$W, Onnx_Tensor:$R,
                            Onnx_TensorOrNone:$B,
                            Onnx_TensorOrNone:$sequence_lens,
                            Onnx_TensorOrNone:$initial_h,
                            DefaultValuedAttr<Onnx_I64Attr, "0">:$linear_before_reset),
                       Onnx_RecurrentAttrs);
  let results = (outs Onnx_TensorOrNone:$Y, Onnx_TensorOrNone:$Y_h);
}

def Onnx_RNNOp : Onnx_NNExtraOp<"RNN"> {
  let hasVerifier = 1;
  let summary = "simple recurrent network";
  let arguments = !con((ins Onnx_Tensor:$X, Onnx_Tensor:$W, Onnx_Tensor:$R,
                            Onnx_TensorOrNone:$B,
                            Onnx_TensorOrNone:$sequence_lens,
                            Onnx_TensorOrNone:$initial_h),
                       Onnx_RecurrentAttrs);
  let results = (outs Onnx_TensorOrNone:$Y, Onnx_TensorOrNone:$Y_h);
}

//===----------------------------------------------------------------------===//
// Optimizers (ai.onnx.preview.training)
//===----------------------------------------------------------------------===//

// Inputs: the learning rate R and the update count T (scalars), then n
// tensors to optimize, their n gradients and the n (or 2n) accumulated
// states; outputs: the n updated tensors, then the updated states.
class Onnx_OptimizerOp<string mnemonic, dag attrs>
    : Onnx_NNExtraOp<mnemonic> {
  let arguments = !con((ins Onnx_Tensor:$R, Onnx_Tensor:$T,
                            Variadic<Onnx_Tensor>:$inputs), attrs);
  let results = (outs Variadic<Onnx_Tensor>:$outputs);
  let hasVerifier = 1;
}

def Onnx_AdagradOp : Onnx_OptimizerOp<"Adagrad", (ins
    DefaultValuedAttr<F32Attr, "0.0">:$decay_factor,
    DefaultValuedAttr<F32Attr, "1e-06">:$epsilon,
    DefaultValuedAttr<F32Attr, "0.0">:$norm_coefficient)> {
  let summary = "Adagrad step: inputs X..., G..., H...; outputs X..., H...";
}

def Onnx_AdamOp : Onnx_OptimizerOp<"Adam", (ins
    DefaultValuedAttr<F32Attr, "0.9">:$alpha,
    DefaultValuedAttr<F32Attr, "0.999">:$beta,
    DefaultValuedAttr<F32Attr, "1e-06">:$epsilon,
    DefaultValuedAttr<F32Attr, "0.0">:$norm_coefficient,
    DefaultValuedAttr<F32Attr, "0.0">:$norm_coefficient_post)> {
  let summary = "Adam step: inputs X..., G..., V..., H...; outputs X..., V..., H...";
}

def Onnx_MomentumOp : Onnx_OptimizerOp<"Momentum", (ins
    F32Attr:$alpha, F32Attr:$beta, StrAttr:$mode, F32Attr:$norm_coefficient)> {
  let summary = "momentum step (standard or nesterov): inputs X..., G..., "
                "V...; outputs X..., V...";
}

#endif // ONNXC_DIALECT_ONNX_ONNXNNEXTRAOPS_TD
