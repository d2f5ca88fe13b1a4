//===- Validate.h - Validating a model file before loading it --*- C++ -*-===//
//
// Everything the runtime checks about a compiled model before dlopen: the
// ELF structure, the signature text, its ABI version and target, and the CPU
// features it needs. Runs no code from the file.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_RUNTIME_CORE_VALIDATE_H
#define ONNXC_RUNTIME_CORE_VALIDATE_H

#include "CpuFeatures.h"
#include "ElfReader.h"
#include "Signature.h"

#include <string>
#include <string_view>

namespace onnxc {

/// Maps a signature `target` to a device; false for an unknown target.
bool deviceFromTarget(std::string_view target, onnxc_device &device);

/// The model's name for messages: `model "mnist-8"`, or `model "PATH"` when
/// the signature names none.
std::string modelDisplayName(const Signature &sig, const std::string &path);

/// Validates the bytes of `source` (called `path` in messages) and fills
/// `sig`. `oracle` answers which CPU features exist.
onnxc_status *validateModel(ByteSource &source, const std::string &path,
                            Signature &sig, FeatureOracle oracle,
                            void *context);

/// Opens `path` and validates it against the host CPU.
onnxc_status *validateModelFile(const std::string &path, Signature &sig);

} // namespace onnxc

#endif // ONNXC_RUNTIME_CORE_VALIDATE_H
