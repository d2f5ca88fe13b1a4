//===- Normalize.cpp - older opset forms to the newest form ---------------===//

#include "Normalize.h"

#include "dialects/Onnx/IR/OnnxOps.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/IR/Verifier.h"

using namespace mlir;

namespace onnxc::importer {
namespace {

Value constI64(OpBuilder &b, Location loc, ArrayRef<int64_t> values,
               bool scalar = false) {
  auto type = RankedTensorType::get(
      scalar ? ArrayRef<int64_t>{} : ArrayRef<int64_t>{(int64_t)values.size()},
      b.getI64Type());
  auto attr = DenseElementsAttr::get(type, values);
  return onnx::ConstantOp::create(b, loc, type, attr);
}

Value constScalarLike(OpBuilder &b, Location loc, Value like, double v) {
  Type elementType = onnx::getElementType(like);
  auto type = RankedTensorType::get({}, elementType);
  Attribute attr;
  if (auto f = dyn_cast<FloatType>(elementType))
    attr = DenseElementsAttr::get(type, b.getFloatAttr(f, v));
  else
    attr = DenseElementsAttr::get(
        type, b.getIntegerAttr(elementType, static_cast<int64_t>(v)));
  return onnx::ConstantOp::create(b, loc, type, cast<ElementsAttr>(attr));
}

/// Moves an ints attribute `name` to operand `index` as an i64 constant.
void attrToInput(OpBuilder &b, NodeState &s, StringRef name, unsigned index) {
  auto it = s.attributes.find(name);
  if (it == s.attributes.end())
    return;
  auto ints = dyn_cast<DenseI64ArrayAttr>(it->second);
  s.attributes.erase(it);
  if (!ints)
    return;
  if (s.operands.size() <= index)
    s.operands.resize(index + 1);
  s.operands[index] = constI64(b, s.loc, ints.asArrayRef());
}

/// The Constant node's value in its many attribute forms.
LogicalResult normalizeConstant(OpBuilder &b, NodeState &s) {
  if (s.attributes.count("value"))
    return success();
  auto take = [&](StringRef name) -> Attribute {
    auto it = s.attributes.find(name);
    if (it == s.attributes.end())
      return {};
    Attribute a = it->second;
    s.attributes.erase(it);
    return a;
  };
  auto wrongType = [&](StringRef name, StringRef expected) {
    return emitError(s.loc) << "attribute \"" << name << "\" must be "
                            << expected;
  };
  if (Attribute a = take("value_float")) {
    auto f = dyn_cast<FloatAttr>(a);
    if (!f)
      return wrongType("value_float", "a float");
    auto type = RankedTensorType::get({}, b.getF32Type());
    s.attributes["value"] = DenseElementsAttr::get(type, f);
  } else if (Attribute a = take("value_floats")) {
    auto array = dyn_cast<DenseF32ArrayAttr>(a);
    if (!array)
      return wrongType("value_floats", "a list of floats");
    auto floats = array.asArrayRef();
    auto type = RankedTensorType::get({(int64_t)floats.size()}, b.getF32Type());
    s.attributes["value"] = DenseElementsAttr::get(type, floats);
  } else if (Attribute a = take("value_int")) {
    auto i = dyn_cast<IntegerAttr>(a);
    if (!i)
      return wrongType("value_int", "an int");
    auto type = RankedTensorType::get({}, b.getI64Type());
    s.attributes["value"] = DenseElementsAttr::get(type, i);
  } else if (Attribute a = take("value_ints")) {
    auto array = dyn_cast<DenseI64ArrayAttr>(a);
    if (!array)
      return wrongType("value_ints", "a list of ints");
    auto ints = array.asArrayRef();
    auto type = RankedTensorType::get({(int64_t)ints.size()}, b.getI64Type());
    s.attributes["value"] = DenseElementsAttr::get(type, ints);
  } else if (s.attributes.count("sparse_value") ||
             s.attributes.count("value_string") ||
             s.attributes.count("value_strings")) {
    return emitError(s.loc) << "only tensor, float(s) and int(s) values are "
                               "supported (no sparse or string constants)";
  } else {
    return emitError(s.loc)
           << "the required attribute is missing: one of value, value_float, "
              "value_floats, value_int or value_ints";
  }
  return success();
}

} // namespace

FailureOr<Type> getFlexAttentionScoreType(const NodeState &s) {
  auto ranked = [&](unsigned i) -> RankedTensorType {
    if (i >= s.operands.size() || !s.operands[i])
      return {};
    auto type = dyn_cast<RankedTensorType>(s.operands[i].getType());
    return type && type.getRank() == 4 ? type : RankedTensorType();
  };
  RankedTensorType q = ranked(0), k = ranked(1);
  if (!q || !k)
    return emitError(s.loc) << "Q and K must be tensors of rank 4 (known at "
                               "import) for the modifier subgraphs",
           failure();
  MLIRContext *ctx = s.loc.getContext();
  Type precision = q.getElementType().isF64() ? Type(Float64Type::get(ctx))
                                              : Type(Float32Type::get(ctx));
  if (Attribute attr = s.attributes.lookup("softmax_precision")) {
    auto code = dyn_cast<IntegerAttr>(attr);
    Type t = code ? convertElementType(ctx, code.getInt()) : Type();
    if (!t || !isa<FloatType>(t))
      return emitError(s.loc) << "softmax_precision must be a float data "
                                 "type code",
             failure();
    precision = t;
  }
  return Type(RankedTensorType::get(
      {q.getDimSize(0), q.getDimSize(1), q.getDimSize(2), k.getDimSize(2)},
      precision));
}

Type elementTypeFromName(MLIRContext *ctx, StringRef name) {
  std::string upper = name.upper();
  ::onnx::TensorProto::DataType code;
  if (!::onnx::TensorProto::DataType_Parse(upper, &code))
    return {};
  return convertElementType(ctx, code);
}

/// The result type an op of the sequence family is built with before shape
/// inference: !onnx.seq or !onnx.opt where the op returns one, null for
/// ops whose results are tensors.
static Type sequencePlaceholderType(OpBuilder &b, const NodeState &s) {
  auto unranked = UnrankedTensorType::get(b.getF32Type());
  auto seq = onnx::SeqType::get(b.getContext(), unranked);
  StringRef op = s.opType;
  if (op == "SequenceConstruct" || op == "SequenceEmpty" ||
      op == "SequenceInsert" || op == "SequenceErase" ||
      op == "SplitToSequence" || op == "SequenceMap")
    return seq;
  if (op == "Optional")
    return onnx::OptType::get(b.getContext(), unranked);
  if (op == "OptionalGetElement" && !s.operands.empty() && s.operands[0]) {
    Type input = s.operands[0].getType();
    if (auto opt = dyn_cast<onnx::OptType>(input))
      input = opt.getElementType();
    if (isa<onnx::SeqType>(input))
      return seq;
  }
  return {};
}

/// The ONNX attribute kind an imported attribute came from, for diagnostics.
static StringRef describeAttributeKind(Attribute attr) {
  if (isa<IntegerAttr>(attr))
    return "an int";
  if (isa<FloatAttr>(attr))
    return "a float";
  if (isa<StringAttr>(attr))
    return "a string";
  if (isa<DenseI64ArrayAttr>(attr))
    return "a list of ints";
  if (isa<DenseF32ArrayAttr>(attr))
    return "a list of floats";
  if (isa<ElementsAttr>(attr))
    return "a tensor";
  if (isa<TypeAttr>(attr))
    return "a type";
  return "an unexpected kind";
}

/// Builds one onnx op from `state`, infers its types and folds it.
static FailureOr<SmallVector<Value>>
buildOp(OpBuilder &b, NodeState &s, const OpSpec &spec, int numNodeOutputs,
        SmallVectorImpl<std::unique_ptr<Region>> &regions) {
  MLIRContext *ctx = b.getContext();
  std::string opName = "onnx." + s.opType;
  auto registered = RegisteredOperationName::lookup(opName, ctx);
  if (!registered)
    return emitError(s.loc) << "no onnx dialect op for " << s.opType, failure();

  if (spec.numOperands >= 0) {
    if (static_cast<int>(s.operands.size()) > spec.numOperands)
      return emitError(s.loc) << "has " << s.operands.size()
                              << " inputs, at most " << spec.numOperands
                              << " are allowed",
             failure();
    s.operands.resize(spec.numOperands);
  }
  OperationState state(s.loc, opName);
  for (Value &v : s.operands) {
    if (!v)
      v = onnx::NoValueOp::create(b, s.loc, b.getNoneType());
    state.operands.push_back(v);
  }
  int numResults = spec.numResults >= 0 ? spec.numResults : numNodeOutputs;
  if (numNodeOutputs > numResults)
    return emitError(s.loc) << "has " << numNodeOutputs
                            << " outputs, at most " << numResults
                            << " are supported",
           failure();
  for (int i = 0; i < numResults; ++i)
    state.types.push_back(i < numNodeOutputs
                              ? Type(UnrankedTensorType::get(b.getF32Type()))
                              : Type(b.getNoneType()));
  if (auto value = dyn_cast_or_null<ElementsAttr>(s.attributes.lookup("value"));
      value && s.opType == "Constant")
    state.types[0] = value.getType();
  // Ops that make sequences and optionals: a placeholder of the right kind
  // (shape inference sets the element type below).
  if (Type placeholder = sequencePlaceholderType(b, s); placeholder)
    for (int i = 0; i < numNodeOutputs && i < numResults; ++i)
      state.types[i] = placeholder;
  // Attributes the op does not declare (legacy ones such as consumed_inputs
  // or spatial) carry no meaning in the newest form and are dropped.
  // An attribute of the wrong ONNX type (a float `axis`) would be dropped by
  // the op's properties and then read as null: refuse it here.
  for (StringAttr name : registered->getAttributeNames()) {
    auto it = s.attributes.find(name.strref());
    if (it == s.attributes.end())
      continue;
    NamedAttrList one;
    one.append(name, it->second);
    if (failed(registered->verifyInherentAttrs(one, [&]() {
          return emitError(s.loc)
                 << "attribute \"" << name.strref() << "\" has the wrong type ("
                 << describeAttributeKind(it->second) << "): ";
        })))
      return failure();
    state.addAttribute(name, it->second);
  }
  for (auto &region : regions)
    state.addRegion(std::move(region));
  Operation *op = b.create(state);
  // The op's own invariants (not dominance: a subgraph's region is not yet
  // attached to its op while the nodes inside it are built).
  if (failed(registered->verifyInvariants(op)) ||
      failed(registered->verifyRegionInvariants(op))) {
    op->erase();
    return failure();
  }
  if (auto iface = dyn_cast<onnx::ShapeInferenceOpInterface>(op))
    if (failed(iface.inferShapes()))
      return failure();
  for (Type type : op->getResultTypes())
    if (auto ranked = dyn_cast<RankedTensorType>(type);
        ranked && ranked.getRank() > kMaxTensorRank)
      return emitError(s.loc) << "a result has rank " << ranked.getRank()
                              << "; tensors of more than " << kMaxTensorRank
                              << " dims are not supported",
             failure();
  SmallVector<Value> results;
  if (op->getNumRegions() == 0 && !op->hasTrait<OpTrait::ConstantLike>() &&
      succeeded(b.tryFold(op, results)) && !results.empty() &&
      !llvm::equal(results, op->getResults())) {
    // (An empty result list means the op was folded in place.)
    op->erase();
    return results;
  }
  return SmallVector<Value>(op->getResults());
}

/// Scan before opset 9 (sequence_lens first, a batch dim 0 on every input
/// and output) as an outer Scan over the batch whose body runs the newer
/// Scan on one batch entry. `regions` holds the body, imported with the
/// batch dim dropped from its argument types.
static FailureOr<SmallVector<Value>>
buildLegacyScan(OpBuilder &b, NodeState &s, const OpSpec &spec,
                int numNodeOutputs,
                SmallVectorImpl<std::unique_ptr<Region>> &regions) {
  if (s.operands.empty() || regions.size() != 1)
    return emitError(s.loc) << "needs inputs and a body", failure();
  SmallVector<Value> inputs(s.operands.begin() + 1, s.operands.end());
  if (Value lens = s.operands[0]) {
    // Lengths that all equal the scan length change nothing.
    auto numScan = dyn_cast_or_null<IntegerAttr>(
        s.attributes.lookup("num_scan_inputs"));
    auto values = onnx::getConstantInts(lens);
    int64_t length = ShapedType::kDynamic;
    if (numScan && numScan.getInt() > 0 &&
        numScan.getInt() <= static_cast<int64_t>(inputs.size()))
      if (auto shape =
              onnx::getRankedShape(inputs[inputs.size() - numScan.getInt()]);
          shape && shape->size() >= 2)
        length = (*shape)[1];
    if (!values || ShapedType::isDynamic(length) ||
        llvm::any_of(*values, [&](int64_t v) { return v != length; }))
      return emitError(s.loc) << "sequence_lens is only supported as a "
                                 "constant equal to the sequence length "
                                 "(scans of unequal lengths are not)",
             failure();
  }
  auto outer = std::make_unique<Region>();
  Block *block = new Block();
  outer->push_back(block);
  NodeState inner(s.loc, "Scan", 9);
  for (Value input : inputs) {
    auto type = dyn_cast<RankedTensorType>(input.getType());
    if (!type || type.getRank() == 0)
      return emitError(s.loc) << "inputs must have a batch dimension",
             failure();
    inner.operands.push_back(block->addArgument(
        RankedTensorType::get(type.getShape().drop_front(),
                              type.getElementType()),
        s.loc));
  }
  inner.attributes["num_scan_inputs"] = s.attributes.lookup("num_scan_inputs");
  if (Attribute directions = s.attributes.lookup("directions"))
    inner.attributes["scan_input_directions"] = directions;
  OpBuilder innerBuilder(b.getContext());
  innerBuilder.setInsertionPointToStart(block);
  auto results = buildOp(innerBuilder, inner, spec, numNodeOutputs, regions);
  if (failed(results))
    return failure();
  onnx::YieldOp::create(innerBuilder, s.loc, *results);

  NodeState batch(s.loc, "Scan", 9);
  batch.operands = inputs;
  batch.attributes["num_scan_inputs"] =
      b.getI64IntegerAttr(static_cast<int64_t>(inputs.size()));
  SmallVector<std::unique_ptr<Region>> outerRegions;
  outerRegions.push_back(std::move(outer));
  return buildOp(b, batch, spec, numNodeOutputs, outerRegions);
}

FailureOr<SmallVector<Value>>
buildNormalizedOp(OpBuilder &b, NodeState &s, const OpSpec &spec,
                  int numNodeOutputs,
                  SmallVectorImpl<std::unique_ptr<Region>> &regions) {
  StringRef op = s.opType;
  int64_t v = s.opset;
  auto input = [&](unsigned i) -> Value {
    return i < s.operands.size() ? s.operands[i] : Value();
  };

  if (op == "Constant" && failed(normalizeConstant(b, s)))
    return failure();
  // CastLike is Cast to the element type of its second input.
  if (op == "CastLike") {
    if (!input(0) || !input(1))
      return emitError(s.loc) << "needs two inputs", failure();
    NodeState cast(s.loc, "Cast", 19);
    cast.operands = {input(0)};
    cast.attributes["to"] = TypeAttr::get(onnx::getElementType(input(1)));
    if (auto saturate = s.attributes.lookup("saturate"))
      cast.attributes["saturate"] = saturate;
    SmallVector<std::unique_ptr<Region>> none;
    return buildOp(b, cast, *lookupOp("", "Cast", 19), 1, none);
  }
  // Resize-11's tf_half_pixel_for_nn was removed in opset 13.
  if (op == "Resize" && v >= 13) {
    auto mode = dyn_cast_or_null<StringAttr>(
        s.attributes.lookup("coordinate_transformation_mode"));
    if (mode && mode.getValue() == "tf_half_pixel_for_nn")
      return emitError(s.loc) << "coordinate_transformation_mode "
                                 "\"tf_half_pixel_for_nn\" exists only "
                                 "before opset 13",
             failure();
  }
  if (op.starts_with("Reduce") && ((op == "ReduceSum" && v < 13) ||
                                   (op != "ReduceSum" && v < 18)))
    attrToInput(b, s, "axes", 1);
  if ((op == "Squeeze" || op == "Unsqueeze") && v < 13)
    attrToInput(b, s, "axes", 1);
  if (op == "Split" && v < 13)
    attrToInput(b, s, "split", 1);
  if (op == "Reshape" && v < 5)
    attrToInput(b, s, "shape", 1);
  if (op == "Slice" && v < 10) {
    attrToInput(b, s, "starts", 1);
    attrToInput(b, s, "ends", 2);
    attrToInput(b, s, "axes", 3);
  }
  if (op == "Pad" && v < 11) {
    attrToInput(b, s, "pads", 1);
    if (auto value = s.attributes.lookup("value")) {
      auto f = dyn_cast<FloatAttr>(value);
      if (!f || !input(0))
        return emitError(s.loc) << "attribute \"value\" must be a float",
               failure();
      s.operands.resize(3);
      s.operands[2] = constScalarLike(b, s.loc, input(0), f.getValueAsDouble());
      s.attributes.erase("value");
    }
  }
  if (op == "Clip" && v < 11) {
    s.operands.resize(3);
    for (auto [name, index] : {std::pair<StringRef, int>("min", 1), {"max", 2}}) {
      Attribute bound = s.attributes.lookup(name);
      if (!bound)
        continue;
      auto f = dyn_cast<FloatAttr>(bound);
      if (!f || !input(0))
        return emitError(s.loc) << "attribute \"" << name
                                << "\" must be a float",
               failure();
      s.operands[index] =
          constScalarLike(b, s.loc, input(0), f.getValueAsDouble());
    }
  }
  if (op == "Concat" && v < 4 && !s.attributes.count("axis"))
    s.attributes["axis"] = b.getI64IntegerAttr(1);
  if (op == "Dropout" && v < 12)
    s.operands.resize(1);

  // Legacy broadcasting (opset < 7): B aligned to A starting at `axis`.
  if (v < 7 && s.operands.size() == 2 && s.attributes.count("broadcast")) {
    auto a = onnx::getRankedShape(input(0));
    auto bShape = onnx::getRankedShape(input(1));
    auto broadcast = dyn_cast<IntegerAttr>(s.attributes.lookup("broadcast"));
    if (broadcast && broadcast.getInt() && a && bShape) {
      int64_t axis = static_cast<int64_t>(a->size() - bShape->size());
      if (auto axisAttr = dyn_cast_or_null<IntegerAttr>(s.attributes.lookup("axis")))
        axis = axisAttr.getInt() < 0 ? axisAttr.getInt() + a->size()
                                     : axisAttr.getInt();
      int64_t trailing = static_cast<int64_t>(a->size()) - axis -
                         static_cast<int64_t>(bShape->size());
      if (trailing > 0) {
        SmallVector<int64_t> axes;
        for (int64_t i = 0; i < trailing; ++i)
          axes.push_back(bShape->size() + i);
        NodeState unsq(s.loc, "Unsqueeze", 13);
        unsq.operands = {input(1), constI64(b, s.loc, axes)};
        SmallVector<std::unique_ptr<Region>> none;
        auto r = buildOp(b, unsq, *lookupOp("", "Unsqueeze", 13), 1, none);
        if (failed(r))
          return failure();
        s.operands[1] = (*r)[0];
      }
    }
  }

  // Softmax before opset 13 works on the input flattened to 2-D at `axis`.
  if ((op == "Softmax" || op == "LogSoftmax") && v < 13 && input(0)) {
    int64_t axis = 1;
    if (auto a = dyn_cast_or_null<IntegerAttr>(s.attributes.lookup("axis")))
      axis = a.getInt();
    auto shape = onnx::getRankedShape(input(0));
    int64_t rank = shape ? static_cast<int64_t>(shape->size()) : -1;
    if (rank >= 0 && (axis == rank - 1 || axis == -1)) {
      s.attributes["axis"] = b.getI64IntegerAttr(-1);
    } else {
      SmallVector<std::unique_ptr<Region>> none;
      NodeState flatten(s.loc, "Flatten", 13);
      flatten.operands = {input(0)};
      flatten.attributes["axis"] = b.getI64IntegerAttr(axis);
      auto flat = buildOp(b, flatten, *lookupOp("", "Flatten", 13), 1, none);
      if (failed(flat))
        return failure();
      NodeState softmax(s.loc, s.opType, 13);
      softmax.operands = {(*flat)[0]};
      softmax.attributes["axis"] = b.getI64IntegerAttr(1);
      auto sm = buildOp(b, softmax, spec, 1, none);
      if (failed(sm))
        return failure();
      NodeState shapeOf(s.loc, "Shape", 13);
      shapeOf.operands = {input(0)};
      auto shapeValue = buildOp(b, shapeOf, *lookupOp("", "Shape", 13), 1, none);
      if (failed(shapeValue))
        return failure();
      NodeState reshape(s.loc, "Reshape", 13);
      reshape.operands = {(*sm)[0], (*shapeValue)[0]};
      return buildOp(b, reshape, *lookupOp("", "Reshape", 13), 1, none);
    }
  }

  if (op == "Scan" && v < 9)
    return buildLegacyScan(b, s, spec, numNodeOutputs, regions);

  return buildOp(b, s, spec, numNodeOutputs, regions);
}

} // namespace onnxc::importer
