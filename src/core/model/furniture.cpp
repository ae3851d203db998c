#include "core/model/furniture.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <utility>

#include "core/error.h"

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

struct Reader {
    const std::string& file;
    [[noreturn]] void fail(const std::string& where, const std::string& what) const {
        throw DataError(file, where + ": " + what);
    }
    bool boolean(const json& v, const std::string& where) const {
        if (!v.is_boolean()) fail(where, "expected true or false");
        return v.get<bool>();
    }
    float offset(const json& v, const std::string& where) const {
        if (!v.is_number()) fail(where, "expected a number");
        double d = v.get<double>();
        if (!(d >= -kMaxOffset && d <= kMaxOffset)) fail(where, std::to_string(d) + " is out of range");
        return static_cast<float>(d);
    }
    FurniturePiece piece(const json& v, const std::string& where, FurniturePiece p) const {
        if (!v.is_object()) fail(where, "expected an object");
        if (v.contains("show")) p.show = boolean(v["show"], where + ".show");
        if (v.contains("corner")) {
            const json& c = v["corner"];
            if (!c.is_string()) fail(where + ".corner", "expected a string");
            auto name = c.get<std::string>();
            auto it = std::find_if(kCorners.begin(), kCorners.end(), [&](const auto& k) { return k.second == name; });
            if (it == kCorners.end()) fail(where + ".corner", "'" + name + "' is not a corner such as top-left");
            p.corner = it->first;
        }
        if (v.contains("offset")) {
            const json& o = v["offset"];
            if (!o.is_array() || o.size() != 2) fail(where + ".offset", "expected [x, y]");
            p.offsetX = offset(o[0], where + ".offset[0]");
            p.offsetY = offset(o[1], where + ".offset[1]");
        }
        return p;
    }
};

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

Furniture furnitureFromJson(const json& j, const std::string& file) {
    Reader r{file};
    if (!j.is_object()) r.fail("furniture", "expected an object");
    Furniture f;
    if (j.contains("subtitle")) {
        if (!j["subtitle"].is_string()) r.fail("furniture.subtitle", "expected a string");
        f.subtitle = j["subtitle"].get<std::string>();
    }
    if (j.contains("north_arrow_always"))
        f.northArrowAlways = r.boolean(j["north_arrow_always"], "furniture.north_arrow_always");
    for (const auto& [name, piece] : pieces(f))
        if (j.contains(name)) *piece = r.piece(j[name], std::string("furniture.") + name, *piece);
    return f;
}

}  // namespace cmap::model
