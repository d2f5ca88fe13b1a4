//===- ElementType.h - Element types of tensors ----------------*- C++ -*-===//

#ifndef ONNXC_RUNTIME_CORE_ELEMENTTYPE_H
#define ONNXC_RUNTIME_CORE_ELEMENTTYPE_H

#include "onnxc/runtime.h"

#include <cstddef>
#include <string_view>

namespace onnxc {

/// The signature name ("f32") of `type`, or nullptr.
const char *elementTypeName(onnxc_element_type type) noexcept;

/// The ONNX TensorProto name ("FLOAT") of `type`, or nullptr.
const char *elementTypeOnnxName(onnxc_element_type type) noexcept;

/// Parses a signature name only ("f32", "bool"); UNDEFINED when unknown.
onnxc_element_type elementTypeFromSignatureName(std::string_view name) noexcept;

/// Parses a signature name or an ONNX name in any case.
onnxc_element_type elementTypeFromAnyName(std::string_view name) noexcept;

/// Bytes per element; 0 for an unsupported value.
size_t elementTypeSize(onnxc_element_type type) noexcept;

} // namespace onnxc

#endif // ONNXC_RUNTIME_CORE_ELEMENTTYPE_H
