//===- OnnxMLOps.td - ai.onnx.ml, text and preview ops ----*- tablegen -*-===//
//
// Classical ML operators of the ai.onnx.ml domain (numeric tensors only: the
// string forms need string tensors), TfIdfVectorizer, and FlexAttention of
// ai.onnx.preview with its modifier subgraphs.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_DIALECT_ONNX_ONNXMLOPS_TD
#define ONNXC_DIALECT_ONNX_ONNXMLOPS_TD

include "OnnxBase.td"

class Onnx_MLOp<string mnemonic, list<Trait> traits = []>
    : Onnx_Op<mnemonic, traits> {
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// ai.onnx.ml
//===----------------------------------------------------------------------===//

def Onnx_BinarizerOp : Onnx_MLOp<"Binarizer"> {
  let summary = "1 where X > threshold, else 0 (ai.onnx.ml)";
  let arguments = (ins Onnx_Tensor:$X,
                   DefaultValuedAttr<F32Attr, "0.0">:$threshold);
  let results = (outs Onnx_Tensor:$Y);
}

def Onnx_ArrayFeatureExtractorOp : Onnx_MLOp<"ArrayFeatureExtractor"> {
  let summary = "X[..., Y] over the last dimension (ai.onnx.ml)";
  let description = [{
    The indices `Y` (int64, any shape) are read flattened. The result is
    [X.shape[:-1], numel(Y)], or [1, numel(Y)] for a 1-D `X` (as onnxruntime
    does). Indices out of range are clamped.
  }];
  let arguments = (ins Onnx_Tensor:$X, Onnx_Tensor:$Y);
  let results = (outs Onnx_Tensor:$Z);
}

def Onnx_TreeEnsembleOp : Onnx_MLOp<"TreeEnsemble"> {
  let summary = "tree ensemble regression (ai.onnx.ml opset 5)";
  let description = [{
    X is [N, F]; the result is [N, n_targets] of X's element type. Node `i`
    compares X[:, nodes_featureids[i]] with nodes_splits[i] by nodes_modes[i]
    (0 LEQ, 1 LT, 2 GTE, 3 GT, 4 EQ, 5 NEQ, 6 MEMBER) and continues at
    nodes_truenodeids[i] / nodes_falsenodeids[i], which index the leaves
    where nodes_trueleafs[i] / nodes_falseleafs[i] is 1. MEMBER nodes take
    their sets from membership_values (NaN-separated, in the depth-first
    order of the trees). aggregate_function: 0 AVERAGE, 1 SUM, 2 MIN, 3 MAX.

    Constraints: (C1) the nodes_* lists have one entry per node and the
    leaf_* lists one per leaf; (C2) node and leaf references are in range;
    (C3) leaf_targetids are in [0, n_targets); (C4) the trees are acyclic.
  }];
  let arguments = (ins Onnx_Tensor:$X,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$aggregate_function,
                   DenseI64ArrayAttr:$leaf_targetids,
                   ElementsAttr:$leaf_weights,
                   OptionalAttr<ElementsAttr>:$membership_values,
                   OptionalAttr<Onnx_I64Attr>:$n_targets,
                   DenseI64ArrayAttr:$nodes_falseleafs,
                   DenseI64ArrayAttr:$nodes_falsenodeids,
                   DenseI64ArrayAttr:$nodes_featureids,
                   OptionalAttr<ElementsAttr>:$nodes_hitrates,
                   OptionalAttr<DenseI64ArrayAttr>:$nodes_missing_value_tracks_true,
                   ElementsAttr:$nodes_modes,
                   ElementsAttr:$nodes_splits,
                   DenseI64ArrayAttr:$nodes_trueleafs,
                   DenseI64ArrayAttr:$nodes_truenodeids,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$post_transform,
                   DenseI64ArrayAttr:$tree_roots);
  let results = (outs Onnx_Tensor:$Y);
}

def Onnx_LabelEncoderOp : Onnx_MLOp<"LabelEncoder"> {
  let summary = "maps each element of X through a key/value table (ai.onnx.ml)";
  let description = [{
    Numeric tables only (string keys or values need string tensors). The keys
    come from exactly one of keys_int64s, keys_floats, keys_tensor, the values
    from one of values_int64s, values_floats, values_tensor, with as many
    entries. Elements without a key get the default: default_tensor (one
    element) with values_tensor, else default_int64 or default_float.

    Constraints: (C1) one source of keys and one of values, of equal length;
    (C2) the keys have X's element type; (C3) default_tensor has one element
    of the values' type.
  }];
  let arguments = (ins Onnx_Tensor:$X,
                   OptionalAttr<DenseI64ArrayAttr>:$keys_int64s,
                   OptionalAttr<DenseF32ArrayAttr>:$keys_floats,
                   OptionalAttr<ElementsAttr>:$keys_tensor,
                   OptionalAttr<DenseI64ArrayAttr>:$values_int64s,
                   OptionalAttr<DenseF32ArrayAttr>:$values_floats,
                   OptionalAttr<ElementsAttr>:$values_tensor,
                   DefaultValuedAttr<Onnx_I64Attr, "-1">:$default_int64,
                   DefaultValuedAttr<F32Attr, "-0.0">:$default_float,
                   OptionalAttr<ElementsAttr>:$default_tensor);
  let results = (outs Onnx_Tensor:$Y);
  let extraClassDeclaration = [{
    /// The element type of the values (and of Y), or null when none is given.
    ::mlir::Type getValueType();
    /// The element type of the keys, or null when none is given.
    ::mlir::Type getKeyType();
  }];
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

def Onnx_TfIdfVectorizerOp : Onnx_MLOp<"TfIdfVectorizer"> {
  let summary = "n-gram counts (TF, IDF or TF-IDF) of integer sequences";
  let description = [{
    X is [C] or [N, C] of int32/int64; the result is [max(ngram_indexes) + 1]
    or [N, max(ngram_indexes) + 1] of f32. The n-grams of length k are the
    ints of pool_int64s from ngram_counts[k - 1] to ngram_counts[k] (or the
    end), k at a time; the i-th n-gram of the pool counts into result column
    ngram_indexes[i]. An n-gram of length k > 1 matches items that are
    1 + s apart for each skip s in 0..max_skip_count.
  }];
  let arguments = (ins Onnx_Tensor:$X,
                   Onnx_I64Attr:$max_gram_length,
                   Onnx_I64Attr:$max_skip_count,
                   Onnx_I64Attr:$min_gram_length,
                   StrAttr:$mode,
                   DenseI64ArrayAttr:$ngram_counts,
                   DenseI64ArrayAttr:$ngram_indexes,
                   OptionalAttr<DenseI64ArrayAttr>:$pool_int64s,
                   OptionalAttr<DenseF32ArrayAttr>:$weights);
  let results = (outs Onnx_Tensor:$Y);
}

//===----------------------------------------------------------------------===//
// ai.onnx.preview
//===----------------------------------------------------------------------===//

def Onnx_FlexAttentionOp : Onnx_Op<"FlexAttention"> {
  let summary = "scaled dot-product attention with score and prob modifiers";
  let description = [{
    Q [B, Hq, L, D], K [B, Hkv, S, D], V [B, Hkv, S, Dv] give Y [B, Hq, L,
    Dv]. scores = Q K^T * scale in the softmax precision, then `score_mod`
    (when its region is not empty), softmax over S, then `prob_mod`, then the
    product with V. Each non-empty modifier region has one block with one
    [B, Hq, L, S] argument, terminated by onnx.Yield of one value of that
    type. Query head h uses K/V head h / (Hq / Hkv).
  }];
  let arguments = (ins Onnx_Tensor:$Q, Onnx_Tensor:$K, Onnx_Tensor:$V,
                   OptionalAttr<F32Attr>:$scale,
                   OptionalAttr<Onnx_I64Attr>:$softmax_precision);
  let results = (outs Onnx_Tensor:$Y);
  let regions = (region AnyRegion:$score_mod, AnyRegion:$prob_mod);
  let assemblyFormat = [{
    `(` $Q `,` $K `,` $V `)` attr-dict `:` functional-type(operands, results)
    `score_mod` $score_mod `prob_mod` $prob_mod
  }];
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    /// The element type of the scores and probabilities.
    ::mlir::Type getPrecisionType();
    /// [B, Hq, L, S] from the shapes of Q and K (`?` where unknown).
    ::llvm::SmallVector<int64_t> getScoreShape();
  }];
}

#endif // ONNXC_DIALECT_ONNX_ONNXMLOPS_TD
