#include "core/model/date.h"

#include <cstdio>

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
    case Precision::Month: return "month";
    case Precision::Year: return "year";
    }
    return "year";
}

Precision Date::precision() const {
    if (day != 0) return Precision::Day;
    if (month != 0) return Precision::Month;
    return Precision::Year;
}

std::string Date::iso() const {
    if (valid()) {  // digits by hand: snprintf was a visible share of writing geoparse JSON
        std::string out;
        auto put = [&out](int v, int topUnit) {  // zero-padded: topUnit 1000 gives 4 digits
            for (int unit = topUnit; unit > 0; unit /= 10) out.push_back(static_cast<char>('0' + v / unit % 10));
        };
        put(year, 1000);
        if (month) out.push_back('-'), put(month, 10);
        if (day) out.push_back('-'), put(day, 10);
        return out;
    }
    char buf[32];
    switch (precision()) {
    case Precision::Day: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day); break;
    case Precision::Month: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); break;
    case Precision::Year: std::snprintf(buf, sizeof buf, "%04d", year); break;
    }
    return buf;
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
    if (p == Precision::Year) d.month = 0;
    if (p != Precision::Day) d.day = 0;
    return d;
}

}  // namespace cmap::model
