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
