//===- ApiBasicsTest.cpp - Status, element types, devices -----------------===//

#include "TestUtil.h"

#include <set>

using namespace onnxc::test;

namespace {

TEST(StatusTest, NullStatusIsSuccess) {
  EXPECT_EQ(onnxc_status_code(nullptr), ONNXC_OK);
  EXPECT_STREQ(onnxc_status_message(nullptr), "");
  onnxc_status_free(nullptr); // no-op
}

TEST(StatusTest, ErrorCodesHaveDistinctNames) {
  std::set<std::string> names;
  for (int code = ONNXC_OK; code <= ONNXC_OUT_OF_MEMORY; ++code) {
    std::string name =
        onnxc_error_code_name(static_cast<onnxc_error_code>(code));
    EXPECT_NE(name, "unknown") << code;
    names.insert(name);
  }
  EXPECT_EQ(names.size(), 10u);
  EXPECT_STREQ(onnxc_error_code_name(ONNXC_SHAPE_MISMATCH), "shape mismatch");
  EXPECT_STREQ(onnxc_error_code_name(ONNXC_CPU_FEATURES_MISSING),
               "cpu features missing");
  EXPECT_STREQ(onnxc_error_code_name(static_cast<onnxc_error_code>(99)),
               "unknown");
}

TEST(StatusTest, VersionsAreReported) {
  EXPECT_EQ(onnxc_runtime_abi_version(), ONNXC_ABI_VERSION);
  EXPECT_EQ(onnxc_runtime_abi_version(), 2);
  std::string version = onnxc_runtime_version();
  EXPECT_FALSE(version.empty());
  EXPECT_EQ(std::count(version.begin(), version.end(), '.'), 2) << version;
}

TEST(ElementTypeTest, UsesTheOnnxCodes) {
  EXPECT_EQ(ONNXC_TYPE_FLOAT, 1);
  EXPECT_EQ(ONNXC_TYPE_UINT8, 2);
  EXPECT_EQ(ONNXC_TYPE_INT8, 3);
  EXPECT_EQ(ONNXC_TYPE_UINT16, 4);
  EXPECT_EQ(ONNXC_TYPE_INT16, 5);
  EXPECT_EQ(ONNXC_TYPE_INT32, 6);
  EXPECT_EQ(ONNXC_TYPE_INT64, 7);
  EXPECT_EQ(ONNXC_TYPE_BOOL, 9);
  EXPECT_EQ(ONNXC_TYPE_FLOAT16, 10);
  EXPECT_EQ(ONNXC_TYPE_DOUBLE, 11);
  EXPECT_EQ(ONNXC_TYPE_UINT32, 12);
  EXPECT_EQ(ONNXC_TYPE_UINT64, 13);
  EXPECT_EQ(ONNXC_TYPE_BFLOAT16, 16);
}

TEST(ElementTypeTest, NamesAndSizesRoundTrip) {
  struct {
    onnxc_element_type type;
    const char *name;
    const char *onnxName;
    size_t size;
  } expected[] = {
      {ONNXC_TYPE_FLOAT, "f32", "FLOAT", 4},
      {ONNXC_TYPE_UINT8, "u8", "UINT8", 1},
      {ONNXC_TYPE_INT8, "i8", "INT8", 1},
      {ONNXC_TYPE_UINT16, "u16", "UINT16", 2},
      {ONNXC_TYPE_INT16, "i16", "INT16", 2},
      {ONNXC_TYPE_INT32, "i32", "INT32", 4},
      {ONNXC_TYPE_INT64, "i64", "INT64", 8},
      {ONNXC_TYPE_BOOL, "bool", "BOOL", 1},
      {ONNXC_TYPE_FLOAT16, "f16", "FLOAT16", 2},
      {ONNXC_TYPE_DOUBLE, "f64", "DOUBLE", 8},
      {ONNXC_TYPE_UINT32, "u32", "UINT32", 4},
      {ONNXC_TYPE_UINT64, "u64", "UINT64", 8},
      {ONNXC_TYPE_BFLOAT16, "bf16", "BFLOAT16", 2},
      {ONNXC_TYPE_FLOAT8E4M3FN, "f8e4m3fn", "FLOAT8E4M3FN", 1},
      {ONNXC_TYPE_FLOAT8E4M3FNUZ, "f8e4m3fnuz", "FLOAT8E4M3FNUZ", 1},
      {ONNXC_TYPE_FLOAT8E5M2, "f8e5m2", "FLOAT8E5M2", 1},
      {ONNXC_TYPE_FLOAT8E5M2FNUZ, "f8e5m2fnuz", "FLOAT8E5M2FNUZ", 1},
      {ONNXC_TYPE_UINT4, "u4", "UINT4", 1},
      {ONNXC_TYPE_INT4, "i4", "INT4", 1},
      {ONNXC_TYPE_FLOAT4E2M1, "f4e2m1", "FLOAT4E2M1", 1},
      {ONNXC_TYPE_FLOAT8E8M0, "f8e8m0", "FLOAT8E8M0", 1},
      {ONNXC_TYPE_UINT2, "u2", "UINT2", 1},
      {ONNXC_TYPE_INT2, "i2", "INT2", 1},
  };
  for (const auto &entry : expected) {
    EXPECT_STREQ(onnxc_element_type_name(entry.type), entry.name);
    EXPECT_EQ(onnxc_element_type_from_name(entry.name), entry.type);
    EXPECT_EQ(onnxc_element_type_from_name(entry.onnxName), entry.type);
    EXPECT_EQ(onnxc_element_type_size(entry.type), entry.size);
  }
  EXPECT_EQ(onnxc_element_type_from_name("float"), ONNXC_TYPE_FLOAT);
  EXPECT_EQ(onnxc_element_type_from_name("Float16"), ONNXC_TYPE_FLOAT16);
  EXPECT_EQ(onnxc_element_type_from_name("bfloat16"), ONNXC_TYPE_BFLOAT16);
}

TEST(ElementTypeTest, UnknownTypesAreRefused) {
  EXPECT_EQ(onnxc_element_type_from_name(nullptr), ONNXC_TYPE_UNDEFINED);
  EXPECT_EQ(onnxc_element_type_from_name(""), ONNXC_TYPE_UNDEFINED);
  EXPECT_EQ(onnxc_element_type_from_name("f31"), ONNXC_TYPE_UNDEFINED);
  EXPECT_EQ(onnxc_element_type_from_name("STRING"), ONNXC_TYPE_UNDEFINED);
  // 8 is STRING, 14/15 complex, 27 FLOAT6E2M3: not tensor element types
  // here.
  for (int code : {0, 8, 14, 15, 27, -1, 1000}) {
    auto type = static_cast<onnxc_element_type>(code);
    EXPECT_EQ(onnxc_element_type_name(type), nullptr) << code;
    EXPECT_EQ(onnxc_element_type_size(type), 0u) << code;
  }
}

TEST(DeviceTest, NamesParseAndPrint) {
  for (onnxc_device device :
       {ONNXC_DEVICE_CPU, ONNXC_DEVICE_CUDA, ONNXC_DEVICE_SYSTOLIC}) {
    onnxc_device parsed = ONNXC_DEVICE_CPU;
    ASSERT_TRUE(
        isOk(onnxc_device_from_name(onnxc_device_name(device), &parsed)));
    EXPECT_EQ(parsed, device);
  }
  EXPECT_STREQ(onnxc_device_name(ONNXC_DEVICE_SYSTOLIC), "systolic");
  EXPECT_EQ(onnxc_device_name(static_cast<onnxc_device>(9)), nullptr);
  onnxc_device parsed;
  EXPECT_TRUE(isError(onnxc_device_from_name("tpu", &parsed),
                      ONNXC_UNSUPPORTED_DEVICE,
                      "unknown device \"tpu\" (expected cpu, cuda or "
                      "systolic)"));
  EXPECT_TRUE(isError(onnxc_device_from_name(nullptr, &parsed),
                      ONNXC_INVALID_ARGUMENT, "name is null"));
  EXPECT_TRUE(isError(onnxc_device_from_name("cpu", nullptr),
                      ONNXC_INVALID_ARGUMENT, "device is null"));
  EXPECT_EQ(onnxc_device_is_supported(ONNXC_DEVICE_CPU), 1);
}

TEST(TensorTest, ElementCountAndRelease) {
  onnxc_tensor tensor{};
  tensor.rank = 3;
  tensor.shape[0] = 2;
  tensor.shape[1] = 3;
  tensor.shape[2] = 4;
  EXPECT_EQ(onnxc_tensor_element_count(&tensor), 24u);
  tensor.rank = 0;
  EXPECT_EQ(onnxc_tensor_element_count(&tensor), 1u);
  tensor.rank = 2;
  tensor.shape[1] = -3;
  EXPECT_EQ(onnxc_tensor_element_count(&tensor), 0u);
  tensor.rank = 17;
  EXPECT_EQ(onnxc_tensor_element_count(&tensor), 0u);
  tensor.rank = 2;
  tensor.shape[0] = INT64_MAX;
  tensor.shape[1] = 4;
  EXPECT_EQ(onnxc_tensor_element_count(&tensor), 0u);
  EXPECT_EQ(onnxc_tensor_element_count(nullptr), 0u);

  // Releasing a caller-owned buffer does nothing.
  float data[4] = {1, 2, 3, 4};
  tensor.data = data;
  tensor.byte_size = sizeof(data);
  onnxc_tensor_release(&tensor);
  EXPECT_EQ(tensor.data, data);
  EXPECT_EQ(tensor.byte_size, sizeof(data));
  onnxc_tensor_release(nullptr);
}

TEST(SessionOptionsTest, ValidatesValues) {
  onnxc_session_options *options = nullptr;
  ASSERT_TRUE(isOk(onnxc_session_options_create(&options)));
  EXPECT_TRUE(isOk(onnxc_session_options_set_thread_count(options, 4)));
  EXPECT_TRUE(isOk(onnxc_session_options_set_thread_count(options, 0)));
  EXPECT_TRUE(isError(onnxc_session_options_set_thread_count(options, -2),
                      ONNXC_INVALID_ARGUMENT, "thread count -2 is negative"));
  EXPECT_TRUE(isError(onnxc_session_options_set_device_id(options, -1),
                      ONNXC_INVALID_ARGUMENT, "device id -1"));
  EXPECT_TRUE(isError(onnxc_session_options_set_thread_count(nullptr, 1),
                      ONNXC_INVALID_ARGUMENT, "options is null"));
  EXPECT_TRUE(isError(onnxc_session_options_create(nullptr),
                      ONNXC_INVALID_ARGUMENT, "options is null"));
  onnxc_session_options_release(options);
  onnxc_session_options_release(nullptr);
}

} // namespace
