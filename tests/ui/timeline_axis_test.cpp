#include <doctest/doctest.h>

#include "core/model/date.h"
#include "ui/timeline_axis.h"
#include "ui/timeline_panel.h"

using namespace cmap;

namespace {
int day(int y, int m, int d) { return model::daysFromCivil(y, m, d); }
}  // namespace

TEST_CASE("axis ticks: years over a decade, months over a season, days when zoomed in") {
    ui::DayRange decade{static_cast<double>(day(2005, 1, 1)), static_cast<double>(day(2015, 12, 31))};
    auto years = ui::axisTicks(decade, 800, 70);
    REQUIRE(!years.empty());
    CHECK(years.front().label == "2005");
    for (const auto& t : years) CHECK(model::Date::fromDays(t.day).month == 1);

    ui::DayRange autumn{static_cast<double>(day(2015, 8, 20)), static_cast<double>(day(2015, 12, 10))};
    auto months = ui::axisTicks(autumn, 800, 70);
    REQUIRE(months.size() == 4);
    CHECK(months[0].label == "Sep 2015");
    CHECK(months[0].day == day(2015, 9, 1));

    ui::DayRange week{static_cast<double>(day(2015, 9, 27)), static_cast<double>(day(2015, 10, 3))};
    auto days = ui::axisTicks(week, 800, 70);
    REQUIRE(days.size() == 7);
    CHECK(days[0].label == "27 Sep");
    CHECK(days[4].major);  // 1 Oct starts a month

    // Labels never crowd: ticks stay at least the spacing apart on screen.
    for (auto r : {decade, autumn, week}) {
        auto ticks = ui::axisTicks(r, 800, 70);
        for (size_t i = 1; i < ticks.size(); ++i)
            CHECK(r.toX(ticks[i].day, 0, 800) - r.toX(ticks[i - 1].day, 0, 800) >= 70 * 0.9);
    }
}

TEST_CASE("timeline zoom keeps the day under the pointer and stops at a few days") {
    ui::DayRange r{0, 1000};
    auto z = ui::zoomRange(r, 4, 200);
    CHECK(z.span() == doctest::Approx(250));
    CHECK((200 - z.first) / z.span() == doctest::Approx(0.2));
    for (int i = 0; i < 20; ++i) z = ui::zoomRange(z, 4, 200);
    CHECK(z.span() == doctest::Approx(3));
}

TEST_CASE("histogram counts day events in their bin; month events are spans, not counts") {
    ui::DayRange r{0, 100};
    std::vector<model::TimeItem> items{{10, 10, 0}, {12, 12, 0}, {95, 95, 0}, {0, 29, 0}, {150, 150, 0}};
    auto h = ui::histogram(items, r, 10);
    CHECK(h[1] == 2);
    CHECK(h[9] == 1);
    CHECK(h[0] == 0);
    int total = 0;
    for (int c : h) total += c;
    CHECK(total == 3);
}

TEST_CASE("play runs over the zoomed range at a speed that fits it, the axis following; any day can be shown") {
    ui::TimelinePanel t;
    t.extentFirst = 100;
    t.extentLast = 2000;
    t.range = ui::DayRange{500, 620};  // zoomed in on 120 days of 1,900
    t.day = 50;                         // outside: play starts at the range's start
    t.play();
    CHECK(t.playing);
    CHECK(t.day == 500);
    CHECK(t.speed == doctest::Approx(120 / ui::TimelinePanel::kPlaySeconds));
    CHECK(t.advance(6));
    CHECK(t.day == doctest::Approx(560));
    t.advance(5.9);  // near the axis's end: the axis moves on with the date
    CHECK(t.range->first > 500);
    CHECK(t.range->last >= t.day);
    t.advance(10);
    CHECK(t.day == 620);  // stops where the range it played ended
    CHECK_FALSE(t.playing);
    t.togglePlay();
    CHECK(t.playing);
    t.togglePlay();
    CHECK_FALSE(t.playing);

    // Past the last report, to today and beyond: as-of ageing needs days without data.
    t.step(2000);
    CHECK(t.day > t.extentLast);
    t.goTo(ui::today());
    CHECK(t.day == ui::today());
    CHECK(t.range->first <= t.day);
    CHECK(t.range->last >= t.day);
    REQUIRE(t.query());
    CHECK(t.query()->day == ui::today());
    t.goTo(1e9);  // beyond year 9999: the last day there is
    CHECK(cmap::model::Date::fromDays(static_cast<int>(t.day)).year == 9999);
    t.showAll = true;
    CHECK_FALSE(t.query());
}

TEST_CASE("fitting the axis to the data keeps a chosen date outside it, and shows it") {
    ui::TimelinePanel t;
    t.showAll = false;
    t.day = 2100;  // a workspace saved "as of" a day after its last report
    t.fitTo(100, 2000);
    CHECK(t.day == 2100);
    CHECK(t.range->first <= 100);
    CHECK(t.range->last >= 2100);
    ui::TimelinePanel all;
    all.day = 2100;
    all.fitTo(100, 2000);
    CHECK(all.day == 2000);
}
