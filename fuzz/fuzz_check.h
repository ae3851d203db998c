#pragma once
// What every fuzz target shares: a failed property aborts (libFuzzer and the replay program both
// report an abort as a crash, with the input that caused it), and inputs that must become files
// go to one temporary folder per process.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <unistd.h>

namespace cmap::fuzz {

/// Aborts with a message when a property of the code under test does not hold.
inline void check(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz property failed: %s\n", what);
    std::abort();
}

/// A folder of this process's own, removed when the process ends normally.
inline const std::filesystem::path& tempDir() {
    struct Dir {
        std::filesystem::path path;
        Dir() {
            path = std::filesystem::temp_directory_path() / ("cmap-fuzz-" + std::to_string(::getpid()));
            std::filesystem::create_directories(path);
        }
        ~Dir() {
            std::error_code ec;
            std::filesystem::remove_all(path, ec);
        }
    };
    static const Dir dir;
    return dir.path;
}

/// Writes bytes to tempDir()/name (replacing it) and returns the path.
inline std::filesystem::path writeTemp(const std::string& name, std::string_view bytes) {
    auto p = tempDir() / name;
    std::ofstream(p, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
}

}  // namespace cmap::fuzz
