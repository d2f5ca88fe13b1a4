//===- Memref.h - MLIR memref descriptors of the entry point ---*- C++ -*-===//
//
// The strided memref descriptor of docs/ABI.md: allocated, aligned, offset,
// sizes[rank], strides[rank], every field 8 bytes.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_RUNTIME_CORE_MEMREF_H
#define ONNXC_RUNTIME_CORE_MEMREF_H

#include <cstddef>
#include <cstdint>

namespace onnxc {

/// The number of 8-byte words of a rank-`rank` descriptor.
constexpr size_t descriptorWords(size_t rank) { return 3 + 2 * rank; }

/// Writes the descriptor of a row-major contiguous buffer.
void writeContiguousDescriptor(int64_t *words, void *data, const int64_t *sizes,
                               size_t rank);

/// A decoded output descriptor.
struct MemrefView {
  void *allocated = nullptr;
  void *aligned = nullptr;
  int64_t offset = 0;
  size_t rank = 0;
  const int64_t *sizes = nullptr;
  const int64_t *strides = nullptr;
};

MemrefView readDescriptor(const int64_t *words, size_t rank);

/// Whether the view is row-major contiguous (dims of size 1 may have any
/// stride).
bool isRowMajorContiguous(const MemrefView &view);

/// The address of element 0: aligned + offset * elemSize.
char *viewBase(const MemrefView &view, size_t elemSize);

/// Copies the elements of `view` into `dst` in row-major order, honouring
/// any strides (0 and negative included). The sizes must be non-negative.
void copyToContiguous(const MemrefView &view, size_t elemSize, void *dst);

} // namespace onnxc

#endif // ONNXC_RUNTIME_CORE_MEMREF_H
