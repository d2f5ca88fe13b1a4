//===- ConcurrencyTest.cpp - One session run from many threads ------------===//

#include "TestUtil.h"

#include <atomic>
#include <thread>

using namespace onnxc::test;

namespace {

constexpr int kThreads = 16;
constexpr int kRuns = 200;

/// Inputs that differ per (thread, run) so that mixed-up buffers show.
void fillInputs(int seed, int64_t rows, std::vector<float> &a,
                std::vector<float> &b) {
  a.resize(rows * 4);
  b.resize(rows * 4);
  for (int64_t i = 0; i < rows * 4; ++i) {
    a[i] = static_cast<float>(seed * 31 + i) * 0.25f;
    b[i] = static_cast<float>(seed - i) * 1.5f;
  }
}

/// y = a + b for one (thread, run) pair; runtime buffer or caller buffer.
std::vector<float> runAdd(onnxc_session *session, int seed, bool callerBuffer,
                          std::string &error) {
  int64_t rows = 1 + seed % 13;
  std::vector<float> a, b;
  fillInputs(seed, rows, a, b);
  onnxc_tensor inputs[2] = {makeTensor(ONNXC_TYPE_FLOAT, a, {rows, 4}),
                            makeTensor(ONNXC_TYPE_FLOAT, b, {rows, 4})};
  std::vector<float> y;
  onnxc_tensor output{};
  if (callerBuffer) {
    y.resize(rows * 4);
    output = makeTensor(ONNXC_TYPE_FLOAT, y, {});
  }
  onnxc_status *status = onnxc_session_run(session, inputs, 2, &output, 1);
  if (status) {
    error = onnxc_status_message(status);
    onnxc_status_free(status);
    return {};
  }
  if (!callerBuffer) {
    const float *data = static_cast<const float *>(output.data);
    y.assign(data, data + rows * 4);
    onnxc_tensor_release(&output);
  }
  return y;
}

TEST(ConcurrencyTest, OneSessionFromManyThreads) {
  SessionPtr session = cpuSession("add");
  ASSERT_TRUE(session);
  // The single-threaded reference.
  std::vector<std::vector<float>> expected(kThreads * kRuns);
  for (int seed = 0; seed < kThreads * kRuns; ++seed) {
    std::string error;
    expected[seed] = runAdd(session.get(), seed, false, error);
    ASSERT_TRUE(error.empty()) << error;
  }
  std::atomic<int> mismatches{0};
  std::atomic<int> errors{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      while (!go.load())
        std::this_thread::yield();
      for (int run = 0; run < kRuns; ++run) {
        int seed = t * kRuns + run;
        std::string error;
        std::vector<float> y =
            runAdd(session.get(), seed, (run + t) % 2 == 0, error);
        if (!error.empty())
          ++errors;
        else if (y != expected[seed])
          ++mismatches;
      }
    });
  }
  go = true;
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(ConcurrencyTest, SharedBuffersAndErrorsFromManyThreads) {
  SessionPtr session = cpuSession("shared");
  ASSERT_TRUE(session);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int run = 0; run < kRuns; ++run) {
        std::vector<float> x(1 + (t + run) % 17);
        for (size_t i = 0; i < x.size(); ++i)
          x[i] = static_cast<float>(t) - static_cast<float>(i);
        onnxc_tensor input =
            makeTensor(ONNXC_TYPE_FLOAT, x, {static_cast<int64_t>(x.size())});
        onnxc_tensor outputs[2] = {};
        if (run % 5 == 0) {
          // An error path: wrong element type.
          input.dtype = ONNXC_TYPE_INT32;
          onnxc_status *status =
              onnxc_session_run(session.get(), &input, 1, outputs, 2);
          if (onnxc_status_code(status) != ONNXC_TYPE_MISMATCH)
            ++failures;
          onnxc_status_free(status);
          continue;
        }
        onnxc_status *status =
            onnxc_session_run(session.get(), &input, 1, outputs, 2);
        if (status) {
          ++failures;
          onnxc_status_free(status);
          continue;
        }
        const float *twice = static_cast<const float *>(outputs[0].data);
        const float *square = static_cast<const float *>(outputs[1].data);
        for (size_t i = 0; i < x.size(); ++i)
          if (twice[i] != 2 * x[i] || square[i] != x[i] * x[i])
            ++failures;
        onnxc_tensor_release(&outputs[0]);
        onnxc_tensor_release(&outputs[1]);
      }
    });
  }
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST(ConcurrencyTest, LoadsAndReleasesFromManyThreads) {
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int run = 0; run < 20; ++run) {
        onnxc_model *model = nullptr;
        onnxc_status *status = onnxc_model_load(
            fixturePath(t % 2 ? "add" : "intbool").c_str(), &model);
        if (status) {
          ++failures;
          onnxc_status_free(status);
          continue;
        }
        onnxc_session *session = nullptr;
        status =
            onnxc_session_create(model, ONNXC_DEVICE_CPU, nullptr, &session);
        if (status)
          ++failures;
        onnxc_status_free(status);
        // Release the model first: the session keeps it alive.
        onnxc_model_release(model);
        if (t % 2 == 0 && session) {
          std::vector<int64_t> x = {1, 2, -3};
          onnxc_tensor input = makeTensor(ONNXC_TYPE_INT64, x, {3});
          onnxc_tensor outputs[2] = {};
          status = onnxc_session_run(session, &input, 1, outputs, 2);
          if (status || static_cast<int64_t *>(outputs[0].data)[2] != 9)
            ++failures;
          onnxc_status_free(status);
          onnxc_tensor_release(&outputs[0]);
          onnxc_tensor_release(&outputs[1]);
        }
        onnxc_session_release(session);
      }
    });
  }
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_EQ(failures.load(), 0);
}

} // namespace
