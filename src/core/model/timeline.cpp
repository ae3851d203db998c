#include "core/model/timeline.h"

#include <algorithm>
#include <unordered_map>

namespace cmap::model {

std::vector<float> evaluate(const std::vector<TimeItem>& items, const TimeQuery& q) {
    std::vector<float> out(items.size(), 0.f);
    const int w = std::max(1, q.windowDays);
    switch (q.mode) {
    case TimeMode::Cumulative:
        for (size_t i = 0; i < items.size(); ++i) out[i] = items[i].firstDay <= q.day ? 1.f : 0.f;
        break;
    case TimeMode::Window:
        for (size_t i = 0; i < items.size(); ++i) {
            const TimeItem& it = items[i];
            if (it.firstDay > q.day || it.lastDay < q.day - w) continue;
            int age = std::max(0, q.day - it.lastDay);  // 0 while the item's interval contains t
            out[i] = 1.f - static_cast<float>(age) / static_cast<float>(w + 1);
        }
        break;
    case TimeMode::AsOf: {
        // Latest start at or before t per key; ties go to the later item in input order.
        std::unordered_map<uint32_t, size_t> latest;
        for (size_t i = 0; i < items.size(); ++i) {
            if (items[i].firstDay > q.day) continue;
            auto [it, inserted] = latest.try_emplace(items[i].key, i);
            if (!inserted && items[it->second].firstDay <= items[i].firstDay) it->second = i;
        }
        for (const auto& [key, i] : latest) {
            int age = std::max(0, q.day - items[i].lastDay);
            float fade = std::min(1.f, static_cast<float>(age) / static_cast<float>(w));
            out[i] = 1.f - 0.75f * fade;
        }
        break;
    }
    }
    return out;
}

std::pair<int, int> extent(const std::vector<TimeItem>& items) {
    if (items.empty()) return {0, -1};
    int lo = items[0].firstDay, hi = items[0].lastDay;
    for (const auto& it : items) lo = std::min(lo, it.firstDay), hi = std::max(hi, it.lastDay);
    return {lo, hi};
}

}  // namespace cmap::model
