//===- Status.cpp - Status objects of the runtime -------------------------===//

#include "Status.h"

#include <new>
#include <utility>

namespace {
onnxc_status gOutOfMemory{ONNXC_OUT_OF_MEMORY, "out of memory"};
} // namespace

namespace onnxc {

onnxc_status *makeStatus(onnxc_error_code code, std::string message) noexcept {
  auto *status = new (std::nothrow) onnxc_status{code, std::string()};
  if (!status)
    return outOfMemoryStatus();
  status->message = std::move(message);
  return status;
}

onnxc_status *outOfMemoryStatus() noexcept { return &gOutOfMemory; }

bool isStaticStatus(const onnxc_status *status) noexcept {
  return status == &gOutOfMemory;
}

onnxc_status *prefixStatus(onnxc_status *status,
                           const std::string &prefix) noexcept {
  if (!status || isStaticStatus(status))
    return status;
  try {
    status->message.insert(0, prefix);
  } catch (...) {
    // Keep the message without the prefix.
  }
  return status;
}

} // namespace onnxc
