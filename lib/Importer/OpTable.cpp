//===- OpTable.cpp - the operators the importer knows ---------------------===//
//
// Keyed by (domain, op type, since version). The counts are those of the
// onnx-dialect op: optional inputs the node leaves out become onnx.NoValue,
// optional outputs it does not have become `none` results.
//
//===----------------------------------------------------------------------===//

#include "ImporterImpl.h"

namespace onnxc::importer {
namespace {

constexpr int kVariadic = -1;

const OpSpec kOps[] = {
    // Element-wise.
    {"", "Abs", 1, 1, 1},
    {"", "Add", 1, 2, 1},
    {"", "And", 1, 2, 1},
    {"", "Cast", 1, 1, 1},
    {"", "CastLike", 15, 2, 1},
    {"", "Ceil", 1, 1, 1},
    {"", "Clip", 1, 3, 1},
    {"", "Cos", 7, 1, 1},
    {"", "Div", 1, 2, 1},
    {"", "Elu", 1, 1, 1},
    {"", "Equal", 1, 2, 1},
    {"", "Erf", 9, 1, 1},
    {"", "Exp", 1, 1, 1},
    {"", "Floor", 1, 1, 1},
    {"", "Gelu", 20, 1, 1},
    {"", "Greater", 1, 2, 1},
    {"", "GreaterOrEqual", 12, 2, 1},
    {"", "HardSigmoid", 1, 1, 1},
    {"", "HardSwish", 14, 1, 1},
    {"", "Identity", 1, 1, 1},
    {"", "IsNaN", 9, 1, 1},
    {"", "LeakyRelu", 1, 1, 1},
    {"", "Less", 1, 2, 1},
    {"", "LessOrEqual", 12, 2, 1},
    {"", "Log", 1, 1, 1},
    {"", "Max", 1, kVariadic, 1},
    {"", "Mean", 1, kVariadic, 1},
    {"", "Min", 1, kVariadic, 1},
    {"", "Mod", 10, 2, 1},
    {"", "Mul", 1, 2, 1},
    {"", "Neg", 1, 1, 1},
    {"", "Not", 1, 1, 1},
    {"", "Or", 1, 2, 1},
    {"", "Pow", 1, 2, 1},
    {"", "PRelu", 1, 2, 1},
    {"", "Reciprocal", 1, 1, 1},
    {"", "Relu", 1, 1, 1},
    {"", "Round", 11, 1, 1},
    {"", "Selu", 1, 1, 1},
    {"", "Sigmoid", 1, 1, 1},
    {"", "Sign", 9, 1, 1},
    {"", "Sin", 7, 1, 1},
    {"", "Softplus", 1, 1, 1},
    {"", "Softsign", 1, 1, 1},
    {"", "Sqrt", 1, 1, 1},
    {"", "Sub", 1, 2, 1},
    {"", "Sum", 1, kVariadic, 1},
    {"", "Tanh", 1, 1, 1},
    {"", "Where", 9, 3, 1},
    {"", "Xor", 1, 2, 1},
    // Neural-network ops.
    {"", "ArgMax", 1, 1, 1},
    {"", "ArgMin", 1, 1, 1},
    {"", "AveragePool", 1, 1, 1},
    {"", "BatchNormalization", 1, 5, 3},
    {"", "Conv", 1, 3, 1},
    {"", "ConvTranspose", 1, 3, 1},
    {"", "Dropout", 1, 3, 2},
    {"", "Gemm", 1, 3, 1},
    {"", "GlobalAveragePool", 1, 1, 1},
    {"", "GlobalMaxPool", 1, 1, 1},
    {"", "LayerNormalization", 17, 3, 3},
    {"", "LogSoftmax", 1, 1, 1},
    {"", "MatMul", 1, 2, 1},
    {"", "MaxPool", 1, 1, 2},
    {"", "ReduceL1", 1, 2, 1},
    {"", "ReduceL2", 1, 2, 1},
    {"", "ReduceLogSumExp", 1, 2, 1},
    {"", "ReduceMax", 1, 2, 1},
    {"", "ReduceMean", 1, 2, 1},
    {"", "ReduceMin", 1, 2, 1},
    {"", "ReduceProd", 1, 2, 1},
    {"", "ReduceSum", 1, 2, 1},
    {"", "ReduceSumSquare", 1, 2, 1},
    {"", "Softmax", 1, 1, 1},
    // Data movement and shapes.
    {"", "Concat", 1, kVariadic, 1},
    {"", "Constant", 1, 0, 1},
    {"", "ConstantOfShape", 9, 1, 1},
    {"", "Expand", 8, 2, 1},
    {"", "Flatten", 1, 1, 1},
    {"", "Gather", 1, 2, 1},
    {"", "Pad", 1, 4, 1},
    {"", "Range", 11, 3, 1},
    {"", "Reshape", 1, 2, 1},
    {"", "Shape", 1, 1, 1},
    {"", "Size", 1, 1, 1},
    {"", "Slice", 1, 5, 1},
    {"", "Split", 1, 2, kVariadic},
    {"", "Squeeze", 1, 2, 1},
    {"", "Tile", 6, 2, 1},
    {"", "Transpose", 1, 1, 1},
    {"", "Unsqueeze", 1, 2, 1},
    // Control flow.
    {"", "If", 1, 1, kVariadic},
    {"", "Loop", 1, kVariadic, kVariadic},
    {"", "Scan", 8, kVariadic, kVariadic},
#include "OpTableTensor.def"
#include "OpTableNNExtra.def"
#include "OpTableQuant.def"
#include "OpTableML.def"
#include "OpTableSequence.def"
};

} // namespace

const OpSpec *lookupOp(llvm::StringRef domain, llvm::StringRef opType,
                       int64_t opset) {
  if (domain == "ai.onnx")
    domain = "";
  for (const OpSpec &spec : kOps)
    if (spec.domain == domain && spec.name == opType &&
        opset >= spec.sinceVersion)
      return &spec;
  return nullptr;
}

} // namespace onnxc::importer
