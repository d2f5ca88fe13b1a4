//===- PackWeights.cpp - one aligned blob for all weights -----------------===//

#include "onnxc/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/StringMap.h"

using namespace mlir;

namespace onnxc {

#define GEN_PASS_DEF_PACKWEIGHTS
#include "onnxc/Transforms/Passes.h.inc"

namespace {

constexpr int64_t kAlignment = 64;

/// The raw little-endian bytes of a constant, or nullopt when they are not
/// available as contiguous bytes (bool tensors stay as they are).
std::optional<ArrayRef<char>> getRawBytes(ElementsAttr attr) {
  Type elementType = attr.getElementType();
  if (elementType.isInteger(1) || !elementType.isIntOrFloat())
    return std::nullopt;
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return std::nullopt;
    return blob->getData();
  }
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    if (dense.isSplat())
      return std::nullopt; // Splats are cheap as they are.
    return dense.getRawData();
  }
  return std::nullopt;
}

struct PackWeightsPass : public impl::PackWeightsBase<PackWeightsPass> {
  using PackWeightsBase::PackWeightsBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    llvm::StringMap<int64_t> offsets;
    SmallVector<memref::GlobalOp> packed;
    std::vector<char> blob;
    for (auto global : module.getOps<memref::GlobalOp>()) {
      if (!global.getConstant() || !global.getInitialValue())
        continue;
      auto value = dyn_cast<ElementsAttr>(*global.getInitialValue());
      auto type = global.getType();
      if (!value || !type.getLayout().isIdentity() || !type.hasStaticShape())
        continue;
      auto bytes = getRawBytes(value);
      if (!bytes || static_cast<int64_t>(bytes->size()) < minBytes)
        continue;
      int64_t offset = llvm::alignTo(blob.size(), kAlignment);
      blob.resize(offset);
      blob.insert(blob.end(), bytes->begin(), bytes->end());
      offsets[global.getSymName()] = offset;
      packed.push_back(global);
    }
    if (packed.empty())
      return;

    OpBuilder b(module.getBodyRegion());
    b.setInsertionPointToStart(module.getBody());
    int64_t size = std::max<int64_t>(blob.size(), 1);
    blob.resize(size);
    auto blobType = MemRefType::get({size}, b.getI8Type());
    auto tensorType = RankedTensorType::get({size}, b.getI8Type());
    auto attr = DenseResourceElementsAttr::get(
        tensorType, "__onnxc_weights",
        HeapAsmResourceBlob::allocateAndCopyInferAlign(ArrayRef<char>(blob)));
    auto blobGlobal = memref::GlobalOp::create(
        b, module.getLoc(), "__onnxc_weights", b.getStringAttr("private"),
        blobType, attr, /*constant=*/true, b.getI64IntegerAttr(kAlignment));

    SmallVector<memref::GetGlobalOp> uses;
    module.walk([&](memref::GetGlobalOp op) {
      if (offsets.count(op.getName()))
        uses.push_back(op);
    });
    for (memref::GetGlobalOp op : uses) {
      b.setInsertionPoint(op);
      Value all = memref::GetGlobalOp::create(b, op.getLoc(), blobType,
                                              blobGlobal.getSymName());
      Value offset = arith::ConstantIndexOp::create(
          b, op.getLoc(), offsets.lookup(op.getName()));
      Value view = memref::ViewOp::create(b, op.getLoc(), op.getType(), all,
                                          offset, ValueRange{});
      op.replaceAllUsesWith(view);
      op.erase();
    }
    for (memref::GlobalOp global : packed)
      global.erase();
  }
};

} // namespace
} // namespace onnxc
