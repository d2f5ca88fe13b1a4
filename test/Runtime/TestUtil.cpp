//===- TestUtil.cpp - Helpers of the runtime tests ------------------------===//

#include "TestUtil.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <fstream>
#include <iterator>
#include <malloc.h>
#include <unistd.h>

#ifndef ONNXC_FIXTURE_DIR
#error "ONNXC_FIXTURE_DIR must name the folder of the fixture models"
#endif

namespace onnxc::test {

std::string fixturePath(const std::string &name) {
  return std::string(ONNXC_FIXTURE_DIR) + "/fake_" + name + ".so";
}

std::vector<char> readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  return std::vector<char>(std::istreambuf_iterator<char>(in),
                           std::istreambuf_iterator<char>());
}

void writeFile(const std::string &path, const std::vector<char> &bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  EXPECT_TRUE(out.good()) << "cannot write " << path;
}

std::string tempPath(const std::string &name) {
  static std::atomic<int> counter{0};
  return ::testing::TempDir() + "onnxc_rt_" + std::to_string(::getpid()) + "_" +
         std::to_string(counter++) + "_" + name;
}

void replaceSignature(std::vector<char> &bytes, const std::string &text) {
  static const char kMarker[] = "ONNXC ";
  auto found = std::search(bytes.begin(), bytes.end(), kMarker,
                           kMarker + sizeof(kMarker) - 1);
  ASSERT_NE(found, bytes.end()) << "fixture has no signature text";
  ASSERT_LT(text.size(), 4096u);
  size_t start = static_cast<size_t>(found - bytes.begin());
  ASSERT_LE(start + 4096, bytes.size());
  std::memset(bytes.data() + start, 0, 4096);
  std::memcpy(bytes.data() + start, text.data(), text.size());
}

std::string patchedModel(const std::string &fixture, const std::string &text,
                         const std::string &name) {
  std::vector<char> bytes = readFile(fixturePath(fixture));
  replaceSignature(bytes, text);
  std::string path = tempPath(name + ".so");
  writeFile(path, bytes);
  return path;
}

std::string mnistSignature(const std::string &from, const std::string &to) {
  std::string text = "ONNXC 1\n"
                     "compiler 0.1.0\n"
                     "target cpu\n"
                     "triple x86_64-unknown-linux-gnu\n"
                     "cpu x86-64\n"
                     "features +sse2\n"
                     "model mnist-8\n"
                     "producer CNTK 2.5.1\n"
                     "opset ai.onnx 8\n"
                     "entry onnxc_main\n"
                     "input Input3 f32 4 1 1 28 28\n"
                     "output Plus214_Output_0 f32 2 1 10\n"
                     "end\n";
  if (!from.empty()) {
    size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << "no '" << from << "' in signature";
    if (at != std::string::npos)
      text.replace(at, from.size(), to);
  }
  return text;
}

ModelPtr loadModel(const std::string &path) {
  onnxc_model *model = nullptr;
  onnxc_status *status = onnxc_model_load(path.c_str(), &model);
  EXPECT_EQ(status, nullptr) << onnxc_status_message(status);
  onnxc_status_free(status);
  return ModelPtr(model);
}

SessionPtr cpuSession(const std::string &name, ModelPtr *modelOut) {
  ModelPtr model = loadModel(fixturePath(name));
  if (!model)
    return nullptr;
  onnxc_session *session = nullptr;
  onnxc_status *status =
      onnxc_session_create(model.get(), ONNXC_DEVICE_CPU, nullptr, &session);
  EXPECT_EQ(status, nullptr) << onnxc_status_message(status);
  onnxc_status_free(status);
  if (modelOut)
    *modelOut = std::move(model);
  return SessionPtr(session);
}

::testing::AssertionResult isError(onnxc_status *status, onnxc_error_code code,
                                   const std::string &fragment) {
  StatusPtr owned(status);
  if (!status)
    return ::testing::AssertionFailure()
           << "expected error '" << onnxc_error_code_name(code)
           << "', got success";
  std::string message = onnxc_status_message(status);
  if (onnxc_status_code(status) != code)
    return ::testing::AssertionFailure()
           << "expected error '" << onnxc_error_code_name(code) << "', got '"
           << onnxc_error_code_name(onnxc_status_code(status))
           << "': " << message;
  if (message.find(fragment) == std::string::npos)
    return ::testing::AssertionFailure()
           << "message '" << message << "' lacks '" << fragment << "'";
  if (message.empty() || message.back() == '.' || message.back() == '\n')
    return ::testing::AssertionFailure()
           << "message '" << message << "' is empty or ends with punctuation";
  return ::testing::AssertionSuccess() << message;
}

::testing::AssertionResult isOk(onnxc_status *status) {
  StatusPtr owned(status);
  if (!status)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << onnxc_error_code_name(onnxc_status_code(status)) << ": "
         << onnxc_status_message(status);
}

size_t heapInUse() {
#if defined(__GLIBC__) &&                                                      \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  return mallinfo2().uordblks;
#else
  return 0;
#endif
}

bool underAsan() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#endif
#endif
  return false;
}

} // namespace onnxc::test
