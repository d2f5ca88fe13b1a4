//===- Signature.cpp - The model signature (.onnxc_sig) -------------------===//

#include "Signature.h"

#include "ElementType.h"

#include <cstdio>
#include <set>

namespace onnxc {
namespace {

constexpr size_t kMaxSignatureBytes = 64u << 20;

std::vector<std::string_view> splitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t space = line.find(' ', start);
    if (space == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, space - start));
    start = space + 1;
  }
}

bool parseInt64(std::string_view text, int64_t &value) {
  if (text.empty())
    return false;
  bool negative = false;
  size_t i = 0;
  if (text[0] == '-') {
    negative = true;
    i = 1;
    if (text.size() == 1)
      return false;
  }
  uint64_t magnitude = 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c < '0' || c > '9')
      return false;
    uint64_t digit = static_cast<uint64_t>(c - '0');
    if (magnitude > (UINT64_MAX - digit) / 10)
      return false;
    magnitude = magnitude * 10 + digit;
    if (magnitude > static_cast<uint64_t>(INT64_MAX))
      return false;
  }
  value = negative ? -static_cast<int64_t>(magnitude)
                   : static_cast<int64_t>(magnitude);
  return true;
}

bool isIdentifier(std::string_view text) {
  if (text.empty())
    return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    bool digit = c >= '0' && c <= '9';
    if (!alpha && !(digit && i > 0))
      return false;
  }
  return true;
}

bool isFeatureName(std::string_view text) {
  if (text.size() < 2 || (text[0] != '+' && text[0] != '-'))
    return false;
  for (char c : text.substr(1)) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    if (!ok)
      return false;
  }
  return true;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

class Parser {
public:
  Parser(int64_t expectedAbi, Signature &sig, std::string &error)
      : expectedAbi(expectedAbi), sig(sig), error(error) {}

  bool parse(std::string_view text);

private:
  bool fail(const std::string &message) {
    error = "signature line " + std::to_string(lineNumber) + ": " + message;
    return false;
  }
  bool parseFirstLine(std::string_view line);
  bool parseLine(std::string_view line);
  bool parseValue(std::vector<std::string_view> fields, bool isInput);
  bool parseFeatures(std::string_view value);
  bool setOnce(std::string_view key);

  int64_t expectedAbi;
  Signature &sig;
  std::string &error;
  size_t lineNumber = 0;
  bool sawEnd = false;
  std::set<std::string, std::less<>> seenKeys;
  std::set<std::string, std::less<>> inputNames;
  std::set<std::string, std::less<>> outputNames;
};

bool Parser::parse(std::string_view text) {
  sig = Signature();
  if (text.empty()) {
    error = "signature is empty";
    return false;
  }
  if (text.size() > kMaxSignatureBytes) {
    error = "signature is larger than " +
            std::to_string(kMaxSignatureBytes >> 20) + " MiB";
    return false;
  }
  size_t start = 0;
  while (start < text.size()) {
    size_t newline = text.find('\n', start);
    std::string_view line = newline == std::string_view::npos
                                ? text.substr(start)
                                : text.substr(start, newline - start);
    start = newline == std::string_view::npos ? text.size() : newline + 1;
    ++lineNumber;
    if (sawEnd)
      return fail("record after 'end'");
    for (char c : line) {
      unsigned char byte = static_cast<unsigned char>(c);
      if (byte < 0x20 || byte > 0x7e)
        return fail("non-printable byte 0x" +
                    std::string(1, "0123456789abcdef"[byte >> 4]) +
                    std::string(1, "0123456789abcdef"[byte & 15]));
    }
    if (lineNumber == 1) {
      if (!parseFirstLine(line))
        return false;
      continue;
    }
    if (!parseLine(line))
      return false;
  }
  if (!sawEnd) {
    error = "signature has no 'end' record (truncated?)";
    return false;
  }
  if (!seenKeys.count("target")) {
    error = "signature has no 'target' record";
    return false;
  }
  return true;
}

bool Parser::parseFirstLine(std::string_view line) {
  std::vector<std::string_view> fields = splitFields(line);
  if (fields.size() != 2 || fields[0] != "ONNXC")
    return fail("expected 'ONNXC <abi version>' as the first record");
  int64_t version = 0;
  if (!parseInt64(fields[1], version) || version < 0)
    return fail("bad abi version '" + std::string(fields[1]) + "'");
  if (version < 1 || version > expectedAbi)
    return fail("abi version " + std::to_string(version) +
                " is not supported by this runtime (it loads versions 1 to " +
                std::to_string(expectedAbi) + ")");
  sig.abiVersion = version;
  return true;
}

bool Parser::setOnce(std::string_view key) {
  if (!seenKeys.emplace(key).second)
    return fail("duplicate '" + std::string(key) + "' record");
  return true;
}

bool Parser::parseFeatures(std::string_view value) {
  if (value == "-")
    return true;
  size_t start = 0;
  while (true) {
    size_t comma = value.find(',', start);
    std::string_view item = value.substr(
        start, comma == std::string_view::npos ? comma : comma - start);
    if (!isFeatureName(item))
      return fail("bad target feature '" + std::string(item) + "'");
    sig.features.emplace_back(item);
    if (comma == std::string_view::npos)
      return true;
    start = comma + 1;
  }
}

bool Parser::parseLine(std::string_view line) {
  if (line.empty())
    return fail("empty record");
  std::vector<std::string_view> fields = splitFields(line);
  for (std::string_view field : fields)
    if (field.empty())
      return fail("empty field (fields are separated by one space)");
  std::string_view key = fields[0];
  std::string_view rest =
      fields.size() > 1 ? line.substr(key.size() + 1) : std::string_view();

  if (key == "end") {
    if (fields.size() != 1)
      return fail("'end' takes no fields");
    sawEnd = true;
    return true;
  }
  if (key == "input" || key == "output")
    return parseValue(fields, key == "input");
  if (key == "ONNXC")
    return fail("'ONNXC' must be the first record only");

  bool singleField = key == "target" || key == "triple" || key == "cpu" ||
                     key == "features" || key == "entry";
  bool known = singleField || key == "compiler" || key == "model" ||
               key == "producer" || key == "opset";
  if (!known) {
    // Unknown keys are kept for onnxc_model_metadata but otherwise ignored.
    sig.records.emplace_back(std::string(key), std::string(rest));
    return true;
  }
  if (fields.size() < 2)
    return fail("'" + std::string(key) + "' needs a value");
  if (singleField && fields.size() != 2)
    return fail("'" + std::string(key) + "' takes one field");
  if (key != "opset" && !setOnce(key))
    return false;

  std::string value(rest);
  if (key == "model" || key == "producer") {
    if (!percentDecode(rest, value))
      return fail("bad percent encoding in '" + std::string(key) + "'");
  } else if (key == "target") {
    sig.target = value;
  } else if (key == "features") {
    if (!parseFeatures(rest))
      return false;
  } else if (key == "entry") {
    if (!isIdentifier(rest))
      return fail("entry '" + value + "' is not a c identifier");
    sig.entry = value;
  } else if (key == "opset") {
    if (fields.size() != 3)
      return fail("'opset' takes a domain and a version");
    int64_t version = 0;
    if (!parseInt64(fields[2], version) || version < 0)
      return fail("bad opset version '" + std::string(fields[2]) + "'");
  }
  sig.records.emplace_back(std::string(key), std::move(value));
  return true;
}

bool Parser::parseValue(std::vector<std::string_view> fields, bool isInput) {
  const char *what = isInput ? "input" : "output";
  if (fields.size() < 4)
    return fail(std::string("'") + what + "' needs a name, a type and a rank");
  ValueDesc value;
  if (!percentDecode(fields[1], value.name))
    return fail(std::string("bad percent encoding in ") + what + " name '" +
                std::string(fields[1]) + "'");
  // ABI 2: `seq`, `opt` or `opt seq` before the element type.
  std::vector<std::string_view> wrappers;
  while (fields.size() > 2 && (fields[2] == "seq" || fields[2] == "opt")) {
    wrappers.push_back(fields[2]);
    fields.erase(fields.begin() + 2);
  }
  if (!wrappers.empty()) {
    if (sig.abiVersion < 2)
      return fail(std::string(what) + " \"" + value.name +
                  "\": sequences and optionals need abi version 2");
    if (wrappers.size() == 1)
      value.kind = wrappers[0] == "seq" ? ONNXC_VALUE_SEQUENCE
                                        : ONNXC_VALUE_OPTIONAL_TENSOR;
    else if (wrappers.size() == 2 && wrappers[0] == "opt" &&
             wrappers[1] == "seq")
      value.kind = ONNXC_VALUE_OPTIONAL_SEQUENCE;
    else
      return fail(std::string(what) + " \"" + value.name +
                  "\": unsupported nesting of seq and opt");
    if (fields.size() < 4)
      return fail(std::string("'") + what +
                  "' needs a name, a type and a rank");
  }
  value.dtype = elementTypeFromSignatureName(fields[2]);
  if (value.dtype == ONNXC_TYPE_UNDEFINED)
    return fail(std::string(what) + " \"" + value.name +
                "\": unknown element type '" + std::string(fields[2]) + "'");
  int64_t rank = 0;
  if (value.kind == ONNXC_VALUE_SEQUENCE ||
      value.kind == ONNXC_VALUE_OPTIONAL_SEQUENCE) {
    // The elements of a sequence may have any rank.
    if (fields[3] == "-1" && fields.size() == 4) {
      value.rankKnown = false;
      auto &names = isInput ? inputNames : outputNames;
      if (!names.insert(value.name).second)
        return fail("duplicate " + std::string(what) + " \"" + value.name +
                    "\"");
      (isInput ? sig.inputs : sig.outputs).push_back(std::move(value));
      return true;
    }
  }
  if (!parseInt64(fields[3], rank) || rank < 0)
    return fail(std::string(what) + " \"" + value.name + "\": bad rank '" +
                std::string(fields[3]) + "'");
  if (rank > ONNXC_MAX_RANK)
    return fail(std::string(what) + " \"" + value.name + "\": rank " +
                std::to_string(rank) + " exceeds the runtime's maximum of " +
                std::to_string(ONNXC_MAX_RANK));
  if (fields.size() != 4 + static_cast<size_t>(rank))
    return fail(std::string(what) + " \"" + value.name + "\": rank " +
                std::to_string(rank) + " but " +
                std::to_string(fields.size() - 4) + " dims");
  for (int64_t i = 0; i < rank; ++i) {
    std::string_view field = fields[4 + i];
    int64_t dim = 0;
    if (!parseInt64(field, dim) || dim < -1)
      return fail(std::string(what) + " \"" + value.name + "\": bad dim '" +
                  std::string(field) + "'");
    value.shape.push_back(dim);
  }
  auto &names = isInput ? inputNames : outputNames;
  if (!names.insert(value.name).second)
    return fail("duplicate " + std::string(what) + " \"" + value.name + "\"");
  (isInput ? sig.inputs : sig.outputs).push_back(std::move(value));
  return true;
}

} // namespace

bool Signature::metadata(std::string_view key, std::string &value) const {
  bool found = false;
  value.clear();
  for (const auto &record : records) {
    if (record.first != key)
      continue;
    if (found)
      value += ", ";
    value += record.second;
    found = true;
  }
  if (!found && key == "abi") {
    value = std::to_string(abiVersion);
    return true;
  }
  if (!found && key == "entry") {
    value = entry;
    return true;
  }
  return found;
}

bool parseSignature(std::string_view text, int64_t expectedAbi, Signature &sig,
                    std::string &error) {
  Parser parser(expectedAbi, sig, error);
  return parser.parse(text);
}

bool percentDecode(std::string_view encoded, std::string &decoded) {
  decoded.clear();
  if (encoded == "%")
    return true;
  for (size_t i = 0; i < encoded.size(); ++i) {
    char c = encoded[i];
    if (c != '%') {
      decoded.push_back(c);
      continue;
    }
    if (i + 2 >= encoded.size())
      return false;
    int high = hexValue(encoded[i + 1]);
    int low = hexValue(encoded[i + 2]);
    if (high < 0 || low < 0)
      return false;
    decoded.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return true;
}

std::string percentEncode(std::string_view name) {
  if (name.empty())
    return "%";
  std::string encoded;
  for (char c : name) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte == '%' || byte < 0x21 || byte > 0x7e) {
      char buffer[4];
      std::snprintf(buffer, sizeof(buffer), "%%%02X", byte);
      encoded += buffer;
    } else {
      encoded.push_back(c);
    }
  }
  return encoded;
}

std::string formatShape(const int64_t *dims, size_t rank) {
  std::string text = "[";
  for (size_t i = 0; i < rank; ++i) {
    if (i)
      text += ",";
    text += dims[i] == -1 ? std::string("?") : std::to_string(dims[i]);
  }
  return text + "]";
}

std::string formatDims(const int64_t *dims, size_t rank) {
  std::string text = "[";
  for (size_t i = 0; i < rank; ++i) {
    if (i)
      text += ",";
    text += std::to_string(dims[i]);
  }
  return text + "]";
}

} // namespace onnxc
