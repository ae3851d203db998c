#include "core/model/annotation.h"

#include <nlohmann/json.hpp>
#include <set>

#include "core/model/json_reader.h"

namespace cmap::model {
namespace {

using nlohmann::json;

constexpr AnnotationKind kKinds[] = {AnnotationKind::Text,      AnnotationKind::Callout,  AnnotationKind::Arrow,
                                     AnnotationKind::CurvedArrow, AnnotationKind::RangeRing, AnnotationKind::Polygon,
                                     AnnotationKind::Freehand};

// Half the Earth's circumference: a larger ring would be a smaller one round the antipode.
constexpr double kMaxRadiusKm = 20000;
// Traced outlines are thinned while drawing; this bounds what a file can make the map draw.
constexpr size_t kMaxAreaPoints = 100000;

AnnotationStyle readStyle(const json& v, const JsonReader& r, const std::string& w) {
    AnnotationStyle s;
    if (!v.is_object()) r.fail(w, "expected an object");
    if (v.contains("rgba")) s.rgba = static_cast<uint32_t>(r.num(v["rgba"], w + ".rgba", 0, 4294967295.0));
    if (v.contains("fill_rgba")) s.fillRgba = static_cast<uint32_t>(r.num(v["fill_rgba"], w + ".fill_rgba", 0, 4294967295.0));
    if (v.contains("width")) s.widthPx = static_cast<float>(r.num(v["width"], w + ".width", 0.1, 50));
    if (v.contains("font_size")) s.fontPx = static_cast<float>(r.num(v["font_size"], w + ".font_size", 4, 200));
    return s;
}

}  // namespace

std::string_view annotationKindName(AnnotationKind kind) {
    switch (kind) {
    case AnnotationKind::Text: return "text";
    case AnnotationKind::Callout: return "callout";
    case AnnotationKind::Arrow: return "arrow";
    case AnnotationKind::CurvedArrow: return "curved_arrow";
    case AnnotationKind::RangeRing: return "range_ring";
    case AnnotationKind::Polygon: return "polygon";
    case AnnotationKind::Freehand: return "freehand";
    }
    return "text";
}

std::optional<AnnotationKind> parseAnnotationKind(std::string_view name) {
    for (AnnotationKind k : kKinds)
        if (annotationKindName(k) == name) return k;
    return std::nullopt;
}

size_t minPoints(AnnotationKind kind) {
    switch (kind) {
    case AnnotationKind::Text:
    case AnnotationKind::RangeRing: return 1;
    case AnnotationKind::Callout:
    case AnnotationKind::Arrow: return 2;
    case AnnotationKind::CurvedArrow:
    case AnnotationKind::Polygon:
    case AnnotationKind::Freehand: return 3;
    }
    return 1;
}

size_t maxPoints(AnnotationKind kind) { return isArea(kind) && kind != AnnotationKind::RangeRing ? kMaxAreaPoints : minPoints(kind); }

bool isArea(AnnotationKind kind) {
    return kind == AnnotationKind::Polygon || kind == AnnotationKind::Freehand || kind == AnnotationKind::RangeRing;
}

bool visibleOn(const Annotation& a, int day) {
    if (a.from && day < a.from->firstDay()) return false;
    if (a.to && day > a.to->lastDay()) return false;
    return true;
}

std::string newAnnotationId(const std::vector<Annotation>& list) {
    std::set<std::string> used;
    for (const Annotation& a : list) used.insert(a.id);
    for (size_t n = list.size() + 1;; ++n) {
        std::string id = "a" + std::to_string(n);
        if (!used.contains(id)) return id;
    }
}

json annotationToJson(const Annotation& a) {
    json points = json::array();
    for (const geo::LonLat& p : a.points) points.push_back({p.lon, p.lat});
    json j = {{"id", a.id},
              {"kind", annotationKindName(a.kind)},
              {"points", std::move(points)},
              {"text", a.text},
              {"style",
               {{"rgba", a.style.rgba},
                {"fill_rgba", a.style.fillRgba},
                {"width", a.style.widthPx},
                {"font_size", a.style.fontPx}}},
              {"from", a.from ? json(a.from->iso()) : json(nullptr)},
              {"to", a.to ? json(a.to->iso()) : json(nullptr)}};
    if (a.kind == AnnotationKind::RangeRing) j["radius_km"] = a.radiusKm;
    return j;
}

std::vector<Annotation> readAnnotations(const json& list, const JsonReader& r) {
    r.list(list, "annotations");
    std::vector<Annotation> out;
    std::set<std::string> ids;
    for (size_t i = 0; i < list.size(); ++i) {
        const json& v = list[i];
        const std::string w = "annotations[" + std::to_string(i) + "]";
        Annotation a;
        a.id = r.str(r.field(v, "id", w), w + ".id");
        if (a.id.empty()) r.fail(w + ".id", "empty");
        if (!ids.insert(a.id).second) r.fail(w + ".id", "'" + a.id + "' is used by an earlier annotation");
        std::string kind = r.str(r.field(v, "kind", w), w + ".kind");
        auto k = parseAnnotationKind(kind);
        if (!k) r.fail(w + ".kind", "'" + kind + "' is not an annotation kind");
        a.kind = *k;
        const json& points = r.list(r.field(v, "points", w), w + ".points");
        if (points.size() < minPoints(a.kind) || points.size() > maxPoints(a.kind))
            r.fail(w + ".points", kind + " needs " +
                                      (minPoints(a.kind) == maxPoints(a.kind) ? std::to_string(minPoints(a.kind))
                                                                             : "at least " + std::to_string(minPoints(a.kind))) +
                                      " points, not " + std::to_string(points.size()));
        for (size_t p = 0; p < points.size(); ++p) {
            const std::string wp = w + ".points[" + std::to_string(p) + "]";
            if (!points[p].is_array() || points[p].size() != 2) r.fail(wp, "expected [lon, lat]");
            a.points.push_back({r.num(points[p][0], wp + "[0]", -180, 180), r.num(points[p][1], wp + "[1]", -90, 90)});
        }
        if (v.contains("text")) a.text = r.str(v["text"], w + ".text");
        if (a.kind == AnnotationKind::RangeRing) {
            a.radiusKm = r.num(r.field(v, "radius_km", w), w + ".radius_km", 0.001, kMaxRadiusKm);
        }
        if (v.contains("style")) a.style = readStyle(v["style"], r, w + ".style");
        if (v.contains("from")) a.from = r.date(v["from"], w + ".from");
        if (v.contains("to")) a.to = r.date(v["to"], w + ".to");
        if (a.from && a.to && a.to->lastDay() < a.from->firstDay())
            r.fail(w + ".to", a.to->iso() + " is before from (" + a.from->iso() + ")");
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace cmap::model
