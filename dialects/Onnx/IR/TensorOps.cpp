//===- TensorOps.cpp - tensor, indexing, resampling and math ops ----------===//
//
// Verifiers and shape inference of the ops in OnnxTensorOps.td (the
// resampling, region and signal ops are in SamplingOps.cpp). Sizes that
// depend on the values of operands known only at run time stay `?`.
//
//===----------------------------------------------------------------------===//

#include "dialects/Onnx/IR/OnnxOps.h"
#include "dialects/Onnx/IR/TensorOpsHelpers.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>
#include <map>

using namespace mlir;

namespace onnxc::onnx {
namespace tensorops {

/// Sets result `idx` to a tensor of `dims`, after checking that the static
/// ones are sizes: in [0, kMaxDim].
LogicalResult refineDims(Operation *op, unsigned idx, ArrayRef<int64_t> dims,
                         Type elementType) {
  for (int64_t d : dims)
    if (d != kDyn && (d < 0 || d > kMaxDim))
      return op->emitError()
             << "result dimension " << d << " is not a valid size";
  return refineResultType(op, idx, RankedTensorType::get(dims, elementType));
}

/// `v` as a size (floor when `floor`, truncation otherwise), or failure for
/// values that are not finite sizes.
FailureOr<int64_t> toSize(Operation *op, double v) {
  if (!std::isfinite(v) || v < 0 || v > static_cast<double>(kMaxDim))
    return op->emitError() << "computed size " << v << " is not a valid size";
  return static_cast<int64_t>(v);
}

/// The values of a constant operand of any numeric element type.
std::optional<SmallVector<double>> getConstantValues(Value v) {
  if (!v || isNoValue(v))
    return std::nullopt;
  DenseElementsAttr attr;
  if (!matchPattern(v, m_Constant(&attr)))
    return std::nullopt;
  SmallVector<double> values;
  if (isa<FloatType>(attr.getElementType())) {
    for (const APFloat &f : attr.getValues<APFloat>())
      values.push_back(f.convertToDouble());
    return values;
  }
  auto intType = dyn_cast<IntegerType>(attr.getElementType());
  if (!intType)
    return std::nullopt;
  for (const APInt &i : attr.getValues<APInt>())
    values.push_back(intType.isUnsigned() || intType.getWidth() == 1
                         ? static_cast<double>(i.getZExtValue())
                         : static_cast<double>(i.getSExtValue()));
  return values;
}

/// A scalar or one-element constant integer operand.
std::optional<int64_t> getConstantScalar(Value v) {
  auto values = getConstantInts(v);
  if (!values || values->size() != 1)
    return std::nullopt;
  return (*values)[0];
}

/// Element type of an ONNX TensorProto data type code, or null.
Type dataTypeFromCode(MLIRContext *ctx, int64_t code) {
  Builder b(ctx);
  switch (code) {
  case 1:
    return b.getF32Type();
  case 2:
    return IntegerType::get(ctx, 8, IntegerType::Unsigned);
  case 3:
    return b.getIntegerType(8);
  case 4:
    return IntegerType::get(ctx, 16, IntegerType::Unsigned);
  case 5:
    return b.getIntegerType(16);
  case 6:
    return b.getIntegerType(32);
  case 7:
    return b.getIntegerType(64);
  case 9:
    return b.getI1Type();
  case 10:
    return b.getF16Type();
  case 11:
    return b.getF64Type();
  case 12:
    return IntegerType::get(ctx, 32, IntegerType::Unsigned);
  case 13:
    return IntegerType::get(ctx, 64, IntegerType::Unsigned);
  case 16:
    return b.getBF16Type();
  default:
    return {};
  }
}

LogicalResult verifyOneOf(Operation *op, StringRef name, StringRef value,
                          ArrayRef<StringRef> allowed) {
  if (llvm::is_contained(allowed, value))
    return success();
  std::string list;
  for (StringRef a : allowed)
    list += (list.empty() ? "" : ", ") + a.str();
  return op->emitOpError() << name << " \"" << value << "\" is not one of "
                           << list;
}

/// The shape of `input` with the dims at `axes` replaced by `sizes` (`?` for
/// unknown).
LogicalResult refineWithDims(Operation *op, Value input, Type elementType,
                             ArrayRef<int64_t> axes, ArrayRef<int64_t> sizes) {
  auto shape = getRankedShape(input);
  if (!shape)
    return refineResultType(op, 0, UnrankedTensorType::get(elementType));
  for (auto [axis, size] : llvm::zip(axes, sizes))
    (*shape)[axis] = size;
  return refineDims(op, 0, *shape, elementType);
}

LogicalResult inferSpatialRank(Operation *op, ArrayRef<int64_t> shape,
                               int64_t minRank) {
  if (static_cast<int64_t>(shape.size()) < minRank)
    return op->emitError() << "input must have rank " << minRank
                           << " or more, got rank " << shape.size();
  return success();
}

} // namespace tensorops

using namespace tensorops;

//===----------------------------------------------------------------------===//
// Element-wise
//===----------------------------------------------------------------------===//

LogicalResult BitShiftOp::verify() {
  return verifyOneOf(*this, "direction", getDirection(), {"LEFT", "RIGHT"});
}

/// Bits per element of an ONNX element type as stored (booleans are bytes).
static unsigned storageBits(Type type) {
  if (type.isInteger(1))
    return 8;
  return type.getIntOrFloatBitWidth();
}

LogicalResult BitCastOp::verify() {
  if (!dataTypeFromCode(getContext(), getTo()))
    return emitOpError() << "to " << getTo() << " is not a supported data type";
  return success();
}

LogicalResult BitCastOp::inferShapes() {
  Type to = dataTypeFromCode(getContext(), getTo());
  Type from = getElementType(getInput());
  if (from.isIntOrFloat() && storageBits(from) != storageBits(to))
    return emitError() << "cannot reinterpret " << from << " ("
                       << storageBits(from) << " bits) as " << to << " ("
                       << storageBits(to) << " bits)";
  return inferSameShapeOp(*this, to);
}

//===----------------------------------------------------------------------===//
// Trilu, EyeLike, Hardmax, OneHot
//===----------------------------------------------------------------------===//

LogicalResult TriluOp::inferShapes() {
  auto shape = getRankedShape(getInput());
  if (shape && shape->size() < 2)
    return emitError() << "input must have rank 2 or more, got rank "
                       << shape->size();
  return inferSameShapeOp(*this);
}

LogicalResult EyeLikeOp::verify() {
  if (getDtype() && !dataTypeFromCode(getContext(), *getDtype()))
    return emitOpError() << "dtype " << *getDtype()
                         << " is not a supported data type";
  return success();
}

LogicalResult EyeLikeOp::inferShapes() {
  auto shape = getRankedShape(getInput());
  if (shape && shape->size() != 2)
    return emitError() << "input must have rank 2, got rank " << shape->size();
  Type elementType = getDtype() ? dataTypeFromCode(getContext(), *getDtype())
                                : getElementType(getInput());
  return inferSameShapeOp(*this, elementType);
}

LogicalResult HardmaxOp::inferShapes() {
  if (failed(verifyNotScalar(*this, getInput())) ||
      failed(verifyAxis(*this, getInput(), getAxis())))
    return failure();
  return inferSameShapeOp(*this);
}

LogicalResult OneHotOp::inferShapes() {
  Type elementType = getElementType(getValues());
  auto indices = getRankedShape(getIndices());
  if (!indices)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  int64_t rank = indices->size() + 1;
  auto axis = normalizeAxis(*this, getAxis(), rank, "axis");
  if (failed(axis))
    return failure();
  int64_t depth = kDyn;
  if (auto values = getConstantValues(getDepth());
      values && values->size() == 1) {
    auto size = toSize(*this, (*values)[0]);
    if (failed(size))
      return failure();
    depth = *size;
    if (depth < 1)
      return emitError() << "depth must be positive, got " << depth;
  }
  SmallVector<int64_t> dims(*indices);
  dims.insert(dims.begin() + *axis, depth);
  return refineDims(*this, 0, dims, elementType);
}

//===----------------------------------------------------------------------===//
// Gather and scatter
//===----------------------------------------------------------------------===//

LogicalResult GatherElementsOp::inferShapes() {
  Type elementType = getElementType(getData());
  auto data = getRankedShape(getData());
  auto indices = getRankedShape(getIndices());
  if (data && indices && data->size() != indices->size())
    return emitError() << "indices have rank " << indices->size()
                       << ", data has rank " << data->size();
  if (data && failed(normalizeAxis(*this, getAxis(), data->size(), "axis")))
    return failure();
  if (!indices)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  return refineResultType(*this, 0,
                          RankedTensorType::get(*indices, elementType));
}

LogicalResult GatherNDOp::inferShapes() {
  Type elementType = getElementType(getData());
  auto data = getRankedShape(getData());
  auto indices = getRankedShape(getIndices());
  if (!data || !indices)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  int64_t b = getBatchDims();
  int64_t r = data->size(), q = indices->size();
  if (q < 1)
    return emitError() << "indices must have rank 1 or more";
  if (b < 0 || b >= std::min(r, q))
    return emitError() << "batch_dims " << b
                       << " must be less than the ranks of data and indices";
  int64_t k = indices->back();
  if (k == kDyn)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  if (k < 1 || k > r - b)
    return emitError() << "the last dim of indices is " << k
                       << ", expected 1 to " << r - b;
  SmallVector<int64_t> dims(indices->begin(), indices->end() - 1);
  dims.append(data->begin() + b + k, data->end());
  return refineDims(*this, 0, dims, elementType);
}

static LogicalResult verifyReduction(Operation *op, StringRef reduction) {
  return verifyOneOf(op, "reduction", reduction,
                     {"none", "add", "mul", "max", "min"});
}

static LogicalResult inferScatterElements(Operation *op, int64_t axis) {
  auto data = getRankedShape(op->getOperand(0));
  auto indices = getRankedShape(op->getOperand(1));
  auto updates = getRankedShape(op->getOperand(2));
  if (data && indices && data->size() != indices->size())
    return op->emitError() << "indices have rank " << indices->size()
                           << ", data has rank " << data->size();
  if (indices && updates && *indices != *updates &&
      indices->size() == updates->size()) {
    for (auto [i, u] : llvm::zip(*indices, *updates))
      if (i != kDyn && u != kDyn && i != u)
        return op->emitError() << "indices and updates have different shapes";
  }
  if (data && failed(normalizeAxis(op, axis, data->size(), "axis")))
    return failure();
  return inferSameShapeOp(op);
}

LogicalResult ScatterElementsOp::verify() {
  return verifyReduction(*this, getReduction());
}
LogicalResult ScatterElementsOp::inferShapes() {
  return inferScatterElements(*this, getAxis());
}
LogicalResult ScatterOp::inferShapes() {
  return inferScatterElements(*this, getAxis());
}

LogicalResult ScatterNDOp::verify() {
  return verifyReduction(*this, getReduction());
}

LogicalResult ScatterNDOp::inferShapes() {
  auto data = getRankedShape(getData());
  auto indices = getRankedShape(getIndices());
  if (data && indices) {
    if (indices->empty())
      return emitError() << "indices must have rank 1 or more";
    int64_t k = indices->back();
    if (k != kDyn && (k < 1 || k > static_cast<int64_t>(data->size())))
      return emitError() << "the last dim of indices is " << k
                         << ", expected 1 to " << data->size();
  }
  return inferSameShapeOp(*this);
}

LogicalResult TensorScatterOp::verify() {
  return verifyOneOf(*this, "mode", getMode(), {"linear", "circular"});
}

LogicalResult TensorScatterOp::inferShapes() {
  auto cache = getRankedShape(getPastCache());
  auto update = getRankedShape(getUpdate());
  if (cache && update) {
    if (cache->size() != update->size())
      return emitError() << "update has rank " << update->size()
                         << ", past_cache has rank " << cache->size();
    auto axis = normalizeAxis(*this, getAxis(), cache->size(), "axis");
    if (failed(axis))
      return failure();
    for (auto [i, c, u] : llvm::enumerate(*cache, *update)) {
      if (c == kDyn || u == kDyn)
        continue;
      if (static_cast<int64_t>(i) == *axis ? u > c : u != c)
        return emitError() << "update dimension " << i << " is " << u
                           << ", past_cache's is " << c;
    }
  }
  return inferSameShapeOp(*this);
}

//===----------------------------------------------------------------------===//
// Layout
//===----------------------------------------------------------------------===//

LogicalResult DepthToSpaceOp::verify() {
  if (getBlocksize() <= 0)
    return emitOpError() << "blocksize must be positive, got "
                         << getBlocksize();
  return verifyOneOf(*this, "mode", getMode(), {"DCR", "CRD"});
}

LogicalResult DepthToSpaceOp::inferShapes() {
  Type elementType = getElementType(getInput());
  auto shape = getRankedShape(getInput());
  if (!shape)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  if (shape->size() != 4)
    return emitError() << "input must have rank 4, got rank " << shape->size();
  int64_t b = getBlocksize(), bb;
  if (b <= 0 || llvm::MulOverflow(b, b, bb))
    return emitError() << "blocksize " << b << " is out of range";
  SmallVector<int64_t> dims(*shape);
  if (dims[1] != kDyn) {
    if (dims[1] % bb)
      return emitError() << "channels " << dims[1]
                         << " are not a multiple of blocksize^2 " << bb;
    dims[1] /= bb;
  }
  for (int i = 2; i < 4; ++i)
    if (dims[i] != kDyn && llvm::MulOverflow(dims[i], b, dims[i]))
      return emitError() << "blocksize " << b << " makes dimension " << i
                         << " overflow";
  return refineDims(*this, 0, dims, elementType);
}

LogicalResult SpaceToDepthOp::verify() {
  if (getBlocksize() <= 0)
    return emitOpError() << "blocksize must be positive, got "
                         << getBlocksize();
  return verifyOneOf(*this, "mode", getMode(), {"DCR", "CRD"});
}

LogicalResult SpaceToDepthOp::inferShapes() {
  Type elementType = getElementType(getInput());
  auto shape = getRankedShape(getInput());
  if (!shape)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  if (shape->size() != 4)
    return emitError() << "input must have rank 4, got rank " << shape->size();
  int64_t b = getBlocksize(), bb;
  if (b <= 0 || llvm::MulOverflow(b, b, bb))
    return emitError() << "blocksize " << b << " is out of range";
  SmallVector<int64_t> dims(*shape);
  if (dims[1] != kDyn && llvm::MulOverflow(dims[1], bb, dims[1]))
    return emitError() << "blocksize " << b << " makes the channels overflow";
  for (int i = 2; i < 4; ++i) {
    if (dims[i] == kDyn)
      continue;
    if (dims[i] % b)
      return emitError() << "spatial dimension " << dims[i]
                         << " is not a multiple of blocksize " << b;
    dims[i] /= b;
  }
  return refineDims(*this, 0, dims, elementType);
}

LogicalResult ReverseSequenceOp::verify() {
  int64_t b = getBatchAxis(), t = getTimeAxis();
  if ((b != 0 && b != 1) || (t != 0 && t != 1) || b == t)
    return emitOpError() << "batch_axis and time_axis must be 0 and 1 in "
                            "some order, got "
                         << b << " and " << t;
  return success();
}

LogicalResult ReverseSequenceOp::inferShapes() {
  auto shape = getRankedShape(getInput());
  if (shape && shape->size() < 2)
    return emitError() << "input must have rank 2 or more, got rank "
                       << shape->size();
  return inferSameShapeOp(*this);
}

LogicalResult CenterCropPadOp::inferShapes() {
  Type elementType = getElementType(getInputData());
  auto shape = getRankedShape(getInputData());
  if (!shape)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  int64_t rank = shape->size();
  SmallVector<int64_t> axes;
  if (auto attr = getAxes()) {
    for (int64_t a : *attr) {
      auto axis = normalizeAxis(*this, a, rank, "axis");
      if (failed(axis))
        return failure();
      axes.push_back(*axis);
    }
  } else {
    for (int64_t i = 0; i < rank; ++i)
      axes.push_back(i);
  }
  auto sizes = getConstantInts(getShape());
  SmallVector<int64_t> dims(axes.size(), kDyn);
  if (sizes) {
    if (sizes->size() != axes.size())
      return emitError() << "shape has " << sizes->size() << " values, "
                         << axes.size() << " axes";
    dims = *sizes;
  }
  return refineWithDims(*this, getInputData(), elementType, axes, dims);
}

//===----------------------------------------------------------------------===//
// TopK, Compress, NonZero, Unique
//===----------------------------------------------------------------------===//

LogicalResult TopKOp::inferShapes() {
  Type elementType = getElementType(getX());
  Type i64 = IntegerType::get(getContext(), 64);
  if (failed(verifyNotScalar(*this, getX())))
    return failure();
  auto shape = getRankedShape(getX());
  if (!shape)
    return failure(
        failed(
            refineResultType(*this, 0, UnrankedTensorType::get(elementType))) ||
        failed(refineResultType(*this, 1, UnrankedTensorType::get(i64))));
  auto axis = normalizeAxis(*this, getAxis(), shape->size(), "axis");
  if (failed(axis))
    return failure();
  SmallVector<int64_t> dims(*shape);
  dims[*axis] = kDyn;
  if (auto k = getConstantScalar(getK())) {
    if (*k < 0 || ((*shape)[*axis] != kDyn && *k > (*shape)[*axis]))
      return emitError() << "k " << *k << " is out of range for axis " << *axis
                         << " of size " << (*shape)[*axis];
    dims[*axis] = *k;
  }
  if (failed(refineDims(*this, 0, dims, elementType)))
    return failure();
  return refineResultType(*this, 1, RankedTensorType::get(dims, i64));
}

LogicalResult CompressOp::inferShapes() {
  if (failed(verifyNotScalar(*this, getInput())) ||
      failed(verifyOneDim(*this, getCondition(), "condition")))
    return failure();
  Type elementType = getElementType(getInput());
  auto shape = getRankedShape(getInput());
  std::optional<int64_t> count;
  if (auto cond = getConstantInts(getCondition())) {
    int64_t limit = kDyn;
    if (shape && getAxis()) {
      auto axis = normalizeAxis(*this, *getAxis(), shape->size(), "axis");
      if (failed(axis))
        return failure();
      limit = (*shape)[*axis];
    }
    int64_t n = 0;
    for (auto [i, c] : llvm::enumerate(*cond))
      if (c && (limit == kDyn || static_cast<int64_t>(i) < limit))
        ++n;
    if (limit != kDyn || !getAxis())
      count = n;
  }
  int64_t size = count ? *count : kDyn;
  if (!getAxis())
    return refineResultType(*this, 0,
                            RankedTensorType::get({size}, elementType));
  if (!shape)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  auto axis = normalizeAxis(*this, *getAxis(), shape->size(), "axis");
  if (failed(axis))
    return failure();
  return refineWithDims(*this, getInput(), elementType, {*axis}, {size});
}

LogicalResult NonZeroOp::inferShapes() {
  Type i64 = IntegerType::get(getContext(), 64);
  auto shape = getRankedShape(getX());
  if (!shape)
    return refineResultType(*this, 0, RankedTensorType::get({kDyn, kDyn}, i64));
  return refineResultType(
      *this, 0,
      RankedTensorType::get({static_cast<int64_t>(shape->size()), kDyn}, i64));
}

LogicalResult NonMaxSuppressionOp::verify() {
  if (getCenterPointBox() != 0 && getCenterPointBox() != 1)
    return emitOpError() << "center_point_box must be 0 or 1, got "
                         << getCenterPointBox();
  return success();
}

LogicalResult NonMaxSuppressionOp::inferShapes() {
  auto boxes = getRankedShape(getBoxes());
  auto scores = getRankedShape(getScores());
  if (boxes &&
      (boxes->size() != 3 || (boxes->back() != kDyn && boxes->back() != 4)))
    return emitError() << "boxes must have shape [batches, boxes, 4]";
  if (scores && scores->size() != 3)
    return emitError() << "scores must have shape [batches, classes, boxes]";
  return refineResultType(
      *this, 0,
      RankedTensorType::get({kDyn, 3}, IntegerType::get(getContext(), 64)));
}

LogicalResult UniqueOp::inferShapes() {
  if (failed(verifyNotScalar(*this, getX())))
    return failure();
  Type elementType = getElementType(getX());
  Type i64 = IntegerType::get(getContext(), 64);
  auto shape = getRankedShape(getX());
  int64_t inverseSize = kDyn;
  if (!getAxis()) {
    if (failed(refineResultType(*this, 0,
                                RankedTensorType::get({kDyn}, elementType))))
      return failure();
    if (shape && llvm::none_of(*shape, ShapedType::isDynamic)) {
      inverseSize = 1;
      for (int64_t d : *shape)
        inverseSize *= d;
    }
  } else if (!shape) {
    if (failed(
            refineResultType(*this, 0, UnrankedTensorType::get(elementType))))
      return failure();
  } else {
    auto axis = normalizeAxis(*this, *getAxis(), shape->size(), "axis");
    if (failed(axis))
      return failure();
    inverseSize = (*shape)[*axis];
    if (failed(refineWithDims(*this, getX(), elementType, {*axis}, {kDyn})))
      return failure();
  }
  if (failed(refineResultType(*this, 1, RankedTensorType::get({kDyn}, i64))) ||
      failed(refineResultType(*this, 2,
                              RankedTensorType::get({inverseSize}, i64))))
    return failure();
  return refineResultType(*this, 3, RankedTensorType::get({kDyn}, i64));
}

//===----------------------------------------------------------------------===//
// Normalization and pooling
//===----------------------------------------------------------------------===//

LogicalResult LpNormalizationOp::verify() {
  if (getP() != 1 && getP() != 2)
    return emitOpError() << "p must be 1 or 2, got " << getP();
  return success();
}

LogicalResult LpNormalizationOp::inferShapes() {
  if (failed(verifyAxis(*this, getInput(), getAxis())))
    return failure();
  return inferSameShapeOp(*this);
}

LogicalResult MeanVarianceNormalizationOp::inferShapes() {
  if (auto shape = getRankedShape(getX()))
    for (int64_t a : getAxes())
      if (failed(normalizeAxis(*this, a, shape->size(), "axis")))
        return failure();
  return inferSameShapeOp(*this);
}

LogicalResult InstanceNormalizationOp::inferShapes() {
  if (auto shape = getRankedShape(getInput()))
    if (failed(inferSpatialRank(*this, *shape, 3)))
      return failure();
  return inferSameShapeOp(*this);
}

LogicalResult GroupNormalizationOp::verify() {
  if (getNumGroups() <= 0)
    return emitOpError() << "num_groups must be positive, got "
                         << getNumGroups();
  return success();
}

LogicalResult GroupNormalizationOp::inferShapes() {
  if (auto shape = getRankedShape(getX())) {
    if (failed(inferSpatialRank(*this, *shape, 2)))
      return failure();
    int64_t c = (*shape)[1];
    if (c != kDyn && c % getNumGroups())
      return emitError() << "channels " << c
                         << " are not a multiple of num_groups "
                         << getNumGroups();
  }
  return inferSameShapeOp(*this);
}

LogicalResult LRNOp::verify() {
  if (getSize() <= 0)
    return emitOpError() << "size must be positive, got " << getSize();
  return success();
}

LogicalResult LRNOp::inferShapes() {
  if (auto shape = getRankedShape(getX()))
    if (failed(inferSpatialRank(*this, *shape, 2)))
      return failure();
  return inferSameShapeOp(*this);
}

LogicalResult LpPoolOp::verify() {
  if (getKernelShape().empty())
    return emitOpError() << "kernel_shape is required";
  if (getP() <= 0)
    return emitOpError() << "p must be positive, got " << getP();
  return success();
}

LogicalResult LpPoolOp::inferShapes() {
  Type elementType = getElementType(getX());
  auto shape = getRankedShape(getX());
  if (!shape)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  if (failed(inferSpatialRank(*this, *shape, 3)))
    return failure();
  auto window =
      resolveWindow(*this, *shape, {}, getAutoPad(), getKernelShape(),
                    getStrides(), getDilations(), getPads(), getCeilMode());
  if (failed(window))
    return failure();
  SmallVector<int64_t> dims = {(*shape)[0], (*shape)[1]};
  for (size_t i = 0, e = window->kernel.size(); i < e; ++i) {
    int64_t out =
        windowOutputSize((*shape)[i + 2], window->kernel[i], window->strides[i],
                         window->dilations[i], window->padsBegin[i],
                         window->padsEnd[i], getCeilMode() != 0);
    if (out == 0)
      return emitError() << "kernel of size " << window->kernel[i]
                         << " does not fit spatial dimension " << i
                         << " of size " << (*shape)[i + 2];
    dims.push_back(out);
  }
  return refineDims(*this, 0, dims, elementType);
}

LogicalResult GlobalLpPoolOp::inferShapes() {
  Type elementType = getElementType(getX());
  auto shape = getRankedShape(getX());
  if (!shape)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  if (failed(inferSpatialRank(*this, *shape, 3)))
    return failure();
  SmallVector<int64_t> dims(shape->size(), 1);
  dims[0] = (*shape)[0];
  dims[1] = (*shape)[1];
  return refineDims(*this, 0, dims, elementType);
}

//===----------------------------------------------------------------------===//
// Einsum, Det
//===----------------------------------------------------------------------===//

namespace {

/// The terms of an einsum equation without spaces: the input terms and the
/// output term (std::nullopt when implicit).
LogicalResult splitEquation(Operation *op, StringRef equation,
                            SmallVectorImpl<std::string> &inputs,
                            std::optional<std::string> &output) {
  std::string eq;
  for (char c : equation)
    if (c != ' ')
      eq.push_back(c);
  StringRef lhs = eq, rhs;
  size_t arrow = lhs.find("->");
  if (arrow != StringRef::npos) {
    rhs = lhs.substr(arrow + 2);
    lhs = lhs.substr(0, arrow);
    output = rhs.str();
  }
  SmallVector<StringRef> terms;
  lhs.split(terms, ',');
  for (StringRef term : terms)
    inputs.push_back(term.str());
  auto check = [&](StringRef term) -> LogicalResult {
    size_t dots = term.find("...");
    if (dots != StringRef::npos &&
        term.find("...", dots + 3) != StringRef::npos)
      return op->emitOpError()
             << "equation term \"" << term << "\" has more than one ellipsis";
    for (size_t i = 0; i < term.size(); ++i) {
      if (dots != StringRef::npos && i >= dots && i < dots + 3)
        continue;
      if (!llvm::isAlpha(term[i]))
        return op->emitOpError()
               << "equation term \"" << term << "\" has the invalid character '"
               << term[i] << "'";
    }
    return success();
  };
  for (StringRef term : inputs)
    if (failed(check(term)))
      return failure();
  if (output &&
      (failed(check(*output)) || output->find(',') != std::string::npos))
    return failure();
  if (output)
    for (char c : *output)
      if (llvm::isAlpha(c) && llvm::none_of(inputs, [&](const std::string &t) {
            return t.find(c) != std::string::npos;
          }))
        return op->emitOpError()
               << "output label '" << c << "' is not in any input";
  return success();
}

} // namespace

LogicalResult EinsumOp::verify() {
  SmallVector<std::string> inputs;
  std::optional<std::string> output;
  if (failed(splitEquation(*this, getEquation(), inputs, output)))
    return failure();
  if (inputs.size() != getInputs().size())
    return emitOpError() << "equation has " << inputs.size()
                         << " input terms, the op has " << getInputs().size()
                         << " inputs";
  return success();
}

LogicalResult
EinsumOp::parseEquation(SmallVectorImpl<SmallVector<int64_t>> &inputLabels,
                        SmallVectorImpl<int64_t> &outputLabels) {
  SmallVector<std::string> inputs;
  std::optional<std::string> output;
  if (failed(splitEquation(*this, getEquation(), inputs, output)))
    return failure();
  // Rank of the dims each input's ellipsis stands for.
  SmallVector<int64_t> ellipsisRanks;
  int64_t maxEllipsis = 0;
  for (auto [term, value] : llvm::zip(inputs, getInputs())) {
    int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
    size_t dots = term.find("...");
    int64_t letters = term.size() - (dots == std::string::npos ? 0 : 3);
    int64_t ell = rank - letters;
    if (ell < 0 || (dots == std::string::npos && ell != 0))
      return emitError() << "equation term \"" << term << "\" has " << letters
                         << " labels, the input has rank " << rank;
    ellipsisRanks.push_back(ell);
    maxEllipsis = std::max(maxEllipsis, ell);
  }
  auto expand = [&](StringRef term, int64_t ell,
                    SmallVectorImpl<int64_t> &out) {
    for (size_t i = 0; i < term.size(); ++i) {
      if (term.substr(i).starts_with("...")) {
        for (int64_t k = 0; k < ell; ++k)
          out.push_back(kEllipsisLabel + (maxEllipsis - ell) + k);
        i += 2;
        continue;
      }
      out.push_back(static_cast<unsigned char>(term[i]));
    }
  };
  for (auto [term, ell] : llvm::zip(inputs, ellipsisRanks)) {
    inputLabels.emplace_back();
    expand(term, ell, inputLabels.back());
  }
  if (output) {
    if (output->find("...") == std::string::npos && maxEllipsis > 0 &&
        llvm::any_of(ellipsisRanks, [](int64_t e) { return e > 0; }))
      return emitError() << "the output term has no ellipsis but an input "
                            "term does";
    expand(*output, maxEllipsis, outputLabels);
    return success();
  }
  // Implicit output: the ellipsis dims, then the labels used once, sorted.
  for (int64_t k = 0; k < maxEllipsis; ++k)
    outputLabels.push_back(kEllipsisLabel + k);
  std::map<int64_t, int> counts;
  for (const auto &labels : inputLabels)
    for (int64_t l : labels)
      if (l < kEllipsisLabel)
        ++counts[l];
  for (auto [label, count] : counts)
    if (count == 1)
      outputLabels.push_back(label);
  return success();
}

LogicalResult EinsumOp::inferShapes() {
  Type elementType = getElementType(getInputs().front());
  for (Value v : getInputs())
    if (!isa<RankedTensorType>(v.getType()))
      return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  SmallVector<SmallVector<int64_t>> inputLabels;
  SmallVector<int64_t> outputLabels;
  if (failed(parseEquation(inputLabels, outputLabels)))
    return failure();
  std::map<int64_t, int64_t> sizes;
  for (auto [labels, value] : llvm::zip(inputLabels, getInputs())) {
    ArrayRef<int64_t> shape =
        cast<RankedTensorType>(value.getType()).getShape();
    for (auto [label, dim] : llvm::zip(labels, shape)) {
      auto [it, inserted] = sizes.try_emplace(label, dim);
      if (inserted || (dim == 1 && label >= kEllipsisLabel))
        continue;
      if (it->second == kDyn || (it->second == 1 && label >= kEllipsisLabel)) {
        it->second = dim;
      } else if (dim != kDyn && dim != it->second) {
        return emitError() << "label "
                           << (label < kEllipsisLabel
                                   ? std::string(1, char(label))
                                   : std::string("..."))
                           << " has sizes " << it->second << " and " << dim;
      }
    }
  }
  SmallVector<int64_t> dims;
  for (int64_t label : outputLabels)
    dims.push_back(sizes.count(label) ? sizes[label] : 1);
  return refineDims(*this, 0, dims, elementType);
}

LogicalResult DetOp::inferShapes() {
  Type elementType = getElementType(getX());
  auto shape = getRankedShape(getX());
  if (!shape)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  if (shape->size() < 2)
    return emitError() << "input must have rank 2 or more, got rank "
                       << shape->size();
  int64_t m = (*shape)[shape->size() - 2], n = shape->back();
  if (m != kDyn && n != kDyn && m != n)
    return emitError() << "input matrices must be square, got " << m << "x"
                       << n;
  SmallVector<int64_t> dims(shape->begin(), shape->end() - 2);
  return refineDims(*this, 0, dims, elementType);
}

} // namespace onnxc::onnx
