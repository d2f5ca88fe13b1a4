//===- SignatureTest.cpp - The signature parser ---------------------------===//

#include "core/Signature.h"

#include <gtest/gtest.h>

using onnxc::parseSignature;
using onnxc::Signature;

namespace {

// The example of docs/ABI.md, verbatim.
const char kAbiExample[] = "ONNXC 1\n"
                           "compiler 0.1.0\n"
                           "target cpu\n"
                           "triple x86_64-unknown-linux-gnu\n"
                           "cpu znver3\n"
                           "features +avx,+avx2,+fma,+sse4.2\n"
                           "model mnist-8\n"
                           "producer CNTK 2.5.1\n"
                           "opset ai.onnx 8\n"
                           "entry onnxc_main\n"
                           "input Input3 f32 4 1 1 28 28\n"
                           "output Plus214_Output_0 f32 2 1 10\n"
                           "end\n";

std::string parseError(const std::string &text) {
  Signature sig;
  std::string error;
  EXPECT_FALSE(parseSignature(text, 1, sig, error)) << text;
  return error;
}

std::string minimal(const std::string &body) {
  return "ONNXC 1\ntarget cpu\n" + body + "end\n";
}

TEST(SignatureTest, ParsesTheAbiExample) {
  Signature sig;
  std::string error;
  ASSERT_TRUE(parseSignature(kAbiExample, 1, sig, error)) << error;
  EXPECT_EQ(sig.abiVersion, 1);
  EXPECT_EQ(sig.target, "cpu");
  EXPECT_EQ(sig.entry, "onnxc_main");
  EXPECT_EQ(sig.features,
            (std::vector<std::string>{"+avx", "+avx2", "+fma", "+sse4.2"}));
  ASSERT_EQ(sig.inputs.size(), 1u);
  EXPECT_EQ(sig.inputs[0].name, "Input3");
  EXPECT_EQ(sig.inputs[0].dtype, ONNXC_TYPE_FLOAT);
  EXPECT_EQ(sig.inputs[0].shape, (std::vector<int64_t>{1, 1, 28, 28}));
  ASSERT_EQ(sig.outputs.size(), 1u);
  EXPECT_EQ(sig.outputs[0].name, "Plus214_Output_0");
  EXPECT_EQ(sig.outputs[0].shape, (std::vector<int64_t>{1, 10}));
  std::string value;
  ASSERT_TRUE(sig.metadata("producer", value));
  EXPECT_EQ(value, "CNTK 2.5.1");
  ASSERT_TRUE(sig.metadata("cpu", value));
  EXPECT_EQ(value, "znver3");
  EXPECT_FALSE(sig.metadata("nonexistent", value));
}

TEST(SignatureTest, DecodesPercentEncodedNames) {
  Signature sig;
  std::string error;
  ASSERT_TRUE(parseSignature(
      minimal("model my%20model%25\ninput % f32 0\n"
              "input a%2Fb%C3%A9 i64 2 -1 0\noutput x%0A bool 1 5\n"),
      1, sig, error))
      << error;
  std::string model;
  ASSERT_TRUE(sig.metadata("model", model));
  EXPECT_EQ(model, "my model%");
  EXPECT_EQ(sig.inputs[0].name, "");
  EXPECT_EQ(sig.inputs[0].shape.size(), 0u);
  EXPECT_EQ(sig.inputs[1].name, "a/b\xC3\xA9");
  EXPECT_EQ(sig.inputs[1].shape, (std::vector<int64_t>{-1, 0}));
  EXPECT_EQ(sig.outputs[0].name, "x\n");
  EXPECT_EQ(sig.outputs[0].dtype, ONNXC_TYPE_BOOL);
}

TEST(SignatureTest, PercentEncodingRoundTrips) {
  for (std::string name :
       {std::string(""), std::string("plain"), std::string("with space"),
        std::string("100%"), std::string("tab\there"),
        std::string("\xff\x01~!")}) {
    std::string encoded = onnxc::percentEncode(name);
    EXPECT_EQ(encoded.find(' '), std::string::npos);
    std::string decoded;
    ASSERT_TRUE(onnxc::percentDecode(encoded, decoded)) << encoded;
    EXPECT_EQ(decoded, name);
  }
  std::string out;
  EXPECT_FALSE(onnxc::percentDecode("bad%2", out));
  EXPECT_FALSE(onnxc::percentDecode("bad%G0", out));
  EXPECT_FALSE(onnxc::percentDecode("%%", out));
}

TEST(SignatureTest, RefusesOtherAbiVersions) {
  EXPECT_NE(parseError("ONNXC 3\ntarget cpu\nend\n").find("abi version 3"),
            std::string::npos);
  EXPECT_NE(parseError("ONNXC 0\ntarget cpu\nend\n").find("abi version 0"),
            std::string::npos);
  EXPECT_NE(parseError("ONNXC one\ntarget cpu\nend\n").find("bad abi version"),
            std::string::npos);
  EXPECT_NE(parseError("ONNXC\ntarget cpu\nend\n").find("first record"),
            std::string::npos);
  EXPECT_NE(parseError("target cpu\nONNXC 1\nend\n").find("first record"),
            std::string::npos);
}

TEST(SignatureTest, RefusesTruncatedText) {
  std::string text = kAbiExample;
  // Every prefix that drops the final 'end' record is refused.
  for (size_t length = 0; length + 4 < text.size(); ++length) {
    Signature sig;
    std::string error;
    EXPECT_FALSE(parseSignature(text.substr(0, length), 1, sig, error))
        << "prefix of " << length << " bytes";
  }
  EXPECT_NE(parseError("ONNXC 1\ntarget cpu\n").find("no 'end' record"),
            std::string::npos);
}

TEST(SignatureTest, RefusesRecordsAfterEnd) {
  EXPECT_NE(parseError("ONNXC 1\ntarget cpu\nend\ninput a f32 0\n")
                .find("after 'end'"),
            std::string::npos);
  EXPECT_NE(parseError("ONNXC 1\ntarget cpu\nend\n\n").find("after 'end'"),
            std::string::npos);
}

TEST(SignatureTest, RefusesBadShapes) {
  EXPECT_NE(parseError(minimal("input a f32 2 1 -2\n")).find("bad dim '-2'"),
            std::string::npos);
  EXPECT_NE(parseError(minimal("input a f32 2 1 x\n")).find("bad dim 'x'"),
            std::string::npos);
  EXPECT_NE(parseError(minimal("input a f32 2 1\n")).find("rank 2 but 1 dims"),
            std::string::npos);
  EXPECT_NE(parseError(minimal("input a f32 1 1 2\n")).find("rank 1 but 2"),
            std::string::npos);
  EXPECT_NE(parseError(minimal("input a f32 -1\n")).find("bad rank"),
            std::string::npos);
  EXPECT_NE(parseError(minimal("input a f32 17\n")).find("maximum of 16"),
            std::string::npos);
  EXPECT_NE(parseError(minimal("input a f32 1 99999999999999999999\n"))
                .find("bad dim"),
            std::string::npos);
  EXPECT_NE(parseError(minimal("input a f32\n")).find("needs a name"),
            std::string::npos);
}

TEST(SignatureTest, RefusesUnknownElementTypes) {
  std::string error = parseError(minimal("output y float 1 3\n"));
  EXPECT_NE(error.find("output \"y\": unknown element type 'float'"),
            std::string::npos)
      << error;
  EXPECT_FALSE(parseError(minimal("input a string 0\n")).empty());
}

TEST(SignatureTest, RefusesDuplicates) {
  EXPECT_NE(parseError(minimal("input a f32 0\ninput a f32 0\n"))
                .find("duplicate input \"a\""),
            std::string::npos);
  EXPECT_NE(parseError(minimal("output a f32 0\noutput a i8 0\n"))
                .find("duplicate output"),
            std::string::npos);
  EXPECT_NE(parseError("ONNXC 1\ntarget cpu\ntarget cuda\nend\n")
                .find("duplicate 'target'"),
            std::string::npos);
  // An input may share its name with an output (an identity graph).
  Signature sig;
  std::string error;
  EXPECT_TRUE(
      parseSignature(minimal("input a f32 0\noutput a f32 0\n"), 1, sig, error))
      << error;
}

TEST(SignatureTest, KeepsUnknownKeysAsMetadata) {
  Signature sig;
  std::string error;
  ASSERT_TRUE(parseSignature(minimal("future-thing 1 2 3\nopset ai.onnx 17\n"
                                     "opset com.microsoft 1\n"),
                             1, sig, error))
      << error;
  std::string value;
  ASSERT_TRUE(sig.metadata("future-thing", value));
  EXPECT_EQ(value, "1 2 3");
  ASSERT_TRUE(sig.metadata("opset", value));
  EXPECT_EQ(value, "ai.onnx 17, com.microsoft 1");
  ASSERT_TRUE(sig.metadata("abi", value));
  EXPECT_EQ(value, "1");
}

TEST(SignatureTest, RefusesGarbage) {
  EXPECT_FALSE(parseError("").empty());
  EXPECT_NE(parseError("hello world\n").find("line 1"), std::string::npos);
  EXPECT_NE(parseError(std::string("ONNXC 1\ntarget cpu\x01\nend\n"))
                .find("non-printable byte 0x01"),
            std::string::npos);
  EXPECT_NE(parseError("ONNXC 1\ntarget  cpu\nend\n").find("empty field"),
            std::string::npos);
  EXPECT_NE(parseError("ONNXC 1\ntarget cpu \nend\n").find("empty field"),
            std::string::npos);
  EXPECT_NE(parseError("ONNXC 1\n\ntarget cpu\nend\n").find("empty record"),
            std::string::npos);
  EXPECT_NE(parseError("ONNXC 1\ntarget cpu\r\nend\n").find("non-printable"),
            std::string::npos);
  EXPECT_NE(parseError("ONNXC 1\nend\n").find("no 'target'"),
            std::string::npos);
  EXPECT_NE(parseError(minimal("entry 1abc\n")).find("not a c identifier"),
            std::string::npos);
  EXPECT_NE(parseError(minimal("opset ai.onnx\n")).find("domain and a version"),
            std::string::npos);
}

TEST(SignatureTest, ParsesFeatureLists) {
  Signature sig;
  std::string error;
  ASSERT_TRUE(parseSignature(minimal("features -\n"), 1, sig, error)) << error;
  EXPECT_TRUE(sig.features.empty());
  ASSERT_TRUE(parseSignature(
      minimal("features +avx10.1-512,-sse4a,+amx-tile\n"), 1, sig, error))
      << error;
  EXPECT_EQ(sig.features.size(), 3u);
  EXPECT_NE(parseError(minimal("features avx2\n")).find("bad target feature"),
            std::string::npos);
  EXPECT_NE(parseError(minimal("features +avx2,,+fma\n")).find("bad target"),
            std::string::npos);
  EXPECT_NE(parseError(minimal("features +avx2 +fma\n")).find("one field"),
            std::string::npos);
}

TEST(SignatureTest, FormatsShapes) {
  std::vector<int64_t> shape = {1, -1, 28};
  EXPECT_EQ(onnxc::formatShape(shape), "[1,?,28]");
  EXPECT_EQ(onnxc::formatDims(shape.data(), shape.size()), "[1,-1,28]");
  EXPECT_EQ(onnxc::formatShape(nullptr, 0), "[]");
}

} // namespace
