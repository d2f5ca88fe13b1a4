//===- Header.cpp - a C header for calling one compiled model -------------===//
//
// `onnx-compile --emit-header` writes a C header from the model's signature
// text (docs/ABI.md): the entry point `onnxc_main`, one memref descriptor type
// per rank, the results block as a struct, a typed function named after the
// model that builds the descriptors of its inputs and calls the entry point,
// accessors that honour the strides of each output, and a function that
// frees the outputs. With it a program links libmodel.so directly (or
// dlopens it) and needs no other library.
//
//===----------------------------------------------------------------------===//

#include "onnxc/Target/Package.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <set>

using llvm::StringRef;

namespace onnxc {
namespace {

struct HeaderTensor {
  std::string name;  // decoded ONNX name
  std::string ident; // C identifier
  std::string upper; // the identifier in upper case, for macros
  std::string dtype; // signature element type
  std::vector<int64_t> shape;
  std::vector<std::string> dimParams; // per dynamic dim: the parameter name
};

struct ParsedSignature {
  std::string model, producer, opsets, compiler;
  std::vector<HeaderTensor> inputs, outputs;
};

std::string decodeName(StringRef text) {
  if (text == "%")
    return "";
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned value;
    if (text[i] == '%' && i + 2 < text.size() &&
        !text.substr(i + 1, 2).getAsInteger(16, value)) {
      out.push_back(static_cast<char>(value));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

bool parseSignature(StringRef text, ParsedSignature &sig, std::string &error) {
  llvm::SmallVector<StringRef> lines;
  text.split(lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef line : lines) {
    llvm::SmallVector<StringRef> fields;
    line.split(fields, ' ', -1, /*KeepEmpty=*/false);
    if (fields.empty())
      continue;
    StringRef key = fields[0];
    if (key == "model" && fields.size() == 2) {
      sig.model = decodeName(fields[1]);
    } else if (key == "producer" && fields.size() >= 2) {
      sig.producer = decodeName(fields[1]);
      for (size_t i = 2; i < fields.size(); ++i)
        sig.producer += " " + decodeName(fields[i]);
    } else if (key == "compiler" && fields.size() == 2) {
      sig.compiler = fields[1].str();
    } else if (key == "opset" && fields.size() == 3) {
      if (!sig.opsets.empty())
        sig.opsets += ", ";
      sig.opsets += (decodeName(fields[1]) + " " + fields[2]).str();
    } else if ((key == "input" || key == "output") && fields.size() >= 4) {
      HeaderTensor t;
      t.name = decodeName(fields[1]);
      if (fields[2] == "seq" || fields[2] == "opt") {
        error = "the header's typed entry point takes tensors only; " +
                key.str() + " \"" + t.name + "\" is a sequence or optional";
        return false;
      }
      t.dtype = fields[2].str();
      int64_t rank;
      if (fields[3].getAsInteger(10, rank) || rank < 0 ||
          fields.size() != static_cast<size_t>(4 + rank)) {
        error = "bad signature line: " + line.str();
        return false;
      }
      for (int64_t i = 0; i < rank; ++i) {
        int64_t d;
        if (fields[4 + i].getAsInteger(10, d) || d < -1) {
          error = "bad signature line: " + line.str();
          return false;
        }
        t.shape.push_back(d);
      }
      (key == "input" ? sig.inputs : sig.outputs).push_back(std::move(t));
    }
  }
  return true;
}

/// The C type of a signature element type; f16 and bf16 are raw 16-bit
/// patterns, bool is one byte holding 0 or 1, the narrow types one byte each
/// (docs/ABI.md).
StringRef cType(StringRef dtype) {
  return llvm::StringSwitch<StringRef>(dtype)
      .Case("f32", "float")
      .Case("f64", "double")
      .Case("f16", "uint16_t")
      .Case("bf16", "uint16_t")
      .Case("i8", "int8_t")
      .Case("i16", "int16_t")
      .Case("i32", "int32_t")
      .Case("i64", "int64_t")
      .Case("u8", "uint8_t")
      .Case("u16", "uint16_t")
      .Case("u32", "uint32_t")
      .Case("u64", "uint64_t")
      .Case("bool", "uint8_t")
      // The narrow types: one byte per element, their raw encoding.
      .Cases({"f8e4m3fn", "f8e4m3fnuz", "f8e5m2", "f8e5m2fnuz", "f8e8m0"},
             "uint8_t")
      .Cases({"f4e2m1", "i4", "u4", "i2", "u2"}, "uint8_t")
      .Default("");
}

bool isCKeyword(StringRef s) {
  static const char *const keywords[] = {
      "auto",          "break",       "case",         "char",
      "const",         "continue",    "default",      "do",
      "double",        "else",        "enum",         "extern",
      "float",         "for",         "goto",         "if",
      "inline",        "int",         "long",         "register",
      "restrict",      "return",      "short",        "signed",
      "sizeof",        "static",      "struct",       "switch",
      "typedef",       "union",       "unsigned",     "void",
      "volatile",      "while",       "bool",         "true",
      "false",         "alignas",     "alignof",      "asm",
      "catch",         "class",       "constexpr",    "const_cast",
      "decltype",      "delete",      "dynamic_cast", "explicit",
      "export",        "friend",      "mutable",      "namespace",
      "new",           "noexcept",    "nullptr",      "operator",
      "private",       "protected",   "public",       "reinterpret_cast",
      "static_assert", "static_cast", "template",     "this",
      "thread_local",  "throw",       "try",          "typeid",
      "typename",      "using",       "virtual",      "wchar_t",
      "and",           "or",          "not",          "xor",
      "bitand",        "bitor",       "compl",        "and_eq",
      "or_eq",         "xor_eq",      "not_eq",       "NULL",
      "errno",         "stdin",       "stdout",       "stderr",
      "free",          "malloc",      "memset",       "memcpy"};
  return llvm::is_contained(keywords, s);
}

/// A C identifier for `name`: every byte that is not a letter, digit or '_'
/// becomes '_'; a leading digit or an empty name gets `fallback`'s letter
/// prefix; keywords get a trailing '_'.
std::string sanitize(StringRef name, StringRef fallback) {
  std::string out;
  for (unsigned char c : name)
    out.push_back(llvm::isAlnum(c) || c == '_' ? static_cast<char>(c) : '_');
  if (out.empty())
    return fallback.str();
  if (llvm::isDigit(out[0]))
    out = fallback.str() + "_" + out;
  if (isCKeyword(out))
    out += "_";
  return out;
}

/// Hands out identifiers that differ from each other also ignoring case
/// (macros use the upper-case form).
class Namer {
public:
  Namer() {
    // The parameters and locals of the generated functions.
    // Every local of the generated functions starts with onnxc_, which
    // unique() keeps out of the tensors' names.
    used.insert("onnxc_entry");
  }
  std::string unique(std::string base) {
    if (StringRef(base).starts_with_insensitive("onnxc_"))
      base += "_";
    std::string candidate = base;
    for (int i = 2; used.contains(StringRef(candidate).lower()); ++i)
      candidate = base + "_" + std::to_string(i);
    used.insert(StringRef(candidate).lower());
    return candidate;
  }

private:
  llvm::StringSet<> used;
};

std::string joinShape(llvm::ArrayRef<int64_t> shape) {
  std::string out = "[";
  for (auto [i, d] : llvm::enumerate(shape))
    out += (i ? "," : "") + (d < 0 ? std::string("?") : std::to_string(d));
  return out + "]";
}

/// Text for a C comment: no "*/", no control characters.
std::string commentSafe(StringRef text) {
  std::string out;
  for (unsigned char c : text)
    out.push_back(c < 0x20 || c == 0x7f ? '?' : static_cast<char>(c));
  size_t pos;
  while ((pos = out.find("*/")) != std::string::npos)
    out.replace(pos, 2, "*\\/");
  return out;
}

/// A C string literal (escaped) for `text`.
std::string cString(StringRef text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20 || c >= 0x7f || c == '?') {
      // Octal escapes (also '?', against trigraphs).
      char buf[8];
      snprintf(buf, sizeof(buf), "\\%03o", c);
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out + "\"";
}

void printDescriptorTypes(llvm::raw_ostream &os,
                          const std::set<size_t> &ranks) {
  for (size_t rank : ranks) {
    os << "#ifndef ONNXC_MEMREF_" << rank << "D_DEFINED\n"
       << "#define ONNXC_MEMREF_" << rank << "D_DEFINED\n"
       << "/** A rank-" << rank << " memref descriptor (docs/ABI.md). */\n"
       << "typedef struct onnxc_memref_" << rank << "d {\n"
       << "  void *allocated;\n  void *aligned;\n  int64_t offset;\n";
    if (rank > 0)
      os << "  int64_t sizes[" << rank << "];\n  int64_t strides[" << rank
         << "];\n";
    os << "} onnxc_memref_" << rank << "d;\n#endif\n\n";
  }
}

const char kCommon[] = R"(#ifndef ONNXC_MODEL_HEADER_COMMON
#define ONNXC_MODEL_HEADER_COMMON
/** The entry point of a compiled model: args[0] is the results block,
 *  args[1 + i] the descriptor of input i. Returns 0 on success. */
typedef int32_t (*onnxc_entry_fn)(void **args);

#ifndef ONNXC_MODEL_NO_LINK
/** Exported by every libmodel.so; define ONNXC_MODEL_NO_LINK when the model
 *  is loaded with dlopen() instead of linked. */
int32_t onnxc_main(void **args);
#endif

/** The number of elements of a shape. */
static inline int64_t onnxc_memref_count(int rank, const int64_t *sizes) {
  int64_t n = 1;
  for (int i = 0; i < rank; ++i)
    n *= sizes[i];
  return n;
}

/** Whether a descriptor's strides are the row-major ones of its sizes. */
static inline int onnxc_memref_is_contiguous(int rank, const int64_t *sizes,
                                             const int64_t *strides) {
  int64_t expected = 1;
  for (int i = rank - 1; i >= 0; --i) {
    if (sizes[i] != 1 && strides[i] != expected)
      return 0;
    expected *= sizes[i];
  }
  return 1;
}

/** Copies a strided result (any strides, also 0 and negative ones) into the
 *  row-major buffer `dst`. `base` is aligned + offset * elem_size. */
static inline void onnxc_memref_copy_out(const void *base, int rank,
                                         const int64_t *sizes,
                                         const int64_t *strides,
                                         size_t elem_size, void *dst) {
  int64_t index[16] = {0};
  int64_t count = onnxc_memref_count(rank, sizes);
  const char *src = (const char *)base;
  char *out = (char *)dst;
  int64_t i;
  int d;
  if (rank > 16)
    return;
  for (i = 0; i < count; ++i) {
    int64_t at = 0;
    size_t b;
    for (d = 0; d < rank; ++d)
      at += index[d] * strides[d];
    for (b = 0; b < elem_size; ++b)
      out[(size_t)i * elem_size + b] = src[at * (int64_t)elem_size + (int64_t)b];
    for (d = rank - 1; d >= 0; --d) {
      if (++index[d] < sizes[d])
        break;
      index[d] = 0;
    }
  }
}

/** Frees the distinct buffers of a results block once each (two outputs may
 *  share one; MLIR marks the buffers of globals with 0xdeadbeef). */
static inline void onnxc_free_buffers(void **buffers, int n) {
  int i, j;
  for (i = 0; i < n; ++i) {
    int seen = 0;
    if (!buffers[i] || (uintptr_t)buffers[i] == (uintptr_t)0xdeadbeef)
      continue;
    for (j = 0; j < i; ++j)
      seen |= buffers[j] == buffers[i];
    if (!seen)
      free(buffers[i]);
  }
}
#endif /* ONNXC_MODEL_HEADER_COMMON */

)";

} // namespace

bool buildModelHeader(StringRef signature, const HeaderOptions &options,
                      std::string &header, std::string &error) {
  ParsedSignature sig;
  if (!parseSignature(signature, sig, error))
    return false;
  for (auto *list : {&sig.inputs, &sig.outputs})
    for (HeaderTensor &t : *list)
      if (cType(t.dtype).empty()) {
        error =
            "element type " + t.dtype + " of \"" + t.name + "\" has no C type";
        return false;
      }

  std::string prefix = options.prefix;
  if (prefix.empty())
    prefix = sig.model;
  prefix = llvm::StringRef(sanitize(prefix, "model")).lower();
  if (prefix.empty() || prefix == "_")
    prefix = "model";
  std::string upperPrefix = StringRef(prefix).upper();

  Namer namer;
  for (auto [list, fallback] :
       {std::pair(&sig.inputs, "input"), std::pair(&sig.outputs, "output")})
    for (auto [i, t] : llvm::enumerate(*list)) {
      t.ident = namer.unique(sanitize(t.name, fallback + std::to_string(i)));
      t.upper = StringRef(t.ident).upper();
    }
  for (HeaderTensor &t : sig.inputs)
    for (auto [k, d] : llvm::enumerate(t.shape))
      t.dimParams.push_back(
          d < 0 ? namer.unique(t.ident + "_dim" + std::to_string(k)) : "");

  std::set<size_t> ranks;
  for (auto *list : {&sig.inputs, &sig.outputs})
    for (HeaderTensor &t : *list)
      ranks.insert(t.shape.size());

  std::string guard = "ONNXC_MODEL_" + upperPrefix + "_H";
  std::string outputsType = prefix + "_outputs";
  llvm::raw_string_ostream os(header);

  // The banner: what the model is and how to use the header.
  os << "/* "
     << commentSafe(options.fileName.empty() ? prefix + ".h" : options.fileName)
     << " - generated by onnx-compile "
     << (sig.compiler.empty() ? kCompilerVersion : sig.compiler)
     << ". Do not edit.\n *\n"
     << " * model:    \"" << commentSafe(sig.model) << "\" (ABI " << kAbiVersion
     << ")\n";
  if (!sig.producer.empty())
    os << " * producer: " << commentSafe(sig.producer) << "\n";
  if (!sig.opsets.empty())
    os << " * opset:    " << commentSafe(sig.opsets) << "\n";
  os << " *\n"
     << " * Call the model without the runtime: link the program with the\n"
     << " * compiled model (cc main.c ./libmodel.so) and call " << prefix
     << "_run(),\n"
     << " * or dlopen() it, define ONNXC_MODEL_NO_LINK before including this\n"
     << " * header and pass its \"onnxc_main\" to " << prefix << "_call().\n"
     << " * Inputs are row-major contiguous buffers the model only reads.\n"
     << " * Outputs are malloc'ed by the model: read them with the accessors\n"
     << " * below (they honour the strides), then call " << prefix
     << "_free_outputs().\n *\n";
  for (auto [kind, list] :
       {std::pair("input ", &sig.inputs), std::pair("output", &sig.outputs)})
    for (auto [i, t] : llvm::enumerate(*list))
      os << " * " << kind << ' ' << i << "  \"" << commentSafe(t.name) << "\" "
         << t.dtype << ' ' << joinShape(t.shape) << "  -> " << t.ident << "\n";
  os << " */\n\n";

  os << "#ifndef " << guard << "\n#define " << guard << "\n\n"
     << "#include <stddef.h>\n#include <stdint.h>\n#include <stdlib.h>\n\n"
     << "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n";
  os << kCommon;
  printDescriptorTypes(os, ranks);

  // Constants: counts, names, ranks, dims (-1 when dynamic), element counts.
  os << "#define " << upperPrefix << "_MODEL_NAME " << cString(sig.model)
     << "\n#define " << upperPrefix << "_NUM_INPUTS " << sig.inputs.size()
     << "\n#define " << upperPrefix << "_NUM_OUTPUTS " << sig.outputs.size()
     << "\n\n";
  for (auto [kind, list] :
       {std::pair("input", &sig.inputs), std::pair("output", &sig.outputs)})
    for (auto [i, t] : llvm::enumerate(*list)) {
      std::string macro = upperPrefix + "_" + t.upper;
      os << "/* " << kind << ' ' << i << " \"" << commentSafe(t.name)
         << "\": " << t.dtype << ' ' << joinShape(t.shape) << " */\n"
         << "#define " << macro << "_NAME " << cString(t.name) << "\n"
         << "#define " << macro << "_RANK " << t.shape.size() << "\n";
      bool isStatic = true;
      int64_t count = 1;
      for (auto [k, d] : llvm::enumerate(t.shape)) {
        os << "#define " << macro << "_DIM" << k << " (" << d << ")\n";
        isStatic &= d >= 0;
        count *= d < 0 ? 1 : d;
      }
      if (isStatic)
        os << "#define " << macro << "_COUNT " << count << "\n";
      os << "typedef " << cType(t.dtype) << ' ' << prefix << '_' << t.ident
         << "_t;\n\n";
    }

  // The results block.
  os << "/** The results block: one descriptor per output, in output order. "
        "*/\n"
     << "typedef struct " << outputsType << " {\n";
  for (HeaderTensor &t : sig.outputs)
    os << "  onnxc_memref_" << t.shape.size() << "d " << t.ident << ";\n";
  if (sig.outputs.empty())
    os << "  int64_t onnxc_unused;\n";
  os << "} " << outputsType << ";\n\n";

  // The typed entry point.
  auto printParams = [&](bool withEntry) {
    os << "(";
    if (withEntry)
      os << "onnxc_entry_fn onnxc_entry, ";
    for (HeaderTensor &t : sig.inputs) {
      os << "const " << prefix << '_' << t.ident << "_t *" << t.ident << ", ";
      for (const std::string &dim : t.dimParams)
        if (!dim.empty())
          os << "int64_t " << dim << ", ";
    }
    os << outputsType << " *onnxc_outputs)";
  };
  os << "/** Runs the model through `onnxc_entry` (a pointer to the model's\n"
        " *  onnxc_main). Each input is a row-major buffer of its shape;\n"
        " *  dynamic dims are passed after it. Returns 0 on success; then\n"
        " *  `*onnxc_outputs` owns the results. */\n"
     << "static inline int32_t " << prefix << "_call";
  printParams(true);
  os << " {\n";
  for (HeaderTensor &t : sig.inputs) {
    size_t rank = t.shape.size();
    os << "  onnxc_memref_" << rank << "d onnxc_d_" << t.ident << ";\n";
  }
  os << "  void *onnxc_args[" << 1 + sig.inputs.size() << "];\n"
     << "  char *onnxc_o = (char *)onnxc_outputs;\n"
     << "  size_t onnxc_i;\n"
     << "  for (onnxc_i = 0; onnxc_i < sizeof(*onnxc_outputs); ++onnxc_i)\n"
     << "    onnxc_o[onnxc_i] = 0;\n"
     << "  onnxc_args[0] = onnxc_outputs;\n";
  for (auto [i, t] : llvm::enumerate(sig.inputs)) {
    std::string d = "onnxc_d_" + t.ident;
    size_t rank = t.shape.size();
    // The model only reads its inputs; the descriptor's pointers are not
    // const (uintptr_t keeps -Wcast-qual quiet).
    os << "  " << d << ".allocated = (void *)(uintptr_t)" << t.ident << ";\n"
       << "  " << d << ".aligned = " << d << ".allocated;\n"
       << "  " << d << ".offset = 0;\n";
    for (size_t k = 0; k < rank; ++k)
      os << "  " << d << ".sizes[" << k << "] = "
         << (t.shape[k] < 0 ? t.dimParams[k] : std::to_string(t.shape[k]))
         << ";\n";
    if (rank > 0) {
      os << "  " << d << ".strides[" << rank - 1 << "] = 1;\n";
      for (size_t k = rank - 1; k-- > 0;)
        os << "  " << d << ".strides[" << k << "] = " << d << ".strides["
           << k + 1 << "] * " << d << ".sizes[" << k + 1 << "];\n";
    }
    os << "  onnxc_args[" << i + 1 << "] = &" << d << ";\n";
  }
  os << "  return onnxc_entry(onnxc_args);\n}\n\n";

  os << "#ifndef ONNXC_MODEL_NO_LINK\n"
     << "/** Runs the model linked into the program (its onnxc_main). */\n"
     << "static inline int32_t " << prefix << "_run";
  printParams(false);
  os << " {\n  return " << prefix << "_call(onnxc_main, ";
  for (HeaderTensor &t : sig.inputs) {
    os << t.ident << ", ";
    for (const std::string &dim : t.dimParams)
      if (!dim.empty())
        os << dim << ", ";
  }
  os << "onnxc_outputs);\n}\n#endif\n\n";

  // Output accessors.
  for (HeaderTensor &t : sig.outputs) {
    std::string fn = prefix + "_" + t.ident;
    std::string field = "o->" + t.ident;
    std::string elem = fn + "_t";
    size_t rank = t.shape.size();
    std::string sizes = rank ? field + ".sizes" : "(const int64_t *)0";
    std::string strides = rank ? field + ".strides" : "(const int64_t *)0";
    os << "/* output \"" << commentSafe(t.name) << "\" */\n"
       << "/** Its shape after a run (dynamic dims included). */\n"
       << "static inline const int64_t *" << fn << "_shape(const "
       << outputsType << " *o) {\n  return " << sizes << ";\n}\n"
       << "static inline int64_t " << fn << "_count(const " << outputsType
       << " *o) {\n  return onnxc_memref_count(" << rank << ", " << sizes
       << ");\n}\n"
       << "/** Element 0; the elements are at data[i0 * strides[0] + ...]. "
          "*/\n"
       << "static inline const " << elem << " *" << fn << "_data(const "
       << outputsType << " *o) {\n  return (const " << elem << " *)" << field
       << ".aligned + " << field << ".offset;\n}\n"
       << "static inline const int64_t *" << fn << "_strides(const "
       << outputsType << " *o) {\n  return " << strides << ";\n}\n"
       << "/** Whether the elements are row-major contiguous at _data(). */\n"
       << "static inline int " << fn << "_is_contiguous(const " << outputsType
       << " *o) {\n  return onnxc_memref_is_contiguous(" << rank << ", "
       << sizes << ", " << strides << ");\n}\n"
       << "/** Copies the elements, row-major, into `onnxc_dst` (room for "
       << fn << "_count() elements). */\n"
       << "static inline void " << fn << "_copy(const " << outputsType
       << " *o, " << elem << " *onnxc_dst) {\n"
       << "  onnxc_memref_copy_out(" << fn << "_data(o), " << rank << ", "
       << sizes << ", " << strides << ", sizeof(" << elem
       << "), onnxc_dst);\n}\n\n";
  }

  os << "/** Frees the buffers of a successful run's outputs (each distinct\n"
        " *  buffer once) and zeroes `*o`. */\n"
     << "static inline void " << prefix << "_free_outputs(" << outputsType
     << " *o) {\n";
  if (!sig.outputs.empty()) {
    os << "  void *buffers[" << sig.outputs.size() << "];\n";
    for (auto [i, t] : llvm::enumerate(sig.outputs))
      os << "  buffers[" << i << "] = o->" << t.ident << ".allocated;\n";
    os << "  onnxc_free_buffers(buffers, " << sig.outputs.size() << ");\n";
  }
  os << "  {\n    char *p = (char *)o;\n    size_t i;\n"
     << "    for (i = 0; i < sizeof(*o); ++i)\n      p[i] = 0;\n  }\n}\n\n";

  os << "#ifdef __cplusplus\n} /* extern \"C\" */\n#endif\n\n"
     << "#endif /* " << guard << " */\n";
  return true;
}

} // namespace onnxc
