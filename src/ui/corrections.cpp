#include "ui/corrections.h"

#include <algorithm>

namespace cmap::ui {

model::ResolvedPlace handPlaced(std::string name, geo::LonLat p) {
    model::ResolvedPlace r;
    r.name = std::move(name);
    r.kind = geo::PlaceKind::City;
    r.point = p;
    r.box.extend(p);
    // Not a gazetteer entry: a marker only, never an area to look up polygons for.
    r.layer = geo::Layer::Places;
    r.gazetteerId = ~0u;
    return r;
}

void setCorrection(model::Workspace& ws, model::Correction c) {
    auto same = [&](const model::Correction& o) { return o.file == c.file && o.range == c.range; };
    auto it = std::find_if(ws.corrections.begin(), ws.corrections.end(), same);
    if (it != ws.corrections.end()) *it = std::move(c);
    else ws.corrections.push_back(std::move(c));
}

bool clearCorrection(model::Workspace& ws, std::string_view file, model::ByteRange range) {
    auto n = std::erase_if(ws.corrections, [&](const model::Correction& o) { return o.file == file && o.range == range; });
    return n > 0;
}

const model::Correction* findCorrection(const model::Workspace& ws, std::string_view file, model::ByteRange range) {
    for (const auto& c : ws.corrections)
        if (c.file == file && c.range == range) return &c;
    return nullptr;
}

bool setArticleDate(model::Workspace& ws, std::string_view path, std::optional<model::Date> date) {
    for (auto& a : ws.articles) {
        if (a.path == path) {
            a.published = date;
            return true;
        }
    }
    return false;
}

std::string describePlace(const model::ResolvedPlace& p) {
    std::string s = p.name + " (" + std::string(geo::kindName(p.kind));
    if (!p.country.empty()) s += ", " + p.country;
    return s + ")";
}

}  // namespace cmap::ui
