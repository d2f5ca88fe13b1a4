// RUN: onnx-opt %s -split-input-file --onnxc-strided-copies-to-linalg | FileCheck %s

// Into the interior of a padded buffer: a strided target, so a linalg.copy
// (a vectorizable loop nest) instead of a memrefCopy call.
// CHECK-LABEL: func.func @into_padded
// CHECK-NOT: memref.copy
// CHECK: linalg.copy ins(%{{.*}} : memref<1x3x4x4xf32>) outs(%{{.*}} : memref<1x3x4x4xf32, strided<[108, 36, 6, 1], offset: 7>>)
func.func @into_padded(%x: memref<1x3x4x4xf32>, %padded: memref<1x3x6x6xf32>) {
  %sub = memref.subview %padded[0, 0, 1, 1] [1, 3, 4, 4] [1, 1, 1, 1] : memref<1x3x6x6xf32> to memref<1x3x4x4xf32, strided<[108, 36, 6, 1], offset: 7>>
  memref.copy %x, %sub : memref<1x3x4x4xf32> to memref<1x3x4x4xf32, strided<[108, 36, 6, 1], offset: 7>>
  return
}

// -----

// Contiguous on both sides (identity layout, or a strided layout that is
// row-major contiguous): stays one memcpy.
// CHECK-LABEL: func.func @contiguous
// CHECK: memref.copy %{{.*}}, %{{.*}} : memref<2x8xf32> to memref<2x8xf32>
// CHECK: memref.copy %{{.*}}, %{{.*}} : memref<8xf32> to memref<8xf32, strided<[1], offset: 8>>
// CHECK-NOT: linalg.copy
func.func @contiguous(%a: memref<2x8xf32>, %b: memref<2x8xf32>, %row: memref<8xf32>) {
  memref.copy %a, %b : memref<2x8xf32> to memref<2x8xf32>
  %sub = memref.subview %b[1, 0] [1, 8] [1, 1] : memref<2x8xf32> to memref<8xf32, strided<[1], offset: 8>>
  memref.copy %row, %sub : memref<8xf32> to memref<8xf32, strided<[1], offset: 8>>
  return
}

// -----

// Dynamic strides: a linalg.copy too.
// CHECK-LABEL: func.func @dynamic
// CHECK: linalg.copy
func.func @dynamic(%a: memref<?x?xf32>, %b: memref<?x?xf32, strided<[?, 1], offset: ?>>) {
  memref.copy %a, %b : memref<?x?xf32> to memref<?x?xf32, strided<[?, 1], offset: ?>>
  return
}
