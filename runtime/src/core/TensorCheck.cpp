//===- TensorCheck.cpp - Checking tensors against the signature -----------===//

#include "TensorCheck.h"

#include "ElementType.h"
#include "Status.h"

namespace onnxc {

bool elementCount(const int64_t *dims, size_t rank, uint64_t &count) {
  uint64_t product = 1;
  bool zero = false;
  bool overflow = false;
  for (size_t i = 0; i < rank; ++i) {
    if (dims[i] < 0)
      return false;
    uint64_t dim = static_cast<uint64_t>(dims[i]);
    if (dim == 0)
      zero = true;
    else if (product > UINT64_MAX / dim)
      overflow = true;
    else
      product *= dim;
  }
  if (zero) {
    count = 0;
    return true;
  }
  if (overflow || product > static_cast<uint64_t>(INT64_MAX))
    return false;
  count = product;
  return true;
}

bool byteSize(const int64_t *dims, size_t rank, size_t elemSize,
              uint64_t &bytes) {
  uint64_t count = 0;
  if (!elementCount(dims, rank, count))
    return false;
  if (elemSize != 0 && count > SIZE_MAX / elemSize)
    return false;
  bytes = count * elemSize;
  return true;
}

bool isStaticShape(const ValueDesc &desc) {
  for (int64_t dim : desc.shape)
    if (dim < 0)
      return false;
  return true;
}

namespace {

std::string typeName(onnxc_element_type type) {
  const char *name = elementTypeName(type);
  return name ? name
              : "unknown (" + std::to_string(static_cast<int>(type)) + ")";
}

onnxc_status *checkMemory(const std::string &what, const onnxc_tensor &tensor,
                          onnxc_device device) {
  if (tensor.memory == ONNXC_MEMORY_HOST)
    return nullptr;
  if (tensor.memory == ONNXC_MEMORY_DEVICE && device == ONNXC_DEVICE_CPU)
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      what + ": device memory cannot be used by a cpu "
                             "session (use host memory)");
  if (tensor.memory != ONNXC_MEMORY_DEVICE)
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      what + ": unknown memory kind " +
                          std::to_string(static_cast<int>(tensor.memory)));
  return nullptr;
}

/// The compiled code reads and writes elements through typed pointers: a
/// buffer must be aligned to its element size.
template <typename What>
onnxc_status *checkAlignment(const What &what, const onnxc_tensor &tensor,
                             onnxc_element_type dtype) {
  size_t align = elementTypeSize(dtype);
  if (!tensor.data || align <= 1 ||
      reinterpret_cast<uintptr_t>(tensor.data) % align == 0)
    return nullptr;
  return makeStatus(ONNXC_INVALID_ARGUMENT,
                    what() + ": data is not aligned to its element size (" +
                        std::to_string(align) + " bytes)");
}

} // namespace

onnxc_status *checkInput(const ValueDesc &desc, const onnxc_tensor &tensor,
                         onnxc_device device) {
  // Built only for messages: the success path allocates nothing.
  auto what = [&] { return "input \"" + desc.name + "\""; };
  if (tensor.memory != ONNXC_MEMORY_HOST)
    if (onnxc_status *status = checkMemory(what(), tensor, device))
      return status;
  if (tensor.dtype != desc.dtype)
    return makeStatus(ONNXC_TYPE_MISMATCH, what() + ": expected element type " +
                                               typeName(desc.dtype) + ", got " +
                                               typeName(tensor.dtype));
  if (tensor.rank < 0 || tensor.rank > ONNXC_MAX_RANK)
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      what() + ": bad rank " + std::to_string(tensor.rank));
  const size_t rank = static_cast<size_t>(tensor.rank);
  if (rank != desc.shape.size())
    return makeStatus(
        ONNXC_SHAPE_MISMATCH,
        what() + ": expected rank " + std::to_string(desc.shape.size()) + " " +
            formatShape(desc.shape) + ", got rank " + std::to_string(rank) +
            " " + formatDims(tensor.shape, rank));
  for (size_t i = 0; i < rank; ++i)
    if (tensor.shape[i] < 0)
      return makeStatus(ONNXC_SHAPE_MISMATCH,
                        what() + ": negative dimension in shape " +
                            formatDims(tensor.shape, rank));
  for (size_t i = 0; i < rank; ++i)
    if (desc.shape[i] >= 0 && desc.shape[i] != tensor.shape[i])
      return makeStatus(ONNXC_SHAPE_MISMATCH,
                        what() + ": expected shape " + formatShape(desc.shape) +
                            ", got " + formatDims(tensor.shape, rank));
  uint64_t bytes = 0;
  if (!byteSize(tensor.shape, rank, elementTypeSize(desc.dtype), bytes))
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      what() + ": shape " + formatDims(tensor.shape, rank) +
                          " is too large");
  if (tensor.byte_size < bytes)
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      what() + ": shape " + formatDims(tensor.shape, rank) +
                          " of " + typeName(desc.dtype) + " needs " +
                          std::to_string(bytes) + " bytes, the buffer holds " +
                          std::to_string(tensor.byte_size));
  if (!tensor.data && bytes > 0)
    return makeStatus(ONNXC_INVALID_ARGUMENT, what() + ": data is null");
  if (onnxc_status *status = checkAlignment(what, tensor, desc.dtype))
    return status;
  return nullptr;
}

onnxc_status *checkOutput(const ValueDesc &desc, const onnxc_tensor &tensor,
                          onnxc_device device) {
  auto what = [&] { return "output \"" + desc.name + "\""; };
  if (tensor.memory != ONNXC_MEMORY_HOST)
    if (onnxc_status *status = checkMemory(what(), tensor, device))
      return status;
  if (tensor.dtype != ONNXC_TYPE_UNDEFINED && tensor.dtype != desc.dtype)
    return makeStatus(ONNXC_TYPE_MISMATCH, what() + ": expected element type " +
                                               typeName(desc.dtype) + ", got " +
                                               typeName(tensor.dtype));
  if (onnxc_status *status = checkAlignment(what, tensor, desc.dtype))
    return status;
  if (!tensor.data || !isStaticShape(desc))
    return nullptr;
  uint64_t bytes = 0;
  if (!byteSize(desc.shape.data(), desc.shape.size(),
                elementTypeSize(desc.dtype), bytes))
    return makeStatus(ONNXC_INVALID_ARGUMENT, what() + ": shape " +
                                                  formatShape(desc.shape) +
                                                  " is too large");
  if (tensor.byte_size < bytes)
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      what() + ": shape " + formatShape(desc.shape) + " of " +
                          typeName(desc.dtype) + " needs " +
                          std::to_string(bytes) + " bytes, the buffer holds " +
                          std::to_string(tensor.byte_size));
  return nullptr;
}

} // namespace onnxc
