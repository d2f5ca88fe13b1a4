//===- OnnxRunTest.cpp - onnx-run and its tensor files --------------------===//
//
// Built in the whole-project build only (it needs the ONNX protobuf classes
// and the onnx-run tool).
//
//===----------------------------------------------------------------------===//

#include "TestUtil.h"

#include "TensorFile.h"

#include "onnx/onnx-ml.pb.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <sys/stat.h>
#include <sys/wait.h>

#ifndef ONNXC_ONNX_RUN
#error "ONNXC_ONNX_RUN must name the onnx-run executable"
#endif

using namespace onnxc::test;
using onnxrun::HostTensor;

namespace {

void writeProto(const std::string &path, const onnx::TensorProto &proto) {
  std::ofstream out(path, std::ios::binary);
  ASSERT_TRUE(proto.SerializeToOstream(&out)) << path;
}

template <typename T>
onnx::TensorProto rawProto(const char *name, int type,
                           const std::vector<int64_t> &dims,
                           const std::vector<T> &values) {
  onnx::TensorProto proto;
  proto.set_name(name);
  proto.set_data_type(type);
  for (int64_t dim : dims)
    proto.add_dims(dim);
  proto.set_raw_data(values.data(), values.size() * sizeof(T));
  return proto;
}

std::string makeDir(const std::string &name) {
  std::string path = tempPath(name);
  ::mkdir(path.c_str(), 0777);
  return path;
}

struct ToolResult {
  int status = -1;
  std::string output;
};

/// Runs onnx-run with `args` (stdout and stderr together).
ToolResult onnxRun(const std::string &args) {
  ToolResult result;
  std::string command =
      std::string("'") + ONNXC_ONNX_RUN + "' " + args + " 2>&1";
  FILE *pipe = ::popen(command.c_str(), "r");
  if (!pipe)
    return result;
  char buffer[4096];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0)
    result.output.append(buffer, got);
  int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

/// A data set for the `add` fixture: a + b with `rows` rows.
std::string addDataSet(const std::string &name, int64_t rows, float skew) {
  std::string dir = makeDir(name);
  std::vector<float> a(rows * 4), b(rows * 4), y(rows * 4);
  for (int64_t i = 0; i < rows * 4; ++i) {
    a[i] = static_cast<float>(i) * 0.5f;
    b[i] = 1.0f - static_cast<float>(i);
    y[i] = (a[i] + b[i]) * (1 + skew);
  }
  writeProto(dir + "/input_0.pb", rawProto("a", 1, {rows, 4}, a));
  // Typed field instead of raw_data.
  onnx::TensorProto typed;
  typed.set_name("b");
  typed.set_data_type(onnx::TensorProto::FLOAT);
  typed.add_dims(rows);
  typed.add_dims(4);
  for (float value : b)
    typed.add_float_data(value);
  writeProto(dir + "/input_1.pb", typed);
  writeProto(dir + "/output_0.pb", rawProto("y", 1, {rows, 4}, y));
  return dir;
}

TEST(TensorFileTest, RawDataRoundTripsForEveryType) {
  for (int code : {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 16}) {
    HostTensor tensor;
    tensor.name = "t" + std::to_string(code);
    tensor.dtype = static_cast<onnxc_element_type>(code);
    tensor.shape = {2, 3};
    size_t size = onnxc_element_type_size(tensor.dtype);
    for (size_t i = 0; i < 6 * size; ++i)
      tensor.bytes.push_back(
          static_cast<unsigned char>(code == 9 ? (i % 2) : (i * 37 + code)));
    std::string path = tempPath("roundtrip.pb");
    std::string error;
    ASSERT_TRUE(onnxrun::writeTensorProto(path, tensor, error)) << error;
    HostTensor back;
    ASSERT_TRUE(onnxrun::readTensorProto(path, back, error)) << error;
    EXPECT_EQ(back.name, tensor.name);
    EXPECT_EQ(back.dtype, tensor.dtype);
    EXPECT_EQ(back.shape, tensor.shape);
    EXPECT_EQ(back.bytes, tensor.bytes) << code;
  }
}

TEST(TensorFileTest, ReadsTypedFields) {
  std::string path = tempPath("typed.pb");
  std::string error;
  HostTensor tensor;
  onnx::TensorProto proto;
  proto.set_data_type(onnx::TensorProto::INT8);
  proto.add_dims(3);
  for (int value : {-1, 2, -128})
    proto.add_int32_data(value);
  writeProto(path, proto);
  ASSERT_TRUE(onnxrun::readTensorProto(path, tensor, error)) << error;
  EXPECT_EQ(onnxrun::elementAsDouble(tensor, 2), -128);

  proto.Clear();
  proto.set_data_type(onnx::TensorProto::FLOAT16);
  proto.add_dims(2);
  proto.add_int32_data(0x3c00); // 1.0
  proto.add_int32_data(0xc000); // -2.0
  writeProto(path, proto);
  ASSERT_TRUE(onnxrun::readTensorProto(path, tensor, error)) << error;
  EXPECT_EQ(onnxrun::elementAsDouble(tensor, 0), 1.0);
  EXPECT_EQ(onnxrun::elementAsDouble(tensor, 1), -2.0);

  proto.Clear();
  proto.set_data_type(onnx::TensorProto::UINT64);
  proto.add_dims(1);
  proto.add_uint64_data(UINT64_MAX);
  writeProto(path, proto);
  ASSERT_TRUE(onnxrun::readTensorProto(path, tensor, error)) << error;
  uint64_t value;
  std::memcpy(&value, tensor.bytes.data(), 8);
  EXPECT_EQ(value, UINT64_MAX);

  proto.Clear();
  proto.set_data_type(onnx::TensorProto::BOOL);
  proto.add_dims(2);
  proto.add_int32_data(0);
  proto.add_int32_data(7);
  writeProto(path, proto);
  ASSERT_TRUE(onnxrun::readTensorProto(path, tensor, error)) << error;
  EXPECT_EQ(tensor.bytes, (std::vector<unsigned char>{0, 1}));
}

TEST(TensorFileTest, RefusesBadTensorProtos) {
  std::string path = tempPath("bad.pb");
  std::string error;
  HostTensor tensor;
  onnx::TensorProto proto;
  proto.set_data_type(onnx::TensorProto::FLOAT);
  proto.add_dims(3);
  proto.add_float_data(1);
  writeProto(path, proto);
  EXPECT_FALSE(onnxrun::readTensorProto(path, tensor, error));
  EXPECT_NE(error.find("holds 1 values, shape [3] needs 3"), std::string::npos)
      << error;
  proto.set_raw_data(std::string(8, '\0'));
  writeProto(path, proto);
  EXPECT_FALSE(onnxrun::readTensorProto(path, tensor, error));
  EXPECT_NE(error.find("raw_data holds 8 bytes"), std::string::npos) << error;
  proto.set_data_type(onnx::TensorProto::STRING);
  writeProto(path, proto);
  EXPECT_FALSE(onnxrun::readTensorProto(path, tensor, error));
  EXPECT_NE(error.find("element type 8 is not supported"), std::string::npos);
  proto.set_data_type(onnx::TensorProto::FLOAT);
  proto.set_data_location(onnx::TensorProto::EXTERNAL);
  writeProto(path, proto);
  EXPECT_FALSE(onnxrun::readTensorProto(path, tensor, error));
  EXPECT_NE(error.find("external data"), std::string::npos);
  writeFile(path, {'\xff', '\xff', '\xff', '\x01'});
  EXPECT_FALSE(onnxrun::readTensorProto(path, tensor, error));
  EXPECT_NE(error.find("not a TensorProto"), std::string::npos) << error;
  EXPECT_FALSE(onnxrun::readTensorProto("/nonexistent.pb", tensor, error));
  EXPECT_NE(error.find("cannot open"), std::string::npos);
}

/// A .npy file of format `major` with header dict `dict` and `data`.
std::string npyFile(int major, const std::string &dict,
                    const std::vector<char> &data) {
  std::string header = dict;
  size_t prefix = major == 1 ? 10 : 12;
  while ((prefix + header.size() + 1) % 64 != 0)
    header += ' ';
  header += '\n';
  std::vector<char> bytes = {
      '\x93', 'N', 'U', 'M', 'P', 'Y', static_cast<char>(major), 0};
  size_t length = header.size();
  bytes.push_back(static_cast<char>(length & 0xff));
  bytes.push_back(static_cast<char>((length >> 8) & 0xff));
  if (major != 1) {
    bytes.push_back(0);
    bytes.push_back(0);
  }
  bytes.insert(bytes.end(), header.begin(), header.end());
  bytes.insert(bytes.end(), data.begin(), data.end());
  std::string path = tempPath("array.npy");
  writeFile(path, bytes);
  return path;
}

TEST(TensorFileTest, ReadsNpyFiles) {
  std::vector<float> values = {1, 2, 3, 4, 5, 6};
  std::vector<char> data(reinterpret_cast<char *>(values.data()),
                         reinterpret_cast<char *>(values.data()) + 24);
  for (int major : {1, 2, 3}) {
    std::string path = npyFile(
        major, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
        data);
    HostTensor tensor;
    std::string error;
    ASSERT_TRUE(onnxrun::readNpy(path, tensor, error)) << error;
    EXPECT_EQ(tensor.dtype, ONNXC_TYPE_FLOAT);
    EXPECT_EQ(tensor.shape, (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(onnxrun::elementAsDouble(tensor, 5), 6.0);
  }
  HostTensor tensor;
  std::string error;
  ASSERT_TRUE(onnxrun::readNpy(
      npyFile(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (), }",
              {1}),
      tensor, error))
      << error;
  EXPECT_EQ(tensor.dtype, ONNXC_TYPE_BOOL);
  EXPECT_TRUE(tensor.shape.empty());
  ASSERT_TRUE(onnxrun::readNpy(
      npyFile(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }",
              {5, 0, 0, 0, 0, 0, 0, 0}),
      tensor, error))
      << error;
  EXPECT_EQ(tensor.dtype, ONNXC_TYPE_INT64);
  EXPECT_EQ(tensor.shape, (std::vector<int64_t>{1}));
}

TEST(TensorFileTest, RefusesFortranOrderBigEndianAndTruncation) {
  HostTensor tensor;
  std::string error;
  std::vector<char> data(24);
  EXPECT_FALSE(onnxrun::readNpy(
      npyFile(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }",
              data),
      tensor, error));
  EXPECT_NE(error.find("fortran-order arrays are not supported"),
            std::string::npos);
  EXPECT_FALSE(onnxrun::readNpy(
      npyFile(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 3), }",
              data),
      tensor, error));
  EXPECT_NE(error.find("big-endian"), std::string::npos);
  EXPECT_FALSE(onnxrun::readNpy(
      npyFile(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4), }",
              data),
      tensor, error));
  EXPECT_NE(error.find("holds 24 data bytes, shape [2,4] needs 32"),
            std::string::npos)
      << error;
  EXPECT_FALSE(onnxrun::readNpy(
      npyFile(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }",
              data),
      tensor, error));
  EXPECT_NE(error.find("dtype <c8 is not supported"), std::string::npos);
  std::string text = tempPath("text.npy");
  writeFile(text, {'h', 'e', 'l', 'l', 'o', '\n'});
  EXPECT_FALSE(onnxrun::readNpy(text, tensor, error));
  EXPECT_NE(error.find("not a .npy file"), std::string::npos);
}

HostTensor floats(std::vector<float> values) {
  HostTensor tensor;
  tensor.dtype = ONNXC_TYPE_FLOAT;
  tensor.shape = {static_cast<int64_t>(values.size())};
  tensor.bytes.resize(values.size() * 4);
  std::memcpy(tensor.bytes.data(), values.data(), tensor.bytes.size());
  return tensor;
}

TEST(TensorFileTest, ComparesWithinTolerances) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  auto compare = [](const HostTensor &a, const HostTensor &e) {
    return onnxrun::compareTensors(a, e, 1e-3, 1e-5);
  };
  EXPECT_TRUE(
      compare(floats({1, nan, inf, -inf}), floats({1, nan, inf, -inf})).match);
  EXPECT_FALSE(compare(floats({1, 2}), floats({1, nan})).match);
  EXPECT_FALSE(compare(floats({nan}), floats({0})).match);
  EXPECT_FALSE(compare(floats({inf}), floats({-inf})).match);
  // |a - e| <= atol + rtol * |e|.
  EXPECT_TRUE(compare(floats({100.099f}), floats({100})).match);
  onnxrun::Comparison off = compare(floats({0, 100.2f}), floats({0, 100}));
  EXPECT_FALSE(off.match);
  EXPECT_EQ(off.mismatches, 1u);
  EXPECT_EQ(off.firstMismatch, 1u);
  EXPECT_NEAR(off.maxAbsError, 0.2, 1e-4);
  EXPECT_NEAR(off.maxRelError, 0.002, 1e-6);
  EXPECT_FALSE(compare(floats({1, 2}), floats({1, 2, 3})).match);

  HostTensor big, bigger;
  big.dtype = bigger.dtype = ONNXC_TYPE_INT64;
  big.shape = bigger.shape = {1};
  int64_t a = (INT64_C(1) << 60), b = a + 1; // equal as doubles
  big.bytes.resize(8);
  bigger.bytes.resize(8);
  std::memcpy(big.bytes.data(), &a, 8);
  std::memcpy(bigger.bytes.data(), &b, 8);
  EXPECT_FALSE(compare(big, bigger).match);
  EXPECT_TRUE(compare(big, big).match);
  HostTensor asFloat = floats({1, 2});
  HostTensor asInt = asFloat;
  asInt.dtype = ONNXC_TYPE_INT32;
  onnxrun::Comparison typeMismatch = compare(asFloat, asInt);
  EXPECT_FALSE(typeMismatch.match);
  EXPECT_EQ(typeMismatch.problem, "element type f32, expected i32");
}

TEST(OnnxRunTest, MatchingTestDataExitsZero) {
  std::string data = addDataSet("add_ok", 3, 0);
  std::string out = tempPath("out");
  ToolResult result = onnxRun("'" + fixturePath("add") + "' --test-data '" +
                              data + "' --output-dir '" + out + "'");
  EXPECT_EQ(result.status, 0) << result.output;
  EXPECT_NE(result.output.find("tolerances: rtol 0.001, atol 1e-05"),
            std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("latency: "), std::string::npos);
  EXPECT_NE(result.output.find("output 0 \"y\": f32 [3,4], max abs error 0, "
                               "max rel error 0: PASS"),
            std::string::npos)
      << result.output;
  HostTensor written;
  std::string error;
  ASSERT_TRUE(onnxrun::readTensorProto(out + "/output_0.pb", written, error))
      << error;
  EXPECT_EQ(written.name, "y");
  EXPECT_EQ(written.shape, (std::vector<int64_t>{3, 4}));
  EXPECT_EQ(onnxrun::elementAsDouble(written, 11), 5.5 + 1 - 11);
}

TEST(OnnxRunTest, MismatchExitsOneAndToleranceOptionsApply) {
  std::string data = addDataSet("add_off", 2, 0.01f);
  std::string model = "'" + fixturePath("add") + "' --test-data '" + data + "'";
  ToolResult strict = onnxRun(model);
  EXPECT_EQ(strict.status, 1) << strict.output;
  EXPECT_NE(strict.output.find("FAIL"), std::string::npos);
  ToolResult loose = onnxRun(model + " --rtol 0.05 --atol=1e-5");
  EXPECT_EQ(loose.status, 0) << loose.output;
  EXPECT_NE(loose.output.find("rtol 0.05"), std::string::npos);
}

TEST(OnnxRunTest, ErrorsExitTwo) {
  std::string add = "'" + fixturePath("add") + "'";
  ToolResult missingModel = onnxRun("/nonexistent/model.so --info");
  EXPECT_EQ(missingModel.status, 2);
  EXPECT_NE(missingModel.output.find("/nonexistent/model.so: cannot open"),
            std::string::npos)
      << missingModel.output;
  EXPECT_EQ(onnxRun(add + " --test-data /nonexistent").status, 2);
  std::string empty = makeDir("empty_set");
  ToolResult noInput = onnxRun(add + " --test-data '" + empty + "'");
  EXPECT_EQ(noInput.status, 2);
  EXPECT_NE(noInput.output.find("input_0.pb: missing"), std::string::npos)
      << noInput.output;
  ToolResult missing = onnxRun(add);
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.output.find("no value for input \"a\" f32 [?,4]"),
            std::string::npos)
      << missing.output;
  EXPECT_EQ(onnxRun(add + " --random-inputs").status, 2); // dynamic dims
  EXPECT_EQ(onnxRun(add + " --repeat 0").status, 2);
  EXPECT_EQ(onnxRun(add + " --bogus").status, 2);
  EXPECT_EQ(onnxRun("").status, 2);
  ToolResult notModel = onnxRun("'" + fixturePath("nosig") + "' --info");
  EXPECT_EQ(notModel.status, 2);
  EXPECT_NE(notModel.output.find("no .onnxc_sig section"), std::string::npos);
  ToolResult cuda =
      onnxRun("'" + fixturePath("mnist") + "' --random-inputs --device cuda");
  EXPECT_EQ(cuda.status, 2);
  EXPECT_NE(cuda.output.find("model \"mnist-8\" was compiled for cpu, not for "
                             "cuda"),
            std::string::npos)
      << cuda.output;
}

TEST(OnnxRunTest, WrongInputShapeNamesTheInput) {
  std::string path = tempPath("image.pb");
  writeProto(
      path, rawProto("Input3", 1, {1, 1, 27, 28}, std::vector<float>(27 * 28)));
  ToolResult result =
      onnxRun("'" + fixturePath("mnist") + "' --input Input3=" + path);
  EXPECT_EQ(result.status, 2);
  EXPECT_NE(result.output.find("input \"Input3\": expected shape [1,1,28,28], "
                               "got [1,1,27,28]"),
            std::string::npos)
      << result.output;
}

TEST(OnnxRunTest, InfoRepeatAndNpyInputs) {
  ToolResult info = onnxRun("'" + fixturePath("mnist") + "' --info");
  EXPECT_EQ(info.status, 0) << info.output;
  for (const char *line :
       {"model: mnist-8", "producer: CNTK 2.5.1", "opset: ai.onnx 8",
        "compiler: 0.1.0", "target: cpu", "cpu: x86-64", "features: +sse2",
        "0 \"Input3\" f32 [1,1,28,28]", "0 \"Plus214_Output_0\" f32 [1,10]"})
    EXPECT_NE(info.output.find(line), std::string::npos) << line;
  EXPECT_EQ(info.output.find("latency"), std::string::npos);

  std::vector<float> x = {1, 2, 3, 4, 5, 6};
  std::vector<char> data(reinterpret_cast<char *>(x.data()),
                         reinterpret_cast<char *>(x.data()) + 24);
  std::string npy = npyFile(
      1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", data);
  ToolResult run = onnxRun("'" + fixturePath("strided") + "' --input x=" + npy +
                           " --repeat 3");
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("median of 3 runs"), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("output 0 \"t\": f32 [3,2] = [1, 4, 2, 5, 3, 6]"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("output 2 \"total\": f32 [] = [21]"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("output 3 \"rev\": f32 [3] = [3, 2, 1]"),
            std::string::npos)
      << run.output;
}

} // namespace
