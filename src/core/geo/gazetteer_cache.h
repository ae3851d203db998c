#pragma once
// The gazetteer's binary cache: the frozen index written as flat arrays, valid while every
// source file keeps its size and modification time. A stale or damaged cache is rebuilt, never
// trusted; failing to write one only costs the next start-up time.
#include <cstdint>
#include <filesystem>
#include <vector>

namespace cmap::geo {

class Gazetteer;

struct GazetteerCache {
    /// A signature of the geodata folder: names, sizes and times of every source file.
    static uint64_t sources(const std::filesystem::path& dir);
    /// The cache file for a geodata folder inside cacheDir; empty when cacheDir is empty.
    static std::filesystem::path file(const std::filesystem::path& cacheDir, const std::filesystem::path& dir);
    /// Points g at the tables of the cache, mapped in place, when it exists and matches; false
    /// otherwise (g is left empty).
    static bool read(const std::filesystem::path& file, uint64_t signature, Gazetteer& g);
    /// Writes atomically (temp file + rename); logs a warning and carries on when it cannot.
    static void write(const std::filesystem::path& file, uint64_t signature, const Gazetteer& g);
};

}  // namespace cmap::geo
