//===- ElementType.cpp - Element types of tensors -------------------------===//

#include "ElementType.h"

#include <cctype>

namespace onnxc {
namespace {

struct TypeEntry {
  onnxc_element_type type;
  const char *name;     // signature name
  const char *onnxName; // TensorProto.DataType name
  const char *altName;  // another accepted spelling
  size_t size;
};

constexpr TypeEntry kTypes[] = {
    {ONNXC_TYPE_FLOAT, "f32", "FLOAT", "float32", 4},
    {ONNXC_TYPE_UINT8, "u8", "UINT8", "uint8", 1},
    {ONNXC_TYPE_INT8, "i8", "INT8", "int8", 1},
    {ONNXC_TYPE_UINT16, "u16", "UINT16", "uint16", 2},
    {ONNXC_TYPE_INT16, "i16", "INT16", "int16", 2},
    {ONNXC_TYPE_INT32, "i32", "INT32", "int32", 4},
    {ONNXC_TYPE_INT64, "i64", "INT64", "int64", 8},
    {ONNXC_TYPE_BOOL, "bool", "BOOL", "bool", 1},
    {ONNXC_TYPE_FLOAT16, "f16", "FLOAT16", "half", 2},
    {ONNXC_TYPE_DOUBLE, "f64", "DOUBLE", "float64", 8},
    {ONNXC_TYPE_UINT32, "u32", "UINT32", "uint32", 4},
    {ONNXC_TYPE_UINT64, "u64", "UINT64", "uint64", 8},
    {ONNXC_TYPE_BFLOAT16, "bf16", "BFLOAT16", "bfloat16", 2},
    // Narrow types take one byte per element; 4- and 2-bit values sit in
    // the low bits with the high bits zero.
    {ONNXC_TYPE_FLOAT8E4M3FN, "f8e4m3fn", "FLOAT8E4M3FN", "float8_e4m3fn", 1},
    {ONNXC_TYPE_FLOAT8E4M3FNUZ, "f8e4m3fnuz", "FLOAT8E4M3FNUZ",
     "float8_e4m3fnuz", 1},
    {ONNXC_TYPE_FLOAT8E5M2, "f8e5m2", "FLOAT8E5M2", "float8_e5m2", 1},
    {ONNXC_TYPE_FLOAT8E5M2FNUZ, "f8e5m2fnuz", "FLOAT8E5M2FNUZ",
     "float8_e5m2fnuz", 1},
    {ONNXC_TYPE_UINT4, "u4", "UINT4", "uint4", 1},
    {ONNXC_TYPE_INT4, "i4", "INT4", "int4", 1},
    {ONNXC_TYPE_FLOAT4E2M1, "f4e2m1", "FLOAT4E2M1", "float4_e2m1fn", 1},
    {ONNXC_TYPE_FLOAT8E8M0, "f8e8m0", "FLOAT8E8M0", "float8_e8m0fnu", 1},
    {ONNXC_TYPE_UINT2, "u2", "UINT2", "uint2", 1},
    {ONNXC_TYPE_INT2, "i2", "INT2", "int2", 1},
};

const TypeEntry *find(onnxc_element_type type) {
  for (const TypeEntry &entry : kTypes)
    if (entry.type == type)
      return &entry;
  return nullptr;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

} // namespace

const char *elementTypeName(onnxc_element_type type) noexcept {
  const TypeEntry *entry = find(type);
  return entry ? entry->name : nullptr;
}

const char *elementTypeOnnxName(onnxc_element_type type) noexcept {
  const TypeEntry *entry = find(type);
  return entry ? entry->onnxName : nullptr;
}

onnxc_element_type
elementTypeFromSignatureName(std::string_view name) noexcept {
  for (const TypeEntry &entry : kTypes)
    if (name == entry.name)
      return entry.type;
  return ONNXC_TYPE_UNDEFINED;
}

onnxc_element_type elementTypeFromAnyName(std::string_view name) noexcept {
  for (const TypeEntry &entry : kTypes)
    if (equalsIgnoreCase(name, entry.name) ||
        equalsIgnoreCase(name, entry.onnxName) ||
        equalsIgnoreCase(name, entry.altName))
      return entry.type;
  return ONNXC_TYPE_UNDEFINED;
}

size_t elementTypeSize(onnxc_element_type type) noexcept {
  const TypeEntry *entry = find(type);
  return entry ? entry->size : 0;
}

} // namespace onnxc
