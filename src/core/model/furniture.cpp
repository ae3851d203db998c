#include "core/model/furniture.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <utility>


namespace cmap::model {
namespace {

using nlohmann::json;

constexpr std::array<std::pair<Corner, std::string_view>, 6> kCorners{{{Corner::TopLeft, "top-left"},
                                                                        {Corner::TopCenter, "top-center"},
                                                                        {Corner::TopRight, "top-right"},
                                                                        {Corner::BottomLeft, "bottom-left"},
                                                                        {Corner::BottomCenter, "bottom-center"},
                                                                        {Corner::BottomRight, "bottom-right"}}};

// Offsets beyond this would put a piece off any image conflictmap exports (8K).
constexpr double kMaxOffset = 8192;

// The pieces by their JSON names, for writing and reading alike.
template <class F>
auto pieces(F& f) {
    return std::array<std::pair<const char*, decltype(&f.title)>, 7>{{{"title", &f.title},
                                                                      {"date", &f.date},
                                                                      {"legend", &f.legend},
                                                                      {"scale_bar", &f.scaleBar},
                                                                      {"north_arrow", &f.northArrow},
                                                                      {"attribution", &f.attribution},
                                                                      {"footnotes", &f.footnotes}}};
}

FurniturePiece readPiece(const json& v, const JsonReader& r, const std::string& where, FurniturePiece p) {
    if (!v.is_object()) r.fail(where, "expected an object");
    if (v.contains("show")) p.show = r.boolean(v["show"], where + ".show");
    if (v.contains("corner")) {
        std::string name = r.str(v["corner"], where + ".corner");
        auto it = std::find_if(kCorners.begin(), kCorners.end(), [&](const auto& k) { return k.second == name; });
        if (it == kCorners.end()) r.fail(where + ".corner", "'" + name + "' is not a corner such as top-left");
        p.corner = it->first;
    }
    if (v.contains("offset")) {
        const json& o = v["offset"];
        if (!o.is_array() || o.size() != 2) r.fail(where + ".offset", "expected [x, y]");
        p.offsetX = static_cast<float>(r.num(o[0], where + ".offset[0]", -kMaxOffset, kMaxOffset));
        p.offsetY = static_cast<float>(r.num(o[1], where + ".offset[1]", -kMaxOffset, kMaxOffset));
    }
    return p;
}

}  // namespace

std::string_view cornerName(Corner c) {
    for (const auto& [corner, name] : kCorners)
        if (corner == c) return name;
    return "top-left";
}

json furnitureToJson(const Furniture& f) {
    json j{{"subtitle", f.subtitle}, {"north_arrow_always", f.northArrowAlways}};
    for (const auto& [name, piece] : pieces(f))
        j[name] = {{"show", piece->show},
                   {"corner", std::string(cornerName(piece->corner))},
                   {"offset", {piece->offsetX, piece->offsetY}}};
    return j;
}

Furniture furnitureFromJson(const json& j, const JsonReader& r) {
    if (!j.is_object()) r.fail("furniture", "expected an object");
    Furniture f;
    if (j.contains("subtitle")) f.subtitle = r.str(j["subtitle"], "furniture.subtitle");
    if (j.contains("north_arrow_always"))
        f.northArrowAlways = r.boolean(j["north_arrow_always"], "furniture.north_arrow_always");
    for (const auto& [name, piece] : pieces(f))
        if (j.contains(name)) *piece = readPiece(j[name], r, std::string("furniture.") + name, *piece);
    return f;
}

}  // namespace cmap::model
