//===- HostRun.cpp - Calling the entry point of a model -------------------===//

#include "HostRun.h"

#include "../core/ElementType.h"
#include "../core/Memref.h"
#include "../core/SequenceAbi.h"
#include "../core/Status.h"
#include "../core/TensorCheck.h"

#include <cstdlib>
#include <cstring>
#include <vector>

namespace onnxc {
namespace {

/// What MLIR stores as `allocated` for a memref.get_global (never freed).
const uintptr_t kMlirGlobalSentinel = 0xdeadbeef;

/// A read-only, aligned stand-in for the data of an input with no elements.
alignas(64) const unsigned char kEmptyInput[64] = {0};

std::string plural(size_t count, const char *noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

onnxc_status *checkCounts(const Signature &sig, const onnxc_tensor *inputs,
                          size_t inputCount, const onnxc_tensor *outputs,
                          size_t outputCount) {
  if (inputCount != sig.inputs.size())
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      "expected " + plural(sig.inputs.size(), "input") +
                          ", got " + std::to_string(inputCount));
  if (outputCount != sig.outputs.size())
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      "expected " + plural(sig.outputs.size(), "output") +
                          ", got " + std::to_string(outputCount));
  if (!inputs && inputCount > 0)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "inputs is null");
  if (!outputs && outputCount > 0)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "outputs is null");
  return nullptr;
}

/// The buffers the model returned, each to be freed once.
struct Allocation {
  void *pointer;
  int users;
  bool handedOver;
};

Allocation *findAllocation(std::vector<Allocation> &allocations,
                           void *pointer) {
  for (Allocation &allocation : allocations)
    if (allocation.pointer == pointer)
      return &allocation;
  return nullptr;
}

/// Takes one output out of the results block into `tensor`.
onnxc_status *collectOutput(const ValueDesc &desc, const MemrefView &view,
                            std::vector<Allocation> &allocations,
                            onnxc_tensor &tensor) {
  auto what = [&] { return "output \"" + desc.name + "\""; };
  const size_t rank = desc.shape.size();
  const size_t elemSize = elementTypeSize(desc.dtype);
  for (size_t i = 0; i < rank; ++i) {
    if (view.sizes[i] < 0 ||
        (desc.shape[i] >= 0 && view.sizes[i] != desc.shape[i]))
      return makeStatus(ONNXC_RUNTIME_ERROR, what() +
                                                 ": the model returned shape " +
                                                 formatDims(view.sizes, rank) +
                                                 ", the signature declares " +
                                                 formatShape(desc.shape));
  }
  uint64_t bytes = 0;
  if (!byteSize(view.sizes, rank, elemSize, bytes))
    return makeStatus(ONNXC_RUNTIME_ERROR, what() +
                                               ": the model returned shape " +
                                               formatDims(view.sizes, rank) +
                                               ", which is too large");
  if (bytes > 0 && !view.aligned)
    return makeStatus(ONNXC_RUNTIME_ERROR,
                      what() + ": the model returned no buffer");

  if (tensor.data) {
    if (tensor.byte_size < bytes)
      return makeStatus(
          ONNXC_INVALID_ARGUMENT,
          what() + ": result shape " + formatDims(view.sizes, rank) + " of " +
              elementTypeName(desc.dtype) + " needs " + std::to_string(bytes) +
              " bytes, the buffer holds " + std::to_string(tensor.byte_size));
    if (bytes > 0)
      copyToContiguous(view, elemSize, tensor.data);
  } else if (bytes > 0) {
    Allocation *owner = findAllocation(allocations, view.allocated);
    if (owner && owner->users == 1 && !owner->handedOver &&
        isRowMajorContiguous(view)) {
      // Sole user of a contiguous buffer: hand it over without a copy.
      owner->handedOver = true;
      tensor.data = viewBase(view, elemSize);
      tensor.reserved = view.allocated;
    } else {
      void *copy = std::malloc(static_cast<size_t>(bytes));
      if (!copy)
        return outOfMemoryStatus();
      copyToContiguous(view, elemSize, copy);
      tensor.data = copy;
      tensor.reserved = copy;
    }
    tensor.byte_size = static_cast<size_t>(bytes);
    tensor.flags |= ONNXC_TENSOR_OWNED_BY_RUNTIME;
  } else {
    tensor.byte_size = 0;
  }
  tensor.dtype = desc.dtype;
  tensor.rank = static_cast<int32_t>(rank);
  for (size_t i = 0; i < rank; ++i)
    tensor.shape[i] = view.sizes[i];
  return nullptr;
}

bool isSequenceKind(const ValueDesc &desc) {
  return desc.kind != ONNXC_VALUE_TENSOR;
}

/// Words of a value in the results block or the argument block: a memref
/// descriptor for a tensor, one pointer for a sequence or optional.
size_t valueWords(const ValueDesc &desc) {
  return isSequenceKind(desc) ? 1 : descriptorWords(desc.shape.size());
}

/// Checks the tensors of sequence `seq` against `desc`.
onnxc_status *checkSequence(const ValueDesc &desc, const OnnxcSequence *seq,
                            const std::string &what) {
  if (seq->count < 0 || (seq->count > 0 && !seq->elements))
    return makeStatus(ONNXC_INVALID_ARGUMENT, what + ": malformed sequence");
  if (seq->dtype != desc.dtype)
    return makeStatus(ONNXC_TYPE_MISMATCH, what + ": expected a sequence of " +
                                               elementTypeName(desc.dtype));
  for (int64_t i = 0; i < seq->count; ++i) {
    const OnnxcSequenceElement &e = seq->elements[i];
    std::string item = what + " tensor " + std::to_string(i);
    if (e.dtype != desc.dtype)
      return makeStatus(ONNXC_TYPE_MISMATCH, item + ": element type is not " +
                                                 elementTypeName(desc.dtype));
    if (e.rank < 0 || e.rank > ONNXC_MAX_RANK || (e.rank > 0 && !e.shape))
      return makeStatus(ONNXC_SHAPE_MISMATCH, item + ": bad rank");
    if (desc.rankKnown && static_cast<size_t>(e.rank) != desc.shape.size())
      return makeStatus(ONNXC_SHAPE_MISMATCH, item + ": rank " +
                                                  std::to_string(e.rank) +
                                                  ", the signature declares " +
                                                  formatShape(desc.shape));
    for (int32_t d = 0; d < e.rank; ++d)
      if (e.shape[d] < 0 ||
          (desc.rankKnown && desc.shape[d] >= 0 && e.shape[d] != desc.shape[d]))
        return makeStatus(ONNXC_SHAPE_MISMATCH,
                          item + ": shape " +
                              formatDims(e.shape, static_cast<size_t>(e.rank)) +
                              ", the signature declares " +
                              formatShape(desc.shape));
    uint64_t bytes = 0;
    if (!byteSize(e.shape, static_cast<size_t>(e.rank),
                  elementTypeSize(desc.dtype), bytes))
      return makeStatus(ONNXC_SHAPE_MISMATCH, item + ": shape is too large");
    if (bytes > 0 && !e.data)
      return makeStatus(ONNXC_INVALID_ARGUMENT, item + ": data is null");
  }
  return nullptr;
}

/// The pointer passed for a sequence or optional input. An optional tensor
/// is wrapped in `holder` (a borrowed one-element sequence).
onnxc_status *sequenceInput(const ValueDesc &desc, const onnxc_tensor &tensor,
                            OnnxcSequence &holder,
                            OnnxcSequenceElement &element, void *&pointer) {
  std::string what = "input \"" + desc.name + "\"";
  pointer = nullptr;
  if (tensor.flags & ONNXC_TENSOR_NONE) {
    if (desc.kind == ONNXC_VALUE_SEQUENCE)
      return makeStatus(ONNXC_INVALID_ARGUMENT,
                        what + ": a sequence is required, got none");
    if (desc.kind == ONNXC_VALUE_OPTIONAL_TENSOR) {
      holder = OnnxcSequence{};
      holder.dtype = desc.dtype;
      pointer = &holder;
    }
    return nullptr;
  }
  if (desc.kind == ONNXC_VALUE_OPTIONAL_TENSOR) {
    if (tensor.flags & ONNXC_TENSOR_SEQUENCE)
      return makeStatus(ONNXC_INVALID_ARGUMENT,
                        what + ": expected a tensor or none, got a sequence");
    ValueDesc inner = desc;
    inner.kind = ONNXC_VALUE_TENSOR;
    if (onnxc_status *status = checkInput(inner, tensor, ONNXC_DEVICE_CPU))
      return status;
    element = OnnxcSequenceElement{};
    element.data = tensor.data;
    element.shape = const_cast<int64_t *>(tensor.shape);
    element.dtype = tensor.dtype;
    element.rank = tensor.rank;
    holder = OnnxcSequence{};
    holder.count = 1;
    holder.capacity = 1;
    holder.elements = &element;
    holder.dtype = desc.dtype;
    pointer = &holder;
    return nullptr;
  }
  if (!(tensor.flags & ONNXC_TENSOR_SEQUENCE) || !tensor.data)
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      what + ": expected a sequence (flags "
                             "ONNXC_TENSOR_SEQUENCE, data an onnxc_sequence)");
  auto *seq = static_cast<OnnxcSequence *>(tensor.data);
  if (onnxc_status *status = checkSequence(desc, seq, what))
    return status;
  pointer = seq;
  return nullptr;
}

/// Takes sequence or optional output `pointer` (model-owned, from
/// onnxc_seq_export) into `tensor`; frees what it does not hand over.
onnxc_status *collectSequenceOutput(const ValueDesc &desc, void *pointer,
                                    onnxc_tensor &tensor) {
  std::string what = "output \"" + desc.name + "\"";
  auto *seq = static_cast<OnnxcSequence *>(pointer);
  tensor.dtype = desc.dtype;
  tensor.rank = 0;
  tensor.byte_size = tensor.data ? tensor.byte_size : 0;
  if (!seq && desc.kind == ONNXC_VALUE_SEQUENCE)
    return makeStatus(ONNXC_RUNTIME_ERROR, what + ": the model returned no "
                                                  "sequence");
  if (seq)
    if (onnxc_status *status = checkSequence(desc, seq, what)) {
      onnxcSequenceFree(seq);
      return status;
    }
  if (desc.kind == ONNXC_VALUE_OPTIONAL_TENSOR) {
    if (!seq || seq->count == 0) {
      onnxcSequenceFree(seq);
      tensor.flags |= ONNXC_TENSOR_NONE;
      return nullptr;
    }
    OnnxcSequenceElement &e = seq->elements[0];
    size_t rank = static_cast<size_t>(e.rank);
    uint64_t bytes = 0;
    (void)byteSize(e.shape, rank, elementTypeSize(desc.dtype), bytes);
    tensor.rank = e.rank;
    for (size_t i = 0; i < rank; ++i)
      tensor.shape[i] = e.shape[i];
    if (tensor.data) {
      if (tensor.byte_size < bytes) {
        onnxcSequenceFree(seq);
        return makeStatus(ONNXC_INVALID_ARGUMENT,
                          what + ": the result needs " + std::to_string(bytes) +
                              " bytes, the buffer "
                              "holds " +
                              std::to_string(tensor.byte_size));
      }
      if (bytes > 0)
        std::memcpy(tensor.data, e.data, static_cast<size_t>(bytes));
    } else if (bytes > 0) {
      tensor.data = e.data;
      tensor.reserved = e.data;
      tensor.byte_size = static_cast<size_t>(bytes);
      tensor.flags |= ONNXC_TENSOR_OWNED_BY_RUNTIME;
      e.data = nullptr; // handed over
    }
    onnxcSequenceFree(seq);
    return nullptr;
  }
  if (!seq) {
    tensor.flags |= ONNXC_TENSOR_NONE;
    return nullptr;
  }
  tensor.data = seq;
  tensor.reserved = seq;
  tensor.flags |= ONNXC_TENSOR_OWNED_BY_RUNTIME | ONNXC_TENSOR_SEQUENCE;
  return nullptr;
}

} // namespace

onnxc_status *runHost(const Signature &sig, EntryFunction entry,
                      onnxc_device device, const onnxc_tensor *inputs,
                      size_t inputCount, onnxc_tensor *outputs,
                      size_t outputCount) {
  if (onnxc_status *status =
          checkCounts(sig, inputs, inputCount, outputs, outputCount))
    return status;
  for (size_t i = 0; i < inputCount; ++i)
    if (!isSequenceKind(sig.inputs[i]))
      if (onnxc_status *status = checkInput(sig.inputs[i], inputs[i], device))
        return status;
  for (size_t i = 0; i < outputCount; ++i) {
    outputs[i].flags &= ~(ONNXC_TENSOR_NONE | ONNXC_TENSOR_SEQUENCE);
    if (isSequenceKind(sig.outputs[i]))
      continue;
    if (outputs[i].data && (outputs[i].flags & ONNXC_TENSOR_OWNED_BY_RUNTIME) &&
        !outputs[i].reserved)
      return makeStatus(ONNXC_INVALID_ARGUMENT,
                        "output \"" + sig.outputs[i].name +
                            "\": flags claim a runtime-owned buffer the "
                            "runtime did not allocate");
    if (onnxc_status *status = checkOutput(sig.outputs[i], outputs[i], device))
      return status;
  }

  // One block of words: the results block, then each input's descriptor.
  size_t resultWords = 0;
  for (const ValueDesc &desc : sig.outputs)
    resultWords += valueWords(desc);
  size_t totalWords = resultWords;
  for (const ValueDesc &desc : sig.inputs)
    totalWords += valueWords(desc);
  std::vector<int64_t> words(totalWords, 0);
  std::vector<void *> args(1 + inputCount, nullptr);
  args[0] = words.data();
  // Sequences and optionals are passed by pointer; an optional tensor in a
  // borrowed one-element sequence.
  std::vector<OnnxcSequence> holders(inputCount);
  std::vector<OnnxcSequenceElement> elements(inputCount);
  for (size_t i = 0; i < inputCount; ++i)
    if (isSequenceKind(sig.inputs[i]))
      if (onnxc_status *status = sequenceInput(
              sig.inputs[i], inputs[i], holders[i], elements[i], args[1 + i]))
        return status;
  size_t next = resultWords;
  for (size_t i = 0; i < inputCount; ++i) {
    if (isSequenceKind(sig.inputs[i]))
      continue;
    void *data = inputs[i].data ? inputs[i].data
                                : const_cast<unsigned char *>(kEmptyInput);
    writeContiguousDescriptor(&words[next], data, inputs[i].shape,
                              sig.inputs[i].shape.size());
    args[1 + i] = &words[next];
    next += descriptorWords(sig.inputs[i].shape.size());
  }

  int32_t rc = entry(args.data());
  if (rc != 0)
    return makeStatus(ONNXC_RUNTIME_ERROR,
                      "the model's entry point " + sig.entry +
                          " failed with code " + std::to_string(rc));

  std::vector<MemrefView> views;
  views.reserve(outputCount);
  std::vector<Allocation> allocations;
  next = 0;
  std::vector<void *> sequences(outputCount, nullptr);
  for (size_t i = 0; i < outputCount; ++i) {
    if (isSequenceKind(sig.outputs[i])) {
      views.push_back(MemrefView{});
      sequences[i] = reinterpret_cast<void *>(words[next]);
      next += 1;
      continue;
    }
    views.push_back(readDescriptor(&words[next], sig.outputs[i].shape.size()));
    next += descriptorWords(sig.outputs[i].shape.size());
    void *allocated = views.back().allocated;
    if (!allocated ||
        reinterpret_cast<uintptr_t>(allocated) == kMlirGlobalSentinel)
      continue;
    if (Allocation *known = findAllocation(allocations, allocated))
      ++known->users;
    else
      allocations.push_back({allocated, 1, false});
  }

  onnxc_status *status = nullptr;
  std::vector<bool> allocatedHere(outputCount, false);
  for (size_t i = 0; i < outputCount; ++i) {
    bool callerBuffer = outputs[i].data != nullptr;
    if (isSequenceKind(sig.outputs[i])) {
      // Taken (or freed) even after an error: the model made it.
      onnxc_status *sequenceStatus =
          collectSequenceOutput(sig.outputs[i], sequences[i], outputs[i]);
      if (!status)
        status = sequenceStatus;
      else
        onnxc_status_free(sequenceStatus);
    } else if (!status) {
      status = collectOutput(sig.outputs[i], views[i], allocations, outputs[i]);
    }
    allocatedHere[i] = !callerBuffer && outputs[i].data != nullptr;
  }
  if (status) {
    // Leave no runtime-allocated buffer behind on error. Buffers handed over
    // from the model are freed with the others below.
    for (size_t i = 0; i < outputCount; ++i) {
      if (!allocatedHere[i])
        continue;
      onnxc_tensor &tensor = outputs[i];
      if (tensor.flags & ONNXC_TENSOR_SEQUENCE)
        onnxcSequenceFree(static_cast<OnnxcSequence *>(tensor.reserved));
      else if (!findAllocation(allocations, tensor.reserved))
        std::free(tensor.reserved);
      tensor.data = nullptr;
      tensor.reserved = nullptr;
      tensor.byte_size = 0;
      tensor.flags &= ~(ONNXC_TENSOR_OWNED_BY_RUNTIME | ONNXC_TENSOR_SEQUENCE);
    }
  }
  for (const Allocation &allocation : allocations)
    if (!allocation.handedOver || status)
      std::free(allocation.pointer);
  return status;
}

} // namespace onnxc
