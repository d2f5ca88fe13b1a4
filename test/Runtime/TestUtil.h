//===- TestUtil.h - Helpers of the runtime tests ---------------*- C++ -*-===//

#ifndef ONNXC_TEST_RUNTIME_TESTUTIL_H
#define ONNXC_TEST_RUNTIME_TESTUTIL_H

#include "onnxc/runtime.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace onnxc::test {

/// The path of fixture `name` ("add" -> .../fixtures/fake_add.so).
std::string fixturePath(const std::string &name);

std::vector<char> readFile(const std::string &path);
void writeFile(const std::string &path, const std::vector<char> &bytes);

/// A fresh path in the test's temporary folder.
std::string tempPath(const std::string &name);

/// Replaces the signature text inside `bytes` (a fixture's contents) with
/// `text`, NUL-padded; the fixture's section holds 4096 bytes.
void replaceSignature(std::vector<char> &bytes, const std::string &text);

/// Writes a copy of fixture `fixture` with signature `text`; returns its path.
std::string patchedModel(const std::string &fixture, const std::string &text,
                         const std::string &name);

/// The signature text of the `mnist` fixture with `line` appended before
/// `end` or with `from` replaced by `to`.
std::string mnistSignature(const std::string &from = "",
                           const std::string &to = "");

struct StatusDeleter {
  void operator()(onnxc_status *status) const { onnxc_status_free(status); }
};
using StatusPtr = std::unique_ptr<onnxc_status, StatusDeleter>;

struct ModelDeleter {
  void operator()(onnxc_model *model) const { onnxc_model_release(model); }
};
using ModelPtr = std::unique_ptr<onnxc_model, ModelDeleter>;

struct SessionDeleter {
  void operator()(onnxc_session *session) const {
    onnxc_session_release(session);
  }
};
using SessionPtr = std::unique_ptr<onnxc_session, SessionDeleter>;

/// Loads `path`; fails the test (and returns null) on error.
ModelPtr loadModel(const std::string &path);

/// Loads fixture `name` and creates a cpu session.
SessionPtr cpuSession(const std::string &name, ModelPtr *model = nullptr);

/// A host tensor over `data`.
template <typename T>
onnxc_tensor makeTensor(onnxc_element_type dtype, std::vector<T> &data,
                        std::vector<int64_t> shape) {
  onnxc_tensor tensor{};
  tensor.data = data.data();
  tensor.byte_size = data.size() * sizeof(T);
  tensor.dtype = dtype;
  tensor.rank = static_cast<int32_t>(shape.size());
  for (size_t i = 0; i < shape.size(); ++i)
    tensor.shape[i] = shape[i];
  return tensor;
}

/// Checks that `status` is an error with `code` whose message contains
/// `fragment`, then frees it.
::testing::AssertionResult isError(onnxc_status *status, onnxc_error_code code,
                                   const std::string &fragment = "");

/// Checks that `status` is NULL (or prints its message and frees it).
::testing::AssertionResult isOk(onnxc_status *status);

/// Bytes of the heap in use (glibc mallinfo2), for leak checks.
size_t heapInUse();

/// Whether the tests run under AddressSanitizer.
bool underAsan();

} // namespace onnxc::test

#endif // ONNXC_TEST_RUNTIME_TESTUTIL_H
