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

namespace {

// Column v in the order of `order` (v[order[0]], v[order[1]], ...), exactly sized: one column
// is copied at a time, so sorting needs room for one column and the order, not a second table.
template <class T>
void permute(std::vector<T>& v, const std::vector<uint32_t>& order) {
    std::vector<T> sorted(order.size());
    for (size_t i = 0; i < order.size(); ++i) sorted[i] = v[order[i]];
    v.swap(sorted);
}

}  // namespace

void EventTable::Builder::reserve(size_t n) {
    t_.lon.reserve(n), t_.lat.reserve(n), t_.firstDay.reserve(n), t_.lastDay.reserve(n);
    t_.time.reserve(n), t_.geo.reserve(n), t_.category.reserve(n), t_.source.reserve(n);
}

void EventTable::Builder::add(const EventRow& r) {
    t_.lon.push_back(r.lon), t_.lat.push_back(r.lat), t_.firstDay.push_back(r.firstDay), t_.lastDay.push_back(r.lastDay);
    t_.time.push_back(r.time), t_.geo.push_back(r.geo), t_.category.push_back(r.category), t_.source.push_back(r.source);
}

EventTable EventTable::build(std::string path, const std::vector<EventRow>& rows, std::vector<std::string> sources) {
    Builder b;
    b.reserve(rows.size());
    for (const EventRow& r : rows) b.add(r);
    return std::move(b).build(std::move(path), std::move(sources));
}

EventTable EventTable::Builder::build(std::string file, std::vector<std::string> sourceNames) && {
    EventTable t = std::move(t_);
    t.path = std::move(file);
    t.sources = std::move(sourceNames);
    const size_t n = t.size();
    if (std::is_sorted(t.firstDay.begin(), t.firstDay.end())) {
        // Columns grown row by row hold up to twice their rows.
        t.lon.shrink_to_fit(), t.lat.shrink_to_fit(), t.firstDay.shrink_to_fit(), t.lastDay.shrink_to_fit();
        t.time.shrink_to_fit(), t.geo.shrink_to_fit(), t.category.shrink_to_fit(), t.source.shrink_to_fit();
    } else {
        std::vector<uint32_t> order(n);
        std::iota(order.begin(), order.end(), uint32_t{0});
        std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return t.firstDay[a] < t.firstDay[b]; });
        permute(t.lon, order), permute(t.lat, order), permute(t.firstDay, order), permute(t.lastDay, order);
        permute(t.time, order), permute(t.geo, order), permute(t.category, order), permute(t.source, order);
    }
    t.supersededDay.assign(n, INT_MAX);
    // Walking backwards, the last report seen at a place is the next one in time.
    std::unordered_map<uint64_t, int32_t> nextAt;
    nextAt.reserve(n / 4);
    for (size_t k = n; k-- > 0;) {
        t.maxSpanDays = std::max(t.maxSpanDays, t.lastDay[k] - t.firstDay[k]);
        ++t.perCategory[static_cast<size_t>(t.category[k]) % kEventCategoryCount];
        uint32_t bx, by;
        std::memcpy(&bx, &t.lon[k], 4);
        std::memcpy(&by, &t.lat[k], 4);
        auto [it, inserted] = nextAt.try_emplace((uint64_t{bx} << 32) | by, t.firstDay[k]);
        if (!inserted) {
            t.supersededDay[k] = it->second;
            it->second = t.firstDay[k];
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
