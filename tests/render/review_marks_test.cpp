// What the review loop shows on the map, checked by pixels: the mention looked at gets a blue ring
// round its marker; a report dated only to the month is drawn hollow (white inside, the article's
// colour round it) beside a day-dated one drawn filled; mentions below the threshold do not draw.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "render/render_harness.h"
#include "scene/furniture_layers.h"
#include "scene/map_scene.h"

using namespace cmap;
using namespace cmap::scene;

namespace {

constexpr int kW = 256, kH = 160;

model::Mention mention(const std::string& name, double lon, double lat, model::DateRange date, double confidence) {
    model::Mention m;
    m.text = name;
    m.place.name = name;
    m.place.point = {lon, lat};
    m.place.box.extend(m.place.point);
    m.date = date;
    m.confidence = confidence;
    return m;
}

// Homs reported to the day, Damascus to the month, both red; Hama at low confidence.
MapContent content() {
    auto doc = std::make_shared<model::Document>();
    doc->file = "a.txt";
    doc->mentions = {mention("Homs", 36.0, 35.0, model::DateRange::of({2015, 9, 15}), 0.9),
                     mention("Damascus", 37.5, 35.0, model::DateRange::of({2015, 9, 0}), 0.9),
                     mention("Hama", 34.5, 35.0, model::DateRange::of({2015, 9, 15}), 0.2)};
    MapContent c;
    c.documents.push_back(doc);
    return c;
}

// Plain lon/lat, 0.1 degree a pixel, centred on (36, 35).
MapState state() {
    MapState s;
    s.projection = "EPSG:4326";
    s.view = View{{36, 35}, 0.1};
    s.labels = false;
    return s;
}

struct Rgb {
    int r, g, b;
};
Rgb at(const render::Image& img, int x, int y) {
    const uint8_t* p = img.pixel(x, y);
    return {p[0], p[1], p[2]};
}
bool reddish(Rgb c) { return c.r > 150 && c.g < 110 && c.b < 110; }
bool white(Rgb c) { return c.r > 235 && c.g > 235 && c.b > 235; }
bool blue(Rgb c) { return c.b > 150 && c.r < 90 && c.g < 150; }

// The highlighted frame as a whole: the case tests/render/cases/review_marks.
const test::CaseDriver highlighted("review_marks", [] {
    MapState s = state();
    s.highlight = MentionRef{0, 0};
    return test::renderer().renderToImage(buildMapScene(content(), s, kW, kH), kW, kH);
});

}  // namespace

TEST_CASE("review marks: day-dated markers filled, month-dated ones hollow, the highlighted one ringed") {
    const MapContent c = content();
    MapState s = state();
    render::Image img = test::renderer().renderToImage(buildMapScene(c, s, kW, kH), kW, kH);
    CHECK(reddish(at(img, 128, 80)));  // Homs: filled
    CHECK(white(at(img, 143, 80)));    // Damascus: white at its centre...
    bool edge = false;                 // ...and red round it
    for (int dx = 3; dx <= 8; ++dx) edge = edge || reddish(at(img, 143 + dx, 80));
    CHECK(edge);
    CHECK(reddish(at(img, 113, 80)));  // Hama, with no threshold

    s.highlight = MentionRef{0, 0};
    img = test::renderer().renderToImage(buildMapScene(c, s, kW, kH), kW, kH);
    int ring = 0;
    for (int dx = 9; dx <= 16; ++dx) ring += blue(at(img, 128 - dx, 80)) + blue(at(img, 128, 80 - dx));
    CHECK(ring >= 2);
    CHECK(reddish(at(img, 128, 80)));  // the marker itself stays visible inside the ring

    s.highlight.reset();
    s.minConfidence = 0.5;
    img = test::renderer().renderToImage(buildMapScene(c, s, kW, kH), kW, kH);
    CHECK_FALSE(reddish(at(img, 113, 80)));  // Hama is below it
    CHECK(reddish(at(img, 128, 80)));
}

TEST_CASE("review marks: the legend says what a hollow marker means, and as of a day it keys the age") {
    const MapContent c = content();
    MapState s = state();
    s.time = model::TimeQuery{model::TimeMode::AsOf, model::Date{2015, 10, 1}.firstDay(), 30};
    model::Furniture f;
    f.legend.show = true;
    Scene scene = buildMapScene(c, s, kW, kH);
    addFurniture(scene, f, {}, c, s, kW, kH);
    std::vector<std::string> texts;
    for (const Layer& l : scene.layers)
        if (const auto* screen = std::get_if<ScreenLayer>(&l.content))
            for (const ScreenPanel& p : screen->panels)
                for (const ScreenRow& r : p.rows)
                    for (const auto& cell : r.cells)
                        if (const auto* t = std::get_if<ScreenText>(&cell)) texts.push_back(t->text);
    auto has = [&](const std::string& t) { return std::find(texts.begin(), texts.end(), t) != texts.end(); };
    CHECK(has("Reported to the week, month or year"));
    CHECK(has("Latest report:"));
    CHECK(has("30 days or more before"));
}

TEST_CASE("review marks: as of a day, an article published later shows nothing, and its source leaves the legend") {
    MapContent c = content();
    auto later = std::make_shared<model::Document>(*c.documents[0]);
    later->file = "later.txt";
    later->meta.published = model::Date{2015, 10, 20};
    c.documents = {later};
    MapState s = state();
    s.time = model::TimeQuery{model::TimeMode::AsOf, model::Date{2015, 10, 1}.firstDay(), 30};
    CHECK(placeMentions(c, s, kW, kH).empty());
    s.time->day = model::Date{2015, 10, 25}.firstDay();
    CHECK_FALSE(placeMentions(c, s, kW, kH).empty());
}
