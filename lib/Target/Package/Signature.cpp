//===- Signature.cpp - the signature text of a compiled model -------------===//

#include "onnxc/Target/Package.h"

#include "dialects/Onnx/IR/OnnxOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace onnxc {

std::string encodeSignatureName(StringRef name) {
  if (name.empty())
    return "%";
  std::string out;
  llvm::raw_string_ostream os(out);
  for (unsigned char c : name) {
    if (c == '%' || c <= 0x20 || c > 0x7e)
      os << '%' << llvm::format_hex_no_prefix(c, 2, /*Upper=*/true);
    else
      os << c;
  }
  return out;
}

static std::string dtypeName(Type type) {
  if (type.isF16())
    return "f16";
  if (type.isBF16())
    return "bf16";
  if (type.isF32())
    return "f32";
  if (type.isF64())
    return "f64";
  if (isa<Float8E4M3FNType>(type))
    return "f8e4m3fn";
  if (isa<Float8E4M3FNUZType>(type))
    return "f8e4m3fnuz";
  if (isa<Float8E5M2Type>(type))
    return "f8e5m2";
  if (isa<Float8E5M2FNUZType>(type))
    return "f8e5m2fnuz";
  if (isa<Float8E8M0FNUType>(type))
    return "f8e8m0";
  if (isa<Float4E2M1FNType>(type))
    return "f4e2m1";
  if (type.isInteger(1))
    return "bool";
  if (auto i = dyn_cast<IntegerType>(type))
    return (i.isUnsigned() ? "u" : "i") + std::to_string(i.getWidth());
  return "unknown";
}

static void printTensor(llvm::raw_ostream &os, StringRef kind, StringRef name,
                        Type type) {
  os << kind << ' ' << encodeSignatureName(name);
  // Sequences and optionals: `seq` / `opt` before the element's type
  // (docs/ABI.md, version 2).
  while (!isa<TensorType>(type)) {
    if (auto seq = dyn_cast<onnx::SeqType>(type)) {
      os << " seq";
      type = seq.getElementType();
    } else if (auto opt = dyn_cast<onnx::OptType>(type)) {
      os << " opt";
      type = opt.getElementType();
    } else {
      os << " unknown -1\n";
      return;
    }
  }
  auto tensor = cast<TensorType>(type);
  // A tensor's rank only known at run time cannot be compiled; the linalg
  // phase reports it on the node. Until then the line says rank -1 (for the
  // elements of a sequence it is valid: their rank is checked at run time).
  os << ' ' << dtypeName(tensor.getElementType());
  if (!tensor.hasRank()) {
    os << " -1\n";
    return;
  }
  os << ' ' << tensor.getRank();
  for (int64_t d : tensor.getShape())
    os << ' ' << (ShapedType::isDynamic(d) ? -1 : d);
  os << '\n';
}

/// Whether a line of the signature's I/O text is a sequence or optional.
static bool hasSequenceValues(StringRef io) {
  SmallVector<StringRef> lines;
  io.split(lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef line : lines) {
    SmallVector<StringRef> fields;
    line.split(fields, ' ');
    if (fields.size() > 2 && (fields[2] == "seq" || fields[2] == "opt"))
      return true;
  }
  return false;
}

std::string buildSignatureIO(ModuleOp module) {
  std::string out;
  llvm::raw_string_ostream os(out);
  auto func = module.lookupSymbol<func::FuncOp>("main_graph");
  if (!func)
    return out;
  for (unsigned i = 0; i < func.getNumArguments(); ++i) {
    auto name = func.getArgAttrOfType<StringAttr>(i, "onnx.name");
    printTensor(os, "input", name ? name.strref() : "", func.getArgumentTypes()[i]);
  }
  for (unsigned i = 0; i < func.getNumResults(); ++i) {
    auto name = func.getResultAttrOfType<StringAttr>(i, "onnx.name");
    printTensor(os, "output", name ? name.strref() : "", func.getResultTypes()[i]);
  }
  return out;
}

std::string buildSignature(ModuleOp module, const SignatureInfo &info) {
  std::string out;
  llvm::raw_string_ostream os(out);
  auto str = [&](StringRef key) -> StringRef {
    if (auto attr = module->getAttrOfType<StringAttr>(key))
      return attr.strref();
    return "";
  };
  // Tensor-only models stay loadable by runtimes of ABI 1.
  os << "ONNXC "
     << (hasSequenceValues(str("onnxc.signature_io")) ? kAbiVersionSequences
                                                      : kAbiVersion)
     << '\n';
  os << "compiler " << kCompilerVersion << '\n';
  os << "target " << info.target << '\n';
  os << "triple " << info.triple << '\n';
  os << "cpu " << info.cpu << '\n';
  os << "features " << info.features << '\n';
  os << "model " << encodeSignatureName(str("onnx.model_name")) << '\n';
  os << "producer " << encodeSignatureName(str("onnx.producer")) << '\n';
  if (auto opsets = module->getAttrOfType<DictionaryAttr>("onnx.opset"))
    for (NamedAttribute opset : opsets)
      if (auto version = dyn_cast<IntegerAttr>(opset.getValue()))
        os << "opset " << encodeSignatureName(opset.getName()) << ' '
           << version.getInt() << '\n';
  os << "entry onnxc_main\n";
  os << str("onnxc.signature_io");
  os << "end\n";
  return out;
}

} // namespace onnxc
