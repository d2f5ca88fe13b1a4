//===- Loader.cpp - Loading a validated model with dlopen -----------------===//

#include "Loader.h"

#include "../core/Status.h"

#include <cerrno>
#include <cstring>
#include <dlfcn.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace onnxc {

onnxc_status *enableCpuState(const std::string &path,
                             const std::vector<std::string> &features) {
  bool needsAmx = false;
  for (const std::string &feature : features)
    needsAmx |= feature.rfind("+amx-", 0) == 0;
  if (!needsAmx)
    return nullptr;
#if defined(__linux__) && defined(__x86_64__) && defined(SYS_arch_prctl)
  const long kArchRequestPermission = 0x1023; // ARCH_REQ_XCOMP_PERM
  const long kTileData = 18;                  // XFEATURE_XTILEDATA
  if (::syscall(SYS_arch_prctl, kArchRequestPermission, kTileData) != 0)
    return makeStatus(ONNXC_CPU_FEATURES_MISSING,
                      path +
                          ": the model uses amx, and the kernel refuses "
                          "the amx tile state: " +
                          std::strerror(errno));
#endif
  return nullptr;
}

onnxc_status *loadSharedObject(const std::string &path,
                               const std::string &entryName,
                               SharedObject &object) {
  object = SharedObject();
  // dlopen searches the library path for a name without a slash: make sure
  // the file that was validated is the one that is loaded.
  std::string file = path.find('/') == std::string::npos ? "./" + path : path;
  void *handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char *reason = ::dlerror();
    return makeStatus(
        ONNXC_INVALID_MODEL,
        path + ": cannot load: " + (reason ? reason : "unknown dlopen error"));
  }
  ::dlerror();
  void *symbol = ::dlsym(handle, entryName.c_str());
  if (!symbol) {
    ::dlclose(handle);
    return makeStatus(ONNXC_INVALID_MODEL,
                      path + ": entry point '" + entryName + "' not found");
  }
  object.handle = handle;
  object.entry = reinterpret_cast<EntryFunction>(symbol);
  return nullptr;
}

void unloadSharedObject(SharedObject &object) {
  if (object.handle)
    ::dlclose(object.handle);
  object = SharedObject();
}

} // namespace onnxc
