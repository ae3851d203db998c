#include "ui/mention_rows.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "ui/session.h"

namespace cmap::ui {
namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string titleOf(const model::Document& d) {
    return d.meta.title ? *d.meta.title : std::filesystem::path(d.file).filename().string();
}

// The sentence's words from the decoded text, on one line.
std::string sentenceOf(const ArticleSource& a, const model::Mention& m) {
    const std::string& text = a.decoded.text;
    if (text.empty()) return {};
    uint32_t s = textOffsetOf(a.decoded, m.sentence.start), e = textOffsetOf(a.decoded, m.sentence.end);
    std::string out = text.substr(s, e > s ? e - s : 0);
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

}  // namespace

std::string elide(const std::string& text, size_t maxChars) {
    size_t chars = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (chars++ == maxChars) return text.substr(0, i) + "\u2026";
    }
    return text;
}

std::vector<MentionRow> mentionRows(const Session& session) {
    std::vector<MentionRow> rows;
    const scene::MapContent& content = *session.content;
    for (size_t a = 0; a < session.articles.size() && a < content.documents.size(); ++a) {
        const ArticleSource& src = *session.articles[a];
        const model::Document& shown = *content.documents[a];
        const model::CorrectionIndex* index = a < content.corrected.size() ? &content.corrected[a] : nullptr;
        const std::string title = titleOf(src.raw);
        for (size_t m = 0; m < src.raw.mentions.size(); ++m) {
            const model::Mention& raw = src.raw.mentions[m];
            MentionRow r;
            r.key = {a, m};
            r.surface = raw.text;
            r.article = title;
            r.sentence = elide(sentenceOf(src, raw), 160);
            const uint32_t at = index && m < index->shown.size() ? index->shown[m] : static_cast<uint32_t>(m);
            if (index && m < index->decision.size()) {
                r.decision = index->decision[m];
                r.byRule = index->byRule[m] != 0;
            }
            const model::Mention& now = at < shown.mentions.size() ? shown.mentions[at] : raw;
            if (at == model::kDropped && raw.role == model::MentionRole::Dateline &&
                r.decision != model::Decision::NotAPlace) {
                // Context for the text, never on the map (see model::MentionRole).
                r.place = raw.place.name + " (dateline)";
                r.kind = std::string(geo::kindName(raw.place.kind));
                r.country = raw.place.country;
            } else if (at == model::kDropped) {
                r.place = "not a place";
            } else {
                r.place = now.place.name;
                r.kind = std::string(geo::kindName(now.place.kind));
                r.country = now.place.country;
            }
            r.confidence = now.confidence;
            r.date = now.date;
            rows.push_back(std::move(r));
        }
    }
    return rows;
}

std::vector<MentionRow> filterRows(const std::vector<MentionRow>& rows, const MentionFilter& f) {
    const std::string needle = lower(f.text);
    std::vector<MentionRow> out;
    for (const MentionRow& r : rows) {
        if (f.article && r.key.article != *f.article) continue;
        if (!f.kind.empty() && r.kind != f.kind) continue;
        if (r.confidence < f.minConfidence || r.confidence > f.maxConfidence) continue;
        if (f.fromDay || f.toDay) {
            if (!r.date) continue;
            if (f.fromDay && r.date->last < *f.fromDay) continue;
            if (f.toDay && r.date->first > *f.toDay) continue;
        }
        if (!needle.empty() && lower(r.surface).find(needle) == std::string::npos &&
            lower(r.place).find(needle) == std::string::npos)
            continue;
        out.push_back(r);
    }
    return out;
}

void sortRows(std::vector<MentionRow>& rows, MentionColumn column, bool ascending) {
    auto less = [column](const MentionRow& a, const MentionRow& b) {
        switch (column) {
        case MentionColumn::Surface: return lower(a.surface) < lower(b.surface);
        case MentionColumn::Place: return lower(a.place) < lower(b.place);
        case MentionColumn::Kind: return a.kind < b.kind;
        case MentionColumn::Country: return a.country < b.country;
        case MentionColumn::Confidence: return a.confidence < b.confidence;
        case MentionColumn::Date: {
            // Undated last; then by first day, the coarser (longer) first.
            if (!a.date || !b.date) return a.date.has_value() && !b.date.has_value();
            return std::pair(a.date->first, -a.date->last) < std::pair(b.date->first, -b.date->last);
        }
        case MentionColumn::Article: return a.article < b.article;
        case MentionColumn::Sentence: return a.sentence < b.sentence;
        }
        return false;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const MentionRow& a, const MentionRow& b) {
        if (less(a, b)) return ascending;
        if (less(b, a)) return !ascending;
        return a.key < b.key;
    });
}

std::vector<MentionRow> groupRows(const std::vector<MentionRow>& rows) {
    std::vector<MentionRow> out;
    std::map<std::string, size_t> bySurface;
    for (const MentionRow& r : rows) {
        auto [it, fresh] = bySurface.try_emplace(r.surface, out.size());
        if (fresh) {
            out.push_back(r);
            out.back().count = 0;
        }
        MentionRow& g = out[it->second];
        ++g.count;
        g.members.push_back(r.key);
    }
    return out;
}

}  // namespace cmap::ui
