//===- ElfReader.cpp - Reading the signature section of a model -----------===//

#include "ElfReader.h"

#include "Status.h"

#include <cerrno>
#include <cstring>
#include <elf.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace onnxc {

ByteSource::~ByteSource() = default;

bool MemorySource::read(uint64_t offset, void *buffer, size_t count) {
  if (offset > length || count > length - offset)
    return false;
  if (count)
    std::memcpy(buffer, data + offset, count);
  return true;
}

FileSource::~FileSource() { ::close(fd); }

std::unique_ptr<FileSource> FileSource::open(const std::string &path,
                                             onnxc_status **status) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused
  // below as not a regular file); reads of regular files ignore the flag.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    *status = makeStatus(ONNXC_IO_ERROR,
                         path + ": cannot open: " + std::strerror(errno));
    return nullptr;
  }
  struct stat info;
  if (::fstat(fd, &info) != 0) {
    *status = makeStatus(ONNXC_IO_ERROR,
                         path + ": cannot stat: " + std::strerror(errno));
    ::close(fd);
    return nullptr;
  }
  if (!S_ISREG(info.st_mode)) {
    *status = makeStatus(ONNXC_IO_ERROR, path + ": not a regular file");
    ::close(fd);
    return nullptr;
  }
  std::unique_ptr<FileSource> source(
      new (std::nothrow) FileSource(fd, static_cast<uint64_t>(info.st_size)));
  if (!source) {
    ::close(fd);
    *status = outOfMemoryStatus();
    return nullptr;
  }
  *status = nullptr;
  return source;
}

bool FileSource::read(uint64_t offset, void *buffer, size_t count) {
  if (offset > length || count > length - offset)
    return false;
  auto *out = static_cast<char *>(buffer);
  while (count > 0) {
    ssize_t got = ::pread(fd, out, count, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      return false;
    out += got;
    offset += static_cast<uint64_t>(got);
    count -= static_cast<size_t>(got);
  }
  return true;
}

namespace {

constexpr uint64_t kMaxSignatureSize = 64u << 20;
constexpr uint64_t kMaxStringTableSize = 64u << 20;

/// Whether [offset, offset + length) lies inside a file of `size` bytes.
bool inside(uint64_t offset, uint64_t length, uint64_t size) {
  return offset <= size && length <= size - offset;
}

/// Whether count * entry bytes at offset lie inside the file.
bool tableInside(uint64_t offset, uint64_t count, uint64_t entry,
                 uint64_t size) {
  if (count != 0 && entry > UINT64_MAX / count)
    return false;
  return inside(offset, count * entry, size);
}

} // namespace

onnxc_error_code readSignatureSection(ByteSource &source, std::string &text,
                                      std::string &error) {
  const uint64_t fileSize = source.size();
  auto invalid = [&](std::string message) {
    error = std::move(message);
    return ONNXC_INVALID_MODEL;
  };
  auto ioError = [&](const char *what) {
    error = std::string("cannot read the ") + what;
    return ONNXC_IO_ERROR;
  };

  Elf64_Ehdr header;
  if (fileSize < 4)
    return invalid("not an elf file (" + std::to_string(fileSize) + " bytes)");
  unsigned char magic[4];
  if (!source.read(0, magic, 4))
    return ioError("elf header");
  if (std::memcmp(magic, ELFMAG, SELFMAG) != 0)
    return invalid("not an elf file");
  if (fileSize < sizeof(header))
    return invalid("truncated elf header (" + std::to_string(fileSize) +
                   " bytes)");
  if (!source.read(0, &header, sizeof(header)))
    return ioError("elf header");
  if (header.e_ident[EI_CLASS] != ELFCLASS64)
    return invalid("not a 64-bit elf file");
  if (header.e_ident[EI_DATA] != ELFDATA2LSB)
    return invalid("not a little-endian elf file");
  if (header.e_ident[EI_VERSION] != EV_CURRENT)
    return invalid("unknown elf version " +
                   std::to_string(header.e_ident[EI_VERSION]));
  if (header.e_machine != EM_X86_64)
    return invalid("not an x86-64 elf file (machine " +
                   std::to_string(header.e_machine) + ")");
  if (header.e_type != ET_DYN)
    return invalid("not a shared object (elf type " +
                   std::to_string(header.e_type) + ")");

  // Program headers: every loadable segment must lie inside the file, or the
  // dynamic loader would map pages past its end (SIGBUS on first touch).
  if (header.e_phnum == 0)
    return invalid("no program headers");
  if (header.e_phentsize != sizeof(Elf64_Phdr))
    return invalid("bad program header size " +
                   std::to_string(header.e_phentsize));
  if (!tableInside(header.e_phoff, header.e_phnum, sizeof(Elf64_Phdr),
                   fileSize))
    return invalid("program headers lie outside the file (truncated?)");
  std::vector<Elf64_Phdr> segments(header.e_phnum);
  if (!source.read(header.e_phoff, segments.data(),
                   segments.size() * sizeof(Elf64_Phdr)))
    return ioError("program headers");
  for (size_t i = 0; i < segments.size(); ++i) {
    const Elf64_Phdr &segment = segments[i];
    if (segment.p_type != PT_LOAD && segment.p_type != PT_DYNAMIC)
      continue;
    if (!inside(segment.p_offset, segment.p_filesz, fileSize))
      return invalid("segment " + std::to_string(i) +
                     " lies outside the file (truncated?)");
    if (segment.p_type == PT_LOAD && segment.p_filesz > segment.p_memsz)
      return invalid("segment " + std::to_string(i) +
                     " is larger in the file than in memory");
  }

  // Section headers.
  if (header.e_shoff == 0)
    return invalid("no section headers");
  if (header.e_shentsize != sizeof(Elf64_Shdr))
    return invalid("bad section header size " +
                   std::to_string(header.e_shentsize));
  if (!tableInside(header.e_shoff, 1, sizeof(Elf64_Shdr), fileSize))
    return invalid("section headers lie outside the file (truncated?)");
  Elf64_Shdr first;
  if (!source.read(header.e_shoff, &first, sizeof(first)))
    return ioError("section headers");
  uint64_t sectionCount = header.e_shnum ? header.e_shnum : first.sh_size;
  uint64_t nameIndex = header.e_shstrndx == SHN_XINDEX
                           ? first.sh_link
                           : static_cast<uint64_t>(header.e_shstrndx);
  if (sectionCount == 0)
    return invalid("no sections");
  if (!tableInside(header.e_shoff, sectionCount, sizeof(Elf64_Shdr), fileSize))
    return invalid("section headers lie outside the file (truncated?)");
  std::vector<Elf64_Shdr> sections(sectionCount);
  if (!source.read(header.e_shoff, sections.data(),
                   sections.size() * sizeof(Elf64_Shdr)))
    return ioError("section headers");
  for (size_t i = 0; i < sections.size(); ++i) {
    const Elf64_Shdr &section = sections[i];
    if (section.sh_type == SHT_NOBITS || section.sh_type == SHT_NULL)
      continue;
    if (!inside(section.sh_offset, section.sh_size, fileSize))
      return invalid("section " + std::to_string(i) +
                     " lies outside the file (truncated?)");
  }

  if (nameIndex == SHN_UNDEF || nameIndex >= sectionCount)
    return invalid("no section name table");
  const Elf64_Shdr &names = sections[nameIndex];
  if (names.sh_type != SHT_STRTAB)
    return invalid("the section name table is not a string table");
  if (names.sh_size > kMaxStringTableSize)
    return invalid("the section name table is too large");
  std::vector<char> nameTable(names.sh_size);
  if (!source.read(names.sh_offset, nameTable.data(), nameTable.size()))
    return ioError("section name table");

  const Elf64_Shdr *signature = nullptr;
  const size_t wantedLength = sizeof(kSignatureSection); // with the NUL
  for (const Elf64_Shdr &section : sections) {
    if (section.sh_name >= nameTable.size() ||
        nameTable.size() - section.sh_name < wantedLength)
      continue;
    if (std::memcmp(nameTable.data() + section.sh_name, kSignatureSection,
                    wantedLength) != 0)
      continue;
    if (signature)
      return invalid("more than one .onnxc_sig section");
    signature = &section;
  }
  if (!signature)
    return invalid("no .onnxc_sig section: not a model compiled by "
                   "onnx-compile");
  if (signature->sh_type == SHT_NOBITS)
    return invalid("the .onnxc_sig section has no contents");
  if (signature->sh_size == 0)
    return invalid("the .onnxc_sig section is empty");
  if (signature->sh_size > kMaxSignatureSize)
    return invalid("the .onnxc_sig section is too large (" +
                   std::to_string(signature->sh_size) + " bytes)");
  std::string bytes(signature->sh_size, '\0');
  if (!source.read(signature->sh_offset, bytes.data(), bytes.size()))
    return ioError(".onnxc_sig section");
  size_t end = bytes.find('\0');
  if (end == std::string::npos)
    return invalid("the .onnxc_sig section is not nul-terminated");
  bytes.resize(end);
  text = std::move(bytes);
  return ONNXC_OK;
}

} // namespace onnxc
