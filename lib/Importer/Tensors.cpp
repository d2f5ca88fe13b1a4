//===- Tensors.cpp - ONNX TensorProto to MLIR attributes ------------------===//

#include "ImporterImpl.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/BuiltinDialect.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/Path.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace mlir;

namespace onnxc::importer {

Type convertElementType(MLIRContext *ctx, int dataType) {
  Builder b(ctx);
  switch (dataType) {
  case ::onnx::TensorProto::FLOAT:
    return b.getF32Type();
  case ::onnx::TensorProto::UINT8:
    return IntegerType::get(ctx, 8, IntegerType::Unsigned);
  case ::onnx::TensorProto::INT8:
    return b.getIntegerType(8);
  case ::onnx::TensorProto::UINT16:
    return IntegerType::get(ctx, 16, IntegerType::Unsigned);
  case ::onnx::TensorProto::INT16:
    return b.getIntegerType(16);
  case ::onnx::TensorProto::INT32:
    return b.getIntegerType(32);
  case ::onnx::TensorProto::INT64:
    return b.getIntegerType(64);
  case ::onnx::TensorProto::BOOL:
    return b.getI1Type();
  case ::onnx::TensorProto::FLOAT16:
    return b.getF16Type();
  case ::onnx::TensorProto::DOUBLE:
    return b.getF64Type();
  case ::onnx::TensorProto::UINT32:
    return IntegerType::get(ctx, 32, IntegerType::Unsigned);
  case ::onnx::TensorProto::UINT64:
    return IntegerType::get(ctx, 64, IntegerType::Unsigned);
  case ::onnx::TensorProto::BFLOAT16:
    return b.getBF16Type();
  case ::onnx::TensorProto::FLOAT8E4M3FN:
    return b.getType<Float8E4M3FNType>();
  case ::onnx::TensorProto::FLOAT8E4M3FNUZ:
    return b.getType<Float8E4M3FNUZType>();
  case ::onnx::TensorProto::FLOAT8E5M2:
    return b.getType<Float8E5M2Type>();
  case ::onnx::TensorProto::FLOAT8E5M2FNUZ:
    return b.getType<Float8E5M2FNUZType>();
  case ::onnx::TensorProto::FLOAT8E8M0:
    return b.getType<Float8E8M0FNUType>();
  case ::onnx::TensorProto::FLOAT4E2M1:
    return b.getType<Float4E2M1FNType>();
  case ::onnx::TensorProto::UINT4:
    return IntegerType::get(ctx, 4, IntegerType::Unsigned);
  case ::onnx::TensorProto::INT4:
    return b.getIntegerType(4);
  case ::onnx::TensorProto::UINT2:
    return IntegerType::get(ctx, 2, IntegerType::Unsigned);
  case ::onnx::TensorProto::INT2:
    return b.getIntegerType(2);
  default:
    return {};
  }
}

StringRef dataTypeName(int dataType) {
  if (::onnx::TensorProto::DataType_IsValid(dataType))
    return ::onnx::TensorProto::DataType_Name(
        static_cast<::onnx::TensorProto::DataType>(dataType));
  return "an unknown data_type";
}

/// Byte size of one element in memory: sub-byte types (bool, 4- and 2-bit
/// types) take one byte each.
static int64_t rawElementSize(Type type) {
  return std::max<int64_t>(type.getIntOrFloatBitWidth() / 8, 1);
}

/// Elements per byte in raw_data: 2 for 4-bit types and 4 for 2-bit types,
/// which ONNX packs (lowest bits first); 1 otherwise.
static int64_t packedPerByte(Type type) {
  unsigned width = type.getIntOrFloatBitWidth();
  return width == 4 || width == 2 ? 8 / width : 1;
}

/// Unpacks `count` sub-byte elements of `perByte` per byte into one byte each
/// with the value in the low bits and the high bits zero (the layout LLVM
/// gives i4/i2 in memory).
static std::string unpackSubByte(StringRef packed, int64_t count,
                                 int64_t perByte) {
  std::string out(static_cast<size_t>(count), '\0');
  unsigned bits = 8 / perByte;
  unsigned mask = (1u << bits) - 1;
  for (int64_t i = 0; i < count; ++i) {
    auto byte = static_cast<unsigned char>(packed[i / perByte]);
    out[i] = static_cast<char>((byte >> (bits * (i % perByte))) & mask);
  }
  return out;
}

std::optional<std::string>
ExternalDataReader::read(StringRef location, int64_t offset, int64_t length,
                         std::string &error) const {
  if (baseDir.empty()) {
    error = "external data is not allowed for a model read from memory";
    return std::nullopt;
  }
  if (location.empty()) {
    error = "external data has an empty location";
    return std::nullopt;
  }
  if (llvm::sys::path::is_absolute(location) || location.starts_with("/") ||
      location.starts_with("\\")) {
    error = ("external data location \"" + location +
             "\" is an absolute path, which can point outside the model's "
             "folder; only relative paths inside it are allowed")
                .str();
    return std::nullopt;
  }
  for (auto it = llvm::sys::path::begin(location),
            end = llvm::sys::path::end(location);
       it != end; ++it) {
    if (*it == "..") {
      error = ("external data location \"" + location +
               "\" contains \"..\", which can point outside the model's "
               "folder; only paths inside it are allowed")
                  .str();
      return std::nullopt;
    }
  }
  if (location.contains('\0')) {
    error = "external data location contains a NUL byte";
    return std::nullopt;
  }
  llvm::SmallString<256> path(baseDir);
  llvm::sys::path::append(path, location);
  // Resolve symlinks and check the real path is still inside the folder.
  llvm::SmallString<256> realBase, realPath;
  if (llvm::sys::fs::real_path(baseDir, realBase) ||
      llvm::sys::fs::real_path(path, realPath)) {
    error = ("external data file \"" + location + "\" does not exist").str();
    return std::nullopt;
  }
  llvm::SmallString<256> prefix(realBase);
  if (!prefix.ends_with("/"))
    prefix.push_back('/');
  if (!StringRef(realPath).starts_with(prefix)) {
    error = ("external data location \"" + location +
             "\" resolves outside the model's folder")
                .str();
    return std::nullopt;
  }
  // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then
  // refused as not a regular file).
  int fd = ::open(realPath.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = ("cannot open external data file \"" + location + "\"").str();
    return std::nullopt;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    error = ("external data \"" + location + "\" is not a regular file").str();
    return std::nullopt;
  }
  if (st.st_nlink > 1) {
    ::close(fd);
    error = ("external data file \"" + location +
             "\" has several hard links; refusing it, since a hard link can "
             "leave the model's folder")
                .str();
    return std::nullopt;
  }
  int64_t size = st.st_size;
  if (offset < 0 || offset > size) {
    ::close(fd);
    error = ("external data offset " + std::to_string(offset) +
             " is outside file \"" + location.str() + "\" of " +
             std::to_string(size) + " bytes");
    return std::nullopt;
  }
  if (length < 0)
    length = size - offset;
  if (length > size - offset) {
    ::close(fd);
    error = ("external data of " + std::to_string(length) +
             " bytes at offset " + std::to_string(offset) +
             " runs past the end of \"" + location.str() + "\" (" +
             std::to_string(size) + " bytes)");
    return std::nullopt;
  }
  std::string data(static_cast<size_t>(length), '\0');
  int64_t done = 0;
  while (done < length) {
    ssize_t n = ::pread(fd, data.data() + done, length - done, offset + done);
    if (n <= 0) {
      ::close(fd);
      error = ("cannot read external data file \"" + location + "\"").str();
      return std::nullopt;
    }
    done += n;
  }
  ::close(fd);
  return data;
}

namespace {

/// Collects the element values of the typed repeated fields as little-endian
/// raw bytes in the layout of `type`.
template <typename Src, typename Dst>
void appendAs(std::string &out, const Src &values) {
  for (auto v : values) {
    Dst d = static_cast<Dst>(v);
    out.append(reinterpret_cast<const char *>(&d), sizeof(Dst));
  }
}

bool typedFieldsToRaw(const ::onnx::TensorProto &t, Type type,
                      std::string &out) {
  switch (t.data_type()) {
  case ::onnx::TensorProto::FLOAT:
    appendAs<decltype(t.float_data()), float>(out, t.float_data());
    return true;
  case ::onnx::TensorProto::DOUBLE:
    appendAs<decltype(t.double_data()), double>(out, t.double_data());
    return true;
  case ::onnx::TensorProto::INT64:
    appendAs<decltype(t.int64_data()), int64_t>(out, t.int64_data());
    return true;
  case ::onnx::TensorProto::UINT32:
    appendAs<decltype(t.uint64_data()), uint32_t>(out, t.uint64_data());
    return true;
  case ::onnx::TensorProto::UINT64:
    appendAs<decltype(t.uint64_data()), uint64_t>(out, t.uint64_data());
    return true;
  case ::onnx::TensorProto::INT32:
    appendAs<decltype(t.int32_data()), int32_t>(out, t.int32_data());
    return true;
  case ::onnx::TensorProto::INT16:
  case ::onnx::TensorProto::UINT16:
  case ::onnx::TensorProto::FLOAT16:
  case ::onnx::TensorProto::BFLOAT16:
    appendAs<decltype(t.int32_data()), uint16_t>(out, t.int32_data());
    return true;
  case ::onnx::TensorProto::INT8:
  case ::onnx::TensorProto::UINT8:
  case ::onnx::TensorProto::BOOL:
  case ::onnx::TensorProto::FLOAT8E4M3FN:
  case ::onnx::TensorProto::FLOAT8E4M3FNUZ:
  case ::onnx::TensorProto::FLOAT8E5M2:
  case ::onnx::TensorProto::FLOAT8E5M2FNUZ:
  case ::onnx::TensorProto::FLOAT8E8M0:
  // 4- and 2-bit types: int32_data holds the packed bytes.
  case ::onnx::TensorProto::UINT4:
  case ::onnx::TensorProto::INT4:
  case ::onnx::TensorProto::FLOAT4E2M1:
  case ::onnx::TensorProto::UINT2:
  case ::onnx::TensorProto::INT2:
    appendAs<decltype(t.int32_data()), uint8_t>(out, t.int32_data());
    return true;
  default:
    (void)type;
    return false;
  }
}

} // namespace

/// The number of values in all typed data fields.
static int64_t typedValueCount(const ::onnx::TensorProto &t) {
  return int64_t(t.float_data_size()) + t.double_data_size() +
         t.int32_data_size() + t.int64_data_size() + t.uint64_data_size() +
         t.string_data_size();
}

ElementsAttr convertTensor(const ::onnx::TensorProto &t, Location loc,
                           const ExternalDataReader &external,
                           WeightBudget &budget,
                           std::shared_ptr<const void> keepAlive) {
  MLIRContext *ctx = loc.getContext();
  std::string name = t.name();
  auto fail = [&](const Twine &msg) -> ElementsAttr {
    emitError(loc) << "tensor \"" << name << "\": " << msg;
    return {};
  };
  if (!t.has_data_type() || !::onnx::TensorProto::DataType_IsValid(t.data_type()))
    return fail("has invalid data_type " + Twine(t.data_type()));
  Type elementType = convertElementType(ctx, t.data_type());
  if (!elementType)
    return fail("element type " + dataTypeName(t.data_type()) +
                " is not supported");
  if (t.dims_size() > kMaxTensorRank)
    return fail("has rank " + Twine(t.dims_size()) + "; tensors of more than " +
                Twine(kMaxTensorRank) + " dims are not supported");
  SmallVector<int64_t> dims;
  int64_t count = 1;
  for (int64_t d : t.dims()) {
    if (d < 0)
      return fail("has negative dimension " + Twine(d));
    if (d != 0 && count > std::numeric_limits<int64_t>::max() / d)
      return fail("has too many elements (the product of the dims overflows)");
    count *= d;
    dims.push_back(d);
  }
  int64_t elementSize = rawElementSize(elementType);
  if (count > std::numeric_limits<int64_t>::max() / elementSize)
    return fail("is too large");
  uint64_t bytes = static_cast<uint64_t>(count) * elementSize;
  // The bytes of the stored form; sub-byte types are packed there.
  int64_t perByte = packedPerByte(elementType);
  uint64_t storedBytes =
      perByte > 1 ? (static_cast<uint64_t>(count) + perByte - 1) / perByte
                  : bytes;
  if (bytes > budget.limit || budget.used + bytes > budget.limit)
    return fail("would bring the weights to more than the limit of " +
                Twine(budget.limit) + " bytes");
  budget.used += bytes;
  // raw_data and the typed fields are exclusive (onnx.proto): which one would
  // hold the data is ambiguous.
  if ((t.has_raw_data() || t.data_location() == ::onnx::TensorProto::EXTERNAL) &&
      typedValueCount(t) > 0)
    return fail("has " + Twine(typedValueCount(t)) + " values in a typed field and " +
                (t.has_raw_data() ? "raw_data" : "external data") +
                " too; only one of them may hold the data");
  // The typed fields never hold more values than elements (sub-byte types
  // hold fewer): check before converting them.
  if (t.data_location() != ::onnx::TensorProto::EXTERNAL && !t.has_raw_data() &&
      typedValueCount(t) > count)
    return fail("has " + Twine(typedValueCount(t)) + " values, its dims need " +
                Twine(count));
  auto type = RankedTensorType::get(dims, elementType);

  // Find the bytes: raw_data, external data, or typed fields.
  std::string owned;
  StringRef raw;
  if (t.data_location() == ::onnx::TensorProto::EXTERNAL) {
    std::string location;
    int64_t offset = 0, length = -1;
    for (const auto &entry : t.external_data()) {
      StringRef value = entry.value();
      if (entry.key() == "location") {
        location = entry.value();
      } else if (entry.key() == "offset" || entry.key() == "length") {
        int64_t parsed;
        if (value.getAsInteger(10, parsed) || parsed < 0)
          return fail("external data " + entry.key() + " \"" + value +
                      "\" is not a non-negative integer");
        (entry.key() == "offset" ? offset : length) = parsed;
      }
    }
    if (length >= 0 && static_cast<uint64_t>(length) != storedBytes)
      return fail("external data length " + Twine(length) +
                  " does not match the " + Twine(storedBytes) +
                  " bytes its dims need");
    std::string error;
    auto data = external.read(location, offset,
                              static_cast<int64_t>(storedBytes), error);
    if (!data)
      return fail(error);
    owned = std::move(*data);
    raw = owned;
  } else if (t.has_raw_data()) {
    raw = t.raw_data();
    if (raw.size() != storedBytes)
      return fail("raw_data has " + Twine(raw.size()) + " bytes, its dims need " +
                  Twine(storedBytes));
  } else {
    if (!typedFieldsToRaw(t, elementType, owned))
      return fail("data of type " + dataTypeName(t.data_type()) +
                  " must be in raw_data");
    if (owned.size() != storedBytes)
      return fail("has " + Twine(owned.size() * perByte / elementSize) +
                  " values, its dims need " + Twine(count));
    raw = owned;
  }
  if (perByte > 1) {
    owned = unpackSubByte(raw, count, perByte);
    raw = owned;
  }

  // Booleans and small tensors become plain dense attributes (folders read
  // them); large ones dense resources.
  constexpr uint64_t kResourceThreshold = 4096;
  if (elementType.isInteger(1)) {
    SmallVector<bool> values;
    values.reserve(count);
    for (char c : raw)
      values.push_back(c != 0);
    return DenseElementsAttr::get(type, values);
  }
  if (bytes <= kResourceThreshold) {
    bool isSplat = false;
    if (!DenseElementsAttr::isValidRawBuffer(type, ArrayRef<char>(raw.data(), raw.size()), isSplat))
      return fail("has data that does not match its type");
    return DenseElementsAttr::getFromRawBuffer(
        type, ArrayRef<char>(raw.data(), raw.size()));
  }
  size_t align = std::max<size_t>(elementSize, 1);
  AsmResourceBlob blob;
  if (owned.empty() &&
      reinterpret_cast<uintptr_t>(raw.data()) % align == 0) {
    // Zero copy: the blob points into the protobuf, kept alive with it.
    blob = UnmanagedAsmResourceBlob::allocateWithAlign(
        ArrayRef<char>(raw.data(), raw.size()), align,
        [keepAlive](void *, size_t, size_t) mutable { keepAlive.reset(); });
  } else {
    blob = HeapAsmResourceBlob::allocateAndCopyWithAlign(
        ArrayRef<char>(raw.data(), raw.size()), align);
  }
  std::string key = name.empty() ? "tensor" : name;
  return DenseResourceElementsAttr::get(type, key, std::move(blob));
}

} // namespace onnxc::importer
