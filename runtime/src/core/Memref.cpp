//===- Memref.cpp - MLIR memref descriptors of the entry point ------------===//

#include "Memref.h"

#include <cstring>

namespace onnxc {

void writeContiguousDescriptor(int64_t *words, void *data, const int64_t *sizes,
                               size_t rank) {
  std::memcpy(&words[0], &data, sizeof(void *));
  std::memcpy(&words[1], &data, sizeof(void *));
  words[2] = 0;
  int64_t stride = 1;
  for (size_t i = rank; i-- > 0;) {
    words[3 + i] = sizes[i];
    words[3 + rank + i] = stride;
    stride *= sizes[i] > 0 ? sizes[i] : 1;
  }
}

MemrefView readDescriptor(const int64_t *words, size_t rank) {
  MemrefView view;
  std::memcpy(&view.allocated, &words[0], sizeof(void *));
  std::memcpy(&view.aligned, &words[1], sizeof(void *));
  view.offset = words[2];
  view.rank = rank;
  view.sizes = words + 3;
  view.strides = words + 3 + rank;
  return view;
}

bool isRowMajorContiguous(const MemrefView &view) {
  int64_t expected = 1;
  for (size_t i = view.rank; i-- > 0;) {
    if (view.sizes[i] != 1 && view.strides[i] != expected)
      return false;
    expected *= view.sizes[i];
  }
  return true;
}

char *viewBase(const MemrefView &view, size_t elemSize) {
  // Unsigned arithmetic: the result is only used as an address.
  uintptr_t base =
      reinterpret_cast<uintptr_t>(view.aligned) +
      static_cast<uintptr_t>(view.offset) * static_cast<uintptr_t>(elemSize);
  return reinterpret_cast<char *>(base);
}

namespace {

inline void copyElement(char *dst, const char *src, size_t elemSize) {
  switch (elemSize) {
  case 1:
    *dst = *src;
    return;
  case 2:
    std::memcpy(dst, src, 2);
    return;
  case 4:
    std::memcpy(dst, src, 4);
    return;
  case 8:
    std::memcpy(dst, src, 8);
    return;
  default:
    std::memcpy(dst, src, elemSize);
  }
}

// Address arithmetic is done in unsigned integers: strides come from the
// model and may be anything; the result is only used as an address.
inline const char *advance(const char *pointer, uint64_t elements,
                           size_t elemSize) {
  return reinterpret_cast<const char *>(reinterpret_cast<uintptr_t>(pointer) +
                                        static_cast<uintptr_t>(elements) *
                                            static_cast<uintptr_t>(elemSize));
}

} // namespace

void copyToContiguous(const MemrefView &view, size_t elemSize, void *dst) {
  for (size_t i = 0; i < view.rank; ++i)
    if (view.sizes[i] == 0)
      return;
  const char *base = viewBase(view, elemSize);
  char *out = static_cast<char *>(dst);
  if (view.rank == 0) {
    copyElement(out, base, elemSize);
    return;
  }
  if (isRowMajorContiguous(view)) {
    size_t count = 1;
    for (size_t i = 0; i < view.rank; ++i)
      count *= static_cast<size_t>(view.sizes[i]);
    std::memcpy(out, base, count * elemSize);
    return;
  }
  const size_t inner = view.rank - 1;
  const int64_t innerSize = view.sizes[inner];
  const int64_t innerStride = view.strides[inner];
  int64_t index[64] = {0}; // outer dims counter; rank <= ONNXC_MAX_RANK
  while (true) {
    uint64_t elementOffset = 0;
    for (size_t i = 0; i < inner; ++i)
      elementOffset += static_cast<uint64_t>(index[i]) *
                       static_cast<uint64_t>(view.strides[i]);
    const char *row = advance(base, elementOffset, elemSize);
    if (innerStride == 1) {
      std::memcpy(out, row, static_cast<size_t>(innerSize) * elemSize);
      out += static_cast<size_t>(innerSize) * elemSize;
    } else {
      for (int64_t j = 0; j < innerSize; ++j) {
        copyElement(out,
                    advance(row,
                            static_cast<uint64_t>(j) *
                                static_cast<uint64_t>(innerStride),
                            elemSize),
                    elemSize);
        out += elemSize;
      }
    }
    size_t dim = inner;
    while (dim > 0) {
      --dim;
      if (++index[dim] < view.sizes[dim])
        break;
      index[dim] = 0;
      if (dim == 0)
        return;
    }
    if (inner == 0)
      return;
  }
}

} // namespace onnxc
