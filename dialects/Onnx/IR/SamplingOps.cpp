//===- SamplingOps.cpp - resampling, region and signal ops ----------------===//
//
// Verifiers and shape inference of Resize, Upsample, GridSample, RoiAlign,
// MaxUnpool, DeformConv, AffineGrid, Col2Im, the signal windows, DFT, STFT,
// MelWeightMatrix and the random ops (OnnxTensorOps.td).
//
//===----------------------------------------------------------------------===//

#include "dialects/Onnx/IR/OnnxOps.h"
#include "dialects/Onnx/IR/TensorOpsHelpers.h"

#include <cmath>

using namespace mlir;

namespace onnxc::onnx {

using namespace tensorops;

//===----------------------------------------------------------------------===//
// Resize, Upsample, GridSample, AffineGrid, Col2Im
//===----------------------------------------------------------------------===//

LogicalResult ResizeOp::verify() {
  if (failed(verifyOneOf(*this, "mode", getMode(),
                         {"nearest", "linear", "cubic"})) ||
      failed(verifyOneOf(*this, "coordinate_transformation_mode",
                         getCoordinateTransformationMode(),
                         {"half_pixel", "half_pixel_symmetric",
                          "pytorch_half_pixel", "align_corners", "asymmetric",
                          "tf_crop_and_resize", "tf_half_pixel_for_nn"})) ||
      failed(verifyOneOf(
          *this, "nearest_mode", getNearestMode(),
          {"round_prefer_floor", "round_prefer_ceil", "floor", "ceil"})) ||
      failed(verifyOneOf(*this, "keep_aspect_ratio_policy",
                         getKeepAspectRatioPolicy(),
                         {"stretch", "not_larger", "not_smaller"})))
    return failure();
  if (getAntialias() != 0 && getAntialias() != 1)
    return emitOpError() << "antialias must be 0 or 1, got " << getAntialias();
  if (isNoValue(getScales()) && isNoValue(getSizes()))
    return emitOpError() << "needs scales or sizes";
  return success();
}

LogicalResult ResizeOp::inferShapes() {
  Type elementType = getElementType(getX());
  auto shape = getRankedShape(getX());
  if (!shape)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  int64_t rank = shape->size();
  SmallVector<int64_t> axes;
  if (auto attr = getAxes()) {
    for (int64_t a : *attr) {
      auto axis = normalizeAxis(*this, a, rank, "axis");
      if (failed(axis))
        return failure();
      if (llvm::is_contained(axes, *axis))
        return emitError() << "axes has " << *axis << " twice";
      axes.push_back(*axis);
    }
  } else {
    for (int64_t i = 0; i < rank; ++i)
      axes.push_back(i);
  }
  int64_t n = axes.size();
  SmallVector<int64_t> out(n, kDyn);
  // scales may be an empty tensor when sizes is given (opset 11-12).
  auto scalesShape = getRankedShape(getScales());
  bool useSizes =
      !isNoValue(getSizes()) &&
      (isNoValue(getScales()) ||
       (scalesShape && scalesShape->size() == 1 && (*scalesShape)[0] == 0));
  if (useSizes) {
    if (auto sizes = getConstantInts(getSizes())) {
      if (static_cast<int64_t>(sizes->size()) != n)
        return emitError() << "sizes has " << sizes->size() << " values, " << n
                           << " axes";
      StringRef policy = getKeepAspectRatioPolicy();
      if (policy == "stretch") {
        out = *sizes;
      } else {
        std::optional<double> scale;
        for (int64_t i = 0; i < n && shape; ++i) {
          int64_t in = (*shape)[axes[i]];
          if (in == kDyn) {
            scale.reset();
            break;
          }
          double s = static_cast<double>((*sizes)[i]) / in;
          if (!scale)
            scale = s;
          else
            scale = policy == "not_larger" ? std::min(*scale, s)
                                           : std::max(*scale, s);
        }
        if (scale)
          for (int64_t i = 0; i < n; ++i) {
            auto size = toSize(*this, *scale * (*shape)[axes[i]] + 0.5);
            if (failed(size))
              return failure();
            out[i] = *size;
          }
      }
    }
  } else if (auto scales = getConstantValues(getScales())) {
    if (static_cast<int64_t>(scales->size()) != n)
      return emitError() << "scales has " << scales->size() << " values, " << n
                         << " axes";
    for (int64_t i = 0; i < n; ++i) {
      if ((*scales)[i] <= 0)
        return emitError() << "scales must be positive, got " << (*scales)[i];
      int64_t in = (*shape)[axes[i]];
      if (in != kDyn) {
        auto size = toSize(*this, std::floor((*scales)[i] * in));
        if (failed(size))
          return failure();
        out[i] = *size;
      }
    }
  }
  return refineWithDims(*this, getX(), elementType, axes, out);
}

LogicalResult UpsampleOp::verify() {
  return verifyOneOf(*this, "mode", getMode(),
                     {"nearest", "linear", "bilinear"});
}

LogicalResult UpsampleOp::inferShapes() {
  Type elementType = getElementType(getX());
  auto shape = getRankedShape(getX());
  if (!shape)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  int64_t rank = shape->size();
  SmallVector<int64_t> axes, out(rank, kDyn);
  for (int64_t i = 0; i < rank; ++i)
    axes.push_back(i);
  if (auto scales = getConstantValues(getScales())) {
    if (static_cast<int64_t>(scales->size()) != rank)
      return emitError() << "scales has " << scales->size()
                         << " values, the input has rank " << rank;
    for (int64_t i = 0; i < rank; ++i)
      if ((*shape)[i] != kDyn) {
        auto size = toSize(*this, std::floor((*scales)[i] * (*shape)[i]));
        if (failed(size))
          return failure();
        out[i] = *size;
      }
  }
  return refineWithDims(*this, getX(), elementType, axes, out);
}

LogicalResult GridSampleOp::verify() {
  if (failed(
          verifyOneOf(*this, "mode", getMode(),
                      {"linear", "nearest", "cubic", "bilinear", "bicubic"})))
    return failure();
  return verifyOneOf(*this, "padding_mode", getPaddingMode(),
                     {"zeros", "border", "reflection"});
}

LogicalResult GridSampleOp::inferShapes() {
  Type elementType = getElementType(getX());
  auto x = getRankedShape(getX());
  auto grid = getRankedShape(getGrid());
  if (!x || !grid)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  if (failed(inferSpatialRank(*this, *x, 3)))
    return failure();
  if (grid->size() != x->size() ||
      (grid->back() != kDyn &&
       grid->back() != static_cast<int64_t>(x->size()) - 2))
    return emitError() << "grid must have rank " << x->size()
                       << " and a last dim of " << x->size() - 2;
  SmallVector<int64_t> dims = {(*grid)[0] != kDyn ? (*grid)[0] : (*x)[0],
                               (*x)[1]};
  dims.append(grid->begin() + 1, grid->end() - 1);
  return refineDims(*this, 0, dims, elementType);
}

LogicalResult RoiAlignOp::verify() {
  if (failed(verifyOneOf(*this, "mode", getMode(), {"avg", "max"})) ||
      failed(verifyOneOf(*this, "coordinate_transformation_mode",
                         getCoordinateTransformationMode(),
                         {"half_pixel", "output_half_pixel"})))
    return failure();
  if (getOutputHeight() <= 0 || getOutputWidth() <= 0)
    return emitOpError() << "output_height and output_width must be positive";
  if (getSamplingRatio() < 0)
    return emitOpError() << "sampling_ratio must not be negative, got "
                         << getSamplingRatio();
  return success();
}

LogicalResult RoiAlignOp::inferShapes() {
  Type elementType = getElementType(getX());
  auto x = getRankedShape(getX());
  auto rois = getRankedShape(getRois());
  if (x && x->size() != 4)
    return emitError() << "input must have rank 4, got rank " << x->size();
  if (rois &&
      (rois->size() != 2 || (rois->back() != kDyn && rois->back() != 4)))
    return emitError() << "rois must have shape [num_rois, 4]";
  if (failed(verifyOneDim(*this, getBatchIndices(), "batch_indices")))
    return failure();
  int64_t numRois = rois ? (*rois)[0] : kDyn;
  if (auto indices = getRankedShape(getBatchIndices());
      indices && indices->size() == 1 && numRois == kDyn)
    numRois = (*indices)[0];
  return refineDims(
      *this, 0,
      {numRois, x ? (*x)[1] : kDyn, getOutputHeight(), getOutputWidth()},
      elementType);
}

LogicalResult MaxUnpoolOp::inferShapes() {
  Type elementType = getElementType(getX());
  auto x = getRankedShape(getX());
  if (!x)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  int64_t n = getKernelShape().size();
  if (static_cast<int64_t>(x->size()) != n + 2)
    return emitError() << "kernel_shape has " << n << " dims, the input has "
                       << x->size() - 2 << " spatial dims";
  if ((!getPads().empty() && static_cast<int64_t>(getPads().size()) != 2 * n) ||
      (!getStrides().empty() && static_cast<int64_t>(getStrides().size()) != n))
    return emitError() << "pads and strides must match kernel_shape";
  SmallVector<int64_t> dims(x->size(), kDyn);
  if (!isNoValue(getOutputShape())) {
    if (auto shape = getConstantInts(getOutputShape())) {
      if (shape->size() != x->size())
        return emitError() << "output_shape has " << shape->size()
                           << " values, the input has rank " << x->size();
      dims = *shape;
    }
    return refineDims(*this, 0, dims, elementType);
  }
  dims[0] = (*x)[0];
  dims[1] = (*x)[1];
  for (int64_t i = 0; i < n; ++i) {
    int64_t in = (*x)[i + 2];
    if (in == kDyn)
      continue;
    int64_t s = getStrides().empty() ? 1 : getStrides()[i];
    int64_t pads = getPads().empty() ? 0 : getPads()[i] + getPads()[i + n];
    dims[i + 2] = (in - 1) * s - pads + getKernelShape()[i];
  }
  return refineDims(*this, 0, dims, elementType);
}

LogicalResult DeformConvOp::verify() {
  if (getGroup() <= 0 || getOffsetGroup() <= 0)
    return emitOpError() << "group and offset_group must be positive";
  return success();
}

LogicalResult DeformConvOp::inferShapes() {
  Type elementType = getElementType(getX());
  auto x = getRankedShape(getX());
  auto w = getRankedShape(getW());
  auto offset = getRankedShape(getOffset());
  if (x && x->size() != 4)
    return emitError() << "only 2-D deformable convolutions are supported, "
                          "the input has rank "
                       << x->size();
  SmallVector<int64_t> dims = {x ? (*x)[0] : kDyn, w ? (*w)[0] : kDyn, kDyn,
                               kDyn};
  if (offset && offset->size() == 4) {
    dims[2] = (*offset)[2];
    dims[3] = (*offset)[3];
  }
  return refineDims(*this, 0, dims, elementType);
}

LogicalResult AffineGridOp::inferShapes() {
  Type elementType = getElementType(getTheta());
  auto sizeType = dyn_cast<RankedTensorType>(getSize().getType());
  if (!sizeType || sizeType.getRank() != 1 || sizeType.isDynamicDim(0))
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  int64_t rank = sizeType.getDimSize(0);
  if (rank != 4 && rank != 5)
    return emitError() << "size must have 4 or 5 values, got " << rank;
  SmallVector<int64_t> size(rank, kDyn);
  if (auto values = getConstantInts(getSize()))
    size = *values;
  SmallVector<int64_t> dims = {size[0]};
  dims.append(size.begin() + 2, size.end());
  dims.push_back(rank - 2);
  return refineDims(*this, 0, dims, elementType);
}

LogicalResult Col2ImOp::inferShapes() {
  Type elementType = getElementType(getInput());
  auto in = getRankedShape(getInput());
  auto imageType = dyn_cast<RankedTensorType>(getImageShape().getType());
  if (!in || !imageType || imageType.getRank() != 1 ||
      imageType.isDynamicDim(0))
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  if (in->size() != 3)
    return emitError() << "input must have rank 3, got rank " << in->size();
  int64_t n = imageType.getDimSize(0);
  if (failed(checkShapeLength(*this, n)))
    return failure();
  SmallVector<int64_t> image(n, kDyn);
  if (auto values = getConstantInts(getImageShape()))
    image = *values;
  int64_t channels = kDyn;
  if (auto block = getConstantInts(getBlockShape());
      block && (*in)[1] != kDyn) {
    int64_t prod = 1;
    for (int64_t b : *block)
      prod *= b;
    if (prod <= 0 || (*in)[1] % prod)
      return emitError() << "input dim 1 (" << (*in)[1]
                         << ") is not a multiple of the block size " << prod;
    channels = (*in)[1] / prod;
  }
  SmallVector<int64_t> dims = {(*in)[0], channels};
  dims.append(image);
  return refineDims(*this, 0, dims, elementType);
}

//===----------------------------------------------------------------------===//
// Signal windows
//===----------------------------------------------------------------------===//

static LogicalResult verifyFloatDataType(Operation *op, int64_t code) {
  Type type = dataTypeFromCode(op->getContext(), code);
  if (!type)
    return op->emitOpError()
           << "output_datatype " << code << " is not a supported data type";
  return success();
}

static LogicalResult inferWindow(Operation *op, int64_t code) {
  Type elementType = dataTypeFromCode(op->getContext(), code);
  int64_t size = kDyn;
  if (auto value = getConstantScalar(op->getOperand(0))) {
    if (*value < 0)
      return op->emitError() << "size must not be negative, got " << *value;
    size = *value;
  }
  return refineDims(op, 0, {size}, elementType);
}

LogicalResult HannWindowOp::verify() {
  return verifyFloatDataType(*this, getOutputDatatype());
}
LogicalResult HannWindowOp::inferShapes() {
  return inferWindow(*this, getOutputDatatype());
}
LogicalResult HammingWindowOp::verify() {
  return verifyFloatDataType(*this, getOutputDatatype());
}
LogicalResult HammingWindowOp::inferShapes() {
  return inferWindow(*this, getOutputDatatype());
}
LogicalResult BlackmanWindowOp::verify() {
  return verifyFloatDataType(*this, getOutputDatatype());
}
LogicalResult BlackmanWindowOp::inferShapes() {
  return inferWindow(*this, getOutputDatatype());
}

/// The ai.onnx opset of the module `op` is in, or nullopt.
static std::optional<int64_t> getModuleOpset(Operation *op) {
  for (Operation *p = op->getParentOp(); p; p = p->getParentOp())
    if (auto opsets = p->getAttrOfType<DictionaryAttr>("onnx.opset"))
      if (auto v = dyn_cast_or_null<IntegerAttr>(opsets.get("ai.onnx")))
        return v.getInt();
  return std::nullopt;
}

std::optional<int64_t> DFTOp::getStaticAxis() {
  auto shape = getRankedShape(getInput());
  if (!shape)
    return std::nullopt;
  int64_t rank = shape->size();
  int64_t axis;
  if (!isNoValue(getAxisInput())) {
    auto value = getConstantScalar(getAxisInput());
    if (!value)
      return std::nullopt;
    axis = *value;
  } else if (getAxis()) {
    axis = *getAxis();
  } else {
    std::optional<int64_t> opset = getModuleOpset(*this);
    axis = opset && *opset < 20 ? 1 : -2;
  }
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis > rank - 2)
    return std::nullopt;
  return axis;
}

LogicalResult DFTOp::inferShapes() {
  Type elementType = getElementType(getInput());
  auto shape = getRankedShape(getInput());
  if (!shape)
    return refineResultType(*this, 0, UnrankedTensorType::get(elementType));
  int64_t rank = shape->size();
  if (rank < 2 ||
      (shape->back() != kDyn && shape->back() != 1 && shape->back() != 2))
    return emitError() << "input must have rank 2 or more and a last dim of "
                          "1 or 2";
  bool inverse = getInverse() != 0, onesided = getOnesided() != 0;
  SmallVector<int64_t> dims(*shape);
  dims.back() = inverse && onesided ? 1 : 2;
  std::optional<int64_t> axis = getStaticAxis();
  bool hasLength = !isNoValue(getDftLength());
  if (!axis) {
    // The transformed axis keeps its size unless dft_length or onesided
    // change it.
    if (hasLength || onesided)
      for (int64_t i = 0; i < rank - 1; ++i)
        dims[i] = kDyn;
    return refineDims(*this, 0, dims, elementType);
  }
  int64_t n = (*shape)[*axis], length = kDyn;
  if (hasLength)
    length = getConstantScalar(getDftLength()).value_or(kDyn);
  else if (n != kDyn)
    length = inverse && onesided ? 2 * (n - 1) : n;
  if (length != kDyn && length < 1)
    return emitError() << "dft_length must be positive, got " << length;
  dims[*axis] = length == kDyn           ? kDyn
                : (!inverse && onesided) ? length / 2 + 1
                                         : length;
  return refineDims(*this, 0, dims, elementType);
}

LogicalResult STFTOp::inferShapes() {
  Type elementType = getElementType(getSignal());
  auto shape = getRankedShape(getSignal());
  if (shape && shape->size() != 3)
    return emitError() << "signal must have rank 3, got rank " << shape->size();
  int64_t batch = shape ? (*shape)[0] : kDyn;
  int64_t length = shape ? (*shape)[1] : kDyn;
  std::optional<int64_t> frame = getConstantScalar(getFrameLength());
  if (!frame && isNoValue(getFrameLength())) {
    if (auto window = getRankedShape(getWindow());
        window && window->size() == 1 && (*window)[0] != kDyn)
      frame = (*window)[0];
    else if (isNoValue(getWindow()) && length != kDyn)
      frame = length;
  }
  std::optional<int64_t> step = getConstantScalar(getFrameStep());
  if (step && *step < 1)
    return emitError() << "frame_step must be positive, got " << *step;
  int64_t frames = kDyn, bins = kDyn;
  if (frame && step && length != kDyn)
    frames = 1 + (length - *frame) / *step;
  if (frame)
    bins = getOnesided() ? *frame / 2 + 1 : *frame;
  return refineDims(*this, 0, {batch, frames, bins, 2}, elementType);
}

LogicalResult MelWeightMatrixOp::verify() {
  return verifyFloatDataType(*this, getOutputDatatype());
}

LogicalResult MelWeightMatrixOp::inferShapes() {
  Type elementType = dataTypeFromCode(getContext(), getOutputDatatype());
  int64_t bins = getConstantScalar(getNumMelBins()).value_or(kDyn);
  int64_t rows = kDyn;
  if (auto dft = getConstantScalar(getDftLength()))
    rows = *dft / 2 + 1;
  return refineDims(*this, 0, {rows, bins}, elementType);
}

//===----------------------------------------------------------------------===//
// RandomUniformLike, Bernoulli
//===----------------------------------------------------------------------===//

/// The input must be a float tensor; `dtype`, when given, a supported type
/// (a float type when `floatOnly`).
static LogicalResult verifyRandomOp(Operation *op, Value input,
                                    std::optional<int64_t> dtype,
                                    bool floatOnly) {
  Type inputType = getElementType(input);
  if (inputType && !isa<FloatType>(inputType))
    return op->emitOpError()
           << "input must be a float tensor, got " << inputType;
  if (!dtype)
    return success();
  Type type = dataTypeFromCode(op->getContext(), *dtype);
  if (!type || (floatOnly && !isa<FloatType>(type)))
    return op->emitOpError() << "dtype " << *dtype << " is not a supported "
                             << (floatOnly ? "float " : "") << "data type";
  return success();
}

LogicalResult RandomUniformLikeOp::verify() {
  if (failed(verifyRandomOp(*this, getInput(), getDtype(), true)))
    return failure();
  if (!(getLow().convertToDouble() <= getHigh().convertToDouble()))
    return emitOpError() << "low " << getLow().convertToDouble()
                         << " is greater than high "
                         << getHigh().convertToDouble();
  return success();
}

LogicalResult RandomUniformLikeOp::inferShapes() {
  Type elementType = getDtype() ? dataTypeFromCode(getContext(), *getDtype())
                                : getElementType(getInput());
  return inferSameShapeOp(*this, elementType);
}

LogicalResult BernoulliOp::verify() {
  return verifyRandomOp(*this, getInput(), getDtype(), false);
}

LogicalResult BernoulliOp::inferShapes() {
  Type elementType = getDtype() ? dataTypeFromCode(getContext(), *getDtype())
                                : getElementType(getInput());
  return inferSameShapeOp(*this, elementType);
}

} // namespace onnxc::onnx
