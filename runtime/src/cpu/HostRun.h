//===- HostRun.h - Calling the entry point of a model ----------*- C++ -*-===//

#ifndef ONNXC_RUNTIME_CPU_HOSTRUN_H
#define ONNXC_RUNTIME_CPU_HOSTRUN_H

#include "Loader.h"

#include "../core/Signature.h"

namespace onnxc {

/// Validates the tensors against `sig`, builds the memref descriptors,
/// calls `entry`, copies or hands over the outputs and frees every buffer
/// the model allocated exactly once. See onnxc_session_run.
onnxc_status *runHost(const Signature &sig, EntryFunction entry,
                      onnxc_device device, const onnxc_tensor *inputs,
                      size_t inputCount, onnxc_tensor *outputs,
                      size_t outputCount);

} // namespace onnxc

#endif // ONNXC_RUNTIME_CPU_HOSTRUN_H
