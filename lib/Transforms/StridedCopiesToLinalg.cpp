//===- StridedCopiesToLinalg.cpp - vectorizable strided copies ------------===//

#include "onnxc/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/Utils/MemRefUtils.h"

using namespace mlir;

namespace onnxc {

#define GEN_PASS_DEF_STRIDEDCOPIESTOLINALG
#include "onnxc/Transforms/Passes.h.inc"

namespace {

/// True for a memref whose elements are one contiguous row-major block.
bool isContiguous(MemRefType type) {
  return type.getLayout().isIdentity() ||
         memref::isStaticShapeAndContiguousRowMajor(type);
}

struct StridedCopiesToLinalgPass
    : public impl::StridedCopiesToLinalgBase<StridedCopiesToLinalgPass> {
  void runOnOperation() override {
    SmallVector<memref::CopyOp> copies;
    getOperation().walk([&](memref::CopyOp op) {
      auto source = dyn_cast<MemRefType>(op.getSource().getType());
      auto target = dyn_cast<MemRefType>(op.getTarget().getType());
      if (source && target && source.getRank() > 0 &&
          !(isContiguous(source) && isContiguous(target)))
        copies.push_back(op);
    });
    for (memref::CopyOp op : copies) {
      OpBuilder b(op);
      linalg::CopyOp::create(b, op.getLoc(), op.getSource(), op.getTarget());
      op.erase();
    }
  }
};

} // namespace
} // namespace onnxc
