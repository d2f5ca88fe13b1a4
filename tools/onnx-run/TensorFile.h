//===- TensorFile.h - Tensors in .pb and .npy files ------------*- C++ -*-===//
//
// Reading and writing host tensors as ONNX TensorProto files (the
// input_N.pb / output_N.pb of ONNX test data sets) and numpy .npy files, and
// comparing two tensors within tolerances.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_TOOLS_ONNXRUN_TENSORFILE_H
#define ONNXC_TOOLS_ONNXRUN_TENSORFILE_H

#include "onnxc/runtime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace onnx {
class TensorProto;
} // namespace onnx

namespace onnxrun {

/// A dense row-major tensor in host memory.
struct HostTensor {
  std::string name;
  onnxc_element_type dtype = ONNXC_TYPE_UNDEFINED;
  std::vector<int64_t> shape;
  std::vector<unsigned char> bytes;

  size_t elementCount() const;
};

/// Reads an ONNX TensorProto (raw_data or the typed fields). On error
/// returns false and sets `error`.
bool readTensorProto(const std::string &path, HostTensor &tensor,
                     std::string &error);

/// Converts a parsed TensorProto; `path` names it in errors.
bool tensorFromProto(const onnx::TensorProto &proto, const std::string &path,
                     HostTensor &tensor, std::string &error);

/// `tensor` as a TensorProto with raw_data.
void tensorToProto(const HostTensor &tensor, onnx::TensorProto &proto);

/// Writes `tensor` as a TensorProto with raw_data.
bool writeTensorProto(const std::string &path, const HostTensor &tensor,
                      std::string &error);

/// Reads a .npy file (format 1.0, 2.0, 3.0; little-endian, C order).
bool readNpy(const std::string &path, HostTensor &tensor, std::string &error);

/// Reads a .pb or .npy file by its extension.
bool readTensorFile(const std::string &path, HostTensor &tensor,
                    std::string &error);

/// Element `index` as a double (f16/bf16 converted, bool 0/1).
double elementAsDouble(const HostTensor &tensor, size_t index);

/// "[1,3,224,224]".
std::string shapeString(const std::vector<int64_t> &shape);

/// The result of comparing an output with its reference.
struct Comparison {
  bool match = true;
  std::string problem; // dtype or shape mismatch, empty otherwise
  double maxAbsError = 0;
  double maxRelError = 0;
  size_t mismatches = 0;
  size_t firstMismatch = 0;
};

/// Compares `actual` with `expected`: same dtype and shape; integers and
/// bools exactly; floats within |a - e| <= atol + rtol * |e|, NaN where NaN
/// and infinities equal.
Comparison compareTensors(const HostTensor &actual, const HostTensor &expected,
                          double rtol, double atol);

/// Whether `type` is a floating-point type (float8 and float4 included).
bool isFloatType(onnxc_element_type type);

/// Elements per byte in a TensorProto's raw_data: 2 for the 4-bit types, 4
/// for the 2-bit ones (packed lowest bits first), 1 otherwise. In memory
/// (HostTensor::bytes and the runtime) every element takes a byte.
int elementsPerByte(onnxc_element_type type);

} // namespace onnxrun

#endif // ONNXC_TOOLS_ONNXRUN_TENSORFILE_H
