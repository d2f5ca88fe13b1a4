// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// GQA (4 query heads on 2 key/value heads: K and V are read at head
// h floordiv 2), a boolean mask padded with false up to the key length, the
// causal rule folded into the bias, a softmax guarded against fully masked
// rows, and the probabilities as the qk_matmul_output (mode 3).
// CHECK-DAG: #[[Q:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>
// CHECK-DAG: #[[K:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 2, d3, d4)>
// CHECK-DAG: #[[S:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[V:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 2, d4, d3)>
// CHECK-DAG: #[[M:.*]] = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
// CHECK-LABEL: func.func @attention_gqa
// CHECK-SAME: (%[[QA:.*]]: tensor<2x4x3x8xf32>, %[[KA:.*]]: tensor<2x2x5x8xf32>, %[[VA:.*]]: tensor<2x2x5x6xf32>, %[[MA:.*]]: tensor<3x4xi1>
// CHECK: %[[QS:.*]] = linalg.generic {{.*}} ins(%[[QA]] : tensor<2x4x3x8xf32>)
// CHECK: %[[KS:.*]] = linalg.generic {{.*}} ins(%[[KA]] : tensor<2x2x5x8xf32>)
// CHECK: %[[SC:.*]] = linalg.generic {indexing_maps = [#[[Q]], #[[K]], #[[S]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%[[QS]], %[[KS]] : tensor<2x4x3x8xf32>, tensor<2x2x5x8xf32>)
// CHECK: %[[PAD:.*]] = tensor.pad %[[MA]] low[0, 0] high[0, 1]
// CHECK: tensor.yield %false : i1
// CHECK: %[[LOGITS:.*]]:2 = linalg.generic {indexing_maps = [#{{.*}}, #[[M]], #{{.*}}, #{{.*}}], {{.*}} ins(%[[SC]], %[[PAD]] : tensor<2x4x3x5xf32>, tensor<3x5xi1>)
// CHECK: %[[MB:.*]] = arith.select %{{.*}}, %{{.*}}, %[[NEGINF:.*]] : f32
// CHECK: arith.cmpi sge
// CHECK: %[[BIAS:.*]] = arith.select %{{.*}}, %[[MB]], %[[NEGINF]] : f32
// CHECK: %[[L:.*]] = arith.addf %{{.*}}, %[[BIAS]] : f32
// CHECK: linalg.yield %[[L]], %[[BIAS]] : f32, f32
// CHECK: %[[MAX:.*]]:2 = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[LOGITS]]#0, %[[LOGITS]]#1 : tensor<2x4x3x5xf32>, tensor<2x4x3x5xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[LOGITS]]#0, %[[MAX]]#0
// CHECK: math.exp
// CHECK: %[[P:.*]] = linalg.generic {{.*}} ins(%[[LOGITS]]#0, %[[MAX]]#0, %[[SUM]], %[[MAX]]#1 :
// CHECK: arith.divf
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[Q]], #[[V]], #[[S]]], {{.*}} ins(%[[P]], %[[VA]] : tensor<2x4x3x5xf32>, tensor<2x2x5x6xf32>)
// CHECK: return %[[Y]], %[[P]]
func.func @attention_gqa(%q: tensor<2x4x3x8xf32>, %k: tensor<2x2x5x8xf32>, %v: tensor<2x2x5x6xf32>, %m: tensor<3x4xi1>, %none: none) -> (tensor<2x4x3x6xf32>, tensor<2x4x3x5xf32>) {
  %0:4 = onnx.Attention %q, %k, %v, %m, %none, %none, %none {is_causal = 1 : i64, qk_matmul_output_mode = 3 : i64} : (tensor<2x4x3x8xf32>, tensor<2x2x5x8xf32>, tensor<2x2x5x6xf32>, tensor<3x4xi1>, none, none, none) -> (tensor<2x4x3x6xf32>, none, none, tensor<2x4x3x5xf32>)
  return %0#0, %0#3 : tensor<2x4x3x6xf32>, tensor<2x4x3x5xf32>
}

// -----

// 3-D inputs are split into heads and transposed; the cache is concatenated
// before K and V (the presents); Y is written as [B, S, H, Dv] and collapsed.
// CHECK-DAG: #[[YT:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d2, d1, d3)>
// CHECK-LABEL: func.func @attention_3d_past
// CHECK-SAME: (%{{.*}}: tensor<2x4x24xf32>, %[[K:[a-z0-9]*]]: tensor<2x6x24xf32>, %{{.*}}: tensor<2x6x24xf32>, %[[PK:[a-z0-9]*]]: tensor<2x3x2x8xf32>
// CHECK: %[[KE:.*]] = tensor.expand_shape %[[K]] {{\[}}[0], [1], [2, 3]] output_shape [2, 6, 3, 8]
// CHECK: %[[KT:.*]] = linalg.transpose ins(%[[KE]] : tensor<2x6x3x8xf32>) {{.*}} permutation = [0, 2, 1, 3]
// CHECK: %[[K0:.*]] = tensor.insert_slice %[[PK]] into %{{.*}}[0, 0, 0, 0] [2, 3, 2, 8] [1, 1, 1, 1] : tensor<2x3x2x8xf32> into tensor<2x3x8x8xf32>
// CHECK: %[[KALL:.*]] = tensor.insert_slice %[[KT]] into %[[K0]][0, 0, 2, 0] [2, 3, 6, 8] [1, 1, 1, 1] : tensor<2x3x6x8xf32> into tensor<2x3x8x8xf32>
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#{{.*}}, #{{.*}}, #[[YT]]], {{.*}} outs(%{{.*}} : tensor<2x4x3x8xf32>)
// CHECK: %[[YC:.*]] = tensor.collapse_shape %[[Y]] {{\[}}[0], [1], [2, 3]] : tensor<2x4x3x8xf32> into tensor<2x4x24xf32>
// CHECK: return %[[YC]], %[[KALL]]
func.func @attention_3d_past(%q: tensor<2x4x24xf32>, %k: tensor<2x6x24xf32>, %v: tensor<2x6x24xf32>,
                             %pk: tensor<2x3x2x8xf32>, %pv: tensor<2x3x2x8xf32>, %none: none)
    -> (tensor<2x4x24xf32>, tensor<2x3x8x8xf32>) {
  %0:4 = onnx.Attention %q, %k, %v, %none, %pk, %pv, %none {q_num_heads = 3 : i64, kv_num_heads = 3 : i64} : (tensor<2x4x24xf32>, tensor<2x6x24xf32>, tensor<2x6x24xf32>, none, tensor<2x3x2x8xf32>, tensor<2x3x2x8xf32>, none) -> (tensor<2x4x24xf32>, tensor<2x3x8x8xf32>, tensor<2x3x8x8xf32>, none)
  return %0#0, %0#1 : tensor<2x4x24xf32>, tensor<2x3x8x8xf32>
}

// -----

// bf16: each step is rounded to bf16 (truncf + extf) as a step-by-step
// evaluation in bf16 would, and the softmax sum rounds at every addition.
// CHECK-LABEL: func.func @attention_bf16_softcap
// CHECK: math.tanh
// CHECK: arith.truncf %{{.*}} : f32 to bf16
// CHECK: arith.extf %{{.*}} : bf16 to f32
// CHECK: iterator_types = ["parallel", "parallel", "parallel", "reduction"]
// CHECK: math.exp
// CHECK: %[[ADD:.*]] = arith.addf
// CHECK: arith.truncf %[[ADD]] : f32 to bf16
func.func @attention_bf16_softcap(%q: tensor<1x2x3x4xbf16>, %k: tensor<1x2x3x4xbf16>, %none: none) -> tensor<1x2x3x4xbf16> {
  %0:4 = onnx.Attention %q, %k, %k, %none, %none, %none, %none {softcap = 2.0 : f32, scale = 0.25 : f32} : (tensor<1x2x3x4xbf16>, tensor<1x2x3x4xbf16>, tensor<1x2x3x4xbf16>, none, none, none, none) -> (tensor<1x2x3x4xbf16>, none, none, none)
  return %0#0 : tensor<1x2x3x4xbf16>
}

// -----

// nonpad_kv_seqlen: the causal offset of batch b is nonpad[b] - q_len, and
// keys at or past nonpad[b] are masked.
// CHECK-LABEL: func.func @attention_nonpad
// CHECK-SAME: %[[NP:[a-z0-9]*]]: tensor<2xi64>
// CHECK: linalg.generic
// CHECK: %[[B:.*]] = linalg.index 0 : index
// CHECK: %[[LEN:.*]] = tensor.extract %[[NP]][%[[B]]] : tensor<2xi64>
// CHECK: %[[OFF:.*]] = arith.subi %[[LEN]], %{{.*}} : i64
// CHECK: arith.addi %{{.*}}, %[[OFF]] : i64
// CHECK: arith.cmpi slt, %{{.*}}, %[[LEN]] : i64
func.func @attention_nonpad(%q: tensor<2x2x3x8xf32>, %k: tensor<2x2x6x8xf32>, %np: tensor<2xi64>, %none: none) -> tensor<2x2x3x8xf32> {
  %0:4 = onnx.Attention %q, %k, %k, %none, %none, %none, %np {is_causal = 1 : i64} : (tensor<2x2x3x8xf32>, tensor<2x2x6x8xf32>, tensor<2x2x6x8xf32>, none, none, none, tensor<2xi64>) -> (tensor<2x2x3x8xf32>, none, none, none)
  return %0#0 : tensor<2x2x3x8xf32>
}

// -----

// LinearAttention (gated delta rule, 2 query heads on 1 key/value head): an
// scf.for over time carrying the f32 state [B, Hkv, dk, dv] and the output
// [B, T, Hq, dv]; per step the state decays by exp(decay), the retrieved
// value S^T k corrects v by beta, S += k v'^T, and out = scale * q^T S.
// CHECK-DAG: #[[SKT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3, d2)>
// CHECK-DAG: #[[GQA:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 floordiv 2, d3, d2)>
// CHECK-LABEL: func.func @linear_attention
// CHECK-SAME: (%[[Q:[a-z0-9]*]]: tensor<2x4x16xf32>, %[[K:[a-z0-9]*]]: tensor<2x4x8xf32>, %[[V:[a-z0-9]*]]: tensor<2x4x8xf32>, %[[D:[a-z0-9]*]]: tensor<2x4x1xf32>, %[[B:[a-z0-9]*]]: tensor<2x4x1xf32>
// CHECK: %[[LOOP:.*]]:2 = scf.for %[[T:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[S:.*]] = %{{.*}}, %[[O:.*]] = %{{.*}}) -> (tensor<2x1x8x8xf32>, tensor<2x4x2x8xf32>)
// CHECK: tensor.extract_slice %[[Q]][0, %[[T]], 0] [2, 1, 16] [1, 1, 1] : tensor<2x4x16xf32> to tensor<2x16xf32>
// CHECK: %[[G:.*]] = tensor.extract_slice %[[D]][0, %[[T]], 0]
// CHECK: %[[DECAYED:.*]] = linalg.generic {{.*}} ins(%[[S]], %[[G]] : tensor<2x1x8x8xf32>, tensor<2x1xf32>)
// CHECK: math.exp
// CHECK: %[[RET:.*]] = linalg.generic {indexing_maps = [#[[SKT]], {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[DECAYED]], %{{.*}} : tensor<2x1x8x8xf32>, tensor<2x1x8xf32>)
// CHECK: %[[BT:.*]] = tensor.extract_slice %[[B]][0, %[[T]], 0]
// CHECK: %[[VN:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[RET]], %[[BT]] :
// CHECK: arith.subf
// CHECK: %[[SN:.*]] = linalg.generic {{.*}} ins(%[[DECAYED]], %{{.*}}, %[[VN]] :
// CHECK: %[[OT:.*]] = linalg.generic {indexing_maps = [#{{.*}}, #[[GQA]], #{{.*}}], {{.*}} ins(%{{.*}}, %[[SN]] : tensor<2x2x8xf32>, tensor<2x1x8x8xf32>)
// CHECK: %[[OS:.*]] = linalg.generic {{.*}} ins(%[[OT]] : tensor<2x2x8xf32>)
// CHECK: %[[ON:.*]] = tensor.insert_slice %[[OS]] into %[[O]][0, %[[T]], 0, 0] [2, 1, 2, 8] [1, 1, 1, 1]
// CHECK: scf.yield %[[SN]], %[[ON]]
// CHECK: %[[OUT:.*]] = tensor.collapse_shape %[[LOOP]]#1 {{\[}}[0], [1], [2, 3]] : tensor<2x4x2x8xf32> into tensor<2x4x16xf32>
// CHECK: return %[[OUT]], %[[LOOP]]#0
func.func @linear_attention(%q: tensor<2x4x16xf32>, %k: tensor<2x4x8xf32>, %v: tensor<2x4x8xf32>, %d: tensor<2x4x1xf32>, %b: tensor<2x4x1xf32>, %none: none) -> (tensor<2x4x16xf32>, tensor<2x1x8x8xf32>) {
  %0, %1 = onnx.LinearAttention %q, %k, %v, %none, %d, %b {q_num_heads = 2 : i64, kv_num_heads = 1 : i64} : (tensor<2x4x16xf32>, tensor<2x4x8xf32>, tensor<2x4x8xf32>, none, tensor<2x4x1xf32>, tensor<2x4x1xf32>) -> (tensor<2x4x16xf32>, tensor<2x1x8x8xf32>)
  return %0, %1 : tensor<2x4x16xf32>, tensor<2x1x8x8xf32>
}
