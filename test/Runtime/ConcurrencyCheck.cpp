//===- ConcurrencyCheck.cpp - One real model run from many threads --------===//
//
//   onnxc-concurrency-check MODEL.so [--threads N] [--runs N] [--variants N]
//
// Loads a model compiled by onnx-compile, runs one session on every variant
// of the inputs (deterministic pseudo-random data) on one thread, then runs
// the same session from N threads, each `runs` times, alternating runtime-
// allocated and caller-owned outputs, and checks that every output is
// bit-identical to the single-threaded run of its variant. Exit status 0 when
// all are, 1 otherwise (with the first differences), 2 on usage or load
// errors. test/E2E/test_concurrency.py drives it; under ThreadSanitizer it
// shows races in the runtime (docs/Security.md).
//
//===----------------------------------------------------------------------===//

#include "onnxc/runtime.h"

#include <atomic>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Tensor {
  std::vector<int64_t> shape;
  onnxc_element_type dtype = ONNXC_TYPE_UNDEFINED;
  std::vector<uint64_t> storage; // 8-byte aligned
  size_t bytes = 0;
  void *data() { return storage.data(); }
};

uint64_t splitmix(uint64_t &state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

/// Fills `t` with values that are valid for its type (floats in [-1, 1),
/// small integers, 0/1 booleans).
void fill(Tensor &t, uint64_t seed) {
  size_t count = 1;
  for (int64_t d : t.shape)
    count *= static_cast<size_t>(d);
  size_t size = onnxc_element_type_size(t.dtype);
  t.bytes = count * size;
  t.storage.assign((t.bytes + 7) / 8 + 1, 0);
  auto *p = static_cast<unsigned char *>(t.data());
  uint64_t state = seed;
  for (size_t i = 0; i < count; ++i) {
    uint64_t r = splitmix(state);
    double unit = static_cast<double>(r >> 11) / 9007199254740992.0 * 2 - 1;
    switch (t.dtype) {
    case ONNXC_TYPE_FLOAT: {
      float v = static_cast<float>(unit);
      std::memcpy(p + i * 4, &v, 4);
      break;
    }
    case ONNXC_TYPE_DOUBLE:
      std::memcpy(p + i * 8, &unit, 8);
      break;
    case ONNXC_TYPE_BOOL:
      p[i] = r & 1;
      break;
    case ONNXC_TYPE_FLOAT16:
    case ONNXC_TYPE_BFLOAT16: {
      uint16_t v = static_cast<uint16_t>(0x3800 | (r & 0x3ff)); // ~[0.5, 1)
      if (t.dtype == ONNXC_TYPE_BFLOAT16)
        v = static_cast<uint16_t>(0x3f00 | (r & 0x7f));
      std::memcpy(p + i * 2, &v, 2);
      break;
    }
    default: {
      int64_t v = static_cast<int64_t>(r % 7);
      std::memcpy(p + i * size, &v, size); // little-endian: low bytes
      break;
    }
    }
  }
}

struct Result {
  std::vector<std::vector<unsigned char>> outputs;
  std::vector<std::vector<int64_t>> shapes;
};

bool runOnce(onnxc_session *session, std::vector<Tensor> &inputs,
             size_t nOutputs, const Result *callerShapes, Result &result,
             std::string &error) {
  std::vector<onnxc_tensor> in(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    in[i] = onnxc_tensor{};
    in[i].data = inputs[i].data();
    in[i].byte_size = inputs[i].bytes;
    in[i].dtype = inputs[i].dtype;
    in[i].rank = static_cast<int32_t>(inputs[i].shape.size());
    for (size_t d = 0; d < inputs[i].shape.size(); ++d)
      in[i].shape[d] = inputs[i].shape[d];
  }
  std::vector<onnxc_tensor> out(nOutputs, onnxc_tensor{});
  std::vector<std::vector<uint64_t>> callerBuffers(nOutputs);
  if (callerShapes)
    for (size_t i = 0; i < nOutputs; ++i) {
      size_t bytes = callerShapes->outputs[i].size();
      callerBuffers[i].assign(bytes / 8 + 1, 0);
      out[i].data = callerBuffers[i].data();
      out[i].byte_size = bytes;
    }
  onnxc_status *status = onnxc_session_run(session, in.data(), in.size(),
                                           out.data(), out.size());
  if (status) {
    error = onnxc_status_message(status);
    onnxc_status_free(status);
    return false;
  }
  result.outputs.resize(nOutputs);
  result.shapes.resize(nOutputs);
  for (size_t i = 0; i < nOutputs; ++i) {
    size_t bytes = onnxc_tensor_element_count(&out[i]) *
                   onnxc_element_type_size(out[i].dtype);
    const auto *data = static_cast<const unsigned char *>(out[i].data);
    result.outputs[i].assign(data, data + bytes);
    result.shapes[i].assign(out[i].shape, out[i].shape + out[i].rank);
    onnxc_tensor_release(&out[i]);
  }
  return true;
}

int usage() {
  std::fprintf(stderr, "usage: onnxc-concurrency-check MODEL.so [--threads N] "
                       "[--runs N] [--variants N]\n");
  return 2;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2)
    return usage();
  const char *path = argv[1];
  int threads = 16, runs = 1000, variants = 8;
  for (int i = 2; i + 1 < argc; i += 2) {
    int value = std::atoi(argv[i + 1]);
    if (value <= 0)
      return usage();
    if (!std::strcmp(argv[i], "--threads"))
      threads = value;
    else if (!std::strcmp(argv[i], "--runs"))
      runs = value;
    else if (!std::strcmp(argv[i], "--variants"))
      variants = value;
    else
      return usage();
  }

  onnxc_model *model = nullptr;
  onnxc_session *session = nullptr;
  onnxc_status *status = onnxc_model_load(path, &model);
  if (!status)
    status = onnxc_session_create(model, ONNXC_DEVICE_CPU, nullptr, &session);
  if (status) {
    std::fprintf(stderr, "onnxc-concurrency-check: %s\n",
                 onnxc_status_message(status));
    onnxc_status_free(status);
    onnxc_model_release(model);
    return 2;
  }
  size_t nInputs = onnxc_model_input_count(model);
  size_t nOutputs = onnxc_model_output_count(model);

  // Inputs of every variant; dynamic dims become 2.
  std::vector<std::vector<Tensor>> inputs(variants);
  for (int v = 0; v < variants; ++v) {
    inputs[v].resize(nInputs);
    for (size_t i = 0; i < nInputs; ++i) {
      onnxc_value_info info;
      if (onnxc_status *s = onnxc_model_input_info(model, i, &info)) {
        std::fprintf(stderr, "%s\n", onnxc_status_message(s));
        return 2;
      }
      Tensor &t = inputs[v][i];
      t.dtype = info.dtype;
      for (int32_t d = 0; d < info.rank; ++d)
        t.shape.push_back(info.shape[d] < 0 ? 2 : info.shape[d]);
      fill(t, 1000003ull * (v + 1) + i);
    }
  }

  // The single-threaded reference.
  std::vector<Result> reference(variants);
  for (int v = 0; v < variants; ++v) {
    std::string error;
    if (!runOnce(session, inputs[v], nOutputs, nullptr, reference[v], error)) {
      std::fprintf(stderr, "onnxc-concurrency-check: reference run: %s\n",
                   error.c_str());
      return 2;
    }
  }

  std::atomic<long> mismatches{0}, errors{0}, done{0};
  std::mutex printLock;
  auto worker = [&](int t) {
    for (int r = 0; r < runs; ++r) {
      int v = (t * 7 + r) % variants;
      bool caller = (r % 2) == 1;
      Result result;
      std::string error;
      if (!runOnce(session, inputs[v], nOutputs,
                   caller ? &reference[v] : nullptr, result, error)) {
        if (errors++ < 5) {
          std::lock_guard<std::mutex> lock(printLock);
          std::fprintf(stderr, "thread %d run %d: %s\n", t, r, error.c_str());
        }
        continue;
      }
      if (result.outputs != reference[v].outputs ||
          result.shapes != reference[v].shapes) {
        if (mismatches++ < 5) {
          std::lock_guard<std::mutex> lock(printLock);
          std::fprintf(stderr,
                       "thread %d run %d (variant %d, %s outputs): the outputs "
                       "differ from the single-threaded run\n",
                       t, r, v, caller ? "caller" : "runtime");
        }
      }
      ++done;
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back(worker, t);
  for (std::thread &thread : pool)
    thread.join();
  onnxc_session_release(session);
  onnxc_model_release(model);

  std::printf("%s: %d threads x %d runs (%d input variants, %zu inputs, %zu "
              "outputs): %ld bit-identical, %ld different, %ld errors\n",
              path, threads, runs, variants, nInputs, nOutputs,
              done.load() - mismatches.load(), mismatches.load(),
              errors.load());
  return mismatches == 0 && errors == 0 ? 0 : 1;
}
