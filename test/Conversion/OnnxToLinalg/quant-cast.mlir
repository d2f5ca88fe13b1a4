// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// Casts to float8 round the f32 bits to nearest even: normal results add
// half an ulp (minus one, plus the odd bit) and rebias the exponent;
// subnormal ones let a float add of 2^14 round. Saturation replaces values
// above 0x7E (448) by it; NaN becomes S.1111.111.
// CHECK-LABEL: func.func @cast_f32_to_f8e4m3fn
// CHECK: %[[BITS:.*]] = arith.bitcast %{{.*}} : f32 to i32
// CHECK: %[[SIGN:.*]] = arith.shrui %[[BITS]], %{{.*}} : i32
// CHECK: %[[ABS:.*]] = arith.andi %[[BITS]], %{{.*}} : i32
// CHECK: %[[NAN:.*]] = arith.cmpi ugt, %[[ABS]], %c2139095040_i32 : i32
// CHECK: arith.constant 524287 : i32
// CHECK: %[[REBIAS:.*]] = arith.constant 960 : i32
// CHECK: %[[NORMAL:.*]] = arith.subi %{{.*}}, %[[REBIAS]] : i32
// CHECK: %[[MAGIC:.*]] = arith.constant 1.638400e+04 : f32
// CHECK: arith.addf %{{.*}}, %[[MAGIC]] : f32
// CHECK: %[[MAG:.*]] = arith.select %{{.*}}, %{{.*}}, %[[NORMAL]] : i32
// CHECK: %[[OVER:.*]] = arith.cmpi ugt, %[[MAG]], %c126_i32 : i32
// CHECK: %[[SAT:.*]] = arith.select %[[OVER]], %c126_i32{{.*}}, %[[MAG]] : i32
// CHECK: %[[R:.*]] = arith.trunci %{{.*}} : i32 to i8
// CHECK: arith.bitcast %[[R]] : i8 to f8E4M3FN
func.func @cast_f32_to_f8e4m3fn(%x: tensor<4xf32>) -> tensor<4xf8E4M3FN> {
  %0 = onnx.Cast %x {to = f8E4M3FN} : (tensor<4xf32>) -> tensor<4xf8E4M3FN>
  return %0 : tensor<4xf8E4M3FN>
}

// -----

// saturate = 0: E5M2 overflows to infinity (0x7C) instead of 0x7B.
// CHECK-LABEL: func.func @cast_f16_to_f8e5m2_no_saturate
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: %[[OVER:.*]] = arith.cmpi ugt, %{{.*}}, %c123_i32 : i32
// CHECK: arith.select %[[OVER]], %c124_i32, %{{.*}} : i32
// CHECK: arith.bitcast %{{.*}} : i8 to f8E5M2
func.func @cast_f16_to_f8e5m2_no_saturate(%x: tensor<4xf16>) -> tensor<4xf8E5M2> {
  %0 = onnx.Cast %x {saturate = 0 : i64, to = f8E5M2} : (tensor<4xf16>) -> tensor<4xf8E5M2>
  return %0 : tensor<4xf8E5M2>
}

// -----

// Decoding: exponent and mantissa move into f32's fields (rebiased by
// (127 - 16) << 23 for E5M2FNUZ); subnormals are the mantissa times
// 2^-17; 0x80 is NaN.
// CHECK-LABEL: func.func @cast_f8e5m2fnuz_to_f16
// CHECK: %[[B:.*]] = arith.bitcast %{{.*}} : f8E5M2FNUZ to i8
// CHECK: %[[U:.*]] = arith.extui %[[B]] : i8 to i32
// CHECK: arith.constant 931135488 : i32
// CHECK: arith.constant 7.62939453E-6 : f32
// CHECK: %[[ISNAN:.*]] = arith.cmpi eq, %[[U]], %c128_i32 : i32
// CHECK: %[[BITS:.*]] = arith.select %[[ISNAN]], %c2143289344_i32, %{{.*}} : i32
// CHECK: %[[F:.*]] = arith.bitcast %[[BITS]] : i32 to f32
// CHECK: arith.truncf %[[F]] : f32 to f16
func.func @cast_f8e5m2fnuz_to_f16(%x: tensor<4xf8E5M2FNUZ>) -> tensor<4xf16> {
  %0 = onnx.Cast %x {to = f16} : (tensor<4xf8E5M2FNUZ>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// Floats to 4-bit integers truncate toward zero and wrap (numpy's astype);
// 4-bit integers widen exactly.
// CHECK-LABEL: func.func @cast_int4
// CHECK: %[[W:.*]] = arith.fptosi %{{.*}} : f32 to i32
// CHECK: arith.trunci %[[W]] : i32 to i4
// CHECK: arith.sitofp %{{.*}} : i4 to f32
// CHECK: arith.extui %{{.*}} : i4 to i8
func.func @cast_int4(%x: tensor<4xf32>, %y: tensor<4xi4>, %z: tensor<4xui4>) -> (tensor<4xui4>, tensor<4xf32>, tensor<4xui8>) {
  %0 = onnx.Cast %x {to = ui4} : (tensor<4xf32>) -> tensor<4xui4>
  %1 = onnx.Cast %y {to = f32} : (tensor<4xi4>) -> tensor<4xf32>
  %2 = onnx.Cast %z {to = ui8} : (tensor<4xui4>) -> tensor<4xui8>
  return %0, %1, %2 : tensor<4xui4>, tensor<4xf32>, tensor<4xui8>
}

// -----

// f4E2M1FN saturates to 6 (0x7) and has no NaN (0x8 stands for it).
// CHECK-LABEL: func.func @cast_f32_to_f4e2m1
// CHECK: arith.cmpi ugt, %{{.*}}, %c7_i32 : i32
// CHECK: %[[R:.*]] = arith.trunci %{{.*}} : i32 to i4
// CHECK: arith.bitcast %[[R]] : i4 to f4E2M1FN
func.func @cast_f32_to_f4e2m1(%x: tensor<4xf32>) -> tensor<4xf4E2M1FN> {
  %0 = onnx.Cast %x {to = f4E2M1FN} : (tensor<4xf32>) -> tensor<4xf4E2M1FN>
  return %0 : tensor<4xf4E2M1FN>
}

// -----

// f8E8M0FNU keeps the f32 exponent, rounded up when mantissa bits are set
// (saturating at 0xFE).
// CHECK-LABEL: func.func @cast_f32_to_f8e8m0
// CHECK: %[[BITS:.*]] = arith.bitcast %{{.*}} : f32 to i32
// CHECK: %[[FRAC:.*]] = arith.andi %[[BITS]], %c8388607_i32 : i32
// CHECK: arith.cmpi ne, %[[FRAC]], %{{.*}} : i32
// CHECK: arith.cmpi ne, %{{.*}}, %c254_i32 : i32
// CHECK: arith.bitcast %{{.*}} : i8 to f8E8M0FNU
func.func @cast_f32_to_f8e8m0(%x: tensor<4xf32>) -> tensor<4xf8E8M0FNU> {
  %0 = onnx.Cast %x {to = f8E8M0FNU} : (tensor<4xf32>) -> tensor<4xf8E8M0FNU>
  return %0 : tensor<4xf8E8M0FNU>
}
