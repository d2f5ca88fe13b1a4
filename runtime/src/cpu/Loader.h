//===- Loader.h - Loading a validated model with dlopen --------*- C++ -*-===//

#ifndef ONNXC_RUNTIME_CPU_LOADER_H
#define ONNXC_RUNTIME_CPU_LOADER_H

#include "onnxc/runtime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace onnxc {

/// `int32_t onnxc_main(void **args)` of docs/ABI.md.
using EntryFunction = int32_t (*)(void **args);

struct SharedObject {
  void *handle = nullptr;
  EntryFunction entry = nullptr;
};

/// Asks the kernel for the register state the model's `features` need
/// beyond what every process has (AMX tile data on Linux needs
/// arch_prctl(ARCH_REQ_XCOMP_PERM) once per process). Idempotent.
onnxc_status *enableCpuState(const std::string &path,
                             const std::vector<std::string> &features);

/// dlopen(RTLD_NOW | RTLD_LOCAL) and dlsym(`entryName`). Call it only on a
/// file that passed validation.
onnxc_status *loadSharedObject(const std::string &path,
                               const std::string &entryName,
                               SharedObject &object);

/// dlclose; resets `object`.
void unloadSharedObject(SharedObject &object);

} // namespace onnxc

#endif // ONNXC_RUNTIME_CPU_LOADER_H
