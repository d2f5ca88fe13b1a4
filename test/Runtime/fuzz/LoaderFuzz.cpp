//===- LoaderFuzz.cpp - libFuzzer target of the model validator -----------===//
//
// Feeds arbitrary bytes to what onnxc_model_load runs before dlopen: the ELF
// reader and the signature parser (through validateModel), and, for inputs
// that do not start like ELF, the signature parser alone. Seed it with the
// fixture models:
//   onnxc-loader-fuzz -max_total_time=60 CORPUS_DIR <build>/test/Runtime/fixtures
//
//===----------------------------------------------------------------------===//

#include "core/Signature.h"
#include "core/Status.h"
#include "core/Validate.h"

#include <cstdint>
#include <cstring>

namespace {

int anyFeature(std::string_view, void *) { return 1; }

void release(onnxc_status *status) {
  if (status && !onnxc::isStaticStatus(status))
    delete status;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  onnxc::MemorySource source(data, size);
  onnxc::Signature sig;
  release(onnxc::validateModel(source, "fuzz.so", sig, anyFeature, nullptr));
  release(onnxc::validateModel(source, "fuzz.so", sig,
                               onnxc::hostFeatureOracle, nullptr));
  if (size < 4 || std::memcmp(data, "\x7f"
                                    "ELF",
                              4) != 0) {
    std::string error;
    onnxc::parseSignature(
        std::string_view(reinterpret_cast<const char *>(data), size), 1, sig,
        error);
  }
  return 0;
}
