#pragma once
// The prepared basemap: the layers of a geodata folder that the map draws (towns, countries,
// first-level subdivisions, and the regions that area mentions fill) in one binary file beside the
// gazetteer's cache, mapped and read in place, so that no run reads those shapefiles through GDAL
// once the file exists. It is valid while every source file keeps its size and modification time
// (a stale one is rebuilt) and while its checksum and tables hold (a damaged one is rejected whole
// and rebuilt); failing to write one only costs the next run the time.
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>

#include "core/geo/feature_set.h"
#include "core/geo/gazetteer.h"

namespace cmap::geo {

/// The prepared layers, by gazetteer layer (Place::feature indexes them as it does the shapefile).
struct PreparedLayers {
    std::array<FeatureSetPtr, std::size(kLayerNames)> byLayer;  ///< null for a layer not prepared
    bool fromCache = false;

    const FeatureSetPtr& operator[](Layer layer) const { return byLayer[static_cast<size_t>(layer)]; }
};

struct BasemapCache {
    /// The layers prepared: what the map draws from the geodata folder.
    static constexpr Layer kLayers[] = {Layer::Places, Layer::Admin0, Layer::Admin1, Layer::Regions};

    /// The prepared layers of the geodata folder dir, keeping the attributes named in fields
    /// (case-insensitive; the others are dropped): from the cache in cacheDir when it matches, else
    /// read from the shapefiles and written there (no cache when cacheDir is empty). Throws
    /// DataError naming a shapefile that is missing, unreadable or of the wrong geometry.
    static PreparedLayers load(const std::filesystem::path& dir, std::span<const std::string> fields,
                               const std::filesystem::path& cacheDir);

    /// The cache file for dir inside cacheDir; empty when cacheDir is empty. Throws nothing.
    static std::filesystem::path file(const std::filesystem::path& cacheDir, const std::filesystem::path& dir);
    /// What the cache must have been made from: the format, the fields, and the name, size and
    /// modification time of every source file. Throws nothing.
    static uint64_t signature(const std::filesystem::path& dir, std::span<const std::string> fields);
    /// The layers of the cache file mapped in place; nullopt when it is missing, of another
    /// signature, or damaged (with a warning in the log). Throws nothing but std::bad_alloc.
    static std::optional<PreparedLayers> read(const std::filesystem::path& file, uint64_t signature);
    /// Writes the layers (only the fields named) through a temporary file renamed into place.
    /// Logs a warning and returns false when it cannot. Throws nothing but std::bad_alloc.
    static bool write(const std::filesystem::path& file, uint64_t signature, const PreparedLayers& layers,
                      std::span<const std::string> fields);
};

}  // namespace cmap::geo
