//===- ValueFile.cpp - Sequences and optionals in .pb files ---------------===//

#include "ValueFile.h"

#include "onnx/onnx-ml.pb.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/wire_format_lite.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace onnxrun {
namespace {

// SequenceProto and OptionalProto live in onnx-data.proto, which the build
// does not compile; their few fields are read and written here directly:
//   SequenceProto: 1 name, 2 elem_type (1 TENSOR), 3 repeated tensor_values
//   OptionalProto: 1 name, 2 elem_type (1 TENSOR, 3 SEQUENCE),
//                  3 tensor_value, 5 sequence_value
constexpr int kTensorKind = 1;
constexpr int kSequenceKind = 3;

/// The fields of either message that this tool uses.
struct Message {
  int elemType = 0;
  std::vector<std::string> tensors; // field 3 (serialized TensorProto)
  std::string sequence;             // field 5 (serialized SequenceProto)
  bool hasSequence = false;
  bool unknownFields = false; // fields no sequence/optional has
};

bool parseMessage(const std::string &bytes, Message &message) {
  google::protobuf::io::ArrayInputStream array(bytes.data(),
                                               static_cast<int>(bytes.size()));
  google::protobuf::io::CodedInputStream in(&array);
  in.SetRecursionLimit(16);
  while (uint32_t tag = in.ReadTag()) {
    int field = static_cast<int>(tag >> 3);
    int wire = static_cast<int>(tag & 7);
    if (field == 2 && wire == 0) {
      uint64_t v = 0;
      if (!in.ReadVarint64(&v))
        return false;
      message.elemType = static_cast<int>(v);
      continue;
    }
    if (wire == 2) {
      uint32_t length = 0;
      std::string data;
      if (!in.ReadVarint32(&length) ||
          !in.ReadString(&data, static_cast<int>(length)))
        return false;
      if (field == 3)
        message.tensors.push_back(std::move(data));
      else if (field == 5) {
        message.sequence = std::move(data);
        message.hasSequence = true;
      } else if (field != 1)
        message.unknownFields = true;
      continue;
    }
    message.unknownFields = true;
    if (!google::protobuf::internal::WireFormatLite::SkipField(&in, tag))
      return false;
  }
  return in.ConsumedEntireMessage();
}

bool fromSequence(const std::string &bytes, const std::string &path,
                  HostValue &value, std::string &error) {
  Message message;
  if (!parseMessage(bytes, message) || message.unknownFields) {
    error = path + ": not a SequenceProto";
    return false;
  }
  if (message.elemType != kTensorKind && message.elemType != 0) {
    error = path + ": only sequences of tensors are supported";
    return false;
  }
  value = HostValue();
  value.kind = HostValue::Kind::Sequence;
  for (const std::string &tensorBytes : message.tensors) {
    onnx::TensorProto tensor;
    if (!tensor.ParseFromString(tensorBytes)) {
      error = path + ": a tensor of the sequence is not a TensorProto";
      return false;
    }
    HostTensor element;
    if (!tensorFromProto(tensor, path, element, error))
      return false;
    if (value.elementType == ONNXC_TYPE_UNDEFINED)
      value.elementType = element.dtype;
    value.elements.push_back(std::move(element));
  }
  return true;
}

bool readBytes(const std::string &path, std::string &contents,
               std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  contents.assign(std::istreambuf_iterator<char>(in),
                  std::istreambuf_iterator<char>());
  return true;
}

void writeLengthDelimited(std::string &out, int field,
                          const std::string &bytes) {
  google::protobuf::io::StringOutputStream stream(&out);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.WriteTag(static_cast<uint32_t>(field << 3 | 2));
  coded.WriteVarint32(static_cast<uint32_t>(bytes.size()));
  coded.WriteString(bytes);
}

void writeVarintField(std::string &out, int field, uint64_t v) {
  google::protobuf::io::StringOutputStream stream(&out);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.WriteTag(static_cast<uint32_t>(field << 3));
  coded.WriteVarint64(v);
}

} // namespace

bool readValueFile(const std::string &path, onnxc_value_kind kind,
                   HostValue &value, std::string &error) {
  if (kind == ONNXC_VALUE_TENSOR) {
    value = HostValue();
    return readTensorProto(path, value.tensor, error);
  }
  std::string contents;
  if (!readBytes(path, contents, error))
    return false;
  if (kind == ONNXC_VALUE_SEQUENCE)
    return fromSequence(contents, path, value, error);
  Message message;
  if (!parseMessage(contents, message))
    message.unknownFields = true;
  bool wantSequence = kind == ONNXC_VALUE_OPTIONAL_SEQUENCE;
  auto none = [&] {
    value = HostValue();
    value.kind = HostValue::Kind::None;
    return true;
  };
  if (!message.unknownFields && message.elemType == kSequenceKind &&
      wantSequence)
    return message.hasSequence
               ? fromSequence(message.sequence, path, value, error)
               : none();
  if (!message.unknownFields && message.elemType == kTensorKind &&
      !wantSequence && message.tensors.size() <= 1) {
    if (message.tensors.empty())
      return none();
    onnx::TensorProto tensor;
    if (!tensor.ParseFromString(message.tensors[0])) {
      error = path + ": the optional's tensor is not a TensorProto";
      return false;
    }
    value = HostValue();
    return tensorFromProto(tensor, path, value.tensor, error);
  }
  if (!message.unknownFields && message.elemType == 0 &&
      message.tensors.empty() && !message.hasSequence)
    return none();
  // Not an OptionalProto: the plain value (a reference for an optional
  // output whose graph type is not optional).
  if (wantSequence)
    return fromSequence(contents, path, value, error);
  value = HostValue();
  return readTensorProto(path, value.tensor, error);
}

bool writeValueFile(const std::string &path, const HostValue &value,
                    std::string &error) {
  if (value.kind == HostValue::Kind::Tensor)
    return writeTensorProto(path, value.tensor, error);
  std::string bytes;
  if (value.kind == HostValue::Kind::Sequence) {
    // A SequenceProto of tensors.
    writeVarintField(bytes, 2, kTensorKind);
    for (const HostTensor &element : value.elements) {
      onnx::TensorProto proto;
      tensorToProto(element, proto);
      writeLengthDelimited(bytes, 3, proto.SerializeAsString());
    }
  }
  // An absent optional: an empty OptionalProto (no fields).
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out ||
      !out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    error = path + ": cannot write: " + std::strerror(errno);
    return false;
  }
  return true;
}

Comparison compareValues(const HostValue &actual, const HostValue &expected,
                         double rtol, double atol) {
  Comparison result;
  if (actual.kind != expected.kind) {
    result.match = false;
    result.problem = "got " + describeValue(actual) + ", expected " +
                     describeValue(expected);
    return result;
  }
  if (actual.kind == HostValue::Kind::None)
    return result;
  if (actual.kind == HostValue::Kind::Tensor)
    return compareTensors(actual.tensor, expected.tensor, rtol, atol);
  if (actual.elements.size() != expected.elements.size()) {
    result.match = false;
    result.problem = "got " + describeValue(actual) + ", expected " +
                     describeValue(expected);
    return result;
  }
  for (size_t i = 0; i < actual.elements.size(); ++i) {
    Comparison one =
        compareTensors(actual.elements[i], expected.elements[i], rtol, atol);
    result.maxAbsError = std::max(result.maxAbsError, one.maxAbsError);
    result.maxRelError = std::max(result.maxRelError, one.maxRelError);
    if (one.match)
      continue;
    if (result.match) {
      result.match = false;
      result.problem = "tensor " + std::to_string(i) + ": " +
                       (one.problem.empty() ? std::to_string(one.mismatches) +
                                                  " elements differ"
                                            : one.problem);
    }
  }
  return result;
}

std::string describeValue(const HostValue &value) {
  switch (value.kind) {
  case HostValue::Kind::None:
    return "none";
  case HostValue::Kind::Tensor: {
    const char *name = onnxc_element_type_name(value.tensor.dtype);
    return std::string(name ? name : "?") + " " +
           shapeString(value.tensor.shape);
  }
  case HostValue::Kind::Sequence: {
    const char *name = onnxc_element_type_name(value.elementType);
    std::string out = "seq<" + std::string(name ? name : "?") + "> of " +
                      std::to_string(value.elements.size());
    for (size_t i = 0; i < value.elements.size() && i < 4; ++i)
      out += (i ? " " : " ") + shapeString(value.elements[i].shape);
    return out;
  }
  }
  return "?";
}

} // namespace onnxrun
