#include "core/model/document.h"

namespace cmap::model {

ResolvedPlace resolvedPlace(const geo::Gazetteer& gazetteer, uint32_t id) {
    const geo::Place& p = gazetteer.place(id);
    ResolvedPlace r;
    r.name = gazetteer.name(id);
    r.kind = p.kind;
    r.country = p.countryCode();
    r.point = p.point;
    r.box = p.bbox();
    r.geonameid = p.geonameid;
    r.layer = p.layer;
    r.feature = p.feature;
    r.gazetteerId = id;
    return r;
}

std::vector<uint32_t> keepMentions(Document& doc, const std::vector<uint8_t>& keep) {
    const size_t n = doc.mentions.size();
    std::vector<uint32_t> index(n, kDropped);
    std::vector<Mention> kept;
    kept.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        if (!keep[i]) continue;
        index[i] = static_cast<uint32_t>(kept.size());
        kept.push_back(std::move(doc.mentions[i]));
    }
    const bool all = kept.size() == n;
    doc.mentions = std::move(kept);
    if (all) return index;
    // Event mention lists refer to positions in doc.mentions.
    for (Event& e : doc.events) {
        std::vector<uint32_t> ms;
        for (uint32_t i : e.mentions)
            if (i < n && index[i] != kDropped) ms.push_back(index[i]);
        e.mentions = std::move(ms);
    }
    return index;
}

void dropMentionsBelow(Document& doc, double minConfidence) {
    if (minConfidence <= 0) return;
    std::vector<uint8_t> keep(doc.mentions.size());
    for (size_t i = 0; i < keep.size(); ++i) keep[i] = doc.mentions[i].confidence >= minConfidence;
    keepMentions(doc, keep);
}

std::string_view roleName(MentionRole r) { return r == MentionRole::Dateline ? "dateline" : "text"; }

std::string_view categoryName(EventCategory c) {
    switch (c) {
    case EventCategory::Deployment: return "deployment";
    case EventCategory::Base: return "base";
    case EventCategory::Airstrike: return "airstrike";
    case EventCategory::Attack: return "attack";
    case EventCategory::Meeting: return "meeting";
    case EventCategory::Statement: return "statement";
    case EventCategory::Other: return "other";
    }
    return "other";
}

std::optional<EventCategory> parseCategory(std::string_view name) {
    for (size_t c = 0; c < kEventCategoryCount; ++c)
        if (name == categoryName(static_cast<EventCategory>(c))) return static_cast<EventCategory>(c);
    return std::nullopt;
}

}  // namespace cmap::model
