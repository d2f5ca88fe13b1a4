//===- Link.cpp - one ld.lld call makes the shared object -----------------===//

#include "onnxc/Target/Package.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#ifndef ONNXC_LLD_PATH
#define ONNXC_LLD_PATH "ld.lld"
#endif

namespace onnxc {

static std::string findLinker() {
  if (llvm::sys::fs::can_execute(ONNXC_LLD_PATH))
    return ONNXC_LLD_PATH;
  for (const char *name : {"ld.lld-22", "ld.lld"})
    if (auto path = llvm::sys::findProgramByName(name))
      return *path;
  return "";
}

bool linkSharedObject(llvm::StringRef object, llvm::StringRef outputPath,
                      llvm::ArrayRef<std::string> archives,
                      std::string &error) {
  std::string linker = findLinker();
  if (linker.empty()) {
    error = "cannot find ld.lld (install lld-22)";
    return false;
  }
  llvm::SmallString<128> objectPath;
  int fd;
  if (auto ec = llvm::sys::fs::createTemporaryFile("onnxc", "o", fd, objectPath)) {
    error = "cannot create a temporary file: " + ec.message();
    return false;
  }
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << object;
    if (os.has_error()) {
      error = "cannot write the temporary object file";
      llvm::sys::fs::remove(objectPath);
      return false;
    }
  }
  llvm::SmallString<128> errorPath;
  llvm::sys::fs::createTemporaryFile("onnxc-ld", "txt", errorPath);
  std::string soname = llvm::sys::path::filename(outputPath).str();
  std::vector<std::string> args = {
      linker, "-shared", "-o", outputPath.str(), "--build-id=sha1",
      "--hash-style=gnu", "-z", "noexecstack", "-z", "relro", "-z", "now",
      "--as-needed", "-soname", soname, "-L/usr/lib/x86_64-linux-gnu",
      "-L/lib/x86_64-linux-gnu", objectPath.str().str()};
  for (const std::string &archive : archives)
    args.push_back(archive);
  for (const char *lib : {"-lm", "-lc"})
    args.push_back(lib);
  std::vector<llvm::StringRef> argRefs(args.begin(), args.end());
  std::optional<llvm::StringRef> redirects[] = {
      std::nullopt, llvm::StringRef(errorPath), llvm::StringRef(errorPath)};
  std::string execError;
  int rc = llvm::sys::ExecuteAndWait(linker, argRefs, std::nullopt, redirects,
                                     0, 0, &execError);
  llvm::sys::fs::remove(objectPath);
  if (rc != 0) {
    auto buffer = llvm::MemoryBuffer::getFile(errorPath);
    error = "linking failed (" + linker + "): " +
            (buffer ? (*buffer)->getBuffer().trim().str() : execError);
    llvm::sys::fs::remove(errorPath);
    return false;
  }
  llvm::sys::fs::remove(errorPath);
  return true;
}

} // namespace onnxc
