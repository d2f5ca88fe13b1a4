//===- onnx-run.cpp - Run a compiled model
//---------------------------------===//
//
// onnx-run libmodel.so [--input NAME=FILE.pb|FILE.npy ...] [--test-data DIR]
//          [--rtol R --atol A] [--repeat N] [--info] [--output-dir DIR]
//          [--random-inputs] [--device cpu|cuda|systolic] [--threads N]
//
// Exit status: 0 when the run succeeded (and every output matched its
// reference), 1 when an output did not match, 2 on any error.
//
//===----------------------------------------------------------------------===//

#include "TensorFile.h"
#include "ValueFile.h"

#include "onnxc/runtime.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <sys/stat.h>
#include <vector>

using onnxrun::HostTensor;
using onnxrun::HostValue;

namespace {

constexpr int kExitMatch = 0;
constexpr int kExitMismatch = 1;
constexpr int kExitError = 2;

const char kUsage[] =
    "usage: onnx-run libmodel.so [options]\n"
    "  --input NAME=FILE      an input from a TensorProto (.pb) or numpy "
    "(.npy) "
    "file\n"
    "  --test-data DIR        inputs DIR/input_N.pb; compare with "
    "DIR/output_N.pb\n"
    "  --rtol R, --atol A     tolerances: |a - e| <= atol + rtol * |e| "
    "(default rtol 1e-3, atol 1e-5)\n"
    "  --repeat N             run N times after one warm-up; print "
    "median/min latency\n"
    "  --output-dir DIR       write the outputs as DIR/output_N.pb\n"
    "  --random-inputs        fill inputs not given with fixed-seed random "
    "values\n"
    "  --device NAME          cpu, cuda or systolic (default: the model's "
    "target)\n"
    "  --threads N            worker threads (default: one per cpu)\n"
    "  --info                 print the signature and exit\n"
    "exit status: 0 success/match, 1 mismatch, 2 error\n";

/// An error that ends the program with status 2.
struct Failure {
  std::string message;
};

[[noreturn]] void fail(const std::string &message) { throw Failure{message}; }

/// Throws on a non-NULL status.
void check(onnxc_status *status) {
  if (!status)
    return;
  std::string message = onnxc_status_message(status);
  onnxc_status_free(status);
  fail(message);
}

struct Options {
  std::string model;
  std::vector<std::pair<std::string, std::string>> inputs; // name, file
  std::string testData;
  std::string outputDir;
  std::string device;
  double rtol = 1e-3;
  double atol = 1e-5;
  int repeat = 0;
  int threads = 0;
  bool info = false;
  bool randomInputs = false;
};

double parseNumber(const std::string &option, const std::string &text) {
  char *end = nullptr;
  errno = 0;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end || errno || !std::isfinite(value) || value < 0)
    fail(option + ": expected a non-negative number, got '" + text + "'");
  return value;
}

int parseCount(const std::string &option, const std::string &text, int low) {
  char *end = nullptr;
  errno = 0;
  long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end || errno || value < low || value > 1000000000)
    fail(option + ": expected an integer >= " + std::to_string(low) +
         ", got '" + text + "'");
  return static_cast<int>(value);
}

Options parseOptions(int argc, char **argv) {
  Options options;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    std::string value;
    bool hasInlineValue = false;
    size_t equals = arg.find('=');
    if (arg.rfind("--", 0) == 0 && equals != std::string::npos) {
      // --rtol=1e-3, --input=NAME=FILE.
      value = arg.substr(equals + 1);
      arg = arg.substr(0, equals);
      hasInlineValue = true;
    }
    auto next = [&]() -> std::string {
      if (hasInlineValue)
        return value;
      if (i + 1 >= args.size())
        fail(arg + " needs a value");
      return args[++i];
    };
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      std::exit(kExitMatch);
    } else if (arg == "--input") {
      std::string spec = next();
      size_t equals = spec.find('=');
      if (equals == std::string::npos || equals == 0 ||
          equals + 1 == spec.size())
        fail("--input: expected NAME=FILE, got '" + spec + "'");
      options.inputs.emplace_back(spec.substr(0, equals),
                                  spec.substr(equals + 1));
    } else if (arg == "--test-data") {
      options.testData = next();
    } else if (arg == "--output-dir") {
      options.outputDir = next();
    } else if (arg == "--rtol") {
      options.rtol = parseNumber(arg, next());
    } else if (arg == "--atol") {
      options.atol = parseNumber(arg, next());
    } else if (arg == "--repeat") {
      options.repeat = parseCount(arg, next(), 1);
    } else if (arg == "--threads") {
      options.threads = parseCount(arg, next(), 0);
    } else if (arg == "--device") {
      options.device = next();
    } else if (arg == "--info") {
      options.info = true;
    } else if (arg == "--random-inputs") {
      options.randomInputs = true;
    } else if (arg.rfind("-", 0) == 0 && arg.size() > 1) {
      fail("unknown option '" + arg + "'\n" + kUsage);
    } else if (options.model.empty()) {
      options.model = arg;
    } else {
      fail("unexpected argument '" + arg + "' (the model is '" + options.model +
           "')");
    }
  }
  if (options.model.empty())
    fail(std::string("no model given\n") + kUsage);
  return options;
}

std::string dimsString(const onnxc_value_info &info) {
  if (info.rank < 0)
    return "[*]";
  std::string text = "[";
  for (int32_t i = 0; i < info.rank; ++i) {
    if (i)
      text += ",";
    text +=
        info.shape[i] < 0 ? std::string("?") : std::to_string(info.shape[i]);
  }
  return text + "]";
}

std::vector<onnxc_value_info> valueInfos(const onnxc_model *model,
                                         bool inputs) {
  size_t count =
      inputs ? onnxc_model_input_count(model) : onnxc_model_output_count(model);
  std::vector<onnxc_value_info> infos(count);
  for (size_t i = 0; i < count; ++i)
    check(inputs ? onnxc_model_input_info(model, i, &infos[i])
                 : onnxc_model_output_info(model, i, &infos[i]));
  return infos;
}

onnxc_value_kind valueKind(const onnxc_model *model, bool input, size_t index) {
  onnxc_value_kind kind = ONNXC_VALUE_TENSOR;
  check(input ? onnxc_model_input_kind(model, index, &kind)
              : onnxc_model_output_kind(model, index, &kind));
  return kind;
}

/// "seq ", "opt ", "opt seq " or "" before a value's element type.
std::string kindPrefix(const onnxc_model *model, bool input, size_t index) {
  switch (valueKind(model, input, index)) {
  case ONNXC_VALUE_SEQUENCE:
    return "seq ";
  case ONNXC_VALUE_OPTIONAL_TENSOR:
    return "opt ";
  case ONNXC_VALUE_OPTIONAL_SEQUENCE:
    return "opt seq ";
  default:
    return "";
  }
}

void printInfo(const onnxc_model *model) {
  auto meta = [&](const char *key) {
    const char *value = onnxc_model_metadata(model, key);
    return std::string(value ? value : "-");
  };
  std::cout << "model: " << meta("model") << "\n"
            << "producer: " << meta("producer") << "\n"
            << "opset: " << meta("opset") << "\n"
            << "compiler: " << meta("compiler") << "\n"
            << "abi: " << meta("abi") << "\n"
            << "target: " << meta("target") << "\n"
            << "triple: " << meta("triple") << "\n"
            << "cpu: " << meta("cpu") << "\n"
            << "features: " << meta("features") << "\n"
            << "entry: " << meta("entry") << "\n";
  for (bool inputs : {true, false}) {
    std::vector<onnxc_value_info> infos = valueInfos(model, inputs);
    std::cout << (inputs ? "inputs" : "outputs") << ": " << infos.size()
              << "\n";
    for (size_t i = 0; i < infos.size(); ++i)
      std::cout << "  " << i << " \"" << infos[i].name << "\" "
                << kindPrefix(model, inputs, i)
                << onnxc_element_type_name(infos[i].dtype) << " "
                << dimsString(infos[i]) << "\n";
  }
}

bool isDirectory(const std::string &path) {
  struct stat info;
  return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

bool fileExists(const std::string &path) {
  struct stat info;
  return ::stat(path.c_str(), &info) == 0;
}

HostTensor randomTensor(const onnxc_value_info &info, std::mt19937 &random) {
  HostTensor tensor;
  tensor.name = info.name;
  tensor.dtype = info.dtype;
  for (int32_t i = 0; i < info.rank; ++i) {
    if (info.shape[i] < 0)
      fail(std::string("input \"") + info.name + "\" has a dynamic dimension " +
           dimsString(info) + ": give it with --input");
    tensor.shape.push_back(info.shape[i]);
  }
  size_t count = tensor.elementCount();
  size_t elemSize = onnxc_element_type_size(info.dtype);
  tensor.bytes.resize(count * elemSize);
  std::uniform_real_distribution<float> real(-1.0f, 1.0f);
  std::uniform_int_distribution<int> small(0, 9);
  for (size_t i = 0; i < count; ++i) {
    unsigned char *out = tensor.bytes.data() + i * elemSize;
    switch (info.dtype) {
    case ONNXC_TYPE_FLOAT: {
      float value = real(random);
      std::memcpy(out, &value, 4);
      break;
    }
    case ONNXC_TYPE_DOUBLE: {
      double value = real(random);
      std::memcpy(out, &value, 8);
      break;
    }
    case ONNXC_TYPE_FLOAT16: {
      // A value in [-1, 1) with a 10-bit mantissa: sign | exp 14 | random.
      uint16_t bits = static_cast<uint16_t>((random() & 0x8000) | (14 << 10) |
                                            (random() & 0x3ff));
      std::memcpy(out, &bits, 2);
      break;
    }
    case ONNXC_TYPE_BFLOAT16: {
      float value = real(random);
      uint32_t word;
      std::memcpy(&word, &value, 4);
      uint16_t bits = static_cast<uint16_t>(word >> 16);
      std::memcpy(out, &bits, 2);
      break;
    }
    case ONNXC_TYPE_BOOL:
      *out = static_cast<unsigned char>(random() & 1);
      break;
    default: {
      // Integers: small non-negative values (valid as indices too); 4- and
      // 2-bit types keep them in their low bits.
      int64_t value = small(random);
      if (int perByte = onnxrun::elementsPerByte(info.dtype); perByte > 1)
        value &= (1 << (8 / perByte)) - 1;
      std::memcpy(out, &value, elemSize); // little-endian: low bytes first
      break;
    }
    }
  }
  return tensor;
}

/// The inputs, in model order: --test-data, then --input overrides, then
/// --random-inputs for the rest.
std::vector<HostValue> gatherInputs(const Options &options,
                                    const onnxc_model *model) {
  std::vector<onnxc_value_info> infos = valueInfos(model, true);
  std::vector<HostValue> inputs(infos.size());
  std::vector<bool> given(infos.size(), false);
  std::string error;
  if (!options.testData.empty()) {
    for (size_t i = 0; i < infos.size(); ++i) {
      std::string path =
          options.testData + "/input_" + std::to_string(i) + ".pb";
      if (!fileExists(path)) {
        // Inputs given with --input need no file.
        bool byOption = false;
        for (const auto &input : options.inputs)
          byOption |= input.first == infos[i].name;
        if (byOption)
          continue;
        fail(path + ": missing (the model has " + std::to_string(infos.size()) +
             " inputs; input " + std::to_string(i) + " is \"" + infos[i].name +
             "\")");
      }
      if (!onnxrun::readValueFile(path, valueKind(model, true, i), inputs[i],
                                  error))
        fail(error);
      given[i] = true;
    }
  }
  for (const auto &input : options.inputs) {
    size_t index = 0;
    check(onnxc_model_input_index(model, input.first.c_str(), &index));
    if (valueKind(model, true, index) != ONNXC_VALUE_TENSOR)
      fail("--input " + input.first +
           ": sequences and optionals are only "
           "read with --test-data");
    inputs[index] = HostValue();
    if (!onnxrun::readTensorFile(input.second, inputs[index].tensor, error))
      fail(error);
    given[index] = true;
  }
  std::mt19937 random(20240501);
  for (size_t i = 0; i < infos.size(); ++i) {
    if (given[i])
      continue;
    if (!options.randomInputs)
      fail(std::string("no value for input \"") + infos[i].name + "\" " +
           kindPrefix(model, true, i) +
           onnxc_element_type_name(infos[i].dtype) + " " +
           dimsString(infos[i]) +
           " (use --input NAME=FILE, --test-data DIR or --random-inputs)");
    if (valueKind(model, true, i) != ONNXC_VALUE_TENSOR)
      fail(std::string("input \"") + infos[i].name +
           "\" is a sequence or optional: give it with --test-data");
    inputs[i].tensor = randomTensor(infos[i], random);
  }
  return inputs;
}

onnxc_tensor toRuntimeTensor(HostTensor &host) {
  if (host.shape.size() > ONNXC_MAX_RANK)
    fail("tensor of rank " + std::to_string(host.shape.size()) +
         " is over the runtime's maximum");
  onnxc_tensor tensor{};
  tensor.data = host.bytes.empty() ? nullptr : host.bytes.data();
  tensor.byte_size = host.bytes.size();
  tensor.dtype = host.dtype;
  tensor.rank = static_cast<int32_t>(host.shape.size());
  for (size_t i = 0; i < host.shape.size(); ++i)
    tensor.shape[i] = host.shape[i];
  return tensor;
}

/// The runtime's view of `host`; a sequence is made (and kept in
/// `sequences`) from its tensors.
onnxc_tensor toRuntimeValue(HostValue &host,
                            std::vector<onnxc_sequence *> &sequences) {
  if (host.kind == HostValue::Kind::Tensor)
    return toRuntimeTensor(host.tensor);
  onnxc_tensor tensor{};
  if (host.kind == HostValue::Kind::None) {
    tensor.flags = ONNXC_TENSOR_NONE;
    return tensor;
  }
  onnxc_sequence *sequence = nullptr;
  check(onnxc_sequence_create(host.elementType == ONNXC_TYPE_UNDEFINED
                                  ? ONNXC_TYPE_FLOAT
                                  : host.elementType,
                              &sequence));
  sequences.push_back(sequence);
  for (HostTensor &element : host.elements) {
    onnxc_tensor item = toRuntimeTensor(element);
    check(onnxc_sequence_append(sequence, &item));
  }
  tensor.data = sequence;
  tensor.dtype = onnxc_sequence_element_type(sequence);
  tensor.flags = ONNXC_TENSOR_SEQUENCE;
  return tensor;
}

HostTensor fromRuntimeTensor(const onnxc_tensor &tensor, const char *name);

HostValue fromRuntimeValue(const onnxc_tensor &tensor, const char *name) {
  HostValue value;
  if (tensor.flags & ONNXC_TENSOR_NONE) {
    value.kind = HostValue::Kind::None;
    return value;
  }
  if (!(tensor.flags & ONNXC_TENSOR_SEQUENCE)) {
    value.tensor = fromRuntimeTensor(tensor, name);
    return value;
  }
  value.kind = HostValue::Kind::Sequence;
  const auto *sequence = static_cast<const onnxc_sequence *>(tensor.data);
  value.elementType = onnxc_sequence_element_type(sequence);
  for (size_t i = 0; i < onnxc_sequence_length(sequence); ++i) {
    onnxc_tensor element{};
    check(onnxc_sequence_at(sequence, i, &element));
    value.elements.push_back(fromRuntimeTensor(element, name));
  }
  return value;
}

HostTensor fromRuntimeTensor(const onnxc_tensor &tensor, const char *name) {
  HostTensor host;
  host.name = name;
  host.dtype = tensor.dtype;
  host.shape.assign(tensor.shape, tensor.shape + tensor.rank);
  size_t bytes = onnxc_tensor_element_count(&tensor) *
                 onnxc_element_type_size(tensor.dtype);
  const auto *data = static_cast<const unsigned char *>(tensor.data);
  if (bytes)
    host.bytes.assign(data, data + bytes);
  return host;
}

/// Outputs of one run, released on destruction.
struct RunOutputs {
  std::vector<onnxc_tensor> tensors;
  explicit RunOutputs(size_t count) : tensors(count) {}
  ~RunOutputs() {
    for (onnxc_tensor &tensor : tensors)
      onnxc_tensor_release(&tensor);
  }
};

double runOnce(onnxc_session *session, std::vector<onnxc_tensor> &inputs,
               RunOutputs &outputs) {
  for (onnxc_tensor &tensor : outputs.tensors) {
    onnxc_tensor_release(&tensor);
    tensor = onnxc_tensor{};
  }
  auto start = std::chrono::steady_clock::now();
  onnxc_status *status =
      onnxc_session_run(session, inputs.data(), inputs.size(),
                        outputs.tensors.data(), outputs.tensors.size());
  auto stop = std::chrono::steady_clock::now();
  check(status);
  return std::chrono::duration<double, std::milli>(stop - start).count();
}

std::string formatValue(const HostTensor &tensor, size_t index) {
  double value = onnxrun::elementAsDouble(tensor, index);
  char buffer[64];
  if (onnxrun::isFloatType(tensor.dtype))
    std::snprintf(buffer, sizeof(buffer), "%.6g", value);
  else if (tensor.dtype == ONNXC_TYPE_BOOL)
    std::snprintf(buffer, sizeof(buffer), "%s", value != 0 ? "true" : "false");
  else if (tensor.dtype == ONNXC_TYPE_UINT64) {
    uint64_t raw;
    std::memcpy(&raw, tensor.bytes.data() + index * 8, 8);
    std::snprintf(buffer, sizeof(buffer), "%llu",
                  static_cast<unsigned long long>(raw));
  } else if (tensor.dtype == ONNXC_TYPE_INT64) {
    int64_t raw;
    std::memcpy(&raw, tensor.bytes.data() + index * 8, 8);
    std::snprintf(buffer, sizeof(buffer), "%lld", static_cast<long long>(raw));
  } else
    std::snprintf(buffer, sizeof(buffer), "%.0f", value);
  return buffer;
}

std::string formatError(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.3g", value);
  return buffer;
}

int runModel(const Options &options) {
  onnxc_model *rawModel = nullptr;
  check(onnxc_model_load(options.model.c_str(), &rawModel));
  std::unique_ptr<onnxc_model, void (*)(onnxc_model *)> model(
      rawModel, onnxc_model_release);
  if (options.info) {
    printInfo(model.get());
    return kExitMatch;
  }
  if (!options.testData.empty() && !isDirectory(options.testData))
    fail(options.testData + ": not a directory");

  onnxc_device device = onnxc_model_target(model.get());
  if (!options.device.empty())
    check(onnxc_device_from_name(options.device.c_str(), &device));
  onnxc_session_options *rawOptions = nullptr;
  check(onnxc_session_options_create(&rawOptions));
  std::unique_ptr<onnxc_session_options, void (*)(onnxc_session_options *)>
      sessionOptions(rawOptions, onnxc_session_options_release);
  check(onnxc_session_options_set_thread_count(sessionOptions.get(),
                                               options.threads));
  onnxc_session *rawSession = nullptr;
  check(onnxc_session_create(model.get(), device, sessionOptions.get(),
                             &rawSession));
  std::unique_ptr<onnxc_session, void (*)(onnxc_session *)> session(
      rawSession, onnxc_session_release);

  std::vector<HostValue> hostInputs = gatherInputs(options, model.get());
  std::vector<onnxc_sequence *> inputSequences;
  std::unique_ptr<std::vector<onnxc_sequence *>,
                  void (*)(std::vector<onnxc_sequence *> *)>
      releaseSequences(&inputSequences, [](std::vector<onnxc_sequence *> *v) {
        for (onnxc_sequence *sequence : *v)
          onnxc_sequence_release(sequence);
      });
  std::vector<onnxc_tensor> inputs;
  for (HostValue &host : hostInputs)
    inputs.push_back(toRuntimeValue(host, inputSequences));
  std::vector<onnxc_value_info> outputInfos = valueInfos(model.get(), false);

  // References first, so that a missing file is reported before running.
  std::vector<HostValue> references;
  if (!options.testData.empty()) {
    std::string error;
    for (size_t i = 0; i < outputInfos.size(); ++i) {
      std::string path =
          options.testData + "/output_" + std::to_string(i) + ".pb";
      HostValue reference;
      if (!onnxrun::readValueFile(path, valueKind(model.get(), false, i),
                                  reference, error))
        fail(error + " (the model has " + std::to_string(outputInfos.size()) +
             " outputs)");
      references.push_back(std::move(reference));
    }
  }

  RunOutputs outputs(outputInfos.size());
  std::vector<double> latencies;
  double first = runOnce(session.get(), inputs, outputs);
  if (options.repeat > 0) {
    for (int i = 0; i < options.repeat; ++i)
      latencies.push_back(runOnce(session.get(), inputs, outputs));
    std::sort(latencies.begin(), latencies.end());
    size_t n = latencies.size();
    double median = n % 2 ? latencies[n / 2]
                          : (latencies[n / 2 - 1] + latencies[n / 2]) / 2;
    std::printf("latency: %.4f ms (median of %zu runs after 1 warm-up; min "
                "%.4f ms)\n",
                median, n, latencies.front());
  } else {
    std::printf("latency: %.4f ms\n", first);
  }

  std::vector<HostValue> results;
  for (size_t i = 0; i < outputInfos.size(); ++i)
    results.push_back(
        fromRuntimeValue(outputs.tensors[i], outputInfos[i].name));

  if (!options.outputDir.empty()) {
    if (!isDirectory(options.outputDir) &&
        ::mkdir(options.outputDir.c_str(), 0777) != 0)
      fail(options.outputDir + ": cannot create: " + std::strerror(errno));
    std::string error;
    for (size_t i = 0; i < results.size(); ++i)
      if (!onnxrun::writeValueFile(options.outputDir + "/output_" +
                                       std::to_string(i) + ".pb",
                                   results[i], error))
        fail(error);
  }

  if (references.empty()) {
    for (size_t i = 0; i < results.size(); ++i) {
      if (results[i].kind != HostValue::Kind::Tensor) {
        std::printf("output %zu \"%s\": %s\n", i, outputInfos[i].name,
                    onnxrun::describeValue(results[i]).c_str());
        continue;
      }
      const HostTensor &result = results[i].tensor;
      std::printf("output %zu \"%s\": %s %s =", i, result.name.c_str(),
                  onnxc_element_type_name(result.dtype),
                  onnxrun::shapeString(result.shape).c_str());
      size_t count = result.elementCount();
      size_t shown = std::min<size_t>(count, 8);
      std::printf(" [");
      for (size_t j = 0; j < shown; ++j)
        std::printf("%s%s", j ? ", " : "", formatValue(result, j).c_str());
      std::printf("%s]\n", count > shown ? ", ..." : "");
    }
    return kExitMatch;
  }

  std::printf("tolerances: rtol %g, atol %g\n", options.rtol, options.atol);
  size_t failed = 0;
  for (size_t i = 0; i < results.size(); ++i) {
    // An optional output that holds a value compares with the plain value.
    onnxrun::Comparison comparison = onnxrun::compareValues(
        results[i], references[i], options.rtol, options.atol);
    std::printf("output %zu \"%s\": %s, max abs error %s, max rel error %s: "
                "%s\n",
                i, outputInfos[i].name,
                onnxrun::describeValue(results[i]).c_str(),
                formatError(comparison.maxAbsError).c_str(),
                formatError(comparison.maxRelError).c_str(),
                comparison.match ? "PASS" : "FAIL");
    if (comparison.match)
      continue;
    ++failed;
    if (!comparison.problem.empty()) {
      std::printf("  %s\n", comparison.problem.c_str());
    } else {
      size_t at = comparison.firstMismatch;
      std::printf("  %zu of %zu elements differ; first at flat index %zu: got "
                  "%s, expected %s\n",
                  comparison.mismatches, references[i].tensor.elementCount(),
                  at, formatValue(results[i].tensor, at).c_str(),
                  formatValue(references[i].tensor, at).c_str());
    }
  }
  if (failed) {
    std::printf("FAIL: %zu of %zu outputs differ\n", failed, results.size());
    return kExitMismatch;
  }
  std::printf("PASS: all %zu outputs match\n", results.size());
  return kExitMatch;
}

} // namespace

int main(int argc, char **argv) {
  try {
    Options options = parseOptions(argc, argv);
    return runModel(options);
  } catch (const Failure &failure) {
    std::fflush(stdout);
    std::cerr << "onnx-run: error: " << failure.message << "\n";
    return kExitError;
  } catch (const std::exception &exception) {
    std::fflush(stdout);
    std::cerr << "onnx-run: error: " << exception.what() << "\n";
    return kExitError;
  }
}
