// RUN: onnx-opt %s -split-input-file -verify-diagnostics

// Verifier errors of the ops of OnnxMLOps.td: one case per rejected
// attribute or operand combination.

func.func @tree_int_x(%x: tensor<3x2xi32>) {
  // expected-error @+1 {{X must be a float tensor, got 'i32'}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xi32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_rank(%x: tensor<3xf32>) {
  // expected-error @+1 {{X must have rank 2, got 1}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_node_counts(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{nodes_falseleafs has 2 entries, nodes_featureids has 1}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1, 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_modes_count(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{nodes_modes has 2 entries, nodes_featureids has 1}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<2xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_leaf_counts(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{leaf_weights has 3 entries, leaf_targetids has 2}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<1.0> : tensor<3xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_weights_int(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{leaf_weights and nodes_splits must be float tensors}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<1> : tensor<2xi32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_aggregate(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{aggregate_function must be in 0..3, got 4}}
  %0 = onnx.TreeEnsemble %x {aggregate_function = 4 : i64, leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_post_transform(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{post_transform must be in 0..4, got 5}}
  %0 = onnx.TreeEnsemble %x {post_transform = 5 : i64, leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_no_targets(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{n_targets is required and must be in 1..2^31}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 0 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_target_range(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{leaf target id 2 is not in [0, 2)}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 2>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_mode_range(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{node 0 has mode 7, which is not in 0..6}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<7> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_feature_range(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{node 0 reads feature 2, X has 2}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 2>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_leaf_flag(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{nodes_trueleafs and nodes_falseleafs must hold 0 or 1}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 2>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_leaf_ref(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{node 0 refers to leaf 5, which is not in [0, 2)}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 5>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_member_values(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{MEMBER nodes need float membership_values}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<6> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_member_sets(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{membership_values holds 0 NaN-terminated sets for 1 MEMBER nodes}}
  %0 = onnx.TreeEnsemble %x {membership_values = dense<[1.0, 2.0]> : tensor<2xf32>, leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<6> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_roots_empty(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{tree_roots must not be empty}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_root_range(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{tree root 1 is not in [0, 1)}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 1>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tree_cycle(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{the tree at root 0 has a cycle through node 0}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 0>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<3x2xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tfidf_float(%x: tensor<2x5xf32>) {
  // expected-error @+1 {{X must be int32 or int64 (string inputs are not supported), got 'f32'}}
  %0 = onnx.TfIdfVectorizer %x {max_gram_length = 2 : i64, max_skip_count = 0 : i64, min_gram_length = 1 : i64, mode = "TF", ngram_counts = array<i64: 0, 2>, ngram_indexes = array<i64: 0, 1, 2>, pool_int64s = array<i64: 1, 2, 3, 4>} : (tensor<2x5xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @tfidf_rank(%x: tensor<1x2x5xi32>) {
  // expected-error @+1 {{X must have rank 1 or 2, got 3}}
  %0 = onnx.TfIdfVectorizer %x {max_gram_length = 2 : i64, max_skip_count = 0 : i64, min_gram_length = 1 : i64, mode = "TF", ngram_counts = array<i64: 0, 2>, ngram_indexes = array<i64: 0, 1, 2>, pool_int64s = array<i64: 1, 2, 3, 4>} : (tensor<1x2x5xi32>) -> tensor<*xf32>
  return
}

// -----

func.func @tfidf_mode(%x: tensor<2x5xi32>) {
  // expected-error @+1 {{mode "BM25" is not one of TF, IDF, TFIDF}}
  %0 = onnx.TfIdfVectorizer %x {max_gram_length = 2 : i64, max_skip_count = 0 : i64, min_gram_length = 1 : i64, mode = "BM25", ngram_counts = array<i64: 0, 2>, ngram_indexes = array<i64: 0, 1, 2>, pool_int64s = array<i64: 1, 2, 3, 4>} : (tensor<2x5xi32>) -> tensor<*xf32>
  return
}

// -----

func.func @tfidf_lengths(%x: tensor<2x5xi32>) {
  // expected-error @+1 {{min_gram_length (3) and max_gram_length (2) must satisfy 1 <= min <= max}}
  %0 = onnx.TfIdfVectorizer %x {max_gram_length = 2 : i64, max_skip_count = 0 : i64, min_gram_length = 3 : i64, mode = "TF", ngram_counts = array<i64: 0, 2>, ngram_indexes = array<i64: 0, 1, 2>, pool_int64s = array<i64: 1, 2, 3, 4>} : (tensor<2x5xi32>) -> tensor<*xf32>
  return
}

// -----

func.func @tfidf_skip(%x: tensor<2x5xi32>) {
  // expected-error @+1 {{max_skip_count must not be negative}}
  %0 = onnx.TfIdfVectorizer %x {max_gram_length = 2 : i64, max_skip_count = -1 : i64, min_gram_length = 1 : i64, mode = "TF", ngram_counts = array<i64: 0, 2>, ngram_indexes = array<i64: 0, 1, 2>, pool_int64s = array<i64: 1, 2, 3, 4>} : (tensor<2x5xi32>) -> tensor<*xf32>
  return
}

// -----

func.func @tfidf_no_pool(%x: tensor<2x5xi32>) {
  // expected-error @+1 {{pool_int64s is required (pool_strings is not supported)}}
  %0 = onnx.TfIdfVectorizer %x {max_gram_length = 2 : i64, max_skip_count = 0 : i64, min_gram_length = 1 : i64, mode = "TF", ngram_counts = array<i64: 0, 2>, ngram_indexes = array<i64: 0, 1, 2>} : (tensor<2x5xi32>) -> tensor<*xf32>
  return
}

// -----

func.func @tfidf_counts_size(%x: tensor<2x5xi32>) {
  // expected-error @+1 {{ngram_counts has 1 entries, max_gram_length is 2}}
  %0 = onnx.TfIdfVectorizer %x {max_gram_length = 2 : i64, max_skip_count = 0 : i64, min_gram_length = 1 : i64, mode = "TF", ngram_counts = array<i64: 0>, ngram_indexes = array<i64: 0, 1, 2>, pool_int64s = array<i64: 1, 2, 3, 4>} : (tensor<2x5xi32>) -> tensor<*xf32>
  return
}

// -----

func.func @tfidf_counts_order(%x: tensor<2x5xi32>) {
  // expected-error @+1 {{ngram_counts must be non-decreasing offsets into the pool of 4 ints}}
  %0 = onnx.TfIdfVectorizer %x {max_gram_length = 2 : i64, max_skip_count = 0 : i64, min_gram_length = 1 : i64, mode = "TF", ngram_counts = array<i64: 3, 1>, ngram_indexes = array<i64: 0, 1, 2>, pool_int64s = array<i64: 1, 2, 3, 4>} : (tensor<2x5xi32>) -> tensor<*xf32>
  return
}

// -----

func.func @tfidf_counts_multiple(%x: tensor<2x5xi32>) {
  // expected-error @+1 {{the 3 pool ints of the 2-grams are not a multiple of 2}}
  %0 = onnx.TfIdfVectorizer %x {max_gram_length = 2 : i64, max_skip_count = 0 : i64, min_gram_length = 1 : i64, mode = "TF", ngram_counts = array<i64: 0, 1>, ngram_indexes = array<i64: 0, 1, 2>, pool_int64s = array<i64: 1, 2, 3, 4>} : (tensor<2x5xi32>) -> tensor<*xf32>
  return
}

// -----

func.func @tfidf_indexes_size(%x: tensor<2x5xi32>) {
  // expected-error @+1 {{ngram_indexes has 2 entries, the pool holds 3 n-grams}}
  %0 = onnx.TfIdfVectorizer %x {max_gram_length = 2 : i64, max_skip_count = 0 : i64, min_gram_length = 1 : i64, mode = "TF", ngram_counts = array<i64: 0, 2>, ngram_indexes = array<i64: 0, 1>, pool_int64s = array<i64: 1, 2, 3, 4>} : (tensor<2x5xi32>) -> tensor<*xf32>
  return
}

// -----

func.func @tfidf_indexes_negative(%x: tensor<2x5xi32>) {
  // expected-error @+1 {{ngram_indexes value -1 is negative or too large}}
  %0 = onnx.TfIdfVectorizer %x {max_gram_length = 2 : i64, max_skip_count = 0 : i64, min_gram_length = 1 : i64, mode = "TF", ngram_counts = array<i64: 0, 2>, ngram_indexes = array<i64: 0, -1, 2>, pool_int64s = array<i64: 1, 2, 3, 4>} : (tensor<2x5xi32>) -> tensor<*xf32>
  return
}

// -----

func.func @tfidf_weights(%x: tensor<2x5xi32>) {
  // expected-error @+1 {{weights has 1 entries, the pool holds 3 n-grams}}
  %0 = onnx.TfIdfVectorizer %x {max_gram_length = 2 : i64, max_skip_count = 0 : i64, min_gram_length = 1 : i64, mode = "TF", ngram_counts = array<i64: 0, 2>, ngram_indexes = array<i64: 0, 1, 2>, pool_int64s = array<i64: 1, 2, 3, 4>, weights = array<f32: 1.0>} : (tensor<2x5xi32>) -> tensor<*xf32>
  return
}

// -----

func.func @binarizer_bool(%x: tensor<3xi1>) {
  // expected-error @+1 {{X must be float, double, int32 or int64, got 'i1'}}
  %0 = onnx.Binarizer %x : (tensor<3xi1>) -> tensor<*xi1>
  return
}

// -----

func.func @afe_indices(%x: tensor<3x4xf32>, %i: tensor<2xi32>) {
  // expected-error @+1 {{Y (the indices) must be int64, got 'i32'}}
  %0 = onnx.ArrayFeatureExtractor %x, %i : (tensor<3x4xf32>, tensor<2xi32>) -> tensor<*xf32>
  return
}

// -----

func.func @afe_scalar(%x: tensor<f32>, %i: tensor<2xi64>) {
  // expected-error @+1 {{X must have rank 1 or more}}
  %0 = onnx.ArrayFeatureExtractor %x, %i : (tensor<f32>, tensor<2xi64>) -> tensor<*xf32>
  return
}

// -----

func.func @flex_int(%q: tensor<1x4x3x8xi32>, %k: tensor<1x2x5x8xf32>, %v: tensor<1x2x5x6xf32>) {
  // expected-error @+1 {{Q must be a float tensor}}
  %0 = onnx.FlexAttention(%q, %k, %v) : (tensor<1x4x3x8xi32>, tensor<1x2x5x8xf32>, tensor<1x2x5x6xf32>) -> tensor<*xf32> score_mod {} prob_mod {
  }
  return
}

// -----

func.func @flex_rank(%q: tensor<4x3x8xf32>, %k: tensor<1x2x5x8xf32>, %v: tensor<1x2x5x6xf32>) {
  // expected-error @+1 {{Q must have rank 4, got 3}}
  %0 = onnx.FlexAttention(%q, %k, %v) : (tensor<4x3x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x6xf32>) -> tensor<*xf32> score_mod {} prob_mod {
  }
  return
}

// -----

func.func @flex_types(%q: tensor<1x4x3x8xf32>, %k: tensor<1x2x5x8xf64>, %v: tensor<1x2x5x6xf64>) {
  // expected-error @+1 {{Q, K and V must have the same element type}}
  %0 = onnx.FlexAttention(%q, %k, %v) : (tensor<1x4x3x8xf32>, tensor<1x2x5x8xf64>, tensor<1x2x5x6xf64>) -> tensor<*xf32> score_mod {} prob_mod {
  }
  return
}

// -----

func.func @flex_precision(%q: tensor<1x4x3x8xf32>, %k: tensor<1x2x5x8xf32>, %v: tensor<1x2x5x6xf32>) {
  // expected-error @+1 {{softmax_precision 7 is not float, float16, bfloat16 or double}}
  %0 = onnx.FlexAttention(%q, %k, %v) {softmax_precision = 7 : i64} : (tensor<1x4x3x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x6xf32>) -> tensor<*xf32> score_mod {} prob_mod {
  }
  return
}

// -----

func.func @flex_head_size(%q: tensor<1x4x3x8xf32>, %k: tensor<1x2x5x4xf32>, %v: tensor<1x2x5x6xf32>) {
  // expected-error @+1 {{the head size of Q (8) and K (4) differ}}
  %0 = onnx.FlexAttention(%q, %k, %v) : (tensor<1x4x3x8xf32>, tensor<1x2x5x4xf32>, tensor<1x2x5x6xf32>) -> tensor<*xf32> score_mod {} prob_mod {
  }
  return
}

// -----

func.func @flex_kv(%q: tensor<1x4x3x8xf32>, %k: tensor<1x2x5x8xf32>, %v: tensor<1x2x4x6xf32>) {
  // expected-error @+1 {{K and V must have the same heads and sequence length}}
  %0 = onnx.FlexAttention(%q, %k, %v) : (tensor<1x4x3x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x4x6xf32>) -> tensor<*xf32> score_mod {} prob_mod {
  }
  return
}

// -----

func.func @flex_heads(%q: tensor<1x4x3x8xf32>, %k: tensor<1x3x5x8xf32>, %v: tensor<1x3x5x6xf32>) {
  // expected-error @+1 {{the 4 query heads are not a multiple of the 3 key/value heads}}
  %0 = onnx.FlexAttention(%q, %k, %v) : (tensor<1x4x3x8xf32>, tensor<1x3x5x8xf32>, tensor<1x3x5x6xf32>) -> tensor<*xf32> score_mod {} prob_mod {
  }
  return
}

// -----

func.func @flex_batch(%q: tensor<1x4x3x8xf32>, %k: tensor<2x2x5x8xf32>, %v: tensor<2x2x5x6xf32>) {
  // expected-error @+1 {{Q, K and V must have the same batch size}}
  %0 = onnx.FlexAttention(%q, %k, %v) : (tensor<1x4x3x8xf32>, tensor<2x2x5x8xf32>, tensor<2x2x5x6xf32>) -> tensor<*xf32> score_mod {} prob_mod {
  }
  return
}

// -----

func.func @flex_mod_args(%q: tensor<1x4x3x8xf32>, %k: tensor<1x2x5x8xf32>, %v: tensor<1x2x5x6xf32>) {
  // expected-error @+1 {{score_mod must take 1 input, it takes 2}}
  %0 = onnx.FlexAttention(%q, %k, %v) : (tensor<1x4x3x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x6xf32>) -> tensor<*xf32> score_mod {
  ^bb0(%a: tensor<1x4x3x5xf32>, %b: tensor<1x4x3x5xf32>):
    onnx.Yield %a : tensor<1x4x3x5xf32>
  } prob_mod {
  }
  return
}

// -----

func.func @flex_mod_yield(%q: tensor<1x4x3x8xf32>, %k: tensor<1x2x5x8xf32>, %v: tensor<1x2x5x6xf32>) {
  // expected-error @+1 {{score_mod must end in onnx.Yield of 1 output}}
  %0 = onnx.FlexAttention(%q, %k, %v) : (tensor<1x4x3x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x6xf32>) -> tensor<*xf32> score_mod {
  ^bb0(%a: tensor<1x4x3x5xf32>):
    onnx.Yield %a, %a : tensor<1x4x3x5xf32>, tensor<1x4x3x5xf32>
  } prob_mod {
  }
  return
}

// -----

func.func @flex_mod_type(%q: tensor<1x4x3x8xf32>, %k: tensor<1x2x5x8xf32>, %v: tensor<1x2x5x6xf32>) {
  // expected-error @+1 {{score_mod input must be a tensor of 'f32', got 'tensor<1x4x3x5xf64>'}}
  %0 = onnx.FlexAttention(%q, %k, %v) : (tensor<1x4x3x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x6xf32>) -> tensor<*xf32> score_mod {
  ^bb0(%a: tensor<1x4x3x5xf64>):
    onnx.Yield %a : tensor<1x4x3x5xf64>
  } prob_mod {
  }
  return
}

// -----

func.func @flex_mod_shape(%q: tensor<1x4x3x8xf32>, %k: tensor<1x2x5x8xf32>, %v: tensor<1x2x5x6xf32>) {
  // expected-error @+1 {{score_mod input 'tensor<1x4x3x6xf32>' is not of the score shape [B, Hq, L, S]}}
  %0 = onnx.FlexAttention(%q, %k, %v) : (tensor<1x4x3x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x6xf32>) -> tensor<*xf32> score_mod {
  ^bb0(%a: tensor<1x4x3x6xf32>):
    onnx.Yield %a : tensor<1x4x3x6xf32>
  } prob_mod {
  }
  return
}

// -----

func.func @labels_two_keys(%x: tensor<3xi64>) {
  // expected-error @+1 {{needs exactly one of keys_int64s, keys_floats, keys_tensor and one of values_int64s, values_floats, values_tensor (string tables are not supported)}}
  %0 = onnx.LabelEncoder %x {keys_int64s = array<i64: 1>, keys_floats = array<f32: 1.0>, values_int64s = array<i64: 2>} : (tensor<3xi64>) -> tensor<*xi64>
  return
}

// -----

func.func @labels_no_values(%x: tensor<3xi64>) {
  // expected-error @+1 {{needs exactly one of keys_int64s}}
  %0 = onnx.LabelEncoder %x {keys_int64s = array<i64: 1>} : (tensor<3xi64>) -> tensor<*xi64>
  return
}

// -----

func.func @labels_counts(%x: tensor<3xi64>) {
  // expected-error @+1 {{has 2 keys and 1 values}}
  %0 = onnx.LabelEncoder %x {keys_int64s = array<i64: 1, 2>, values_int64s = array<i64: 2>} : (tensor<3xi64>) -> tensor<*xi64>
  return
}

// -----

func.func @labels_key_type(%x: tensor<3xi32>) {
  // expected-error @+1 {{the keys are 'i64', X is 'i32'}}
  %0 = onnx.LabelEncoder %x {keys_int64s = array<i64: 1>, values_int64s = array<i64: 2>} : (tensor<3xi32>) -> tensor<*xi64>
  return
}

// -----

func.func @labels_bool_values(%x: tensor<3xi64>) {
  // expected-error @+1 {{keys and values must be int16, int32, int64, float or double, got 'i1'}}
  %0 = onnx.LabelEncoder %x {keys_int64s = array<i64: 1>, values_tensor = dense<true> : tensor<1xi1>} : (tensor<3xi64>) -> tensor<*xi1>
  return
}

// -----

func.func @labels_default(%x: tensor<3xi64>) {
  // expected-error @+1 {{default_tensor must hold one 'i16' value}}
  %0 = onnx.LabelEncoder %x {keys_int64s = array<i64: 1>, values_tensor = dense<2> : tensor<1xi16>, default_tensor = dense<[1, 2]> : tensor<2xi16>} : (tensor<3xi64>) -> tensor<*xi16>
  return
}
