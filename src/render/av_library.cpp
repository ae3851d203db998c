#include "render/av_library.h"

#include "core/shared_libraries.h"

namespace cmap::render {
namespace {

AvLibrary open(const std::string& forFile) {
    // FFmpeg's sonames carry the major version its headers state: the ABI built against.
    auto so = [](const char* name, int major) { return std::string(name) + ".so." + std::to_string(major); };
    const SharedLibraries ffmpeg({so("libavutil", LIBAVUTIL_VERSION_MAJOR), so("libswscale", LIBSWSCALE_VERSION_MAJOR),
                                  so("libavcodec", LIBAVCODEC_VERSION_MAJOR), so("libavformat", LIBAVFORMAT_VERSION_MAJOR)},
                                 forFile);
    AvLibrary lib;
#define CMAP_AV_LOAD(name) lib.name = reinterpret_cast<decltype(lib.name)>(ffmpeg.function(#name));
    CMAP_AV_FUNCTIONS(CMAP_AV_LOAD)
#undef CMAP_AV_LOAD
    return lib;
}

}  // namespace

const AvLibrary& avLibrary(const std::string& forFile) {
    // A static's initialisation runs once even with threads racing to it, and is tried again
    // when it threw.
    static const AvLibrary lib = open(forFile);
    return lib;
}

}  // namespace cmap::render
