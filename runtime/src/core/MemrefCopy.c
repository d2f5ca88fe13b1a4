/*===- MemrefCopy.c - support code that generated models call ------------===*
 *
 * Linked into every compiled libmodel.so from libonnxc_core.a, so it must
 * need nothing beyond libc: plain C, no C++ runtime.
 *
 * memrefCopy is what MLIR's memref.copy lowers to for copies that are not
 * one contiguous block (strided views, broadcasts).
 *
 *===---------------------------------------------------------------------===*/

#include <stdint.h>
#include <string.h>

typedef struct {
  int64_t rank;
  void *descriptor;
} OnnxcUnrankedMemRef;

/* The strided descriptor: allocated, aligned, offset, sizes[r], strides[r]. */
typedef struct {
  char *allocated;
  char *aligned;
  int64_t offset;
  int64_t shape[];
} OnnxcStridedHeader;

__attribute__((visibility("hidden"))) void
memrefCopy(int64_t elemSize, OnnxcUnrankedMemRef *src,
           OnnxcUnrankedMemRef *dst) {
  const OnnxcStridedHeader *s = (const OnnxcStridedHeader *)src->descriptor;
  const OnnxcStridedHeader *d = (const OnnxcStridedHeader *)dst->descriptor;
  int64_t rank = src->rank;
  const int64_t *sizes = s->shape;
  const int64_t *srcStrides = s->shape + rank;
  const int64_t *dstStrides = d->shape + rank;
  const char *srcPtr = s->aligned + s->offset * elemSize;
  char *dstPtr = d->aligned + d->offset * elemSize;

  int64_t count = 1;
  for (int64_t i = 0; i < rank; ++i)
    count *= sizes[i];
  if (count == 0)
    return;

  /* One block when both are row-major contiguous. */
  int contiguous = 1;
  int64_t expected = 1;
  for (int64_t i = rank - 1; i >= 0; --i) {
    if (sizes[i] != 1 &&
        (srcStrides[i] != expected || dstStrides[i] != expected)) {
      contiguous = 0;
      break;
    }
    expected *= sizes[i];
  }
  if (contiguous) {
    memmove(dstPtr, srcPtr, (size_t)(count * elemSize));
    return;
  }

  /* Odometer over all indices; at most 64 dims. */
  int64_t index[64] = {0};
  if (rank > 64)
    return;
  int64_t srcOffset = 0, dstOffset = 0;
  for (;;) {
    memcpy(dstPtr + dstOffset * elemSize, srcPtr + srcOffset * elemSize,
           (size_t)elemSize);
    int64_t axis = rank - 1;
    for (; axis >= 0; --axis) {
      ++index[axis];
      srcOffset += srcStrides[axis];
      dstOffset += dstStrides[axis];
      if (index[axis] < sizes[axis])
        break;
      srcOffset -= srcStrides[axis] * sizes[axis];
      dstOffset -= dstStrides[axis] * sizes[axis];
      index[axis] = 0;
    }
    if (axis < 0)
      return;
  }
}
