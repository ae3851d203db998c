#include "core/model/date.h"

#include <cstdio>
#include <utility>

namespace cmap::model {

namespace {

int floorDiv(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

// Days in the proleptic Gregorian years 1 .. y-1 (years before year 1 count negatively), so that
// daysBeforeYear(1) = 0.
int daysBeforeYear(int year) {
    const int y = year - 1;
    return 365 * y + floorDiv(y, 4) - floorDiv(y, 100) + floorDiv(y, 400);
}

constexpr int kCumulative[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
constexpr int kEpochOffset = 719162;  // daysBeforeYear(1970): 0001-01-01 .. 1969-12-31

}  // namespace

int daysFromCivil(int year, int month, int day) {
    const int leap = month > 2 && isLeapYear(year) ? 1 : 0;
    return daysBeforeYear(year) + kCumulative[month - 1] + leap + day - 1 - kEpochOffset;
}

Date civilFromDays(int days) {
    const int ordinal = days + kEpochOffset;  // days since 0001-01-01
    // 146097 days per 400 years gives a guess that is at most one year off either way.
    int year = static_cast<int>(static_cast<long long>(ordinal) * 400 / 146097) + 1;
    while (daysBeforeYear(year) > ordinal) --year;
    while (daysBeforeYear(year + 1) <= ordinal) ++year;
    int rest = ordinal - daysBeforeYear(year);  // 0-based day of the year
    int month = 1;
    while (month < 12 && rest >= daysInMonth(year, month)) rest -= daysInMonth(year, month++);
    return Date{year, month, rest + 1};
}

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
    static constexpr int kLengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && isLeapYear(year) ? 29 : kLengths[month - 1];
}

int weekdayOf(int days) {
    // 1970-01-01 was a Thursday (ISO index 3).
    const int w = (days + 3) % 7;
    return w < 0 ? w + 7 : w;
}

std::string_view precisionName(Precision p) {
    switch (p) {
    case Precision::Day: return "day";
    case Precision::Week: return "week";
    case Precision::Month: return "month";
    case Precision::Year: return "year";
    case Precision::Decade: return "decade";
    case Precision::Span: return "span";
    }
    return "span";
}

std::optional<Precision> precisionFromName(std::string_view name) {
    for (Precision p : {Precision::Day, Precision::Week, Precision::Month, Precision::Year, Precision::Decade, Precision::Span})
        if (precisionName(p) == name) return p;
    return std::nullopt;
}

Precision Date::precision() const {
    if (day != 0) return Precision::Day;
    if (month != 0) return Precision::Month;
    return Precision::Year;
}

std::string Date::iso() const {
    std::string out;
    appendIso(out);
    return out;
}

void Date::appendIso(std::string& out) const {
    if (valid()) {  // digits by hand: snprintf was a visible share of writing geoparse JSON
        auto put = [&out](int v, int topUnit) {  // zero-padded: topUnit 1000 gives 4 digits
            for (int unit = topUnit; unit > 0; unit /= 10) out.push_back(static_cast<char>('0' + v / unit % 10));
        };
        put(year, 1000);
        if (month) out.push_back('-'), put(month, 10);
        if (day) out.push_back('-'), put(day, 10);
        return;
    }
    char buf[32];
    if (day) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    else if (month) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    else std::snprintf(buf, sizeof buf, "%04d", year);
    out += buf;
}

bool Date::valid() const {
    if (year < 0 || year > 9999) return false;
    if (month < 0 || month > 12) return false;
    if (month == 0) return day == 0;
    return day >= 0 && day <= daysInMonth(year, month);
}

std::optional<Date> Date::parse(std::string_view text) {
    auto digits = [&](size_t pos, size_t n) -> int {
        if (pos + n > text.size()) return -1;
        int v = 0;
        for (size_t i = pos; i < pos + n; ++i) {
            const char c = text[i];
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    };
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
    Date d;
    d.year = digits(0, 4);
    if (d.year < 0) return std::nullopt;
    if (text.size() >= 7) {
        if (text[4] != '-') return std::nullopt;
        d.month = digits(5, 2);
        if (d.month < 1) return std::nullopt;
    }
    if (text.size() == 10) {
        if (text[7] != '-') return std::nullopt;
        d.day = digits(8, 2);
        if (d.day < 1) return std::nullopt;
    }
    if (!d.valid()) return std::nullopt;
    return d;
}

int Date::firstDay() const { return daysFromCivil(year, month == 0 ? 1 : month, day == 0 ? 1 : day); }

int Date::lastDay() const {
    if (month == 0) return daysFromCivil(year, 12, 31);
    if (day == 0) return daysFromCivil(year, month, daysInMonth(year, month));
    return daysFromCivil(year, month, day);
}

Date Date::truncated(Precision p) const {
    Date d = *this;
    if (p != Precision::Day && p != Precision::Week && p != Precision::Month) d.month = 0;
    if (p != Precision::Day) d.day = 0;
    return d;
}

DateRange DateRange::weekOf(int day) {
    const int monday = day - weekdayOf(day);
    return {monday, monday + 6, Precision::Week};
}

DateRange DateRange::decadeOf(int year) {
    const int start = year - (year % 10 + 10) % 10;
    return {daysFromCivil(start, 1, 1), daysFromCivil(start + 9, 12, 31), Precision::Decade};
}

DateRange DateRange::span(int first, int last) {
    if (last < first) std::swap(first, last);
    return {first, last, first == last ? Precision::Day : Precision::Span};
}

Date DateRange::date() const {
    const Date a = Date::fromDays(first), b = Date::fromDays(last);
    if (first == last) return a;
    if (a.year != b.year) return Date{a.year, 0, 0};
    if (a.month != b.month) return Date{a.year, 0, 0};
    return Date{a.year, a.month, 0};
}

std::string DateRange::label() const {
    switch (precision) {
    case Precision::Day:
    case Precision::Month:
    case Precision::Year: return date().iso();
    case Precision::Week: return "week of " + firstIso();
    case Precision::Decade: return "the " + std::to_string(Date::fromDays(first).year) + "s";
    case Precision::Span: break;
    }
    return firstIso() + " to " + lastIso();
}

bool DateRange::valid() const {
    // The years a Date can write (0..9999).
    if (first > last || first < daysFromCivil(0, 1, 1) || last > daysFromCivil(9999, 12, 31)) return false;
    const Date a = Date::fromDays(first), b = Date::fromDays(last);
    switch (precision) {
    case Precision::Day: return first == last;
    case Precision::Week: return weekdayOf(first) == 0 && last == first + 6;
    case Precision::Month: return a.day == 1 && a.year == b.year && a.month == b.month && b.day == daysInMonth(b.year, b.month);
    case Precision::Year: return a.month == 1 && a.day == 1 && b.year == a.year && b.month == 12 && b.day == 31;
    case Precision::Decade: return *this == decadeOf(a.year);
    case Precision::Span: return true;
    }
    return false;
}

}  // namespace cmap::model
