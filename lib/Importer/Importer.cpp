//===- Importer.cpp - ONNX graphs to the onnx dialect ---------------------===//
//
// Mechanical: every node becomes one onnx op (a few older opset forms are
// rewritten to the newest form, see Normalize.cpp), initializers become
// onnx.Constant, subgraphs become regions. Nodes are visited in dependency
// order, and each op's result types are inferred (and constant shape
// computations folded) as soon as it is built.
//
//===----------------------------------------------------------------------===//

#include "ImporterImpl.h"
#include "Normalize.h"

#include "dialects/Onnx/IR/OnnxOps.h"
#include "dialects/Onnx/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <google/protobuf/io/coded_stream.h>

#include <deque>

using namespace mlir;

namespace onnxc::importer {
namespace {

/// Values visible in a graph: its own and those of enclosing graphs.
struct Scope {
  const Scope *parent = nullptr;
  llvm::StringMap<Value> values;

  Value lookup(StringRef name) const {
    for (const Scope *s = this; s; s = s->parent)
      if (auto it = s->values.find(name); it != s->values.end())
        return it->second;
    return {};
  }
};

class ModelImporter {
public:
  ModelImporter(MLIRContext &ctx, StringRef displayName, StringRef baseDir,
                const ImportOptions &options,
                std::shared_ptr<::onnx::ModelProto> model)
      : ctx(ctx), displayName(displayName.str()), options(options),
        model(std::move(model)), external(baseDir.str()),
        fileLoc(FileLineColLoc::get(&ctx, displayName, 0, 0)) {
    budget.limit = options.maxWeightBytes;
  }

  OwningOpRef<ModuleOp> run();

private:
  int64_t opsetOf(StringRef domain) const {
    auto it = opsets.find(domain == "ai.onnx" ? "" : domain);
    return it == opsets.end() ? -1 : it->second;
  }
  std::string describeNode(const ::onnx::NodeProto &node, int64_t index) const;
  Location nodeLoc(const ::onnx::NodeProto &node, int64_t index) const {
    return NameLoc::get(StringAttr::get(&ctx, describeNode(node, index)),
                        fileLoc);
  }

  LogicalResult checkOperators(const ::onnx::GraphProto &graph,
                               SmallVectorImpl<std::string> &unsupported,
                               int &counter);
  FailureOr<TensorType> convertValueInfo(const ::onnx::ValueInfoProto &info,
                                         bool applyOverrides);
  FailureOr<SmallVector<const ::onnx::NodeProto *>>
  sortNodes(const ::onnx::GraphProto &graph, const Scope &scope);
  LogicalResult importGraphBody(const ::onnx::GraphProto &graph, OpBuilder &b,
                                Scope &scope);
  LogicalResult importNode(const ::onnx::NodeProto &node, int64_t index,
                           OpBuilder &b, Scope &scope);
  std::unique_ptr<Region> importSubgraph(const ::onnx::GraphProto &graph,
                                         StringRef name,
                                         ArrayRef<Type> argTypes, Location loc,
                                         const Scope &parent);
  FailureOr<Attribute> convertAttribute(const ::onnx::AttributeProto &attr,
                                        Location loc);

  MLIRContext &ctx;
  std::string displayName;
  const ImportOptions &options;
  std::shared_ptr<::onnx::ModelProto> model;
  ExternalDataReader external;
  WeightBudget budget;
  Location fileLoc;
  llvm::StringMap<int64_t> opsets;
  /// Index of every node, by address, for names of unnamed nodes.
  llvm::DenseMap<const ::onnx::NodeProto *, int64_t> nodeIndex;
};

std::string ModelImporter::describeNode(const ::onnx::NodeProto &node,
                                        int64_t index) const {
  std::string name = node.name();
  if (name.empty())
    name = node.op_type() + "_" + std::to_string(index);
  StringRef domain = node.domain();
  std::string domainName = domain.empty() ? "ai.onnx" : domain.str();
  int64_t opset = opsetOf(node.domain());
  return "node \"" + name + "\" (" + node.op_type() + ", " + domainName +
         (opset < 0 ? ", no opset imported" : " opset " + std::to_string(opset)) +
         ")";
}

LogicalResult
ModelImporter::checkOperators(const ::onnx::GraphProto &graph,
                              SmallVectorImpl<std::string> &unsupported,
                              int &counter) {
  for (const ::onnx::NodeProto &node : graph.node()) {
    int64_t index = counter++;
    nodeIndex[&node] = index;
    int64_t opset = opsetOf(node.domain());
    if (opset < 0 || !lookupOp(node.domain(), node.op_type(), opset))
      unsupported.push_back(describeNode(node, index));
    for (const ::onnx::AttributeProto &attr : node.attribute()) {
      if (attr.has_g())
        (void)checkOperators(attr.g(), unsupported, counter);
      for (const ::onnx::GraphProto &g : attr.graphs())
        (void)checkOperators(g, unsupported, counter);
    }
  }
  return success(unsupported.empty());
}

FailureOr<TensorType>
ModelImporter::convertValueInfo(const ::onnx::ValueInfoProto &info,
                                bool applyOverrides) {
  Location loc = fileLoc;
  if (!info.has_type() || !info.type().has_tensor_type())
    return emitError(loc) << "graph input \"" << info.name()
                          << "\" is not a tensor (sequences, maps and "
                             "optionals are not supported)",
           failure();
  const auto &tensorType = info.type().tensor_type();
  Type elementType = convertElementType(&ctx, tensorType.elem_type());
  if (!elementType)
    return emitError(loc) << "graph input \"" << info.name()
                          << "\" has element type "
                          << dataTypeName(tensorType.elem_type())
                          << ", which is not supported",
           failure();
  if (applyOverrides) {
    auto it = options.inputShapes.find(info.name());
    if (it != options.inputShapes.end()) {
      SmallVector<int64_t> dims;
      for (int64_t d : it->second)
        dims.push_back(d < 0 ? ShapedType::kDynamic : d);
      if (tensorType.has_shape() &&
          tensorType.shape().dim_size() != static_cast<int>(dims.size()))
        return emitError(loc) << "--input-shape for \"" << info.name()
                              << "\" has " << dims.size()
                              << " dims, the model declares "
                              << tensorType.shape().dim_size(),
               failure();
      if (tensorType.has_shape()) {
        for (auto [i, dim] : llvm::enumerate(tensorType.shape().dim())) {
          if (dim.has_dim_value() && dim.dim_value() > 0 &&
              dims[i] != dim.dim_value())
            return emitError(loc)
                       << "--input-shape for \"" << info.name()
                       << "\" gives dimension " << i << " as "
                       << (ShapedType::isDynamic(dims[i]) ? -1 : dims[i])
                       << ", the model declares it " << dim.dim_value(),
                   failure();
        }
      }
      return cast<TensorType>(RankedTensorType::get(dims, elementType));
    }
  }
  if (!tensorType.has_shape())
    return cast<TensorType>(UnrankedTensorType::get(elementType));
  SmallVector<int64_t> dims;
  for (const auto &dim : tensorType.shape().dim()) {
    if (dim.has_dim_value() && dim.dim_value() >= 0)
      dims.push_back(dim.dim_value());
    else
      dims.push_back(ShapedType::kDynamic);
  }
  return cast<TensorType>(RankedTensorType::get(dims, elementType));
}

/// Names a node reads, including those its subgraphs read from outside.
static void collectInputs(const ::onnx::NodeProto &node,
                          llvm::StringSet<> &out) {
  for (const std::string &input : node.input())
    if (!input.empty())
      out.insert(input);
  for (const ::onnx::AttributeProto &attr : node.attribute()) {
    auto visitGraph = [&](const ::onnx::GraphProto &g) {
      llvm::StringSet<> defined, used;
      for (const auto &i : g.input())
        defined.insert(i.name());
      for (const auto &i : g.initializer())
        defined.insert(i.name());
      for (const auto &n : g.node()) {
        collectInputs(n, used);
        for (const std::string &o : n.output())
          defined.insert(o);
      }
      for (const auto &o : g.output())
        used.insert(o.name());
      for (const auto &entry : used)
        if (!defined.contains(entry.getKey()))
          out.insert(entry.getKey());
    };
    if (attr.has_g())
      visitGraph(attr.g());
    for (const auto &g : attr.graphs())
      visitGraph(g);
  }
}

FailureOr<SmallVector<const ::onnx::NodeProto *>>
ModelImporter::sortNodes(const ::onnx::GraphProto &graph, const Scope &scope) {
  int n = graph.node_size();
  llvm::StringMap<int> producer;
  for (int i = 0; i < n; ++i) {
    const ::onnx::NodeProto &node = graph.node(i);
    for (const std::string &output : node.output()) {
      if (output.empty())
        continue;
      auto [it, inserted] = producer.try_emplace(output, i);
      if (!inserted || scope.values.count(output))
        return emitError(nodeLoc(node, nodeIndex.lookup(&node)))
                   << "output \"" << output
                   << "\" is already produced by another node, initializer "
                      "or graph input",
               failure();
    }
  }
  std::vector<SmallVector<int>> users(n);
  std::vector<int> pending(n, 0);
  for (int i = 0; i < n; ++i) {
    const ::onnx::NodeProto &node = graph.node(i);
    llvm::StringSet<> inputs;
    collectInputs(node, inputs);
    for (const auto &entry : inputs) {
      StringRef input = entry.getKey();
      auto it = producer.find(input);
      if (it != producer.end()) {
        users[it->second].push_back(i);
        ++pending[i];
        continue;
      }
      if (!scope.lookup(input))
        return emitError(nodeLoc(node, nodeIndex.lookup(&node)))
                   << "input \"" << input
                   << "\" is not produced by any node, initializer or graph "
                      "input",
               failure();
    }
  }
  std::deque<int> ready;
  for (int i = 0; i < n; ++i)
    if (pending[i] == 0)
      ready.push_back(i);
  SmallVector<const ::onnx::NodeProto *> order;
  while (!ready.empty()) {
    int i = ready.front();
    ready.pop_front();
    order.push_back(&graph.node(i));
    for (int user : users[i])
      if (--pending[user] == 0)
        ready.push_back(user);
  }
  if (static_cast<int>(order.size()) != n) {
    std::string cycle;
    int listed = 0;
    for (int i = 0; i < n && listed < 5; ++i) {
      if (pending[i] == 0)
        continue;
      const ::onnx::NodeProto &node = graph.node(i);
      cycle += (listed++ ? ", " : "") + describeNode(node, nodeIndex.lookup(&node));
    }
    return emitError(fileLoc) << "the graph has a cycle through " << cycle,
           failure();
  }
  return order;
}

FailureOr<Attribute>
ModelImporter::convertAttribute(const ::onnx::AttributeProto &attr,
                                Location loc) {
  Builder b(&ctx);
  switch (attr.type()) {
  case ::onnx::AttributeProto::INT:
    return Attribute(b.getI64IntegerAttr(attr.i()));
  case ::onnx::AttributeProto::FLOAT:
    return Attribute(b.getF32FloatAttr(attr.f()));
  case ::onnx::AttributeProto::STRING:
    return Attribute(b.getStringAttr(attr.s()));
  case ::onnx::AttributeProto::INTS:
    return Attribute(b.getDenseI64ArrayAttr(
        SmallVector<int64_t>(attr.ints().begin(), attr.ints().end())));
  case ::onnx::AttributeProto::FLOATS:
    return Attribute(b.getDenseF32ArrayAttr(
        SmallVector<float>(attr.floats().begin(), attr.floats().end())));
  case ::onnx::AttributeProto::TYPE_PROTO: {
    std::string error;
    auto type = convertTypeProto(&ctx, attr.tp(), error);
    if (failed(type))
      return emitError(loc) << "attribute \"" << attr.name() << "\" " << error,
             failure();
    return Attribute(TypeAttr::get(*type));
  }
  case ::onnx::AttributeProto::TENSOR: {
    ElementsAttr value =
        convertTensor(attr.t(), loc, external, budget, model);
    if (!value)
      return failure();
    return Attribute(value);
  }
  default:
    return emitError(loc) << "attribute \"" << attr.name() << "\" of type "
                          << ::onnx::AttributeProto::AttributeType_Name(
                                 attr.type())
                          << " is not supported",
           failure();
  }
}

/// Sets entry `name` of the defining op's `onnx.output_names` (kept only
/// where the op has none yet for that result: a folded value keeps the name
/// of the node that made it first).
static void recordOutputName(Value value, StringRef name) {
  auto result = dyn_cast<OpResult>(value);
  if (!result)
    return;
  Operation *op = result.getOwner();
  MLIRContext *ctx = op->getContext();
  SmallVector<Attribute> names(op->getNumResults(), StringAttr::get(ctx, ""));
  if (auto old = op->getAttrOfType<ArrayAttr>("onnx.output_names"))
    for (auto [i, attr] : llvm::enumerate(old))
      if (i < names.size())
        names[i] = attr;
  auto &slot = names[result.getResultNumber()];
  if (!cast<StringAttr>(slot).getValue().empty())
    return;
  slot = StringAttr::get(ctx, name);
  op->setAttr("onnx.output_names", ArrayAttr::get(ctx, names));
}

LogicalResult ModelImporter::importNode(const ::onnx::NodeProto &node,
                                        int64_t index, OpBuilder &b,
                                        Scope &scope) {
  Location loc = nodeLoc(node, index);
  int64_t opset = opsetOf(node.domain());
  const OpSpec *spec = lookupOp(node.domain(), node.op_type(), opset);
  assert(spec && "operators are checked before import");

  NodeState state(loc, node.op_type(), opset);
  for (const std::string &input : node.input())
    state.operands.push_back(input.empty() ? Value() : scope.lookup(input));
  for (const ::onnx::AttributeProto &attr : node.attribute()) {
    if (attr.type() == ::onnx::AttributeProto::GRAPH) {
      state.graphs[attr.name()] = &attr.g();
      continue;
    }
    if (attr.name() == "dtype" && node.op_type() == "SequenceEmpty") {
      Type dtype = attr.type() == ::onnx::AttributeProto::INT
                       ? convertElementType(&ctx, attr.i())
                       : Type();
      if (!dtype)
        return emitError(loc) << "attribute \"dtype\" must be a supported "
                                 "data_type code";
      state.attributes[attr.name()] = TypeAttr::get(dtype);
      continue;
    }
    if (attr.name() == "to" && node.op_type() == "Cast") {
      if (attr.type() != ::onnx::AttributeProto::INT &&
          attr.type() != ::onnx::AttributeProto::STRING)
        return emitError(loc)
               << "attribute \"to\" must be an int (a data_type code), not "
               << ::onnx::AttributeProto::AttributeType_Name(attr.type());
      Type to = attr.type() == ::onnx::AttributeProto::STRING
                    ? Type()
                    : convertElementType(&ctx, attr.i());
      if (attr.type() == ::onnx::AttributeProto::STRING)
        to = elementTypeFromName(&ctx, attr.s());
      if (!to)
        return emitError(loc) << "cast to "
                              << (attr.type() == ::onnx::AttributeProto::STRING
                                      ? attr.s()
                                      : dataTypeName(attr.i()).str())
                              << " is not supported";
      state.attributes[attr.name()] = TypeAttr::get(to);
      continue;
    }
    FailureOr<Attribute> converted = convertAttribute(attr, loc);
    if (failed(converted))
      return failure();
    state.attributes[attr.name()] = *converted;
  }

  // Subgraphs become regions, imported in a nested scope.
  SmallVector<std::unique_ptr<Region>> regions;
  auto addRegion = [&](StringRef name, ArrayRef<Type> argTypes) -> LogicalResult {
    const ::onnx::GraphProto *graph = state.graphs.lookup(name);
    if (!graph)
      return emitError(loc) << "attribute \"" << name << "\" is missing";
    auto region = importSubgraph(*graph, name, argTypes, loc, scope);
    if (!region)
      return failure();
    regions.push_back(std::move(region));
    return success();
  };
  if (node.op_type() == "If") {
    if (failed(addRegion("then_branch", {})) ||
        failed(addRegion("else_branch", {})))
      return failure();
  } else if (node.op_type() == "Loop") {
    SmallVector<Type> argTypes = {
        RankedTensorType::get({}, b.getI64Type()),
        RankedTensorType::get({}, b.getI1Type())};
    for (unsigned i = 2; i < state.operands.size(); ++i) {
      if (!state.operands[i])
        return emitError(loc) << "loop-carried input #" << i - 2
                              << " is missing";
      argTypes.push_back(state.operands[i].getType());
    }
    if (failed(addRegion("body", argTypes)))
      return failure();
  } else if (node.op_type() == "Scan") {
    auto numScanAttr =
        dyn_cast_or_null<IntegerAttr>(state.attributes.lookup("num_scan_inputs"));
    int64_t numScan = numScanAttr ? numScanAttr.getInt() : -1;
    // Before opset 9: sequence_lens first, and a batch dim 0 on every input
    // that the body does not see (Normalize.cpp nests a Scan over it).
    bool legacy = opset < 9;
    int64_t first = legacy ? 1 : 0;
    int64_t numInputs = static_cast<int64_t>(state.operands.size()) - first;
    if (numScan <= 0 || numScan > numInputs)
      return emitError(loc) << "num_scan_inputs must be in 1.." << numInputs;
    auto axes = dyn_cast_or_null<DenseI64ArrayAttr>(
        state.attributes.lookup("scan_input_axes"));
    SmallVector<Type> argTypes;
    for (int64_t i = 0; i < numInputs; ++i) {
      if (!state.operands[first + i])
        return emitError(loc) << "input #" << first + i << " is missing";
      Type type = state.operands[first + i].getType();
      if (legacy) {
        auto tensor = dyn_cast<RankedTensorType>(type);
        if (!tensor || tensor.getRank() < (i >= numInputs - numScan ? 2 : 1))
          return emitError(loc)
                 << "input #" << first + i
                 << " must be ranked with a batch dimension"
                 << (i >= numInputs - numScan ? " and a sequence dimension"
                                              : "");
        type = RankedTensorType::get(tensor.getShape().drop_front(),
                                     tensor.getElementType());
      }
      int64_t k = i - (numInputs - numScan);
      if (k >= 0) {
        auto tensor = dyn_cast<RankedTensorType>(type);
        int64_t axis = axes && k < static_cast<int64_t>(axes.size())
                           ? axes[k]
                           : 0;
        if (tensor) {
          if (axis < 0)
            axis += tensor.getRank();
          if (axis < 0 || axis >= tensor.getRank())
            return emitError(loc) << "scan_input_axes value is out of range";
          SmallVector<int64_t> dims(tensor.getShape());
          dims.erase(dims.begin() + axis);
          type = RankedTensorType::get(dims, tensor.getElementType());
        }
      }
      argTypes.push_back(type);
    }
    if (failed(addRegion("body", argTypes)))
      return failure();
  } else if (node.op_type() == "SequenceMap") {
    // The body sees one element of each sequence, and tensors as they are.
    SmallVector<Type> argTypes;
    for (auto [i, operand] : llvm::enumerate(state.operands)) {
      if (!operand)
        return emitError(loc) << "input #" << i << " is missing";
      Type type = operand.getType();
      if (auto seq = dyn_cast<onnx::SeqType>(type))
        type = seq.getElementType();
      argTypes.push_back(type);
    }
    if (failed(addRegion("body", argTypes)))
      return failure();
  } else if (node.op_type() == "FlexAttention") {
    // Optional modifiers: an absent one is an empty region.
    for (StringRef name : {"score_mod", "prob_mod"}) {
      if (!state.graphs.count(name)) {
        regions.push_back(std::make_unique<Region>());
        continue;
      }
      FailureOr<Type> scoreType = getFlexAttentionScoreType(state);
      if (failed(scoreType) || failed(addRegion(name, {*scoreType})))
        return failure();
    }
    for (const auto &graph : state.graphs)
      if (graph.getKey() != "score_mod" && graph.getKey() != "prob_mod")
        return emitError(loc) << "attribute \"" << graph.getKey()
                              << "\" is a graph, which FlexAttention does "
                                 "not take";
  }

  // Graph attributes are only read by the ops above.
  if (node.op_type() != "If" && node.op_type() != "Loop" &&
      node.op_type() != "Scan" && node.op_type() != "FlexAttention" &&
      node.op_type() != "SequenceMap" && !state.graphs.empty())
    return emitError(loc) << "attribute \"" << state.graphs.begin()->getKey()
                          << "\" is a graph, which " << node.op_type()
                          << " does not take";

  FailureOr<SmallVector<Value>> results =
      buildNormalizedOp(b, state, *spec, node.output_size(), regions);
  if (failed(results))
    return failure();
  for (int i = 0; i < node.output_size(); ++i) {
    const std::string &name = node.output(i);
    if (name.empty())
      continue;
    if (i >= static_cast<int>(results->size()) || !(*results)[i])
      return emitError(loc) << "output #" << i << " (\"" << name
                            << "\") is not supported";
    scope.values[name] = (*results)[i];
    if (options.keepTensorNames)
      recordOutputName((*results)[i], name);
  }
  return success();
}

std::unique_ptr<Region>
ModelImporter::importSubgraph(const ::onnx::GraphProto &graph, StringRef name,
                              ArrayRef<Type> argTypes, Location loc,
                              const Scope &parent) {
  if (graph.input_size() != static_cast<int>(argTypes.size())) {
    emitError(loc) << name << " has " << graph.input_size()
                   << " inputs, expected " << argTypes.size();
    return nullptr;
  }
  auto region = std::make_unique<Region>();
  Block *block = new Block();
  region->push_back(block);
  Scope child;
  child.parent = &parent;
  for (auto [input, type] : llvm::zip(graph.input(), argTypes))
    child.values[input.name()] = block->addArgument(type, loc);
  OpBuilder inner(&ctx);
  inner.setInsertionPointToStart(block);
  if (failed(importGraphBody(graph, inner, child)))
    return nullptr;
  SmallVector<Value> outputs;
  for (const auto &output : graph.output()) {
    Value v = child.lookup(output.name());
    if (!v) {
      emitError(loc) << name << " output \"" << output.name()
                     << "\" is not produced";
      return nullptr;
    }
    outputs.push_back(v);
  }
  onnx::YieldOp::create(inner, loc, outputs);
  return region;
}

LogicalResult ModelImporter::importGraphBody(const ::onnx::GraphProto &graph,
                                             OpBuilder &b, Scope &scope) {
  llvm::StringSet<> initializerNames;
  for (const ::onnx::TensorProto &init : graph.initializer()) {
    if (!initializerNames.insert(init.name()).second)
      return emitError(fileLoc) << "initializer \"" << init.name()
                                << "\" is defined more than once";
    ElementsAttr value = convertTensor(init, fileLoc, external, budget, model);
    if (!value)
      return failure();
    Location loc = NameLoc::get(
        StringAttr::get(&ctx, "initializer \"" + init.name() + "\""), fileLoc);
    scope.values[init.name()] =
        onnx::ConstantOp::create(b, loc, value.getType(), value);
  }
  if (graph.sparse_initializer_size() > 0)
    return emitError(fileLoc) << "sparse initializers are not supported";
  auto order = sortNodes(graph, scope);
  if (failed(order))
    return failure();
  for (const ::onnx::NodeProto *node : *order)
    if (failed(importNode(*node, nodeIndex.lookup(node), b, scope)))
      return failure();
  return success();
}

OwningOpRef<ModuleOp> ModelImporter::run() {
  ctx.loadDialect<onnx::OnnxDialect, func::FuncDialect>();
  if (!model->has_graph())
    return emitError(fileLoc) << "the model has no graph", nullptr;
  if (model->ir_version() > ::onnx::Version::IR_VERSION)
    return emitError(fileLoc) << "IR version " << model->ir_version()
                              << " is newer than the newest this compiler "
                                 "reads ("
                              << static_cast<int>(::onnx::Version::IR_VERSION)
                              << ")",
           nullptr;
  for (const auto &opset : model->opset_import()) {
    StringRef domain = opset.domain();
    opsets[domain == "ai.onnx" ? "" : domain] = opset.version();
  }
  if (model->opset_import_size() == 0 && model->ir_version() < 3)
    opsets[""] = 1;

  const ::onnx::GraphProto &graph = model->graph();
  SmallVector<std::string> unsupported;
  int counter = 0;
  if (failed(checkOperators(graph, unsupported, counter))) {
    auto diag = emitError(fileLoc);
    diag << unsupported.size() << " unsupported operator"
         << (unsupported.size() == 1 ? "" : "s") << ": ";
    llvm::interleaveComma(unsupported, diag);
    return nullptr;
  }

  OpBuilder b(&ctx);
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  StringRef modelName = graph.name();
  std::string stem = llvm::sys::path::stem(displayName).str();
  module->getOperation()->setAttr(
      "onnx.model_name",
      b.getStringAttr(modelName.empty() ? StringRef(stem) : modelName));
  module->getOperation()->setAttr(
      "onnx.producer",
      b.getStringAttr(model->producer_name() +
                      (model->producer_version().empty()
                           ? ""
                           : " " + model->producer_version())));
  SmallVector<NamedAttribute> opsetAttrs;
  for (const auto &entry : opsets)
    opsetAttrs.push_back(
        b.getNamedAttr(entry.getKey().empty() ? "ai.onnx" : entry.getKey(),
                       b.getI64IntegerAttr(entry.getValue())));
  llvm::sort(opsetAttrs, [](const NamedAttribute &a, const NamedAttribute &c) {
    return a.getName().strref() < c.getName().strref();
  });
  module->getOperation()->setAttr("onnx.opset",
                                  b.getDictionaryAttr(opsetAttrs));

  // Runtime inputs: graph inputs without an initializer.
  llvm::StringSet<> initializers;
  for (const auto &init : graph.initializer())
    initializers.insert(init.name());
  SmallVector<const ::onnx::ValueInfoProto *> inputs;
  SmallVector<Type> inputTypes;
  llvm::StringSet<> inputNames;
  for (const auto &input : graph.input()) {
    if (!inputNames.insert(input.name()).second)
      return emitError(fileLoc) << "graph input \"" << input.name()
                                << "\" is listed more than once",
             nullptr;
    if (initializers.contains(input.name()))
      continue;
    if (input.has_type() && (input.type().has_sequence_type() ||
                             input.type().has_optional_type())) {
      std::string error;
      auto type = convertTypeProto(&ctx, input.type(), error);
      if (failed(type))
        return emitError(fileLoc)
                   << "graph input \"" << input.name() << "\" " << error,
               nullptr;
      inputs.push_back(&input);
      inputTypes.push_back(*type);
      continue;
    }
    auto type = convertValueInfo(input, /*applyOverrides=*/true);
    if (failed(type))
      return nullptr;
    // The compiled entry point takes ranked tensors of at most kMaxIORank
    // dims (the runtime's limit).
    auto ranked = dyn_cast<RankedTensorType>(*type);
    if (!ranked)
      return emitError(fileLoc)
                 << "graph input \"" << input.name()
                 << "\" has no shape: declare one in the model or give it with "
                    "--input-shape "
                 << input.name() << "=D0xD1x...",
             nullptr;
    if (ranked.getRank() > kMaxIORank)
      return emitError(fileLoc) << "graph input \"" << input.name()
                                << "\" has rank " << ranked.getRank()
                                << "; inputs of more than " << kMaxIORank
                                << " dims are not supported",
             nullptr;
    inputs.push_back(&input);
    inputTypes.push_back(*type);
  }
  for (const auto &entry : options.inputShapes) {
    if (!llvm::any_of(inputs, [&](const ::onnx::ValueInfoProto *i) {
          return i->name() == entry.getKey();
        }))
      return emitError(fileLoc) << "--input-shape names \"" << entry.getKey()
                                << "\", which is not an input of the model",
             nullptr;
  }

  if (inputs.size() > options.maxGraphIO ||
      static_cast<uint64_t>(graph.output_size()) > options.maxGraphIO)
    return emitError(fileLoc)
               << "the graph has " << inputs.size() << " runtime inputs and "
               << graph.output_size() << " outputs; more than "
               << options.maxGraphIO
               << " of either are not supported (ImportOptions::maxGraphIO)",
           nullptr;

  b.setInsertionPointToEnd(module->getBody());
  auto func = func::FuncOp::create(b, fileLoc, "main_graph",
                                   b.getFunctionType(inputTypes, {}));
  Block *entry = func.addEntryBlock();
  b.setInsertionPointToStart(entry);
  Scope scope;
  // The names in one step: setArgAttr per argument rebuilds the array of
  // argument attributes each time (quadratic in the number of inputs).
  SmallVector<DictionaryAttr> argAttrs;
  for (auto [i, input] : llvm::enumerate(inputs)) {
    scope.values[input->name()] = entry->getArgument(i);
    argAttrs.push_back(b.getDictionaryAttr(
        b.getNamedAttr("onnx.name", b.getStringAttr(input->name()))));
  }
  func.setAllArgAttrs(argAttrs);
  if (failed(importGraphBody(graph, b, scope)))
    return nullptr;

  SmallVector<Value> outputs;
  for (const auto &output : graph.output()) {
    Value v = scope.lookup(output.name());
    if (!v)
      return emitError(fileLoc) << "graph output \"" << output.name()
                                << "\" is not produced by any node",
             nullptr;
    // A declared shape that disagrees with inference is only a warning.
    if (output.has_type() && output.type().has_tensor_type() &&
        output.type().tensor_type().has_shape()) {
      auto declared = convertValueInfo(output, /*applyOverrides=*/false);
      auto inferred = dyn_cast<RankedTensorType>(v.getType());
      auto declaredRanked =
          succeeded(declared) ? dyn_cast<RankedTensorType>(*declared)
                              : RankedTensorType();
      if (inferred && declaredRanked &&
          failed(verifyCompatibleShape(inferred.getShape(),
                                       declaredRanked.getShape())))
        emitWarning(fileLoc) << "graph output \"" << output.name()
                             << "\" is declared " << declaredRanked
                             << " but inferred " << inferred
                             << "; using the inferred shape";
    }
    if (auto ranked = dyn_cast<RankedTensorType>(v.getType());
        ranked && ranked.getRank() > kMaxIORank)
      return emitError(fileLoc) << "graph output \"" << output.name()
                                << "\" has rank " << ranked.getRank()
                                << "; outputs of more than " << kMaxIORank
                                << " dims are not supported",
             nullptr;
    outputs.push_back(v);
  }
  func::ReturnOp::create(b, fileLoc, outputs);
  onnx::updateFunctionResultTypes(func);
  SmallVector<DictionaryAttr> resultAttrs;
  for (const auto &output : graph.output())
    resultAttrs.push_back(b.getDictionaryAttr(
        b.getNamedAttr("onnx.name", b.getStringAttr(output.name()))));
  func.setAllResultAttrs(resultAttrs);
  if (failed(verify(*module)))
    return nullptr;
  return module;
}

} // namespace
} // namespace onnxc::importer

namespace onnxc {

OwningOpRef<ModuleOp> importOnnxModelFromBuffer(MLIRContext &ctx,
                                                StringRef buffer,
                                                StringRef displayName,
                                                StringRef baseDir,
                                                const ImportOptions &options) {
  Location loc = FileLineColLoc::get(&ctx, displayName, 0, 0);
  auto model = std::make_shared<::onnx::ModelProto>();
  google::protobuf::io::CodedInputStream stream(
      reinterpret_cast<const uint8_t *>(buffer.data()),
      static_cast<int>(std::min<size_t>(buffer.size(), INT32_MAX)));
  stream.SetRecursionLimit(64);
  if (buffer.size() > INT32_MAX || !model->ParseFromCodedStream(&stream) ||
      !stream.ConsumedEntireMessage())
    return emitError(loc) << "not a valid ONNX model: the protobuf cannot be "
                             "parsed (truncated or corrupt file?)",
           nullptr;
  importer::ModelImporter importer(ctx, displayName, baseDir, options,
                                   std::move(model));
  return importer.run();
}

OwningOpRef<ModuleOp> importOnnxModel(MLIRContext &ctx, StringRef path,
                                      const ImportOptions &options) {
  Location loc = FileLineColLoc::get(&ctx, path, 0, 0);
  uint64_t size = 0;
  if (llvm::sys::fs::is_directory(path))
    return emitError(loc) << "is a directory, not a model file", nullptr;
  if (llvm::sys::fs::file_size(path, size))
    return emitError(loc) << "cannot read the file: it does not exist or is "
                             "not accessible",
           nullptr;
  if (size > options.maxModelFileBytes)
    return emitError(loc) << "the file has " << size
                          << " bytes, more than the limit of "
                          << options.maxModelFileBytes,
           nullptr;
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return emitError(loc) << "cannot read the file: "
                          << buffer.getError().message(),
           nullptr;
  llvm::SmallString<256> dir(path);
  llvm::sys::path::remove_filename(dir);
  if (dir.empty())
    dir = ".";
  return importOnnxModelFromBuffer(ctx, (*buffer)->getBuffer(), path, dir,
                                   options);
}

} // namespace onnxc
