// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// Gather, Expand, Tile, Pad: a linalg.generic over the output whose body
// reads the input with tensor.extract at a computed, clamped position (Pad
// with a constant value is a tensor.pad).

// The indices' dims replace the gathered axis; negative indices count from
// the end; every index is clamped into [0, size).
// CHECK-DAG: #[[IDX:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d2)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @gather
// CHECK-SAME: (%[[X:.*]]: tensor<5x4x3xf32>, %[[I:.*]]: tensor<2x2xi64>) -> tensor<5x2x2x3xf32>
// CHECK: %[[SIZE:.*]] = arith.constant 4 : index
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<5x2x2x3xf32>
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[IDX]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[I]] : tensor<2x2xi64>) outs(%[[INIT]] : tensor<5x2x2x3xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i64, %{{.*}}: f32):
// CHECK-NEXT: %[[D0:.*]] = linalg.index 0 : index
// CHECK-NEXT: linalg.index 1
// CHECK-NEXT: linalg.index 2
// CHECK-NEXT: %[[D3:.*]] = linalg.index 3 : index
// CHECK-NEXT: %[[IDXV:.*]] = arith.index_cast %[[IN]] : i64 to index
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[NEG:.*]] = arith.cmpi slt, %[[IDXV]], %[[C0]] : index
// CHECK-NEXT: %[[WRAP:.*]] = arith.addi %[[IDXV]], %[[SIZE]] : index
// CHECK-NEXT: %[[SEL:.*]] = arith.select %[[NEG]], %[[WRAP]], %[[IDXV]] : index
// CHECK: %[[LAST:.*]] = arith.subi %[[SIZE]], %{{.*}} : index
// CHECK-NEXT: %[[MIN:.*]] = arith.minsi %[[SEL]], %[[LAST]] : index
// CHECK-NEXT: %[[AT:.*]] = arith.maxsi %[[MIN]], %{{.*}} : index
// CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[D0]], %[[AT]], %[[D3]]] : tensor<5x4x3xf32>
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK: return %[[R]]
func.func @gather(%x: tensor<5x4x3xf32>, %i: tensor<2x2xi64>) -> tensor<5x2x2x3xf32> {
  %0 = onnx.Gather %x, %i {axis = 1 : i64} : (tensor<5x4x3xf32>, tensor<2x2xi64>) -> tensor<5x2x2x3xf32>
  return %0 : tensor<5x2x2x3xf32>
}

// -----

// A scalar unsigned index on a dynamic axis: zero-extended, the axis size
// read at run time.
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0) -> ()>
// CHECK-LABEL: func.func @gather_scalar_unsigned
// CHECK-SAME: (%[[X:.*]]: tensor<?x3xf32>, %[[I:.*]]: tensor<i32>) -> tensor<3xf32>
// CHECK: %[[SIZE:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3xf32>
// CHECK: linalg.generic {indexing_maps = [#[[SCALAR]], #{{.*}}], iterator_types = ["parallel"]} ins(%[[I]] : tensor<i32>)
// CHECK: %[[D0:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[EXT:.*]] = arith.extui %{{.*}} : i32 to i64
// CHECK: arith.addi %{{.*}}, %[[SIZE]] : index
// CHECK: %[[AT:.*]] = arith.maxsi
// CHECK-NEXT: tensor.extract %[[X]][%[[AT]], %[[D0]]] : tensor<?x3xf32>
func.func @gather_scalar_unsigned(%x: tensor<?x3xf32>, %i: tensor<ui32>) -> tensor<3xf32> {
  %0 = onnx.Gather %x, %i : (tensor<?x3xf32>, tensor<ui32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// Size-1 input dims read index 0, the others the output index; missing
// leading dims are broadcast.
// CHECK-LABEL: func.func @expand
// CHECK-SAME: (%[[X:.*]]: tensor<3x1xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<2x3x4xf32>
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#{{.*}}], iterator_types = ["parallel", "parallel", "parallel"]} outs(%[[INIT]] : tensor<2x3x4xf32>)
// CHECK-NEXT: ^bb0
// CHECK-NEXT: linalg.index 0
// CHECK-NEXT: %[[D1:.*]] = linalg.index 1 : index
// CHECK-NEXT: linalg.index 2
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[D1]], %[[C0]]] : tensor<3x1xf32>
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK: return %[[R]]
func.func @expand(%x: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %s = onnx.Constant dense<[2, 1, 4]> : tensor<3xi64>
  %0 = onnx.Expand %x, %s : (tensor<3x1xf32>, tensor<3xi64>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// Run-time target shape: out = shape[i] == 1 ? in[i] : shape[i]; a dynamic
// input dim of size 1 reads index 0 (decided at run time).
// CHECK-LABEL: func.func @expand_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x1xf32>, %[[S:.*]]: tensor<2xi64>) -> tensor<?x?xf32>
// CHECK: %[[IN0:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x1xf32>
// CHECK: %[[E0:.*]] = tensor.extract %[[S]][%{{.*}}] : tensor<2xi64>
// CHECK-NEXT: %[[T0:.*]] = arith.index_cast %[[E0]] : i64 to index
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[IS1:.*]] = arith.cmpi eq, %[[T0]], %[[ONE]] : index
// CHECK-NEXT: %[[OUT0:.*]] = arith.select %[[IS1]], %[[IN0]], %[[T0]] : index
// CHECK: %[[E1:.*]] = tensor.extract %[[S]][%{{.*}}] : tensor<2xi64>
// CHECK: %[[OUT1:.*]] = arith.select
// CHECK: %[[INDIM:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x1xf32>
// CHECK: %[[INIT:.*]] = tensor.empty(%[[OUT0]], %[[OUT1]]) : tensor<?x?xf32>
// CHECK: linalg.generic
// CHECK: %[[D0:.*]] = linalg.index 0 : index
// CHECK: %[[INIS1:.*]] = arith.cmpi eq, %[[INDIM]], %{{.*}} : index
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[I:.*]] = arith.select %[[INIS1]], %[[C0]], %[[D0]] : index
// CHECK: %[[CLAMPED:.*]] = arith.maxsi
// CHECK: tensor.extract %[[X]][%[[CLAMPED]], %{{.*}}] : tensor<?x1xf32>
func.func @expand_dynamic(%x: tensor<?x1xf32>, %s: tensor<2xi64>) -> tensor<?x?xf32> {
  %0 = onnx.Expand %x, %s : (tensor<?x1xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// out[i] = in[i mod n] per dim.
// CHECK-LABEL: func.func @tile
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>) -> tensor<4x9xf32>
// CHECK: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[C3:.*]] = arith.constant 3 : index
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty() : tensor<4x9xf32>
// CHECK-NEXT: %[[R:.*]] = linalg.generic {{.*}} outs(%[[INIT]] : tensor<4x9xf32>)
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[D0:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[D1:.*]] = linalg.index 1 : index
// CHECK-NEXT: %[[I0:.*]] = arith.remui %[[D0]], %[[C2]] : index
// CHECK-NEXT: %[[I1:.*]] = arith.remui %[[D1]], %[[C3]] : index
// CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[I0]], %[[I1]]] : tensor<2x3xf32>
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK: return %[[R]]
func.func @tile(%x: tensor<2x3xf32>) -> tensor<4x9xf32> {
  %r = onnx.Constant dense<[2, 3]> : tensor<2xi64>
  %0 = onnx.Tile %x, %r : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<4x9xf32>
  return %0 : tensor<4x9xf32>
}

// -----

// CHECK-LABEL: func.func @tile_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x3xf32>, %[[R:.*]]: tensor<2xi64>) -> tensor<?x?xf32>
// CHECK: %[[DIM:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3xf32>
// CHECK: %[[R0:.*]] = tensor.extract %[[R]][%{{.*}}] : tensor<2xi64>
// CHECK-NEXT: %[[N0:.*]] = arith.index_cast %[[R0]] : i64 to index
// CHECK-NEXT: %[[OUT0:.*]] = arith.muli %[[DIM]], %[[N0]] : index
// CHECK: %[[R1:.*]] = tensor.extract %[[R]][%{{.*}}] : tensor<2xi64>
// CHECK-NEXT: %[[N1:.*]] = arith.index_cast %[[R1]] : i64 to index
// CHECK-NEXT: %[[OUT1:.*]] = arith.muli %{{.*}}, %[[N1]] : index
// CHECK-NEXT: tensor.empty(%[[OUT0]], %[[OUT1]]) : tensor<?x?xf32>
// CHECK: arith.remui %{{.*}}, %[[DIM]] : index
func.func @tile_dynamic(%x: tensor<?x3xf32>, %r: tensor<2xi64>) -> tensor<?x?xf32> {
  %0 = onnx.Tile %x, %r : (tensor<?x3xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// pads = [begins..., ends...]; the value input is read at run time.
// CHECK-LABEL: func.func @pad_constant
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>, %[[V:.*]]: tensor<f32>) -> tensor<4x7xf32>
// CHECK: %[[VAL:.*]] = tensor.extract %[[V]][] : tensor<f32>
// CHECK-NEXT: %[[P:.*]] = tensor.pad %[[X]] low[1, 2] high[0, 1] {
// CHECK-NEXT: ^bb0(%{{.*}}: index, %{{.*}}: index):
// CHECK-NEXT: tensor.yield %[[VAL]] : f32
// CHECK-NEXT: } : tensor<3x4xf32> to tensor<4x7xf32>
// CHECK-NEXT: return %[[P]]
func.func @pad_constant(%x: tensor<3x4xf32>, %v: tensor<f32>) -> tensor<4x7xf32> {
  %p = onnx.Constant dense<[1, 2, 0, 1]> : tensor<4xi64>
  %none = onnx.NoValue {value}
  %0 = onnx.Pad %x, %p, %v, %none : (tensor<3x4xf32>, tensor<4xi64>, tensor<f32>, none) -> tensor<4x7xf32>
  return %0 : tensor<4x7xf32>
}

// -----

// Pads over the given axes only; without a value the padding is 0.
// CHECK-LABEL: func.func @pad_axes
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xi32>) -> tensor<3x6xi32>
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[P:.*]] = tensor.pad %[[X]] low[0, 1] high[0, 1] {
// CHECK: tensor.yield %[[ZERO]] : i32
// CHECK: } : tensor<3x4xi32> to tensor<3x6xi32>
func.func @pad_axes(%x: tensor<3x4xi32>) -> tensor<3x6xi32> {
  %p = onnx.Constant dense<[1, 1]> : tensor<2xi64>
  %a = onnx.Constant dense<-1> : tensor<1xi64>
  %none = onnx.NoValue {value}
  %0 = onnx.Pad %x, %p, %none, %a : (tensor<3x4xi32>, tensor<2xi64>, none, tensor<1xi64>) -> tensor<3x6xi32>
  return %0 : tensor<3x6xi32>
}

// -----

// Run-time pads: read from the input, negative ones clamped to 0.
// CHECK-LABEL: func.func @pad_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>, %[[PADS:.*]]: tensor<4xi64>) -> tensor<?x?xf32>
// CHECK: %[[E0:.*]] = tensor.extract %[[PADS]][%{{.*}}] : tensor<4xi64>
// CHECK-NEXT: %[[I0:.*]] = arith.index_cast %[[E0]] : i64 to index
// CHECK-NEXT: %[[LOW0:.*]] = arith.maxsi %[[I0]], %{{.*}} : index
// CHECK: %[[HIGH0:.*]] = arith.maxsi
// CHECK: %[[LOW1:.*]] = arith.maxsi
// CHECK: %[[HIGH1:.*]] = arith.maxsi
// CHECK: tensor.pad %[[X]] low[%[[LOW0]], %[[LOW1]]] high[%[[HIGH0]], %[[HIGH1]]]
// CHECK: } : tensor<3x4xf32> to tensor<?x?xf32>
func.func @pad_dynamic(%x: tensor<3x4xf32>, %p: tensor<4xi64>) -> tensor<?x?xf32> {
  %none = onnx.NoValue {value}
  %0 = onnx.Pad %x, %p, %none, %none : (tensor<3x4xf32>, tensor<4xi64>, none, none) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// Run-time axes: each dim takes the pads of the entry whose (normalized)
// axis names it, or none.
// CHECK-LABEL: func.func @pad_runtime_axes
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>, %[[PADS:.*]]: tensor<2xi64>, %[[AXES:.*]]: tensor<1xi64>) -> tensor<?x?xf32>
// CHECK: tensor.extract %[[AXES]]
// CHECK: arith.cmpi slt
// CHECK: %[[LOWP:.*]] = arith.maxsi
// CHECK: %[[HIGHP:.*]] = arith.maxsi
// CHECK: %[[HIT0:.*]] = arith.cmpi eq
// CHECK: %[[LOW0:.*]] = arith.select %[[HIT0]], %[[LOWP]]
// CHECK: %[[HIGH0:.*]] = arith.select %[[HIT0]], %[[HIGHP]]
// CHECK: %[[HIT1:.*]] = arith.cmpi eq
// CHECK: %[[LOW1:.*]] = arith.select %[[HIT1]], %[[LOWP]]
// CHECK: %[[HIGH1:.*]] = arith.select %[[HIT1]], %[[HIGHP]]
// CHECK: tensor.pad %[[X]] low[%[[LOW0]], %[[LOW1]]] high[%[[HIGH0]], %[[HIGH1]]]
func.func @pad_runtime_axes(%x: tensor<3x4xf32>, %p: tensor<2xi64>, %a: tensor<1xi64>) -> tensor<?x?xf32> {
  %none = onnx.NoValue {value}
  %0 = onnx.Pad %x, %p, %none, %a : (tensor<3x4xf32>, tensor<2xi64>, none, tensor<1xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// edge: the index clamped into the input.
// CHECK-LABEL: func.func @pad_edge
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>) -> tensor<3x8xf32>
// CHECK: linalg.generic
// CHECK: %[[D1:.*]] = linalg.index 1 : index
// CHECK: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[I:.*]] = arith.subi %[[D1]], %[[C2]] : index
// CHECK: %[[MIN:.*]] = arith.minsi %[[I]], %{{.*}} : index
// CHECK-NEXT: %[[AT:.*]] = arith.maxsi %[[MIN]], %{{.*}} : index
// CHECK-NEXT: tensor.extract %[[X]][%{{.*}}, %[[AT]]] : tensor<3x4xf32>
// CHECK-NOT: arith.remsi
func.func @pad_edge(%x: tensor<3x4xf32>) -> tensor<3x8xf32> {
  %p = onnx.Constant dense<[0, 2, 0, 2]> : tensor<4xi64>
  %none = onnx.NoValue {value}
  %0 = onnx.Pad %x, %p, %none, %none {mode = "edge"} : (tensor<3x4xf32>, tensor<4xi64>, none, none) -> tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}

// -----

// reflect: mirrored without repeating the edge, with period 2 * (n - 1).
// CHECK-LABEL: func.func @pad_reflect
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>) -> tensor<3x8xf32>
// CHECK: %[[D1:.*]] = linalg.index 1 : index
// CHECK: %[[I:.*]] = arith.subi %[[D1]], %{{.*}} : index
// CHECK: %[[LAST:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// CHECK-NEXT: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[TWICE:.*]] = arith.muli %[[LAST]], %[[C2]] : index
// CHECK-NEXT: %[[PERIOD:.*]] = arith.maxsi %[[TWICE]], %{{.*}} : index
// CHECK-NEXT: %[[M:.*]] = arith.remsi %[[I]], %[[PERIOD]] : index
// CHECK-NEXT: %[[NEG:.*]] = arith.cmpi slt, %[[M]], %{{.*}} : index
// CHECK-NEXT: %[[MP:.*]] = arith.addi %[[M]], %[[PERIOD]] : index
// CHECK-NEXT: %[[POS:.*]] = arith.select %[[NEG]], %[[MP]], %[[M]] : index
// CHECK-NEXT: %[[MIRROR:.*]] = arith.subi %[[PERIOD]], %[[POS]] : index
// CHECK-NEXT: %[[IN:.*]] = arith.cmpi sle, %[[POS]], %[[LAST]] : index
// CHECK-NEXT: %[[SEL:.*]] = arith.select %[[IN]], %[[POS]], %[[MIRROR]] : index
// CHECK: tensor.extract %[[X]]
func.func @pad_reflect(%x: tensor<3x4xf32>) -> tensor<3x8xf32> {
  %p = onnx.Constant dense<[0, 2, 0, 2]> : tensor<4xi64>
  %none = onnx.NoValue {value}
  %0 = onnx.Pad %x, %p, %none, %none {mode = "reflect"} : (tensor<3x4xf32>, tensor<4xi64>, none, none) -> tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}

// -----

// wrap: the index modulo n, made non-negative.
// CHECK-LABEL: func.func @pad_wrap
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>) -> tensor<3x8xf32>
// CHECK: %[[N:.*]] = arith.constant 4 : index
// CHECK: %[[D1:.*]] = linalg.index 1 : index
// CHECK: %[[I:.*]] = arith.subi %[[D1]], %{{.*}} : index
// CHECK: %[[M:.*]] = arith.remsi %[[I]], %[[N]] : index
// CHECK-NEXT: %[[NEG:.*]] = arith.cmpi slt, %[[M]], %{{.*}} : index
// CHECK-NEXT: %[[MP:.*]] = arith.addi %[[M]], %[[N]] : index
// CHECK-NEXT: arith.select %[[NEG]], %[[MP]], %[[M]] : index
// CHECK: tensor.extract %[[X]]
func.func @pad_wrap(%x: tensor<3x4xf32>) -> tensor<3x8xf32> {
  %p = onnx.Constant dense<[0, 2, 0, 2]> : tensor<4xi64>
  %none = onnx.NoValue {value}
  %0 = onnx.Pad %x, %p, %none, %none {mode = "wrap"} : (tensor<3x4xf32>, tensor<4xi64>, none, none) -> tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}
