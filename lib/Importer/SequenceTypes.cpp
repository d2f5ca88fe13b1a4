//===- SequenceTypes.cpp - ONNX sequence and optional types ---------------===//
//
// TypeProto -> MLIR type for the values that are not plain tensors:
// sequence_type becomes !onnx.seq<tensor>, optional_type !onnx.opt<T>.
// Sequences of sequences, maps and sparse tensors are refused.
//
//===----------------------------------------------------------------------===//

#include "ImporterImpl.h"

#include "dialects/Onnx/IR/OnnxOps.h"

using namespace mlir;

namespace onnxc::importer {

/// A tensor_type: ranked when it has a shape (dim_param, a missing or a
/// negative dim_value are dynamic), unranked otherwise.
static FailureOr<TensorType>
convertTensorTypeProto(MLIRContext *ctx, const ::onnx::TypeProto::Tensor &t,
                       std::string &error) {
  Type elementType = convertElementType(ctx, t.elem_type());
  if (!elementType) {
    error = "has element type " + dataTypeName(t.elem_type()).str() +
            ", which is not supported";
    return failure();
  }
  if (!t.has_shape())
    return cast<TensorType>(UnrankedTensorType::get(elementType));
  if (t.shape().dim_size() > kMaxIORank) {
    error = "has rank " + std::to_string(t.shape().dim_size()) +
            "; tensors of more than " + std::to_string(kMaxIORank) +
            " dims are not supported here";
    return failure();
  }
  SmallVector<int64_t> dims;
  for (const auto &dim : t.shape().dim())
    dims.push_back(dim.has_dim_value() && dim.dim_value() >= 0
                       ? dim.dim_value()
                       : ShapedType::kDynamic);
  return cast<TensorType>(RankedTensorType::get(dims, elementType));
}

FailureOr<Type> convertTypeProto(MLIRContext *ctx,
                                 const ::onnx::TypeProto &type,
                                 std::string &error, int depth) {
  if (depth > 2) {
    error = "nests sequences and optionals too deeply";
    return failure();
  }
  if (type.has_tensor_type()) {
    auto tensor = convertTensorTypeProto(ctx, type.tensor_type(), error);
    if (failed(tensor))
      return failure();
    return Type(*tensor);
  }
  if (type.has_sequence_type()) {
    const auto &seq = type.sequence_type();
    if (!seq.has_elem_type() || !seq.elem_type().has_tensor_type()) {
      error = "is a sequence whose elements are not tensors, which is not "
              "supported";
      return failure();
    }
    auto element =
        convertTensorTypeProto(ctx, seq.elem_type().tensor_type(), error);
    if (failed(element))
      return failure();
    return Type(onnx::SeqType::get(ctx, *element));
  }
  if (type.has_optional_type()) {
    const auto &opt = type.optional_type();
    if (!opt.has_elem_type() || (!opt.elem_type().has_tensor_type() &&
                                 !opt.elem_type().has_sequence_type())) {
      error = "is an optional of neither a tensor nor a sequence, which is "
              "not supported";
      return failure();
    }
    auto inner = convertTypeProto(ctx, opt.elem_type(), error, depth + 1);
    if (failed(inner))
      return failure();
    return Type(onnx::OptType::get(ctx, *inner));
  }
  error = "has no type, or a type (map, sparse tensor) that is not supported";
  return failure();
}

} // namespace onnxc::importer
