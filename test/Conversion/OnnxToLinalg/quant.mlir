// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -mlir-print-local-scope | FileCheck %s

// Per axis: the scale and zero point are read along dim `axis`; rint, then
// the zero point, then saturation to [0, 255].
// CHECK-LABEL: func.func @quantize_per_axis
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[S:.*]]: tensor<3xf32>, %[[ZP:.*]]: tensor<3xi8>)
// CHECK: linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>]
// CHECK-SAME: ins(%[[X]], %[[S]], %[[ZP]] : tensor<2x3xf32>, tensor<3xf32>, tensor<3xi8>)
// CHECK: ^bb0(%[[IN:.*]]: f32, %[[SC:.*]]: f32, %[[Z:.*]]: i8, %{{.*}}: i8):
// CHECK: %[[Q:.*]] = arith.divf %[[IN]], %[[SC]] : f32
// CHECK: %[[R:.*]] = math.roundeven %[[Q]] : f32
// CHECK: %[[ZF:.*]] = arith.uitofp %[[Z]] : i8 to f32
// CHECK: %[[A:.*]] = arith.addf %[[R]], %[[ZF]] : f32
// CHECK: %[[LO:.*]] = arith.maxnumf %[[A]], %{{.*}} : f32
// CHECK: %[[HI:.*]] = arith.minnumf %[[LO]], %{{.*}} : f32
// CHECK: %[[I:.*]] = arith.fptoui %[[HI]] : f32 to i8
// CHECK: linalg.yield %[[I]] : i8
func.func @quantize_per_axis(%x: tensor<2x3xf32>, %s: tensor<3xf32>, %zp: tensor<3xui8>) -> tensor<2x3xui8> {
  %0 = onnx.QuantizeLinear %x, %s, %zp : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xui8>) -> tensor<2x3xui8>
  return %0 : tensor<2x3xui8>
}

// -----

// Per tensor, signed: the one-element scale is read at index 0.
// CHECK-LABEL: func.func @quantize_per_tensor_int16
// CHECK: linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (0)>, affine_map<(d0) -> ()>, affine_map<(d0) -> (d0)>]
// CHECK: arith.sitofp %{{.*}} : i16 to f32
// CHECK: arith.constant -3.276800e+04 : f32
// CHECK: arith.constant 3.276700e+04 : f32
// CHECK: arith.fptosi %{{.*}} : f32 to i16
func.func @quantize_per_tensor_int16(%x: tensor<?xf32>, %s: tensor<1xf32>, %zp: tensor<i16>) -> tensor<?xi16> {
  %0 = onnx.QuantizeLinear %x, %s, %zp : (tensor<?xf32>, tensor<1xf32>, tensor<i16>) -> tensor<?xi16>
  return %0 : tensor<?xi16>
}

// -----

// f16 inputs divide in f16 (rounded through it), as numpy does.
// CHECK-LABEL: func.func @quantize_f16
// CHECK: %[[D:.*]] = arith.divf %{{.*}}, %{{.*}} : f32
// CHECK: %[[H:.*]] = arith.truncf %[[D]] : f32 to f16
// CHECK: %[[E:.*]] = arith.extf %[[H]] : f16 to f32
// CHECK: math.roundeven %[[E]] : f32
func.func @quantize_f16(%x: tensor<4xf16>, %s: tensor<f16>, %zp: tensor<i8>) -> tensor<4xi8> {
  %0 = onnx.QuantizeLinear %x, %s, %zp : (tensor<4xf16>, tensor<f16>, tensor<i8>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

// Float8 results round x / scale to nearest even on the bits (the zero
// point is ignored); saturate = 0 keeps infinities.
// CHECK-LABEL: func.func @quantize_float8
// CHECK: arith.divf
// CHECK-NOT: arith.uitofp
// CHECK: arith.bitcast %{{.*}} : f32 to i32
// CHECK: arith.trunci %{{.*}} : i32 to i8
// CHECK: arith.bitcast %{{.*}} : i8 to f8E5M2
func.func @quantize_float8(%x: tensor<4xf32>, %s: tensor<f32>, %zp: tensor<1xf8E5M2>) -> tensor<4xf8E5M2> {
  %0 = onnx.QuantizeLinear %x, %s, %zp {saturate = 0 : i64} : (tensor<4xf32>, tensor<f32>, tensor<1xf8E5M2>) -> tensor<4xf8E5M2>
  return %0 : tensor<4xf8E5M2>
}

// -----

// 4-bit results saturate to [-8, 7] and are stored as i4.
// CHECK-LABEL: func.func @quantize_int4
// CHECK: arith.constant -8.000000e+00 : f32
// CHECK: arith.constant 7.000000e+00 : f32
// CHECK: %[[W:.*]] = arith.fptosi %{{.*}} : f32 to i32
// CHECK: arith.trunci %[[W]] : i32 to i4
func.func @quantize_int4(%x: tensor<3x4xf32>, %s: tensor<3xf32>, %zp: tensor<3xi4>) -> tensor<3x4xi4> {
  %0 = onnx.QuantizeLinear %x, %s, %zp {axis = 0 : i64} : (tensor<3x4xf32>, tensor<3xf32>, tensor<3xi4>) -> tensor<3x4xi4>
  return %0 : tensor<3x4xi4>
}

// -----

// Blocked: dim `axis` of the scale is indexed by the block.
// CHECK-LABEL: func.func @dequantize_blocked
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xi8>, %[[S:.*]]: tensor<?x2xf32>)
// CHECK: %[[DIM:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x4xi8>
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[DIM]]) : tensor<?x4xf32>
// CHECK: linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1 floordiv 2)>, affine_map<(d0, d1) -> (d0, d1)>]
// CHECK-SAME: ins(%[[X]], %[[S]] : tensor<?x4xi8>, tensor<?x2xf32>) outs(%[[EMPTY]] : tensor<?x4xf32>)
// CHECK: %[[E:.*]] = arith.extsi %{{.*}} : i8 to i32
// CHECK: %[[F:.*]] = arith.sitofp %[[E]] : i32 to f32
// CHECK: arith.mulf %[[F]], %{{.*}} : f32
func.func @dequantize_blocked(%x: tensor<?x4xi8>, %s: tensor<?x2xf32>) -> tensor<?x4xf32> {
  %none = onnx.NoValue {value}
  %0 = onnx.DequantizeLinear %x, %s, %none {axis = 1 : i64, block_size = 2 : i64} : (tensor<?x4xi8>, tensor<?x2xf32>, none) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// The zero point is subtracted in integers; an f16 scale multiplies in f32
// and the product is rounded to f16.
// CHECK-LABEL: func.func @dequantize_zero_point
// CHECK: %[[X:.*]] = arith.extui %{{.*}} : i8 to i32
// CHECK: %[[Z:.*]] = arith.extui %{{.*}} : i8 to i32
// CHECK: %[[D:.*]] = arith.subi %[[X]], %[[Z]] : i32
// CHECK: %[[F:.*]] = arith.sitofp %[[D]] : i32 to f32
// CHECK: %[[S:.*]] = arith.extf %{{.*}} : f16 to f32
// CHECK: %[[M:.*]] = arith.mulf %[[F]], %[[S]] : f32
// CHECK: arith.truncf %[[M]] : f32 to f16
func.func @dequantize_zero_point(%x: tensor<4xui8>, %s: tensor<f16>, %zp: tensor<ui8>) -> tensor<4xf16> {
  %0 = onnx.DequantizeLinear %x, %s, %zp : (tensor<4xui8>, tensor<f16>, tensor<ui8>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// Float8 inputs are decoded from their bits to f32.
// CHECK-LABEL: func.func @dequantize_float8
// CHECK: %[[B:.*]] = arith.bitcast %{{.*}} : f8E4M3FN to i8
// CHECK: arith.extui %[[B]] : i8 to i32
// CHECK: %[[F:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK: arith.mulf %[[F]], %{{.*}} : f32
func.func @dequantize_float8(%x: tensor<5xf8E4M3FN>, %s: tensor<f32>) -> tensor<5xf32> {
  %none = onnx.NoValue {value}
  %0 = onnx.DequantizeLinear %x, %s, %none : (tensor<5xf8E4M3FN>, tensor<f32>, none) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// The range is reduced first (max and min with 0), then scale and zero
// point are scalars captured by the element-wise quantization.
// CHECK-LABEL: func.func @dynamic_quantize
// CHECK: %[[MAXT:.*]] = linalg.generic {{.*}} iterator_types = ["reduction", "reduction"]
// CHECK: arith.maximumf
// CHECK: %[[MAX:.*]] = tensor.extract %[[MAXT]][] : tensor<f32>
// CHECK: %[[MINT:.*]] = linalg.generic {{.*}} iterator_types = ["reduction", "reduction"]
// CHECK: arith.minimumf
// CHECK: %[[MIN:.*]] = tensor.extract %[[MINT]][] : tensor<f32>
// CHECK: %[[EQ:.*]] = arith.cmpf oeq, %[[MAX]], %[[MIN]] : f32
// CHECK: %[[SCALE:.*]] = arith.divf %{{.*}}, %{{.*}} : f32
// CHECK: %[[ZP:.*]] = math.roundeven %{{.*}} : f32
// CHECK: %[[Y:.*]] = linalg.generic
// CHECK: arith.divf %{{.*}}, %[[SCALE]] : f32
// CHECK: arith.fptoui %{{.*}} : f32 to i8
// CHECK: %[[S:.*]] = tensor.from_elements %[[SCALE]] : tensor<f32>
// CHECK: %[[ZI:.*]] = arith.fptoui %[[ZP]] : f32 to i8
// CHECK: %[[Z:.*]] = tensor.from_elements %[[ZI]] : tensor<i8>
// CHECK: return %[[Y]], %[[S]], %[[Z]] : tensor<3x4xi8>, tensor<f32>, tensor<i8>
func.func @dynamic_quantize(%x: tensor<3x4xf32>) -> (tensor<3x4xui8>, tensor<f32>, tensor<ui8>) {
  %0:3 = onnx.DynamicQuantizeLinear %x : (tensor<3x4xf32>) -> (tensor<3x4xui8>, tensor<f32>, tensor<ui8>)
  return %0#0, %0#1, %0#2 : tensor<3x4xui8>, tensor<f32>, tensor<ui8>
}

// -----

// The zero points are subtracted into i32 tensors (a per row, b per
// column), then an i32 matmul.
// CHECK-LABEL: func.func @matmul_integer
// CHECK: %[[A:.*]] = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0, d1)>]
// CHECK: arith.subi
// CHECK: } -> tensor<4x3xi32>
// CHECK: %[[B:.*]] = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>]
// CHECK: } -> tensor<3x2xi32>
// CHECK: linalg.matmul ins(%[[A]], %[[B]] : tensor<4x3xi32>, tensor<3x2xi32>) outs(%{{.*}} : tensor<4x2xi32>)
func.func @matmul_integer(%a: tensor<4x3xui8>, %b: tensor<3x2xui8>, %azp: tensor<4xui8>, %bzp: tensor<2xui8>) -> tensor<4x2xi32> {
  %0 = onnx.MatMulInteger %a, %b, %azp, %bzp : (tensor<4x3xui8>, tensor<3x2xui8>, tensor<4xui8>, tensor<2xui8>) -> tensor<4x2xi32>
  return %0 : tensor<4x2xi32>
}

// -----

// Without zero points the operands are only widened.
// CHECK-LABEL: func.func @matmul_integer_no_zero_point
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK-NOT: arith.subi
// CHECK: linalg.batch_matmul
func.func @matmul_integer_no_zero_point(%a: tensor<2x4x3xi8>, %b: tensor<2x3x2xi8>) -> tensor<2x4x2xi32> {
  %none = onnx.NoValue {value}
  %0 = onnx.MatMulInteger %a, %b, %none, %none : (tensor<2x4x3xi8>, tensor<2x3x2xi8>, none, none) -> tensor<2x4x2xi32>
  return %0 : tensor<2x4x2xi32>
}

// -----

// QLinearMatMul requantizes the i32 product: the multiplier
// a_scale * b_scale / y_scale, then rint + y_zero_point, saturated.
// CHECK-LABEL: func.func @qlinear_matmul
// CHECK: %[[ACC:.*]] = linalg.matmul {{.*}} -> tensor<2x3xi32>
// CHECK: linalg.generic {{.*}} ins(%[[ACC]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : tensor<2x3xi32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xi8>)
// CHECK: ^bb0(%[[C:.*]]: i32, %[[AS:.*]]: f32, %[[BS:.*]]: f32, %[[YS:.*]]: f32, %[[YZ:.*]]: i8, %{{.*}}: i8):
// CHECK: %[[AB:.*]] = arith.mulf %[[AS]], %[[BS]] : f32
// CHECK: %[[M:.*]] = arith.divf %[[AB]], %[[YS]] : f32
// CHECK: %[[CF:.*]] = arith.sitofp %[[C]] : i32 to f32
// CHECK: %[[V:.*]] = arith.mulf %[[CF]], %[[M]] : f32
// CHECK: %[[ZF:.*]] = arith.sitofp %[[YZ]] : i8 to f32
// CHECK: %[[W:.*]] = arith.addf %[[V]], %[[ZF]] : f32
// CHECK: math.roundeven %[[W]] : f32
// CHECK: arith.fptosi %{{.*}} : f32 to i8
func.func @qlinear_matmul(%a: tensor<2x4xi8>, %s: tensor<1xf32>, %z: tensor<1xi8>, %b: tensor<4x3xi8>) -> tensor<2x3xi8> {
  %0 = onnx.QLinearMatMul %a, %s, %z, %b, %s, %z, %s, %z : (tensor<2x4xi8>, tensor<1xf32>, tensor<1xi8>, tensor<4x3xi8>, tensor<1xf32>, tensor<1xi8>, tensor<1xf32>, tensor<1xi8>) -> tensor<2x3xi8>
  return %0 : tensor<2x3xi8>
}

// -----

// precision = FLOAT16: x and the scale are rounded to f16, and so is their
// quotient.
// CHECK-LABEL: func.func @quantize_precision
// CHECK: %[[XH:.*]] = arith.truncf %{{.*}} : f32 to f16
// CHECK: %[[X:.*]] = arith.extf %[[XH]] : f16 to f32
// CHECK: %[[SH:.*]] = arith.truncf %{{.*}} : f32 to f16
// CHECK: %[[S:.*]] = arith.extf %[[SH]] : f16 to f32
// CHECK: %[[Q:.*]] = arith.divf %[[X]], %[[S]] : f32
// CHECK: %[[QH:.*]] = arith.truncf %[[Q]] : f32 to f16
// CHECK: arith.extf %[[QH]] : f16 to f32
func.func @quantize_precision(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  %none = onnx.NoValue {value}
  %0 = onnx.QuantizeLinear %x, %s, %none {output_dtype = 3 : i64, precision = 10 : i64} : (tensor<4xf32>, tensor<f32>, none) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}
