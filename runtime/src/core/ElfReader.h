//===- ElfReader.h - Reading the signature section of a model --*- C++ -*-===//
//
// Finds the `.onnxc_sig` section of an ELF file through its section headers
// without mapping or running anything, and checks that every part of the
// file the dynamic loader will map lies inside it. Works on any ByteSource,
// so the loader fuzz target can feed it memory.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_RUNTIME_CORE_ELFREADER_H
#define ONNXC_RUNTIME_CORE_ELFREADER_H

#include "onnxc/runtime.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace onnxc {

/// Random access to the bytes of a file or a buffer.
class ByteSource {
public:
  virtual ~ByteSource();
  virtual uint64_t size() const = 0;
  /// Reads exactly `length` bytes at `offset`; false when that fails.
  virtual bool read(uint64_t offset, void *buffer, size_t length) = 0;
};

class MemorySource final : public ByteSource {
public:
  MemorySource(const void *data, size_t size)
      : data(static_cast<const unsigned char *>(data)), length(size) {}
  uint64_t size() const override { return length; }
  bool read(uint64_t offset, void *buffer, size_t count) override;

private:
  const unsigned char *data;
  size_t length;
};

class FileSource final : public ByteSource {
public:
  ~FileSource() override;
  /// Opens a regular file; on error returns nullptr and sets `status`.
  static std::unique_ptr<FileSource> open(const std::string &path,
                                          onnxc_status **status);
  uint64_t size() const override { return length; }
  bool read(uint64_t offset, void *buffer, size_t count) override;

private:
  FileSource(int fd, uint64_t size) : fd(fd), length(size) {}
  int fd;
  uint64_t length;
};

/// The name of the signature section.
inline constexpr const char kSignatureSection[] = ".onnxc_sig";

/// Checks the ELF structure of `source` and extracts the signature text (the
/// bytes of `.onnxc_sig` up to the first NUL). Returns ONNXC_OK, or
/// ONNXC_INVALID_MODEL / ONNXC_IO_ERROR with `error` set.
onnxc_error_code readSignatureSection(ByteSource &source, std::string &text,
                                      std::string &error);

} // namespace onnxc

#endif // ONNXC_RUNTIME_CORE_ELFREADER_H
