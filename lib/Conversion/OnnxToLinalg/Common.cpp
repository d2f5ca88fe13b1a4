//===- Common.cpp - shared helpers of the onnx to linalg patterns ---------===//

#include "Common.h"
#include "NarrowTypes.h"

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {
// Keyed by the op and its location: a later op allocated at the address of
// a reported one (another module of a -split-input-file test) is not taken
// for it.
using ReportKey = std::pair<Operation *, const void *>;
llvm::DenseSet<ReportKey> &reportedOps() {
  // Per thread (-split-input-file converts the chunks on several threads),
  // so no lock: a conversion and its patterns run on one thread.
  static thread_local llvm::DenseSet<ReportKey> ops;
  return ops;
}
ReportKey getReportKey(Operation *op) {
  return {op, op->getLoc().getAsOpaquePointer()};
}
} // namespace

LogicalResult reportUnsupported(Operation *op, const Twine &reason) {
  if (!reportedOps().insert(getReportKey(op)).second)
    return failure();
  op->emitError() << "cannot lower: " << reason;
  return failure();
}

void resetReported() { reportedOps().clear(); }

bool wasReported(Operation *op) {
  return reportedOps().contains(getReportKey(op));
}

RankedTensorType getConvertedResultType(const TypeConverter *tc, Operation *op,
                                        unsigned idx) {
  return dyn_cast_or_null<RankedTensorType>(
      tc->convertType(op->getResult(idx).getType()));
}

bool isUnsignedElement(Value onnxValue) {
  auto type = dyn_cast<ShapedType>(onnxValue.getType());
  return type && type.getElementType().isUnsignedInteger();
}

OpFoldResult getDim(OpBuilder &b, Location loc, Value tensor, int64_t dim) {
  auto type = cast<RankedTensorType>(tensor.getType());
  if (!type.isDynamicDim(dim))
    return b.getIndexAttr(type.getDimSize(dim));
  return tensor::DimOp::create(b, loc, tensor, dim).getResult();
}

SmallVector<OpFoldResult> getDims(OpBuilder &b, Location loc, Value tensor) {
  SmallVector<OpFoldResult> dims;
  for (int64_t i = 0, e = cast<RankedTensorType>(tensor.getType()).getRank();
       i < e; ++i)
    dims.push_back(getDim(b, loc, tensor, i));
  return dims;
}

Value createEmpty(OpBuilder &b, Location loc, RankedTensorType type,
                  ArrayRef<OpFoldResult> dims) {
  SmallVector<Value> dynamic;
  for (int64_t i = 0, e = type.getRank(); i < e; ++i)
    if (type.isDynamicDim(i))
      dynamic.push_back(getValueOrCreateConstantIndexOp(b, loc, dims[i]));
  return tensor::EmptyOp::create(b, loc, type, dynamic);
}

Value createFilled(OpBuilder &b, Location loc, RankedTensorType type,
                   ArrayRef<OpFoldResult> dims, Value value) {
  Value empty = createEmpty(b, loc, type, dims);
  return linalg::FillOp::create(b, loc, value, empty).getResult(0);
}

SmallVector<OpFoldResult> getBroadcastDims(OpBuilder &b, Location loc,
                                           ValueRange operands,
                                           RankedTensorType resultType) {
  int64_t rank = resultType.getRank();
  SmallVector<OpFoldResult> dims;
  for (int64_t i = 0; i < rank; ++i) {
    if (!resultType.isDynamicDim(i)) {
      dims.push_back(b.getIndexAttr(resultType.getDimSize(i)));
      continue;
    }
    OpFoldResult dim;
    for (Value operand : operands) {
      auto type = cast<RankedTensorType>(operand.getType());
      int64_t j = i - (rank - type.getRank());
      if (j < 0 || type.getDimSize(j) == 1)
        continue;
      dim = getDim(b, loc, operand, j);
      break;
    }
    dims.push_back(dim ? dim : b.getIndexAttr(1));
  }
  return dims;
}

AffineMap getBroadcastMap(MLIRContext *ctx, RankedTensorType operandType,
                          RankedTensorType resultType) {
  int64_t outRank = resultType.getRank();
  int64_t offset = outRank - operandType.getRank();
  SmallVector<AffineExpr> exprs;
  for (int64_t j = 0; j < operandType.getRank(); ++j) {
    int64_t i = j + offset;
    if (operandType.getDimSize(j) == 1 && resultType.getDimSize(i) != 1)
      exprs.push_back(getAffineConstantExpr(0, ctx));
    else
      exprs.push_back(getAffineDimExpr(i, ctx));
  }
  return AffineMap::get(outRank, 0, exprs, ctx);
}

bool isBroadcastableTo(RankedTensorType operandType,
                       RankedTensorType resultType) {
  int64_t offset = resultType.getRank() - operandType.getRank();
  if (offset < 0)
    return false;
  for (int64_t j = 0; j < operandType.getRank(); ++j) {
    int64_t dim = operandType.getDimSize(j);
    int64_t resultDim = resultType.getDimSize(j + offset);
    if (dim != 1 && !ShapedType::isDynamic(dim) &&
        !ShapedType::isDynamic(resultDim) && dim != resultDim)
      return false;
  }
  return true;
}

Value createScalar(OpBuilder &b, Location loc, Type type, double v) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(floatType, v));
  if (type.isIndex())
    return arith::ConstantIndexOp::create(b, loc, static_cast<int64_t>(v));
  auto intType = cast<IntegerType>(type);
  return arith::ConstantOp::create(
      b, loc,
      b.getIntegerAttr(intType, APInt(intType.getWidth(),
                                      static_cast<int64_t>(v),
                                      /*isSigned=*/true,
                                      /*implicitTrunc=*/true)));
}

Value convertScalar(OpBuilder &b, Location loc, Value v, Type to,
                    bool fromUnsigned, bool toUnsigned) {
  Type from = v.getType();
  if (from == to)
    return v;
  // float8/float4, and floats to i4/i2: bit manipulation (NarrowTypes.cpp).
  if (needsNarrowConversion(from, to))
    return convertNarrowScalar(b, loc, v, to, fromUnsigned, toUnsigned);
  auto fromFloat = dyn_cast<FloatType>(from);
  auto toFloat = dyn_cast<FloatType>(to);
  if (fromFloat && toFloat) {
    if (fromFloat.getWidth() < toFloat.getWidth())
      return arith::ExtFOp::create(b, loc, to, v);
    if (fromFloat.getWidth() > toFloat.getWidth())
      return arith::TruncFOp::create(b, loc, to, v);
    // f16 <-> bf16: through f32.
    Value wide = arith::ExtFOp::create(b, loc, b.getF32Type(), v);
    return arith::TruncFOp::create(b, loc, to, wide);
  }
  if (fromFloat) {
    auto toInt = cast<IntegerType>(to);
    if (toInt.getWidth() == 1) {
      Value zero = createScalar(b, loc, from, 0.0);
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, v, zero);
    }
    if (toUnsigned)
      return arith::FPToUIOp::create(b, loc, to, v);
    return arith::FPToSIOp::create(b, loc, to, v);
  }
  auto fromInt = cast<IntegerType>(from);
  if (toFloat) {
    if (fromUnsigned || fromInt.getWidth() == 1)
      return arith::UIToFPOp::create(b, loc, to, v);
    return arith::SIToFPOp::create(b, loc, to, v);
  }
  auto toInt = cast<IntegerType>(to);
  if (toInt.getWidth() == 1) {
    Value zero = createScalar(b, loc, from, 0);
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, v, zero);
  }
  if (fromInt.getWidth() < toInt.getWidth()) {
    if (fromUnsigned || fromInt.getWidth() == 1)
      return arith::ExtUIOp::create(b, loc, to, v);
    return arith::ExtSIOp::create(b, loc, to, v);
  }
  if (fromInt.getWidth() > toInt.getWidth())
    return arith::TruncIOp::create(b, loc, to, v);
  return v; // Same width, signedness only.
}

Value buildElementwise(
    OpBuilder &b, Location loc, RankedTensorType resultType, ValueRange inputs,
    function_ref<Value(OpBuilder &, Location, ValueRange)> body) {
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps;
  for (Value input : inputs)
    maps.push_back(getBroadcastMap(
        ctx, cast<RankedTensorType>(input.getType()), resultType));
  maps.push_back(b.getMultiDimIdentityMap(resultType.getRank()));
  SmallVector<utils::IteratorType> iterators(resultType.getRank(),
                                             utils::IteratorType::parallel);
  Value init =
      createEmpty(b, loc, resultType, getBroadcastDims(b, loc, inputs, resultType));
  auto generic = linalg::GenericOp::create(
      b, loc, resultType, inputs, init, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value result = body(nested, nestedLoc, args.drop_back());
        linalg::YieldOp::create(nested, nestedLoc, result);
      });
  return generic.getResult(0);
}

std::optional<SmallVector<int64_t>> getConstantIntValues(Value v) {
  DenseIntElementsAttr attr;
  if (!v || !matchPattern(v, m_Constant(&attr)))
    return onnx::getConstantInts(v);
  SmallVector<int64_t> values;
  for (const APInt &value : attr.getValues<APInt>())
    values.push_back(value.getSExtValue());
  return values;
}

Value extractIndex(OpBuilder &b, Location loc, Value tensor, int64_t i) {
  Value idx = arith::ConstantIndexOp::create(b, loc, i);
  Value element = tensor::ExtractOp::create(b, loc, tensor, ValueRange{idx});
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), element);
}

AffineMap getReducedMap(MLIRContext *ctx, ArrayRef<bool> reduced) {
  SmallVector<AffineExpr> exprs;
  for (auto [i, isReduced] : llvm::enumerate(reduced))
    if (!isReduced)
      exprs.push_back(getAffineDimExpr(i, ctx));
  return AffineMap::get(reduced.size(), 0, exprs, ctx);
}

Value buildReduction(
    OpBuilder &b, Location loc, Value input, ArrayRef<bool> reduced, Value init,
    ValueRange extraInputs,
    function_ref<Value(OpBuilder &, Location, ValueRange)> body) {
  MLIRContext *ctx = b.getContext();
  auto inputType = cast<RankedTensorType>(input.getType());
  assert(static_cast<int64_t>(reduced.size()) == inputType.getRank() &&
         "one flag per input dim");
  SmallVector<int64_t> shape;
  SmallVector<OpFoldResult> dims;
  SmallVector<utils::IteratorType> iterators;
  for (auto [i, isReduced] : llvm::enumerate(reduced)) {
    iterators.push_back(isReduced ? utils::IteratorType::reduction
                                  : utils::IteratorType::parallel);
    if (isReduced)
      continue;
    shape.push_back(inputType.getDimSize(i));
    dims.push_back(getDim(b, loc, input, i));
  }
  auto resultType = RankedTensorType::get(shape, init.getType());
  Value acc = createFilled(b, loc, resultType, dims, init);

  AffineMap reducedMap = getReducedMap(ctx, reduced);
  SmallVector<Value> inputs{input};
  llvm::append_range(inputs, extraInputs);
  SmallVector<AffineMap> maps{b.getMultiDimIdentityMap(reduced.size())};
  maps.append(extraInputs.size() + 1, reducedMap);
  auto generic = linalg::GenericOp::create(
      b, loc, resultType, inputs, acc, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        linalg::YieldOp::create(nested, nestedLoc,
                                body(nested, nestedLoc, args));
      });
  return generic.getResult(0);
}

Value expandReducedDims(OpBuilder &b, Location loc, Value value,
                        ArrayRef<bool> reduced) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  SmallVector<OpFoldResult> outputShape;
  // Each kept dim groups with the size-1 dims before it; trailing size-1 dims
  // join the last group, and a rank-0 value has no groups at all.
  SmallVector<ReassociationIndices> reassociation;
  ReassociationIndices pending;
  int64_t src = 0;
  for (auto [i, isReduced] : llvm::enumerate(reduced)) {
    pending.push_back(i);
    if (isReduced) {
      shape.push_back(1);
      outputShape.push_back(b.getIndexAttr(1));
      continue;
    }
    shape.push_back(type.getDimSize(src));
    outputShape.push_back(getDim(b, loc, value, src));
    ++src;
    reassociation.push_back(std::move(pending));
    pending.clear();
  }
  if (!reassociation.empty())
    llvm::append_range(reassociation.back(), pending);
  auto resultType = RankedTensorType::get(shape, type.getElementType());
  if (resultType == type)
    return value;
  return tensor::ExpandShapeOp::create(b, loc, resultType, value, reassociation,
                                       outputShape);
}

namespace {
/// Folds `lhs op rhs` when both are static, else builds `OpTy`.
template <typename OpTy>
OpFoldResult foldIndexOp(OpBuilder &b, Location loc, OpFoldResult lhs,
                         OpFoldResult rhs,
                         function_ref<int64_t(int64_t, int64_t)> fold) {
  std::optional<int64_t> l = getConstantIntValue(lhs);
  std::optional<int64_t> r = getConstantIntValue(rhs);
  if (l && r)
    return b.getIndexAttr(fold(*l, *r));
  return OpTy::create(b, loc, getValueOrCreateConstantIndexOp(b, loc, lhs),
                      getValueOrCreateConstantIndexOp(b, loc, rhs))
      .getResult();
}
} // namespace

OpFoldResult addIndex(OpBuilder &b, Location loc, OpFoldResult lhs,
                      OpFoldResult rhs) {
  if (isZeroInteger(rhs))
    return lhs;
  if (isZeroInteger(lhs))
    return rhs;
  return foldIndexOp<arith::AddIOp>(b, loc, lhs, rhs,
                                    [](int64_t l, int64_t r) { return l + r; });
}

OpFoldResult subIndex(OpBuilder &b, Location loc, OpFoldResult lhs,
                      OpFoldResult rhs) {
  if (isZeroInteger(rhs))
    return lhs;
  return foldIndexOp<arith::SubIOp>(b, loc, lhs, rhs,
                                    [](int64_t l, int64_t r) { return l - r; });
}

OpFoldResult mulIndex(OpBuilder &b, Location loc, OpFoldResult lhs,
                      OpFoldResult rhs) {
  if (isOneInteger(rhs))
    return lhs;
  if (isOneInteger(lhs))
    return rhs;
  return foldIndexOp<arith::MulIOp>(b, loc, lhs, rhs,
                                    [](int64_t l, int64_t r) { return l * r; });
}

OpFoldResult floorDivIndex(OpBuilder &b, Location loc, OpFoldResult lhs,
                           OpFoldResult rhs) {
  if (isOneInteger(rhs))
    return lhs;
  return foldIndexOp<arith::FloorDivSIOp>(
      b, loc, lhs, rhs, [](int64_t l, int64_t r) {
        return l / r - ((l % r != 0) && ((l < 0) != (r < 0)) ? 1 : 0);
      });
}

Value padTensor(OpBuilder &b, Location loc, Value tensor,
                ArrayRef<OpFoldResult> low, ArrayRef<OpFoldResult> high,
                Value value) {
  if (llvm::all_of(low, isZeroInteger) && llvm::all_of(high, isZeroInteger))
    return tensor;
  return tensor::PadOp::create(b, loc, /*resultType=*/Type(), tensor, low, high,
                               value)
      .getResult();
}

Value expandShape(OpBuilder &b, Location loc, Value tensor,
                  RankedTensorType resultType,
                  ArrayRef<ReassociationIndices> reassociation,
                  ArrayRef<OpFoldResult> outputShape) {
  bool multiDynamic = llvm::any_of(reassociation, [&](const auto &group) {
    return llvm::count_if(group, [&](int64_t d) {
             return resultType.isDynamicDim(d);
           }) > 1;
  });
  if (!multiDynamic)
    return tensor::ExpandShapeOp::create(b, loc, resultType, tensor,
                                         reassociation, outputShape);
  SmallVector<Value> sizes;
  for (OpFoldResult dim : outputShape)
    sizes.push_back(getValueOrCreateConstantIndexOp(b, loc, dim));
  Value shape = tensor::FromElementsOp::create(b, loc, sizes);
  return tensor::ReshapeOp::create(b, loc, resultType, tensor, shape);
}

Value truncateToType(OpBuilder &b, Location loc, Value tensor,
                     RankedTensorType type) {
  auto tensorType = cast<RankedTensorType>(tensor.getType());
  if (tensorType.getElementType() == type.getElementType())
    return tensor;
  return buildElementwise(
      b, loc, tensorType.clone(type.getElementType()), tensor,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        return arith::TruncFOp::create(nb, nloc, type.getElementType(), args[0])
            .getResult();
      });
}

Value castTo(OpBuilder &b, Location loc, Value v, Type type) {
  if (v.getType() == type)
    return v;
  return tensor::CastOp::create(b, loc, type, v);
}

Type getComputeType(Type type) {
  if (type.isF16() || type.isBF16())
    return Float32Type::get(type.getContext());
  return type;
}

std::string typeToString(Type type) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << type;
  return s;
}

Value createMax(OpBuilder &b, Location loc, Value x, Value y, bool isUnsigned) {
  if (isa<FloatType>(x.getType()))
    return arith::MaximumFOp::create(b, loc, x, y);
  if (isUnsigned)
    return arith::MaxUIOp::create(b, loc, x, y);
  return arith::MaxSIOp::create(b, loc, x, y);
}

Value createMin(OpBuilder &b, Location loc, Value x, Value y, bool isUnsigned) {
  if (isa<FloatType>(x.getType()))
    return arith::MinimumFOp::create(b, loc, x, y);
  if (isUnsigned)
    return arith::MinUIOp::create(b, loc, x, y);
  return arith::MinSIOp::create(b, loc, x, y);
}

} // namespace onnxc::lowering
