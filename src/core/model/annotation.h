#pragma once
// What an analyst draws on a briefing map: labels, callouts, arrows, range rings and areas,
// anchored in geographic coordinates so they follow pan, zoom and projection. Part of the
// workspace; slides refer to annotations by id.
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/lonlat.h"
#include "core/model/date.h"

namespace cmap::model {

struct JsonReader;

enum class AnnotationKind : uint8_t {
    Text,         ///< points: {where the text is centred}
    Callout,      ///< points: {the text, the place its leader line points at}
    Arrow,        ///< points: {from, to}; drawn along the geodesic
    CurvedArrow,  ///< points: {from, via, to}; a smooth curve on the map through via
    RangeRing,    ///< points: {centre}; a geodesic circle of radiusKm
    Polygon,      ///< points: the vertices (3 or more), closed
    Freehand,     ///< points: a traced outline (3 or more), closed
};

struct AnnotationStyle {
    uint32_t rgba = 0xc62828ff;      ///< lines and text, 0xRRGGBBAA
    uint32_t fillRgba = 0xc6282833;  ///< areas and rings; alpha 0: no fill
    float widthPx = 2.5f;            ///< line width, logical pixels
    float fontPx = 15;               ///< text size, logical pixels

    friend bool operator==(const AnnotationStyle&, const AnnotationStyle&) = default;
};

struct Annotation {
    std::string id;  ///< unique within the workspace and stable: slides refer to annotations by it
    AnnotationKind kind = AnnotationKind::Text;
    std::vector<geo::LonLat> points;
    std::string text;      ///< UTF-8; Text and Callout show it, other kinds label themselves with it
    double radiusKm = 0;   ///< RangeRing
    AnnotationStyle style;
    std::optional<Date> from, to;  ///< shown only on days within [from, to] when set

    friend bool operator==(const Annotation&, const Annotation&) = default;
};

/// "text", "callout", "arrow", "curved_arrow", "range_ring", "polygon", "freehand". Throws nothing.
std::string_view annotationKindName(AnnotationKind kind);
/// The kind a name from annotationKindName stands for; nullopt otherwise. Throws nothing.
std::optional<AnnotationKind> parseAnnotationKind(std::string_view name);
/// How many points a kind needs at least and at most. Throws nothing.
size_t minPoints(AnnotationKind kind);
size_t maxPoints(AnnotationKind kind);
/// Whether kind encloses an area (polygons, freehand areas, range rings). Throws nothing.
bool isArea(AnnotationKind kind);

/// Whether the annotation shows on day (days since 1970-01-01): always without a time span,
/// else from the first day of `from` to the last day of `to`. Throws nothing.
bool visibleOn(const Annotation& a, int day);

/// An id no annotation in list has ("a1", "a2", ...). Throws nothing.
std::string newAnnotationId(const std::vector<Annotation>& list);

/// The annotation as a JSON object, as the workspace file stores it. Throws nothing.
nlohmann::json annotationToJson(const Annotation& a);
/// Reads a workspace's "annotations" list. Throws DataError (through r) naming the file and the
/// JSON path for a wrong type, a value out of range, a wrong number of points for the kind, a
/// span that ends before it starts, or an id that is empty or used twice.
std::vector<Annotation> readAnnotations(const nlohmann::json& list, const JsonReader& r);

}  // namespace cmap::model
