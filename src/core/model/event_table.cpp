#include "core/model/event_table.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <unordered_map>

namespace cmap::model {

std::string_view timePrecisionName(EventTimePrecision p) {
    switch (p) {
    case EventTimePrecision::Day: return "day";
    case EventTimePrecision::Week: return "week";
    case EventTimePrecision::Month: return "month";
    case EventTimePrecision::Year: return "year";
    }
    return "day";
}

std::string_view geoPrecisionName(EventGeoPrecision p) {
    switch (p) {
    case EventGeoPrecision::Unknown: return "unknown";
    case EventGeoPrecision::Exact: return "exact";
    case EventGeoPrecision::Near: return "near";
    case EventGeoPrecision::Region: return "region";
    }
    return "unknown";
}

float eventOpacity(int first, int last, int superseded, const TimeQuery& q) {
    const int w = std::max(1, q.windowDays);
    if (first > q.day) return 0.f;
    switch (q.mode) {
    case TimeMode::Cumulative: return 1.f;
    case TimeMode::Window: {
        if (last < q.day - w) return 0.f;
        int age = std::max(0, q.day - last);
        return 1.f - static_cast<float>(age) / static_cast<float>(w + 1);
    }
    case TimeMode::AsOf: {
        if (superseded <= q.day) return 0.f;
        int age = std::max(0, q.day - last);
        return 1.f - 0.75f * std::min(1.f, static_cast<float>(age) / static_cast<float>(w));
    }
    }
    return 0.f;
}

size_t EventTable::startedBy(int day) const {
    return static_cast<size_t>(std::upper_bound(firstDay.begin(), firstDay.end(), day) - firstDay.begin());
}

std::pair<size_t, size_t> EventTable::candidates(const TimeQuery& q) const {
    size_t end = startedBy(q.day);
    if (q.mode != TimeMode::Window) return {0, end};
    // An event that ended before t - w started before t - w - maxSpanDays.
    long from = static_cast<long>(q.day) - std::max(1, q.windowDays) - maxSpanDays;
    auto begin = std::lower_bound(firstDay.begin(), firstDay.begin() + static_cast<long>(end), from);
    return {static_cast<size_t>(begin - firstDay.begin()), end};
}

float EventTable::opacity(size_t i, const TimeQuery& q) const {
    return eventOpacity(firstDay[i], lastDay[i], supersededDay[i], q);
}

std::pair<int, int> EventTable::extent() const {
    if (firstDay.empty()) return {0, -1};
    return {firstDay.front(), *std::max_element(lastDay.begin(), lastDay.end())};
}

EventTable EventTable::build(std::string path, std::vector<EventRow> rows, std::vector<std::string> sources) {
    std::stable_sort(rows.begin(), rows.end(), [](const EventRow& a, const EventRow& b) { return a.firstDay < b.firstDay; });
    EventTable t;
    t.path = std::move(path);
    t.sources = std::move(sources);
    const size_t n = rows.size();
    t.lon.resize(n), t.lat.resize(n), t.firstDay.resize(n), t.lastDay.resize(n), t.supersededDay.resize(n, INT_MAX);
    t.time.resize(n), t.geo.resize(n), t.category.resize(n), t.source.resize(n);
    // Walking backwards, the last report seen at a place is the next one in time.
    std::unordered_map<uint64_t, int32_t> nextAt;
    nextAt.reserve(n / 4);
    for (size_t k = n; k-- > 0;) {
        const EventRow& r = rows[k];
        t.lon[k] = r.lon, t.lat[k] = r.lat, t.firstDay[k] = r.firstDay, t.lastDay[k] = r.lastDay;
        t.time[k] = r.time, t.geo[k] = r.geo, t.category[k] = r.category, t.source[k] = r.source;
        t.maxSpanDays = std::max(t.maxSpanDays, r.lastDay - r.firstDay);
        ++t.perCategory[static_cast<size_t>(r.category) % kEventCategoryCount];
        uint32_t bx, by;
        std::memcpy(&bx, &r.lon, 4);
        std::memcpy(&by, &r.lat, 4);
        auto [it, inserted] = nextAt.try_emplace((uint64_t{bx} << 32) | by, r.firstDay);
        if (!inserted) {
            t.supersededDay[k] = it->second;
            it->second = r.firstDay;
        }
    }
    // Percentiles of an even sample: a million events need no full sort for a view box.
    const size_t step = std::max<size_t>(1, n / 20000);
    std::vector<float> xs, ys;
    for (size_t i = 0; i < n; i += step) xs.push_back(t.lon[i]), ys.push_back(t.lat[i]);
    auto percentile = [](std::vector<float>& v, double q) {
        auto k = v.begin() + static_cast<long>(q * static_cast<double>(v.size() - 1));
        std::nth_element(v.begin(), k, v.end());
        return static_cast<double>(*k);
    };
    if (!xs.empty()) {
        t.focus.extend(geo::LonLat{percentile(xs, 0.01), percentile(ys, 0.01)});
        t.focus.extend(geo::LonLat{percentile(xs, 0.99), percentile(ys, 0.99)});
    }
    return t;
}

}  // namespace cmap::model
