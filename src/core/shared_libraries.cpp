#include "core/shared_libraries.h"

#include <dlfcn.h>

#include "core/error.h"

namespace cmap {

SharedLibraries::SharedLibraries(const std::vector<std::string>& sonames, const std::string& forFile)
    : forFile_(forFile) {
    for (const std::string& soname : sonames) {
        if (void* h = ::dlopen(soname.c_str(), RTLD_NOW | RTLD_LOCAL)) {
            handles_.push_back(h);
            names_ += (names_.empty() ? "" : ", ") + soname;
            continue;
        }
        std::string package = soname;
        if (const size_t so = package.find(".so."); so != std::string::npos) package.erase(so, 4);
        throw DataError(forFile, "needs " + soname + ", which cannot be loaded (Debian package " + package + ")");
    }
}

void* SharedLibraries::function(const char* name) const {
    for (void* h : handles_)
        if (void* f = ::dlsym(h, name)) return f;
    throw DataError(forFile_, "needs " + std::string(name) + ", which " + names_ + " lack");
}

}  // namespace cmap
