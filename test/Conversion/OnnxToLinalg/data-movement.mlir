// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// Reshape, Flatten, Squeeze, Unsqueeze, Transpose, Concat, Split, Slice.

// A static result: tensor.reshape with a constant shape.
// CHECK-LABEL: func.func @reshape_static
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<6x4xf32>
// CHECK: %[[C6:.*]] = arith.constant 6 : index
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[SHAPE:.*]] = tensor.from_elements %[[C6]], %[[C4]] : tensor<2xindex>
// CHECK-NEXT: %[[R:.*]] = tensor.reshape %[[X]](%[[SHAPE]]) : (tensor<2x3x4xf32>, tensor<2xindex>) -> tensor<6x4xf32>
// CHECK: return %[[R]]
func.func @reshape_static(%x: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  %s = onnx.Constant dense<[6, 4]> : tensor<2xi64>
  %0 = onnx.Reshape %x, %s : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// -----

// A shape only known at run time: 0 copies the input dim (allowzero = 0), -1
// is the element count divided by the product of the other dims.
// CHECK-LABEL: func.func @reshape_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xf32>, %[[S:.*]]: tensor<2xi64>) -> tensor<?x?xf32>
// CHECK: %[[DIM0:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x4xf32>
// CHECK: arith.muli %{{.*}}, %[[DIM0]] : index
// CHECK: %[[TOTAL:.*]] = arith.muli %{{.*}}, %{{.*}} : index
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[CM1:.*]] = arith.constant -1 : index
// CHECK: %[[E0:.*]] = tensor.extract %[[S]][%{{.*}}] : tensor<2xi64>
// CHECK: %[[I0:.*]] = arith.index_cast %[[E0]] : i64 to index
// CHECK: %[[ZERO0:.*]] = arith.cmpi eq, %[[I0]], %[[C0]]
// CHECK: %[[D0:.*]] = arith.select %[[ZERO0]], %[[DIM0]], %[[I0]] : index
// CHECK: %[[E1:.*]] = tensor.extract %[[S]][%{{.*}}] : tensor<2xi64>
// CHECK: %[[I1:.*]] = arith.index_cast %[[E1]] : i64 to index
// CHECK: %[[ZERO1:.*]] = arith.cmpi eq, %[[I1]], %[[C0]]
// CHECK: %[[D1:.*]] = arith.select %[[ZERO1]], %{{.*}}, %[[I1]] : index
// CHECK: %[[KNOWN:.*]] = arith.muli %{{.*}}, %{{.*}} : index
// CHECK-NEXT: %[[INFERRED:.*]] = arith.divui %[[TOTAL]], %[[KNOWN]] : index
// CHECK: %[[IS0:.*]] = arith.cmpi eq, %[[D0]], %[[CM1]]
// CHECK: %[[R0:.*]] = arith.select %[[IS0]], %[[INFERRED]], %[[D0]]
// CHECK: %[[IS1:.*]] = arith.cmpi eq, %[[D1]], %[[CM1]]
// CHECK: %[[R1:.*]] = arith.select %[[IS1]], %[[INFERRED]], %[[D1]]
// CHECK: %[[SHAPE:.*]] = tensor.from_elements %[[R0]], %[[R1]] : tensor<2xindex>
// CHECK: tensor.reshape %[[X]](%[[SHAPE]]) : (tensor<?x4xf32>, tensor<2xindex>) -> tensor<?x?xf32>
func.func @reshape_dynamic(%x: tensor<?x4xf32>, %s: tensor<2xi64>) -> tensor<?x?xf32> {
  %0 = onnx.Reshape %x, %s : (tensor<?x4xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// With allowzero = 1 a 0 is a 0: no select on the input dim.
// CHECK-LABEL: func.func @reshape_allowzero
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xf32>, %[[S:.*]]: tensor<2xi64>)
// CHECK: %[[DIM:.*]] = tensor.dim %[[X]]
// CHECK-NOT: arith.select %{{.*}}, %[[DIM]], %{{.*}}
// CHECK: arith.divui
// CHECK-NOT: arith.select %{{.*}}, %[[DIM]], %{{.*}}
// CHECK: tensor.reshape %[[X]]
func.func @reshape_allowzero(%x: tensor<?x4xf32>, %s: tensor<2xi64>) -> tensor<?x?xf32> {
  %0 = onnx.Reshape %x, %s {allowzero = 1 : i64} : (tensor<?x4xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @flatten
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<6x4xf32>
// CHECK: %[[C6:.*]] = arith.constant 6 : index
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[SHAPE:.*]] = tensor.from_elements %[[C6]], %[[C4]] : tensor<2xindex>
// CHECK-NEXT: tensor.reshape %[[X]](%[[SHAPE]]) : (tensor<2x3x4xf32>, tensor<2xindex>) -> tensor<6x4xf32>
func.func @flatten(%x: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  %0 = onnx.Flatten %x {axis = 2 : i64} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// -----

// The dynamic outer size is the product of the dims before axis.
// CHECK-LABEL: func.func @flatten_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x3x4xf32>) -> tensor<?x12xf32>
// CHECK: %[[DIM:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3x4xf32>
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[OUTER:.*]] = arith.muli %[[C1]], %[[DIM]] : index
// CHECK: %[[C12:.*]] = arith.constant 12 : index
// CHECK-NEXT: %[[SHAPE:.*]] = tensor.from_elements %[[OUTER]], %[[C12]] : tensor<2xindex>
// CHECK: tensor.reshape %[[X]](%[[SHAPE]]) : (tensor<?x3x4xf32>, tensor<2xindex>) -> tensor<?x12xf32>
func.func @flatten_dynamic(%x: tensor<?x3x4xf32>) -> tensor<?x12xf32> {
  %0 = onnx.Flatten %x : (tensor<?x3x4xf32>) -> tensor<?x12xf32>
  return %0 : tensor<?x12xf32>
}

// -----

// Squeeze and Unsqueeze are reshapes; dynamic dims keep their run-time size.
// CHECK-LABEL: func.func @squeeze
// CHECK-SAME: (%[[X:.*]]: tensor<?x1x4xf32>) -> tensor<?x4xf32>
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[DIM:.*]] = tensor.dim %[[X]], %[[C0]]
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[SHAPE:.*]] = tensor.from_elements %[[DIM]], %[[C4]] : tensor<2xindex>
// CHECK: tensor.reshape %[[X]](%[[SHAPE]]) : (tensor<?x1x4xf32>, tensor<2xindex>) -> tensor<?x4xf32>
func.func @squeeze(%x: tensor<?x1x4xf32>) -> tensor<?x4xf32> {
  %a = onnx.Constant dense<1> : tensor<1xi64>
  %0 = onnx.Squeeze %x, %a : (tensor<?x1x4xf32>, tensor<1xi64>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// CHECK-LABEL: func.func @unsqueeze
// CHECK-SAME: (%[[X:.*]]: tensor<3x?xf32>) -> tensor<1x3x?x1xf32>
// CHECK: %[[DIM:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<3x?xf32>
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[C3:.*]] = arith.constant 3 : index
// CHECK-NEXT: %[[ONE2:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[SHAPE:.*]] = tensor.from_elements %[[ONE]], %[[C3]], %[[DIM]], %[[ONE2]] : tensor<4xindex>
// CHECK: tensor.reshape %[[X]](%[[SHAPE]]) : (tensor<3x?xf32>, tensor<4xindex>) -> tensor<1x3x?x1xf32>
func.func @unsqueeze(%x: tensor<3x?xf32>) -> tensor<1x3x?x1xf32> {
  %a = onnx.Constant dense<[0, 3]> : tensor<2xi64>
  %0 = onnx.Unsqueeze %x, %a : (tensor<3x?xf32>, tensor<2xi64>) -> tensor<1x3x?x1xf32>
  return %0 : tensor<1x3x?x1xf32>
}

// -----

// CHECK-LABEL: func.func @transpose
// CHECK-SAME: (%[[X:.*]]: tensor<2x?x4xf32>) -> tensor<4x2x?xf32>
// CHECK: %[[C1:.*]] = arith.constant 1 : index
// CHECK: %[[DIM:.*]] = tensor.dim %[[X]], %[[C1]]
// CHECK: %[[INIT:.*]] = tensor.empty(%[[DIM]]) : tensor<4x2x?xf32>
// CHECK: %[[T:.*]] = linalg.transpose ins(%[[X]] : tensor<2x?x4xf32>) outs(%[[INIT]] : tensor<4x2x?xf32>) permutation = [2, 0, 1]
// CHECK: return %[[T]]
func.func @transpose(%x: tensor<2x?x4xf32>) -> tensor<4x2x?xf32> {
  %0 = onnx.Transpose %x {perm = array<i64: 2, 0, 1>} : (tensor<2x?x4xf32>) -> tensor<4x2x?xf32>
  return %0 : tensor<4x2x?xf32>
}

// -----

// An empty perm reverses the dims.
// CHECK-LABEL: func.func @transpose_default
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x3x4xf32>) outs(%{{.*}} : tensor<4x3x2xf32>) permutation = [2, 1, 0]
func.func @transpose_default(%x: tensor<2x3x4xf32>) -> tensor<4x3x2xf32> {
  %0 = onnx.Transpose %x : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  return %0 : tensor<4x3x2xf32>
}

// -----

// Each input is inserted at the running offset along the axis.
// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x?xf32>) -> tensor<2x?xf32>
// CHECK: %[[BDIM:.*]] = tensor.dim %[[B]], %{{.*}} : tensor<2x?xf32>
// CHECK: %[[TOTAL:.*]] = arith.addi %{{.*}}, %[[BDIM]] : index
// CHECK: %[[INIT:.*]] = tensor.empty(%[[TOTAL]]) : tensor<2x?xf32>
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[INS0:.*]] = tensor.insert_slice %[[A]] into %[[INIT]][0, %[[C0]]] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<2x?xf32>
// CHECK: %[[OFF:.*]] = arith.addi %[[C0]], %{{.*}} : index
// CHECK: %[[BDIM2:.*]] = tensor.dim %[[B]], %{{.*}} : tensor<2x?xf32>
// CHECK: %[[INS1:.*]] = tensor.insert_slice %[[B]] into %[[INS0]][0, %[[OFF]]] [2, %[[BDIM2]]] [1, 1] : tensor<2x?xf32> into tensor<2x?xf32>
// CHECK: return %[[INS1]]
func.func @concat(%a: tensor<2x3xf32>, %b: tensor<2x?xf32>) -> tensor<2x?xf32> {
  %0 = onnx.Concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x?xf32>) -> tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}

// -----

// Sizes from the result types: slices at offsets 0 and 2.
// CHECK-LABEL: func.func @split
// CHECK-SAME: (%[[X:.*]]: tensor<4x6xf32>) -> (tensor<4x2xf32>, tensor<4x4xf32>)
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[C2:.*]] = arith.constant 2 : index
// CHECK: %[[S0:.*]] = tensor.extract_slice %[[X]][0, %[[C0]]] [4, %[[C2]]] [1, 1] : tensor<4x6xf32> to tensor<4x?xf32>
// CHECK: %[[R0:.*]] = tensor.cast %[[S0]] : tensor<4x?xf32> to tensor<4x2xf32>
// CHECK: %[[OFF:.*]] = arith.addi %[[C0]], %[[C2]] : index
// CHECK: %[[C4:.*]] = arith.constant 4 : index
// CHECK: %[[S1:.*]] = tensor.extract_slice %[[X]][0, %[[OFF]]] [4, %[[C4]]] [1, 1] : tensor<4x6xf32> to tensor<4x?xf32>
// CHECK: %[[R1:.*]] = tensor.cast %[[S1]] : tensor<4x?xf32> to tensor<4x4xf32>
// CHECK: return %[[R0]], %[[R1]]
func.func @split(%x: tensor<4x6xf32>) -> (tensor<4x2xf32>, tensor<4x4xf32>) {
  %s = onnx.Constant dense<[2, 4]> : tensor<2xi64>
  %0:2 = onnx.Split %x, %s {axis = 1 : i64} : (tensor<4x6xf32>, tensor<2xi64>) -> (tensor<4x2xf32>, tensor<4x4xf32>)
  return %0#0, %0#1 : tensor<4x2xf32>, tensor<4x4xf32>
}

// -----

// A dynamic axis without split sizes: chunks of ceil(n / outputs), the last
// one what remains.
// CHECK-LABEL: func.func @split_even_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x6xf32>, %{{.*}}: none) -> (tensor<?x6xf32>, tensor<?x6xf32>)
// CHECK: %[[DIM:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x6xf32>
// CHECK: %[[C2:.*]] = arith.constant 2 : index
// CHECK: %[[CHUNK:.*]] = arith.ceildivui %[[DIM]], %[[C2]] : index
// CHECK: %[[REST0:.*]] = arith.subi %[[DIM]], %{{.*}} : index
// CHECK: %[[SIZE0:.*]] = arith.minui %[[CHUNK]], %[[REST0]] : index
// CHECK: %[[S0:.*]] = tensor.extract_slice %[[X]][%{{.*}}, 0] [%[[SIZE0]], 6] [1, 1]
// CHECK: %[[OFF:.*]] = arith.addi %{{.*}}, %[[SIZE0]] : index
// CHECK: %[[REST1:.*]] = arith.subi %[[DIM]], %[[OFF]] : index
// CHECK: %[[SIZE1:.*]] = arith.minui %[[CHUNK]], %[[REST1]] : index
// CHECK: %[[S1:.*]] = tensor.extract_slice %[[X]][%[[OFF]], 0] [%[[SIZE1]], 6] [1, 1]
// CHECK: return %[[S0]], %[[S1]]
func.func @split_even_dynamic(%x: tensor<?x6xf32>, %none: none) -> (tensor<?x6xf32>, tensor<?x6xf32>) {
  %0:2 = onnx.Split %x, %none : (tensor<?x6xf32>, none) -> (tensor<?x6xf32>, tensor<?x6xf32>)
  return %0#0, %0#1 : tensor<?x6xf32>, tensor<?x6xf32>
}

// -----

// Split sizes only known at run time are read from the split input.
// CHECK-LABEL: func.func @split_sizes_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x6xf32>, %[[SPLIT:.*]]: tensor<2xi64>)
// CHECK: %[[E0:.*]] = tensor.extract %[[SPLIT]][%{{.*}}] : tensor<2xi64>
// CHECK: %[[SIZE0:.*]] = arith.index_cast %[[E0]] : i64 to index
// CHECK: tensor.extract_slice %[[X]][%{{.*}}, 0] [%[[SIZE0]], 6] [1, 1]
// CHECK: %[[E1:.*]] = tensor.extract %[[SPLIT]][%{{.*}}] : tensor<2xi64>
// CHECK: %[[SIZE1:.*]] = arith.index_cast %[[E1]] : i64 to index
// CHECK: tensor.extract_slice %[[X]][%{{.*}}, 0] [%[[SIZE1]], 6] [1, 1]
func.func @split_sizes_dynamic(%x: tensor<?x6xf32>, %s: tensor<2xi64>) -> (tensor<?x6xf32>, tensor<?x6xf32>) {
  %0:2 = onnx.Split %x, %s : (tensor<?x6xf32>, tensor<2xi64>) -> (tensor<?x6xf32>, tensor<?x6xf32>)
  return %0#0, %0#1 : tensor<?x6xf32>, tensor<?x6xf32>
}

// -----

// Positive steps: one strided tensor.extract_slice; starts and ends are
// clamped at run time, the static result size comes from the type.
// CHECK-LABEL: func.func @slice
// CHECK-SAME: (%[[X:.*]]: tensor<10x4xf32>) -> tensor<3x4xf32>
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[C10:.*]] = arith.constant 10 : index
// CHECK: %[[START:.*]] = arith.index_cast %{{.*}} : i64 to index
// CHECK: %[[MIN:.*]] = arith.minsi %[[START]], %[[C10]] : index
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %{{.*}}, %[[C0]] : index
// CHECK: %[[WRAPPED:.*]] = arith.select %[[NEG]], %{{.*}}, %{{.*}} : index
// CHECK: %[[HI:.*]] = arith.minsi %[[WRAPPED]], %[[C10]] : index
// CHECK: %[[OFFSET:.*]] = arith.maxsi %[[HI]], %[[C0]] : index
// CHECK: %[[R:.*]] = tensor.extract_slice %[[X]][%[[OFFSET]], 0] [3, 4] [2, 1] : tensor<10x4xf32> to tensor<3x4xf32>
// CHECK: return %[[R]]
func.func @slice(%x: tensor<10x4xf32>) -> tensor<3x4xf32> {
  %s = onnx.Constant dense<1> : tensor<1xi64>
  %e = onnx.Constant dense<7> : tensor<1xi64>
  %a = onnx.Constant dense<0> : tensor<1xi64>
  %st = onnx.Constant dense<2> : tensor<1xi64>
  %0 = onnx.Slice %x, %s, %e, %a, %st : (tensor<10x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// A dynamic result: the size is max(ceil((end - start) / step), 0).
// CHECK-LABEL: func.func @slice_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?xf32>, %[[S:.*]]: tensor<1xi64>, %[[E:.*]]: tensor<1xi64>
// CHECK: %[[DIM:.*]] = tensor.dim %[[X]]
// CHECK: tensor.extract %[[S]]
// CHECK: tensor.extract %[[E]]
// CHECK: %[[SPAN:.*]] = arith.subi %[[END:[0-9]+]], %[[START:[0-9]+]] : index
// CHECK-NEXT: %[[COUNT:.*]] = arith.ceildivsi %[[SPAN]], %{{.*}} : index
// CHECK-NEXT: %[[SIZE:.*]] = arith.maxsi %[[COUNT]], %{{.*}} : index
// CHECK-NEXT: tensor.extract_slice %[[X]][%[[START]]] [%[[SIZE]]] [1] : tensor<?xf32> to tensor<?xf32>
func.func @slice_dynamic(%x: tensor<?xf32>, %s: tensor<1xi64>, %e: tensor<1xi64>, %none: none) -> tensor<?xf32> {
  %0 = onnx.Slice %x, %s, %e, %none, %none : (tensor<?xf32>, tensor<1xi64>, tensor<1xi64>, none, none) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// Negative steps: a linalg.generic reading in[start + i * step].
// CHECK-LABEL: func.func @slice_reverse
// CHECK-SAME: (%[[X:.*]]: tensor<10xf32>) -> tensor<10xf32>
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[START:.*]] = arith.maxsi %{{.*}}, %[[C0]] : index
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<10xf32>
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#{{.*}}], iterator_types = ["parallel"]} outs(%[[INIT]] : tensor<10xf32>)
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[CM1:.*]] = arith.constant -1 : index
// CHECK: %[[STEP:.*]] = arith.muli %[[I]], %[[CM1]] : index
// CHECK: %[[AT:.*]] = arith.addi %[[START]], %[[STEP]] : index
// CHECK: %[[V:.*]] = tensor.extract %[[X]][%[[AT]]] : tensor<10xf32>
// CHECK: linalg.yield %[[V]] : f32
// CHECK: return %[[R]]
func.func @slice_reverse(%x: tensor<10xf32>) -> tensor<10xf32> {
  %s = onnx.Constant dense<-1> : tensor<1xi64>
  %e = onnx.Constant dense<-9223372036854775808> : tensor<1xi64>
  %none = onnx.NoValue {value}
  %0 = onnx.Slice %x, %s, %e, %none, %s : (tensor<10xf32>, tensor<1xi64>, tensor<1xi64>, none, tensor<1xi64>) -> tensor<10xf32>
  return %0 : tensor<10xf32>
}

// -----

// Unsigned element types become signless.
// CHECK-LABEL: func.func @transpose_unsigned
// CHECK-SAME: (%{{.*}}: tensor<2x3xi8>) -> tensor<3x2xi8>
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x3xi8>) outs(%{{.*}} : tensor<3x2xi8>) permutation = [1, 0]
func.func @transpose_unsigned(%x: tensor<2x3xui8>) -> tensor<3x2xui8> {
  %0 = onnx.Transpose %x : (tensor<2x3xui8>) -> tensor<3x2xui8>
  return %0 : tensor<3x2xui8>
}

// -----

// Unsqueeze with axes known at run time: each result dim is 1 where a
// (normalized) axis names it, else the next input dim; a tensor.reshape.
// CHECK-LABEL: func.func @unsqueeze_runtime_axes
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>, %[[A:.*]]: tensor<1xi64>) -> tensor<?x?x?xf32>
// CHECK: %[[A0:.*]] = tensor.extract %[[A]]
// CHECK: arith.index_cast %[[A0]] : i64 to index
// CHECK: arith.cmpi slt
// CHECK: %[[SHAPE:.*]] = tensor.from_elements %{{.*}}, %{{.*}}, %{{.*}} : tensor<3xindex>
// CHECK: %[[R:.*]] = tensor.reshape %[[X]](%[[SHAPE]]) : (tensor<3x4xf32>, tensor<3xindex>) -> tensor<?x?x?xf32>
// CHECK: return %[[R]]
func.func @unsqueeze_runtime_axes(%x: tensor<3x4xf32>, %a: tensor<1xi64>) -> tensor<?x?x?xf32> {
  %0 = onnx.Unsqueeze %x, %a : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

// -----

// Squeeze with axes known at run time: the dims no axis names, in order;
// when their element count differs from the input's (invalid axes) every
// dim is 0.
// CHECK-LABEL: func.func @squeeze_runtime_axes
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x1x4xf32>, %[[A:.*]]: tensor<2xi64>) -> tensor<?x?xf32>
// CHECK-COUNT-2: tensor.extract %[[A]]
// CHECK: %[[VALID:.*]] = arith.cmpi eq, %{{[0-9]+}}, %{{[0-9]+}} : index
// CHECK-NEXT: %[[D0:.*]] = arith.select %[[VALID]], %{{.*}}, %{{.*}} : index
// CHECK-NEXT: %[[D1:.*]] = arith.select %[[VALID]], %{{.*}}, %{{.*}} : index
// CHECK-NEXT: %[[SHAPE:.*]] = tensor.from_elements %[[D0]], %[[D1]] : tensor<2xindex>
// CHECK: %[[R:.*]] = tensor.reshape %[[X]](%[[SHAPE]]) : (tensor<1x3x1x4xf32>, tensor<2xindex>) -> tensor<?x?xf32>
// CHECK: return %[[R]]
func.func @squeeze_runtime_axes(%x: tensor<1x3x1x4xf32>, %a: tensor<2xi64>) -> tensor<?x?xf32> {
  %0 = onnx.Squeeze %x, %a : (tensor<1x3x1x4xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// Slice with axes and steps known at run time: each dim takes the bounds of
// the entry whose axis names it (computed for both step signs), or the
// whole dim; a gather with run-time offsets and strides.
// CHECK-LABEL: func.func @slice_runtime_axes_steps
// CHECK-SAME: (%[[X:.*]]: tensor<20x10xf32>, %[[S:.*]]: tensor<1xi64>, %[[E:.*]]: tensor<1xi64>, %[[A:.*]]: tensor<1xi64>, %[[ST:.*]]: tensor<1xi64>)
// CHECK: tensor.extract %[[A]]
// CHECK: tensor.extract %[[ST]]
// CHECK: arith.ceildivsi
// CHECK: %[[INIT:.*]] = tensor.empty(%{{.*}}, %{{.*}}) : tensor<?x?xf32>
// CHECK: %[[R:.*]] = linalg.generic {{.*}} outs(%[[INIT]] : tensor<?x?xf32>)
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: arith.muli %[[I]], %{{.*}} : index
// CHECK: %[[V:.*]] = tensor.extract %[[X]][%{{.*}}, %{{.*}}] : tensor<20x10xf32>
// CHECK: linalg.yield %[[V]] : f32
// CHECK: return %[[R]]
func.func @slice_runtime_axes_steps(%x: tensor<20x10xf32>, %s: tensor<1xi64>, %e: tensor<1xi64>, %a: tensor<1xi64>, %st: tensor<1xi64>) -> tensor<?x?xf32> {
  %0 = onnx.Slice %x, %s, %e, %a, %st : (tensor<20x10xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
