#include "ui/timeline_axis.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/model/date.h"

namespace cmap::ui {
namespace {

constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct Step {
    TickUnit unit;
    int count;
    double approxDays;
};

constexpr std::array<Step, 14> kSteps{{{TickUnit::Day, 1, 1},
                                       {TickUnit::Day, 2, 2},
                                       {TickUnit::Day, 7, 7},
                                       {TickUnit::Month, 1, 30.44},
                                       {TickUnit::Month, 3, 91.3},
                                       {TickUnit::Month, 6, 182.6},
                                       {TickUnit::Year, 1, 365.25},
                                       {TickUnit::Year, 2, 730.5},
                                       {TickUnit::Year, 5, 1826},
                                       {TickUnit::Year, 10, 3652},
                                       {TickUnit::Year, 25, 9131},
                                       {TickUnit::Year, 50, 18262},
                                       {TickUnit::Year, 100, 36525},
                                       {TickUnit::Year, 1000, 365250}}};

// Tick labels are coarse enough to be read at a glance: the finer the step, the more of the
// date they leave to the neighbouring major tick.
std::string label(const model::Date& d, TickUnit unit) {
    switch (unit) {
        case TickUnit::Day: return std::to_string(d.day) + " " + kMonths[static_cast<size_t>(d.month - 1)];
        case TickUnit::Month: return std::string(kMonths[static_cast<size_t>(d.month - 1)]) + " " + std::to_string(d.year);
        case TickUnit::Year: break;
    }
    return std::to_string(d.year);
}

}  // namespace

std::string dayLabel(int day) {
    model::Date d = model::Date::fromDays(day);
    return std::to_string(d.day) + " " + kMonths[static_cast<size_t>(d.month - 1)] + " " + std::to_string(d.year);
}

std::vector<Tick> axisTicks(const DayRange& range, double widthPx, double minSpacingPx) {
    std::vector<Tick> ticks;
    if (!(range.span() > 0) || !(widthPx > 0)) return ticks;
    double pxPerDay = widthPx / range.span();
    const Step* step = &kSteps.back();
    for (const Step& s : kSteps) {
        if (s.approxDays * pxPerDay >= minSpacingPx) {
            step = &s;
            break;
        }
    }
    int first = static_cast<int>(std::floor(range.first));
    int last = static_cast<int>(std::ceil(range.last));
    model::Date d = model::Date::fromDays(first);
    switch (step->unit) {
        case TickUnit::Day: {
            // Weekly ticks fall on Mondays; daily ones on every (or every other) day.
            int day = first;
            if (step->count == 7) day += (7 - model::weekdayOf(day)) % 7;
            else if (step->count == 2 && (day & 1)) ++day;
            for (; day <= last; day += step->count) {
                model::Date t = model::Date::fromDays(day);
                ticks.push_back({day, label(t, TickUnit::Day), t.day == 1});
            }
            break;
        }
        case TickUnit::Month: {
            int month0 = d.year * 12 + (d.month - 1);  // months since year 0
            month0 += (step->count - month0 % step->count) % step->count;
            for (int m = month0;; m += step->count) {
                int day = model::daysFromCivil(m / 12, m % 12 + 1, 1);
                if (day > last) break;
                if (day < first) continue;
                ticks.push_back({day, label(model::Date{m / 12, m % 12 + 1, 1}, TickUnit::Month), m % 12 == 0});
            }
            break;
        }
        case TickUnit::Year: {
            int year = d.year + (step->count - ((d.year % step->count) + step->count) % step->count) % step->count;
            for (;; year += step->count) {
                int day = model::daysFromCivil(year, 1, 1);
                if (day > last) break;
                if (day < first) continue;
                ticks.push_back({day, std::to_string(year), year % (step->count * 5) == 0});
            }
            break;
        }
    }
    return ticks;
}

DayRange zoomRange(const DayRange& range, double factor, double anchorDay, double minSpan, double maxSpan) {
    double span = std::clamp(range.span() / factor, minSpan, maxSpan);
    double t = range.span() > 0 ? (anchorDay - range.first) / range.span() : 0.5;
    DayRange out;
    out.first = anchorDay - t * span;
    out.last = out.first + span;
    return out;
}

DayRange rangeForExtent(int firstDay, int lastDay) {
    if (lastDay < firstDay) std::swap(firstDay, lastDay);
    double margin = std::max(2.0, 0.04 * (lastDay - firstDay));
    return {firstDay - margin, lastDay + 1 + margin};
}

std::vector<int> histogram(const std::vector<model::TimeItem>& items, const DayRange& range, int bins) {
    std::vector<int> counts(static_cast<size_t>(std::max(bins, 0)), 0);
    if (bins <= 0 || !(range.span() > 0)) return counts;
    for (const model::TimeItem& it : items) {
        if (it.firstDay != it.lastDay) continue;
        double f = (it.firstDay + 0.5 - range.first) / range.span();
        if (f < 0 || f >= 1) continue;
        ++counts[static_cast<size_t>(std::min(bins - 1, static_cast<int>(f * bins)))];
    }
    return counts;
}

}  // namespace cmap::ui
