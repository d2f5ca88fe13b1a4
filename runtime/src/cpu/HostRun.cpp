//===- HostRun.cpp - Calling the entry point of a model -------------------===//

#include "HostRun.h"

#include "../core/ElementType.h"
#include "../core/Memref.h"
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

} // namespace

onnxc_status *runHost(const Signature &sig, EntryFunction entry,
                      onnxc_device device, const onnxc_tensor *inputs,
                      size_t inputCount, onnxc_tensor *outputs,
                      size_t outputCount) {
  if (onnxc_status *status =
          checkCounts(sig, inputs, inputCount, outputs, outputCount))
    return status;
  for (size_t i = 0; i < inputCount; ++i)
    if (onnxc_status *status = checkInput(sig.inputs[i], inputs[i], device))
      return status;
  for (size_t i = 0; i < outputCount; ++i) {
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
    resultWords += descriptorWords(desc.shape.size());
  size_t totalWords = resultWords;
  for (const ValueDesc &desc : sig.inputs)
    totalWords += descriptorWords(desc.shape.size());
  std::vector<int64_t> words(totalWords, 0);
  std::vector<void *> args(1 + inputCount, nullptr);
  args[0] = words.data();
  size_t next = resultWords;
  for (size_t i = 0; i < inputCount; ++i) {
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
  for (size_t i = 0; i < outputCount; ++i) {
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
  for (size_t i = 0; i < outputCount && !status; ++i) {
    bool callerBuffer = outputs[i].data != nullptr;
    status = collectOutput(sig.outputs[i], views[i], allocations, outputs[i]);
    allocatedHere[i] = !callerBuffer && outputs[i].data != nullptr;
  }
  if (status) {
    // Leave no runtime-allocated buffer behind on error. Buffers handed over
    // from the model are freed with the others below.
    for (size_t i = 0; i < outputCount; ++i) {
      if (!allocatedHere[i])
        continue;
      onnxc_tensor &tensor = outputs[i];
      if (!findAllocation(allocations, tensor.reserved))
        std::free(tensor.reserved);
      tensor.data = nullptr;
      tensor.reserved = nullptr;
      tensor.byte_size = 0;
      tensor.flags &= ~ONNXC_TENSOR_OWNED_BY_RUNTIME;
    }
  }
  for (const Allocation &allocation : allocations)
    if (!allocation.handedOver || status)
      std::free(allocation.pointer);
  return status;
}

} // namespace onnxc
