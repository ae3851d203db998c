#pragma once
// An immutable, flat in-memory copy of one OGR layer: coordinates in one array, rings, parts and
// features as offset tables, attributes as text columns. Flat arrays upload to the GPU and
// triangulate without chasing pointers.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/lonlat.h"

namespace cmap::geo {

enum class GeometryKind { None, Point, Line, Polygon };

struct FeatureSet {
    std::string path;   ///< the dataset as opened
    std::string layer;  ///< the layer name inside it
    GeometryKind kind = GeometryKind::None;

    // Vertex v of ring r is coords[ringStart[r] + v]; ring r ends at ringStart[r + 1].
    // A part is one point, one line string, or one polygon (exterior ring first, then holes).
    // Feature f owns parts [featureStart[f], featureStart[f+1]); part p owns rings
    // [partStart[p], partStart[p+1]). Every offset table ends with its total (size n + 1).
    std::vector<LonLat> coords;
    std::vector<uint32_t> ringStart{0};
    std::vector<uint32_t> partStart{0};
    std::vector<uint32_t> featureStart{0};
    std::vector<BBox> featureBox;  ///< per feature; empty box for a feature without geometry
    BBox box;                      ///< of the whole layer

    std::vector<std::string> fieldNames;
    std::vector<std::vector<std::string>> columns;  ///< columns[field][feature], UTF-8

    size_t featureCount() const { return featureStart.size() - 1; }
    /// Index of a field by case-insensitive name, or nullopt.
    std::optional<size_t> field(std::string_view name) const;
    /// The attribute text; empty for a null value.
    std::string_view attr(size_t feature, size_t field) const { return columns[field][feature]; }
    /// Whether the polygon feature covers p (even-odd over all its rings). False for non-polygons.
    bool contains(size_t feature, LonLat p) const;
    /// A point inside the feature where one exists (largest part), else its bbox centre.
    LonLat representativePoint(size_t feature) const;
};

using FeatureSetPtr = std::shared_ptr<const FeatureSet>;

}  // namespace cmap::geo
