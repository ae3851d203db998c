#include "ui/session.h"

#include <algorithm>

namespace cmap::ui {

void Session::rebuildContent() {
    content = scene::makeMapContent(geodata.get(), true, articles, overlays, events, workspace.corrections, workspace.always);
    ++revision;
}

const ArticleSource* Session::article(std::string_view key) const {
    for (const auto& a : articles)
        if (a->key == key) return a.get();
    return nullptr;
}

std::vector<model::TimeItem> eventItems(const scene::MapContent& content) {
    std::vector<model::TimeItem> items;
    for (const auto& doc : content.documents)
        for (const auto& e : doc->events)
            if (e.date) items.push_back({e.date->first, e.date->last, 0});
    return items;
}

std::pair<int, int> contentExtent(const scene::MapContent& content) {
    std::vector<model::TimeItem> items = eventItems(content);
    for (const auto& e : content.events)
        if (auto [first, last] = e->extent(); last >= first) items.push_back({first, last, 0});
    return model::extent(items);
}

uint32_t textOffsetOf(const text::DecodedText& decoded, uint32_t fileOffset) {
    if (decoded.identity())
        return fileOffset < decoded.sourceBase ? 0
                                               : std::min<uint32_t>(fileOffset - decoded.sourceBase,
                                                                    static_cast<uint32_t>(decoded.text.size()));
    auto it = std::lower_bound(decoded.toSource.begin(), decoded.toSource.end(), fileOffset);
    return static_cast<uint32_t>(std::min<size_t>(static_cast<size_t>(it - decoded.toSource.begin()), decoded.text.size()));
}

}  // namespace cmap::ui
