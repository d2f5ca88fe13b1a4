//===- NNExtraCommon.cpp - helpers of the NN-extra lowerings --------------===//

#include "NNExtraCommon.h"

using namespace mlir;

namespace onnxc::lowering::nnx {

bool isSupportedFloatType(Type type) {
  return isa<Float16Type, BFloat16Type, Float32Type, Float64Type>(type);
}

bool isFloatTensor(Value v) {
  auto type = dyn_cast<RankedTensorType>(v.getType());
  return type && isSupportedFloatType(type.getElementType());
}

Value toFloat(OpBuilder &b, Location loc, Value v, Type type) {
  return convertScalar(b, loc, v, type, /*fromUnsigned=*/false,
                       /*toUnsigned=*/false);
}

Value roundThrough(OpBuilder &b, Location loc, Value v, Type storage) {
  auto wide = cast<FloatType>(v.getType());
  auto narrow = cast<FloatType>(storage);
  if (narrow.getWidth() >= wide.getWidth())
    return v;
  Value r = arith::TruncFOp::create(b, loc, narrow, v);
  return arith::ExtFOp::create(b, loc, wide, r);
}

SmallVector<Value> buildGeneric(
    OpBuilder &b, Location loc, ValueRange inputs, ValueRange inits,
    ArrayRef<AffineMap> maps, ArrayRef<utils::IteratorType> iterators,
    function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange)> body) {
  SmallVector<Type> resultTypes;
  for (Value init : inits)
    resultTypes.push_back(init.getType());
  auto generic = linalg::GenericOp::create(
      b, loc, resultTypes, inputs, inits, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        linalg::YieldOp::create(nested, nestedLoc,
                                body(nested, nestedLoc, args));
      });
  return SmallVector<Value>(generic.getResults());
}

SmallVector<Value> getIterationIndices(OpBuilder &b, Location loc,
                                       int64_t rank) {
  SmallVector<Value> ivs;
  for (int64_t d = 0; d < rank; ++d)
    ivs.push_back(linalg::IndexOp::create(b, loc, d));
  return ivs;
}

Value clampIndex(OpBuilder &b, Location loc, Value idx, Value size) {
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value last = arith::SubIOp::create(b, loc, size, one);
  Value lower = arith::MaxSIOp::create(b, loc, idx, zero);
  return arith::MinSIOp::create(b, loc, lower, last);
}

Value createSigmoid(OpBuilder &b, Location loc, Value x) {
  Value one = createScalar(b, loc, x.getType(), 1.0);
  Value e = math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, x));
  return arith::DivFOp::create(b, loc, one,
                               arith::AddFOp::create(b, loc, one, e));
}

Value extractSlice(OpBuilder &b, Location loc, Value source,
                   ArrayRef<OpFoldResult> offsets, ArrayRef<OpFoldResult> sizes,
                   ArrayRef<bool> dropDims) {
  auto sourceType = cast<RankedTensorType>(source.getType());
  SmallVector<OpFoldResult> strides(offsets.size(), b.getIndexAttr(1));
  SmallVector<int64_t> shape;
  for (auto [i, size] : llvm::enumerate(sizes)) {
    if (!dropDims.empty() && dropDims[i])
      continue;
    std::optional<int64_t> s = getConstantIntValue(size);
    shape.push_back(s ? *s : ShapedType::kDynamic);
  }
  auto type = RankedTensorType::get(shape, sourceType.getElementType());
  return tensor::ExtractSliceOp::create(b, loc, type, source, offsets, sizes,
                                        strides);
}

Value insertSlice(OpBuilder &b, Location loc, Value source, Value dest,
                  ArrayRef<OpFoldResult> offsets,
                  ArrayRef<OpFoldResult> sizes) {
  SmallVector<OpFoldResult> strides(offsets.size(), b.getIndexAttr(1));
  return tensor::InsertSliceOp::create(b, loc, source, dest, offsets, sizes,
                                       strides);
}

Value concatAlong(OpBuilder &b, Location loc, Value a, Value c, int64_t axis) {
  auto aType = cast<RankedTensorType>(a.getType());
  auto cType = cast<RankedTensorType>(c.getType());
  SmallVector<OpFoldResult> aDims = getDims(b, loc, a);
  SmallVector<OpFoldResult> cDims = getDims(b, loc, c);
  SmallVector<OpFoldResult> dims(aDims);
  dims[axis] = addIndex(b, loc, aDims[axis], cDims[axis]);
  SmallVector<int64_t> shape(aType.getShape());
  for (int64_t i = 0; i < aType.getRank(); ++i)
    if (ShapedType::isDynamic(shape[i]))
      shape[i] = cType.getDimSize(i);
  std::optional<int64_t> total = getConstantIntValue(dims[axis]);
  shape[axis] = total ? *total : ShapedType::kDynamic;
  for (int64_t i = 0; i < aType.getRank(); ++i)
    if (i != axis && ShapedType::isDynamic(aType.getDimSize(i)) &&
        !cType.isDynamicDim(i))
      dims[i] = cDims[i];
  auto type = RankedTensorType::get(shape, aType.getElementType());
  Value result = createEmpty(b, loc, type, dims);
  SmallVector<OpFoldResult> offsets(aType.getRank(), b.getIndexAttr(0));
  SmallVector<OpFoldResult> aSizes(dims), cSizes(dims);
  aSizes[axis] = aDims[axis];
  cSizes[axis] = cDims[axis];
  result = insertSlice(b, loc, a, result, offsets, aSizes);
  offsets[axis] = aDims[axis];
  return insertSlice(b, loc, c, result, offsets, cSizes);
}

} // namespace onnxc::lowering::nnx
