//===- MemoryPlan.cpp - the activation memory plan of a model -------------===//
//
// `onnx-compile --emit-memory-plan` prints where each intermediate tensor of
// `main_graph` would live in one arena. The compiler does not allocate from
// an arena yet (bufferization mallocs each buffer); this is the plan the
// arena planner will use, computed over the onnx-level graph after its
// pipeline (shape inference, folding, decompositions):
//
//  - Program order: the top-level ops of main_graph, constants excluded, are
//    numbered 0, 1, 2, ... (an op with regions, If or Loop, is one step; uses
//    inside its regions count at that step).
//  - Tensors: the results of those ops with a static shape. A result that is
//    returned by the graph is not in the arena (outputs are malloc'ed and
//    handed to the caller, docs/ABI.md), nor are graph inputs (the caller's)
//    and constants (in the read-only weights). Reshape, Flatten, Squeeze,
//    Unsqueeze and Identity are views: their result shares the buffer of
//    their data operand, whose lifetime grows to cover the view's uses.
//    A result with a dynamic dim is listed but allocated at run time.
//  - Lifetime: [step that defines it, last step that uses it].
//  - Offsets: greedy by size with first fit: the buffers are placed in
//    decreasing size (ties: earlier definition first), each at the lowest
//    offset, a multiple of the alignment, where it overlaps no placed buffer
//    whose lifetime intersects its own. Peak = the largest end offset.
//
//===----------------------------------------------------------------------===//

#include "onnxc/Target/Package.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace mlir;

namespace onnxc {
namespace {

bool isViewOp(Operation *op) {
  StringRef name = op->getName().getStringRef();
  return name == "onnx.Reshape" || name == "onnx.Flatten" ||
         name == "onnx.Squeeze" || name == "onnx.Unsqueeze" ||
         name == "onnx.Identity";
}

std::string dtypeOf(Type type) {
  if (type.isF16())
    return "f16";
  if (type.isBF16())
    return "bf16";
  if (type.isF32())
    return "f32";
  if (type.isF64())
    return "f64";
  if (type.isInteger(1))
    return "bool";
  if (auto i = dyn_cast<IntegerType>(type))
    return (i.isUnsigned() ? "u" : "i") + std::to_string(i.getWidth());
  std::string s;
  llvm::raw_string_ostream os(s);
  type.print(os);
  return s;
}

/// The ONNX name of `value`: the importer's `onnx.output_names` (kept with
/// --emit-memory-plan), else "<node>:<result>" from the node's location,
/// else "<op>#<step>:<result>".
std::string tensorName(OpResult value, int64_t step) {
  Operation *op = value.getOwner();
  unsigned index = value.getResultNumber();
  if (auto names = op->getAttrOfType<ArrayAttr>("onnx.output_names"))
    if (index < names.size())
      if (auto name = dyn_cast<StringAttr>(names[index]);
          name && !name.getValue().empty())
        return name.str();
  if (auto loc = dyn_cast<NameLoc>(op->getLoc())) {
    // `node "conv1" (Conv, ai.onnx opset 17)`: the quoted part.
    StringRef text = loc.getName().strref();
    size_t open = text.find('"'), close = text.rfind('"');
    if (open != StringRef::npos && close > open)
      text = text.slice(open + 1, close);
    return (text + ":" + Twine(index)).str();
  }
  return (op->getName().getStringRef() + "#" + Twine(step) + ":" + Twine(index))
      .str();
}

int64_t alignTo(int64_t value, int64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

} // namespace

MemoryPlan computeMemoryPlan(ModuleOp module, int64_t alignment) {
  MemoryPlan plan;
  plan.alignment = alignment;
  if (auto name = module->getAttrOfType<StringAttr>("onnx.model_name"))
    plan.model = name.str();
  auto func = module.lookupSymbol<func::FuncOp>("main_graph");
  if (!func || func.getBody().empty())
    return plan;
  Block &body = func.getBody().front();

  // Steps in program order.
  llvm::DenseMap<Operation *, int64_t> stepOf;
  for (Operation &op : body) {
    if (op.hasTrait<OpTrait::ConstantLike>() || isa<func::ReturnOp>(op))
      continue;
    stepOf[&op] = plan.numSteps++;
  }

  // One entry per planned value; views point at the entry of their operand.
  llvm::DenseMap<Value, int64_t> entryOf; // value -> index into plan.tensors
  llvm::DenseMap<Value, int64_t> rootOf;  // value -> index of its buffer
  auto lastUse = [&](Value value) -> std::pair<int64_t, bool> {
    int64_t last = -1;
    bool returned = false;
    for (Operation *user : value.getUsers()) {
      Operation *top = body.findAncestorOpInBlock(*user);
      if (!top)
        continue;
      if (isa<func::ReturnOp>(top))
        returned = true;
      else if (auto it = stepOf.find(top); it != stepOf.end())
        last = std::max(last, it->second);
    }
    return {last, returned};
  };

  for (Operation &op : body) {
    auto stepIt = stepOf.find(&op);
    if (stepIt == stepOf.end())
      continue;
    int64_t step = stepIt->second;
    for (OpResult result : op.getResults()) {
      auto type = dyn_cast<RankedTensorType>(result.getType());
      if (!type)
        continue;
      MemoryPlanTensor t;
      t.name = tensorName(result, step);
      t.op = op.getName().getStringRef().str();
      t.dtype = dtypeOf(type.getElementType());
      t.shape.assign(type.getShape().begin(), type.getShape().end());
      t.firstStep = step;
      auto [last, returned] = lastUse(result);
      t.lastStep = std::max(step, last);
      if (type.hasStaticShape()) {
        int64_t bits = type.getElementTypeBitWidth();
        t.bytes = type.getNumElements() * std::max<int64_t>(1, (bits + 7) / 8);
      }
      int64_t index = plan.tensors.size();
      if (isViewOp(&op) && op.getNumOperands() > 0 &&
          rootOf.count(op.getOperand(0))) {
        int64_t root = rootOf[op.getOperand(0)];
        t.kind = MemoryPlanTensor::Kind::View;
        t.viewOf = plan.tensors[root].name;
        MemoryPlanTensor &r = plan.tensors[root];
        r.lastStep = std::max(r.lastStep, t.lastStep);
        if (returned)
          r.kind = MemoryPlanTensor::Kind::Output;
        rootOf[result] = root;
      } else if (isViewOp(&op)) {
        // A view of a graph input or a constant: not in the arena either.
        t.kind = MemoryPlanTensor::Kind::View;
        Value source = op.getOperand(0);
        if (auto arg = dyn_cast<BlockArgument>(source)) {
          if (auto name = func.getArgAttrOfType<StringAttr>(arg.getArgNumber(),
                                                            "onnx.name"))
            t.viewOf = name.str();
        } else if (auto it = entryOf.find(source); it != entryOf.end()) {
          t.viewOf = plan.tensors[it->second].viewOf;
        }
        if (t.viewOf.empty())
          t.viewOf = "(constant)";
      } else {
        if (returned)
          t.kind = MemoryPlanTensor::Kind::Output;
        else if (!type.hasStaticShape())
          t.kind = MemoryPlanTensor::Kind::Dynamic;
        rootOf[result] = index;
      }
      entryOf[result] = index;
      plan.tensors.push_back(std::move(t));
    }
  }
  // Greedy by size, first fit.
  std::vector<size_t> order;
  for (auto [i, t] : llvm::enumerate(plan.tensors))
    if (t.kind == MemoryPlanTensor::Kind::Arena) {
      order.push_back(i);
      plan.unsharedBytes += alignTo(t.bytes, alignment);
    }
  llvm::sort(order, [&](size_t a, size_t b) {
    const MemoryPlanTensor &x = plan.tensors[a], &y = plan.tensors[b];
    if (x.bytes != y.bytes)
      return x.bytes > y.bytes;
    return std::pair(x.firstStep, a) < std::pair(y.firstStep, b);
  });
  std::vector<size_t> placed;
  for (size_t i : order) {
    MemoryPlanTensor &t = plan.tensors[i];
    std::vector<std::pair<int64_t, int64_t>> busy; // [begin, end)
    for (size_t j : placed) {
      const MemoryPlanTensor &u = plan.tensors[j];
      if (u.firstStep <= t.lastStep && t.firstStep <= u.lastStep)
        busy.push_back({u.offset, u.offset + u.bytes});
    }
    llvm::sort(busy);
    int64_t offset = 0;
    for (auto [begin, end] : busy) {
      if (offset + t.bytes <= begin)
        break;
      offset = std::max(offset, alignTo(end, alignment));
    }
    t.offset = offset;
    plan.peakBytes = std::max(plan.peakBytes, offset + t.bytes);
    placed.push_back(i);
  }
  return plan;
}

static StringRef kindName(MemoryPlanTensor::Kind kind) {
  switch (kind) {
  case MemoryPlanTensor::Kind::Arena:
    return "arena";
  case MemoryPlanTensor::Kind::Output:
    return "output";
  case MemoryPlanTensor::Kind::View:
    return "view";
  case MemoryPlanTensor::Kind::Dynamic:
    return "dynamic";
  }
  return "";
}

static std::string shapeText(llvm::ArrayRef<int64_t> shape) {
  std::string out = "[";
  for (auto [i, d] : llvm::enumerate(shape))
    out += (i ? "," : "") +
           (ShapedType::isDynamic(d) ? std::string("?") : std::to_string(d));
  return out + "]";
}

void printMemoryPlan(const MemoryPlan &plan, llvm::raw_ostream &os) {
  int64_t arena = 0, outputs = 0, views = 0, dynamic = 0;
  for (const MemoryPlanTensor &t : plan.tensors) {
    arena += t.kind == MemoryPlanTensor::Kind::Arena;
    outputs += t.kind == MemoryPlanTensor::Kind::Output;
    views += t.kind == MemoryPlanTensor::Kind::View;
    dynamic += t.kind == MemoryPlanTensor::Kind::Dynamic;
  }
  os << "memory plan of model \"" << plan.model << "\" (activations, "
     << plan.alignment << "-byte aligned offsets in one arena)\n"
     << "peak: " << plan.peakBytes << " bytes for " << arena << " tensors ("
     << plan.unsharedBytes << " bytes without reuse)\n"
     << "steps: " << plan.numSteps
     << " ops in program order; lifetime = [defining step, last use]\n"
     << "not in the arena: graph outputs " << outputs << " (malloc'ed), views "
     << views << ", dynamic shapes " << dynamic << "\n\n";
  os << llvm::format("%10s %12s  %-13s %-8s %s\n", "offset", "bytes",
                     "lifetime", "kind", "tensor");
  auto sorted = llvm::to_vector(llvm::seq<size_t>(0, plan.tensors.size()));
  llvm::sort(sorted, [&](size_t a, size_t b) {
    return std::pair(plan.tensors[a].firstStep, a) <
           std::pair(plan.tensors[b].firstStep, b);
  });
  for (size_t i : sorted) {
    const MemoryPlanTensor &t = plan.tensors[i];
    std::string lifetime = "[" + std::to_string(t.firstStep) + ", " +
                           std::to_string(t.lastStep) + "]";
    std::string offset = t.offset >= 0 ? std::to_string(t.offset) : "-";
    std::string bytes = t.bytes >= 0 ? std::to_string(t.bytes) : "?";
    os << llvm::format("%10s %12s  %-13s %-8s ", offset.c_str(), bytes.c_str(),
                       lifetime.c_str(), kindName(t.kind).str().c_str())
       << '"' << t.name << "\" " << t.dtype << shapeText(t.shape) << " ("
       << t.op;
    if (!t.viewOf.empty())
      os << " of \"" << t.viewOf << '"';
    os << ")\n";
  }
}

void printMemoryPlanJSON(const MemoryPlan &plan, llvm::raw_ostream &os) {
  llvm::json::Array tensors;
  for (const MemoryPlanTensor &t : plan.tensors) {
    llvm::json::Array shape;
    for (int64_t d : t.shape)
      shape.push_back(ShapedType::isDynamic(d) ? -1 : d);
    llvm::json::Object o{
        {"name", t.name},           {"op", t.op},
        {"dtype", t.dtype},         {"shape", std::move(shape)},
        {"kind", kindName(t.kind)}, {"bytes", t.bytes},
        {"offset", t.offset},       {"first_step", t.firstStep},
        {"last_step", t.lastStep}};
    if (!t.viewOf.empty())
      o["view_of"] = t.viewOf;
    tensors.push_back(std::move(o));
  }
  llvm::json::Value value = llvm::json::Object{
      {"model", plan.model},          {"alignment", plan.alignment},
      {"peak_bytes", plan.peakBytes}, {"unshared_bytes", plan.unsharedBytes},
      {"steps", plan.numSteps},       {"tensors", std::move(tensors)}};
  os << llvm::formatv("{0:2}", value) << "\n";
}

} // namespace onnxc
