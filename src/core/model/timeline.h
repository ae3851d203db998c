#pragma once
// Which dated items the map shows at a timeline position, and how strongly. Items carry the
// day interval their date covers ([firstDay, lastDay]: a month-precision report spans its
// month), so partial dates are never pinned to an invented day.
#include <cstdint>
#include <vector>

namespace cmap::model {

enum class TimeMode : uint8_t {
    Cumulative,  ///< everything that has started by t
    Window,      ///< what overlaps [t - window, t], older fading out
    AsOf,        ///< per key (a place), only its latest report at or before t, shaded by age
};

struct TimeItem {
    int firstDay = 0;  ///< days since 1970-01-01
    int lastDay = 0;
    uint32_t key = 0;  ///< groups items for AsOf (the place they are at)
};

struct TimeQuery {
    TimeMode mode = TimeMode::Cumulative;
    int day = 0;          ///< the timeline position t
    int windowDays = 30;  ///< for Window (and the age scale of AsOf)
    friend bool operator==(const TimeQuery&, const TimeQuery&) = default;
};

/// Opacity in [0, 1] for each item, 0 = hidden. Window: 1 while the item overlaps t, fading
/// linearly to 0 at t - window. AsOf: only the latest report per key shows, from 1 (current)
/// down to 0.25 (a window or more old), because an old report is still the last word.
/// Linear in the number of items; throws nothing.
std::vector<float> evaluate(const std::vector<TimeItem>& items, const TimeQuery& q);

/// The day range [first, last] all items span; {0, -1} when there are none.
std::pair<int, int> extent(const std::vector<TimeItem>& items);

}  // namespace cmap::model
