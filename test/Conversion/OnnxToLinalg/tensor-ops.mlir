// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// Element-wise math and bitwise ops, Trilu, scans, gathers, scatters, layout
// ops: a linalg.generic each (reading with tensor.extract at clamped
// positions), or scf.for nests that tensor.insert into a copy for scatters.

// A right shift of a signed value by an amount outside [0, 8) gives its sign.
// CHECK-LABEL: func.func @bitshift_right
// CHECK: linalg.generic
// CHECK-NEXT: ^bb0(%[[X:.*]]: i8, %[[Y:.*]]: i8, %{{.*}}: i8):
// CHECK: %[[IN:.*]] = arith.cmpi ult, %[[Y]], %{{.*}} : i8
// CHECK: %[[SAFE:.*]] = arith.select %[[IN]], %[[Y]], %{{.*}} : i8
// CHECK: %[[R:.*]] = arith.shrsi %[[X]], %[[SAFE]] : i8
// CHECK: %[[SIGN:.*]] = arith.shrsi %[[X]], %{{.*}} : i8
// CHECK: %[[OUT:.*]] = arith.select %[[IN]], %[[R]], %[[SIGN]] : i8
// CHECK: linalg.yield %[[OUT]] : i8
func.func @bitshift_right(%a: tensor<4xi8>, %b: tensor<4xi8>) -> tensor<4xi8> {
  %0 = onnx.BitShift %a, %b {direction = "RIGHT"} : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

// Unsigned types are signless after conversion; the right shift is logical.
// CHECK-LABEL: func.func @bitshift_unsigned
// CHECK: arith.shrui
// CHECK-NOT: arith.shrsi
func.func @bitshift_unsigned(%a: tensor<4xui16>, %b: tensor<4xui16>) -> tensor<4xui16> {
  %0 = onnx.BitShift %a, %b {direction = "RIGHT"} : (tensor<4xui16>, tensor<4xui16>) -> tensor<4xui16>
  return %0 : tensor<4xui16>
}

// -----

// f16 math goes through f32.
// CHECK-LABEL: func.func @acos_f16
// CHECK: linalg.generic
// CHECK: %[[W:.*]] = arith.extf %{{.*}} : f16 to f32
// CHECK: %[[A:.*]] = math.acos %[[W]] : f32
// CHECK: arith.truncf %[[A]] : f32 to f16
func.func @acos_f16(%x: tensor<3xf16>) -> tensor<3xf16> {
  %0 = onnx.Acos %x : (tensor<3xf16>) -> tensor<3xf16>
  return %0 : tensor<3xf16>
}

// -----

// CHECK-LABEL: func.func @bitwise
// CHECK: arith.andi
// CHECK: arith.xori %{{.*}}, %{{.*}} : i32
func.func @bitwise(%a: tensor<2x3xi32>, %b: tensor<3xi32>) -> (tensor<2x3xi32>, tensor<2x3xi32>) {
  %0 = onnx.BitwiseAnd %a, %b : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %1 = onnx.BitwiseNot %a : (tensor<2x3xi32>) -> tensor<2x3xi32>
  return %0, %1 : tensor<2x3xi32>, tensor<2x3xi32>
}

// -----

// Trilu keeps the elements with j - i <= k (lower) read from a run-time k.
// CHECK-LABEL: func.func @trilu_lower
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>, %[[K:.*]]: tensor<i64>)
// CHECK: %[[KV:.*]] = tensor.extract %[[K]][] : tensor<i64>
// CHECK: %[[KI:.*]] = arith.index_cast %[[KV]] : i64 to index
// CHECK: linalg.generic
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[J:.*]] = linalg.index 1 : index
// CHECK: %[[D:.*]] = arith.subi %[[J]], %[[I]] : index
// CHECK: arith.cmpi sle, %[[D]], %[[KI]] : index
func.func @trilu_lower(%x: tensor<3x4xf32>, %k: tensor<i64>) -> tensor<3x4xf32> {
  %0 = onnx.Trilu %x, %k {upper = 0 : i64} : (tensor<3x4xf32>, tensor<i64>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// A constant axis: each output sums the input along the axis up to its own
// position, exclusive here.
// CHECK-LABEL: func.func @cumsum_exclusive
// CHECK: linalg.generic
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[J:.*]] = linalg.index 1 : index
// CHECK: scf.for %[[P:.*]] = %{{.*}} to %[[J]] step %{{.*}} iter_args(%[[ACC:.*]] = %{{.*}}) -> (f64)
// CHECK: %[[V:.*]] = tensor.extract %{{.*}}[%[[I]], %[[P]]] : tensor<2x3xf64>
// CHECK: arith.addf %[[ACC]], %[[V]] : f64
func.func @cumsum_exclusive(%x: tensor<2x3xf64>) -> tensor<2x3xf64> {
  %axis = onnx.Constant dense<1> : tensor<i32>
  %0 = onnx.CumSum %x, %axis {exclusive = 1 : i64} : (tensor<2x3xf64>, tensor<i32>) -> tensor<2x3xf64>
  return %0 : tensor<2x3xf64>
}

// -----

// A run-time axis picks the scanned position with selects.
// CHECK-LABEL: func.func @cumprod_runtime_axis
// CHECK: tensor.extract %{{.*}}[] : tensor<i32>
// CHECK: linalg.generic
// CHECK: arith.select
// CHECK: scf.for
// CHECK: arith.muli
func.func @cumprod_runtime_axis(%x: tensor<2x3xi32>, %axis: tensor<i32>) -> tensor<2x3xi32> {
  %0 = onnx.CumProd %x, %axis {reverse = 1 : i64} : (tensor<2x3xi32>, tensor<i32>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

// CHECK-LABEL: func.func @gather_elements
// CHECK-SAME: (%[[D:.*]]: tensor<3x4xf32>, %[[I:.*]]: tensor<3x2xi64>)
// CHECK: linalg.generic {{.*}} ins(%[[I]] : tensor<3x2xi64>)
// CHECK-NEXT: ^bb0(%[[IDX:.*]]: i64, %{{.*}}: f32):
// CHECK: %[[ROW:.*]] = linalg.index 0 : index
// CHECK: %[[C:.*]] = arith.index_cast %[[IDX]] : i64 to index
// CHECK: %[[COL:.*]] = arith.maxsi
// CHECK: %[[R:.*]] = arith.maxsi
// CHECK: tensor.extract %[[D]][%[[R]], %[[COL]]] : tensor<3x4xf32>
func.func @gather_elements(%d: tensor<3x4xf32>, %i: tensor<3x2xi64>) -> tensor<3x2xf32> {
  %0 = onnx.GatherElements %d, %i {axis = 1 : i64} : (tensor<3x4xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func.func @gather_nd_batch
// CHECK: linalg.generic
// CHECK: tensor.extract %{{.*}} : tensor<2x1xi64>
// CHECK: tensor.extract %{{.*}} : tensor<2x2x3xf32>
func.func @gather_nd_batch(%d: tensor<2x2x3xf32>, %i: tensor<2x1xi64>) -> tensor<2x3xf32> {
  %0 = onnx.GatherND %d, %i {batch_dims = 1 : i64} : (tensor<2x2x3xf32>, tensor<2x1xi64>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Scatters loop over the updates and insert into a fresh copy of the data,
// combining with the old element for reductions.
// CHECK-LABEL: func.func @scatter_elements_add
// CHECK-SAME: (%[[D:.*]]: tensor<3x4xf32>, %[[I:.*]]: tensor<2x2xi64>, %[[U:.*]]: tensor<2x2xf32>)
// CHECK: %[[COPY:.*]] = bufferization.alloc_tensor() copy(%[[D]]) : tensor<3x4xf32>
// CHECK: scf.for %[[A:.*]] = {{.*}} iter_args(%[[T0:.*]] = %[[COPY]])
// CHECK: scf.for %[[B:.*]] = {{.*}} iter_args(%[[T:.*]] = %[[T0]])
// CHECK: tensor.extract %[[I]][%[[A]], %[[B]]] : tensor<2x2xi64>
// CHECK: %[[NEW:.*]] = tensor.extract %[[U]][%[[A]], %[[B]]] : tensor<2x2xf32>
// CHECK: %[[OLD:.*]] = tensor.extract %[[T]][%[[ROW:.*]], %[[COL:.*]]] : tensor<3x4xf32>
// CHECK: %[[SUM:.*]] = arith.addf %[[OLD]], %[[NEW]] : f32
// CHECK: tensor.insert %[[SUM]] into %[[T]][%[[ROW]], %[[COL]]] : tensor<3x4xf32>
func.func @scatter_elements_add(%d: tensor<3x4xf32>, %i: tensor<2x2xi64>, %u: tensor<2x2xf32>) -> tensor<3x4xf32> {
  %0 = onnx.ScatterElements %d, %i, %u {axis = 1 : i64, reduction = "add"} : (tensor<3x4xf32>, tensor<2x2xi64>, tensor<2x2xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func.func @scatter_nd_max
// CHECK: bufferization.alloc_tensor() copy
// CHECK: scf.for
// CHECK: scf.for
// CHECK: tensor.extract %{{.*}} : tensor<2x1xi64>
// CHECK: arith.maximumf
// CHECK: tensor.insert
func.func @scatter_nd_max(%d: tensor<4x4xf32>, %i: tensor<2x1xi64>, %u: tensor<2x4xf32>) -> tensor<4x4xf32> {
  %0 = onnx.ScatterND %d, %i, %u {reduction = "max"} : (tensor<4x4xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

// The depth is a run-time value: the output dim is dynamic.
// CHECK-LABEL: func.func @one_hot
// CHECK-SAME: (%[[I:.*]]: tensor<3xi64>, %[[D:.*]]: tensor<1xf32>, %[[V:.*]]: tensor<2xf32>)
// CHECK: %[[DV:.*]] = tensor.extract %[[D]]
// CHECK: %[[DI:.*]] = arith.fptosi %[[DV]] : f32 to i64
// CHECK: %[[DEPTH:.*]] = arith.index_cast %[[DI]] : i64 to index
// CHECK: %[[OFF:.*]] = tensor.extract %[[V]][%{{.*}}] : tensor<2xf32>
// CHECK: %[[ON:.*]] = tensor.extract %[[V]][%{{.*}}] : tensor<2xf32>
// CHECK: tensor.empty(%[[DEPTH]]) : tensor<3x?xf32>
// CHECK: linalg.generic
// CHECK: arith.select %{{.*}}, %[[ON]], %[[OFF]] : f32
func.func @one_hot(%i: tensor<3xi64>, %d: tensor<1xf32>, %v: tensor<2xf32>) -> tensor<3x?xf32> {
  %0 = onnx.OneHot %i, %d, %v : (tensor<3xi64>, tensor<1xf32>, tensor<2xf32>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// -----

// Hardmax: the first maximum of each slice, then 1 at its position.
// CHECK-LABEL: func.func @hardmax
// CHECK: %[[ARG:.*]] = linalg.generic
// CHECK: scf.for
// CHECK: arith.cmpf ogt
// CHECK: -> tensor<2xindex>
// CHECK: linalg.generic {{.*}} ins(%[[ARG]] : tensor<2xindex>)
func.func @hardmax(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %0 = onnx.Hardmax %x : (tensor<2x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

// CHECK-LABEL: func.func @depth_to_space
// CHECK: tensor.empty() : tensor<1x2x4x6xf32>
// CHECK: linalg.generic
// CHECK: arith.remui
// CHECK: tensor.extract %{{.*}} : tensor<1x8x2x3xf32>
func.func @depth_to_space(%x: tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32> {
  %0 = onnx.DepthToSpace %x {blocksize = 2 : i64} : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
  return %0 : tensor<1x2x4x6xf32>
}

// -----

// TopK with a run-time k: three nested loops (slices, ranks, elements).
// CHECK-LABEL: func.func @top_k
// CHECK: %[[K:.*]] = arith.minsi
// CHECK: tensor.empty(%[[K]]) : tensor<3x?xf32>
// CHECK: tensor.empty(%[[K]]) : tensor<3x?xi64>
// CHECK: scf.for
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[K]]
// CHECK: scf.for
// CHECK: tensor.insert
// CHECK: tensor.insert
func.func @top_k(%x: tensor<3x4xf32>, %k: tensor<1xi64>) -> (tensor<3x?xf32>, tensor<3x?xi64>) {
  %0:2 = onnx.TopK %x, %k : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x?xf32>, tensor<3x?xi64>)
  return %0#0, %0#1 : tensor<3x?xf32>, tensor<3x?xi64>
}

// -----

// Compress counts the selected positions, then gathers them.
// CHECK-LABEL: func.func @compress
// CHECK: %[[COUNT:.*]] = scf.for {{.*}} -> (index)
// CHECK: %[[POS:.*]]:2 = scf.for
// CHECK: scf.if
// CHECK: tensor.empty(%[[COUNT]]) : tensor<3x?xf32>
// CHECK: linalg.generic
// CHECK: tensor.extract %[[POS]]#0
func.func @compress(%x: tensor<3x4xf32>, %c: tensor<4xi1>) -> tensor<3x?xf32> {
  %0 = onnx.Compress %x, %c {axis = 1 : i64} : (tensor<3x4xf32>, tensor<4xi1>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// -----

// Nearest resize along the two axes whose scales are run-time values: one
// generic per axis computing the source coordinate in f64.
// CHECK-LABEL: func.func @resize_nearest
// CHECK: linalg.generic
// CHECK: arith.sitofp %{{.*}} : i64 to f64
// CHECK: math.floor %{{.*}} : f64
// CHECK: tensor.extract %{{.*}} : tensor<1x1x2x2xf32>
// CHECK: -> tensor<1x1x?x2xf32>
// CHECK: linalg.generic
// CHECK: tensor.extract %{{.*}} : tensor<1x1x?x2xf32>
// CHECK: -> tensor<1x1x?x?xf32>
func.func @resize_nearest(%x: tensor<1x1x2x2xf32>, %s: tensor<2xf32>, %none: none) -> tensor<1x1x?x?xf32> {
  %0 = onnx.Resize %x, %none, %s, %none {axes = array<i64: 2, 3>, mode = "nearest"} : (tensor<1x1x2x2xf32>, none, tensor<2xf32>, none) -> tensor<1x1x?x?xf32>
  return %0 : tensor<1x1x?x?xf32>
}

// -----

// Linear resizes sum weighted taps in an scf.for inside the generic.
// CHECK-LABEL: func.func @resize_linear
// CHECK: linalg.generic
// CHECK: scf.for {{.*}} -> (f64, f64)
// CHECK: arith.maximumf
// CHECK: -> tensor<1x1x4x4xf32>
func.func @resize_linear(%x: tensor<1x1x2x2xf32>, %none: none) -> tensor<1x1x4x4xf32> {
  %s = onnx.Constant dense<[1.0, 1.0, 2.0, 2.0]> : tensor<4xf32>
  %0 = onnx.Resize %x, %none, %s, %none {mode = "linear"} : (tensor<1x1x2x2xf32>, none, tensor<4xf32>, none) -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @grid_sample
// CHECK: linalg.generic
// CHECK: tensor.extract %{{.*}} : tensor<1x3x2x2xf32>
// CHECK: math.floor
// CHECK: tensor.extract %{{.*}} : tensor<1x1x4x4xf32>
// CHECK: -> tensor<1x1x3x2xf32>
func.func @grid_sample(%x: tensor<1x1x4x4xf32>, %g: tensor<1x3x2x2xf32>) -> tensor<1x1x3x2xf32> {
  %0 = onnx.GridSample %x, %g : (tensor<1x1x4x4xf32>, tensor<1x3x2x2xf32>) -> tensor<1x1x3x2xf32>
  return %0 : tensor<1x1x3x2xf32>
}

// -----

// Unique: first occurrences, output positions and counts per element, then
// the sources of the output positions; the outputs gather from them.
// CHECK-LABEL: func.func @unique_sorted
// CHECK: %[[FIRST:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<?xindex>)
// CHECK: } -> tensor<?xindex>
// CHECK: %[[COUNT:.*]] = scf.for {{.*}} -> (index)
// CHECK: %[[POS:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<?xindex>)
// CHECK: %[[OCC:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<?xindex>)
// CHECK: %[[SRC:.*]] = scf.for {{.*}} -> (tensor<?xindex>)
// CHECK: scf.if
// CHECK: tensor.empty(%[[COUNT]]) : tensor<?xf32>
// CHECK: tensor.empty(%[[COUNT]]) : tensor<?xi64>
// CHECK: tensor.empty() : tensor<6xi64>
// CHECK: tensor.empty(%[[COUNT]]) : tensor<?xi64>
func.func @unique_sorted(%x: tensor<6xf32>) -> (tensor<?xf32>, tensor<?xi64>, tensor<6xi64>, tensor<?xi64>) {
  %0:4 = onnx.Unique %x : (tensor<6xf32>) -> (tensor<?xf32>, tensor<?xi64>, tensor<6xi64>, tensor<?xi64>)
  return %0#0, %0#1, %0#2, %0#3 : tensor<?xf32>, tensor<?xi64>, tensor<6xi64>, tensor<?xi64>
}

// -----

// TensorScatter is a gather: the update where the position falls in it
// (modulo the cache length when circular), the cache elsewhere.
// CHECK-LABEL: func.func @tensor_scatter_circular
// CHECK-SAME: (%[[C:.*]]: tensor<2x3x8x4xf32>, %[[U:.*]]: tensor<2x3x2x4xf32>, %[[W:.*]]: tensor<2xi64>)
// CHECK: linalg.generic {{.*}} ins(%[[C]] : tensor<2x3x8x4xf32>)
// CHECK-NEXT: ^bb0(%[[OLD:.*]]: f32, %{{.*}}: f32):
// CHECK: tensor.extract %[[W]]
// CHECK: arith.remsi
// CHECK: %[[NEW:.*]] = tensor.extract %[[U]]
// CHECK: arith.select %{{.*}}, %[[NEW]], %[[OLD]] : f32
func.func @tensor_scatter_circular(%c: tensor<2x3x8x4xf32>, %u: tensor<2x3x2x4xf32>, %w: tensor<2xi64>) -> tensor<2x3x8x4xf32> {
  %0 = onnx.TensorScatter %c, %u, %w {mode = "circular"} : (tensor<2x3x8x4xf32>, tensor<2x3x2x4xf32>, tensor<2xi64>) -> tensor<2x3x8x4xf32>
  return %0 : tensor<2x3x8x4xf32>
}

// -----

// CHECK-LABEL: func.func @bitcast_and_isinf
// CHECK: arith.bitcast %{{.*}} : f32 to i32
// CHECK: arith.extui %{{.*}} : i1 to i8
// CHECK: arith.cmpf oeq
// CHECK-NOT: arith.cmpf
// CHECK: arith.ori
func.func @bitcast_and_isinf(%x: tensor<3xf32>, %b: tensor<3xi1>) -> (tensor<3xi32>, tensor<3xui8>, tensor<3xi1>) {
  %0 = onnx.BitCast %x {to = 6 : i64} : (tensor<3xf32>) -> tensor<3xi32>
  %1 = onnx.BitCast %b {to = 2 : i64} : (tensor<3xi1>) -> tensor<3xui8>
  %2 = onnx.IsInf %x {detect_negative = 0 : i64} : (tensor<3xf32>) -> tensor<3xi1>
  return %0, %1, %2 : tensor<3xi32>, tensor<3xui8>, tensor<3xi1>
}

// -----

// NonMaxSuppression fills a buffer of batches * classes * boxes rows and
// returns the filled ones.
// CHECK-LABEL: func.func @nms
// CHECK: %[[BUF:.*]] = tensor.empty(%{{.*}}) : tensor<?x3xi64>
// CHECK: %[[FILLED:.*]]:2 = scf.for
// CHECK: scf.if
// CHECK: arith.divf
// CHECK: tensor.extract_slice %[[FILLED]]#0[0, 0] [%[[FILLED]]#1, 3] [1, 1] : tensor<?x3xi64> to tensor<?x3xi64>
func.func @nms(%b: tensor<1x6x4xf32>, %s: tensor<1x1x6xf32>, %m: tensor<1xi64>, %iou: tensor<1xf32>, %none: none) -> tensor<?x3xi64> {
  %0 = onnx.NonMaxSuppression %b, %s, %m, %iou, %none : (tensor<1x6x4xf32>, tensor<1x1x6xf32>, tensor<1xi64>, tensor<1xf32>, none) -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}
