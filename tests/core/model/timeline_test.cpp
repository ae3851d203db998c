#include "core/model/timeline.h"

#include <doctest/doctest.h>

#include "core/model/date.h"

using namespace cmap::model;

namespace {
TimeItem item(Date d, uint32_t key = 0) { return {d.firstDay(), d.lastDay(), key}; }
int day(int y, int m, int d) { return Date{y, m, d}.firstDay(); }
}  // namespace

TEST_CASE("cumulative shows everything started by t, month-precision items from their first day") {
    std::vector<TimeItem> items = {item({2005, 1, 25}), item({2015, 9, 0}), item({2015, 9, 15})};
    auto v = evaluate(items, {TimeMode::Cumulative, day(2015, 9, 1), 30});
    CHECK(v == std::vector<float>{1, 1, 0});
    CHECK(evaluate(items, {TimeMode::Cumulative, day(2004, 12, 31), 30}) == std::vector<float>{0, 0, 0});
}

TEST_CASE("window shows what overlaps the last N days, fading with age") {
    std::vector<TimeItem> items = {item({2005, 1, 25}), item({2015, 9, 0}), item({2015, 9, 15})};
    auto v = evaluate(items, {TimeMode::Window, day(2005, 2, 15), 60});
    CHECK(v[0] > 0.6f);
    CHECK(v[0] < 1.f);
    CHECK(v[1] == 0);
    CHECK(v[2] == 0);
    // A month-precision report is current throughout its month.
    CHECK(evaluate(items, {TimeMode::Window, day(2015, 9, 30), 10})[1] == 1.f);
    CHECK(evaluate(items, {TimeMode::Window, day(2005, 4, 1), 60})[0] == 0);
}

TEST_CASE("as-of keeps only each place's latest report, shaded by its age") {
    std::vector<TimeItem> items = {item({2015, 8, 1}, 7), item({2015, 9, 10}, 7), item({2015, 9, 1}, 8)};
    auto v = evaluate(items, {TimeMode::AsOf, day(2015, 9, 10), 30});
    CHECK(v[0] == 0);      // superseded by the later report at the same place
    CHECK(v[1] == 1.f);    // current
    CHECK(v[2] > 0.25f);   // nine days old: still shown, a little faded
    CHECK(v[2] < 1.f);
    auto later = evaluate(items, {TimeMode::AsOf, day(2016, 9, 10), 30});
    CHECK(later[1] == doctest::Approx(0.25f));  // carried forward, fully aged
    CHECK(evaluate(items, {TimeMode::AsOf, day(2015, 8, 15), 30}) == std::vector<float>{1.f - 0.75f * 14 / 30.f, 0, 0});
    CHECK(extent(items) == std::pair{day(2015, 8, 1), day(2015, 9, 10)});
}
