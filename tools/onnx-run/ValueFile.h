//===- ValueFile.h - Sequences and optionals in .pb files ------*- C++ -*-===//
//
// The values of models with sequence or optional inputs and outputs: read
// from ONNX SequenceProto / OptionalProto files (the input_N.pb and
// output_N.pb of their test data sets), written back, compared.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_TOOLS_ONNXRUN_VALUEFILE_H
#define ONNXC_TOOLS_ONNXRUN_VALUEFILE_H

#include "TensorFile.h"

namespace onnxrun {

/// A tensor, a sequence of tensors, or an absent optional.
struct HostValue {
  enum class Kind { Tensor, Sequence, None };
  Kind kind = Kind::Tensor;
  HostTensor tensor;                                     // Kind::Tensor
  std::vector<HostTensor> elements;                      // Kind::Sequence
  onnxc_element_type elementType = ONNXC_TYPE_UNDEFINED; // Kind::Sequence
};

/// Reads the value of a model input or output of `kind` from `path`: a
/// TensorProto, SequenceProto or OptionalProto. A reference for an optional
/// output may also be the plain value (the model's type is then wider than
/// the graph's).
bool readValueFile(const std::string &path, onnxc_value_kind kind,
                   HostValue &value, std::string &error);

/// Writes `value` (a TensorProto, SequenceProto or an empty OptionalProto).
bool writeValueFile(const std::string &path, const HostValue &value,
                    std::string &error);

/// Compares like compareTensors, element by element for sequences.
Comparison compareValues(const HostValue &actual, const HostValue &expected,
                         double rtol, double atol);

/// "f32 [2,3]", "seq<f32> of 3", "none".
std::string describeValue(const HostValue &value);

} // namespace onnxrun

#endif // ONNXC_TOOLS_ONNXRUN_VALUEFILE_H
