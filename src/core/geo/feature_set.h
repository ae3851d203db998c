#pragma once
// An immutable, flat in-memory copy of one OGR layer: coordinates in one array, rings, parts and
// features as offset tables, attributes as text columns. Flat arrays upload to the GPU and
// triangulate without chasing pointers, and they can be views into a mapped file (the prepared
// basemap, core/geo/basemap_cache.h) as well as into arrays a loader filled.
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/geo/lonlat.h"

namespace cmap::geo {

enum class GeometryKind { None, Point, Line, Polygon };

/// "points", "lines", "polygons", "no geometry": for messages. Throws nothing.
std::string_view geometryName(GeometryKind kind);

// Stored as bytes in the basemap cache: plain doubles, no padding.
static_assert(std::is_trivially_copyable_v<LonLat> && sizeof(LonLat) == 2 * sizeof(double));
static_assert(std::is_trivially_copyable_v<BBox> && sizeof(BBox) == 4 * sizeof(double));

struct FeatureSet {
    std::string path;   ///< the dataset as opened
    std::string layer;  ///< the layer name inside it
    GeometryKind kind = GeometryKind::None;

    // Vertex v of ring r is coords[ringStart[r] + v]; ring r ends at ringStart[r + 1].
    // A part is one point, one line string, or one polygon (exterior ring first, then holes).
    // Feature f owns parts [featureStart[f], featureStart[f+1]); part p owns rings
    // [partStart[p], partStart[p+1]). Every offset table ends with its total (size n + 1).
    std::span<const LonLat> coords;
    std::span<const uint32_t> ringStart;
    std::span<const uint32_t> partStart;
    std::span<const uint32_t> featureStart;
    std::span<const BBox> featureBox;  ///< per feature; empty box for a feature without geometry
    BBox box;                          ///< of the whole layer

    /// One attribute: feature f's text (UTF-8) is text[offsets[f], offsets[f + 1]).
    struct Column {
        std::span<const uint32_t> offsets;
        std::string_view text;
    };
    std::vector<std::string> fieldNames;
    std::vector<Column> columns;  ///< one per field name

    /// What the views above point into (a builder's arrays, a mapped file); shared by copies.
    std::shared_ptr<const void> storage;

    size_t featureCount() const { return featureStart.empty() ? 0 : featureStart.size() - 1; }
    /// Index of a field by case-insensitive name, or nullopt.
    std::optional<size_t> field(std::string_view name) const;
    /// The attribute text; empty for a null value.
    std::string_view attr(size_t feature, size_t field) const {
        const Column& c = columns[field];
        return c.text.substr(c.offsets[feature], c.offsets[feature + 1] - c.offsets[feature]);
    }
    /// Whether the polygon feature covers p (even-odd over all its rings). False for non-polygons.
    bool contains(size_t feature, LonLat p) const;
    /// A point inside the feature where one exists (largest part), else its bbox centre.
    LonLat representativePoint(size_t feature) const;
    /// What is wrong with the tables (offsets out of order or past their ends, a box or column
    /// missing for some feature), or empty when they hold together and every view stays within
    /// what it points into. Coordinates are not looked at. Throws nothing.
    std::string problem() const;
};

using FeatureSetPtr = std::shared_ptr<const FeatureSet>;

/// A FeatureSet being filled, in growable arrays (the same layout); finish() freezes it.
struct FeatureSetBuilder {
    struct Column {
        std::vector<uint32_t> offsets{0};
        std::string text;
        Column() = default;
        Column(std::initializer_list<std::string_view> values) {
            for (std::string_view v : values) push_back(v);
        }
        void push_back(std::string_view value) {
            text.append(value);
            offsets.push_back(static_cast<uint32_t>(text.size()));
        }
        void reserve(size_t features) { offsets.reserve(features + 1); }
    };

    std::string path, layer;
    GeometryKind kind = GeometryKind::None;
    std::vector<LonLat> coords;
    std::vector<uint32_t> ringStart{0};
    std::vector<uint32_t> partStart{0};
    std::vector<uint32_t> featureStart{0};
    std::vector<BBox> featureBox;
    BBox box;
    std::vector<std::string> fieldNames;
    std::vector<Column> columns;

    /// The immutable FeatureSet owning these arrays (the builder is left empty). Throws nothing
    /// but std::bad_alloc.
    FeatureSetPtr finish() &&;
};

}  // namespace cmap::geo
