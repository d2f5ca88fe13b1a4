// RUN: onnx-opt %s --onnxc-pack-weights | FileCheck %s
// RUN: onnx-opt %s --onnxc-pack-weights=min-bytes=4 | FileCheck %s --check-prefix=MIN4
// RUN: onnx-opt %s --onnxc-pack-weights=min-bytes=100000 | FileCheck %s --check-prefix=NONE

// Constant globals of at least min-bytes (64 by default) move into one i8
// blob, each at a 64-byte aligned offset, in the order of the globals; their
// uses become memref.view of the blob. Splats, bools, small and mutable
// globals stay as they are.

memref.global "private" constant @w0 : memref<4x4xf32> = dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]>
memref.global "private" constant @odd : memref<5xi8> = dense<[1, 2, 3, 4, 5]>
memref.global "private" constant @w1 : memref<17xi32> = dense_resource<w1_bytes>
memref.global "private" constant @splat : memref<64xf32> = dense<1.0>
memref.global "private" constant @small : memref<2xf32> = dense<[1.0, 2.0]>
memref.global "private" constant @bools : memref<128xi1> = dense<true>
memref.global "private" @mutable : memref<32xi16> = dense<[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]>

// CHECK: memref.global "private" constant @__onnxc_weights : memref<132xi8> = dense_resource<__onnxc_weights> {alignment = 64 : i64}
// CHECK-NOT: @w0 :
// CHECK-NOT: @w1 :
// CHECK-DAG: memref.global "private" constant @odd : memref<5xi8>
// CHECK-DAG: memref.global "private" constant @splat : memref<64xf32> = dense<1.000000e+00>
// CHECK-DAG: memref.global "private" constant @small : memref<2xf32>
// CHECK-DAG: memref.global "private" constant @bools : memref<128xi1>
// CHECK-DAG: memref.global "private" @mutable : memref<32xi16>

// CHECK-LABEL: func.func @uses
// CHECK: %[[B0:.*]] = memref.get_global @__onnxc_weights : memref<132xi8>
// CHECK-NEXT: %[[O0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[V0:.*]] = memref.view %[[B0]][%[[O0]]][] : memref<132xi8> to memref<4x4xf32>
// CHECK-NEXT: %[[B1:.*]] = memref.get_global @__onnxc_weights : memref<132xi8>
// CHECK-NEXT: %[[O1:.*]] = arith.constant 64 : index
// CHECK-NEXT: %[[V1:.*]] = memref.view %[[B1]][%[[O1]]][] : memref<132xi8> to memref<17xi32>
// CHECK-NEXT: %[[SMALL:.*]] = memref.get_global @small : memref<2xf32>
// CHECK-NEXT: %[[SPLAT:.*]] = memref.get_global @splat : memref<64xf32>
// CHECK-NEXT: %[[ODD:.*]] = memref.get_global @odd : memref<5xi8>
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[SMALL]], %[[SPLAT]], %[[ODD]]
func.func @uses() -> (memref<4x4xf32>, memref<17xi32>, memref<2xf32>, memref<64xf32>, memref<5xi8>) {
  %0 = memref.get_global @w0 : memref<4x4xf32>
  %1 = memref.get_global @w1 : memref<17xi32>
  %2 = memref.get_global @small : memref<2xf32>
  %3 = memref.get_global @splat : memref<64xf32>
  %4 = memref.get_global @odd : memref<5xi8>
  return %0, %1, %2, %3, %4 : memref<4x4xf32>, memref<17xi32>, memref<2xf32>, memref<64xf32>, memref<5xi8>
}

// Every use is rewritten, in every function.
// CHECK-LABEL: func.func @other_use
// CHECK: %[[B:.*]] = memref.get_global @__onnxc_weights : memref<132xi8>
// CHECK: memref.view %[[B]][%{{.*}}][] : memref<132xi8> to memref<4x4xf32>
func.func @other_use() -> memref<4x4xf32> {
  %0 = memref.get_global @w0 : memref<4x4xf32>
  return %0 : memref<4x4xf32>
}

// The blob: w0's 64 bytes (1.0 .. 16.0) at offset 0, then w1's 68 bytes at
// offset 64.
// CHECK: __onnxc_weights: "0x{{........}}0000803F000000400000404000008040{{[0-9A-F]*}}00008041
// CHECK-SAME: 0100000002000000030000000400000005000000060000000700000008000000090000000A0000000B0000000C0000000D0000000E0000000F0000001000000011000000"

// With min-bytes=4 the 5-byte global is packed too, at the next aligned
// offset (64), which moves w1 to 128; the 8-byte @small goes to 256.
// MIN4: memref.global "private" constant @__onnxc_weights : memref<264xi8>
// MIN4-NOT: @odd :
// MIN4-NOT: @small :
// MIN4-LABEL: func.func @uses
// MIN4: memref.view %{{.*}}[%{{.*}}][] : memref<264xi8> to memref<4x4xf32>
// MIN4: %[[O1:.*]] = arith.constant 128 : index
// MIN4-NEXT: memref.view %{{.*}}[%[[O1]]][] : memref<264xi8> to memref<17xi32>
// MIN4: %[[O2:.*]] = arith.constant 256 : index
// MIN4-NEXT: memref.view %{{.*}}[%[[O2]]][] : memref<264xi8> to memref<2xf32>
// MIN4: %[[O3:.*]] = arith.constant 64 : index
// MIN4-NEXT: memref.view %{{.*}}[%[[O3]]][] : memref<264xi8> to memref<5xi8>

// Nothing large enough: the module is unchanged.
// NONE-NOT: __onnxc_weights
// NONE: memref.global "private" constant @w0 : memref<4x4xf32>
// NONE-NOT: memref.view
// NONE-NOT: __onnxc_weights

{-#
  dialect_resources: {
    builtin: {
      w1_bytes: "0x040000000100000002000000030000000400000005000000060000000700000008000000090000000A0000000B0000000C0000000D0000000E0000000F0000001000000011000000"
    }
  }
#-}
