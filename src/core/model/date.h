#pragma once
// A calendar date that is only as precise as its evidence: a year, a month of a year, or a day.
// The design rule is never to invent precision: "in 2015" stays a year, so that timeline queries
// can treat it as the interval of all its days instead of pretending it was January 1st.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace cmap::model {

enum class Precision { Day, Month, Year };

/// "day", "month" or "year". Throws nothing.
std::string_view precisionName(Precision p);

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

}  // namespace cmap::model
