//===- Signature.h - The model signature (.onnxc_sig) ----------*- C++ -*-===//
//
// The parsed form of the signature text described in docs/ABI.md, and the
// parser. The parser is strict about structure (first record `ONNXC <abi>`,
// last record `end`, field counts, dims, element types, percent encoding)
// and ignores records with unknown keys.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_RUNTIME_CORE_SIGNATURE_H
#define ONNXC_RUNTIME_CORE_SIGNATURE_H

#include "onnxc/runtime.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace onnxc {

/// One input or output of the entry point.
struct ValueDesc {
  std::string name;
  onnxc_element_type dtype = ONNXC_TYPE_UNDEFINED;
  std::vector<int64_t> shape; // -1 for a dynamic dim
  /// A tensor, or (ABI 2) a sequence or optional of tensors described by
  /// dtype and shape.
  onnxc_value_kind kind = ONNXC_VALUE_TENSOR;
  /// False for sequence elements of any rank (`seq f32 -1`; shape empty).
  bool rankKnown = true;
};

struct Signature {
  int64_t abiVersion = 0;
  std::string target;
  /// The target features as written ("+avx2"); empty for `features -`.
  std::vector<std::string> features;
  std::string entry = "onnxc_main";
  std::vector<ValueDesc> inputs;
  std::vector<ValueDesc> outputs;
  /// Every record but ONNXC/input/output/end, in order: key and value (the
  /// rest of the line, percent-decoded for `model` and `producer`).
  std::vector<std::pair<std::string, std::string>> records;

  /// The value of `key` (several records joined with ", "); false if none.
  bool metadata(std::string_view key, std::string &value) const;
};

/// Parses `text` into `sig`. On error returns false and sets `error` to a
/// lowercase message that names the line. A first record with a version
/// other than `expectedAbi` is an error reported before anything else.
bool parseSignature(std::string_view text, int64_t expectedAbi, Signature &sig,
                    std::string &error);

/// Decodes the percent encoding of ABI.md (`%` alone is the empty name).
bool percentDecode(std::string_view encoded, std::string &decoded);

/// Encodes `name` as ABI.md asks (used by tests and tools).
std::string percentEncode(std::string_view name);

/// "[1,?,28,28]": a signature shape, -1 written as `?`.
std::string formatShape(const int64_t *dims, size_t rank);

/// "[1,-3,28,28]": a concrete shape, every dim as a number.
std::string formatDims(const int64_t *dims, size_t rank);
inline std::string formatShape(const std::vector<int64_t> &dims) {
  return formatShape(dims.data(), dims.size());
}

} // namespace onnxc

#endif // ONNXC_RUNTIME_CORE_SIGNATURE_H
