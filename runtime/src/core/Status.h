//===- Status.h - Status objects of the runtime ----------------*- C++ -*-===//
//
// The definition of the opaque `onnxc_status` and the helpers that create
// one. Status objects never throw: when allocating one fails, a static
// out-of-memory status is returned instead (onnxc_status_free ignores it).
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_RUNTIME_CORE_STATUS_H
#define ONNXC_RUNTIME_CORE_STATUS_H

#include "onnxc/runtime.h"

#include <new>
#include <string>

struct onnxc_status {
  onnxc_error_code code;
  std::string message;
};

namespace onnxc {

/// A new status with `code` and `message`; never NULL.
onnxc_status *makeStatus(onnxc_error_code code, std::string message) noexcept;

/// The static status returned when memory runs out.
onnxc_status *outOfMemoryStatus() noexcept;

/// Whether `status` is the static out-of-memory status.
bool isStaticStatus(const onnxc_status *status) noexcept;

/// Prepends `prefix` to the message of `status` (in place when possible).
onnxc_status *prefixStatus(onnxc_status *status,
                           const std::string &prefix) noexcept;

/// Runs `body` (returning onnxc_status *) and turns any exception into a
/// status: the C API never lets one escape.
template <typename Body> onnxc_status *guard(Body &&body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc &) {
    return outOfMemoryStatus();
  } catch (...) {
    return makeStatus(ONNXC_RUNTIME_ERROR, "unexpected internal error");
  }
}

} // namespace onnxc

#endif // ONNXC_RUNTIME_CORE_STATUS_H
