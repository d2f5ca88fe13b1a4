//===- ElfReaderTest.cpp - The ELF checks done before dlopen --------------===//

#include "TestUtil.h"

#include "core/ElfReader.h"
#include "core/Validate.h"

#include <cstring>
#include <elf.h>
#include <random>

using namespace onnxc;
using namespace onnxc::test;

namespace {

onnxc_error_code readSection(const std::vector<char> &bytes, std::string &text,
                             std::string &error) {
  MemorySource source(bytes.data(), bytes.size());
  return readSignatureSection(source, text, error);
}

std::string sectionError(const std::vector<char> &bytes) {
  std::string text, error;
  EXPECT_EQ(readSection(bytes, text, error), ONNXC_INVALID_MODEL);
  return error;
}

Elf64_Ehdr *header(std::vector<char> &bytes) {
  return reinterpret_cast<Elf64_Ehdr *>(bytes.data());
}

/// The section header of `.onnxc_sig` in `bytes`.
Elf64_Shdr *signatureHeader(std::vector<char> &bytes) {
  Elf64_Ehdr *elf = header(bytes);
  auto *sections = reinterpret_cast<Elf64_Shdr *>(bytes.data() + elf->e_shoff);
  const char *names = bytes.data() + sections[elf->e_shstrndx].sh_offset;
  for (unsigned i = 0; i < elf->e_shnum; ++i)
    if (std::strcmp(names + sections[i].sh_name, ".onnxc_sig") == 0)
      return &sections[i];
  return nullptr;
}

TEST(ElfReaderTest, ReadsTheSignatureOfAFixture) {
  std::vector<char> bytes = readFile(fixturePath("mnist"));
  std::string text, error;
  ASSERT_EQ(readSection(bytes, text, error), ONNXC_OK) << error;
  EXPECT_EQ(text, mnistSignature());
}

TEST(ElfReaderTest, RefusesShortAndNonElfInput) {
  EXPECT_NE(sectionError({}).find("not an elf file (0 bytes)"),
            std::string::npos);
  EXPECT_NE(sectionError({'\x7f', 'E'}).find("not an elf file"),
            std::string::npos);
  EXPECT_NE(
      sectionError({'\x7f', 'E', 'L', 'F', 2, 1}).find("truncated elf header"),
      std::string::npos);
  std::vector<char> text(200, 'a');
  EXPECT_NE(sectionError(text).find("not an elf file"), std::string::npos);
}

TEST(ElfReaderTest, RefusesOtherElfFlavours) {
  const std::vector<char> good = readFile(fixturePath("mnist"));
  std::vector<char> bytes = good;
  bytes[EI_CLASS] = ELFCLASS32;
  EXPECT_NE(sectionError(bytes).find("not a 64-bit"), std::string::npos);
  bytes = good;
  bytes[EI_DATA] = ELFDATA2MSB;
  EXPECT_NE(sectionError(bytes).find("not a little-endian"), std::string::npos);
  bytes = good;
  header(bytes)->e_machine = EM_AARCH64;
  EXPECT_NE(sectionError(bytes).find("not an x86-64 elf file (machine 183)"),
            std::string::npos);
  bytes = good;
  header(bytes)->e_type = ET_REL;
  EXPECT_NE(sectionError(bytes).find("not a shared object"), std::string::npos);
  bytes = good;
  header(bytes)->e_shentsize = 40;
  EXPECT_NE(sectionError(bytes).find("section header size"), std::string::npos);
}

TEST(ElfReaderTest, RefusesHeadersAndSectionsOutsideTheFile) {
  const std::vector<char> good = readFile(fixturePath("mnist"));
  std::vector<char> bytes = good;
  header(bytes)->e_shoff = good.size() - 10;
  EXPECT_NE(sectionError(bytes).find("section headers lie outside"),
            std::string::npos);
  bytes = good;
  header(bytes)->e_shnum = 0xfff0;
  EXPECT_NE(sectionError(bytes).find("outside the file"), std::string::npos);
  bytes = good;
  header(bytes)->e_phoff = UINT64_MAX - 8;
  EXPECT_NE(sectionError(bytes).find("program headers lie outside"),
            std::string::npos);

  bytes = good;
  Elf64_Shdr *sig = signatureHeader(bytes);
  ASSERT_NE(sig, nullptr);
  sig->sh_offset = good.size() - 100;
  EXPECT_NE(sectionError(bytes).find("lies outside the file"),
            std::string::npos);
  bytes = good;
  sig = signatureHeader(bytes);
  sig->sh_size = UINT64_MAX;
  EXPECT_NE(sectionError(bytes).find("lies outside the file"),
            std::string::npos);
}

TEST(ElfReaderTest, RefusesLoadableSegmentsPastTheEnd) {
  std::vector<char> bytes = readFile(fixturePath("mnist"));
  Elf64_Ehdr *elf = header(bytes);
  auto *segments = reinterpret_cast<Elf64_Phdr *>(bytes.data() + elf->e_phoff);
  Elf64_Phdr *load = nullptr;
  for (unsigned i = 0; i < elf->e_phnum; ++i)
    if (segments[i].p_type == PT_LOAD)
      load = &segments[i];
  ASSERT_NE(load, nullptr);
  load->p_filesz = bytes.size() + 4096;
  load->p_memsz = load->p_filesz;
  EXPECT_NE(sectionError(bytes).find("segment"), std::string::npos);
}

TEST(ElfReaderTest, RefusesAMissingOrUnterminatedSection) {
  EXPECT_NE(sectionError(readFile(fixturePath("nosig")))
                .find("no .onnxc_sig section"),
            std::string::npos);
  std::vector<char> bytes = readFile(fixturePath("mnist"));
  Elf64_Shdr *sig = signatureHeader(bytes);
  ASSERT_NE(sig, nullptr);
  std::memset(bytes.data() + sig->sh_offset, 'A', sig->sh_size);
  EXPECT_NE(sectionError(bytes).find("not nul-terminated"), std::string::npos);
  sig->sh_type = SHT_NOBITS;
  EXPECT_NE(sectionError(bytes).find("no contents"), std::string::npos);
  sig->sh_type = SHT_PROGBITS;
  sig->sh_size = 0;
  EXPECT_NE(sectionError(bytes).find("empty"), std::string::npos);
}

// Random corruption of a good file never crashes the validator, and every
// refusal comes with a message.
TEST(ElfReaderTest, SurvivesRandomCorruption) {
  const std::vector<char> good = readFile(fixturePath("add"));
  std::mt19937 random(1234);
  int refused = 0;
  for (int iteration = 0; iteration < 3000; ++iteration) {
    std::vector<char> bytes = good;
    int flips = 1 + static_cast<int>(random() % 8);
    for (int i = 0; i < flips; ++i) {
      // Aim at the headers most of the time, where it matters.
      size_t limit = (random() % 2) ? 64 : bytes.size();
      bytes[random() % limit] = static_cast<char>(random());
    }
    if (random() % 4 == 0)
      bytes.resize(random() % bytes.size());
    MemorySource source(bytes.data(), bytes.size());
    Signature sig;
    onnxc_status *status = validateModel(
        source, "fuzz.so", sig, [](std::string_view, void *) { return 1; },
        nullptr);
    if (status) {
      ++refused;
      EXPECT_FALSE(std::string(onnxc_status_message(status)).empty());
    }
    onnxc_status_free(status);
  }
  EXPECT_GT(refused, 100);
}

TEST(ElfReaderTest, ValidatorReportsMissingCpuFeatures) {
  std::vector<char> bytes = readFile(fixturePath("mnist"));
  replaceSignature(bytes, mnistSignature("features +sse2",
                                         "features +sse2,+avx512fp16,-avx,"
                                         "+made-up-feature,+amx-tile"));
  MemorySource source(bytes.data(), bytes.size());
  Signature sig;
  // An oracle for a CPU with sse2 only, that knows avx512fp16 and amx-tile.
  auto oracle = [](std::string_view name, void *) {
    if (name == "sse2")
      return 1;
    if (name == "avx512fp16" || name == "amx-tile" || name == "avx")
      return 0;
    return -1;
  };
  EXPECT_TRUE(isError(validateModel(source, "m.so", sig, oracle, nullptr),
                      ONNXC_CPU_FEATURES_MISSING,
                      "m.so: model \"mnist-8\" (compiled for x86-64) needs "
                      "cpu features this cpu lacks: avx512fp16, amx-tile"));
}

} // namespace
