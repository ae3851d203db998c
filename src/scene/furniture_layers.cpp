// Sections: measuring the map (scale, north) | texts | the pieces | addFurniture.
#include "scene/furniture_layers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <numbers>
#include <set>

#include "core/geo/projection.h"
#include "scene/style.h"

namespace cmap::scene {
namespace {

const auto& paint() { return defaultStyle().furniture; }

// ---- measuring the map ----

// North at logical pixel (px, py), degrees clockwise from the image's up; empty off the globe.
std::optional<double> northAngleAt(const geo::Projection& projection, const View& view, double w, double h,
                                   double px, double py) {
    geo::LonLat at = projection.inverse(view.unproject(px, py, w, h));
    if (std::isnan(at.lon) || std::isnan(at.lat)) return std::nullopt;
    // A step towards the pole (or, within the step of it, away from it, reversed).
    constexpr double kStep = 0.01;
    double sign = at.lat + kStep <= 90 ? 1 : -1;
    geo::Vec2 a = view.toPixel(projection.forward(at), w, h);
    geo::Vec2 b = view.toPixel(projection.forward(geo::LonLat{at.lon, at.lat + sign * kStep}), w, h);
    double dx = (b.x - a.x) * sign, dy = (b.y - a.y) * sign;
    if (std::isnan(dx) || std::isnan(dy) || (dx == 0 && dy == 0)) return std::nullopt;
    return std::atan2(dx, -dy) * 180 / std::numbers::pi;
}

// ---- texts ----

std::string dayText(int days) {
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    model::Date d = model::Date::fromDays(days);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d %s %d", d.day, kMonths[std::clamp(d.month, 1, 12) - 1], d.year);
    return buf;
}

// As precise as the date is: "30 Sep 2015", "Sep 2015", "2015".
std::string dateText(const model::Date& d) {
    if (d.precision() == model::Precision::Day) return dayText(d.firstDay());
    if (d.precision() == model::Precision::Month) return dayText(d.firstDay()).substr(dayText(d.firstDay()).find(' ') + 1);
    return std::to_string(d.year);
}

// At most maxChars code points, an ellipsis where cut: long article titles stay on one line.
std::string shortened(const std::string& s, size_t maxChars) {
    size_t chars = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (chars++ == maxChars) return s.substr(0, i) + "\u2026";
    }
    return s;
}

// "Reuters, 30 Sep 2015": how the legend names an article layer; the title, else the author, else
// the file name, where the outlet is not known.
std::string articleName(const model::Document& doc) {
    std::string name = doc.meta.source.value_or("");
    if (name.empty()) name = doc.meta.title.value_or("");
    if (name.empty()) name = doc.meta.author.value_or("");
    if (name.empty()) name = std::filesystem::path(doc.file).filename().string();
    if (doc.meta.published) name += ", " + dateText(*doc.meta.published);
    return name;
}

// "Reuters, 30 Sep 2015: Title": the footnote for an article.
std::string footnoteText(const model::Document& doc) {
    std::string text = articleName(doc);
    bool titled = doc.meta.source && !doc.meta.source->empty() && doc.meta.title && !doc.meta.title->empty();
    if (titled) text += ": " + *doc.meta.title;
    return text;
}

// ---- the pieces ----

ScreenPanel panelAt(const model::FurniturePiece& piece) {
    ScreenPanel p;
    p.corner = piece.corner;
    p.offsetPx = {piece.offsetX, piece.offsetY};
    return p;
}

ScreenRow textRow(std::string text, float sizePx, Color color) {
    ScreenRow row;
    row.cells.emplace_back(ScreenText{std::move(text), sizePx, color});
    return row;
}

ScreenRow symbolRow(SwatchKind kind, Color color, std::string text) {
    ScreenRow row;
    row.cells.emplace_back(ScreenSwatch{kind, color, paint().legendPx});
    row.cells.emplace_back(ScreenText{std::move(text), paint().legendPx, paint().secondaryInk});
    return row;
}

// The longest ground distance of the form 1, 2 or 5 x 10^n km that fits in maxPx at kmPerPx.
std::optional<ScreenScaleBar> scaleBar(double kmPerPx, double maxPx) {
    if (!(kmPerPx > 0) || !std::isfinite(kmPerPx)) return std::nullopt;
    double maxKm = kmPerPx * maxPx;
    double unit = std::pow(10.0, std::floor(std::log10(maxKm)));
    double km = unit;
    int segments = 4;
    for (auto [step, n] : {std::pair{5.0, 5}, {2.0, 4}, {1.0, 4}}) {
        if (step * unit <= maxKm) {
            km = step * unit;
            segments = n;
            break;
        }
    }
    ScreenScaleBar bar;
    bar.lengthPx = static_cast<float>(km / kmPerPx);
    bar.segments = segments;
    char label[32];
    if (km >= 1) std::snprintf(label, sizeof label, "%g km", km);
    else std::snprintf(label, sizeof label, "%g m", km * 1000);
    bar.label = label;
    return bar;
}

struct InView {
    std::vector<PlacedMention> mentions;  // inside the image
    std::vector<size_t> documents;        // with a mention inside, in document order
};

InView inView(const MapContent& content, const MapState& state, double width, double height, SceneCache& cache) {
    InView v;
    std::set<size_t> docs;
    for (PlacedMention& p : placeMentions(content, state, width, height, cache)) {
        if (!(p.pixel.x >= 0 && p.pixel.x <= width && p.pixel.y >= 0 && p.pixel.y <= height)) continue;
        docs.insert(p.ref.document);
        v.mentions.push_back(std::move(p));
    }
    v.documents.assign(docs.begin(), docs.end());
    return v;
}

// An event dataset's rows: its name in its one colour, or, coloured by category, its name and then
// each category it has that is shown, in that category's colour.
void addEventRows(ScreenPanel& panel, const MapContent& content, const MapState& state) {
    for (const auto& table : content.events) {
        if (!table || table->size() == 0) continue;
        const auto found = state.styles.find(layerIdForEvents(table->path));
        const model::LayerStyle style = found != state.styles.end() ? found->second : defaultEventStyle();
        if (!style.visible || style.opacity <= 0) continue;
        const std::string name = shortened(std::filesystem::path(table->path).filename().string(), 48);
        if (!style.byCategory) {
            panel.rows.push_back(symbolRow(SwatchKind::Marker, rgb(style.rgba >> 8), name));
            continue;
        }
        panel.rows.push_back(textRow(name, paint().legendPx, paint().secondaryInk));
        for (size_t c = 0; c < model::kEventCategoryCount; ++c) {
            const auto category = static_cast<model::EventCategory>(c);
            const auto hidden = state.styles.find(layerIdForCategory(category));
            if (table->perCategory[c] == 0 || (hidden != state.styles.end() && !hidden->second.visible)) continue;
            std::string text(model::categoryName(category));
            text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
            panel.rows.push_back(symbolRow(SwatchKind::Marker, eventCategoryColor(category), text));
        }
    }
}

void addLegend(ScreenLayer& layer, const model::FurniturePiece& piece, const MapContent& content, const MapState& state,
               const InView& view) {
    ScreenPanel panel = panelAt(piece);
    // What the shapes say about precision, for the shapes the view shows.
    std::set<MentionShape> shapes;
    for (const PlacedMention& p : view.mentions) shapes.insert(p.shape);
    static constexpr std::pair<MentionShape, std::pair<SwatchKind, const char*>> kShapes[] = {
        {MentionShape::Marker, {SwatchKind::Marker, "Town or city"}},
        {MentionShape::Facility, {SwatchKind::Diamond, "Base or facility"}},
        {MentionShape::Area, {SwatchKind::Hatched, "Region or province"}},
        {MentionShape::Outline, {SwatchKind::Outline, "Country"}},
        {MentionShape::Ring, {SwatchKind::Ring, "Area, approximate"}},
    };
    for (const auto& [shape, swatch] : kShapes)
        if (shapes.contains(shape)) panel.rows.push_back(symbolRow(swatch.first, paint().symbol, swatch.second));
    const bool vague = std::any_of(view.mentions.begin(), view.mentions.end(), [](const PlacedMention& p) {
        return !p.dayPrecise && (p.shape == MentionShape::Marker || p.shape == MentionShape::Facility);
    });
    if (vague) panel.rows.push_back(symbolRow(SwatchKind::Ring, paint().symbol, "Reported to the week, month or year"));
    // As of a day each place shows its latest report, fainter as it ages (model::evaluate): the
    // key gives the age of three shades.
    if (state.time && state.time->mode == model::TimeMode::AsOf && !view.mentions.empty()) {
        const int w = std::max(1, state.time->windowDays);
        Color symbol = paint().symbol;
        panel.rows.push_back(textRow("Latest report:", paint().legendPx, paint().secondaryInk));
        panel.rows.push_back(symbolRow(SwatchKind::Marker, symbol, "that day"));
        symbol.a = 0.625f;
        panel.rows.push_back(symbolRow(SwatchKind::Marker, symbol, std::to_string(std::max(1, w / 2)) + " days before"));
        symbol.a = 0.25f;
        panel.rows.push_back(symbolRow(SwatchKind::Marker, symbol,
                                       std::to_string(w) + " days or more before"));
    }
    // The article layers shown, in their colours.
    for (size_t d : view.documents) {
        auto it = std::find_if(view.mentions.begin(), view.mentions.end(),
                               [&](const PlacedMention& p) { return p.ref.document == d; });
        panel.rows.push_back(symbolRow(SwatchKind::Block, it->color, shortened(articleName(*content.documents[d]), 48)));
    }
    for (size_t i = 0; i < content.overlays.size(); ++i) {
        if (!content.overlays[i]) continue;
        Color c = overlayColor(i);
        c.a = 0.9f;
        panel.rows.push_back(symbolRow(SwatchKind::Block, c, std::filesystem::path(content.overlays[i]->path).filename().string()));
    }
    addEventRows(panel, content, state);
    if (!panel.rows.empty()) layer.panels.push_back(std::move(panel));
}

// Each marker's article number beside it (up and left: labels go right first), and the block that
// lists each number's outlet, date and title.
void addFootnotes(ScreenLayer& layer, const model::FurniturePiece& piece, const MapContent& content,
                  const InView& view, double width) {
    if (view.documents.empty()) return;
    std::map<size_t, int> number;
    for (size_t d : view.documents) number.emplace(d, static_cast<int>(number.size()) + 1);
    struct Badge {
        geo::Vec2 at;
        std::set<int> numbers;
    };
    std::map<std::pair<long, long>, Badge> badges;  // markers at one pixel share a badge
    for (const PlacedMention& p : view.mentions) {
        if (p.shape == MentionShape::Area || p.shape == MentionShape::Outline) continue;
        double r = p.sizePx / 2 * 0.7;
        Badge& b = badges[{std::lround(p.pixel.x), std::lround(p.pixel.y)}];
        b.at = {p.pixel.x - r, p.pixel.y - r};
        b.numbers.insert(number[p.ref.document]);
    }
    for (const auto& [key, b] : badges) {
        std::string text;
        for (int n : b.numbers) text += (text.empty() ? "" : ",") + std::to_string(n);
        ScreenPanel badge;
        badge.at = b.at;
        badge.align = {1, 1};
        badge.paddingPx = 1;
        badge.background = paint().badgeBackground;
        badge.border = rgb(0x000000, 0);
        badge.rows.push_back(textRow(std::move(text), paint().badgePx, paint().secondaryInk));
        layer.panels.insert(layer.panels.begin(), std::move(badge));  // under the corner panels
    }
    ScreenPanel block = panelAt(piece);
    block.rowGapPx = 2;
    // About 5.5 pixels a character at this size: the block stays within about half the image.
    auto maxChars = static_cast<size_t>(std::clamp(width * 0.5 / 5.5, 24.0, 110.0));
    for (size_t d : view.documents) {
        const model::Document& doc = *content.documents[d];
        block.rows.push_back(textRow(shortened(std::to_string(number[d]) + "  " + footnoteText(doc), maxChars),
                                     paint().footnotePx, paint().secondaryInk));
    }
    layer.panels.push_back(std::move(block));
}

std::string attributionText(const MapContent& content) {
    std::vector<std::string> parts;
    if (content.basemap.admin0) parts.emplace_back("Made with Natural Earth");
    if (content.gazetteer || content.basemap.places) parts.emplace_back("Places: GeoNames (CC BY 4.0)");
    std::string text;
    for (const std::string& p : parts) text += (text.empty() ? "" : " \u00b7 ") + p;
    return text;
}

}  // namespace

std::optional<double> kmPerPixelAtCentre(const geo::Projection& projection, const View& view, double width,
                                         double height) {
    constexpr double kSpan = 2;  // pixels either side of the centre
    geo::LonLat a = projection.inverse(view.unproject(width / 2 - kSpan, height / 2, width, height));
    geo::LonLat b = projection.inverse(view.unproject(width / 2 + kSpan, height / 2, width, height));
    if (std::isnan(a.lon) || std::isnan(a.lat) || std::isnan(b.lon) || std::isnan(b.lat)) return std::nullopt;
    return geo::geodesicKm(a, b) / (2 * kSpan);
}

std::optional<double> northAngleAtCentre(const geo::Projection& projection, const View& view, double width,
                                         double height) {
    return northAngleAt(projection, view, width, height, width / 2, height / 2);
}

bool northUpEverywhere(const geo::Projection& projection, const View& view, double width, double height) {
    constexpr int kGrid = 5;
    for (int i = 0; i < kGrid; ++i) {
        for (int j = 0; j < kGrid; ++j) {
            double px = width * (0.5 + i) / kGrid, py = height * (0.5 + j) / kGrid;
            auto angle = northAngleAt(projection, view, width, height, px, py);
            if (angle && std::abs(*angle) > 0.5) return false;
        }
    }
    return true;
}

std::string dateStampText(const std::optional<model::TimeQuery>& time) {
    if (!time) return "All reports";
    std::string day = dayText(time->day);
    switch (time->mode) {
    case model::TimeMode::Cumulative: return "Reports up to " + day;
    case model::TimeMode::Window: return day + ", reports of the last " + std::to_string(time->windowDays) + " days";
    case model::TimeMode::AsOf: return "Latest report per place as of " + day;
    }
    return day;
}

FurnitureText furnitureText(const std::string& title, const model::Furniture& furniture, const model::Slide* slide) {
    if (slide && !slide->title.empty()) return {slide->title, title};
    return {title, furniture.subtitle};
}

void addFurniture(Scene& scene, const model::Furniture& f, const FurnitureText& text, const MapContent& content,
                  const MapState& state, double width, double height) {
    SceneCache cache;
    addFurniture(scene, f, text, content, state, width, height, cache);
}

void addFurniture(Scene& scene, const model::Furniture& f, const FurnitureText& text, const MapContent& content,
                  const MapState& state, double width, double height, SceneCache& cache) {
    const geo::Projection& projection = cache.projection(scene.projection);
    ScreenLayer layer;
    // Added in stacking order: a corner's first piece sits nearest its edge.
    if (f.title.show && !text.title.empty()) {
        ScreenPanel p = panelAt(f.title);
        p.paddingPx = 8;
        // Cut to what any image can show: a title of megabytes (a workspace's) would cost its
        // glyphs' memory and layout, gigabytes for 8 MB, to draw what lies far off the map.
        constexpr size_t kMaxHeadingChars = 300;
        p.rows.push_back(textRow(shortened(text.title, kMaxHeadingChars), paint().titlePx, paint().ink));
        if (!text.subtitle.empty()) p.rows.push_back(textRow(shortened(text.subtitle, kMaxHeadingChars), paint().subtitlePx, paint().secondaryInk));
        layer.panels.push_back(std::move(p));
    }
    if (f.date.show) {
        ScreenPanel p = panelAt(f.date);
        p.rows.push_back(textRow(dateStampText(state.time), paint().datePx, paint().ink));
        layer.panels.push_back(std::move(p));
    }
    if (f.northArrow.show &&
        (f.northArrowAlways || !northUpEverywhere(projection, scene.view, width, height))) {
        if (auto angle = northAngleAtCentre(projection, scene.view, width, height)) {
            ScreenPanel p = panelAt(f.northArrow);
            p.paddingPx = 3;
            ScreenRow row;
            row.cells.emplace_back(ScreenNorthArrow{static_cast<float>(*angle), paint().northArrowPx, paint().northArrow});
            p.rows.push_back(std::move(row));
            layer.panels.push_back(std::move(p));
        }
    }
    if (std::string credit = attributionText(content); f.attribution.show && !credit.empty()) {
        ScreenPanel p = panelAt(f.attribution);
        p.paddingPx = 3;
        p.background = paint().creditBackground;
        p.border = rgb(0x000000, 0);
        p.rows.push_back(textRow(std::move(credit), paint().creditPx, paint().faintInk));
        layer.panels.push_back(std::move(p));
    }
    if (f.scaleBar.show) {
        auto kmPerPx = kmPerPixelAtCentre(projection, scene.view, width, height);
        if (auto bar = kmPerPx ? scaleBar(*kmPerPx, std::min(130.0, width * 0.25)) : std::nullopt) {
            ScreenPanel p = panelAt(f.scaleBar);
            ScreenRow row;
            row.cells.emplace_back(std::move(*bar));
            p.rows.push_back(std::move(row));
            layer.panels.push_back(std::move(p));
        }
    }
    if (f.legend.show || f.footnotes.show) {
        InView view = inView(content, state, width, height, cache);
        if (f.legend.show) addLegend(layer, f.legend, content, state, view);
        if (f.footnotes.show) addFootnotes(layer, f.footnotes, content, view, width);
    }
    if (!layer.panels.empty()) scene.add("furniture", std::move(layer));
}

}  // namespace cmap::scene
