//===- CommonApi.cpp - Status, types, devices and versions ----------------===//

#include "onnxc/runtime.h"

#include "../core/CpuFeatures.h"
#include "../core/ElementType.h"
#include "../core/Status.h"

#ifndef ONNXC_RUNTIME_VERSION
#define ONNXC_RUNTIME_VERSION "0.0.0"
#endif

using onnxc::makeStatus;

extern "C" {

onnxc_error_code onnxc_status_code(const onnxc_status *status) {
  return status ? status->code : ONNXC_OK;
}

const char *onnxc_status_message(const onnxc_status *status) {
  return status ? status->message.c_str() : "";
}

void onnxc_status_free(onnxc_status *status) {
  if (status && !onnxc::isStaticStatus(status))
    delete status;
}

const char *onnxc_error_code_name(onnxc_error_code code) {
  switch (code) {
  case ONNXC_OK:
    return "ok";
  case ONNXC_INVALID_ARGUMENT:
    return "invalid argument";
  case ONNXC_IO_ERROR:
    return "io error";
  case ONNXC_INVALID_MODEL:
    return "invalid model";
  case ONNXC_UNSUPPORTED_DEVICE:
    return "unsupported device";
  case ONNXC_SHAPE_MISMATCH:
    return "shape mismatch";
  case ONNXC_TYPE_MISMATCH:
    return "type mismatch";
  case ONNXC_CPU_FEATURES_MISSING:
    return "cpu features missing";
  case ONNXC_RUNTIME_ERROR:
    return "runtime error";
  case ONNXC_OUT_OF_MEMORY:
    return "out of memory";
  default:
    break;
  }
  return "unknown";
}

const char *onnxc_runtime_version(void) { return ONNXC_RUNTIME_VERSION; }

int32_t onnxc_runtime_abi_version(void) { return ONNXC_ABI_VERSION; }

const char *onnxc_element_type_name(onnxc_element_type type) {
  return onnxc::elementTypeName(type);
}

onnxc_element_type onnxc_element_type_from_name(const char *name) {
  return name ? onnxc::elementTypeFromAnyName(name) : ONNXC_TYPE_UNDEFINED;
}

size_t onnxc_element_type_size(onnxc_element_type type) {
  return onnxc::elementTypeSize(type);
}

const char *onnxc_device_name(onnxc_device device) {
  switch (device) {
  case ONNXC_DEVICE_CPU:
    return "cpu";
  case ONNXC_DEVICE_CUDA:
    return "cuda";
  case ONNXC_DEVICE_SYSTOLIC:
    return "systolic";
  default:
    break;
  }
  return nullptr;
}

onnxc_status *onnxc_device_from_name(const char *name, onnxc_device *device) {
  if (!name || !device)
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      name ? "device is null" : "name is null");
  std::string_view text(name);
  if (text == "cpu")
    *device = ONNXC_DEVICE_CPU;
  else if (text == "cuda")
    *device = ONNXC_DEVICE_CUDA;
  else if (text == "systolic")
    *device = ONNXC_DEVICE_SYSTOLIC;
  else
    return makeStatus(ONNXC_UNSUPPORTED_DEVICE,
                      "unknown device \"" + std::string(text) +
                          "\" (expected cpu, cuda or systolic)");
  return nullptr;
}

int onnxc_device_is_supported(onnxc_device device) {
  return device == ONNXC_DEVICE_CPU ? 1 : 0;
}

int onnxc_cpu_has_feature(const char *name) {
  return name ? onnxc::hostHasFeature(name) : -1;
}

} // extern "C"
