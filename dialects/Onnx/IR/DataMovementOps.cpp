//===- DataMovementOps.cpp - shape, layout and constant ops ---------------===//
//
// Shape inference, verifiers and folders of the ops in
// OnnxDataMovementOps.td. Folders only evaluate small integer tensors (shape
// computations); large data is left to the lowering.
//
//===----------------------------------------------------------------------===//

#include "dialects/Onnx/IR/OnnxOps.h"
#include "dialects/Onnx/IR/SequenceTypes.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;

namespace onnxc::onnx {
namespace {

constexpr int64_t kDyn = ShapedType::kDynamic;
/// Folders give up on tensors larger than this.
constexpr int64_t kMaxFoldElements = 1 << 16;

/// The element count of `dims`; kDyn when a dim is dynamic or the count
/// overflows (the result type's own check then refuses it).
int64_t product(ArrayRef<int64_t> dims) {
  int64_t p = 1;
  for (int64_t d : dims) {
    if (d == kDyn || __builtin_mul_overflow(p, d, &p))
      return kDyn;
  }
  return p;
}

Type i64Type(MLIRContext *ctx) { return IntegerType::get(ctx, 64); }

/// Builds an integer elements attr of `type` from int64 values.
DenseElementsAttr makeIntAttr(RankedTensorType type, ArrayRef<int64_t> values) {
  auto intType = dyn_cast<IntegerType>(type.getElementType());
  if (!intType)
    return {};
  SmallVector<APInt> ints;
  for (int64_t v : values)
    ints.push_back(APInt(intType.getWidth(), v, /*isSigned=*/true,
                         /*implicitTrunc=*/true));
  return DenseElementsAttr::get(type, ints);
}

DenseElementsAttr getDense(Attribute attr) {
  return dyn_cast_or_null<DenseElementsAttr>(attr);
}

RankedTensorType staticResultType(Operation *op, unsigned idx = 0) {
  auto type = dyn_cast<RankedTensorType>(op->getResult(idx).getType());
  if (!type || !type.hasStaticShape() ||
      type.getNumElements() > kMaxFoldElements)
    return {};
  return type;
}

} // namespace

//===----------------------------------------------------------------------===//
// Reshape, Flatten, Transpose, Squeeze, Unsqueeze
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::inferShapes() {
  Type elementType = getElementType(getData());
  auto shapeType = dyn_cast<RankedTensorType>(getShape().getType());
  if (!shapeType || shapeType.getRank() != 1 || shapeType.isDynamicDim(0))
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  int64_t rank = shapeType.getDimSize(0);
  if (failed(checkShapeLength(*this, rank)))
    return failure();
  auto target = getConstantInts(getShape());
  if (!target)
    return refineResultType(
        *this, 0,
        RankedTensorType::get(SmallVector<int64_t>(rank, kDyn), elementType));
  auto in = getRankedShape(getData());
  SmallVector<int64_t> dims;
  int64_t inferIndex = -1, known = 1;
  for (int64_t i = 0; i < rank; ++i) {
    int64_t d = (*target)[i];
    if (d == -1) {
      if (inferIndex >= 0)
        return emitError() << "shape has more than one -1";
      inferIndex = i;
      dims.push_back(kDyn);
      continue;
    }
    if (d < -1)
      return emitError() << "shape value " << d << " is invalid";
    if (d == 0 && !getAllowzero()) {
      if (!in)
        d = kDyn;
      else if (i >= static_cast<int64_t>(in->size()))
        return emitError() << "shape has 0 at index " << i
                           << " but the input has rank " << in->size();
      else
        d = (*in)[i];
    }
    dims.push_back(d);
    if (d == kDyn)
      known = kDyn;
    else if (known != kDyn && __builtin_mul_overflow(known, d, &known))
      return emitError() << "shape " << llvm::make_range(target->begin(),
                                                          target->end())
                         << " has more elements than int64 can count";
  }
  int64_t total = in ? product(*in) : kDyn;
  if (inferIndex >= 0 && known != kDyn && total != kDyn) {
    if (known == 0 || total % known != 0)
      return emitError() << "cannot reshape " << total << " elements into "
                         << "a shape with " << known << " elements and a -1";
    dims[inferIndex] = total / known;
  } else if (inferIndex < 0 && known != kDyn && total != kDyn &&
             known != total) {
    return emitError() << "cannot reshape " << total << " elements into "
                       << known << " elements";
  }
  return refineResultType(*this, 0, RankedTensorType::get(dims, elementType));
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  auto data = getDense(adaptor.getData());
  auto type = staticResultType(*this);
  if (!data || !type)
    return {};
  return data.reshape(type);
}

LogicalResult FlattenOp::inferShapes() {
  Type elementType = getElementType(getInput());
  auto in = getRankedShape(getInput());
  if (!in)
    return refineResultType(*this, 0,
                            RankedTensorType::get({kDyn, kDyn}, elementType));
  int64_t rank = in->size();
  int64_t axis = getAxis();
  if (axis < -rank || axis > rank)
    return emitError() << "axis " << axis << " is out of range for rank "
                       << rank;
  if (axis < 0)
    axis += rank;
  ArrayRef<int64_t> dims(*in);
  return refineResultType(
      *this, 0,
      RankedTensorType::get({product(dims.take_front(axis)),
                             product(dims.drop_front(axis))},
                            elementType));
}

LogicalResult TransposeOp::inferShapes() {
  Type elementType = getElementType(getData());
  auto in = getRankedShape(getData());
  if (!in)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  size_t rank = in->size();
  SmallVector<int64_t> perm(getPerm());
  if (perm.empty())
    for (size_t i = 0; i < rank; ++i)
      perm.push_back(rank - 1 - i);
  if (perm.size() != rank)
    return emitError() << "perm has " << perm.size() << " values, input has rank "
                       << rank;
  llvm::SmallBitVector seen(rank);
  SmallVector<int64_t> dims;
  for (int64_t p : perm) {
    if (p < 0 || p >= static_cast<int64_t>(rank) || seen.test(p))
      return emitError() << "perm is not a permutation of 0.." << rank - 1;
    seen.set(p);
    dims.push_back((*in)[p]);
  }
  return refineResultType(*this, 0, RankedTensorType::get(dims, elementType));
}

LogicalResult SqueezeOp::inferShapes() {
  Type elementType = getElementType(getData());
  auto in = getRankedShape(getData());
  if (!in)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  int64_t rank = in->size();
  llvm::SmallBitVector drop(rank);
  if (isNoValue(getAxes())) {
    for (int64_t i = 0; i < rank; ++i) {
      if ((*in)[i] == kDyn)
        return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
      if ((*in)[i] == 1)
        drop.set(i);
    }
  } else {
    auto axes = getConstantInts(getAxes());
    if (!axes) {
      // Axes known at run time: the rank is still known when their count is.
      auto axesType = dyn_cast<RankedTensorType>(getAxes().getType());
      if (!axesType || axesType.getRank() != 1 || axesType.isDynamicDim(0))
        return refineResultType(*this, 0,
                                UnrankedTensorType::get(elementType));
      if (axesType.getDimSize(0) > rank)
        return emitError() << "axes has " << axesType.getDimSize(0)
                           << " values, input has rank " << rank;
      return refineResultType(
          *this, 0,
          RankedTensorType::get(
              SmallVector<int64_t>(rank - axesType.getDimSize(0), kDyn),
              elementType));
    }
    for (int64_t a : *axes) {
      auto axis = normalizeAxis(*this, a, rank, "axis");
      if (failed(axis))
        return failure();
      if ((*in)[*axis] != 1 && (*in)[*axis] != kDyn)
        return emitError() << "cannot squeeze axis " << *axis << " of size "
                           << (*in)[*axis];
      drop.set(*axis);
    }
  }
  SmallVector<int64_t> dims;
  for (int64_t i = 0; i < rank; ++i)
    if (!drop.test(i))
      dims.push_back((*in)[i]);
  return refineResultType(*this, 0, RankedTensorType::get(dims, elementType));
}

OpFoldResult SqueezeOp::fold(FoldAdaptor adaptor) {
  auto data = getDense(adaptor.getData());
  auto type = staticResultType(*this);
  return data && type ? data.reshape(type) : OpFoldResult();
}

LogicalResult UnsqueezeOp::inferShapes() {
  Type elementType = getElementType(getData());
  auto in = getRankedShape(getData());
  auto axes = getConstantInts(getAxes());
  if (in && !axes) {
    // Axes known at run time: the rank is still known when their count is.
    auto axesType = dyn_cast<RankedTensorType>(getAxes().getType());
    if (axesType && axesType.getRank() == 1 && !axesType.isDynamicDim(0)) {
      int64_t rank = in->size() + axesType.getDimSize(0);
      if (failed(checkShapeLength(*this, rank)))
        return failure();
      return refineResultType(
          *this, 0,
          RankedTensorType::get(SmallVector<int64_t>(rank, kDyn), elementType));
    }
  }
  if (!in || !axes)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  int64_t rank = in->size() + axes->size();
  llvm::SmallBitVector inserted(rank);
  for (int64_t a : *axes) {
    auto axis = normalizeAxis(*this, a, rank, "axis");
    if (failed(axis))
      return failure();
    if (inserted.test(*axis))
      return emitError() << "axes has duplicate value " << a;
    inserted.set(*axis);
  }
  SmallVector<int64_t> dims;
  for (int64_t i = 0, j = 0; i < rank; ++i)
    dims.push_back(inserted.test(i) ? 1 : (*in)[j++]);
  return refineResultType(*this, 0, RankedTensorType::get(dims, elementType));
}

OpFoldResult UnsqueezeOp::fold(FoldAdaptor adaptor) {
  auto data = getDense(adaptor.getData());
  auto type = staticResultType(*this);
  return data && type ? data.reshape(type) : OpFoldResult();
}

//===----------------------------------------------------------------------===//
// Concat, Split, Slice, Gather
//===----------------------------------------------------------------------===//

LogicalResult ConcatOp::inferShapes() {
  if (getInputs().empty())
    return emitError() << "needs at least one input";
  Type elementType = getElementType(getInputs()[0]);
  std::optional<SmallVector<int64_t>> dims;
  int64_t axis = 0;
  for (Value input : getInputs()) {
    if (getElementType(input) != elementType)
      return emitError() << "inputs have different element types";
    auto shape = getRankedShape(input);
    if (!shape)
      return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
    if (!dims) {
      if (failed(verifyNotScalar(*this, input)))
        return failure();
      auto normalized = normalizeAxis(*this, getAxis(), shape->size(), "axis");
      if (failed(normalized))
        return failure();
      axis = *normalized;
      dims = *shape;
      continue;
    }
    if (shape->size() != dims->size())
      return emitError() << "inputs have different ranks";
    for (size_t i = 0; i < shape->size(); ++i) {
      int64_t &d = (*dims)[i];
      int64_t s = (*shape)[i];
      if (static_cast<int64_t>(i) == axis) {
        if (d != kDyn && s != kDyn && __builtin_add_overflow(d, s, &d))
          return emitError() << "the concatenated dimension " << i
                             << " overflows int64";
        if (s == kDyn)
          d = kDyn;
      } else if (d == kDyn)
        d = s;
      else if (s != kDyn && s != d)
        return emitError() << "inputs differ in dimension " << i << ": " << d
                           << " and " << s;
    }
  }
  return refineResultType(*this, 0, RankedTensorType::get(*dims, elementType));
}

OpFoldResult ConcatOp::fold(FoldAdaptor adaptor) {
  auto type = staticResultType(*this);
  if (!type || type.getRank() != 1 || !isa<IntegerType>(type.getElementType()))
    return {};
  SmallVector<int64_t> values;
  for (Value input : getInputs()) {
    auto ints = getConstantInts(input);
    if (!ints)
      return {};
    values.append(*ints);
  }
  return makeIntAttr(type, values);
}

LogicalResult SplitOp::inferShapes() {
  Type elementType = getElementType(getInput());
  auto in = getRankedShape(getInput());
  unsigned n = getNumResults();
  auto unranked = [&]() -> LogicalResult {
    for (unsigned i = 0; i < n; ++i)
      if (failed(refineResultType(*this, i, UnrankedTensorType::get(elementType))))
        return failure();
    return success();
  };
  if (!in)
    return unranked();
  if (failed(verifyNotScalar(*this, getInput())))
    return failure();
  auto axis = normalizeAxis(*this, getAxis(), in->size(), "axis");
  if (failed(axis))
    return failure();
  int64_t size = (*in)[*axis];
  SmallVector<int64_t> sizes;
  if (!isNoValue(getSplit())) {
    auto split = getConstantInts(getSplit());
    if (!split) {
      sizes.assign(n, kDyn);
    } else {
      if (split->size() != n)
        return emitError() << "split has " << split->size()
                           << " values for " << n << " outputs";
      int64_t sum = 0;
      for (int64_t s : *split) {
        if (s < 0)
          return emitError() << "split values must not be negative";
        if (__builtin_add_overflow(sum, s, &sum))
          return emitError() << "split values overflow when added";
      }
      if (size != kDyn && sum != size)
        return emitError() << "split values sum to " << sum
                           << ", dimension " << *axis << " has size " << size;
      sizes = *split;
    }
  } else if (size == kDyn) {
    sizes.assign(n, kDyn);
  } else {
    int64_t chunk = (size + n - 1) / n;
    if (getNumOutputs() && *getNumOutputs() != n)
      return emitError() << "num_outputs is " << *getNumOutputs() << " but the node has "
                         << n << " outputs";
    for (unsigned i = 0; i < n; ++i)
      sizes.push_back(std::max<int64_t>(0, std::min(chunk, size - i * chunk)));
  }
  for (unsigned i = 0; i < n; ++i) {
    SmallVector<int64_t> dims(*in);
    dims[*axis] = sizes[i];
    if (failed(refineResultType(*this, i, RankedTensorType::get(dims, elementType))))
      return failure();
  }
  return success();
}

/// Clamped ONNX Slice bounds of one axis: start, number of elements.
static std::pair<int64_t, int64_t> sliceBounds(int64_t dim, int64_t start,
                                               int64_t end, int64_t step) {
  auto clampIndex = [&](int64_t v, int64_t lo, int64_t hi) {
    if (v < 0)
      v += dim;
    return std::max(lo, std::min(v, hi));
  };
  // Counts without overflow for any step (e - s + step - 1 overflows for a
  // step near INT64_MAX; -INT64_MIN is not an int64_t).
  if (step > 0) {
    int64_t s = clampIndex(start, 0, dim), e = clampIndex(end, 0, dim);
    return {s, e > s ? (e - s - 1) / step + 1 : 0};
  }
  int64_t s = clampIndex(start, 0, dim - 1), e = clampIndex(end, -1, dim - 1);
  if (end < -dim)
    e = -1;
  uint64_t magnitude = 0 - static_cast<uint64_t>(step);
  return {s, s > e ? static_cast<int64_t>(static_cast<uint64_t>(s - e - 1) / magnitude + 1)
                   : 0};
}

LogicalResult SliceOp::inferShapes() {
  Type elementType = getElementType(getData());
  auto in = getRankedShape(getData());
  if (!in)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  int64_t rank = in->size();
  if (failed(verifyOneDim(*this, getStarts(), "starts")) ||
      failed(verifyOneDim(*this, getEnds(), "ends")) ||
      failed(verifyOneDim(*this, getAxes(), "axes")) ||
      failed(verifyOneDim(*this, getSteps(), "steps")))
    return failure();
  auto starts = getConstantInts(getStarts());
  auto ends = getConstantInts(getEnds());
  std::optional<SmallVector<int64_t>> axes, steps;
  if (isNoValue(getAxes())) {
    axes = SmallVector<int64_t>();
    auto startsShape = getRankedShape(getStarts());
    if (startsShape && startsShape->size() == 1 && (*startsShape)[0] != kDyn) {
      // Without axes, starts names axes 0..n-1: at most the rank of them
      // (checked before the list is built: the length may be 2^40).
      if ((*startsShape)[0] > rank)
        return emitError() << "starts has " << (*startsShape)[0]
                           << " values but axes is not given and the input has rank "
                           << rank;
      for (int64_t i = 0; i < (*startsShape)[0]; ++i)
        axes->push_back(i);
    } else
      axes = std::nullopt;
  } else {
    axes = getConstantInts(getAxes());
  }
  if (!isNoValue(getSteps()))
    steps = getConstantInts(getSteps());
  else if (axes)
    steps = SmallVector<int64_t>(axes->size(), 1);
  SmallVector<int64_t> dims(*in);
  if (!axes) {
    return refineResultType(
        *this, 0,
        RankedTensorType::get(SmallVector<int64_t>(rank, kDyn), elementType));
  }
  for (size_t i = 0; i < axes->size(); ++i) {
    auto axis = normalizeAxis(*this, (*axes)[i], rank, "axis");
    if (failed(axis))
      return failure();
    if (!starts || !ends || !steps || (*in)[*axis] == kDyn) {
      dims[*axis] = kDyn;
      continue;
    }
    if (starts->size() != axes->size() || ends->size() != axes->size() ||
        steps->size() != axes->size())
      return emitError() << "starts, ends, axes and steps must have the same "
                            "length";
    if ((*steps)[i] == 0)
      return emitError() << "steps must not be 0";
    dims[*axis] =
        sliceBounds((*in)[*axis], (*starts)[i], (*ends)[i], (*steps)[i]).second;
  }
  return refineResultType(*this, 0, RankedTensorType::get(dims, elementType));
}

OpFoldResult SliceOp::fold(FoldAdaptor adaptor) {
  auto type = staticResultType(*this);
  auto data = getConstantInts(getData());
  auto in = getRankedShape(getData());
  auto starts = getConstantInts(getStarts());
  auto steps = isNoValue(getSteps()) ? std::optional<SmallVector<int64_t>>(
                                           SmallVector<int64_t>{1})
                                     : getConstantInts(getSteps());
  if (!type || type.getRank() != 1 || !data || !in || in->size() != 1 ||
      !starts || starts->size() != 1 || !steps || steps->size() != 1)
    return {};
  auto ends = getConstantInts(getEnds());
  if (!ends)
    return {};
  auto [start, count] = sliceBounds((*in)[0], (*starts)[0], (*ends)[0], (*steps)[0]);
  SmallVector<int64_t> values;
  for (int64_t i = 0; i < count; ++i)
    values.push_back((*data)[start + i * (*steps)[0]]);
  return makeIntAttr(type, values);
}

LogicalResult GatherOp::inferShapes() {
  if (failed(verifyNotScalar(*this, getData())))
    return failure();
  Type elementType = getElementType(getData());
  auto data = getRankedShape(getData());
  auto indices = getRankedShape(getIndices());
  if (!data || !indices)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  auto axis = normalizeAxis(*this, getAxis(), data->size(), "axis");
  if (failed(axis))
    return failure();
  if (auto constant = getConstantInts(getIndices())) {
    int64_t size = (*data)[*axis];
    for (int64_t index : *constant)
      if (size != kDyn && (index < -size || index >= size))
        return emitError() << "index " << index << " is out of range for axis "
                           << *axis << " of size " << size;
  }
  SmallVector<int64_t> dims(data->begin(), data->begin() + *axis);
  dims.append(*indices);
  dims.append(data->begin() + *axis + 1, data->end());
  return refineResultType(*this, 0, RankedTensorType::get(dims, elementType));
}

OpFoldResult GatherOp::fold(FoldAdaptor adaptor) {
  auto type = staticResultType(*this);
  auto data = getConstantInts(getData());
  auto indices = getConstantInts(getIndices());
  auto dataShape = getRankedShape(getData());
  if (!type || !data || !indices || !dataShape || dataShape->size() != 1)
    return {};
  int64_t size = (*dataShape)[0];
  SmallVector<int64_t> values;
  for (int64_t index : *indices) {
    if (index < -size || index >= size)
      return {};
    values.push_back((*data)[index < 0 ? index + size : index]);
  }
  return makeIntAttr(type, values);
}

//===----------------------------------------------------------------------===//
// Expand, Pad, Tile
//===----------------------------------------------------------------------===//

LogicalResult ExpandOp::inferShapes() {
  Type elementType = getElementType(getInput());
  auto in = getRankedShape(getInput());
  auto shapeType = dyn_cast<RankedTensorType>(getShape().getType());
  if (!in || !shapeType || shapeType.getRank() != 1 ||
      shapeType.isDynamicDim(0))
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  if (failed(checkShapeLength(*this, shapeType.getDimSize(0))))
    return failure();
  auto target = getConstantInts(getShape());
  SmallVector<int64_t> targetDims =
      target ? *target : SmallVector<int64_t>(shapeType.getDimSize(0), kDyn);
  if (!target) {
    // Unknown target values: only the rank is known, and dims of the input
    // that are not 1 survive.
    size_t rank = std::max(in->size(), targetDims.size());
    SmallVector<int64_t> dims(rank, kDyn);
    for (size_t i = 0; i < in->size(); ++i) {
      int64_t d = (*in)[i];
      if (d != 1)
        dims[rank - in->size() + i] = d;
    }
    return refineResultType(*this, 0, RankedTensorType::get(dims, elementType));
  }
  auto dims = broadcastShapes(*this, *in, targetDims);
  if (failed(dims))
    return failure();
  return refineResultType(*this, 0, RankedTensorType::get(*dims, elementType));
}

LogicalResult PadOp::verify() {
  StringRef mode = getMode();
  if (mode != "constant" && mode != "reflect" && mode != "edge" &&
      mode != "wrap")
    return emitOpError() << "mode \"" << mode
                         << "\" is not one of constant, reflect, edge, wrap";
  return success();
}

LogicalResult PadOp::inferShapes() {
  Type elementType = getElementType(getData());
  auto in = getRankedShape(getData());
  if (!in)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  int64_t rank = in->size();
  auto pads = getConstantInts(getPads());
  SmallVector<int64_t> axes;
  if (isNoValue(getAxes())) {
    for (int64_t i = 0; i < rank; ++i)
      axes.push_back(i);
  } else if (auto constAxes = getConstantInts(getAxes())) {
    for (int64_t a : *constAxes) {
      auto axis = normalizeAxis(*this, a, rank, "axis");
      if (failed(axis))
        return failure();
      axes.push_back(*axis);
    }
  } else {
    // Axes known only at run time are still at most the rank of them (the
    // lowering sizes its lists by their static length, which may be 2^40).
    auto axesShape = getRankedShape(getAxes());
    if (axesShape && axesShape->size() == 1 && (*axesShape)[0] != kDyn &&
        (*axesShape)[0] > rank)
      return emitError() << "axes has " << (*axesShape)[0]
                         << " values for an input of rank " << rank;
    return refineResultType(
        *this, 0,
        RankedTensorType::get(SmallVector<int64_t>(rank, kDyn), elementType));
  }
  SmallVector<int64_t> dims(*in);
  if (!pads) {
    for (int64_t a : axes)
      dims[a] = kDyn;
    return refineResultType(*this, 0, RankedTensorType::get(dims, elementType));
  }
  if (pads->size() != 2 * axes.size())
    return emitError() << "pads has " << pads->size() << " values, expected "
                       << 2 * axes.size();
  for (size_t i = 0; i < axes.size(); ++i) {
    int64_t &d = dims[axes[i]];
    if (d == kDyn)
      continue;
    if (__builtin_add_overflow(d, (*pads)[i], &d) ||
        __builtin_add_overflow(d, (*pads)[i + axes.size()], &d))
      return emitError() << "pads make dimension " << axes[i] << " overflow";
    if (d < 0)
      return emitError() << "pads make dimension " << axes[i] << " negative";
  }
  return refineResultType(*this, 0, RankedTensorType::get(dims, elementType));
}

LogicalResult TileOp::inferShapes() {
  Type elementType = getElementType(getInput());
  auto in = getRankedShape(getInput());
  if (!in)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  SmallVector<int64_t> dims(*in);
  auto repeats = getConstantInts(getRepeats());
  if (repeats && repeats->size() != in->size())
    return emitError() << "repeats has " << repeats->size()
                       << " values, input has rank " << in->size();
  for (size_t i = 0; i < dims.size(); ++i) {
    if (!repeats || dims[i] == kDyn) {
      dims[i] = kDyn;
      continue;
    }
    if ((*repeats)[i] < 0)
      return emitError() << "repeats must not be negative";
    if (__builtin_mul_overflow(dims[i], (*repeats)[i], &dims[i]))
      return emitError() << "dimension " << i << " times its repeats "
                         << (*repeats)[i] << " overflows int64";
  }
  return refineResultType(*this, 0, RankedTensorType::get(dims, elementType));
}

//===----------------------------------------------------------------------===//
// Shape, Size, ConstantOfShape, Range
//===----------------------------------------------------------------------===//

/// The [start, end) range of dims that Shape returns.
static std::pair<int64_t, int64_t> shapeRange(ShapeOp op, int64_t rank) {
  auto clampDim = [&](int64_t v) {
    if (v < 0)
      v += rank;
    return std::max<int64_t>(0, std::min(v, rank));
  };
  int64_t start = clampDim(op.getStart().value_or(0));
  int64_t end = clampDim(op.getEnd().value_or(rank));
  return {start, std::max(start, end)};
}

LogicalResult ShapeOp::inferShapes() {
  auto in = getRankedShape(getData());
  Type i64 = i64Type(getContext());
  if (!in)
    return refineResultType(*this, 0, RankedTensorType::get({kDyn}, i64));
  auto [start, end] = shapeRange(*this, in->size());
  return refineResultType(*this, 0, RankedTensorType::get({end - start}, i64));
}

OpFoldResult ShapeOp::fold(FoldAdaptor) {
  auto in = getRankedShape(getData());
  auto type = staticResultType(*this);
  if (!in || !type)
    return {};
  auto [start, end] = shapeRange(*this, in->size());
  ArrayRef<int64_t> dims = ArrayRef<int64_t>(*in).slice(start, end - start);
  if (llvm::is_contained(dims, kDyn))
    return {};
  return makeIntAttr(type, dims);
}

LogicalResult SizeOp::inferShapes() {
  return refineResultType(*this, 0,
                          RankedTensorType::get({}, i64Type(getContext())));
}

OpFoldResult SizeOp::fold(FoldAdaptor) {
  auto in = getRankedShape(getData());
  if (!in || product(*in) == kDyn)
    return {};
  return makeIntAttr(RankedTensorType::get({}, i64Type(getContext())),
                     {product(*in)});
}

LogicalResult ConstantOfShapeOp::inferShapes() {
  Type elementType = Float32Type::get(getContext());
  if (auto value = getValueAttr()) {
    if (value.getNumElements() != 1)
      return emitError() << "value must have exactly one element";
    elementType = value.getElementType();
  }
  auto shapeType = dyn_cast<RankedTensorType>(getInput().getType());
  if (!shapeType || shapeType.getRank() != 1 || shapeType.isDynamicDim(0))
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  if (failed(checkShapeLength(*this, shapeType.getDimSize(0))))
    return failure();
  auto dims = getConstantInts(getInput());
  if (!dims)
    return refineResultType(
        *this, 0,
        RankedTensorType::get(
            SmallVector<int64_t>(shapeType.getDimSize(0), kDyn), elementType));
  for (int64_t d : *dims)
    if (d < 0)
      return emitError() << "shape value " << d << " is negative";
  return refineResultType(*this, 0, RankedTensorType::get(*dims, elementType));
}

LogicalResult RangeOp::inferShapes() {
  Type elementType = getElementType(getStart());
  auto start = getConstantInts(getStart()), limit = getConstantInts(getLimit()),
       delta = getConstantInts(getDelta());
  int64_t n = kDyn;
  if (start && limit && delta && start->size() == 1 && limit->size() == 1 &&
      delta->size() == 1) {
    if ((*delta)[0] == 0)
      return emitError() << "delta must not be 0";
    // ceil((limit - start) / delta) in 128 bits: the span of two int64
    // values and the rounding term overflow 64 bits.
    __int128 span = static_cast<__int128>((*limit)[0]) - (*start)[0];
    __int128 d = (*delta)[0];
    __int128 count = (span + d - (d > 0 ? 1 : -1)) / d;
    if (count > std::numeric_limits<int64_t>::max())
      return emitError() << "the range has more elements than int64 can count";
    n = count > 0 ? static_cast<int64_t>(count) : 0;
  }
  return refineResultType(*this, 0, RankedTensorType::get({n}, elementType));
}

//===----------------------------------------------------------------------===//
// Constant, NoValue, If
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::verify() {
  if (getValue().getType() != getOutput().getType())
    return emitOpError() << "value has type " << getValue().getType()
                         << ", result " << getOutput().getType();
  return success();
}

LogicalResult ConstantOp::inferShapes() {
  return refineResultType(*this, 0, getValue().getType());
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValueAttr(); }

// `onnx.Constant dense<...> : tensor<...>`: the value's type is the result's.
ParseResult ConstantOp::parse(OpAsmParser &parser, OperationState &result) {
  ElementsAttr value;
  if (parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseAttribute(value))
    return failure();
  result.addAttribute("value", value);
  result.addTypes(value.getType());
  return success();
}

void ConstantOp::print(OpAsmPrinter &printer) {
  printer.printOptionalAttrDict((*this)->getAttrs(), {"value"});
  printer << ' ';
  printer.printAttribute(getValueAttr());
}

OpFoldResult NoValueOp::fold(FoldAdaptor) {
  return UnitAttr::get(getContext());
}

LogicalResult IfOp::verify() {
  for (Region *region : {&getThenBranch(), &getElseBranch()}) {
    auto yield = dyn_cast<YieldOp>(region->front().getTerminator());
    if (!yield)
      return emitOpError() << "branches must end in onnx.Yield";
    if (yield.getNumOperands() != getNumResults())
      return emitOpError() << (region == &getThenBranch() ? "then_branch"
                                                          : "else_branch")
                           << " has " << yield.getNumOperands()
                           << " outputs, the node has " << getNumResults();
  }
  return success();
}

LogicalResult IfOp::inferShapes() {
  auto condShape = getRankedShape(getCond());
  if (condShape && product(*condShape) != 1 && product(*condShape) != kDyn)
    return emitError() << "cond must have exactly one element";
  auto thenYield = cast<YieldOp>(getThenBranch().front().getTerminator());
  auto elseYield = cast<YieldOp>(getElseBranch().front().getTerminator());
  for (unsigned i = 0; i < getNumResults(); ++i) {
    Type thenType = thenYield.getOperand(i).getType();
    Type elseType = elseYield.getOperand(i).getType();
    if (!isa<TensorType>(thenType) || !isa<TensorType>(elseType)) {
      // Sequences and optionals: the same kind and element type.
      Type joined = joinValueTypes(thenType, elseType);
      if (!joined)
        return emitError() << "branches give output " << i
                           << " different types: " << thenType << " and "
                           << elseType;
      getResult(i).setType(joined);
      continue;
    }
    auto a = cast<TensorType>(thenType);
    auto b = cast<TensorType>(elseType);
    if (a.getElementType() != b.getElementType())
      return emitError() << "branches give output " << i
                         << " different element types: " << a.getElementType()
                         << " and " << b.getElementType();
    Type joined;
    if (!a.hasRank() || !b.hasRank() || a.getRank() != b.getRank()) {
      joined = UnrankedTensorType::get(a.getElementType());
    } else {
      SmallVector<int64_t> dims;
      for (auto [x, y] : llvm::zip(a.getShape(), b.getShape()))
        dims.push_back(x == y ? x : kDyn);
      joined = RankedTensorType::get(dims, a.getElementType());
    }
    // The joined type may be less precise than what an earlier pass set.
    getResult(i).setType(joined);
  }
  return success();
}

} // namespace onnxc::onnx
