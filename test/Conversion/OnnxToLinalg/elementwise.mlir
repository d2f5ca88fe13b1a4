// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// Numpy broadcasting: the size-1 dim reads index 0, the missing leading dim is
// dropped, dynamic dims stay dynamic.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-LABEL: func.func @add_broadcast
// CHECK-SAME: (%[[A:.*]]: tensor<2x?xf32>, %[[B:.*]]: tensor<1x?xf32>)
// CHECK: %[[C1:.*]] = arith.constant 1 : index
// CHECK: %[[DIM:.*]] = tensor.dim %[[A]], %[[C1]]
// CHECK: %[[INIT:.*]] = tensor.empty(%[[DIM]]) : tensor<2x?xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME: ins(%[[A]], %[[B]] : tensor<2x?xf32>, tensor<1x?xf32>) outs(%[[INIT]] : tensor<2x?xf32>)
// CHECK: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[R:.*]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK: linalg.yield %[[R]]
func.func @add_broadcast(%a: tensor<2x?xf32>, %b: tensor<1x?xf32>) -> tensor<2x?xf32> {
  %0 = onnx.Add %a, %b : (tensor<2x?xf32>, tensor<1x?xf32>) -> tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}

// -----

// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0) -> ()>
// CHECK-LABEL: func.func @sub_int_scalar
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[SCALAR]], #{{.*}}]
// CHECK: arith.subi
func.func @sub_int_scalar(%a: tensor<4xi32>, %b: tensor<i32>) -> tensor<4xi32> {
  %0 = onnx.Sub %a, %b : (tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @mul_f16
// CHECK: arith.mulf %{{.*}}, %{{.*}} : f16
func.func @mul_f16(%a: tensor<4xf16>, %b: tensor<4xf16>) -> tensor<4xf16> {
  %0 = onnx.Mul %a, %b : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// Unsigned element types are signless after conversion; the op picks divui.
// CHECK-LABEL: func.func @div_unsigned
// CHECK-SAME: tensor<4xi8>
// CHECK: arith.divui
func.func @div_unsigned(%a: tensor<4xui8>, %b: tensor<4xui8>) -> tensor<4xui8> {
  %0 = onnx.Div %a, %b : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// CHECK-LABEL: func.func @div_signed
// CHECK: arith.divsi
func.func @div_signed(%a: tensor<4xi64>, %b: tensor<4xi64>) -> tensor<4xi64> {
  %0 = onnx.Div %a, %b : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// CHECK-LABEL: func.func @div_float
// CHECK: arith.divf
func.func @div_float(%a: tensor<4xf64>, %b: tensor<4xf64>) -> tensor<4xf64> {
  %0 = onnx.Div %a, %b : (tensor<4xf64>, tensor<4xf64>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// CHECK-LABEL: func.func @pow_float
// CHECK: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK: math.powf %[[X]], %[[Y]] : f32
func.func @pow_float(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = onnx.Pow %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Float base, integer exponent: the exponent is converted to the base type.
// CHECK-LABEL: func.func @pow_float_int
// CHECK: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: i64, %{{.*}}: f32):
// CHECK: %[[E:.*]] = arith.sitofp %[[Y]] : i64 to f32
// CHECK: math.powf %[[X]], %[[E]] : f32
func.func @pow_float_int(%a: tensor<4xf32>, %b: tensor<4xi64>) -> tensor<4xf32> {
  %0 = onnx.Pow %a, %b : (tensor<4xf32>, tensor<4xi64>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @pow_int_int
// CHECK: ^bb0(%[[X:.*]]: i32, %[[Y:.*]]: i64, %{{.*}}: i32):
// CHECK: %[[E:.*]] = arith.trunci %[[Y]] : i64 to i32
// CHECK: math.ipowi %[[X]], %[[E]] : i32
func.func @pow_int_int(%a: tensor<4xi32>, %b: tensor<4xi64>) -> tensor<4xi32> {
  %0 = onnx.Pow %a, %b : (tensor<4xi32>, tensor<4xi64>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// Integer base, float exponent: computed in f64, truncated to the base type.
// CHECK-LABEL: func.func @pow_int_float
// CHECK: ^bb0(%[[X:.*]]: i32, %[[Y:.*]]: f32, %{{.*}}: i32):
// CHECK: %[[XF:.*]] = arith.sitofp %[[X]] : i32 to f64
// CHECK: %[[YF:.*]] = arith.extf %[[Y]] : f32 to f64
// CHECK: %[[P:.*]] = math.powf %[[XF]], %[[YF]] : f64
// CHECK: arith.fptosi %[[P]] : f64 to i32
func.func @pow_int_float(%a: tensor<4xi32>, %b: tensor<4xf32>) -> tensor<4xi32> {
  %0 = onnx.Pow %a, %b : (tensor<4xi32>, tensor<4xf32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// f16 transcendental math goes through f32.
// CHECK-LABEL: func.func @pow_f16
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: %[[P:.*]] = math.powf %{{.*}}, %{{.*}} : f32
// CHECK: arith.truncf %[[P]] : f32 to f16
func.func @pow_f16(%a: tensor<4xf16>, %b: tensor<4xf16>) -> tensor<4xf16> {
  %0 = onnx.Pow %a, %b : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// fmod=0 on integers: the result takes the sign of the divisor.
// CHECK-LABEL: func.func @mod_int
// CHECK: ^bb0(%[[A:.*]]: i32, %[[B:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[R:.*]] = arith.remsi %[[A]], %[[B]] : i32
// CHECK: %[[NZ:.*]] = arith.cmpi ne, %[[R]], %{{.*}} : i32
// CHECK: %[[RN:.*]] = arith.cmpi slt, %[[R]], %{{.*}} : i32
// CHECK: %[[BN:.*]] = arith.cmpi slt, %[[B]], %{{.*}} : i32
// CHECK: %[[DIFF:.*]] = arith.xori %[[RN]], %[[BN]] : i1
// CHECK: %[[FIX:.*]] = arith.andi %[[NZ]], %[[DIFF]] : i1
// CHECK: %[[SUM:.*]] = arith.addi %[[R]], %[[B]] : i32
// CHECK: arith.select %[[FIX]], %[[SUM]], %[[R]] : i32
func.func @mod_int(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = onnx.Mod %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @mod_unsigned
// CHECK: arith.remui
// CHECK-NOT: arith.select
func.func @mod_unsigned(%a: tensor<4xui32>, %b: tensor<4xui32>) -> tensor<4xui32> {
  %0 = onnx.Mod %a, %b : (tensor<4xui32>, tensor<4xui32>) -> tensor<4xui32>
  return %0 : tensor<4xui32>
}

// -----

// CHECK-LABEL: func.func @fmod_float
// CHECK: %[[R:.*]] = arith.remf %{{.*}}, %{{.*}} : f32
// CHECK-NEXT: linalg.yield %[[R]]
func.func @fmod_float(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = onnx.Mod %a, %b {fmod = 1 : i64} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @fmod_int
// CHECK: %[[R:.*]] = arith.remsi %{{.*}}, %{{.*}} : i16
// CHECK-NEXT: linalg.yield %[[R]]
func.func @fmod_int(%a: tensor<4xi16>, %b: tensor<4xi16>) -> tensor<4xi16> {
  %0 = onnx.Mod %a, %b {fmod = 1 : i64} : (tensor<4xi16>, tensor<4xi16>) -> tensor<4xi16>
  return %0 : tensor<4xi16>
}

// -----

// CHECK-DAG: #[[SLOPE:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-LABEL: func.func @prelu
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[SLOPE]], #{{.*}}]
// CHECK: ^bb0(%[[X:.*]]: f32, %[[S:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[M:.*]] = arith.mulf %[[X]], %[[S]] : f32
// CHECK: %[[NEG:.*]] = arith.cmpf olt, %[[X]], %{{.*}} : f32
// CHECK: arith.select %[[NEG]], %[[M]], %[[X]] : f32
func.func @prelu(%x: tensor<2x3x4xf32>, %slope: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = onnx.PRelu %x, %slope : (tensor<2x3x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func.func @logic
// CHECK: arith.andi %{{.*}}, %{{.*}} : i1
// CHECK: arith.ori %{{.*}}, %{{.*}} : i1
// CHECK: arith.xori %{{.*}}, %{{.*}} : i1
// CHECK: %[[TRUE:.*]] = arith.constant true
// CHECK: arith.xori %{{.*}}, %[[TRUE]] : i1
func.func @logic(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = onnx.And %a, %b : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %1 = onnx.Or %0, %b : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %2 = onnx.Xor %1, %b : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %3 = onnx.Not %2 : (tensor<4xi1>) -> tensor<4xi1>
  return %3 : tensor<4xi1>
}

// -----

// Float compares are ordered; signedness picks the integer predicate; bools
// compare as unsigned.
// CHECK-LABEL: func.func @compare
// CHECK: arith.cmpf oeq
// CHECK: arith.cmpf olt
// CHECK: arith.cmpf ole
// CHECK: arith.cmpf ogt
// CHECK: arith.cmpf oge
// CHECK: arith.cmpi slt
// CHECK: arith.cmpi ugt
// CHECK: arith.cmpi uge
// CHECK: arith.cmpi eq
func.func @compare(%a: tensor<4xf32>, %b: tensor<4xf32>, %i: tensor<4xi32>, %u: tensor<4xui32>, %t: tensor<4xi1>)
    -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = onnx.Equal %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %1 = onnx.Less %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %2 = onnx.LessOrEqual %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %3 = onnx.Greater %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %4 = onnx.GreaterOrEqual %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %5 = onnx.Less %i, %i : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi1>
  %6 = onnx.Greater %u, %u : (tensor<4xui32>, tensor<4xui32>) -> tensor<4xi1>
  %7 = onnx.GreaterOrEqual %t, %t : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %8 = onnx.Equal %t, %t : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// Three-way broadcasting.
// CHECK-DAG: #[[C:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-DAG: #[[X:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[Y:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @where
// CHECK: linalg.generic {indexing_maps = [#[[C]], #[[X]], #[[Y]], #{{.*}}]
// CHECK: ^bb0(%[[CV:.*]]: i1, %[[XV:.*]]: i64, %[[YV:.*]]: i64, %{{.*}}: i64):
// CHECK: arith.select %[[CV]], %[[XV]], %[[YV]] : i64
func.func @where(%c: tensor<?x1xi1>, %x: tensor<3xi64>, %y: tensor<i64>) -> tensor<?x3xi64> {
  %0 = onnx.Where %c, %x, %y : (tensor<?x1xi1>, tensor<3xi64>, tensor<i64>) -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}

// -----

// CHECK-LABEL: func.func @variadic
// CHECK: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %[[C:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[S1:.*]] = arith.addf %[[A]], %[[B]] : f32
// CHECK: arith.addf %[[S1]], %[[C]] : f32
// CHECK: arith.maximumf
// CHECK: arith.maximumf
// CHECK: arith.minimumf
// CHECK: %[[S:.*]] = arith.addf
// CHECK: %[[N:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: arith.divf %[[S]], %[[N]] : f32
func.func @variadic(%a: tensor<4xf32>, %b: tensor<4xf32>, %c: tensor<1xf32>)
    -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = onnx.Sum %a, %b, %c : (tensor<4xf32>, tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
  %1 = onnx.Max %a, %b, %c : (tensor<4xf32>, tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
  %2 = onnx.Min %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %3 = onnx.Mean %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0, %1, %2, %3 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @max_int
// CHECK: arith.maxsi
// CHECK: arith.minui
func.func @max_int(%a: tensor<4xi32>, %b: tensor<4xi32>, %c: tensor<4xui8>, %d: tensor<4xui8>) -> (tensor<4xi32>, tensor<4xui8>) {
  %0 = onnx.Max %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %1 = onnx.Min %c, %d : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  return %0, %1 : tensor<4xi32>, tensor<4xui8>
}

// -----

// CHECK-LABEL: func.func @unary_math
// CHECK: math.absf
// CHECK: math.ceil
// CHECK: math.cos
// CHECK: math.erf
// CHECK: math.exp
// CHECK: math.floor
// CHECK: math.log
// CHECK: arith.negf
// CHECK: arith.divf
// CHECK: arith.maximumf
// CHECK: math.roundeven
// CHECK: math.sin
// CHECK: math.sqrt
// CHECK: math.tanh
// CHECK: arith.cmpf uno
func.func @unary_math(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi1>) {
  %0 = onnx.Abs %x : (tensor<4xf32>) -> tensor<4xf32>
  %1 = onnx.Ceil %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = onnx.Cos %1 : (tensor<4xf32>) -> tensor<4xf32>
  %3 = onnx.Erf %2 : (tensor<4xf32>) -> tensor<4xf32>
  %4 = onnx.Exp %3 : (tensor<4xf32>) -> tensor<4xf32>
  %5 = onnx.Floor %4 : (tensor<4xf32>) -> tensor<4xf32>
  %6 = onnx.Log %5 : (tensor<4xf32>) -> tensor<4xf32>
  %7 = onnx.Neg %6 : (tensor<4xf32>) -> tensor<4xf32>
  %8 = onnx.Reciprocal %7 : (tensor<4xf32>) -> tensor<4xf32>
  %9 = onnx.Relu %8 : (tensor<4xf32>) -> tensor<4xf32>
  %10 = onnx.Round %9 : (tensor<4xf32>) -> tensor<4xf32>
  %11 = onnx.Sin %10 : (tensor<4xf32>) -> tensor<4xf32>
  %12 = onnx.Sqrt %11 : (tensor<4xf32>) -> tensor<4xf32>
  %13 = onnx.Tanh %12 : (tensor<4xf32>) -> tensor<4xf32>
  %14 = onnx.IsNaN %13 : (tensor<4xf32>) -> tensor<4xi1>
  return %13, %14 : tensor<4xf32>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @unary_f16
// CHECK: ^bb0(%[[X:.*]]: f16, %{{.*}}: f16):
// CHECK: %[[W:.*]] = arith.extf %[[X]] : f16 to f32
// CHECK: %[[E:.*]] = math.exp %[[W]] : f32
// CHECK: %[[N:.*]] = arith.truncf %[[E]] : f32 to f16
// CHECK: linalg.yield %[[N]] : f16
// CHECK: ^bb0(%[[Y:.*]]: bf16, %{{.*}}: bf16):
// CHECK: math.absf %[[Y]] : bf16
func.func @unary_f16(%x: tensor<4xf16>, %y: tensor<4xbf16>) -> (tensor<4xf16>, tensor<4xbf16>) {
  %0 = onnx.Exp %x : (tensor<4xf16>) -> tensor<4xf16>
  %1 = onnx.Abs %y : (tensor<4xbf16>) -> tensor<4xbf16>
  return %0, %1 : tensor<4xf16>, tensor<4xbf16>
}

// -----

// CHECK-LABEL: func.func @unary_int
// CHECK: math.absi %{{.*}} : i32
// CHECK: %[[Z:.*]] = arith.constant 0 : i32
// CHECK: arith.subi %[[Z]], %{{.*}} : i32
// CHECK: arith.maxsi %{{.*}}, %{{.*}} : i32
// CHECK: arith.cmpi sgt
// CHECK: arith.cmpi slt
func.func @unary_int(%x: tensor<4xi32>) -> tensor<4xi32> {
  %0 = onnx.Abs %x : (tensor<4xi32>) -> tensor<4xi32>
  %1 = onnx.Neg %0 : (tensor<4xi32>) -> tensor<4xi32>
  %2 = onnx.Relu %1 : (tensor<4xi32>) -> tensor<4xi32>
  %3 = onnx.Sign %2 : (tensor<4xi32>) -> tensor<4xi32>
  return %3 : tensor<4xi32>
}

// -----

// The absolute value of an unsigned integer is itself.
// CHECK-LABEL: func.func @abs_unsigned
// CHECK: ^bb0(%[[X:.*]]: i8, %{{.*}}: i8):
// CHECK-NEXT: linalg.yield %[[X]] : i8
func.func @abs_unsigned(%x: tensor<4xui8>) -> tensor<4xui8> {
  %0 = onnx.Abs %x : (tensor<4xui8>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// CHECK-LABEL: func.func @sigmoid
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[NEG:.*]] = arith.negf %[[X]] : f32
// CHECK: %[[E:.*]] = math.exp %[[NEG]] : f32
// CHECK: %[[D:.*]] = arith.addf %[[ONE]], %[[E]] : f32
// CHECK: arith.divf %[[ONE]], %[[D]] : f32
func.func @sigmoid(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = onnx.Sigmoid %x : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// softplus(x) = max(x, 0) + log1p(exp(-|x|)).
// CHECK-LABEL: func.func @softplus_softsign
// CHECK: math.absf
// CHECK: arith.negf
// CHECK: math.exp
// CHECK: math.log1p
// CHECK: arith.maximumf
// CHECK: arith.addf
// CHECK: math.absf
// CHECK: arith.addf
// CHECK: arith.divf
func.func @softplus_softsign(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = onnx.Softplus %x : (tensor<4xf32>) -> tensor<4xf32>
  %1 = onnx.Softsign %0 : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @activations
// Elu
// CHECK: %[[EM1:.*]] = math.expm1
// CHECK: %[[ALPHA:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: arith.mulf %[[EM1]], %[[ALPHA]]
// CHECK: arith.cmpf olt
// CHECK: arith.select
// LeakyRelu
// CHECK: arith.constant 1.000000e-01 : f32
// CHECK: arith.mulf
// CHECK: arith.cmpf olt
// CHECK: arith.select
// HardSigmoid
// CHECK: arith.constant 2.000000e-01 : f32
// CHECK: arith.mulf
// CHECK: arith.constant 5.000000e-01 : f32
// CHECK: arith.addf
// CHECK: arith.minimumf
// CHECK: arith.maximumf
// HardSwish
// CHECK: arith.constant 0.166666672 : f32
// CHECK: arith.minimumf
// CHECK: arith.maximumf
// CHECK: arith.mulf
// Selu
// CHECK: math.expm1
// CHECK: arith.cmpf ogt
// CHECK: arith.select
// CHECK: arith.constant 1.05070102 : f32
// CHECK: arith.mulf
func.func @activations(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = onnx.Elu %x {alpha = 2.0 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  %1 = onnx.LeakyRelu %0 {alpha = 0.1 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  %2 = onnx.HardSigmoid %1 : (tensor<4xf32>) -> tensor<4xf32>
  %3 = onnx.HardSwish %2 : (tensor<4xf32>) -> tensor<4xf32>
  %4 = onnx.Selu %3 : (tensor<4xf32>) -> tensor<4xf32>
  return %4 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @gelu
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[C:.*]] = arith.constant 0.707106769 : f32
// CHECK: %[[S:.*]] = arith.mulf %[[X]], %[[C]] : f32
// CHECK: %[[E:.*]] = math.erf %[[S]] : f32
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[P:.*]] = arith.addf %[[ONE]], %[[E]] : f32
// CHECK: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[H:.*]] = arith.mulf %[[X]], %[[HALF]] : f32
// CHECK: arith.mulf %[[H]], %[[P]] : f32
// CHECK: ^bb0(%[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK: arith.constant 4.471500e-02 : f32
// CHECK: arith.constant 0.797884583 : f32
// CHECK: math.tanh
func.func @gelu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = onnx.Gelu %x : (tensor<4xf32>) -> tensor<4xf32>
  %1 = onnx.Gelu %0 {approximate = "tanh"} : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @identity
// CHECK-SAME: (%[[X:.*]]: tensor<?xi8>)
// CHECK-NEXT: return %[[X]] : tensor<?xi8>
func.func @identity(%x: tensor<?xui8>) -> tensor<?xui8> {
  %0 = onnx.Identity %x : (tensor<?xui8>) -> tensor<?xui8>
  return %0 : tensor<?xui8>
}

// -----

// CHECK-LABEL: func.func @cast
// CHECK: arith.fptoui %{{.*}} : f32 to i16
// CHECK: arith.uitofp %{{.*}} : i16 to f64
// CHECK: arith.cmpf une, %{{.*}}, %{{.*}} : f64
// CHECK: arith.extui %{{.*}} : i1 to i32
// CHECK: arith.sitofp %{{.*}} : i32 to bf16
// CHECK: arith.extf %{{.*}} : bf16 to f32
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK: arith.fptosi %{{.*}} : f16 to i8
// CHECK: arith.extsi %{{.*}} : i8 to i64
// CHECK: arith.trunci %{{.*}} : i64 to i32
func.func @cast(%x: tensor<4xf32>) -> tensor<4xi32> {
  %0 = onnx.Cast %x {to = ui16} : (tensor<4xf32>) -> tensor<4xui16>
  %1 = onnx.Cast %0 {to = f64} : (tensor<4xui16>) -> tensor<4xf64>
  %2 = onnx.Cast %1 {to = i1} : (tensor<4xf64>) -> tensor<4xi1>
  %3 = onnx.Cast %2 {to = i32} : (tensor<4xi1>) -> tensor<4xi32>
  %4 = onnx.Cast %3 {to = bf16} : (tensor<4xi32>) -> tensor<4xbf16>
  %5 = onnx.Cast %4 {to = f16} : (tensor<4xbf16>) -> tensor<4xf16>
  %6 = onnx.Cast %5 {to = i8} : (tensor<4xf16>) -> tensor<4xi8>
  %7 = onnx.Cast %6 {to = i64} : (tensor<4xi8>) -> tensor<4xi64>
  %8 = onnx.Cast %7 {to = ui32} : (tensor<4xi64>) -> tensor<4xui32>
  %9 = onnx.Cast %8 {to = i32} : (tensor<4xui32>) -> tensor<4xi32>
  return %9 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @clip
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[LO:.*]]: tensor<f32>, %[[HI:.*]]: tensor<1xf32>)
// CHECK-DAG: %[[LOV:.*]] = tensor.extract %[[LO]][] : tensor<f32>
// CHECK-DAG: %[[HIV:.*]] = tensor.extract %[[HI]][%{{.*}}] : tensor<1xf32>
// CHECK: ^bb0(%[[V:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[M:.*]] = arith.maximumf %[[V]], %[[LOV]] : f32
// CHECK: arith.minimumf %[[M]], %[[HIV]] : f32
func.func @clip(%x: tensor<4xf32>, %lo: tensor<f32>, %hi: tensor<1xf32>) -> tensor<4xf32> {
  %0 = onnx.Clip %x, %lo, %hi : (tensor<4xf32>, tensor<f32>, tensor<1xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @clip_max_only_unsigned
// CHECK-NOT: arith.maxui
// CHECK: arith.minui
func.func @clip_max_only_unsigned(%x: tensor<4xui8>, %hi: tensor<ui8>) -> tensor<4xui8> {
  %none = onnx.NoValue
  %0 = onnx.Clip %x, %none, %hi : (tensor<4xui8>, none, tensor<ui8>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// A one-element bound of unknown static size is read at index 0.
// CHECK-LABEL: func.func @clip_dynamic_bound
// CHECK-SAME: (%[[X:.*]]: tensor<4xi32>, %[[LO:.*]]: tensor<?xi32>)
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[LOV:.*]] = tensor.extract %[[LO]][%[[C0]]] : tensor<?xi32>
// CHECK: arith.maxsi %{{.*}}, %[[LOV]] : i32
func.func @clip_dynamic_bound(%x: tensor<4xi32>, %lo: tensor<?xi32>) -> tensor<4xi32> {
  %none = onnx.NoValue
  %0 = onnx.Clip %x, %lo, %none : (tensor<4xi32>, tensor<?xi32>, none) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}
