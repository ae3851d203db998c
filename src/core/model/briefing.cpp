#include "core/model/briefing.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <system_error>

#include "core/assets.h"
#include "core/error.h"
#include "core/model/json_reader.h"
#include "core/text/article.h"
#include "core/text/geoparse.h"

namespace cmap::model {
namespace {

using geo::PlaceKind;

// The built-in briefing is data (assets/briefings/syria-2015.json): the facts as we wrote them
// from reading the three seed articles, and the slides that tell the story. A mistake in it is a
// defect of the build: builtinBriefing throws std::logic_error naming the field, and every test
// that draws the briefing would fail.
constexpr std::string_view kBuiltinBriefing = "briefings/syria-2015.json";

template <class T>
T checked(std::optional<T> v, const std::string& where) {
    if (!v) throw std::logic_error(std::string(kBuiltinBriefing) + ": " + where + ": not understood");
    return *v;
}

Briefing readBriefing(std::string_view text) {
    const JsonReader r{std::string(kBuiltinBriefing)};
    const nlohmann::json j = nlohmann::json::parse(text);
    auto optionalStr = [&](const nlohmann::json& o, const char* key, const std::string& where) {
        return o.contains(key) ? std::optional<std::string>(r.str(o[key], where + "." + key)) : std::nullopt;
    };
    Briefing b;
    b.title = r.str(r.field(j, "title", ""), "title");
    const nlohmann::json& sources = r.field(j, "sources", "");
    for (size_t i = 0; i < sources.size(); ++i) {
        const nlohmann::json& o = sources[i];
        const std::string where = "sources[" + std::to_string(i) + "]";
        BriefingSource src;
        src.file = r.str(r.field(o, "file", where), where + ".file");
        src.title = optionalStr(o, "title", where);
        src.source = optionalStr(o, "source", where);
        src.author = optionalStr(o, "author", where);
        if (o.contains("published")) src.published = r.date(o["published"], where + ".published");
        b.sources.push_back(std::move(src));
    }
    const nlohmann::json& facts = r.field(j, "facts", "");
    for (size_t i = 0; i < facts.size(); ++i) {
        const nlohmann::json& o = facts[i];
        const std::string where = "facts[" + std::to_string(i) + "]";
        BriefingFact f;
        f.place = r.str(r.field(o, "place", where), where + ".place");
        f.kind = checked(geo::parseKind(r.str(r.field(o, "kind", where), where + ".kind")), where + ".kind");
        f.country = r.str(r.field(o, "country", where), where + ".country");
        const nlohmann::json& point = r.field(o, "point", where);
        f.point = {r.num(point.at(0), where + ".point[0]", -180, 180), r.num(point.at(1), where + ".point[1]", -90, 90)};
        if (o.contains("box")) {
            const nlohmann::json& box = o["box"];
            f.box = {r.num(box.at(0), where + ".box[0]", -180, 180), r.num(box.at(1), where + ".box[1]", -90, 90),
                     r.num(box.at(2), where + ".box[2]", -180, 180), r.num(box.at(3), where + ".box[3]", -90, 90)};
        }
        f.date = checked(r.date(r.field(o, "date", where), where + ".date"), where + ".date");
        f.category = checked(parseCategory(r.str(r.field(o, "category", where), where + ".category")),
                             where + ".category");
        f.summary = r.str(r.field(o, "summary", where), where + ".summary");
        for (const nlohmann::json& s : r.field(o, "sources", where)) {
            const auto index = static_cast<size_t>(r.num(s, where + ".sources", 0, double(b.sources.size() - 1)));
            f.sources.push_back(index);
        }
        b.facts.push_back(std::move(f));
    }
    b.slides = readSlides(r.field(j, "slides", ""), r);
    return b;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
}

// The gazetteer's entry for a fact: the best-ranked candidate of the fact's kind and country.
std::optional<ResolvedPlace> resolve(const BriefingFact& fact, const geo::Gazetteer& gazetteer) {
    for (const geo::Candidate& c : gazetteer.lookup(fact.place, 50)) {
        const geo::Place& p = gazetteer.place(c.place);
        if (p.kind != fact.kind) continue;
        if (!fact.country.empty() && p.countryCode() != fact.country) continue;
        return resolvedPlace(gazetteer, c.place);
    }
    return std::nullopt;
}

ResolvedPlace fromFact(const BriefingFact& fact) {
    ResolvedPlace r;
    r.name = fact.place;
    r.kind = fact.kind;
    r.country = fact.country;
    r.point = fact.point;
    r.box = fact.box;
    if (r.box.empty()) r.box.extend(fact.point);
    // No gazetteer: no polygon to point at. Areas still draw, at their point (map_scene.h).
    r.layer = fact.kind == PlaceKind::Poi ? geo::Layer::Facilities : geo::Layer::Places;
    return r;
}

bool overlaps(const std::optional<DateRange>& a, const DateRange& b) { return a && a->first <= b.last && b.first <= a->last; }

// The mention in a geoparsed article that reports the same thing as a fact: the same gazetteer
// place (or, for a facility, a place within 30 km: articles name the town, not the quay), dated
// like the fact where possible, else the first one.
const Mention* findSupport(const Document& parsed, const Mention& fact, const DateRange& date) {
    const Mention* best = nullptr;
    int bestScore = 0;
    for (const Mention& m : parsed.mentions) {
        int score = 0;
        if (lower(m.place.name) == lower(fact.place.name) && m.place.kind == fact.place.kind) {
            score = m.place.gazetteerId == fact.place.gazetteerId ? 4 : 3;
        } else if (fact.place.kind == PlaceKind::Poi && geo::haversineKm(m.place.point, fact.place.point) < 30 &&
                   (m.place.kind == PlaceKind::City || m.place.kind == PlaceKind::Poi)) {
            score = 2;
        }
        if (score == 0) continue;
        if (overlaps(m.date, date)) score += 4;
        if (score > bestScore) best = &m, bestScore = score;
    }
    return best;
}

// Points each mention of a linked document at the sentence that supports it.
void linkSentences(BriefingDocument& bd, const text::Article& article, const geo::Gazetteer& gazetteer) {
    Document parsed = text::geoparse(article, gazetteer);
    for (Event& e : bd.document.events) {
        for (uint32_t mi : e.mentions) {
            Mention& m = bd.document.mentions[mi];
            const Mention* support = findSupport(parsed, m, e.date.value_or(DateRange::of(Date{})));
            if (!support) continue;
            m.range = support->range;
            m.text = support->text;
            m.sentence = support->sentence;
            e.sentence = support->sentence;
        }
    }
}

}  // namespace

const Briefing& builtinBriefing() {
    static const Briefing briefing = [] {
        try {
            return readBriefing(assets::get(kBuiltinBriefing));
        } catch (const DataError& e) {
            throw std::logic_error(e.what());
        } catch (const nlohmann::json::exception& e) {
            throw std::logic_error(std::string(kBuiltinBriefing) + ": " + e.what());
        }
    }();
    return briefing;
}

std::vector<BriefingDocument> briefingDocuments(const Briefing& briefing, const geo::Gazetteer* gazetteer,
                                                const std::filesystem::path& corpusDir) {
    std::vector<BriefingDocument> out;
    for (size_t s = 0; s < briefing.sources.size(); ++s) {
        const BriefingSource& src = briefing.sources[s];
        BriefingDocument bd;
        bd.source = s;
        Document& doc = bd.document;
        doc.file = src.file;
        doc.meta = {src.title, src.source, src.author, src.published};
        for (const BriefingFact& fact : briefing.facts) {
            if (std::find(fact.sources.begin(), fact.sources.end(), s) == fact.sources.end()) continue;
            Mention m;
            std::optional<ResolvedPlace> resolved = gazetteer ? resolve(fact, *gazetteer) : std::nullopt;
            m.place = resolved ? std::move(*resolved) : fromFact(fact);
            m.text = m.place.name;
            m.confidence = 1;  // written by hand, not guessed
            m.date = DateRange::of(fact.date);
            m.event = static_cast<uint32_t>(doc.events.size());
            Event e;
            e.date = m.date;
            e.category = fact.category;
            e.mentions.push_back(static_cast<uint32_t>(doc.mentions.size()));
            doc.mentions.push_back(std::move(m));
            doc.events.push_back(std::move(e));
            bd.summaries.push_back(fact.summary);
        }
        std::error_code ec;
        std::filesystem::path file = corpusDir.empty() ? std::filesystem::path{} : corpusDir / src.file;
        if (!file.empty() && std::filesystem::is_regular_file(file, ec)) {
            try {
                bd.article = text::loadArticle(file);
                if (gazetteer) linkSentences(bd, *bd.article, *gazetteer);
                bd.linked = file;
                doc.file = file.string();
            } catch (const Error& e) {
                // The facts stand without the article; say why it is not linked.
                doc.warnings.push_back(e.what());
                bd.article.reset();
            }
        }
        out.push_back(std::move(bd));
    }
    return out;
}

}  // namespace cmap::model
