#include "core/model/corrections.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

namespace cmap::model {
namespace {

Decision decisionOf(Correction::Action a) {
    switch (a) {
    case Correction::Action::NotAPlace: return Decision::NotAPlace;
    case Correction::Action::Place: return Decision::Place;
    case Correction::Action::Accept: return Decision::Accept;
    }
    return Decision::None;
}

// The raw mention each of the file's decisions stands for, or -1: exact ranges first (so a
// moved decision never takes a mention another decision names exactly), then the nearest free
// mention with the same words.
std::vector<std::pair<const Correction*, size_t>> matchDecisions(const Document& doc,
                                                                 const std::vector<Correction>& corrections) {
    std::vector<std::pair<const Correction*, size_t>> out;
    std::vector<const Correction*> moved;
    std::vector<uint8_t> taken(doc.mentions.size(), 0);
    for (const Correction& c : corrections) {
        if (c.file != doc.file) continue;
        auto it = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), c.range.start,
                                   [](const Mention& m, uint32_t start) { return m.range.start < start; });
        bool exact = it != doc.mentions.end() && it->range == c.range && (c.text.empty() || it->text == c.text);
        if (exact) {
            size_t i = static_cast<size_t>(it - doc.mentions.begin());
            taken[i] = 1;
            out.emplace_back(&c, i);
        } else if (!c.text.empty()) {
            moved.push_back(&c);
        }
    }
    for (const Correction* c : moved) {
        size_t best = doc.mentions.size();
        int64_t bestDistance = INT64_MAX;
        for (size_t i = 0; i < doc.mentions.size(); ++i) {
            if (taken[i] || doc.mentions[i].text != c->text) continue;
            int64_t d = std::llabs(static_cast<int64_t>(doc.mentions[i].range.start) - c->range.start);
            if (d < bestDistance) best = i, bestDistance = d;
        }
        if (best == doc.mentions.size()) continue;  // the words are gone from the article
        taken[best] = 1;
        out.emplace_back(c, best);
    }
    return out;
}

void apply(Document& doc, size_t i, const Correction& c) {
    Mention& m = doc.mentions[i];
    if (c.action == Correction::Action::Place && c.place) m.place = *c.place;
    if (c.date) {
        m.date = c.date;
        // The date is the analyst's reading of the sentence: its event (and what exports and the
        // timeline show of it) takes it too.
        if (m.event < doc.events.size()) doc.events[m.event].date = c.date;
    }
    m.confidence = 1;  // the analyst decided: no threshold hides it
}

}  // namespace

CorrectionIndex applyCorrections(Document& doc, const std::vector<Correction>& corrections,
                                 const std::vector<Correction>& always) {
    const size_t n = doc.mentions.size();
    CorrectionIndex index;
    index.decision.assign(n, Decision::None);
    index.byRule.assign(n, 0);
    for (const auto& [c, i] : matchDecisions(doc, corrections)) {
        index.decision[i] = decisionOf(c->action);
        if (c->action != Correction::Action::NotAPlace) apply(doc, i, *c);
    }
    if (!always.empty()) {
        std::unordered_map<std::string_view, const Correction*> rules;
        for (const Correction& r : always) rules.emplace(r.text, &r);
        for (size_t i = 0; i < n; ++i) {
            if (index.decision[i] != Decision::None) continue;
            auto it = rules.find(doc.mentions[i].text);
            if (it == rules.end()) continue;
            index.decision[i] = decisionOf(it->second->action);
            index.byRule[i] = 1;
            if (it->second->action != Correction::Action::NotAPlace) apply(doc, i, *it->second);
        }
    }
    std::vector<uint8_t> keep(n);
    // A dateline is context for the text, not a place where something happened: never on the map.
    for (size_t i = 0; i < n; ++i)
        keep[i] = index.decision[i] != Decision::NotAPlace && doc.mentions[i].role != MentionRole::Dateline;
    index.shown = keepMentions(doc, keep);
    for (size_t i = 0; i < n; ++i)
        if (keep[i]) index.raw.push_back(static_cast<uint32_t>(i));
    return index;
}

void setCorrection(std::vector<Correction>& corrections, Correction c) {
    auto it = std::find_if(corrections.begin(), corrections.end(),
                           [&](const Correction& o) { return o.file == c.file && o.range == c.range; });
    if (it != corrections.end()) *it = std::move(c);
    else corrections.push_back(std::move(c));
}

bool clearCorrection(std::vector<Correction>& corrections, std::string_view file, ByteRange range) {
    return std::erase_if(corrections, [&](const Correction& o) { return o.file == file && o.range == range; }) > 0;
}

const Correction* findCorrection(const std::vector<Correction>& corrections, std::string_view file, ByteRange range) {
    for (const auto& c : corrections)
        if (c.file == file && c.range == range) return &c;
    return nullptr;
}

void setRule(std::vector<Correction>& always, Correction rule) {
    rule.file.clear();
    rule.range = {};
    auto it = std::find_if(always.begin(), always.end(), [&](const Correction& o) { return o.text == rule.text; });
    if (it != always.end()) *it = std::move(rule);
    else always.push_back(std::move(rule));
}

bool clearRule(std::vector<Correction>& always, std::string_view text) {
    return std::erase_if(always, [&](const Correction& o) { return o.text == text; }) > 0;
}

const Correction* findRule(const std::vector<Correction>& always, std::string_view text) {
    for (const auto& r : always)
        if (r.text == text) return &r;
    return nullptr;
}

ResolvedPlace handPlaced(std::string name, geo::LonLat p) {
    ResolvedPlace r;
    r.name = std::move(name);
    r.kind = geo::PlaceKind::City;
    r.point = p;
    r.box.extend(p);
    // Not a gazetteer entry: a marker only, never an area to look up polygons for.
    r.layer = geo::Layer::Places;
    r.gazetteerId = ~0u;
    return r;
}

std::string describePlace(const ResolvedPlace& p) {
    std::string s = p.name + " (" + std::string(geo::kindName(p.kind));
    if (!p.country.empty()) s += ", " + p.country;
    return s + ")";
}

}  // namespace cmap::model
