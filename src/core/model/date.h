#pragma once
// A calendar date that is only as precise as its evidence: a year, a month of a year, or a day;
// and what a text says about when something happened, which may be a week, a decade or any
// span of days ("between 3 and 5 October"). The design rule is never to invent precision: "in
// 2015" stays a year, so that timeline queries can treat it as the interval of all its days
// instead of pretending it was January 1st.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cmap::model {

/// How precisely a date was stated. A calendar Date is only ever Day, Month or Year; a DateRange
/// may also be a Monday-to-Sunday Week, a Decade ("the 1990s") or a Span of days that is none
/// of those units ("between 3 and 5 October", "since 2011").
enum class Precision : uint8_t { Day, Week, Month, Year, Decade, Span };

/// "day", "week", "month", "year", "decade" or "span". Throws nothing.
std::string_view precisionName(Precision p);
/// The precision a name of precisionName() stands for; nullopt for any other text. Throws nothing.
std::optional<Precision> precisionFromName(std::string_view name);

/// Days since 1970-01-01 of a proleptic Gregorian date (negative before 1970). Throws nothing.
int daysFromCivil(int year, int month, int day);

struct Date;
/// The day-precision date of a day count from daysFromCivil (its inverse). Throws nothing.
Date civilFromDays(int days);

/// Whether year is a Gregorian leap year. Throws nothing.
bool isLeapYear(int year);
/// Days in month 1..12 of year (0 for a month out of range). Throws nothing.
int daysInMonth(int year, int month);
/// Day of the week of a day count: 0 = Monday ... 6 = Sunday (ISO order). Throws nothing.
int weekdayOf(int days);

struct Date {
    int year = 0;
    int month = 0;  ///< 1..12, 0 when only the year is known
    int day = 0;    ///< 1..31, 0 when the day is not known (month must then be known or 0)

    /// Day when a day is known, else Month when a month is known, else Year. Throws nothing.
    Precision precision() const;
    /// "2015", "2015-09" or "2015-09-15" (year zero-padded to 4 digits). Throws nothing.
    std::string iso() const;
    /// iso() appended to out, with no string of its own. Throws nothing but std::bad_alloc.
    void appendIso(std::string& out) const;
    /// Whether the parts form a real date: month 0..12, day 0..length of month, no day without a
    /// month, year 0..9999. Throws nothing.
    bool valid() const;
    /// Exactly YYYY, YYYY-MM or YYYY-MM-DD naming a real date; nullopt otherwise. Throws nothing.
    static std::optional<Date> parse(std::string_view text);
    /// First day covered, as days since 1970-01-01 (a year starts on Jan 1). Throws nothing.
    int firstDay() const;
    /// Last day covered, as days since 1970-01-01 (a month ends on its last day). Throws nothing.
    int lastDay() const;
    /// The day-precision date of a day count since 1970-01-01. Throws nothing.
    static Date fromDays(int days) { return civilFromDays(days); }
    /// The same date cut down to a coarser precision (never made finer). Throws nothing.
    Date truncated(Precision p) const;

    // Lexicographic on (year, month, day); an unknown part (0) sorts before every known one,
    // so "2015" < "2015-01" < "2015-01-01": a coarse date sorts before the dates it contains.
    friend auto operator<=>(const Date&, const Date&) = default;
    friend bool operator==(const Date&, const Date&) = default;
};

/// When something happened, as far as the text says: the inclusive days [first, last] it falls
/// in and how the text put it. "last week" is the Monday to Sunday before publication (Week),
/// "in the 1990s" 1990-01-01..1999-12-31 (Decade), "since 2011" 2011-01-01 up to the
/// publication day (Span). Mentions, events and corrections carry one.
struct DateRange {
    int first = 0;  ///< days since 1970-01-01
    int last = 0;   ///< days since 1970-01-01, inclusive (first for one day)
    Precision precision = Precision::Day;

    /// The days a calendar date covers at its own precision: "2015-09" is all of September.
    /// Throws nothing.
    static DateRange of(const Date& d) { return {d.firstDay(), d.lastDay(), d.precision()}; }
    /// The Monday-to-Sunday week that holds day. Throws nothing.
    static DateRange weekOf(int day);
    /// The ten years from the one ending in 0 ("the 1990s" for 1990..1999) that hold year.
    /// Throws nothing.
    static DateRange decadeOf(int year);
    /// The days [first, last] (swapped when given in reverse), precision Span (Day for one day).
    /// Throws nothing.
    static DateRange span(int first, int last);

    /// The one calendar date that stands for the range where a field holds one (`date` in the
    /// JSON and exports): the finest of day, month or year that holds every day of it; when no
    /// year does (a decade, a span across New Year), its first day's year. So "between 3 and 5
    /// October 2015" is "2015-10", "last week" in the last days of September is "2015-09" or,
    /// straddling two months, "2015", and "the 1990s" is "1990". Throws nothing.
    Date date() const;
    /// date().iso(). Throws nothing.
    std::string iso() const { return date().iso(); }
    /// The first and last days as YYYY-MM-DD. Throws nothing.
    std::string firstIso() const { return Date::fromDays(first).iso(); }
    std::string lastIso() const { return Date::fromDays(last).iso(); }
    /// For people: "2015-09-29", "2015-09", "2015", "the 1990s", "week of 2015-09-21",
    /// "2015-10-03 to 2015-10-05". Throws nothing.
    std::string label() const;
    /// Whether first <= last, both days lie in years 0..9999, and the days are what the precision
    /// says: one day; a Monday to the next Sunday; a whole calendar month, year or decade.
    /// Throws nothing.
    bool valid() const;
    /// Whether day lies in [first, last]. Throws nothing.
    bool contains(int day) const { return first <= day && day <= last; }

    friend bool operator==(const DateRange&, const DateRange&) = default;
};

}  // namespace cmap::model
