// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// Adagrad: r' = R / (1 + T * decay_factor) in f64, then per element
// g' = norm * x + g, h' = h + g'^2, x' = x - r' * g' / (sqrt(h') + epsilon).
// One generic per optimized tensor.
// CHECK-LABEL: func.func @adagrad
// CHECK-SAME: (%[[R:[a-z0-9]*]]: tensor<f32>, %[[T:[a-z0-9]*]]: tensor<i64>, %[[X1:[a-z0-9]*]]: tensor<1xf32>, %[[X2:[a-z0-9]*]]: tensor<2xf32>, %[[G1:[a-z0-9]*]]: tensor<1xf32>, %[[G2:[a-z0-9]*]]: tensor<2xf32>, %[[H1:[a-z0-9]*]]: tensor<1xf32>, %[[H2:[a-z0-9]*]]: tensor<2xf32>)
// CHECK: %[[RV:.*]] = tensor.extract %[[R]][] : tensor<f32>
// CHECK: %[[TV:.*]] = tensor.extract %[[T]][] : tensor<i64>
// CHECK: %[[TF:.*]] = arith.sitofp %[[TV]] : i64 to f64
// CHECK: %[[RATE:.*]] = arith.divf %{{.*}}, %{{.*}} : f64
// CHECK: %[[U1:.*]]:2 = linalg.generic {{.*}} ins(%[[X1]], %[[G1]], %[[H1]] : tensor<1xf32>, tensor<1xf32>, tensor<1xf32>)
// CHECK: math.sqrt
// CHECK: arith.truncf %[[RATE]] : f64 to f32
// CHECK: %[[U2:.*]]:2 = linalg.generic {{.*}} ins(%[[X2]], %[[G2]], %[[H2]] : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>)
// CHECK: return %[[U1]]#0, %[[U2]]#0, %[[U1]]#1, %[[U2]]#1
func.func @adagrad(%r: tensor<f32>, %t: tensor<i64>, %x1: tensor<1xf32>, %x2: tensor<2xf32>, %g1: tensor<1xf32>, %g2: tensor<2xf32>, %h1: tensor<1xf32>, %h2: tensor<2xf32>)
    -> (tensor<1xf32>, tensor<2xf32>, tensor<1xf32>, tensor<2xf32>) {
  %0:4 = onnx.Adagrad %r, %t, %x1, %x2, %g1, %g2, %h1, %h2 {decay_factor = 0.1 : f32} : (tensor<f32>, tensor<i64>, tensor<1xf32>, tensor<2xf32>, tensor<1xf32>, tensor<2xf32>, tensor<1xf32>, tensor<2xf32>) -> (tensor<1xf32>, tensor<2xf32>, tensor<1xf32>, tensor<2xf32>)
  return %0#0, %0#1, %0#2, %0#3 : tensor<1xf32>, tensor<2xf32>, tensor<1xf32>, tensor<2xf32>
}

// -----

// Adam: the bias-corrected rate R * sqrt(1 - beta^T) / (1 - alpha^T) when
// T > 0, else R.
// CHECK-LABEL: func.func @adam
// CHECK: math.powf
// CHECK: math.powf
// CHECK: %[[POS:.*]] = arith.cmpf ogt
// CHECK: arith.select %[[POS]]
// CHECK: %[[U:.*]]:3 = linalg.generic
// CHECK: return %[[U]]#0, %[[U]]#1, %[[U]]#2
func.func @adam(%r: tensor<f32>, %t: tensor<i64>, %x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) {
  %0:3 = onnx.Adam %r, %t, %x, %x, %x, %x : (tensor<f32>, tensor<i64>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>)
  return %0#0, %0#1, %0#2 : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
}

// -----

// Nesterov momentum: v' = alpha * v + beta' * g', x' = x - R * (g' + alpha * v').
// CHECK-LABEL: func.func @nesterov
// CHECK: %[[U:.*]]:2 = linalg.generic
// CHECK: %[[GR:.*]] = arith.addf %{{.*}}, %{{.*}} : f32
// CHECK: %[[AV:.*]] = arith.mulf %{{.*}}, %{{.*}} : f32
// CHECK: %[[BG:.*]] = arith.mulf %{{.*}}, %[[GR]] : f32
// CHECK: %[[VN:.*]] = arith.addf %[[AV]], %[[BG]] : f32
// CHECK: %[[AVN:.*]] = arith.mulf %{{.*}}, %[[VN]] : f32
// CHECK: %[[DIR:.*]] = arith.addf %[[AVN]], %[[GR]] : f32
// CHECK: %[[STEP:.*]] = arith.mulf %{{.*}}, %[[DIR]] : f32
// CHECK: %[[XN:.*]] = arith.subf %{{.*}}, %[[STEP]] : f32
// CHECK: linalg.yield %[[XN]], %[[VN]] : f32, f32
func.func @nesterov(%r: tensor<f32>, %t: tensor<i64>, %x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %0:2 = onnx.Momentum %r, %t, %x, %x, %x {alpha = 0.9 : f32, beta = 0.1 : f32, mode = "nesterov", norm_coefficient = 0.0 : f32} : (tensor<f32>, tensor<i64>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>)
  return %0#0, %0#1 : tensor<2xf32>, tensor<2xf32>
}
