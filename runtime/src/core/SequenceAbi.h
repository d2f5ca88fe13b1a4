/*===- SequenceAbi.h - sequences as compiled models pass them ----*- C -*-===*
 *
 * The memory layout of a sequence (and of an optional) between a compiled
 * model and the runtime (docs/ABI.md, version 2). Plain C: the generated
 * code's support functions (Sequence.c) and the runtime both use it.
 *
 * A sequence is a pointer to an OnnxcSequence; every pointer in it comes from
 * malloc (data may be NULL for an element with no elements, shape NULL for a
 * scalar) and the whole is freed with onnxcSequenceFree(). An optional
 * tensor is a sequence of 0 (absent) or 1 element; an optional sequence is a
 * sequence pointer that is NULL when absent.
 *
 *===---------------------------------------------------------------------===*/

#ifndef ONNXC_RUNTIME_CORE_SEQUENCEABI_H
#define ONNXC_RUNTIME_CORE_SEQUENCEABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct OnnxcSequenceElement {
  void *data;     /* row-major contiguous elements, one byte per narrow one */
  int64_t *shape; /* rank dims */
  int32_t dtype;  /* onnxc_element_type (the TensorProto code) */
  int32_t rank;
} OnnxcSequenceElement;

typedef struct OnnxcSequence {
  int64_t count;
  int64_t capacity;
  OnnxcSequenceElement *elements;
  int32_t dtype; /* the element type, also when count is 0 */
  int32_t flags; /* 0; reserved */
} OnnxcSequence;

/* Frees `seq`, its elements and their buffers. NULL is a no-op. */
void onnxcSequenceFree(OnnxcSequence *seq);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ONNXC_RUNTIME_CORE_SEQUENCEABI_H */
