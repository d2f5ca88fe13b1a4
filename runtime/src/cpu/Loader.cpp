//===- Loader.cpp - Loading a validated model with dlopen -----------------===//

#include "Loader.h"

#include "../core/Status.h"

#include <dlfcn.h>

namespace onnxc {

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
