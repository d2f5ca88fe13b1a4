// RUN: onnx-opt %s -split-input-file --onnxc-tile-and-vectorize | FileCheck %s

// A 20x64 * 64x40 matmul: 8x32 register tiles with the accumulator carried
// as a vector through the k loop (n tiles outside m tiles); the 8x8 and the
// 4-row remainders are peeled.
// CHECK-LABEL: func.func @matmul
// CHECK: scf.for %{{.*}} = %c0 to %c16 step %c8
// CHECK: %[[ACC:.*]] = vector.transfer_read {{.*}} : tensor<8x32xf32>, vector<8x32xf32>
// CHECK: scf.for %{{.*}} = %c0 to %c64 step %c1 iter_args(%{{.*}} = %{{.*}}, %{{.*}} = %[[ACC]]) -> (tensor<8x32xf32>, vector<8x32xf32>)
// CHECK-COUNT-8: vector.fma {{.*}} : vector<32xf32>
// CHECK: vector.transfer_write
// The last 4 rows: a 4x32 tile.
// CHECK: iter_args({{.*}}) -> (tensor<4x32xf32>, vector<4x32xf32>)
// The 4x8 corner stays a linalg.matmul.
// CHECK: linalg.matmul ins({{.*}} : tensor<?x64xf32>, tensor<64x8xf32>)
func.func @matmul(%a: tensor<20x64xf32>, %b: tensor<64x40xf32>) -> tensor<20x40xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<20x40xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<20x40xf32>) -> tensor<20x40xf32>
  %r = linalg.matmul ins(%a, %b : tensor<20x64xf32>, tensor<64x40xf32>) outs(%f : tensor<20x40xf32>) -> tensor<20x40xf32>
  return %r : tensor<20x40xf32>
}

// -----

// AVX2 widths: 6x16 tiles.
// RUN: onnx-opt %s -split-input-file --onnxc-tile-and-vectorize="vector-width=8 mr=6" | FileCheck %s --check-prefix=AVX2
// AVX2-LABEL: func.func @matmul_avx2
// AVX2: vector<6x16xf32>
// AVX2-NOT: vector<8x16xf32>
func.func @matmul_avx2(%a: tensor<12x8xf32>, %b: tensor<8x16xf32>, %c: tensor<12x16xf32>) -> tensor<12x16xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<12x8xf32>, tensor<8x16xf32>) outs(%c : tensor<12x16xf32>) -> tensor<12x16xf32>
  return %r : tensor<12x16xf32>
}

// -----

// Not f32: left alone.
// CHECK-LABEL: func.func @int_matmul
// CHECK: linalg.matmul
// CHECK-NOT: vector.
func.func @int_matmul(%a: tensor<8x8xi32>, %b: tensor<8x32xi32>, %c: tensor<8x32xi32>) -> tensor<8x32xi32> {
  %r = linalg.matmul ins(%a, %b : tensor<8x8xi32>, tensor<8x32xi32>) outs(%c : tensor<8x32xi32>) -> tensor<8x32xi32>
  return %r : tensor<8x32xi32>
}

// -----

// With im2col (the default), a dynamic-batch NCHW convolution becomes a
// per-image im2col copy and a matmul; without, it is left alone.
// RUN: onnx-opt %s -split-input-file --onnxc-tile-and-vectorize="im2col=true" | FileCheck %s --check-prefix=IM2COL
// RUN: onnx-opt %s -split-input-file --onnxc-tile-and-vectorize="im2col=false" | FileCheck %s --check-prefix=NOIM2COL
// CHECK-LABEL: func.func @conv
// NOIM2COL-LABEL: func.func @conv
// NOIM2COL: linalg.conv_2d_nchw_fchw
// IM2COL-LABEL: func.func @conv
// IM2COL: scf.for
// IM2COL: linalg.generic {{.*}} ins(%{{.*}} : tensor<1x4x10x10xf32>) outs(%{{.*}} : tensor<4x3x3x8x8xf32>)
// IM2COL: vector.fma
func.func @conv(%x: tensor<?x4x10x10xf32>, %w: tensor<32x4x3x3xf32>, %init: tensor<?x32x8x8xf32>) -> tensor<?x32x8x8xf32> {
  %r = linalg.conv_2d_nchw_fchw ins(%x, %w : tensor<?x4x10x10xf32>, tensor<32x4x3x3xf32>) outs(%init : tensor<?x32x8x8xf32>) -> tensor<?x32x8x8xf32>
  return %r : tensor<?x32x8x8xf32>
}

// -----

// A matmul with M >= 256 packs its right operand: B (64x72) is padded to 96
// columns and copied into 3 panels of 64x32; the product runs over
// (m, panel, column, k) and the padding is sliced off the result.
// RUN: onnx-opt %s -split-input-file --onnxc-tile-and-vectorize | FileCheck %s --check-prefix=PACK
// RUN: onnx-opt %s -split-input-file --onnxc-tile-and-vectorize="pack=false" | FileCheck %s --check-prefix=NOPACK
// PACK-LABEL: func.func @packed_matmul
// PACK: tensor.pad %{{.*}} low[0, 0] high[0, 24]
// PACK: tensor.expand_shape {{.*}} into tensor<64x3x32xf32>
// PACK: linalg.generic {{.*}} ins(%{{.*}} : tensor<64x3x32xf32>) outs(%{{.*}} : tensor<3x64x32xf32>)
// PACK: scf.for %{{.*}} = %c0 to %c64 step %c1 iter_args(%{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) -> (tensor<8x1x32xf32>, vector<8x1x32xf32>)
// PACK-COUNT-8: vector.fma {{.*}} : vector<32xf32>
// PACK: tensor.extract_slice %{{.*}}[0, 0] [256, 72] [1, 1] : tensor<256x96xf32> to tensor<256x72xf32>
// NOPACK-LABEL: func.func @packed_matmul
// NOPACK-NOT: tensor.pad
// NOPACK: vector.fma
func.func @packed_matmul(%a: tensor<256x64xf32>, %b: tensor<64x72xf32>, %c: tensor<256x72xf32>) -> tensor<256x72xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<256x64xf32>, tensor<64x72xf32>) outs(%c : tensor<256x72xf32>) -> tensor<256x72xf32>
  return %r : tensor<256x72xf32>
}

// -----

// k runs in blocks of kc (256 by default) between the n and the m tiles, so
// that the 256x32 slice of B that all m tiles read stays in L1.
// RUN: onnx-opt %s -split-input-file --onnxc-tile-and-vectorize | FileCheck %s --check-prefix=KBLOCK
// KBLOCK-LABEL: func.func @k_blocks
// KBLOCK: scf.for %{{.*}} = %c0 to %c64 step %c32
// KBLOCK: scf.for %{{.*}} = %c0 to %c512 step %c256
// KBLOCK: scf.for %{{.*}} = %c0 to %c16 step %c8
// KBLOCK: scf.for %{{.*}} = %c0 to %c256 step %c1 iter_args
// KBLOCK-COUNT-8: vector.fma {{.*}} : vector<32xf32>
func.func @k_blocks(%a: tensor<16x512xf32>, %b: tensor<512x64xf32>, %c: tensor<16x64xf32>) -> tensor<16x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<16x512xf32>, tensor<512x64xf32>) outs(%c : tensor<16x64xf32>) -> tensor<16x64xf32>
  return %r : tensor<16x64xf32>
}
