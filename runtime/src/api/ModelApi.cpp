//===- ModelApi.cpp - Loading models and querying signatures --------------===//

#include "Handles.h"

#include "../core/Status.h"
#include "../core/Validate.h"

#include <new>

using onnxc::makeStatus;

namespace onnxc {

void retainModel(onnxc_model *model) {
  model->references.fetch_add(1, std::memory_order_relaxed);
}

} // namespace onnxc

namespace {

onnxc_status *loadModel(const char *path, onnxc_model **out) {
  auto model = std::make_unique<onnxc_model>();
  model->path = path;
  if (onnxc_status *status =
          onnxc::validateModelFile(model->path, model->signature))
    return status;
  const onnxc::Signature &sig = model->signature;
  onnxc::deviceFromTarget(sig.target, model->target);
  model->displayName = onnxc::modelDisplayName(sig, model->path);
  for (const auto &record : sig.records) {
    std::string value;
    if (!model->metadata.count(record.first) &&
        sig.metadata(record.first, value))
      model->metadata.emplace(record.first, std::move(value));
  }
  model->metadata.emplace("abi", std::to_string(sig.abiVersion));
  model->metadata.emplace("entry", sig.entry);
  if (onnxc_status *status = onnxc::enableCpuState(model->path, sig.features))
    return status;
  if (onnxc_status *status =
          onnxc::loadSharedObject(model->path, sig.entry, model->object))
    return status;
  *out = model.release();
  return nullptr;
}

const onnxc::ValueDesc *valueAt(const std::vector<onnxc::ValueDesc> &values,
                                size_t index) {
  return index < values.size() ? &values[index] : nullptr;
}

onnxc_status *valueInfo(const onnxc_model *model, size_t index,
                        onnxc_value_info *info, bool input) {
  if (!model)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "model is null");
  if (!info)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "info is null");
  const auto &values =
      input ? model->signature.inputs : model->signature.outputs;
  const onnxc::ValueDesc *desc = valueAt(values, index);
  if (!desc)
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      std::string(input ? "input" : "output") + " index " +
                          std::to_string(index) + " is out of range (" +
                          model->displayName + " has " +
                          std::to_string(values.size()) + ")");
  info->name = desc->name.c_str();
  info->dtype = desc->dtype;
  info->rank = desc->rankKnown ? static_cast<int32_t>(desc->shape.size()) : -1;
  info->shape = desc->shape.empty() ? nullptr : desc->shape.data();
  return nullptr;
}

onnxc_status *valueIndex(const onnxc_model *model, const char *name,
                         size_t *index, bool input) {
  if (!model)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "model is null");
  if (!name || !index)
    return makeStatus(ONNXC_INVALID_ARGUMENT,
                      name ? "index is null" : "name is null");
  const auto &values =
      input ? model->signature.inputs : model->signature.outputs;
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i].name == name) {
      *index = i;
      return nullptr;
    }
  }
  return makeStatus(ONNXC_INVALID_ARGUMENT, model->displayName + " has no " +
                                                (input ? "input" : "output") +
                                                " \"" + name + "\"");
}

} // namespace

extern "C" {

onnxc_status *onnxc_model_validate(const char *path) {
  if (!path)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "path is null");
  return onnxc::guard([&] {
    onnxc::Signature sig;
    return onnxc::validateModelFile(path, sig);
  });
}

onnxc_status *onnxc_model_load(const char *path, onnxc_model **model) {
  if (!model)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "model is null");
  *model = nullptr;
  if (!path)
    return makeStatus(ONNXC_INVALID_ARGUMENT, "path is null");
  return onnxc::guard([&] { return loadModel(path, model); });
}

void onnxc_model_release(onnxc_model *model) {
  if (!model)
    return;
  if (model->references.fetch_sub(1, std::memory_order_acq_rel) != 1)
    return;
  onnxc::unloadSharedObject(model->object);
  delete model;
}

size_t onnxc_model_input_count(const onnxc_model *model) {
  return model ? model->signature.inputs.size() : 0;
}

size_t onnxc_model_output_count(const onnxc_model *model) {
  return model ? model->signature.outputs.size() : 0;
}

static onnxc_status *valueKind(const onnxc_model *model, size_t index,
                               onnxc_value_kind *kind, bool input) {
  if (!model)
    return onnxc::makeStatus(ONNXC_INVALID_ARGUMENT, "model is null");
  if (!kind)
    return onnxc::makeStatus(ONNXC_INVALID_ARGUMENT, "kind is null");
  const auto &values =
      input ? model->signature.inputs : model->signature.outputs;
  const onnxc::ValueDesc *desc = valueAt(values, index);
  if (!desc)
    return onnxc::makeStatus(ONNXC_INVALID_ARGUMENT,
                             std::string(input ? "input" : "output") +
                                 " index " + std::to_string(index) +
                                 " is out of range");
  *kind = desc->kind;
  return nullptr;
}

onnxc_status *onnxc_model_input_kind(const onnxc_model *model, size_t index,
                                     onnxc_value_kind *kind) {
  return onnxc::guard([&] { return valueKind(model, index, kind, true); });
}

onnxc_status *onnxc_model_output_kind(const onnxc_model *model, size_t index,
                                      onnxc_value_kind *kind) {
  return onnxc::guard([&] { return valueKind(model, index, kind, false); });
}

onnxc_status *onnxc_model_input_info(const onnxc_model *model, size_t index,
                                     onnxc_value_info *info) {
  return onnxc::guard(
      [&] { return valueInfo(model, index, info, /*input=*/true); });
}

onnxc_status *onnxc_model_output_info(const onnxc_model *model, size_t index,
                                      onnxc_value_info *info) {
  return onnxc::guard(
      [&] { return valueInfo(model, index, info, /*input=*/false); });
}

onnxc_status *onnxc_model_input_index(const onnxc_model *model,
                                      const char *name, size_t *index) {
  return onnxc::guard(
      [&] { return valueIndex(model, name, index, /*input=*/true); });
}

onnxc_status *onnxc_model_output_index(const onnxc_model *model,
                                       const char *name, size_t *index) {
  return onnxc::guard(
      [&] { return valueIndex(model, name, index, /*input=*/false); });
}

const char *onnxc_model_metadata(const onnxc_model *model, const char *key) {
  if (!model || !key)
    return nullptr;
  auto found = model->metadata.find(std::string_view(key));
  return found == model->metadata.end() ? nullptr : found->second.c_str();
}

onnxc_device onnxc_model_target(const onnxc_model *model) {
  return model ? model->target : ONNXC_DEVICE_CPU;
}

const char *onnxc_model_path(const onnxc_model *model) {
  return model ? model->path.c_str() : nullptr;
}

} // extern "C"
