//===- Normalize.h - older opset forms to the newest form -------*- C++ -*-===//

#ifndef ONNXC_LIB_IMPORTER_NORMALIZE_H
#define ONNXC_LIB_IMPORTER_NORMALIZE_H

#include "ImporterImpl.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Region.h"
#include "llvm/ADT/StringMap.h"

namespace onnxc::importer {

/// One ONNX node on its way to becoming an op: operands (null where an
/// optional input is absent) and converted attributes.
struct NodeState {
  NodeState(mlir::Location loc, llvm::StringRef opType, int64_t opset)
      : loc(loc), opType(opType.str()), opset(opset) {}
  mlir::Location loc;
  std::string opType;
  int64_t opset;
  llvm::SmallVector<mlir::Value> operands;
  llvm::StringMap<mlir::Attribute> attributes;
  llvm::StringMap<const ::onnx::GraphProto *> graphs;
};

/// The element type named by an old-style string `to` of Cast (opset < 6).
mlir::Type elementTypeFromName(mlir::MLIRContext *ctx, llvm::StringRef name);

/// The type of the score tensor that FlexAttention's score_mod and prob_mod
/// subgraphs take: [B, Hq, L, S] in the softmax precision. Errors (at the
/// node) when Q or K is not of rank 4.
mlir::FailureOr<mlir::Type> getFlexAttentionScoreType(const NodeState &state);

/// Rewrites older opset forms of `state` to the newest form (attributes that
/// became inputs, changed semantics), builds the op(s), infers their result
/// types and folds constant shape computations. Returns one value per ONNX
/// output (null for outputs the op does not provide).
mlir::FailureOr<llvm::SmallVector<mlir::Value>>
buildNormalizedOp(mlir::OpBuilder &b, NodeState &state, const OpSpec &spec,
                  int numNodeOutputs,
                  llvm::SmallVectorImpl<std::unique_ptr<mlir::Region>> &regions);

} // namespace onnxc::importer

#endif // ONNXC_LIB_IMPORTER_NORMALIZE_H
