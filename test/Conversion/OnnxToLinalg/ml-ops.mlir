// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// The ai.onnx.ml ops, TfIdfVectorizer and FlexAttention (MLOps.cpp,
// FlexAttention.cpp).

// Binarizer: 1 where x > threshold.
// CHECK-LABEL: func.func @binarizer
// CHECK: linalg.generic
// CHECK: %[[T:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[GT:.*]] = arith.cmpf ogt, %{{.*}}, %[[T]] : f32
// CHECK: arith.select %[[GT]], %{{.*}}, %{{.*}} : f32

func.func @binarizer(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = onnx.Binarizer %x {threshold = 0.5 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// The indices are flattened and clamped into [0, width - 1] (an empty last
// dim, known only at run time, reads nothing and gives 0).
// CHECK-LABEL: func.func @array_feature_extractor
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>, %[[I:.*]]: tensor<1x2xi64>)
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[I]] {{\[\[}}0, 1]] : tensor<1x2xi64> into tensor<2xi64>
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<3x2xf32>)
// CHECK: %[[R:.*]] = linalg.index 0 : index
// CHECK: %[[J:.*]] = linalg.index 1 : index
// CHECK: %[[IDX:.*]] = tensor.extract %[[FLAT]][%[[J]]] : tensor<2xi64>
// CHECK: scf.if
// CHECK: arith.maxsi
// CHECK: %[[C:.*]] = arith.minsi
// CHECK: tensor.extract %[[X]][%[[R]], %[[C]]] : tensor<3x4xf32>

func.func @array_feature_extractor(%x: tensor<3x4xf32>, %i: tensor<1x2xi64>) -> tensor<3x2xf32> {
  %0 = onnx.ArrayFeatureExtractor %x, %i : (tensor<3x4xf32>, tensor<1x2xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// The walk of each tree is an scf.for of the tree's depth (2) over constant
// node tables; MEMBER sets are scanned by an inner loop. The leaves are then
// aggregated per target (AVERAGE: weight / number of trees).
// CHECK-LABEL: func.func @tree_ensemble
// CHECK-SAME: (%[[X:.*]]: tensor<?x2xf32>)
// CHECK-DAG: %[[MODES:.*]] = arith.constant dense<[6, 0]> : tensor<2xi64>
// CHECK-DAG: %[[MEMBERS:.*]] = arith.constant dense<[1.000000e+00, 0x7FC00000]> : tensor<2xf32>
// CHECK: %[[LEAVES:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<?x1xi64>)
// CHECK: linalg.index
// CHECK: %[[DEPTH:.*]] = arith.constant 2 : index
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[DEPTH]] {{.*}} -> (i64, i64)
// CHECK: %[[V:.*]] = scf.if %{{.*}} -> (f32) {
// CHECK: tensor.extract %[[X]]
// CHECK: scf.for {{.*}} -> (i1)
// CHECK: tensor.extract %[[MEMBERS]]
// CHECK: arith.cmpf oeq, %[[V]]
// CHECK: arith.cmpf ole, %[[V]]
// CHECK: arith.cmpf uno, %[[V]], %[[V]] : f32
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[LEAVES]] : tensor<?x1xi64>) outs(%{{.*}} : tensor<?x2xf32>)
// CHECK: arith.divf
// CHECK: arith.addf

func.func @tree_ensemble(%x: tensor<?x2xf32>) -> tensor<?x2xf32> {
  %0 = onnx.TreeEnsemble %x {aggregate_function = 0 : i64, leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, membership_values = dense<[1.0, 0x7FC00000]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1, 1>, nodes_falsenodeids = array<i64: 1, 0>, nodes_featureids = array<i64: 0, 1>, nodes_modes = dense<[6, 0]> : tensor<2xui8>, nodes_splits = dense<[0.0, 0.5]> : tensor<2xf32>, nodes_trueleafs = array<i64: 0, 1>, nodes_truenodeids = array<i64: 1, 1>, tree_roots = array<i64: 0>} : (tensor<?x2xf32>) -> tensor<?x2xf32>
  return %0 : tensor<?x2xf32>
}

// -----

// counts[n, g] over (n, g, start, skip), then the counts scattered to their
// columns, then IDF weights (weight where the count is positive).
// CHECK-LABEL: func.func @tfidf
// CHECK-SAME: (%[[X:.*]]: tensor<6xi32>)
// CHECK: %[[ROWS:.*]] = tensor.expand_shape %[[X]] {{\[\[}}0, 1]] output_shape [1, 6]
// CHECK-DAG: %[[POOL:.*]] = arith.constant dense<[5, 6, 5, 6]> : tensor<4xi64>
// CHECK-DAG: %[[LENS:.*]] = arith.constant dense<[1, 1, 2]> : tensor<3xi64>
// CHECK: %[[COUNTS:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%{{.*}} : tensor<6x2xf32>) outs(%{{.*}} : tensor<1x3xf32>)
// CHECK: tensor.extract %[[LENS]]
// CHECK: scf.for {{.*}} -> (i1)
// CHECK: tensor.extract %[[ROWS]]
// CHECK: arith.extsi %{{.*}} : i32 to i64
// CHECK: tensor.extract %[[POOL]]
// CHECK: %[[COLS:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[COUNTS]] : tensor<1x3xf32>)
// CHECK: %[[W:.*]] = linalg.generic {{.*}} ins(%[[COLS]] : tensor<1x3xf32>)
// CHECK: arith.cmpf ogt
// CHECK: tensor.collapse_shape %[[W]] {{\[\[}}0, 1]] : tensor<1x3xf32> into tensor<3xf32>

func.func @tfidf(%x: tensor<6xi32>) -> tensor<3xf32> {
  %0 = onnx.TfIdfVectorizer %x {max_gram_length = 2 : i64, max_skip_count = 1 : i64, min_gram_length = 1 : i64, mode = "IDF", ngram_counts = array<i64: 0, 2>, ngram_indexes = array<i64: 0, 1, 2>, pool_int64s = array<i64: 5, 6, 5, 6>, weights = array<f32: 1.0, 2.0, 3.0>} : (tensor<6xi32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// K and V are read at head h / 2 and widened to f32; the score_mod region is
// inlined (onnx.Neg, then lowered); softmax; the product with V is truncated
// back to f16.
// CHECK-LABEL: func.func @flex_attention
// CHECK-SAME: (%[[Q:.*]]: tensor<1x4x3x8xf16>, %[[K:.*]]: tensor<1x2x5x8xf16>, %[[V:.*]]: tensor<1x2x5x6xf16>)
// CHECK: %[[KH:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<1x4x5x8xf32>)
// CHECK: arith.divui
// CHECK: tensor.extract %[[K]]
// CHECK: %[[VH:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<1x4x5x6xf32>)
// CHECK: math.sqrt
// CHECK: %[[S:.*]] = linalg.generic {{.*}} ins(%[[Q]], %[[KH]] : tensor<1x4x3x8xf16>, tensor<1x4x5x8xf32>) outs(%{{.*}} : tensor<1x4x3x5xf32>)
// CHECK: %[[SC:.*]] = linalg.generic {{.*}} ins(%[[S]] : tensor<1x4x3x5xf32>)
// CHECK: %[[MOD:.*]] = linalg.generic {{.*}} ins(%[[SC]] : tensor<1x4x3x5xf32>)
// CHECK: arith.negf
// CHECK: math.exp
// CHECK: %[[P:.*]] = linalg.generic {{.*}} ins(%[[MOD]], %{{.*}}, %{{.*}} : tensor<1x4x3x5xf32>, tensor<1x4x3xf32>, tensor<1x4x3xf32>)
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[P]], %[[VH]] : tensor<1x4x3x5xf32>, tensor<1x4x5x6xf32>)
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK-NOT: onnx.

func.func @flex_attention(%q: tensor<1x4x3x8xf16>, %k: tensor<1x2x5x8xf16>, %v: tensor<1x2x5x6xf16>) -> tensor<1x4x3x6xf16> {
  %0 = onnx.FlexAttention(%q, %k, %v) : (tensor<1x4x3x8xf16>, tensor<1x2x5x8xf16>, tensor<1x2x5x6xf16>) -> tensor<1x4x3x6xf16> score_mod {
  ^bb0(%s: tensor<1x4x3x5xf32>):
    %1 = onnx.Neg %s : (tensor<1x4x3x5xf32>) -> tensor<1x4x3x5xf32>
    onnx.Yield %1 : tensor<1x4x3x5xf32>
  } prob_mod {
  }
  return %0 : tensor<1x4x3x6xf16>
}

// -----

// Each element runs through the key table; NaN keys match NaN inputs; the
// default seeds the search.
// CHECK-LABEL: func.func @label_encoder
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[KEYS:.*]] = arith.constant dense<[5.000000e-01, 0x7FC00000]> : tensor<2xf32>
// CHECK-DAG: %[[VALS:.*]] = arith.constant dense<[3, 4]> : tensor<2xi16>
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>) outs(%{{.*}} : tensor<4xi16>)
// CHECK: %[[DEF:.*]] = arith.constant 42 : i16
// CHECK: scf.for {{.*}} iter_args(%[[ACC:.*]] = %[[DEF]]) -> (i16)
// CHECK: %[[K:.*]] = tensor.extract %[[KEYS]]
// CHECK: arith.cmpf uno
// CHECK: arith.cmpf oeq, %{{.*}}, %[[K]] : f32
// CHECK: %[[V:.*]] = tensor.extract %[[VALS]]
// CHECK: arith.select %{{.*}}, %[[V]], %[[ACC]] : i16
func.func @label_encoder(%x: tensor<4xf32>) -> tensor<4xi16> {
  %0 = onnx.LabelEncoder %x {default_tensor = dense<42> : tensor<1xi16>, keys_tensor = dense<[0.5, 0x7FC00000]> : tensor<2xf32>, values_tensor = dense<[3, 4]> : tensor<2xi16>} : (tensor<4xf32>) -> tensor<4xi16>
  return %0 : tensor<4xi16>
}

// -----

// post_transform SOFTMAX_ZERO: a softmax over the targets of each row in which
// zero scores stay zero.
// CHECK-LABEL: func.func @tree_softmax_zero
// CHECK: %[[MAX:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK: arith.maximumf
// CHECK: %[[E:.*]] = linalg.generic
// CHECK: math.exp
// CHECK: arith.cmpf oeq
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK: linalg.generic {{.*}} ins(%[[E]], %{{.*}} : tensor<3x2xf32>, tensor<3x1xf32>)
// CHECK: arith.divf
func.func @tree_softmax_zero(%x: tensor<3x1xf32>) -> tensor<3x2xf32> {
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0, 1>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf32>, n_targets = 2 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, post_transform = 3 : i64, tree_roots = array<i64: 0>} : (tensor<3x1xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}
