//===- TensorCheck.h - Checking tensors against the signature --*- C++ -*-===//

#ifndef ONNXC_RUNTIME_CORE_TENSORCHECK_H
#define ONNXC_RUNTIME_CORE_TENSORCHECK_H

#include "Signature.h"

#include <cstdint>

namespace onnxc {

/// The product of `dims`; false when a dim is negative or it overflows.
bool elementCount(const int64_t *dims, size_t rank, uint64_t &count);

/// elementCount * elemSize; false on a negative dim or overflow (of size_t).
bool byteSize(const int64_t *dims, size_t rank, size_t elemSize,
              uint64_t &bytes);

/// Checks input `index` before a run: memory kind for `device`, element
/// type, rank, dims (non-negative, equal to the static ones), size overflow,
/// byte size, data pointer.
onnxc_status *checkInput(const ValueDesc &desc, const onnxc_tensor &tensor,
                         onnxc_device device);

/// Checks output tensor before a run: memory kind, element type (if set),
/// and for a caller buffer with a fully static shape, the byte size.
onnxc_status *checkOutput(const ValueDesc &desc, const onnxc_tensor &tensor,
                          onnxc_device device);

/// Whether every dim of `desc` is static.
bool isStaticShape(const ValueDesc &desc);

} // namespace onnxc

#endif // ONNXC_RUNTIME_CORE_TENSORCHECK_H
