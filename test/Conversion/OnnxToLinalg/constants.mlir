// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// Constant, Identity, Shape, Size, ConstantOfShape, Range.

// Constants become arith.constant; unsigned values keep their bits in the
// signless type.
// CHECK-LABEL: func.func @constant
// CHECK-SAME: () -> (tensor<2xf32>, tensor<2xi8>, tensor<3xi1>)
// CHECK-NEXT: %[[F:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %[[U:.*]] = arith.constant dense<[1, -1]> : tensor<2xi8>
// CHECK-NEXT: %[[B:.*]] = arith.constant dense<[true, false, true]> : tensor<3xi1>
// CHECK-NEXT: return %[[F]], %[[U]], %[[B]]
func.func @constant() -> (tensor<2xf32>, tensor<2xui8>, tensor<3xi1>) {
  %0 = onnx.Constant dense<[1.0, 2.0]> : tensor<2xf32>
  %1 = onnx.Constant dense<[1, 255]> : tensor<2xui8>
  %2 = onnx.Constant dense<[true, false, true]> : tensor<3xi1>
  return %0, %1, %2 : tensor<2xf32>, tensor<2xui8>, tensor<3xi1>
}

// -----

// Dense resources stay resources (no copy of the bytes).
// CHECK-LABEL: func.func @constant_resource
// CHECK-NEXT: %[[W:.*]] = arith.constant dense_resource<weights> : tensor<2xf32>
// CHECK-NEXT: %[[U:.*]] = arith.constant dense_resource<bytes> : tensor<2xi8>
// CHECK-NEXT: return %[[W]], %[[U]]
func.func @constant_resource() -> (tensor<2xf32>, tensor<2xui8>) {
  %0 = onnx.Constant dense_resource<weights> : tensor<2xf32>
  %1 = onnx.Constant dense_resource<bytes> : tensor<2xui8>
  return %0, %1 : tensor<2xf32>, tensor<2xui8>
}

{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F00000040",
      bytes: "0x010000000102"
    }
  }
#-}

// -----

// CHECK-LABEL: func.func @identity
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[X]]
func.func @identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = onnx.Identity %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A more precise result type: a tensor.cast.
// CHECK-LABEL: func.func @identity_cast
// CHECK-SAME: (%[[X:.*]]: tensor<?x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[C:.*]] = tensor.cast %[[X]] : tensor<?x3xf32> to tensor<2x3xf32>
// CHECK-NEXT: return %[[C]]
func.func @identity_cast(%x: tensor<?x3xf32>) -> tensor<2x3xf32> {
  %0 = onnx.Identity %x : (tensor<?x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Shape: the (run-time) dims as i64, from `start` to `end`.
// CHECK-LABEL: func.func @shape
// CHECK-SAME: (%[[X:.*]]: tensor<?x3x?xf32>) -> (tensor<3xi64>, tensor<1xi64>)
// CHECK: %[[D0:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3x?xf32>
// CHECK-NEXT: %[[I0:.*]] = arith.index_cast %[[D0]] : index to i64
// CHECK-NEXT: %[[C3:.*]] = arith.constant 3 : index
// CHECK-NEXT: %[[I1:.*]] = arith.index_cast %[[C3]] : index to i64
// CHECK-NEXT: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[D2:.*]] = tensor.dim %[[X]], %[[C2]] : tensor<?x3x?xf32>
// CHECK-NEXT: %[[I2:.*]] = arith.index_cast %[[D2]] : index to i64
// CHECK-NEXT: %[[ALL:.*]] = tensor.from_elements %[[I0]], %[[I1]], %[[I2]] : tensor<3xi64>
// CHECK: %[[LAST:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3x?xf32>
// CHECK-NEXT: %[[ILAST:.*]] = arith.index_cast %[[LAST]] : index to i64
// CHECK-NEXT: %[[TAIL:.*]] = tensor.from_elements %[[ILAST]] : tensor<1xi64>
// CHECK-NEXT: return %[[ALL]], %[[TAIL]]
func.func @shape(%x: tensor<?x3x?xf32>) -> (tensor<3xi64>, tensor<1xi64>) {
  %0 = onnx.Shape %x : (tensor<?x3x?xf32>) -> tensor<3xi64>
  %1 = onnx.Shape %x {start = -1 : i64} : (tensor<?x3x?xf32>) -> tensor<1xi64>
  return %0, %1 : tensor<3xi64>, tensor<1xi64>
}

// -----

// start after end: an empty shape.
// CHECK-LABEL: func.func @shape_empty
// CHECK-NEXT: %[[E:.*]] = arith.constant dense<> : tensor<0xi64>
// CHECK-NEXT: return %[[E]]
func.func @shape_empty(%x: tensor<?x3xf32>) -> tensor<0xi64> {
  %0 = onnx.Shape %x {start = 2 : i64, end = 1 : i64} : (tensor<?x3xf32>) -> tensor<0xi64>
  return %0 : tensor<0xi64>
}

// -----

// CHECK-LABEL: func.func @size
// CHECK-SAME: (%[[X:.*]]: tensor<?x3xf32>) -> tensor<i64>
// CHECK: %[[D0:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3xf32>
// CHECK-NEXT: %[[P0:.*]] = arith.muli %{{.*}}, %[[D0]] : index
// CHECK-NEXT: %[[C3:.*]] = arith.constant 3 : index
// CHECK-NEXT: %[[P1:.*]] = arith.muli %[[P0]], %[[C3]] : index
// CHECK-NEXT: %[[I:.*]] = arith.index_cast %[[P1]] : index to i64
// CHECK-NEXT: %[[R:.*]] = tensor.from_elements %[[I]] : tensor<i64>
// CHECK-NEXT: return %[[R]]
func.func @size(%x: tensor<?x3xf32>) -> tensor<i64> {
  %0 = onnx.Size %x : (tensor<?x3xf32>) -> tensor<i64>
  return %0 : tensor<i64>
}

// -----

// ConstantOfShape: a fill of `value` (0.0 f32 by default); run-time dims are
// read from the shape input.
// CHECK-LABEL: func.func @constant_of_shape
// CHECK-SAME: (%[[S:.*]]: tensor<2xi64>) -> (tensor<?x?xi32>, tensor<2x3xf32>)
// CHECK: %[[E0:.*]] = tensor.extract %[[S]][%{{.*}}] : tensor<2xi64>
// CHECK-NEXT: %[[D0:.*]] = arith.index_cast %[[E0]] : i64 to index
// CHECK: %[[E1:.*]] = tensor.extract %[[S]][%{{.*}}] : tensor<2xi64>
// CHECK-NEXT: %[[D1:.*]] = arith.index_cast %[[E1]] : i64 to index
// CHECK-NEXT: %[[SEVEN:.*]] = arith.constant 7 : i32
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty(%[[D0]], %[[D1]]) : tensor<?x?xi32>
// CHECK-NEXT: %[[FILL:.*]] = linalg.fill ins(%[[SEVEN]] : i32) outs(%[[INIT]] : tensor<?x?xi32>) -> tensor<?x?xi32>
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[INIT2:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK-NEXT: %[[FILL2:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[INIT2]] : tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[FILL]], %[[FILL2]]
func.func @constant_of_shape(%s: tensor<2xi64>) -> (tensor<?x?xi32>, tensor<2x3xf32>) {
  %0 = onnx.ConstantOfShape %s {value = dense<7> : tensor<1xi32>} : (tensor<2xi64>) -> tensor<?x?xi32>
  %c = onnx.Constant dense<[2, 3]> : tensor<2xi64>
  %1 = onnx.ConstantOfShape %c : (tensor<2xi64>) -> tensor<2x3xf32>
  return %0, %1 : tensor<?x?xi32>, tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @constant_of_shape_unsigned
// CHECK: %[[V:.*]] = arith.constant -1 : i8
// CHECK: linalg.fill ins(%[[V]] : i8) outs(%{{.*}} : tensor<4xi8>) -> tensor<4xi8>
func.func @constant_of_shape_unsigned() -> tensor<4xui8> {
  %c = onnx.Constant dense<4> : tensor<1xi64>
  %0 = onnx.ConstantOfShape %c {value = dense<255> : tensor<1xui8>} : (tensor<1xi64>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// Range: n = max(ceil((limit - start) / delta), 0) elements start + i * delta.
// CHECK: #[[ID:.*]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @range_float
// CHECK-SAME: (%[[S:.*]]: tensor<f32>, %[[L:.*]]: tensor<f32>, %[[D:.*]]: tensor<f32>) -> tensor<?xf32>
// CHECK: %[[START:.*]] = tensor.extract %[[S]][] : tensor<f32>
// CHECK-NEXT: %[[LIMIT:.*]] = tensor.extract %[[L]][] : tensor<f32>
// CHECK-NEXT: %[[DELTA:.*]] = tensor.extract %[[D]][] : tensor<f32>
// CHECK-NEXT: %[[SPAN:.*]] = arith.subf %[[LIMIT]], %[[START]] : f32
// CHECK-NEXT: %[[Q:.*]] = arith.divf %[[SPAN]], %[[DELTA]] : f32
// CHECK-NEXT: %[[CEIL:.*]] = math.ceil %[[Q]] : f32
// CHECK-NEXT: %[[N:.*]] = arith.fptosi %[[CEIL]] : f32 to i64
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK-NEXT: %[[NPOS:.*]] = arith.maxsi %[[N]], %[[ZERO]] : i64
// CHECK-NEXT: %[[SIZE:.*]] = arith.index_cast %[[NPOS]] : i64 to index
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty(%[[SIZE]]) : tensor<?xf32>
// CHECK-NEXT: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID]]], iterator_types = ["parallel"]} outs(%[[INIT]] : tensor<?xf32>)
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[I64:.*]] = arith.index_cast %[[I]] : index to i64
// CHECK-NEXT: %[[IF:.*]] = arith.sitofp %[[I64]] : i64 to f32
// CHECK-NEXT: %[[STEP:.*]] = arith.mulf %[[IF]], %[[DELTA]] : f32
// CHECK-NEXT: %[[V:.*]] = arith.addf %[[START]], %[[STEP]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK: return %[[R]]
func.func @range_float(%s: tensor<f32>, %l: tensor<f32>, %d: tensor<f32>) -> tensor<?xf32> {
  %0 = onnx.Range %s, %l, %d : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @range_int
// CHECK-SAME: (%[[L:.*]]: tensor<i32>) -> tensor<?xi32>
// CHECK: %[[LIMIT:.*]] = tensor.extract %[[L]][] : tensor<i32>
// CHECK-NEXT: %[[DELTA:.*]] = tensor.extract %{{.*}}[] : tensor<i32>
// CHECK: %[[ISZERO:.*]] = arith.cmpi eq, %[[DELTA]], %{{.*}} : i32
// CHECK: %[[SAFE:.*]] = arith.select %[[ISZERO]], %{{.*}}, %[[DELTA]] : i32
// CHECK: %[[SPAN:.*]] = arith.select %[[ISZERO]], %{{.*}}, %{{.*}} : i32
// CHECK-NEXT: %[[N:.*]] = arith.ceildivsi %[[SPAN]], %[[SAFE]] : i32
// CHECK-NEXT: %[[N64:.*]] = arith.extsi %[[N]] : i32 to i64
// CHECK: tensor.empty(%{{.*}}) : tensor<?xi32>
// CHECK: linalg.index 0 : index
// CHECK: %[[I32:.*]] = arith.trunci %{{.*}} : i64 to i32
// CHECK-NEXT: %[[STEP:.*]] = arith.muli %[[I32]], %[[DELTA]] : i32
// CHECK-NEXT: %[[V:.*]] = arith.addi %{{.*}}, %[[STEP]] : i32
// CHECK-NEXT: linalg.yield %[[V]] : i32
func.func @range_int(%l: tensor<i32>) -> tensor<?xi32> {
  %s = onnx.Constant dense<0> : tensor<i32>
  %d = onnx.Constant dense<2> : tensor<i32>
  %0 = onnx.Range %s, %l, %d : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<?xi32>
  return %0 : tensor<?xi32>
}

// -----

// A static size from the result type: no size computation.
// CHECK-LABEL: func.func @range_static
// CHECK-NOT: arith.ceildivsi
// CHECK: tensor.empty() : tensor<4xi64>
// CHECK: linalg.generic
func.func @range_static() -> tensor<4xi64> {
  %s = onnx.Constant dense<10> : tensor<i64>
  %l = onnx.Constant dense<0> : tensor<i64>
  %d = onnx.Constant dense<-3> : tensor<i64>
  %0 = onnx.Range %s, %l, %d : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// A one-element tensor is read as the scalar (expanded AffineGrid passes
// Range a limit of shape [1]).
// CHECK-LABEL: func.func @range_one_element_limit
// CHECK-SAME: (%[[S:.*]]: tensor<i64>, %[[L:.*]]: tensor<1xi64>, %[[D:.*]]: tensor<i64>)
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: tensor.extract %[[L]][%[[C0]]] : tensor<1xi64>
// CHECK: linalg.generic
func.func @range_one_element_limit(%s: tensor<i64>, %l: tensor<1xi64>, %d: tensor<i64>) -> tensor<?xi64> {
  %0 = onnx.Range %s, %l, %d : (tensor<i64>, tensor<1xi64>, tensor<i64>) -> tensor<?xi64>
  return %0 : tensor<?xi64>
}
