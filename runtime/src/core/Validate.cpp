//===- Validate.cpp - Validating a model file before loading it -----------===//

#include "Validate.h"

#include "Status.h"

namespace onnxc {

bool deviceFromTarget(std::string_view target, onnxc_device &device) {
  if (target == "cpu")
    device = ONNXC_DEVICE_CPU;
  else if (target == "cuda")
    device = ONNXC_DEVICE_CUDA;
  else if (target == "systolic")
    device = ONNXC_DEVICE_SYSTOLIC;
  else
    return false;
  return true;
}

std::string modelDisplayName(const Signature &sig, const std::string &path) {
  std::string name;
  if (!sig.metadata("model", name) || name.empty())
    name = path;
  return "model \"" + name + "\"";
}

onnxc_status *validateModel(ByteSource &source, const std::string &path,
                            Signature &sig, FeatureOracle oracle,
                            void *context) {
  std::string text;
  std::string error;
  onnxc_error_code code = readSignatureSection(source, text, error);
  if (code != ONNXC_OK)
    return makeStatus(code, path + ": " + error);
  if (!parseSignature(text, ONNXC_ABI_VERSION, sig, error))
    return makeStatus(ONNXC_INVALID_MODEL, path + ": " + error);

  onnxc_device device;
  if (!deviceFromTarget(sig.target, device))
    return makeStatus(ONNXC_UNSUPPORTED_DEVICE,
                      path + ": " + modelDisplayName(sig, path) +
                          " was compiled for unknown target \"" + sig.target +
                          "\"");

  std::vector<std::string> missing =
      missingFeatures(sig.features, oracle, context);
  if (!missing.empty()) {
    std::string list;
    for (const std::string &feature : missing)
      list += (list.empty() ? "" : ", ") + feature;
    std::string cpu;
    std::string compiledFor =
        sig.metadata("cpu", cpu) ? " (compiled for " + cpu + ")" : "";
    return makeStatus(ONNXC_CPU_FEATURES_MISSING,
                      path + ": " + modelDisplayName(sig, path) + compiledFor +
                          " needs cpu features this cpu lacks: " + list);
  }
  return nullptr;
}

onnxc_status *validateModelFile(const std::string &path, Signature &sig) {
  onnxc_status *status = nullptr;
  std::unique_ptr<FileSource> source = FileSource::open(path, &status);
  if (!source)
    return status;
  return validateModel(*source, path, sig, hostFeatureOracle, nullptr);
}

} // namespace onnxc
