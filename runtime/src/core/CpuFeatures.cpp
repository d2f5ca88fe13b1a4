//===- CpuFeatures.cpp - Host CPU feature detection -----------------------===//

#include "CpuFeatures.h"

#include <cstdint>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#define ONNXC_HAVE_CPUID 1
#endif

namespace onnxc {
namespace {

enum Reg : uint8_t { EAX, EBX, ECX, EDX };

/// The register state the OS must enable (XCR0 bits) for a feature.
enum OsState : uint8_t {
  OsNone,
  OsAvx,    // XMM | YMM
  OsAvx512, // XMM | YMM | opmask | ZMM_Hi256 | Hi16_ZMM
  OsAmx,    // XTILECFG | XTILEDATA
};

struct FeatureBit {
  const char *name;
  uint32_t leaf;
  uint32_t subleaf;
  Reg reg;
  uint8_t bit;
  OsState os;
};

// LLVM X86 feature names (llvm/lib/Target/X86/X86.td) and their cpuid bits.
constexpr FeatureBit kFeatures[] = {
    // Leaf 1.
    {"x87", 1, 0, EDX, 0, OsNone},
    {"cx8", 1, 0, EDX, 8, OsNone},
    {"cmov", 1, 0, EDX, 15, OsNone},
    {"mmx", 1, 0, EDX, 23, OsNone},
    {"fxsr", 1, 0, EDX, 24, OsNone},
    {"sse", 1, 0, EDX, 25, OsNone},
    {"sse2", 1, 0, EDX, 26, OsNone},
    {"sse3", 1, 0, ECX, 0, OsNone},
    {"pclmul", 1, 0, ECX, 1, OsNone},
    {"ssse3", 1, 0, ECX, 9, OsNone},
    {"fma", 1, 0, ECX, 12, OsAvx},
    {"cx16", 1, 0, ECX, 13, OsNone},
    {"sse4.1", 1, 0, ECX, 19, OsNone},
    {"sse4.2", 1, 0, ECX, 20, OsNone},
    {"crc32", 1, 0, ECX, 20, OsNone},
    {"movbe", 1, 0, ECX, 22, OsNone},
    {"popcnt", 1, 0, ECX, 23, OsNone},
    {"aes", 1, 0, ECX, 25, OsNone},
    {"xsave", 1, 0, ECX, 26, OsNone},
    {"avx", 1, 0, ECX, 28, OsAvx},
    {"f16c", 1, 0, ECX, 29, OsAvx},
    {"rdrnd", 1, 0, ECX, 30, OsNone},
    // Leaf 7, subleaf 0.
    {"fsgsbase", 7, 0, EBX, 0, OsNone},
    {"sgx", 7, 0, EBX, 2, OsNone},
    {"bmi", 7, 0, EBX, 3, OsNone},
    {"hle", 7, 0, EBX, 4, OsNone},
    {"avx2", 7, 0, EBX, 5, OsAvx},
    {"bmi2", 7, 0, EBX, 8, OsNone},
    {"invpcid", 7, 0, EBX, 10, OsNone},
    {"rtm", 7, 0, EBX, 11, OsNone},
    {"avx512f", 7, 0, EBX, 16, OsAvx512},
    {"evex512", 7, 0, EBX, 16, OsAvx512},
    {"avx512dq", 7, 0, EBX, 17, OsAvx512},
    {"rdseed", 7, 0, EBX, 18, OsNone},
    {"adx", 7, 0, EBX, 19, OsNone},
    {"avx512ifma", 7, 0, EBX, 21, OsAvx512},
    {"clflushopt", 7, 0, EBX, 23, OsNone},
    {"clwb", 7, 0, EBX, 24, OsNone},
    {"avx512cd", 7, 0, EBX, 28, OsAvx512},
    {"sha", 7, 0, EBX, 29, OsNone},
    {"avx512bw", 7, 0, EBX, 30, OsAvx512},
    {"avx512vl", 7, 0, EBX, 31, OsAvx512},
    {"prefetchwt1", 7, 0, ECX, 0, OsNone},
    {"avx512vbmi", 7, 0, ECX, 1, OsAvx512},
    {"pku", 7, 0, ECX, 3, OsNone},
    {"waitpkg", 7, 0, ECX, 5, OsNone},
    {"avx512vbmi2", 7, 0, ECX, 6, OsAvx512},
    {"shstk", 7, 0, ECX, 7, OsNone},
    {"gfni", 7, 0, ECX, 8, OsNone},
    {"vaes", 7, 0, ECX, 9, OsAvx},
    {"vpclmulqdq", 7, 0, ECX, 10, OsAvx},
    {"avx512vnni", 7, 0, ECX, 11, OsAvx512},
    {"avx512bitalg", 7, 0, ECX, 12, OsAvx512},
    {"avx512vpopcntdq", 7, 0, ECX, 14, OsAvx512},
    {"rdpid", 7, 0, ECX, 22, OsNone},
    {"kl", 7, 0, ECX, 23, OsNone},
    {"cldemote", 7, 0, ECX, 25, OsNone},
    {"movdiri", 7, 0, ECX, 27, OsNone},
    {"movdir64b", 7, 0, ECX, 28, OsNone},
    {"enqcmd", 7, 0, ECX, 29, OsNone},
    {"uintr", 7, 0, EDX, 5, OsNone},
    {"avx512vp2intersect", 7, 0, EDX, 8, OsAvx512},
    {"serialize", 7, 0, EDX, 14, OsNone},
    {"tsxldtrk", 7, 0, EDX, 16, OsNone},
    {"pconfig", 7, 0, EDX, 18, OsNone},
    {"amx-bf16", 7, 0, EDX, 22, OsAmx},
    {"avx512fp16", 7, 0, EDX, 23, OsAvx512},
    {"amx-tile", 7, 0, EDX, 24, OsAmx},
    {"amx-int8", 7, 0, EDX, 25, OsAmx},
    // Leaf 7, subleaf 1.
    {"sha512", 7, 1, EAX, 0, OsAvx},
    {"sm3", 7, 1, EAX, 1, OsAvx},
    {"sm4", 7, 1, EAX, 2, OsAvx},
    {"raoint", 7, 1, EAX, 3, OsNone},
    {"avxvnni", 7, 1, EAX, 4, OsAvx},
    {"avx512bf16", 7, 1, EAX, 5, OsAvx512},
    {"cmpccxadd", 7, 1, EAX, 7, OsNone},
    {"amx-fp16", 7, 1, EAX, 21, OsAmx},
    {"hreset", 7, 1, EAX, 22, OsNone},
    {"avxifma", 7, 1, EAX, 23, OsAvx},
    {"avxvnniint8", 7, 1, EDX, 4, OsAvx},
    {"avxneconvert", 7, 1, EDX, 5, OsAvx},
    {"amx-complex", 7, 1, EDX, 8, OsAmx},
    {"avxvnniint16", 7, 1, EDX, 10, OsAvx},
    {"prefetchi", 7, 1, EDX, 14, OsNone},
    {"usermsr", 7, 1, EDX, 15, OsNone},
    // Leaf 0xd, subleaf 1.
    {"xsaveopt", 0xd, 1, EAX, 0, OsNone},
    {"xsavec", 0xd, 1, EAX, 1, OsNone},
    {"xsaves", 0xd, 1, EAX, 3, OsNone},
    // Extended leaves.
    {"sahf", 0x80000001, 0, ECX, 0, OsNone},
    {"lzcnt", 0x80000001, 0, ECX, 5, OsNone},
    {"sse4a", 0x80000001, 0, ECX, 6, OsNone},
    {"prfchw", 0x80000001, 0, ECX, 8, OsNone},
    {"xop", 0x80000001, 0, ECX, 11, OsAvx},
    {"lwp", 0x80000001, 0, ECX, 15, OsNone},
    {"fma4", 0x80000001, 0, ECX, 16, OsAvx},
    {"tbm", 0x80000001, 0, ECX, 21, OsNone},
    {"mwaitx", 0x80000001, 0, ECX, 29, OsNone},
    {"64bit", 0x80000001, 0, EDX, 29, OsNone},
    {"clzero", 0x80000008, 0, EBX, 0, OsNone},
    {"wbnoinvd", 0x80000008, 0, EBX, 9, OsNone},
};

struct HostState {
  uint32_t maxLeaf = 0;
  uint32_t maxExtendedLeaf = 0;
  uint64_t xcr0 = 0;
  uint32_t avx10Version = 0;
};

bool cpuid(uint32_t leaf, uint32_t subleaf, uint32_t regs[4]) {
#ifdef ONNXC_HAVE_CPUID
  unsigned a = 0, b = 0, c = 0, d = 0;
  __cpuid_count(leaf, subleaf, a, b, c, d);
  regs[EAX] = a;
  regs[EBX] = b;
  regs[ECX] = c;
  regs[EDX] = d;
  return true;
#else
  (void)leaf;
  (void)subleaf;
  std::memset(regs, 0, 4 * sizeof(uint32_t));
  return false;
#endif
}

HostState detectHost() {
  HostState state;
#ifdef ONNXC_HAVE_CPUID
  uint32_t regs[4];
  cpuid(0, 0, regs);
  state.maxLeaf = regs[EAX];
  cpuid(0x80000000, 0, regs);
  state.maxExtendedLeaf = regs[EAX];
  if (state.maxLeaf >= 1) {
    cpuid(1, 0, regs);
    bool osxsave = (regs[ECX] >> 27) & 1;
    if (osxsave) {
      uint32_t low = 0, high = 0;
      __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
      state.xcr0 = (static_cast<uint64_t>(high) << 32) | low;
    }
  }
  if (state.maxLeaf >= 7) {
    cpuid(7, 1, regs);
    bool hasAvx10 = (regs[EDX] >> 19) & 1;
    if (hasAvx10 && state.maxLeaf >= 0x24) {
      cpuid(0x24, 0, regs);
      state.avx10Version = regs[EBX] & 0xff;
    }
  }
#endif
  return state;
}

const HostState &host() {
  static const HostState state = detectHost();
  return state;
}

bool osSupports(OsState os) {
  uint64_t xcr0 = host().xcr0;
  switch (os) {
  case OsNone:
    return true;
  case OsAvx:
    return (xcr0 & 0x6) == 0x6;
  case OsAvx512:
    return (xcr0 & 0xe6) == 0xe6;
  case OsAmx:
    return (xcr0 & 0x60000) == 0x60000;
  }
  return false;
}

bool leafAvailable(uint32_t leaf) {
  if (leaf >= 0x80000000)
    return leaf <= host().maxExtendedLeaf;
  return leaf <= host().maxLeaf;
}

/// Handles "avx10.N", "avx10.N-256", "avx10.N-512"; -1 when not avx10.
int avx10Feature(std::string_view name) {
  constexpr std::string_view prefix = "avx10.";
  if (name.substr(0, prefix.size()) != prefix)
    return -1;
  std::string_view rest = name.substr(prefix.size());
  size_t dash = rest.find('-');
  std::string_view version = rest.substr(0, dash);
  std::string_view width =
      dash == std::string_view::npos ? std::string_view() : rest.substr(dash);
  if (version.empty() || version.size() > 3 ||
      (!width.empty() && width != "-256" && width != "-512"))
    return -1;
  uint32_t wanted = 0;
  for (char c : version) {
    if (c < '0' || c > '9')
      return -1;
    wanted = wanted * 10 + static_cast<uint32_t>(c - '0');
  }
  return host().avx10Version >= wanted && osSupports(OsAvx512) ? 1 : 0;
}

} // namespace

int hostHasFeature(std::string_view name) noexcept {
  if (!name.empty() && name[0] == '+')
    name.remove_prefix(1);
  int avx10 = avx10Feature(name);
  if (avx10 >= 0)
    return avx10;
  for (const FeatureBit &feature : kFeatures) {
    if (name != feature.name)
      continue;
    if (!leafAvailable(feature.leaf))
      return 0;
    uint32_t regs[4];
    if (!cpuid(feature.leaf, feature.subleaf, regs))
      return 0;
    bool present = (regs[feature.reg] >> feature.bit) & 1;
    return present && osSupports(feature.os) ? 1 : 0;
  }
  return -1;
}

int hostFeatureOracle(std::string_view name, void *) {
  return hostHasFeature(name);
}

std::vector<std::string>
missingFeatures(const std::vector<std::string> &features, FeatureOracle oracle,
                void *context) {
  std::vector<std::string> missing;
  for (const std::string &feature : features) {
    if (feature.size() < 2 || feature[0] != '+')
      continue;
    std::string_view name = std::string_view(feature).substr(1);
    if (oracle(name, context) == 0)
      missing.emplace_back(name);
  }
  return missing;
}

} // namespace onnxc
