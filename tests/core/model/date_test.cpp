#include <doctest/doctest.h>

#include "core/model/date.h"

using cmap::model::Date;
using cmap::model::Precision;

TEST_CASE("Date::parse accepts exactly YYYY, YYYY-MM and YYYY-MM-DD") {
    CHECK(Date::parse("2015") == Date{2015, 0, 0});
    CHECK(Date::parse("2015-09") == Date{2015, 9, 0});
    CHECK(Date::parse("2015-09-15") == Date{2015, 9, 15});
    CHECK(Date::parse("2016-02-29") == Date{2016, 2, 29});
    CHECK(Date::parse("2000-02-29") == Date{2000, 2, 29});

    for (const char* bad : {"", "15", "2015-9", "2015-9-1", "2015-09-1", "2015/09/15", "15-09-2015", "2015-09-15x",
                            " 2015", "2015-13", "2015-00", "2015-09-00", "2015-02-30", "2015-04-31", "1900-02-29",
                            "2015-02-29", "20a5", "2015-09-15T00:00"}) {
        CAPTURE(bad);
        CHECK_FALSE(Date::parse(bad));
    }
}

TEST_CASE("Date precision and ISO text follow the known parts") {
    CHECK(Date{2015, 0, 0}.precision() == Precision::Year);
    CHECK(Date{2015, 9, 0}.precision() == Precision::Month);
    CHECK(Date{2015, 9, 15}.precision() == Precision::Day);
    CHECK(Date{2015, 0, 0}.iso() == "2015");
    CHECK(Date{2015, 9, 0}.iso() == "2015-09");
    CHECK(Date{2015, 9, 5}.iso() == "2015-09-05");
    CHECK(Date{812, 1, 2}.iso() == "0812-01-02");
    for (const char* s : {"2015", "2015-09", "2015-09-15", "1917-11-07"}) CHECK(Date::parse(s)->iso() == s);

    CHECK(Date{2015, 9, 15}.truncated(Precision::Month) == Date{2015, 9, 0});
    CHECK(Date{2015, 9, 15}.truncated(Precision::Year) == Date{2015, 0, 0});
    CHECK(Date{2015, 0, 0}.truncated(Precision::Day) == Date{2015, 0, 0});  // never made finer
}

TEST_CASE("Date intervals cover all the days of a month or a year") {
    CHECK(cmap::model::daysFromCivil(1970, 1, 1) == 0);
    CHECK(cmap::model::daysFromCivil(1969, 12, 31) == -1);
    CHECK(cmap::model::daysFromCivil(2000, 3, 1) == 11017);

    const Date day{2015, 9, 15};
    CHECK(day.firstDay() == day.lastDay());

    const Date feb2016{2016, 2, 0};
    CHECK(feb2016.lastDay() - feb2016.firstDay() + 1 == 29);
    CHECK(Date::fromDays(feb2016.firstDay()) == Date{2016, 2, 1});
    CHECK(Date::fromDays(feb2016.lastDay()) == Date{2016, 2, 29});

    const Date y2015{2015, 0, 0};
    CHECK(y2015.lastDay() - y2015.firstDay() + 1 == 365);
    CHECK(Date::fromDays(y2015.firstDay()) == Date{2015, 1, 1});
    CHECK(Date::fromDays(y2015.lastDay()) == Date{2015, 12, 31});
    CHECK(Date{2016, 0, 0}.lastDay() - Date{2016, 0, 0}.firstDay() + 1 == 366);
}

TEST_CASE("fromDays inverts daysFromCivil over three millennia") {
    int previous = cmap::model::daysFromCivil(1000, 1, 1) - 1;
    Date prevDate = Date::fromDays(previous);
    for (int d = previous + 1; d <= cmap::model::daysFromCivil(3000, 12, 31); d += 13) {
        const Date x = Date::fromDays(d);
        REQUIRE(x.valid());
        REQUIRE(cmap::model::daysFromCivil(x.year, x.month, x.day) == d);
        REQUIRE(prevDate < x);
        prevDate = x;
    }
    // Every day of a leap year, one by one.
    for (int d = Date{2016, 0, 0}.firstDay(); d <= Date{2016, 0, 0}.lastDay(); ++d) {
        const Date x = Date::fromDays(d);
        REQUIRE(x.firstDay() == d);
    }
}

TEST_CASE("weekdayOf counts from Monday") {
    CHECK(cmap::model::weekdayOf(0) == 3);  // 1970-01-01, a Thursday
    CHECK(cmap::model::weekdayOf(Date{2015, 9, 28}.firstDay()) == 0);
    CHECK(cmap::model::weekdayOf(Date{2015, 9, 30}.firstDay()) == 2);
    CHECK(cmap::model::weekdayOf(Date{1969, 12, 28}.firstDay()) == 6);  // negative day counts
}

TEST_CASE("Dates order by year, month, day with a coarse date first") {
    CHECK(Date{2015, 0, 0} < Date{2015, 1, 0});
    CHECK(Date{2015, 1, 0} < Date{2015, 1, 1});
    CHECK(Date{2015, 12, 31} < Date{2016, 0, 0});
    CHECK(Date{2015, 9, 15} == Date{2015, 9, 15});
    CHECK(Date{2015, 9, 15} != Date{2015, 9, 0});
}

TEST_CASE("Date::valid rejects impossible parts") {
    CHECK(Date{2015, 2, 28}.valid());
    CHECK_FALSE(Date{2015, 2, 29}.valid());
    CHECK_FALSE(Date{2015, 13, 0}.valid());
    CHECK_FALSE(Date{2015, 0, 5}.valid());  // a day without a month
    CHECK_FALSE(Date{2015, 6, 31}.valid());
    CHECK_FALSE(Date{-1, 0, 0}.valid());
}

TEST_CASE("a DateRange of a calendar date covers its days at its precision") {
    using cmap::model::DateRange;
    using cmap::model::Precision;
    const DateRange month = DateRange::of({2015, 9, 0});
    CHECK(month.first == Date{2015, 9, 1}.firstDay());
    CHECK(month.last == Date{2015, 9, 30}.firstDay());
    CHECK(month.precision == Precision::Month);
    CHECK(month.iso() == "2015-09");
    CHECK(month.valid());
    CHECK(DateRange::of({2015, 9, 15}).iso() == "2015-09-15");
    CHECK(DateRange::of({2015, 0, 0}).iso() == "2015");
    CHECK(DateRange::of({2015, 0, 0}).date() == Date{2015, 0, 0});
}

TEST_CASE("a DateRange's one date is the finest calendar unit that holds it all") {
    using cmap::model::DateRange;
    using cmap::model::Precision;
    auto day = [](int y, int m, int d) { return Date{y, m, d}.firstDay(); };
    // A span inside one month is that month; across months the year; across years the first year.
    CHECK(DateRange::span(day(2015, 10, 3), day(2015, 10, 5)).iso() == "2015-10");
    CHECK(DateRange::span(day(2015, 3, 1), day(2015, 5, 31)).iso() == "2015");
    CHECK(DateRange::span(day(2011, 1, 1), day(2015, 9, 30)).iso() == "2011");
    // Given in reverse, the ends are swapped rather than making an empty range.
    CHECK(DateRange::span(day(2015, 10, 5), day(2015, 10, 3)).first == day(2015, 10, 3));
    // Weeks run Monday to Sunday; one inside a month is that month, one across two is the year.
    const DateRange week = DateRange::weekOf(day(2015, 9, 24));
    CHECK(week.firstIso() == "2015-09-21");
    CHECK(week.lastIso() == "2015-09-27");
    CHECK(week.iso() == "2015-09");
    CHECK(DateRange::weekOf(day(2015, 10, 1)).iso() == "2015");
    CHECK(DateRange::weekOf(day(2015, 9, 21)) == week);
    CHECK(DateRange::weekOf(day(2015, 9, 27)) == week);
    // A decade is ten calendar years from the one ending in 0.
    const DateRange nineties = DateRange::decadeOf(1994);
    CHECK(nineties.firstIso() == "1990-01-01");
    CHECK(nineties.lastIso() == "1999-12-31");
    CHECK(nineties.iso() == "1990");
    CHECK(nineties.label() == "the 1990s");
    CHECK(week.label() == "week of 2015-09-21");
    CHECK(DateRange::span(day(2015, 10, 3), day(2015, 10, 5)).label() == "2015-10-03 to 2015-10-05");
    CHECK(DateRange::of({2015, 9, 0}).label() == "2015-09");
}

TEST_CASE("DateRange::valid checks the days against the precision") {
    using cmap::model::DateRange;
    using cmap::model::Precision;
    auto day = [](int y, int m, int d) { return Date{y, m, d}.firstDay(); };
    CHECK(DateRange{day(2015, 9, 21), day(2015, 9, 27), Precision::Week}.valid());
    CHECK_FALSE(DateRange{day(2015, 9, 22), day(2015, 9, 28), Precision::Week}.valid());  // not from a Monday
    CHECK_FALSE(DateRange{day(2015, 9, 1), day(2015, 9, 29), Precision::Month}.valid());
    CHECK(DateRange{day(2016, 2, 1), day(2016, 2, 29), Precision::Month}.valid());
    CHECK_FALSE(DateRange{day(2015, 9, 2), day(2015, 9, 1), Precision::Span}.valid());  // ends reversed
    CHECK_FALSE(DateRange{day(2015, 9, 1), day(2015, 9, 2), Precision::Day}.valid());
    CHECK(DateRange{day(2015, 1, 1), day(2015, 12, 31), Precision::Year}.valid());
    CHECK_FALSE(DateRange{day(1991, 1, 1), day(2000, 12, 31), Precision::Decade}.valid());
    CHECK_FALSE(DateRange{day(2015, 1, 1), day(10000, 1, 1), Precision::Span}.valid());
}

TEST_CASE("precision names read back") {
    using cmap::model::Precision;
    for (Precision p : {Precision::Day, Precision::Week, Precision::Month, Precision::Year, Precision::Decade, Precision::Span})
        CHECK(cmap::model::precisionFromName(cmap::model::precisionName(p)) == p);
    CHECK_FALSE(cmap::model::precisionFromName("fortnight"));
}
