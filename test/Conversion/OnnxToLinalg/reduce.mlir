// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// Constant axes (negative ones count from the end); keepdims=1 expands the
// reduced result back.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @sum_keepdims
// CHECK-SAME: (%[[X:.*]]: tensor<2x?x4xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[C1:.*]] = arith.constant 1 : index
// CHECK: %[[DIM:.*]] = tensor.dim %[[X]], %[[C1]]
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[DIM]]) : tensor<?xf32>
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<?xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[OUT]]], iterator_types = ["reduction", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[X]] : tensor<2x?x4xf32>) outs(%[[INIT]] : tensor<?xf32>)
// CHECK: ^bb0(%[[V:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: %[[R:.*]] = arith.addf %[[ACC]], %[[V]] : f32
// CHECK: linalg.yield %[[R]]
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[D0:.*]] = tensor.dim %[[SUM]], %[[C0]]
// CHECK: tensor.expand_shape %[[SUM]] {{\[}}[0, 1, 2]] output_shape [1, %[[D0]], 1] : tensor<?xf32> into tensor<1x?x1xf32>
func.func @sum_keepdims(%x: tensor<2x?x4xf32>) -> tensor<1x?x1xf32> {
  %axes = arith.constant dense<[0, -1]> : tensor<2xi64>
  %0 = onnx.ReduceSum %x, %axes : (tensor<2x?x4xf32>, tensor<2xi64>) -> tensor<1x?x1xf32>
  return %0 : tensor<1x?x1xf32>
}

// -----

// No axes: all dims, into a rank-0 result.
// CHECK-LABEL: func.func @max_all
// CHECK: %[[LOWEST:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<f32>
// CHECK: linalg.fill ins(%[[LOWEST]] : f32) outs(%[[EMPTY]] : tensor<f32>)
// CHECK: linalg.generic {{.*}} iterator_types = ["reduction", "reduction"]
// CHECK: arith.maximumf
// CHECK-NOT: tensor.expand_shape
func.func @max_all(%x: tensor<2x3xf32>) -> tensor<f32> {
  %none = onnx.NoValue
  %0 = onnx.ReduceMax %x, %none {keepdims = 0 : i64} : (tensor<2x3xf32>, none) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// A rank-0 result expands with an empty reassociation.
// CHECK-LABEL: func.func @min_all_keepdims
// CHECK: arith.constant 0x7F800000 : f32
// CHECK: arith.minimumf
// CHECK: tensor.expand_shape %{{.*}} [] output_shape [1, 1] : tensor<f32> into tensor<1x1xf32>
func.func @min_all_keepdims(%x: tensor<2x3xf32>) -> tensor<1x1xf32> {
  %none = onnx.NoValue
  %0 = onnx.ReduceMin %x, %none : (tensor<2x3xf32>, none) -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}

// -----

// Integer max/min start from the lowest/highest value of the signedness.
// CHECK-LABEL: func.func @int_bounds
// CHECK: arith.constant -128 : i8
// CHECK: arith.maxsi
// CHECK: arith.constant -1 : i8
// CHECK: arith.minui
// CHECK: arith.constant 0 : i32
// CHECK: arith.maxui
func.func @int_bounds(%x: tensor<4xi8>, %y: tensor<4xui8>, %z: tensor<4xui32>) -> (tensor<i8>, tensor<ui8>, tensor<ui32>) {
  %none = onnx.NoValue
  %0 = onnx.ReduceMax %x, %none {keepdims = 0 : i64} : (tensor<4xi8>, none) -> tensor<i8>
  %1 = onnx.ReduceMin %y, %none {keepdims = 0 : i64} : (tensor<4xui8>, none) -> tensor<ui8>
  %2 = onnx.ReduceMax %z, %none {keepdims = 0 : i64} : (tensor<4xui32>, none) -> tensor<ui32>
  return %0, %1, %2 : tensor<i8>, tensor<ui8>, tensor<ui32>
}

// -----

// The mean divides by the number of reduced elements, found at run time for
// dynamic dims; f16 accumulates in f32.
// CHECK-LABEL: func.func @mean_dynamic_f16
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xf16>)
// CHECK: %[[SUM:.*]] = linalg.generic
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: arith.addf
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[D:.*]] = tensor.dim %[[X]], %[[C0]]
// CHECK: %[[C4:.*]] = arith.constant 4 : index
// CHECK: %[[N:.*]] = arith.muli %[[D]], %[[C4]] : index
// CHECK: %[[NI:.*]] = arith.index_cast %[[N]] : index to i64
// CHECK: %[[NF:.*]] = arith.sitofp %[[NI]] : i64 to f32
// CHECK: linalg.generic {{.*}} ins(%[[SUM]] : tensor<f32>)
// CHECK: %[[M:.*]] = arith.divf %{{.*}}, %[[NF]] : f32
// CHECK: arith.truncf %[[M]] : f32 to f16
func.func @mean_dynamic_f16(%x: tensor<?x4xf16>) -> tensor<f16> {
  %none = onnx.NoValue
  %0 = onnx.ReduceMean %x, %none {keepdims = 0 : i64} : (tensor<?x4xf16>, none) -> tensor<f16>
  return %0 : tensor<f16>
}

// -----

// CHECK-LABEL: func.func @prod
// CHECK: arith.constant 1 : i64
// CHECK: arith.muli
func.func @prod(%x: tensor<3x4xi64>) -> tensor<3xi64> {
  %axes = arith.constant dense<1> : tensor<1xi64>
  %0 = onnx.ReduceProd %x, %axes {keepdims = 0 : i64} : (tensor<3x4xi64>, tensor<1xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// CHECK-LABEL: func.func @norms
// L1
// CHECK: math.absf
// CHECK: arith.addf
// L2
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: math.sqrt
// SumSquare
// CHECK: %[[SQ:.*]] = arith.mulf %[[V:.*]], %[[V]] : f32
// CHECK: arith.addf %{{.*}}, %[[SQ]] : f32
// CHECK-NOT: math.sqrt
func.func @norms(%x: tensor<3x4xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  %axes = arith.constant dense<1> : tensor<1xi64>
  %0 = onnx.ReduceL1 %x, %axes {keepdims = 0 : i64} : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<3xf32>
  %1 = onnx.ReduceL2 %x, %axes {keepdims = 0 : i64} : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<3xf32>
  %2 = onnx.ReduceSumSquare %x, %axes {keepdims = 0 : i64} : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<3xf32>
  return %0, %1, %2 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

// log(sum(exp(x - m))) + m with m the max, or 0 where the max is not finite.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @log_sum_exp
// CHECK: %[[MAX:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK: arith.maximumf
// CHECK: %[[SHIFT:.*]] = linalg.generic {{.*}} ins(%[[MAX]] : tensor<3xf32>)
// CHECK: math.absf
// CHECK: arith.cmpf one
// CHECK: arith.select
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[OUT]], #[[OUT]]], iterator_types = ["parallel", "reduction"]} ins(%{{.*}}, %[[SHIFT]] : tensor<3x4xf32>, tensor<3xf32>)
// CHECK: ^bb0(%[[V:.*]]: f32, %[[S:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: %[[D:.*]] = arith.subf %[[V]], %[[S]] : f32
// CHECK: %[[E:.*]] = math.exp %[[D]] : f32
// CHECK: arith.addf %[[ACC]], %[[E]] : f32
// CHECK: linalg.generic {{.*}} ins(%[[SUM]], %[[SHIFT]] : tensor<3xf32>, tensor<3xf32>)
// CHECK: ^bb0(%[[T:.*]]: f32, %[[S2:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[L:.*]] = math.log %[[T]] : f32
// CHECK: arith.addf %[[L]], %[[S2]] : f32
func.func @log_sum_exp(%x: tensor<3x4xf32>) -> tensor<3xf32> {
  %axes = arith.constant dense<1> : tensor<1xi64>
  %0 = onnx.ReduceLogSumExp %x, %axes {keepdims = 0 : i64} : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// noop_with_empty_axes=1 without axes: Sum/Mean/Max/Min/Prod return the input.
// CHECK-LABEL: func.func @noop
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>)
// CHECK-NOT: linalg.generic
// CHECK: return %[[X]]
func.func @noop(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %none = onnx.NoValue
  %0 = onnx.ReduceSum %x, %none {noop_with_empty_axes = 1 : i64} : (tensor<3x4xf32>, none) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// ... while the others apply their element function (here |x|).
// CHECK-LABEL: func.func @noop_l1
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]
// CHECK: math.absf
func.func @noop_l1(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %axes = arith.constant dense<> : tensor<0xi64>
  %0 = onnx.ReduceL1 %x, %axes {noop_with_empty_axes = 1 : i64} : (tensor<3x4xf32>, tensor<0xi64>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// ArgMax: value and index carried together; the first index wins ties.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @argmax
// CHECK: %[[LOWEST:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[VALS:.*]] = linalg.fill ins(%[[LOWEST]] : f32)
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK: %[[IDXS:.*]] = linalg.fill ins(%[[ZERO]] : i64)
// CHECK: %[[R:.*]]:2 = linalg.generic {indexing_maps = [#[[IN]], #[[OUT]], #[[OUT]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME: outs(%[[VALS]], %[[IDXS]] : tensor<3xf32>, tensor<3xi64>)
// CHECK: ^bb0(%[[V:.*]]: f32, %[[BEST:.*]]: f32, %[[BI:.*]]: i64):
// CHECK: %[[GT:.*]] = arith.cmpf ogt, %[[V]], %[[BEST]] : f32
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[V]], %[[V]] : f32
// CHECK: %[[NUM:.*]] = arith.cmpf ord, %[[BEST]], %[[BEST]] : f32
// CHECK: %[[NANWINS:.*]] = arith.andi %[[NAN]], %[[NUM]] : i1
// CHECK: %[[TAKE:.*]] = arith.ori %[[GT]], %[[NANWINS]] : i1
// CHECK: %[[I:.*]] = linalg.index 1 : index
// CHECK: %[[I64:.*]] = arith.index_cast %[[I]] : index to i64
// CHECK: %[[NV:.*]] = arith.select %[[TAKE]], %[[V]], %[[BEST]] : f32
// CHECK: %[[NI:.*]] = arith.select %[[TAKE]], %[[I64]], %[[BI]] : i64
// CHECK: linalg.yield %[[NV]], %[[NI]] : f32, i64
// CHECK: tensor.expand_shape %[[R]]#1 {{\[}}[0, 1]] output_shape [3, 1] : tensor<3xi64> into tensor<3x1xi64>
func.func @argmax(%x: tensor<3x4xf32>) -> tensor<3x1xi64> {
  %0 = onnx.ArgMax %x {axis = -1 : i64} : (tensor<3x4xf32>) -> tensor<3x1xi64>
  return %0 : tensor<3x1xi64>
}

// -----

// select_last_index=1 takes ties too; unsigned elements compare unsigned.
// CHECK-LABEL: func.func @argmin_last
// CHECK: arith.constant -1 : i8
// CHECK: arith.cmpi ule
// CHECK: linalg.index 0 : index
// CHECK-NOT: tensor.expand_shape
func.func @argmin_last(%x: tensor<?x4xui8>) -> tensor<4xi64> {
  %0 = onnx.ArgMin %x {axis = 0 : i64, keepdims = 0 : i64, select_last_index = 1 : i64} : (tensor<?x4xui8>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// Axes known only at run time: one flag per dim from a loop over the axes
// (an empty axes tensor means all dims), then a parallel generic over the
// result whose body loops over the reduced dims (bound 1 for kept ones).
// CHECK-LABEL: func.func @runtime_axes
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[AXES:.*]]: tensor<?xi64>)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[FALSE:.*]] = arith.constant false
// CHECK: %[[N:.*]] = tensor.dim %[[AXES]], %{{.*}} : tensor<?xi64>
// CHECK: %[[FLAGS:.*]]:2 = scf.for %[[I:.*]] = %[[C0]] to %[[N]] step %[[C1]] iter_args(%[[F0:.*]] = %[[FALSE]], %[[F1:.*]] = %[[FALSE]]) -> (i1, i1)
// CHECK: %[[A:.*]] = tensor.extract %[[AXES]][%[[I]]] : tensor<?xi64>
// CHECK: %[[AI:.*]] = arith.index_cast %[[A]] : i64 to index
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[AI]]
// CHECK: %[[WRAP:.*]] = arith.addi %[[AI]], %[[C2]] : index
// CHECK: %[[AXIS:.*]] = arith.select %[[NEG]], %[[WRAP]], %[[AI]] : index
// CHECK: arith.cmpi eq, %[[AXIS]]
// CHECK: arith.ori %[[F0]]
// CHECK: arith.cmpi eq, %[[AXIS]]
// CHECK: arith.ori %[[F1]]
// CHECK: scf.yield
// CHECK: %[[EMPTY_AXES:.*]] = arith.cmpi eq, %[[N]], %[[C0]] : index
// CHECK: %[[R0:.*]] = arith.ori %[[FLAGS]]#0, %[[EMPTY_AXES]] : i1
// CHECK: %[[R1:.*]] = arith.ori %[[FLAGS]]#1, %[[EMPTY_AXES]] : i1
// CHECK: %[[UB0:.*]] = arith.select %[[R0]], %{{.*}}, %[[C1]] : index
// CHECK: %[[UB1:.*]] = arith.select %[[R1]], %{{.*}}, %[[C1]] : index
// CHECK: %[[D0:.*]] = arith.select %[[R0]], %[[C1]], %{{.*}} : index
// CHECK: %[[D1:.*]] = arith.select %[[R1]], %[[C1]], %{{.*}} : index
// CHECK: %[[INIT:.*]] = tensor.empty(%[[D0]], %[[D1]]) : tensor<?x?xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]} outs(%[[INIT]] : tensor<?x?xf32>)
// CHECK: %[[O0:.*]] = linalg.index 0 : index
// CHECK: %[[O1:.*]] = linalg.index 1 : index
// CHECK: scf.for %[[J0:.*]] = %[[C0]] to %[[UB0]] step %[[C1]]
// CHECK: scf.for %[[J1:.*]] = %[[C0]] to %[[UB1]] step %[[C1]]
// CHECK: %[[I0:.*]] = arith.select %[[R0]], %[[J0]], %[[O0]] : index
// CHECK: %[[I1:.*]] = arith.select %[[R1]], %[[J1]], %[[O1]] : index
// CHECK: tensor.extract %[[X]][%[[I0]], %[[I1]]] : tensor<2x3xf32>
// CHECK: arith.addf
func.func @runtime_axes(%x: tensor<2x3xf32>, %axes: tensor<?xi64>) -> tensor<?x?xf32> {
  %0 = onnx.ReduceSum %x, %axes : (tensor<2x3xf32>, tensor<?xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// keepdims=0 with run-time axes (the result rank comes from the type): kept
// dim d lands at position #kept-dims-before-d; noop_with_empty_axes=1 keeps
// an empty axes tensor from meaning all dims.
// CHECK-LABEL: func.func @runtime_axes_drop
// CHECK: scf.for
// CHECK-NOT: arith.ori %{{.*}}#0
// CHECK: tensor.empty(%{{.*}}) : tensor<?xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel"]
// CHECK: linalg.index 0 : index
// CHECK-COUNT-2: scf.for
// CHECK: tensor.extract
// CHECK: arith.maximumf
func.func @runtime_axes_drop(%x: tensor<2x3xf32>, %axes: tensor<1xi64>) -> tensor<?xf32> {
  %0 = onnx.ReduceMax %x, %axes {keepdims = 0 : i64, noop_with_empty_axes = 1 : i64} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
