#include <doctest/doctest.h>

#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

#include "ui/layout.h"

using namespace cmap::ui;

namespace {
bool overlap(const Rect& a, const Rect& b) {
    // Shared edges computed in floats may differ by rounding: a hundredth of a pixel is no overlap.
    const float e = 0.01f;
    return a.x + e < b.x + b.w && b.x + e < a.x + a.w && a.y + e < b.y + b.h && b.y + e < a.y + a.h;
}
}  // namespace

TEST_CASE("layout: panels tile the window without overlapping; the map keeps its minimum") {
    const std::vector<std::pair<float, float>> sizes{{1600.f, 1000.f}, {1024.f, 700.f}, {640.f, 480.f}};
    for (auto [w, h] : sizes) {
        Layout l = computeLayout(w, h);
        Rect all[] = {l.menu, l.layers, l.slides, l.console, l.mentions, l.articles, l.timeline, l.tools, l.map};
        float area = 0;
        for (std::size_t i = 0; i < std::size(all); ++i) {
            area += all[i].w * all[i].h;
            for (std::size_t j = i + 1; j < std::size(all); ++j) CHECK_FALSE(overlap(all[i], all[j]));
        }
        // The mentions table over the article text, both the right column's width.
        CHECK(l.mentions.x == l.articles.x);
        CHECK(l.mentions.y + l.mentions.h == doctest::Approx(l.articles.y));
        CHECK(l.mentions.h > 100);
        CHECK(area == doctest::Approx(w * h));
        CHECK(l.map.w >= 199);
        CHECK(l.map.h >= 199);
    }
}
