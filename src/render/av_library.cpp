#include "render/av_library.h"

#include <dlfcn.h>

#include <array>
#include <mutex>
#include <optional>

#include "core/error.h"

namespace cmap::render {
namespace {

struct Library {
    const char* name;
    int major;  ///< of the headers built against: the soname, and the ABI, to open
};
constexpr Library kLibraries[] = {{"libavutil", LIBAVUTIL_VERSION_MAJOR},
                                  {"libswscale", LIBSWSCALE_VERSION_MAJOR},
                                  {"libavcodec", LIBAVCODEC_VERSION_MAJOR},
                                  {"libavformat", LIBAVFORMAT_VERSION_MAJOR}};

AvLibrary open(const std::string& forFile) {
    std::array<void*, std::size(kLibraries)> handles{};
    for (size_t i = 0; i < handles.size(); ++i) {
        const std::string major = std::to_string(kLibraries[i].major);
        const std::string soname = std::string(kLibraries[i].name) + ".so." + major;
        // Never closed: the functions are used until the program ends.
        handles[i] = ::dlopen(soname.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handles[i])
            throw DataError(forFile, "cannot write MP4: " + soname + " cannot be loaded (Debian package " +
                                         kLibraries[i].name + major + ")");
    }
    AvLibrary lib;
    auto find = [&](const char* name) -> void* {
        for (void* h : handles)
            if (void* f = ::dlsym(h, name)) return f;
        throw DataError(forFile, std::string("cannot write MP4: FFmpeg has no ") + name);
    };
#define CMAP_AV_LOAD(name) lib.name = reinterpret_cast<decltype(lib.name)>(find(#name));
    CMAP_AV_FUNCTIONS(CMAP_AV_LOAD)
#undef CMAP_AV_LOAD
    return lib;
}

}  // namespace

const AvLibrary& avLibrary(const std::string& forFile) {
    static std::mutex mutex;
    static std::optional<AvLibrary> loaded;
    std::lock_guard lock(mutex);
    if (!loaded) loaded = open(forFile);
    return *loaded;
}

}  // namespace cmap::render
