#include "ui/review.h"

#include <set>

#include "ui/viewer.h"

namespace cmap::ui {
namespace {

using model::Correction;

// One edit over keys: the history records once, each mention's decision is made by decide (from
// its earlier one, if any), rules go in for the surfaces when asked, then the map re-derives.
template <class Decide>
void decideAll(Viewer& v, std::span<const MentionKey> keys, bool always, Decide decide) {
    if (keys.empty()) return;
    v.recordEdit();
    model::Workspace& ws = v.session.workspace;
    std::set<std::string> surfaces;
    for (const MentionKey& k : keys) {
        if (k.article >= v.session.articles.size()) continue;
        const ArticleSource& a = *v.session.articles[k.article];
        if (k.mention >= a.raw.mentions.size()) continue;
        const model::Mention& m = a.raw.mentions[k.mention];
        const Correction* before = model::findCorrection(ws.corrections, a.key, m.range);
        Correction c = before ? *before : Correction{a.key, m.range, Correction::Action::Accept, std::nullopt, m.text, std::nullopt};
        c.text = m.text;
        decide(c);
        model::setCorrection(ws.corrections, c);
        if (always && surfaces.insert(m.text).second) {
            Correction rule = c;
            rule.date.reset();  // a date belongs to a report, not to a spelling
            model::setRule(ws.always, std::move(rule));
        }
    }
    v.correctionsChanged();
}

}  // namespace

void markNotAPlace(Viewer& v, std::span<const MentionKey> keys, bool always) {
    decideAll(v, keys, always, [](Correction& c) {
        c.action = Correction::Action::NotAPlace;
        c.place.reset();
    });
}

void resolveMentions(Viewer& v, std::span<const MentionKey> keys, const model::ResolvedPlace& place, bool always) {
    decideAll(v, keys, always, [&](Correction& c) {
        c.action = Correction::Action::Place;
        c.place = place;
    });
}

void acceptMentions(Viewer& v, std::span<const MentionKey> keys, bool always) {
    decideAll(v, keys, always, [](Correction& c) {
        if (c.action == Correction::Action::NotAPlace) c.action = Correction::Action::Accept;
    });
}

void dateMentions(Viewer& v, std::span<const MentionKey> keys, std::optional<model::DateRange> date) {
    decideAll(v, keys, false, [&](Correction& c) { c.date = date; });
}

void clearDecisions(Viewer& v, std::span<const MentionKey> keys) {
    if (keys.empty()) return;
    v.recordEdit();
    model::Workspace& ws = v.session.workspace;
    for (const MentionKey& k : keys) {
        if (k.article >= v.session.articles.size()) continue;
        const ArticleSource& a = *v.session.articles[k.article];
        if (k.mention >= a.raw.mentions.size()) continue;
        const model::Mention& m = a.raw.mentions[k.mention];
        model::clearCorrection(ws.corrections, a.key, m.range);
        model::clearRule(ws.always, m.text);
    }
    v.correctionsChanged();
}

std::optional<size_t> shownIndex(const Viewer& v, MentionKey key) {
    const auto& corrected = v.session.content->corrected;
    if (key.article >= corrected.size()) return std::nullopt;
    const auto& shown = corrected[key.article].shown;
    if (key.mention >= shown.size() || shown[key.mention] == model::kDropped) return std::nullopt;
    return shown[key.mention];
}

std::optional<MentionKey> rawKey(const Viewer& v, size_t document, size_t shownMention) {
    const auto& corrected = v.session.content->corrected;
    if (document >= corrected.size() || shownMention >= corrected[document].raw.size()) return std::nullopt;
    return MentionKey{document, corrected[document].raw[shownMention]};
}

void selectMention(Viewer& v, MentionKey key, bool fly) {
    v.articles.selected = key.article;
    v.articles.focus = scene::MentionRef{key.article, key.mention};
    v.articles.scrollToFocus = true;
    MentionsPanel& p = v.mentions;
    if (std::find(p.selection.begin(), p.selection.end(), key) == p.selection.end()) p.selection = {key};
    p.cursor = key;
    p.scrollToCursor = true;
    if (!fly) return;
    if (auto i = shownIndex(v, key)) flyToMention(v, scene::MentionRef{key.article, *i});
}

std::optional<model::DateRange> parseDateRange(const std::string& text) {
    auto trim = [](std::string s) {
        while (!s.empty() && s.front() == ' ') s.erase(s.begin());
        while (!s.empty() && s.back() == ' ') s.pop_back();
        return s;
    };
    std::string t = trim(text);
    size_t cut = t.find(" to ");
    size_t skip = 4;
    if (cut == std::string::npos) cut = t.find('/'), skip = 1;
    if (cut == std::string::npos) {
        auto d = model::Date::parse(t);
        if (!d) return std::nullopt;
        return model::DateRange::of(*d);
    }
    auto a = model::Date::parse(trim(t.substr(0, cut))), b = model::Date::parse(trim(t.substr(cut + skip)));
    if (!a || !b) return std::nullopt;
    return model::DateRange::span(a->firstDay(), b->lastDay());
}

}  // namespace cmap::ui
