#pragma once
// Files written whole or not at all: writers write beside the target under a temporary name and
// rename it over the target when done, so a failure never leaves half a file.
#include <filesystem>

namespace cmap::io {

/// The temporary name beside path: hidden, unique to this process, with path's extension (some
/// GDAL drivers and muxers go by it). Throws nothing.
std::filesystem::path partialPath(const std::filesystem::path& path);

/// Renames partial over path. Throws DataError naming path when it cannot.
void commitPartial(const std::filesystem::path& partial, const std::filesystem::path& path);

}  // namespace cmap::io
