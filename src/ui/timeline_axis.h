#pragma once
// The timeline's date axis as plain math: which ticks to label at a zoom level, how zooming
// about the pointer moves the visible range, and the histogram of dated events. No ImGui here,
// so the axis is tested without a window.
#include <string>
#include <vector>

#include "core/model/timeline.h"

namespace cmap::ui {

/// The visible part of the axis, in days since 1970-01-01 (fractional while zooming).
struct DayRange {
    double first = 0;
    double last = 1;
    double span() const { return last - first; }
    /// Pixel x of a day on an axis of width px starting at x0.
    double toX(double day, double x0, double width) const { return x0 + (day - first) / span() * width; }
    double toDay(double x, double x0, double width) const { return first + (x - x0) / width * span(); }
};

enum class TickUnit { Day, Month, Year };

struct Tick {
    int day = 0;         ///< where it stands
    std::string label;   ///< "15 Sep", "Sep 2015", "2015"
    bool major = false;  ///< a year (or month on day ticks) boundary: drawn longer
};

/// Ticks for the visible range on an axis width pixels wide, at the finest step (1, 2, 7 days;
/// 1, 3, 6 months; 1, 2, 5, 10, 25, 50, 100 years) whose labels stay minSpacingPx apart.
std::vector<Tick> axisTicks(const DayRange& range, double widthPx, double minSpacingPx = 80);

/// The range zoomed by factor (> 1 zooms in) keeping anchorDay still, its span clamped to
/// [minSpan, maxSpan] days. "Zoomable to days": the default minimum span is 3 days.
DayRange zoomRange(const DayRange& range, double factor, double anchorDay, double minSpan = 3,
                   double maxSpan = 366.0 * 200);

/// The range showing [firstDay, lastDay] with a margin of 4% each side (at least 2 days), so the
/// first and last events are not glued to the panel's edges.
DayRange rangeForExtent(int firstDay, int lastDay);

/// Counts of day-precision items (firstDay == lastDay) in bins equal parts of range; longer
/// items (month or year precision) are drawn as spans, not counted in one bin.
std::vector<int> histogram(const std::vector<model::TimeItem>& items, const DayRange& range, int bins);

/// "15 Sep 2015" for a day count.
std::string dayLabel(int day);

}  // namespace cmap::ui
