//===- TensorFile.cpp - Tensors in .pb and .npy files ---------------------===//

#include "TensorFile.h"

#include "onnx/onnx-ml.pb.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>

namespace onnxrun {

size_t HostTensor::elementCount() const {
  size_t count = 1;
  for (int64_t dim : shape)
    count *= static_cast<size_t>(dim);
  return count;
}

std::string shapeString(const std::vector<int64_t> &shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? "," : "") + std::to_string(shape[i]);
  return text + "]";
}

bool isFloatType(onnxc_element_type type) {
  switch (type) {
  case ONNXC_TYPE_FLOAT:
  case ONNXC_TYPE_DOUBLE:
  case ONNXC_TYPE_FLOAT16:
  case ONNXC_TYPE_BFLOAT16:
  case ONNXC_TYPE_FLOAT8E4M3FN:
  case ONNXC_TYPE_FLOAT8E4M3FNUZ:
  case ONNXC_TYPE_FLOAT8E5M2:
  case ONNXC_TYPE_FLOAT8E5M2FNUZ:
  case ONNXC_TYPE_FLOAT8E8M0:
  case ONNXC_TYPE_FLOAT4E2M1:
    return true;
  default:
    return false;
  }
}

int elementsPerByte(onnxc_element_type type) {
  switch (type) {
  case ONNXC_TYPE_INT4:
  case ONNXC_TYPE_UINT4:
  case ONNXC_TYPE_FLOAT4E2M1:
    return 2;
  case ONNXC_TYPE_INT2:
  case ONNXC_TYPE_UINT2:
    return 4;
  default:
    return 1;
  }
}

namespace {

bool readWholeFile(const std::string &path, std::string &contents,
                   std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  contents.assign(std::istreambuf_iterator<char>(in),
                  std::istreambuf_iterator<char>());
  if (in.bad()) {
    error = path + ": cannot read";
    return false;
  }
  return true;
}

/// The element count of `shape`, or false on a negative dim or overflow.
bool checkedCount(const std::vector<int64_t> &shape, size_t elemSize,
                  size_t &count) {
  uint64_t product = 1;
  for (int64_t dim : shape) {
    if (dim < 0)
      return false;
    if (dim != 0 && product > std::numeric_limits<uint64_t>::max() /
                                  static_cast<uint64_t>(dim))
      return false;
    product *= static_cast<uint64_t>(dim);
  }
  if (elemSize && product > (uint64_t(1) << 40) / elemSize)
    return false; // over 1 TiB: certainly not a test tensor
  count = static_cast<size_t>(product);
  return true;
}

float halfToFloat(uint16_t bits) {
  uint32_t sign = static_cast<uint32_t>(bits & 0x8000) << 16;
  uint32_t exponent = (bits >> 10) & 0x1f;
  uint32_t mantissa = bits & 0x3ff;
  uint32_t result;
  if (exponent == 0) {
    if (mantissa == 0) {
      result = sign;
    } else {
      // Subnormal: normalize.
      exponent = 127 - 15 + 1;
      while (!(mantissa & 0x400)) {
        mantissa <<= 1;
        --exponent;
      }
      mantissa &= 0x3ff;
      result = sign | (exponent << 23) | (mantissa << 13);
    }
  } else if (exponent == 0x1f) {
    result = sign | 0x7f800000 | (mantissa << 13);
  } else {
    result = sign | ((exponent + 127 - 15) << 23) | (mantissa << 13);
  }
  float value;
  std::memcpy(&value, &result, 4);
  return value;
}

float bfloat16ToFloat(uint16_t bits) {
  uint32_t word = static_cast<uint32_t>(bits) << 16;
  float value;
  std::memcpy(&value, &word, 4);
  return value;
}

/// A narrow float (8 or 4 bits) as a double. `mantBits`/`bias` give the
/// format; `fnuz` formats have one NaN (0x80) and no negative zero or
/// infinities; `ieeeSpecials` formats (E5M2) have infinities and NaNs in
/// the top exponent; otherwise (E4M3FN) only all-ones is NaN and FP4 has no
/// specials.
double narrowFloatToDouble(unsigned bits, int totalBits, int mantBits,
                           int bias, bool fnuz, bool ieeeSpecials) {
  unsigned signBit = 1u << (totalBits - 1);
  unsigned magnitude = bits & (signBit - 1);
  int expBits = totalBits - 1 - mantBits;
  unsigned expAll = (1u << expBits) - 1;
  unsigned exponent = magnitude >> mantBits;
  unsigned mantissa = magnitude & ((1u << mantBits) - 1);
  double nan = std::numeric_limits<double>::quiet_NaN();
  if (fnuz && bits == signBit)
    return nan;
  if (ieeeSpecials && exponent == expAll)
    return mantissa ? nan : ((bits & signBit) ? -1.0 : 1.0) *
                                std::numeric_limits<double>::infinity();
  if (!fnuz && !ieeeSpecials && totalBits == 8 && magnitude == 0x7f)
    return nan;
  double value =
      exponent == 0
          ? std::ldexp(static_cast<double>(mantissa), 1 - bias - mantBits)
          : std::ldexp(static_cast<double>(mantissa | (1u << mantBits)),
                       static_cast<int>(exponent) - bias - mantBits);
  return (bits & signBit) ? -value : value;
}

/// Unpacks ONNX's packed 4- or 2-bit elements (lowest bits first) into one
/// byte each, value in the low bits and the high bits zero.
void unpackSubByte(const unsigned char *packed, size_t count, int perByte,
                   std::vector<unsigned char> &out) {
  int bits = 8 / perByte;
  unsigned mask = (1u << bits) - 1;
  out.resize(count);
  for (size_t i = 0; i < count; ++i)
    out[i] = static_cast<unsigned char>(
        (packed[i / perByte] >> (bits * (i % perByte))) & mask);
}

template <typename T> T load(const unsigned char *data, size_t index) {
  T value;
  std::memcpy(&value, data + index * sizeof(T), sizeof(T));
  return value;
}

template <typename T, typename Field>
void storeAll(HostTensor &tensor, const Field &field) {
  tensor.bytes.resize(static_cast<size_t>(field.size()) * sizeof(T));
  for (int i = 0; i < field.size(); ++i) {
    T value = static_cast<T>(field.Get(i));
    std::memcpy(tensor.bytes.data() + i * sizeof(T), &value, sizeof(T));
  }
}

} // namespace

bool readTensorProto(const std::string &path, HostTensor &tensor,
                     std::string &error) {
  std::string contents;
  if (!readWholeFile(path, contents, error))
    return false;
  onnx::TensorProto proto;
  if (!proto.ParseFromString(contents)) {
    error = path + ": not a TensorProto";
    return false;
  }
  return tensorFromProto(proto, path, tensor, error);
}

bool tensorFromProto(const onnx::TensorProto &proto, const std::string &path,
                     HostTensor &tensor, std::string &error) {
  tensor = HostTensor();
  tensor.name = proto.name();
  tensor.dtype = static_cast<onnxc_element_type>(proto.data_type());
  size_t elemSize = onnxc_element_type_size(tensor.dtype);
  if (elemSize == 0) {
    error = path + ": element type " + std::to_string(proto.data_type()) +
            " is not supported";
    return false;
  }
  if (proto.has_data_location() &&
      proto.data_location() == onnx::TensorProto::EXTERNAL) {
    error = path + ": tensors with external data are not supported";
    return false;
  }
  for (int64_t dim : proto.dims())
    tensor.shape.push_back(dim);
  size_t count = 0;
  if (!checkedCount(tensor.shape, elemSize, count)) {
    error = path + ": bad shape " + shapeString(tensor.shape);
    return false;
  }
  int perByte = elementsPerByte(tensor.dtype);
  size_t storedBytes = (count * elemSize + perByte - 1) / perByte;
  if (proto.has_raw_data()) {
    const std::string &raw = proto.raw_data();
    if (raw.size() != storedBytes) {
      error = path + ": raw_data holds " + std::to_string(raw.size()) +
              " bytes, shape " + shapeString(tensor.shape) + " of " +
              onnxc_element_type_name(tensor.dtype) + " needs " +
              std::to_string(storedBytes);
      return false;
    }
    if (perByte > 1)
      unpackSubByte(reinterpret_cast<const unsigned char *>(raw.data()), count,
                    perByte, tensor.bytes);
    else
      tensor.bytes.assign(raw.begin(), raw.end());
    return true;
  }
  switch (tensor.dtype) {
  case ONNXC_TYPE_FLOAT:
    storeAll<float>(tensor, proto.float_data());
    break;
  case ONNXC_TYPE_DOUBLE:
    storeAll<double>(tensor, proto.double_data());
    break;
  case ONNXC_TYPE_INT64:
    storeAll<int64_t>(tensor, proto.int64_data());
    break;
  case ONNXC_TYPE_UINT32:
    storeAll<uint32_t>(tensor, proto.uint64_data());
    break;
  case ONNXC_TYPE_UINT64:
    storeAll<uint64_t>(tensor, proto.uint64_data());
    break;
  case ONNXC_TYPE_INT32:
    storeAll<int32_t>(tensor, proto.int32_data());
    break;
  case ONNXC_TYPE_INT16:
    storeAll<int16_t>(tensor, proto.int32_data());
    break;
  case ONNXC_TYPE_INT8:
    storeAll<int8_t>(tensor, proto.int32_data());
    break;
  case ONNXC_TYPE_UINT16:
  case ONNXC_TYPE_FLOAT16:
  case ONNXC_TYPE_BFLOAT16:
    storeAll<uint16_t>(tensor, proto.int32_data());
    break;
  case ONNXC_TYPE_UINT8:
  case ONNXC_TYPE_FLOAT8E4M3FN:
  case ONNXC_TYPE_FLOAT8E4M3FNUZ:
  case ONNXC_TYPE_FLOAT8E5M2:
  case ONNXC_TYPE_FLOAT8E5M2FNUZ:
  case ONNXC_TYPE_FLOAT8E8M0:
    storeAll<uint8_t>(tensor, proto.int32_data());
    break;
  case ONNXC_TYPE_INT4:
  case ONNXC_TYPE_UINT4:
  case ONNXC_TYPE_FLOAT4E2M1:
  case ONNXC_TYPE_INT2:
  case ONNXC_TYPE_UINT2: {
    // int32_data holds the packed bytes.
    std::vector<unsigned char> packed;
    for (int32_t value : proto.int32_data())
      packed.push_back(static_cast<unsigned char>(value));
    if (packed.size() != storedBytes) {
      error = path + ": holds " + std::to_string(packed.size()) +
              " packed bytes, shape " + shapeString(tensor.shape) + " needs " +
              std::to_string(storedBytes);
      return false;
    }
    unpackSubByte(packed.data(), count, perByte, tensor.bytes);
    break;
  }
  case ONNXC_TYPE_BOOL:
    storeAll<uint8_t>(tensor, proto.int32_data());
    for (unsigned char &byte : tensor.bytes)
      byte = byte != 0;
    break;
  default:
    error = path + ": element type is not supported";
    return false;
  }
  if (tensor.bytes.size() != count * elemSize) {
    error = path + ": holds " + std::to_string(tensor.bytes.size() / elemSize) +
            " values, shape " + shapeString(tensor.shape) + " needs " +
            std::to_string(count);
    return false;
  }
  return true;
}

bool writeTensorProto(const std::string &path, const HostTensor &tensor,
                      std::string &error) {
  onnx::TensorProto proto;
  tensorToProto(tensor, proto);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out || !proto.SerializeToOstream(&out)) {
    error = path + ": cannot write: " + std::strerror(errno);
    return false;
  }
  return true;
}

void tensorToProto(const HostTensor &tensor, onnx::TensorProto &proto) {
  proto.set_name(tensor.name);
  proto.set_data_type(static_cast<int32_t>(tensor.dtype));
  for (int64_t dim : tensor.shape)
    proto.add_dims(dim);
  int perByte = elementsPerByte(tensor.dtype);
  if (perByte > 1) {
    // Pack 4- and 2-bit elements, lowest bits first.
    int bits = 8 / perByte;
    std::string packed((tensor.bytes.size() + perByte - 1) / perByte, '\0');
    for (size_t i = 0; i < tensor.bytes.size(); ++i)
      packed[i / perByte] = static_cast<char>(
          packed[i / perByte] |
          ((tensor.bytes[i] & ((1u << bits) - 1)) << (bits * (i % perByte))));
    proto.set_raw_data(packed);
  } else {
    proto.set_raw_data(tensor.bytes.data(), tensor.bytes.size());
  }
}

namespace {

/// The value of `'key':` in a numpy header dict, up to the next `,` at the
/// same nesting level or the closing brace.
bool headerValue(const std::string &header, const std::string &key,
                 std::string &value) {
  size_t at = header.find("'" + key + "'");
  if (at == std::string::npos)
    return false;
  at = header.find(':', at);
  if (at == std::string::npos)
    return false;
  ++at;
  int depth = 0;
  size_t end = at;
  for (; end < header.size(); ++end) {
    char c = header[end];
    if (c == '(' || c == '[')
      ++depth;
    else if (c == ')' || c == ']')
      --depth;
    else if ((c == ',' || c == '}') && depth == 0)
      break;
  }
  value = header.substr(at, end - at);
  size_t first = value.find_first_not_of(" ");
  size_t last = value.find_last_not_of(" ");
  value =
      first == std::string::npos ? "" : value.substr(first, last - first + 1);
  return true;
}

bool npyType(const std::string &descr, onnxc_element_type &type,
             std::string &problem) {
  if (descr.size() < 3) {
    problem = "unknown dtype " + descr;
    return false;
  }
  char order = descr[0];
  std::string kind = descr.substr(1);
  struct {
    const char *kind;
    onnxc_element_type type;
  } table[] = {
      {"f4", ONNXC_TYPE_FLOAT},   {"f8", ONNXC_TYPE_DOUBLE},
      {"f2", ONNXC_TYPE_FLOAT16}, {"i1", ONNXC_TYPE_INT8},
      {"u1", ONNXC_TYPE_UINT8},   {"b1", ONNXC_TYPE_BOOL},
      {"i2", ONNXC_TYPE_INT16},   {"u2", ONNXC_TYPE_UINT16},
      {"i4", ONNXC_TYPE_INT32},   {"u4", ONNXC_TYPE_UINT32},
      {"i8", ONNXC_TYPE_INT64},   {"u8", ONNXC_TYPE_UINT64},
  };
  for (const auto &entry : table) {
    if (kind != entry.kind)
      continue;
    bool single = onnxc_element_type_size(entry.type) == 1;
    if (order == '>' && !single) {
      problem = "big-endian data (" + descr +
                ") is not supported; save it little-endian";
      return false;
    }
    if (order != '<' && order != '|' && order != '=' &&
        !(order == '>' && single)) {
      problem = "unknown byte order in dtype " + descr;
      return false;
    }
    type = entry.type;
    return true;
  }
  problem = "dtype " + descr + " is not supported";
  return false;
}

} // namespace

bool readNpy(const std::string &path, HostTensor &tensor, std::string &error) {
  std::string contents;
  if (!readWholeFile(path, contents, error))
    return false;
  auto fail = [&](const std::string &message) {
    error = path + ": " + message;
    return false;
  };
  if (contents.size() < 10 || contents.compare(0, 6, "\x93NUMPY") != 0)
    return fail("not a .npy file");
  unsigned major = static_cast<unsigned char>(contents[6]);
  size_t headerLength = 0;
  size_t headerStart = 0;
  if (major == 1) {
    headerLength = static_cast<unsigned char>(contents[8]) |
                   (static_cast<unsigned char>(contents[9]) << 8);
    headerStart = 10;
  } else if (major == 2 || major == 3) {
    if (contents.size() < 12)
      return fail("truncated .npy header");
    headerLength = 0;
    for (int i = 3; i >= 0; --i)
      headerLength =
          (headerLength << 8) | static_cast<unsigned char>(contents[8 + i]);
    headerStart = 12;
  } else {
    return fail(".npy format version " + std::to_string(major) +
                " is not supported");
  }
  if (headerLength > contents.size() - headerStart)
    return fail("truncated .npy header");
  std::string header = contents.substr(headerStart, headerLength);
  std::string descr, fortran, shape;
  if (!headerValue(header, "descr", descr) ||
      !headerValue(header, "fortran_order", fortran) ||
      !headerValue(header, "shape", shape))
    return fail("bad .npy header");
  if (descr.size() < 2 || (descr.front() != '\'' && descr.front() != '"'))
    return fail("structured dtype " + descr + " is not supported");
  descr = descr.substr(1, descr.size() - 2);
  if (fortran == "True")
    return fail("fortran-order arrays are not supported; save a C-order array "
                "(numpy.ascontiguousarray)");
  if (fortran != "False")
    return fail("bad fortran_order " + fortran);
  std::string problem;
  tensor = HostTensor();
  if (!npyType(descr, tensor.dtype, problem))
    return fail(problem);
  if (shape.size() < 2 || shape.front() != '(' || shape.back() != ')')
    return fail("bad shape " + shape);
  std::string dims = shape.substr(1, shape.size() - 2);
  size_t start = 0;
  while (start < dims.size()) {
    size_t comma = dims.find(',', start);
    std::string item = dims.substr(
        start, comma == std::string::npos ? std::string::npos : comma - start);
    size_t first = item.find_first_not_of(' ');
    if (first != std::string::npos) {
      item = item.substr(first, item.find_last_not_of(' ') - first + 1);
      if (!item.empty() && item.back() == 'L')
        item.pop_back();
      char *end = nullptr;
      errno = 0;
      long long dim = std::strtoll(item.c_str(), &end, 10);
      if (item.empty() || *end || errno || dim < 0)
        return fail("bad shape " + shape);
      tensor.shape.push_back(dim);
    }
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  size_t elemSize = onnxc_element_type_size(tensor.dtype);
  size_t count = 0;
  if (!checkedCount(tensor.shape, elemSize, count))
    return fail("bad shape " + shape);
  size_t dataStart = headerStart + headerLength;
  if (contents.size() - dataStart < count * elemSize)
    return fail("holds " + std::to_string(contents.size() - dataStart) +
                " data bytes, shape " + shapeString(tensor.shape) + " needs " +
                std::to_string(count * elemSize));
  tensor.bytes.assign(contents.begin() + static_cast<std::ptrdiff_t>(dataStart),
                      contents.begin() + static_cast<std::ptrdiff_t>(
                                             dataStart + count * elemSize));
  return true;
}

bool readTensorFile(const std::string &path, HostTensor &tensor,
                    std::string &error) {
  auto endsWith = [&](const char *suffix) {
    size_t length = std::strlen(suffix);
    return path.size() >= length &&
           path.compare(path.size() - length, length, suffix) == 0;
  };
  if (endsWith(".npy"))
    return readNpy(path, tensor, error);
  if (endsWith(".pb"))
    return readTensorProto(path, tensor, error);
  error = path + ": unknown file type (expected .pb or .npy)";
  return false;
}

double elementAsDouble(const HostTensor &tensor, size_t index) {
  const unsigned char *data = tensor.bytes.data();
  switch (tensor.dtype) {
  case ONNXC_TYPE_FLOAT:
    return load<float>(data, index);
  case ONNXC_TYPE_DOUBLE:
    return load<double>(data, index);
  case ONNXC_TYPE_FLOAT16:
    return halfToFloat(load<uint16_t>(data, index));
  case ONNXC_TYPE_BFLOAT16:
    return bfloat16ToFloat(load<uint16_t>(data, index));
  case ONNXC_TYPE_INT8:
    return load<int8_t>(data, index);
  case ONNXC_TYPE_UINT8:
  case ONNXC_TYPE_BOOL:
    return load<uint8_t>(data, index);
  case ONNXC_TYPE_INT16:
    return load<int16_t>(data, index);
  case ONNXC_TYPE_UINT16:
    return load<uint16_t>(data, index);
  case ONNXC_TYPE_INT32:
    return load<int32_t>(data, index);
  case ONNXC_TYPE_UINT32:
    return load<uint32_t>(data, index);
  case ONNXC_TYPE_INT64:
    return static_cast<double>(load<int64_t>(data, index));
  case ONNXC_TYPE_UINT64:
    return static_cast<double>(load<uint64_t>(data, index));
  case ONNXC_TYPE_UINT4:
    return data[index] & 0xf;
  case ONNXC_TYPE_INT4:
    return static_cast<int>(data[index] & 0xf) - ((data[index] & 0x8) ? 16 : 0);
  case ONNXC_TYPE_UINT2:
    return data[index] & 0x3;
  case ONNXC_TYPE_INT2:
    return static_cast<int>(data[index] & 0x3) - ((data[index] & 0x2) ? 4 : 0);
  case ONNXC_TYPE_FLOAT8E4M3FN:
    return narrowFloatToDouble(data[index], 8, 3, 7, false, false);
  case ONNXC_TYPE_FLOAT8E4M3FNUZ:
    return narrowFloatToDouble(data[index], 8, 3, 8, true, false);
  case ONNXC_TYPE_FLOAT8E5M2:
    return narrowFloatToDouble(data[index], 8, 2, 15, false, true);
  case ONNXC_TYPE_FLOAT8E5M2FNUZ:
    return narrowFloatToDouble(data[index], 8, 2, 16, true, false);
  case ONNXC_TYPE_FLOAT4E2M1:
    return narrowFloatToDouble(data[index] & 0xf, 4, 1, 1, false, false);
  case ONNXC_TYPE_FLOAT8E8M0:
    return data[index] == 0xff ? std::numeric_limits<double>::quiet_NaN()
                               : std::ldexp(1.0, data[index] - 127);
  default:
    return 0;
  }
}

Comparison compareTensors(const HostTensor &actual, const HostTensor &expected,
                          double rtol, double atol) {
  Comparison result;
  if (actual.dtype != expected.dtype) {
    result.match = false;
    const char *got = onnxc_element_type_name(actual.dtype);
    const char *want = onnxc_element_type_name(expected.dtype);
    result.problem = std::string("element type ") + (got ? got : "?") +
                     ", expected " + (want ? want : "?");
    return result;
  }
  if (actual.shape != expected.shape) {
    result.match = false;
    result.problem = "shape " + shapeString(actual.shape) + ", expected " +
                     shapeString(expected.shape);
    return result;
  }
  const size_t count = expected.elementCount();
  const size_t elemSize = onnxc_element_type_size(expected.dtype);
  const bool floating = isFloatType(expected.dtype);
  const int perByte = elementsPerByte(expected.dtype);
  const bool subByte = perByte > 1;
  const unsigned subByteMask = subByte ? (1u << (8 / perByte)) - 1 : 0xff;
  for (size_t i = 0; i < count; ++i) {
    bool ok;
    if (!floating) {
      // Integers and bools: bitwise equal (exact even for 64-bit values);
      // 4- and 2-bit ones in their low bits.
      ok = subByte ? ((actual.bytes[i] ^ expected.bytes[i]) & subByteMask) == 0
                   : std::memcmp(actual.bytes.data() + i * elemSize,
                                 expected.bytes.data() + i * elemSize,
                                 elemSize) == 0;
      if (!ok) {
        double a = elementAsDouble(actual, i), e = elementAsDouble(expected, i);
        double diff = std::fabs(a - e);
        result.maxAbsError = std::max(result.maxAbsError, diff);
        result.maxRelError =
            std::max(result.maxRelError,
                     e != 0 ? diff / std::fabs(e)
                            : std::numeric_limits<double>::infinity());
      }
    } else {
      double a = elementAsDouble(actual, i), e = elementAsDouble(expected, i);
      if (std::isnan(e) || std::isnan(a)) {
        ok = std::isnan(e) && std::isnan(a);
      } else if (std::isinf(e) || std::isinf(a)) {
        ok = a == e;
      } else {
        double diff = std::fabs(a - e);
        ok = diff <= atol + rtol * std::fabs(e);
        result.maxAbsError = std::max(result.maxAbsError, diff);
        if (diff > 0)
          result.maxRelError =
              std::max(result.maxRelError,
                       e != 0 ? diff / std::fabs(e)
                              : std::numeric_limits<double>::infinity());
      }
      if (!ok &&
          (std::isnan(e) || std::isnan(a) || std::isinf(e) || std::isinf(a))) {
        result.maxAbsError = std::numeric_limits<double>::infinity();
      }
    }
    if (!ok) {
      if (result.mismatches == 0)
        result.firstMismatch = i;
      ++result.mismatches;
      result.match = false;
    }
  }
  return result;
}

} // namespace onnxrun
