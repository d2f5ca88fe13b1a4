// RUN: onnx-opt %s --onnxc-cpu-pipeline | FileCheck %s \
// RUN:   --implicit-check-not=onnx. --implicit-check-not=linalg. \
// RUN:   --implicit-check-not=memref. --implicit-check-not=tensor. \
// RUN:   --implicit-check-not=bufferization. --implicit-check-not=arith. \
// RUN:   --implicit-check-not=scf. --implicit-check-not=cf. \
// RUN:   --implicit-check-not=math. --implicit-check-not=func. \
// RUN:   --implicit-check-not=unrealized_conversion_cast
// RUN: onnx-opt %s --onnxc-cpu-pipeline=opt-level=0 | FileCheck %s --check-prefix=O0 \
// RUN:   --implicit-check-not=onnx. --implicit-check-not=linalg. --implicit-check-not=memref.

// The whole pipeline from (shape-inferred) onnx ops to the LLVM dialect: only
// llvm dialect ops remain. The weight that is large enough is in the packed
// blob; main_graph gets a C interface wrapper.

// CHECK-DAG: llvm.func @malloc(i64) -> !llvm.ptr
// CHECK-DAG: llvm.mlir.global private constant @__onnxc_weights({{.*}}) {addr_space = 0 : i32, alignment = 64 : i64} : !llvm.array<128 x i8>
// CHECK: llvm.func @main_graph(
// CHECK-SAME: attributes {llvm.emit_c_interface}
// CHECK: llvm.mlir.addressof @__onnxc_weights
// CHECK: llvm.call @malloc
// CHECK: llvm.intr.maximum
// CHECK: llvm.fneg
// CHECK: llvm.return
// CHECK: llvm.func @_mlir_ciface_main_graph(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
// CHECK: llvm.call @main_graph

// O0: llvm.func @main_graph(
// O0: llvm.func @_mlir_ciface_main_graph(

func.func @main_graph(%x: tensor<2x4xf32> {onnx.name = "x"}, %c: tensor<i1> {onnx.name = "c"})
    -> (tensor<16xf32> {onnx.name = "y"}) {
  %w = onnx.Constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
                            [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 9.0]]> : tensor<4x8xf32>
  %0 = onnx.MatMul %x, %w : (tensor<2x4xf32>, tensor<4x8xf32>) -> tensor<2x8xf32>
  %1 = onnx.Relu %0 : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %2 = onnx.If %c : tensor<i1> -> tensor<2x8xf32> then {
    %n = onnx.Neg %1 : (tensor<2x8xf32>) -> tensor<2x8xf32>
    onnx.Yield %n : tensor<2x8xf32>
  } else {
    onnx.Yield %1 : tensor<2x8xf32>
  }
  %shape = onnx.Constant dense<16> : tensor<1xi64>
  %3 = onnx.Reshape %2, %shape : (tensor<2x8xf32>, tensor<1xi64>) -> tensor<16xf32>
  return %3 : tensor<16xf32>
}
