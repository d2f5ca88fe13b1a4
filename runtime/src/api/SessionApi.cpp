//===- SessionApi.cpp - Sessions, their options, and running them ---------===//

#include "Handles.h"

#include "../core/ElementType.h"
#include "../core/SequenceAbi.h"
#include "../core/Status.h"
#include "../core/TensorCheck.h"
#include "../cpu/HostRun.h"

#include <cstdlib>
#include <sched.h>
#include <thread>

using onnxc::makeStatus;

namespace {

int32_t availableCpus() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) {
    int count = CPU_COUNT(&set);
    if (count > 0)
      return count;
  }
  unsigned count = std::thread::hardware_concurrency();
  return count > 0 ? static_cast<int32_t>(count) : 1;
}

onnxc_status *createSession(onnxc_model *model, onnxc_device device,
                            const onnxc_session_options *options,
                            onnxc_session **out) {
  const char *deviceName = onnxc_device_name(device);
  if (!deviceName)
    return makeStatus(ONNXC_UNSUPPORTED_DEVICE,
                      "unknown device " +
                          std::to_string(static_cast<int>(device)));
  if (device != model->target)
    return makeStatus(ONNXC_UNSUPPORTED_DEVICE,
                      model->displayName + " was compiled for " +
                          onnxc_device_name(model->target) + ", not for " +
                          deviceName);
  if (!onnxc_device_is_supported(device))
    return makeStatus(ONNXC_UNSUPPORTED_DEVICE,
                      std::string("this runtime was built without ") +
                          deviceName + " support (" + model->displayName +
                          " needs it)");
  auto *session = new onnxc_session();
  onnxc_session_options defaults;
  const onnxc_session_options &chosen = options ? *options : defaults;
  session->device = device;
  session->threads = chosen.threads > 0 ? chosen.threads : availableCpus();
  session->deviceId = chosen.deviceId;
  onnxc::retainModel(model);
  session->model = model;
  *out = session;
  return nullptr;
}

} // namespace

extern "C" {

onnxc_status *onnxc_session_options_create(onnxc_session_options **options) {
  if (!options)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "options is null");
  *options = new (std::nothrow) onnxc_session_options();
  return *options ? nullptr : onnxc::outOfMemoryStatus();
}

void onnxc_session_options_release(onnxc_session_options *options) {
  delete options;
}

onnxc_status *
onnxc_session_options_set_thread_count(onnxc_session_options *options,
                                       int32_t threads) {
  if (!options)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "options is null");
  if (threads < 0)
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      "thread count " + std::to_string(threads) +
                          " is negative (0 means one per cpu)");
  options->threads = threads;
  return nullptr;
}

onnxc_status *
onnxc_session_options_set_device_id(onnxc_session_options *options,
                                    int32_t deviceId) {
  if (!options)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "options is null");
  if (deviceId < 0)
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      "device id " + std::to_string(deviceId) + " is negative");
  options->deviceId = deviceId;
  return nullptr;
}

onnxc_status *onnxc_session_create(onnxc_model *model, onnxc_device device,
                                   const onnxc_session_options *options,
                                   onnxc_session **session) {
  if (!session)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "session is null");
  *session = nullptr;
  if (!model)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "model is null");
  return onnxc::guard(
      [&] { return createSession(model, device, options, session); });
}

void onnxc_session_release(onnxc_session *session) {
  if (!session)
    return;
  onnxc_model_release(session->model);
  delete session;
}

int32_t onnxc_session_thread_count(const onnxc_session *session) {
  return session ? session->threads : 0;
}

onnxc_device onnxc_session_device(const onnxc_session *session) {
  return session ? session->device : ONNXC_DEVICE_CPU;
}

onnxc_status *onnxc_session_run(onnxc_session *session,
                                const onnxc_tensor *inputs, size_t n_inputs,
                                onnxc_tensor *outputs, size_t n_outputs) {
  if (!session)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "session is null");
  const onnxc_model *model = session->model;
  return onnxc::guard([&] {
    return onnxc::prefixStatus(
        onnxc::runHost(model->signature, model->object.entry, session->device,
                       inputs, n_inputs, outputs, n_outputs),
        model->displayName + ": ");
  });
}

size_t onnxc_tensor_element_count(const onnxc_tensor *tensor) {
  if (!tensor || tensor->rank < 0 || tensor->rank > ONNXC_MAX_RANK)
    return 0;
  uint64_t count = 0;
  if (!onnxc::elementCount(tensor->shape, static_cast<size_t>(tensor->rank),
                           count) ||
      count > SIZE_MAX)
    return 0;
  return static_cast<size_t>(count);
}

void onnxc_tensor_release(onnxc_tensor *tensor) {
  if (!tensor || !(tensor->flags & ONNXC_TENSOR_OWNED_BY_RUNTIME))
    return;
  if (tensor->flags & ONNXC_TENSOR_SEQUENCE)
    onnxcSequenceFree(static_cast<OnnxcSequence *>(tensor->reserved));
  else
    std::free(tensor->reserved);
  tensor->data = nullptr;
  tensor->reserved = nullptr;
  tensor->byte_size = 0;
  tensor->flags &= ~(ONNXC_TENSOR_OWNED_BY_RUNTIME | ONNXC_TENSOR_SEQUENCE);
}

} // extern "C"
