#include "app/cli_common.h"

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>

#include "core/error.h"

namespace cmap::app {

std::filesystem::path executableDir() {
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe.parent_path();
}

bool inBuildTree() {
    const std::filesystem::path dir = executableDir();
    std::error_code ec;
    return !dir.empty() && std::filesystem::is_regular_file(dir / "CMakeCache.txt", ec);
}

// Found beside the executable, never by a path compiled in: an installed or moved tree works.
std::filesystem::path geodataDir(const GlobalOptions& g) {
    if (!g.geodata.empty()) return g.geodata;
    if (const char* env = std::getenv("CONFLICTMAP_GEODATA"); env && *env) return env;
    const std::filesystem::path exe = executableDir();
    const std::filesystem::path installed = (exe / "../share/conflictmap/geodata").lexically_normal();
    const std::filesystem::path built = (exe / "../geodata/out").lexically_normal();
    std::error_code ec;
    for (const auto* dir : {&installed, &built})
        if (std::filesystem::is_directory(*dir, ec)) return *dir;
    return inBuildTree() ? built : installed;
}

std::string lowerExtension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

std::optional<double> parseNumber(const std::string& text) {
    size_t used = 0;
    double v = 0;
    try {
        v = std::stod(text, &used);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (used != text.size()) return std::nullopt;
    return v;
}

std::optional<double> parseMinConfidence(const std::string& text) {
    if (text.empty()) return std::nullopt;
    const auto v = parseNumber(text);
    if (!v || !(*v >= 0 && *v <= 1)) throw InputError("--min-confidence: '" + text + "' is not a number from 0 to 1");
    return v;
}

void checkWritable(const std::filesystem::path& out) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(out, ec)) throw DataError(out.string(), "is a directory");
    fs::path dir = out.parent_path().empty() ? fs::path(".") : out.parent_path();
    if (!fs::is_directory(dir, ec))
        throw DataError(out.string(), "cannot write: folder " + dir.string() + " does not exist");
    if (::access(dir.c_str(), W_OK) != 0)
        throw DataError(out.string(), "cannot write: folder " + dir.string() + " is not writable");
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
