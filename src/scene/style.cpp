#include "scene/style.h"

#include <charconv>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/assets.h"
#include "core/model/document.h"

namespace cmap::scene {
namespace {

using nlohmann::json;

constexpr std::string_view kAsset = "styles/default.json";

[[noreturn]] void fail(const std::string& where, const std::string& what) {
    throw std::invalid_argument(where + ": " + what);
}

uint32_t hexColor(const json& j, const std::string& where) {
    const std::string* s = j.get_ptr<const std::string*>();
    const std::optional<uint32_t> hex = s ? parseHexColor(*s) : std::nullopt;
    if (!hex) fail(where, "expected a colour \"#rrggbb\"");
    return *hex;
}

float number(const json& j, const std::string& where) {
    if (!j.is_number()) fail(where, "expected a number");
    const double v = j.get<double>();
    if (!std::isfinite(v) || v < 0) fail(where, "expected a number of 0 or more");
    return static_cast<float>(v);
}

// Every key read is required, and a key never read is a typo: both are errors.
class Object {
public:
    Object(const json& j, std::string path) : j_(j), path_(std::move(path)) {
        if (!j.is_object()) fail(path_, "expected an object");
    }
    std::string name(const std::string& key) const { return path_ + "." + key; }
    const json& at(const std::string& key) {
        seen_.insert(key);
        auto it = j_.find(key);
        if (it == j_.end()) fail(name(key), "missing");
        return *it;
    }
    Object object(const std::string& key) { return Object(at(key), name(key)); }
    float px(const std::string& key) { return number(at(key), name(key)); }
    uint32_t hex(const std::string& key) { return hexColor(at(key), name(key)); }
    Color color(const std::string& key) {
        const json& j = at(key);
        if (j.is_string()) return rgb(hexColor(j, name(key)));
        if (!j.is_array() || j.size() != 2) fail(name(key), "expected a colour \"#rrggbb\" or [\"#rrggbb\", opacity]");
        const float opacity = number(j[1], name(key));
        if (opacity > 1) fail(name(key), "opacity above 1");
        return rgb(hexColor(j[0], name(key)), opacity);
    }
    std::vector<uint32_t> palette(const std::string& key, size_t minSize) {
        const json& j = at(key);
        if (!j.is_array() || j.size() < minSize)
            fail(name(key), "expected a list of at least " + std::to_string(minSize) + " colours");
        std::vector<uint32_t> out;
        for (const json& c : j) out.push_back(hexColor(c, name(key)));
        return out;
    }
    std::array<float, 3> tiers(const std::string& key) {
        const json& j = at(key);
        if (!j.is_array() || j.size() != 3) fail(name(key), "expected three sizes");
        return {number(j[0], name(key)), number(j[1], name(key)), number(j[2], name(key))};
    }
    GraticuleLayer graticule(const std::string& key) {
        Object o = object(key);
        GraticuleLayer g{o.px("stepDeg"), o.color("color"), o.px("widthPx")};
        o.done();
        return g;
    }
    void done() const {
        for (const auto& item : j_.items())
            if (!seen_.contains(item.key())) fail(name(item.key()), "unknown key");
    }

private:
    const json& j_;
    std::string path_;
    std::set<std::string> seen_;
};

void readBasemap(Object o, BasemapStyle& s) {
    s.paper = o.color("paper");
    s.sea = o.color("sea");
    s.land = o.color("land");
    s.countryBorder = o.color("countryBorder");
    s.countryBorderPx = o.px("countryBorderPx");
    s.admin1Border = o.color("admin1Border");
    s.admin1BorderPx = o.px("admin1BorderPx");
    s.graticuleStyle = o.graticule("graticule");
    s.cityDot = o.color("townDot");
    s.cityDotOutline = o.color("townDotOutline");
    s.cityDotOutlinePx = o.px("townDotOutlinePx");
    s.cityDotPx = o.tiers("townDotPx");
    s.cityLabel = o.color("townLabel");
    s.cityLabelPx = o.tiers("townLabelPx");
    s.cityHalo = o.color("townHalo");
    s.cityHaloPx = o.px("townHaloPx");
    s.countryLabel = o.color("countryLabel");
    s.countryLabelPx = o.px("countryLabelPx");
    s.countryHalo = o.color("countryHalo");
    s.countryHaloPx = o.px("countryHaloPx");
    o.done();
}

Style read(const json& j) {
    Style s;
    Object root(j, "style");
    readBasemap(root.object("basemap"), s.basemap);
    {
        Object o = root.object("withoutBasemap");
        s.withoutBasemap.paper = o.color("paper");
        s.withoutBasemap.graticule = o.graticule("graticule");
        o.done();
    }
    {
        Object o = root.object("palettes");
        s.palettes.articles = o.palette("articles", 1);
        s.palettes.overlays = o.palette("overlays", 1);
        s.palettes.eventCategories = o.palette("eventCategories", model::kEventCategoryCount);
        s.palettes.eventCategoryOpacity = o.px("eventCategoryOpacity");
        s.palettes.eventDataset = o.hex("eventDataset");
        o.done();
    }
    {
        Object o = root.object("mentions");
        auto& m = s.mentions;
        m.townPx = o.px("townPx"), m.facilityPx = o.px("facilityPx"), m.ringPx = o.px("ringPx");
        m.ringStepPx = o.px("ringStepPx");
        m.markerEdge = o.color("markerEdge");
        m.eventPx = o.px("eventPx");
        m.label = o.color("label"), m.labelPx = o.px("labelPx");
        m.areaLabel = o.color("areaLabel"), m.areaLabelPx = o.px("areaLabelPx");
        m.labelHalo = o.color("labelHalo"), m.labelHaloPx = o.px("labelHaloPx");
        o.done();
    }
    {
        Object o = root.object("highlight");
        auto& h = s.highlight;
        h.halo = o.color("halo"), h.haloPx = o.px("haloPx"), h.ring = o.color("ring"), h.ringPx = o.px("ringPx");
        o.done();
    }
    {
        Object o = root.object("annotations");
        auto& a = s.annotations;
        a.textHalo = o.color("textHalo"), a.textHaloPx = o.px("textHaloPx");
        a.calloutTargetEdge = o.color("calloutTargetEdge");
        o.done();
    }
    {
        Object o = root.object("furniture");
        auto& f = s.furniture;
        f.ink = o.color("ink"), f.secondaryInk = o.color("secondaryInk"), f.faintInk = o.color("faintInk");
        f.symbol = o.color("symbol"), f.northArrow = o.color("northArrow");
        f.titlePx = o.px("titlePx"), f.subtitlePx = o.px("subtitlePx"), f.datePx = o.px("datePx");
        f.legendPx = o.px("legendPx"), f.footnotePx = o.px("footnotePx"), f.badgePx = o.px("badgePx");
        f.badgeBackground = o.color("badgeBackground");
        f.creditPx = o.px("creditPx"), f.creditBackground = o.color("creditBackground");
        f.northArrowPx = o.px("northArrowPx");
        o.done();
    }
    root.done();
    return s;
}

}  // namespace

std::optional<uint32_t> parseHexColor(std::string_view text) {
    uint32_t hex = 0;
    if (text.size() != 7 || text[0] != '#' ||
        std::from_chars(text.data() + 1, text.data() + 7, hex, 16).ptr != text.data() + 7)
        return std::nullopt;
    return hex;
}

Style parseStyle(std::string_view text) {
    json j;
    try {
        j = json::parse(text.begin(), text.end(), nullptr, true, /*ignore_comments=*/true);
    } catch (const json::parse_error& e) {
        throw std::invalid_argument(e.what());
    }
    return read(j);
}

const Style& defaultStyle() {
    static const Style style = [] {
        try {
            return parseStyle(assets::get(kAsset));
        } catch (const std::invalid_argument& e) {
            throw std::logic_error("assets/" + std::string(kAsset) + ": " + e.what());
        }
    }();
    return style;
}

const BasemapStyle& defaultBasemapStyle() { return defaultStyle().basemap; }

}  // namespace cmap::scene
