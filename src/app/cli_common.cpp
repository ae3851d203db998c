#include "app/cli_common.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>

#include "core/error.h"

namespace cmap::app {

std::filesystem::path geodataDir(const GlobalOptions& g) {
    if (!g.geodata.empty()) return g.geodata;
    if (const char* env = std::getenv("CONFLICTMAP_GEODATA"); env && *env) return env;
#ifdef CMAP_SOURCE_DIR
    if (std::filesystem::is_directory(CMAP_SOURCE_DIR "/geodata/out")) return CMAP_SOURCE_DIR "/geodata/out";
#endif
    return "geodata/out";
}

int guarded(const std::function<int()>& body) {
    try {
        return body();
    } catch (const cmap::Error& e) {
        std::fprintf(stderr, "conflictmap: %s\n", e.what());
        return kBadInput;
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr, "conflictmap: out of memory\n");
        return kInternal;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "conflictmap: internal error: %s\n", e.what());
        return kInternal;
    }
}

}  // namespace cmap::app
