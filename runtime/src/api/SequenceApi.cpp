//===- SequenceApi.cpp - onnxc_sequence -----------------------------------===//
//
// An onnxc_sequence is the OnnxcSequence of the model ABI (SequenceAbi.h):
// the runtime passes it to the model as it is, and a sequence the model
// returns is handed to the caller without a copy.
//
//===----------------------------------------------------------------------===//

#include "../core/ElementType.h"
#include "../core/SequenceAbi.h"
#include "../core/Status.h"
#include "../core/TensorCheck.h"

#include <cstdlib>
#include <cstring>

namespace {

OnnxcSequence *unwrap(onnxc_sequence *sequence) {
  return reinterpret_cast<OnnxcSequence *>(sequence);
}
const OnnxcSequence *unwrap(const onnxc_sequence *sequence) {
  return reinterpret_cast<const OnnxcSequence *>(sequence);
}

onnxc_status *append(OnnxcSequence *seq, const onnxc_tensor &tensor) {
  using onnxc::makeStatus;
  if (tensor.dtype != seq->dtype)
    return makeStatus(ONNXC_TYPE_MISMATCH,
                      std::string("tensor has element type ") +
                          (onnxc::elementTypeName(tensor.dtype)
                               ? onnxc::elementTypeName(tensor.dtype)
                               : "unknown") +
                          ", the sequence holds " +
                          onnxc::elementTypeName(
                              static_cast<onnxc_element_type>(seq->dtype)));
  if (tensor.rank < 0 || tensor.rank > ONNXC_MAX_RANK)
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      "tensor rank " + std::to_string(tensor.rank) +
                          " is not in 0.." + std::to_string(ONNXC_MAX_RANK));
  if (tensor.memory != ONNXC_MEMORY_HOST)
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      "a sequence holds host tensors only");
  size_t elemSize = onnxc::elementTypeSize(tensor.dtype);
  uint64_t bytes = 0;
  if (!onnxc::byteSize(tensor.shape, static_cast<size_t>(tensor.rank), elemSize,
                       bytes))
    return makeStatus(
        ONNXC_SHAPE_MISMATCH,
        "tensor shape " +
            onnxc::formatDims(tensor.shape, static_cast<size_t>(tensor.rank)) +
            " is invalid");
  if (bytes > 0 && !tensor.data)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "tensor data is null");
  if (bytes > tensor.byte_size)
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      "tensor needs " + std::to_string(bytes) +
                          " bytes, byte_size is " +
                          std::to_string(tensor.byte_size));
  if (seq->count == seq->capacity) {
    int64_t grown = seq->capacity ? 2 * seq->capacity : 4;
    void *elements =
        std::realloc(seq->elements,
                     static_cast<size_t>(grown) * sizeof(OnnxcSequenceElement));
    if (!elements)
      return onnxc::outOfMemoryStatus();
    seq->elements = static_cast<OnnxcSequenceElement *>(elements);
    seq->capacity = grown;
  }
  OnnxcSequenceElement element{};
  element.dtype = tensor.dtype;
  element.rank = tensor.rank;
  if (tensor.rank > 0) {
    element.shape = static_cast<int64_t *>(
        std::malloc(static_cast<size_t>(tensor.rank) * sizeof(int64_t)));
    if (!element.shape)
      return onnxc::outOfMemoryStatus();
    std::memcpy(element.shape, tensor.shape,
                static_cast<size_t>(tensor.rank) * sizeof(int64_t));
  }
  if (bytes > 0) {
    element.data = std::malloc(static_cast<size_t>(bytes));
    if (!element.data) {
      std::free(element.shape);
      return onnxc::outOfMemoryStatus();
    }
    std::memcpy(element.data, tensor.data, static_cast<size_t>(bytes));
  }
  seq->elements[seq->count++] = element;
  return nullptr;
}

} // namespace

extern "C" {

onnxc_status *onnxc_sequence_create(onnxc_element_type dtype,
                                    onnxc_sequence **sequence) {
  if (!sequence)
    return onnxc::makeStatus(ONNXC_INVALID_ARGUMENT, "sequence is null");
  *sequence = nullptr;
  if (onnxc::elementTypeSize(dtype) == 0)
    return onnxc::makeStatus(ONNXC_INVALID_ARGUMENT,
                             "unknown element type " +
                                 std::to_string(static_cast<int>(dtype)));
  auto *seq =
      static_cast<OnnxcSequence *>(std::calloc(1, sizeof(OnnxcSequence)));
  if (!seq)
    return onnxc::outOfMemoryStatus();
  seq->dtype = dtype;
  *sequence = reinterpret_cast<onnxc_sequence *>(seq);
  return nullptr;
}

onnxc_status *onnxc_sequence_append(onnxc_sequence *sequence,
                                    const onnxc_tensor *tensor) {
  if (!sequence)
    return onnxc::makeStatus(ONNXC_INVALID_ARGUMENT, "sequence is null");
  if (!tensor)
    return onnxc::makeStatus(ONNXC_INVALID_ARGUMENT, "tensor is null");
  return onnxc::guard([&] { return append(unwrap(sequence), *tensor); });
}

size_t onnxc_sequence_length(const onnxc_sequence *sequence) {
  const OnnxcSequence *seq = unwrap(sequence);
  return seq && seq->count > 0 ? static_cast<size_t>(seq->count) : 0;
}

onnxc_element_type onnxc_sequence_element_type(const onnxc_sequence *sequence) {
  const OnnxcSequence *seq = unwrap(sequence);
  return seq ? static_cast<onnxc_element_type>(seq->dtype)
             : ONNXC_TYPE_UNDEFINED;
}

onnxc_status *onnxc_sequence_at(const onnxc_sequence *sequence, size_t index,
                                onnxc_tensor *tensor) {
  const OnnxcSequence *seq = unwrap(sequence);
  if (!seq)
    return onnxc::makeStatus(ONNXC_INVALID_ARGUMENT, "sequence is null");
  if (!tensor)
    return onnxc::makeStatus(ONNXC_INVALID_ARGUMENT, "tensor is null");
  if (index >= onnxc_sequence_length(sequence))
    return onnxc::makeStatus(ONNXC_INVALID_ARGUMENT,
                             "index " + std::to_string(index) +
                                 " is out of range (the sequence has " +
                                 std::to_string(seq->count) + " tensors)");
  const OnnxcSequenceElement &e = seq->elements[index];
  if (e.rank < 0 || e.rank > ONNXC_MAX_RANK)
    return onnxc::makeStatus(ONNXC_RUNTIME_ERROR,
                             "tensor " + std::to_string(index) + " has rank " +
                                 std::to_string(e.rank));
  *tensor = onnxc_tensor{};
  tensor->data = e.data;
  tensor->dtype = static_cast<onnxc_element_type>(e.dtype);
  tensor->rank = e.rank;
  for (int32_t i = 0; i < e.rank; ++i)
    tensor->shape[i] = e.shape[i];
  uint64_t bytes = 0;
  if (onnxc::byteSize(tensor->shape, static_cast<size_t>(e.rank),
                      onnxc::elementTypeSize(tensor->dtype), bytes))
    tensor->byte_size = static_cast<size_t>(bytes);
  return nullptr;
}

void onnxc_sequence_release(onnxc_sequence *sequence) {
  onnxcSequenceFree(unwrap(sequence));
}

} // extern "C"
