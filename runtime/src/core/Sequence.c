/*===- Sequence.c - support code for sequences in generated models -------===*
 *
 * Linked into every compiled libmodel.so from libonnxc_core.a (plain C, libc
 * only), like MemrefCopy.c. The lowering of the onnx sequence and optional
 * ops (lib/Conversion/OnnxToLinalg/Sequences.cpp) calls these functions.
 *
 * Sequences are values: no function changes a sequence it is given; each
 * returns a new one, which shares the tensors of the old one (a tensor is
 * never changed once made), so an insert in a loop copies pointers only.
 * Every sequence and tensor made during one call of the entry point belongs
 * to that call's context (onnxc_seq_ctx_create) and is freed with it
 * (onnxc_seq_ctx_release); the outputs are deep copies made by
 * onnxc_seq_export, which the runtime takes over. Inputs belong to the
 * runtime and are only read. A NULL sequence reads as empty.
 *
 * Tensors are passed as MLIR unranked memrefs (rank, pointer to the strided
 * descriptor). There is one entry point per element type (the suffix: the
 * MLIR element type, signless), because the generated declarations carry the
 * memref element type; they share one implementation per element size.
 *
 * Errors (an index out of range, a shape that does not match) cannot be
 * returned in ABI 2: a read of a missing element yields zeros, an insert at a
 * bad position appends, and nothing writes outside its buffers.
 *
 *===---------------------------------------------------------------------===*/

#include "SequenceAbi.h"

#include <stdlib.h>
#include <string.h>

#define HIDDEN __attribute__((visibility("hidden")))

typedef struct {
  char *allocated;
  char *aligned;
  int64_t offset;
  int64_t shape[]; /* sizes[rank], then strides[rank] */
} Descriptor;

/* What one call of the entry point made: its sequences (their element
 * arrays are their own) and the tensor buffers and shapes (shared by every
 * sequence that holds the tensor: a tensor is never changed once made). */
typedef struct {
  OnnxcSequence **items;
  int64_t count;
  int64_t capacity;
  void **buffers;
  int64_t bufferCount;
  int64_t bufferCapacity;
} Context;

/* Makes `ctx` own `buffer` (NULL is fine); 0, with `buffer` freed, when out
 * of memory. */
static int track(Context *c, void *buffer) {
  if (!buffer)
    return 1;
  if (c->bufferCount == c->bufferCapacity) {
    int64_t grown = c->bufferCapacity ? 2 * c->bufferCapacity : 32;
    void **buffers =
        (void **)realloc(c->buffers, (size_t)grown * sizeof(*buffers));
    if (!buffers) {
      free(buffer);
      return 0;
    }
    c->buffers = buffers;
    c->bufferCapacity = grown;
  }
  c->buffers[c->bufferCount++] = buffer;
  return 1;
}

HIDDEN void onnxcSequenceFree(OnnxcSequence *seq) {
  if (!seq)
    return;
  for (int64_t i = 0; i < seq->count; ++i) {
    free(seq->elements[i].data);
    free(seq->elements[i].shape);
  }
  free(seq->elements);
  free(seq);
}

HIDDEN void *onnxc_seq_ctx_create(void) { return calloc(1, sizeof(Context)); }

HIDDEN void onnxc_seq_ctx_release(void *ctx) {
  Context *c = (Context *)ctx;
  if (!c)
    return;
  for (int64_t i = 0; i < c->count; ++i) {
    free(c->items[i]->elements);
    free(c->items[i]);
  }
  for (int64_t i = 0; i < c->bufferCount; ++i)
    free(c->buffers[i]);
  free(c->items);
  free(c->buffers);
  free(c);
}

/* A new sequence of `capacity` element slots, owned by `ctx`. */
static OnnxcSequence *newSequence(Context *c, int32_t dtype, int64_t capacity) {
  if (!c)
    return NULL;
  if (c->count == c->capacity) {
    int64_t grown = c->capacity ? 2 * c->capacity : 16;
    OnnxcSequence **items =
        (OnnxcSequence **)realloc(c->items, (size_t)grown * sizeof(*items));
    if (!items)
      return NULL;
    c->items = items;
    c->capacity = grown;
  }
  OnnxcSequence *seq = (OnnxcSequence *)calloc(1, sizeof(OnnxcSequence));
  if (!seq)
    return NULL;
  seq->dtype = dtype;
  if (capacity > 0) {
    seq->elements = (OnnxcSequenceElement *)calloc(
        (size_t)capacity, sizeof(OnnxcSequenceElement));
    if (!seq->elements) {
      free(seq);
      return NULL;
    }
    seq->capacity = capacity;
  }
  c->items[c->count++] = seq;
  return seq;
}

static int64_t elementCount(const int64_t *shape, int32_t rank) {
  int64_t n = 1;
  for (int32_t i = 0; i < rank; ++i)
    n *= shape[i];
  return n;
}

/* A deep copy of `from` into `to` (zeroed); 0 when out of memory. */
static int copyElement(OnnxcSequenceElement *to,
                       const OnnxcSequenceElement *from, int64_t elemSize) {
  *to = *from;
  to->data = NULL;
  to->shape = NULL;
  if (from->rank > 0) {
    to->shape = (int64_t *)malloc((size_t)from->rank * sizeof(int64_t));
    if (!to->shape)
      return 0;
    memcpy(to->shape, from->shape, (size_t)from->rank * sizeof(int64_t));
  }
  int64_t bytes = elementCount(from->shape, from->rank) * elemSize;
  if (bytes > 0 && from->data) {
    to->data = malloc((size_t)bytes);
    if (!to->data)
      return 0;
    memcpy(to->data, from->data, (size_t)bytes);
  }
  return 1;
}

/* Bytes per element of a TensorProto data type (narrow types: 1). */
static int64_t dtypeSize(int32_t dtype) {
  switch (dtype) {
  case 1:
  case 6:
  case 12:
    return 4; /* float, int32, uint32 */
  case 7:
  case 11:
  case 13:
    return 8; /* int64, double, uint64 */
  case 4:
  case 5:
  case 10:
  case 16:
    return 2;
  default:
    return 1;
  }
}

/* Copies the strided memref into a new contiguous element whose buffers
 * `c` owns. */
static int elementFromMemref(Context *c, OnnxcSequenceElement *e, int64_t rank,
                             const Descriptor *d, int64_t elemSize,
                             int32_t dtype) {
  memset(e, 0, sizeof(*e));
  e->dtype = dtype;
  e->rank = (int32_t)rank;
  if (rank > 64)
    return 0;
  if (rank > 0) {
    e->shape = (int64_t *)malloc((size_t)rank * sizeof(int64_t));
    if (!e->shape || !track(c, e->shape))
      return 0;
    memcpy(e->shape, d->shape, (size_t)rank * sizeof(int64_t));
  }
  int64_t count = elementCount(d->shape, (int32_t)rank);
  if (count <= 0)
    return 1;
  e->data = malloc((size_t)(count * elemSize));
  if (!e->data || !track(c, e->data))
    return 0;
  const int64_t *sizes = d->shape, *strides = d->shape + rank;
  const char *src = d->aligned + d->offset * elemSize;
  char *dst = (char *)e->data;
  int64_t index[64] = {0};
  if (rank > 64)
    return 0;
  for (int64_t n = 0; n < count; ++n) {
    int64_t offset = 0;
    for (int64_t i = 0; i < rank; ++i)
      offset += index[i] * strides[i];
    memcpy(dst + n * elemSize, src + offset * elemSize, (size_t)elemSize);
    for (int64_t i = rank - 1; i >= 0; --i) {
      if (++index[i] < sizes[i])
        break;
      index[i] = 0;
    }
  }
  return 1;
}

/* A copy of `seq` with room for `extra` more elements; NULL on failure. */
static OnnxcSequence *copySequence(Context *c, const OnnxcSequence *seq,
                                   int32_t dtype, int64_t extra) {
  int64_t count = seq ? seq->count : 0;
  OnnxcSequence *out = newSequence(c, seq ? seq->dtype : dtype, count + extra);
  if (!out)
    return NULL;
  int64_t elemSize = dtypeSize(out->dtype);
  for (int64_t i = 0; i < count; ++i) {
    if (!copyElement(&out->elements[i], &seq->elements[i], elemSize))
      return out;
    out->count = i + 1;
  }
  return out;
}

HIDDEN void *onnxc_seq_export(void *ctx, void *value) {
  const OnnxcSequence *seq = (const OnnxcSequence *)value;
  if (!seq)
    return NULL;
  Context scratch = {0};
  OnnxcSequence *copy = copySequence(&scratch, seq, seq->dtype, 0);
  free(scratch.items); /* the copy is not owned by any context */
  return copy;
}

HIDDEN void *onnxc_seq_empty(void *ctx, int32_t dtype) {
  return newSequence((Context *)ctx, dtype, 0);
}

HIDDEN int64_t onnxc_seq_length(void *value) {
  const OnnxcSequence *seq = (const OnnxcSequence *)value;
  return seq ? seq->count : 0;
}

HIDDEN int32_t onnxc_opt_has_element(void *value, int32_t isSequence) {
  const OnnxcSequence *seq = (const OnnxcSequence *)value;
  if (!seq)
    return 0;
  return isSequence ? 1 : seq->count > 0;
}

/* `position` made non-negative; -1 when out of 0..limit. */
static int64_t normalize(int64_t position, int64_t limit, int64_t count) {
  if (position < 0)
    position += count;
  return position < 0 || position > limit ? -1 : position;
}

HIDDEN void *onnxc_seq_erase(void *ctx, void *value, int64_t position,
                             int32_t hasPosition) {
  const OnnxcSequence *seq = (const OnnxcSequence *)value;
  int64_t count = seq ? seq->count : 0;
  int64_t at = hasPosition ? normalize(position, count - 1, count) : count - 1;
  OnnxcSequence *out = newSequence((Context *)ctx, seq ? seq->dtype : 0, count);
  if (!out)
    return NULL;
  /* The tensors are shared, not copied. */
  for (int64_t i = 0; i < count; ++i)
    if (i != at)
      out->elements[out->count++] = seq->elements[i];
  return out;
}

static void *seqInsert(void *ctx, void *value, int64_t rank, void *desc,
                       int64_t elemSize, int32_t dtype, int64_t position,
                       int32_t hasPosition) {
  const OnnxcSequence *seq = (const OnnxcSequence *)value;
  int64_t count = seq ? seq->count : 0;
  int64_t at = hasPosition ? normalize(position, count, count) : count;
  if (at < 0)
    at = count;
  OnnxcSequence *out =
      newSequence((Context *)ctx, seq ? seq->dtype : dtype, count + 1);
  if (!out)
    return NULL;
  for (int64_t i = 0, j = 0; i <= count; ++i) {
    OnnxcSequenceElement *e = &out->elements[out->count];
    if (i != at)
      *e = seq->elements[j++]; /* shared */
    else if (!elementFromMemref((Context *)ctx, e, rank,
                                (const Descriptor *)desc, elemSize, dtype))
      break;
    ++out->count;
  }
  return out;
}

/* The element at `position`, or NULL. */
static const OnnxcSequenceElement *at(const OnnxcSequence *seq,
                                      int64_t position) {
  int64_t count = seq ? seq->count : 0;
  int64_t i = normalize(position, count - 1, count);
  return i < 0 ? NULL : &seq->elements[i];
}

HIDDEN int64_t onnxc_seq_dim(void *value, int64_t position, int64_t rank,
                             int64_t dim) {
  const OnnxcSequenceElement *e = at((const OnnxcSequence *)value, position);
  if (!e || e->rank != rank || dim < 0 || dim >= rank)
    return 0;
  return e->shape[dim];
}

static void seqRead(void *value, int64_t position, int64_t rank, void *desc,
                    int64_t elemSize) {
  const OnnxcSequenceElement *e = at((const OnnxcSequence *)value, position);
  Descriptor *d = (Descriptor *)desc;
  const int64_t *sizes = d->shape;
  int64_t count = elementCount(sizes, (int32_t)rank);
  char *dst = d->aligned + d->offset * elemSize;
  int match = e && e->rank == rank;
  for (int64_t i = 0; match && i < rank; ++i)
    match = e->shape[i] == sizes[i];
  /* The destination is a fresh row-major buffer of `sizes`. */
  if (count <= 0)
    return;
  if (!match || !e->data) {
    memset(dst, 0, (size_t)(count * elemSize));
    return;
  }
  memcpy(dst, e->data, (size_t)(count * elemSize));
}

/* SplitToSequence: pieces of `split` (NULL: pieces of 1), or of the scalar
 * split size. */
static void *seqSplit(void *ctx, int64_t rank, void *desc, int64_t elemSize,
                      int32_t dtype, int64_t axis, int64_t splitRank,
                      void *splitDesc, int32_t hasSplit, int32_t keepdims) {
  const Descriptor *d = (const Descriptor *)desc;
  if (rank <= 0 || rank > 64)
    return newSequence((Context *)ctx, dtype, 0);
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis >= rank)
    return newSequence((Context *)ctx, dtype, 0);
  int64_t length = d->shape[axis];
  /* The pieces: `numPieces` of `size` (the last one shorter), or the sizes
   * listed in `split`, which must add up to the axis' size. */
  int64_t numPieces = length, size = 1, stride = 0;
  const int64_t *sizes = NULL;
  if (hasSplit) {
    const Descriptor *s = (const Descriptor *)splitDesc;
    const int64_t *values = (const int64_t *)(s->aligned) + s->offset;
    if (splitRank == 0) {
      size = values[0];
      if (size <= 0)
        return newSequence((Context *)ctx, dtype, 0);
      numPieces = length / size + (length % size != 0);
    } else {
      int64_t total = 0;
      numPieces = s->shape[0];
      stride = s->shape[1];
      for (int64_t i = 0; i < numPieces; ++i) {
        int64_t v = values[i * stride];
        if (v < 0 || v > length - total)
          return newSequence((Context *)ctx, dtype, 0);
        total += v;
      }
      if (total != length)
        return newSequence((Context *)ctx, dtype, 0);
      sizes = values;
    }
  }
  OnnxcSequence *out = newSequence((Context *)ctx, dtype, numPieces);
  if (!out)
    return NULL;
  int dropAxis = !hasSplit && !keepdims;
  int64_t start = 0;
  for (int64_t p = 0; p < numPieces; ++p) {
    /* A view of the piece: same strides, the axis cut. */
    int64_t words[3 + 2 * 64];
    Descriptor *view = (Descriptor *)words;
    view->allocated = d->allocated;
    view->aligned = d->aligned;
    view->offset = d->offset + start * d->shape[rank + axis];
    for (int64_t i = 0; i < rank; ++i) {
      int64_t piece = sizes ? sizes[p * stride]
                            : (length - start < size ? length - start : size);
      view->shape[i] = i == axis ? piece : d->shape[i];
      view->shape[rank + i] = d->shape[rank + i];
    }
    OnnxcSequenceElement *e = &out->elements[out->count];
    if (!elementFromMemref((Context *)ctx, e, rank, view, elemSize, dtype))
      break;
    if (dropAxis) {
      for (int64_t i = axis; i + 1 < rank; ++i)
        e->shape[i] = e->shape[i + 1];
      --e->rank;
    }
    ++out->count;
    start += sizes ? sizes[p * stride]
                   : (length - start < size ? length - start : size);
  }
  return out;
}

/* ConcatFromSequence: the dims of the result, then its data. */
HIDDEN int64_t onnxc_seq_concat_dim(void *value, int64_t rank, int64_t axis,
                                    int32_t newAxis, int64_t dim) {
  const OnnxcSequence *seq = (const OnnxcSequence *)value;
  int64_t count = seq ? seq->count : 0;
  if (count == 0)
    return 0;
  const OnnxcSequenceElement *first = &seq->elements[0];
  int64_t elemRank = rank - (newAxis ? 1 : 0);
  if (first->rank != elemRank)
    return 0;
  if (dim == axis) {
    if (newAxis)
      return count;
    int64_t total = 0;
    for (int64_t i = 0; i < count; ++i)
      total +=
          seq->elements[i].rank == elemRank ? seq->elements[i].shape[axis] : 0;
    return total;
  }
  int64_t source = newAxis && dim > axis ? dim - 1 : dim;
  return first->shape[source];
}

static void seqConcat(void *value, int64_t rank, void *desc, int64_t elemSize,
                      int64_t axis, int32_t newAxis) {
  const OnnxcSequence *seq = (const OnnxcSequence *)value;
  Descriptor *d = (Descriptor *)desc;
  char *dst = d->aligned + d->offset * elemSize;
  int64_t total = elementCount(d->shape, (int32_t)rank);
  if (total <= 0)
    return;
  memset(dst, 0, (size_t)(total * elemSize));
  /* outer = dims before the axis, inner = bytes of one axis step. */
  int64_t outer = 1, inner = elemSize;
  for (int64_t i = 0; i < axis; ++i)
    outer *= d->shape[i];
  for (int64_t i = axis + 1; i < rank; ++i)
    inner *= d->shape[i];
  int64_t rowBytes = d->shape[axis] * inner;
  int64_t elemRank = rank - (newAxis ? 1 : 0);
  int64_t done = 0;
  for (int64_t k = 0; seq && k < seq->count; ++k) {
    const OnnxcSequenceElement *e = &seq->elements[k];
    if (e->rank != elemRank || !e->data)
      continue;
    int64_t steps = newAxis ? 1 : e->shape[axis];
    int ok = done + steps <= d->shape[axis];
    for (int64_t i = 0, j = 0; ok && i < rank; ++i) {
      if (i == axis) {
        if (!newAxis)
          ++j;
        continue;
      }
      ok = e->shape[j++] == d->shape[i];
    }
    if (!ok)
      continue;
    int64_t chunk = steps * inner;
    for (int64_t o = 0; o < outer; ++o)
      memcpy(dst + o * rowBytes + done * inner,
             (const char *)e->data + o * chunk, (size_t)chunk);
    done += steps;
  }
}

/* One entry point per element type: NAME_SUFFIX with the element size. */
#define ONNXC_SEQ_ENTRIES(SUFFIX, SIZE)                                        \
  HIDDEN void *onnxc_seq_insert_##SUFFIX(                                      \
      void *ctx, void *seq, int64_t rank, void *desc, int32_t dtype,           \
      int64_t position, int32_t hasPosition) {                                 \
    return seqInsert(ctx, seq, rank, desc, SIZE, dtype, position,              \
                     hasPosition);                                             \
  }                                                                            \
  HIDDEN void onnxc_seq_read_##SUFFIX(void *seq, int64_t position,             \
                                      int64_t rank, void *desc) {              \
    seqRead(seq, position, rank, desc, SIZE);                                  \
  }                                                                            \
  HIDDEN void *onnxc_seq_split_##SUFFIX(                                       \
      void *ctx, int64_t rank, void *desc, int64_t splitRank, void *splitDesc, \
      int32_t dtype, int64_t axis, int32_t hasSplit, int32_t keepdims) {       \
    return seqSplit(ctx, rank, desc, SIZE, dtype, axis, splitRank, splitDesc,  \
                    hasSplit, keepdims);                                       \
  }                                                                            \
  HIDDEN void onnxc_seq_concat_##SUFFIX(void *seq, int64_t rank, void *desc,   \
                                        int64_t axis, int32_t newAxis) {       \
    seqConcat(seq, rank, desc, SIZE, axis, newAxis);                           \
  }

ONNXC_SEQ_ENTRIES(f16, 2)
ONNXC_SEQ_ENTRIES(bf16, 2)
ONNXC_SEQ_ENTRIES(f32, 4)
ONNXC_SEQ_ENTRIES(f64, 8)
ONNXC_SEQ_ENTRIES(i1, 1)
ONNXC_SEQ_ENTRIES(i2, 1)
ONNXC_SEQ_ENTRIES(i4, 1)
ONNXC_SEQ_ENTRIES(i8, 1)
ONNXC_SEQ_ENTRIES(i16, 2)
ONNXC_SEQ_ENTRIES(i32, 4)
ONNXC_SEQ_ENTRIES(i64, 8)
ONNXC_SEQ_ENTRIES(f8E4M3FN, 1)
ONNXC_SEQ_ENTRIES(f8E4M3FNUZ, 1)
ONNXC_SEQ_ENTRIES(f8E5M2, 1)
ONNXC_SEQ_ENTRIES(f8E5M2FNUZ, 1)
ONNXC_SEQ_ENTRIES(f8E8M0FNU, 1)
ONNXC_SEQ_ENTRIES(f4E2M1FN, 1)
