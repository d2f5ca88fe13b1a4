//===- Loops.cpp - onnx to linalg: Loop and Scan --------------------------===//
//
// onnx.Loop becomes an scf.while carrying the iteration number (i64), the
// condition (i1), the loop-carried tensors and one buffer per scan output.
// The before region tests `i < M && cond`; the body graph is moved into the
// after region, whose onnx.Yield becomes an scf.yield that appends each scan
// output's slice to its buffer (doubling its capacity when full; the first
// capacity is M when M is given and the slice shape is static). After the
// loop each buffer is cut to the number of iterations that ran.
//
// onnx.Scan becomes an scf.for over the scanned axis carrying the states and
// one preallocated buffer per scan output; slices of the scan inputs are
// read, and the outputs' slices written, at the step or at length-1-step for
// reverse directions.
//
// The scf ops carry `onnxc.*` attributes for the yield lowering; they are
// removed once the yield is converted.
//
//===----------------------------------------------------------------------===//

#include "NNExtraCommon.h"

#include "dialects/Onnx/IR/SequenceTypes.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

using namespace nnx;

constexpr StringLiteral kLoopAttr = "onnxc.loop_has_cond";
constexpr StringLiteral kLoopCarriedAttr = "onnxc.loop_carried";
constexpr StringLiteral kScanStatesAttr = "onnxc.scan_states";
constexpr StringLiteral kScanAxesAttr = "onnxc.scan_output_axes";
constexpr StringLiteral kScanReverseAttr = "onnxc.scan_output_reverse";

/// The first capacity of a Loop scan-output buffer when M is known.
constexpr int64_t kMaxInitialSlices = 1 << 16;

/// The only element of a one-element tensor.
Value extractScalar(OpBuilder &b, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  SmallVector<Value> zeros(type.getRank(),
                           arith::ConstantIndexOp::create(b, loc, 0));
  return tensor::ExtractOp::create(b, loc, tensor, zeros);
}

/// Casts `v` to `type` when the two are cast-compatible; null otherwise.
Value castIfCompatible(OpBuilder &b, Location loc, Value v, Type type) {
  if (v.getType() == type)
    return v;
  if (!tensor::CastOp::areCastCompatible(v.getType(), type))
    return {};
  return tensor::CastOp::create(b, loc, type, v);
}

/// The sizes of `slice` with a unit dim inserted at `axis`.
SmallVector<OpFoldResult> sliceSizesWithUnit(OpBuilder &b, Location loc,
                                             Value slice, int64_t axis) {
  SmallVector<OpFoldResult> sizes = getDims(b, loc, slice);
  sizes.insert(sizes.begin() + axis, b.getIndexAttr(1));
  return sizes;
}

//===----------------------------------------------------------------------===//
// Loop
//===----------------------------------------------------------------------===//

struct LoopLowering : public OpConversionPattern<onnx::LoopOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::LoopOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    const TypeConverter *converter = getTypeConverter();
    unsigned numCarried = adaptor.getVInitial().size();
    unsigned numScan = op.getNumResults() - numCarried;
    SmallVector<Type> resultTypes;
    for (unsigned i = 0; i < op.getNumResults(); ++i) {
      Type type = getConvertedResultType(converter, op, i);
      // Carried sequences and optionals: their pointer (Sequences.cpp).
      if (onnx::isSequenceOrOptional(op.getResult(i).getType()))
        type = converter->convertType(op.getResult(i).getType());
      if (!type)
        return reportUnsupported(op, "an output has an unknown rank");
      resultTypes.push_back(type);
    }
    auto yield = cast<onnx::YieldOp>(op.getBody().front().getTerminator());
    SmallVector<RankedTensorType> sliceTypes;
    for (unsigned k = 0; k < numScan; ++k) {
      auto type = dyn_cast_or_null<RankedTensorType>(converter->convertType(
          yield.getOperand(1 + numCarried + k).getType()));
      if (!type)
        return reportUnsupported(op, "a scan output has an unknown rank");
      sliceTypes.push_back(type);
    }

    Value m = adaptor.getM(), cond = adaptor.getCond();
    bool hasM = !isNone(m), hasCond = !isNone(cond);
    Value trips;
    if (hasM)
      trips = convertScalar(rewriter, loc, extractScalar(rewriter, loc, m),
                            rewriter.getI64Type(), false, false);
    Value condInit =
        hasCond
            ? convertScalar(rewriter, loc, extractScalar(rewriter, loc, cond),
                            rewriter.getI1Type(), false, false)
            : arith::ConstantIntOp::create(rewriter, loc, 1, 1).getResult();
    SmallVector<Value> inits = {
        arith::ConstantIntOp::create(rewriter, loc, 0, 64), condInit};
    for (auto [v, type] : llvm::zip(adaptor.getVInitial(), resultTypes)) {
      Value cast = castIfCompatible(rewriter, loc, v, type);
      if (!cast)
        return reportUnsupported(op, "a loop-carried value changes rank");
      inits.push_back(cast);
    }
    // Scan-output buffers [capacity, slice...], the capacity dynamic.
    for (RankedTensorType slice : sliceTypes) {
      bool staticSlice = slice.hasStaticShape();
      OpFoldResult capacity = rewriter.getIndexAttr(0);
      if (hasM && staticSlice) {
        Value c = arith::MaxSIOp::create(
            rewriter, loc, trips,
            createScalar(rewriter, loc, trips.getType(), 0));
        c = arith::MinSIOp::create(
            rewriter, loc, c,
            createScalar(rewriter, loc, trips.getType(), kMaxInitialSlices));
        capacity = arith::IndexCastOp::create(rewriter, loc,
                                              rewriter.getIndexType(), c)
                       .getResult();
      }
      SmallVector<int64_t> shape = {ShapedType::kDynamic};
      SmallVector<OpFoldResult> dims = {capacity};
      for (int64_t d : slice.getShape()) {
        shape.push_back(d);
        dims.push_back(rewriter.getIndexAttr(ShapedType::isDynamic(d) ? 0 : d));
      }
      inits.push_back(createEmpty(
          rewriter, loc, RankedTensorType::get(shape, slice.getElementType()),
          dims));
    }
    SmallVector<Type> carriedTypes;
    for (Value v : inits)
      carriedTypes.push_back(v.getType());

    FailureOr<Block *> body =
        rewriter.convertRegionTypes(&op.getBody(), *converter);
    if (failed(body))
      return reportUnsupported(op,
                               "the body's input types cannot be converted");
    auto whileOp = scf::WhileOp::create(
        rewriter, loc, carriedTypes, inits,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value go = args[1];
          if (hasM) {
            Value below = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt,
                                                args[0], trips);
            go = arith::AndIOp::create(b, l, below, go);
          }
          scf::ConditionOp::create(b, l, go, args);
        },
        [](OpBuilder &, Location, ValueRange) {});
    whileOp->setAttr(kLoopAttr, rewriter.getBoolAttr(hasCond));
    whileOp->setAttr(kLoopCarriedAttr, rewriter.getI64IntegerAttr(numCarried));
    Block *after = whileOp.getAfterBody();
    rewriter.setInsertionPointToStart(after);
    SmallVector<Value> replacements = {
        tensor::FromElementsOp::create(
            rewriter, loc, RankedTensorType::get({}, rewriter.getI64Type()),
            after->getArgument(0)),
        tensor::FromElementsOp::create(
            rewriter, loc, RankedTensorType::get({}, rewriter.getI1Type()),
            after->getArgument(1))};
    for (unsigned i = 0; i < numCarried; ++i) {
      Value arg = after->getArgument(2 + i);
      Value cast = castIfCompatible(rewriter, loc, arg,
                                    (*body)->getArgument(2 + i).getType());
      if (!cast)
        return reportUnsupported(op, "a loop-carried value changes rank");
      replacements.push_back(cast);
    }
    rewriter.mergeBlocks(*body, after, replacements);

    // Results: the carried values, and the buffers cut to the iterations run.
    rewriter.setInsertionPointAfter(whileOp);
    SmallVector<Value> results;
    for (unsigned i = 0; i < numCarried; ++i)
      results.push_back(whileOp.getResult(2 + i));
    Value count = arith::IndexCastOp::create(
        rewriter, loc, rewriter.getIndexType(), whileOp.getResult(0));
    for (unsigned k = 0; k < numScan; ++k) {
      Value buffer = whileOp.getResult(2 + numCarried + k);
      SmallVector<OpFoldResult> offsets(sliceTypes[k].getRank() + 1,
                                        rewriter.getIndexAttr(0));
      SmallVector<OpFoldResult> sizes = getDims(rewriter, loc, buffer);
      sizes[0] = count;
      Value cut = extractSlice(rewriter, loc, buffer, offsets, sizes);
      results.push_back(
          castTo(rewriter, loc, cut, resultTypes[numCarried + k]));
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// onnx.Yield at the end of an scf.while made from onnx.Loop: the next
/// iteration number, the condition, the carried values and the buffers with
/// this iteration's slices appended.
struct LoopYieldLowering : public OpConversionPattern<onnx::YieldOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::YieldOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto whileOp = dyn_cast<scf::WhileOp>(op->getParentOp());
    if (!whileOp || !whileOp->hasAttr(kLoopAttr))
      return rewriter.notifyMatchFailure(op, "not the body of a Loop");
    Location loc = op.getLoc();
    bool hasCond = cast<BoolAttr>(whileOp->getAttr(kLoopAttr)).getValue();
    Block *after = whileOp.getAfterBody();
    TypeRange types = whileOp.getResultTypes();
    ValueRange operands = adaptor.getOperands();
    // Carried values come first, then one buffer per scan output.
    unsigned numCarried =
        cast<IntegerAttr>(whileOp->getAttr(kLoopCarriedAttr)).getInt();
    unsigned numScan = types.size() - 2 - numCarried;

    Value iter = after->getArgument(0);
    SmallVector<Value> next = {arith::AddIOp::create(
        rewriter, loc, iter,
        arith::ConstantIntOp::create(rewriter, loc, 1, 64))};
    next.push_back(
        hasCond
            ? convertScalar(rewriter, loc,
                            extractScalar(rewriter, loc, operands[0]),
                            rewriter.getI1Type(), false, false)
            : arith::ConstantIntOp::create(rewriter, loc, 1, 1).getResult());
    for (unsigned i = 0; i < numCarried; ++i) {
      Value cast =
          castIfCompatible(rewriter, loc, operands[1 + i], types[2 + i]);
      if (!cast)
        return reportUnsupported(op, "a loop-carried value changes rank");
      next.push_back(cast);
    }
    Value index = arith::IndexCastOp::create(rewriter, loc,
                                             rewriter.getIndexType(), iter);
    for (unsigned k = 0; k < numScan; ++k) {
      Value buffer = after->getArgument(2 + numCarried + k);
      Value slice = operands[1 + numCarried + k];
      auto bufferType = cast<RankedTensorType>(buffer.getType());
      // Grow to max(2 * capacity, 4) slices when full.
      Value capacity = tensor::DimOp::create(rewriter, loc, buffer, 0);
      Value full = arith::CmpIOp::create(
          rewriter, loc, arith::CmpIPredicate::sge, index, capacity);
      auto ifOp = scf::IfOp::create(
          rewriter, loc, full,
          [&](OpBuilder &b, Location l) {
            Value doubled = arith::MulIOp::create(
                b, l, capacity, arith::ConstantIndexOp::create(b, l, 2));
            Value newCapacity = arith::MaxSIOp::create(
                b, l, doubled, arith::ConstantIndexOp::create(b, l, 4));
            SmallVector<OpFoldResult> dims = getDims(b, l, slice);
            dims.insert(dims.begin(), newCapacity);
            Value grown = createEmpty(b, l, bufferType, dims);
            SmallVector<OpFoldResult> offsets(bufferType.getRank(),
                                              b.getIndexAttr(0));
            grown = insertSlice(b, l, buffer, grown, offsets,
                                getDims(b, l, buffer));
            scf::YieldOp::create(b, l, grown);
          },
          [&](OpBuilder &b, Location l) {
            scf::YieldOp::create(b, l, buffer);
          });
      SmallVector<OpFoldResult> offsets(bufferType.getRank(),
                                        rewriter.getIndexAttr(0));
      offsets[0] = index;
      Value updated =
          insertSlice(rewriter, loc, slice, ifOp.getResult(0), offsets,
                      sliceSizesWithUnit(rewriter, loc, slice, 0));
      next.push_back(updated);
    }
    rewriter.replaceOpWithNewOp<scf::YieldOp>(op, next);
    rewriter.modifyOpInPlace(whileOp, [&] {
      whileOp->removeAttr(kLoopAttr);
      whileOp->removeAttr(kLoopCarriedAttr);
    });
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Scan
//===----------------------------------------------------------------------===//

int64_t attrAt(std::optional<ArrayRef<int64_t>> values, int64_t i,
               int64_t defaultValue) {
  if (!values || i >= static_cast<int64_t>(values->size()))
    return defaultValue;
  return (*values)[i];
}

struct ScanLowering : public OpConversionPattern<onnx::ScanOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::ScanOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    const TypeConverter *converter = getTypeConverter();
    ValueRange operands = adaptor.getInitialStateAndScanInputs();
    int64_t numScanIn = op.getNumScanInputs();
    int64_t numStates = operands.size() - numScanIn;
    int64_t numScanOut = op.getNumResults() - numStates;
    SmallVector<RankedTensorType> resultTypes;
    for (unsigned i = 0; i < op.getNumResults(); ++i) {
      RankedTensorType type = getConvertedResultType(converter, op, i);
      if (!type)
        return reportUnsupported(op, "an output has an unknown rank");
      resultTypes.push_back(type);
    }
    auto getArray = [](std::optional<ArrayRef<int64_t>> a) { return a; };
    auto inAxes = getArray(op.getScanInputAxes());
    auto inDirs = getArray(op.getScanInputDirections());
    auto outAxes = getArray(op.getScanOutputAxes());
    auto outDirs = getArray(op.getScanOutputDirections());

    // The scan inputs, their axes and the sequence length.
    SmallVector<int64_t> inputAxes;
    for (int64_t k = 0; k < numScanIn; ++k) {
      auto type = dyn_cast<RankedTensorType>(operands[numStates + k].getType());
      if (!type)
        return reportUnsupported(op, "a scan input has an unknown rank");
      int64_t axis = attrAt(inAxes, k, 0);
      if (axis < 0)
        axis += type.getRank();
      if (axis < 0 || axis >= type.getRank())
        return reportUnsupported(op, "scan_input_axes is out of range");
      inputAxes.push_back(axis);
    }
    Value length = getValueOrCreateConstantIndexOp(
        rewriter, loc,
        getDim(rewriter, loc, operands[numStates], inputAxes[0]));

    // States in the result types, and the output buffers.
    SmallVector<Value> inits;
    for (int64_t i = 0; i < numStates; ++i) {
      Value cast = castIfCompatible(rewriter, loc, operands[i], resultTypes[i]);
      if (!cast)
        return reportUnsupported(op, "a state changes rank");
      inits.push_back(cast);
    }
    auto yield = cast<onnx::YieldOp>(op.getBody().front().getTerminator());
    SmallVector<int64_t> outputAxes, outputReverse;
    for (int64_t k = 0; k < numScanOut; ++k) {
      auto slice = dyn_cast_or_null<RankedTensorType>(
          converter->convertType(yield.getOperand(numStates + k).getType()));
      if (!slice || !slice.hasStaticShape())
        return reportUnsupported(op, "scan output slices must have a static "
                                     "shape");
      int64_t axis = attrAt(outAxes, k, 0);
      if (axis < 0)
        axis += slice.getRank() + 1;
      if (axis < 0 || axis > slice.getRank())
        return reportUnsupported(op, "scan_output_axes is out of range");
      outputAxes.push_back(axis);
      outputReverse.push_back(attrAt(outDirs, k, 0));
      SmallVector<int64_t> shape(slice.getShape());
      std::optional<int64_t> staticLength = getConstantIntValue(length);
      shape.insert(shape.begin() + axis,
                   staticLength ? *staticLength : ShapedType::kDynamic);
      SmallVector<OpFoldResult> dims;
      for (int64_t d : slice.getShape())
        dims.push_back(rewriter.getIndexAttr(d));
      dims.insert(dims.begin() + axis, length);
      inits.push_back(createEmpty(
          rewriter, loc, RankedTensorType::get(shape, slice.getElementType()),
          dims));
    }

    FailureOr<Block *> body =
        rewriter.convertRegionTypes(&op.getBody(), *converter);
    if (failed(body))
      return reportUnsupported(op,
                               "the body's input types cannot be converted");
    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
    auto forOp = scf::ForOp::create(rewriter, loc, zero, length, one, inits);
    forOp->setAttr(kScanStatesAttr, rewriter.getI64IntegerAttr(numStates));
    forOp->setAttr(kScanAxesAttr, rewriter.getDenseI64ArrayAttr(outputAxes));
    forOp->setAttr(kScanReverseAttr,
                   rewriter.getDenseI64ArrayAttr(outputReverse));
    Block *loopBody = forOp.getBody();
    rewriter.setInsertionPointToStart(loopBody);
    Value iv = forOp.getInductionVar();
    Value last = arith::SubIOp::create(rewriter, loc, length, one);
    Value reversed = arith::SubIOp::create(rewriter, loc, last, iv);
    SmallVector<Value> replacements;
    for (int64_t i = 0; i < numStates; ++i) {
      Value cast = castIfCompatible(rewriter, loc, forOp.getRegionIterArg(i),
                                    (*body)->getArgument(i).getType());
      if (!cast)
        return reportUnsupported(op, "a state changes rank");
      replacements.push_back(cast);
    }
    for (int64_t k = 0; k < numScanIn; ++k) {
      Value input = operands[numStates + k];
      auto type = cast<RankedTensorType>(input.getType());
      int64_t axis = inputAxes[k];
      SmallVector<OpFoldResult> offsets(type.getRank(),
                                        rewriter.getIndexAttr(0));
      offsets[axis] = attrAt(inDirs, k, 0) ? reversed : iv;
      SmallVector<OpFoldResult> sizes = getDims(rewriter, loc, input);
      sizes[axis] = rewriter.getIndexAttr(1);
      SmallVector<bool> drop(type.getRank(), false);
      drop[axis] = true;
      Value slice = extractSlice(rewriter, loc, input, offsets, sizes, drop);
      Value cast = castIfCompatible(
          rewriter, loc, slice, (*body)->getArgument(numStates + k).getType());
      if (!cast)
        return reportUnsupported(op, "a scan input slice has an unexpected "
                                     "rank");
      replacements.push_back(cast);
    }
    rewriter.mergeBlocks(*body, loopBody, replacements);

    rewriter.setInsertionPointAfter(forOp);
    SmallVector<Value> results;
    for (auto [value, type] : llvm::zip(forOp.getResults(), resultTypes))
      results.push_back(castTo(rewriter, loc, value, type));
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// onnx.Yield at the end of an scf.for made from onnx.Scan: the states and
/// the buffers with this step's slices written.
struct ScanYieldLowering : public OpConversionPattern<onnx::YieldOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::YieldOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto forOp = dyn_cast<scf::ForOp>(op->getParentOp());
    if (!forOp || !forOp->hasAttr(kScanStatesAttr))
      return rewriter.notifyMatchFailure(op, "not the body of a Scan");
    Location loc = op.getLoc();
    int64_t numStates =
        cast<IntegerAttr>(forOp->getAttr(kScanStatesAttr)).getInt();
    ArrayRef<int64_t> axes =
        cast<DenseI64ArrayAttr>(forOp->getAttr(kScanAxesAttr)).asArrayRef();
    ArrayRef<int64_t> reverse =
        cast<DenseI64ArrayAttr>(forOp->getAttr(kScanReverseAttr)).asArrayRef();
    ValueRange operands = adaptor.getOperands();
    SmallVector<Value> next;
    for (int64_t i = 0; i < numStates; ++i) {
      Value cast = castIfCompatible(rewriter, loc, operands[i],
                                    forOp.getResultTypes()[i]);
      if (!cast)
        return reportUnsupported(op, "a state changes rank");
      next.push_back(cast);
    }
    Value iv = forOp.getInductionVar();
    Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
    Value last =
        arith::SubIOp::create(rewriter, loc, forOp.getUpperBound(), one);
    Value reversed = arith::SubIOp::create(rewriter, loc, last, iv);
    for (auto [k, axis] : llvm::enumerate(axes)) {
      Value buffer = forOp.getRegionIterArg(numStates + k);
      Value slice = operands[numStates + k];
      SmallVector<OpFoldResult> offsets(
          cast<RankedTensorType>(buffer.getType()).getRank(),
          rewriter.getIndexAttr(0));
      offsets[axis] = reverse[k] ? reversed : iv;
      next.push_back(
          insertSlice(rewriter, loc, slice, buffer, offsets,
                      sliceSizesWithUnit(rewriter, loc, slice, axis)));
    }
    rewriter.replaceOpWithNewOp<scf::YieldOp>(op, next);
    rewriter.modifyOpInPlace(forOp, [&] {
      forOp->removeAttr(kScanStatesAttr);
      forOp->removeAttr(kScanAxesAttr);
      forOp->removeAttr(kScanReverseAttr);
    });
    return success();
  }
};

} // namespace
} // namespace onnxc::lowering

void onnxc::lowering::nnx::populateLoopPatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns) {
  patterns
      .add<LoopLowering, LoopYieldLowering, ScanLowering, ScanYieldLowering>(
          converter, patterns.getContext());
}
