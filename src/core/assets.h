#pragma once
// Content that is data rather than code (word lists, the built-in briefing, styles), kept as
// files under assets/ and embedded into the binary at build time (assets/embed.cmake), so the
// program reads no folder of its own at run time.
#include <cstddef>
#include <string_view>
#include <vector>

namespace cmap::assets {

struct Asset {
    std::string_view path;  ///< relative to assets/, with '/' ("lexicon/en/titles.txt")
    std::string_view bytes;
};

/// Every embedded file, sorted by path (generated).
extern const Asset kEmbedded[];
extern const size_t kEmbeddedCount;

/// The bytes of the embedded file at path. Throws std::logic_error when there is none: every
/// caller names a file of the source tree, so a miss is a defect of the build, not of input.
std::string_view get(std::string_view path);

/// The entries of a list file: one per line, surrounding blanks trimmed; blank lines and lines
/// starting with '#' are skipped. The views point into the embedded bytes (they live forever).
/// Throws std::logic_error as get() does.
std::vector<std::string_view> lines(std::string_view path);

}  // namespace cmap::assets
