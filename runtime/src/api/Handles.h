//===- Handles.h - The opaque handles of the C API -------------*- C++ -*-===//

#ifndef ONNXC_RUNTIME_API_HANDLES_H
#define ONNXC_RUNTIME_API_HANDLES_H

#include "../core/Signature.h"
#include "../cpu/Loader.h"

#include <atomic>
#include <map>
#include <string>

/// Immutable after onnxc_model_load; shared by its sessions (reference
/// counted: the caller's reference plus one per session).
struct onnxc_model {
  std::atomic<int64_t> references{1};
  std::string path;
  std::string displayName; // model "mnist-8"
  onnxc::Signature signature;
  onnxc_device target = ONNXC_DEVICE_CPU;
  std::map<std::string, std::string, std::less<>> metadata;
  onnxc::SharedObject object;
};

struct onnxc_session_options {
  int32_t threads = 0;
  int32_t deviceId = 0;
};

/// Immutable after onnxc_session_create: runs share it without locks.
struct onnxc_session {
  onnxc_model *model = nullptr;
  onnxc_device device = ONNXC_DEVICE_CPU;
  int32_t threads = 1;
  int32_t deviceId = 0;
};

namespace onnxc {

/// Adds a reference to `model`.
void retainModel(onnxc_model *model);

} // namespace onnxc

#endif // ONNXC_RUNTIME_API_HANDLES_H
