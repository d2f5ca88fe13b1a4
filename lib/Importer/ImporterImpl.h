//===- ImporterImpl.h - internals of the ONNX importer ----------*- C++ -*-===//

#ifndef ONNXC_LIB_IMPORTER_IMPORTERIMPL_H
#define ONNXC_LIB_IMPORTER_IMPORTERIMPL_H

#include "onnxc/Importer/Importer.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"
#include "llvm/ADT/StringRef.h"

#include "onnx/onnx-ml.pb.h"

#include <memory>
#include <optional>
#include <string>

namespace onnxc::importer {

/// Tensors of more dims are refused: compile time grows steeply with the rank
/// (rank 1,000 takes minutes), and no real model comes near it.
constexpr int64_t kMaxTensorRank = 64;
/// Graph inputs and outputs: the runtime's ONNXC_MAX_RANK (runtime.h).
constexpr int64_t kMaxIORank = 16;

/// The MLIR element type of an ONNX TensorProto data_type, or null when the
/// type is not supported (strings, complex).
mlir::Type convertElementType(mlir::MLIRContext *ctx, int dataType);

/// The MLIR type of a TypeProto: a tensor, !onnx.seq or !onnx.opt. On error
/// sets `error` to the end of a sentence that starts with the value's name
/// ("has element type STRING, which is not supported").
mlir::FailureOr<mlir::Type> convertTypeProto(mlir::MLIRContext *ctx,
                                             const ::onnx::TypeProto &type,
                                             std::string &error, int depth = 0);

/// The ONNX name of a data_type code (for diagnostics).
llvm::StringRef dataTypeName(int dataType);

/// Reads external tensor data confined to one folder. Every path is checked:
/// relative, no `..` component, and after resolving symlinks still inside the
/// folder; offset and length are checked against the file size.
class ExternalDataReader {
public:
  explicit ExternalDataReader(std::string baseDir) : baseDir(std::move(baseDir)) {}
  /// Reads `length` bytes (all from `offset` to the end when length < 0) of
  /// `location`. On error returns nullopt and sets `error`.
  std::optional<std::string> read(llvm::StringRef location, int64_t offset,
                                  int64_t length, std::string &error) const;

private:
  std::string baseDir;
};

/// Tracks the bytes of weights imported so far against the limit.
struct WeightBudget {
  uint64_t used = 0;
  uint64_t limit = 0;
};

/// Converts a TensorProto (inline typed fields, raw_data or external data)
/// to an ElementsAttr; large tensors become dense resources that keep the
/// bytes without another copy. Emits an error at `loc` and returns null on
/// malformed tensors (dims that are negative or overflow, data whose size
/// disagrees with the dims, unsupported element types).
mlir::ElementsAttr convertTensor(const ::onnx::TensorProto &tensor,
                                 mlir::Location loc,
                                 const ExternalDataReader &external,
                                 WeightBudget &budget,
                                 std::shared_ptr<const void> keepAlive);

/// Description of an operator the importer knows, keyed by domain, name and
/// the opset version it is supported from.
struct OpSpec {
  llvm::StringRef domain;
  llvm::StringRef name;
  int64_t sinceVersion;
  /// Operand and result counts of the onnx-dialect op; -1 for variadic.
  int numOperands;
  int numResults;
};

/// The spec for `opType` in `domain` at `opset`, or null when unsupported.
const OpSpec *lookupOp(llvm::StringRef domain, llvm::StringRef opType,
                       int64_t opset);

} // namespace onnxc::importer

#endif // ONNXC_LIB_IMPORTER_IMPORTERIMPL_H
