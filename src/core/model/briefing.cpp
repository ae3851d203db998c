#include "core/model/briefing.h"

#include <algorithm>
#include <system_error>

#include "core/error.h"
#include "core/text/article.h"
#include "core/text/geoparse.h"

namespace cmap::model {
namespace {

using geo::PlaceKind;

Date day(int y, int m, int d) { return Date{y, m, d}; }
Date month(int y, int m) { return Date{y, m, 0}; }
Date year(int y) { return Date{y, 0, 0}; }

geo::BBox box(double minLon, double minLat, double maxLon, double maxLat) { return {minLon, minLat, maxLon, maxLat}; }

// Three views that tell the story: where the build-up is, why Moscow cares (the North Caucasus and
// Central Asia), and that the alliance is old. Views are centre and metres per pixel in the
// projection fitted to the briefing (empty), so every slide flies to the next without a jump.
std::vector<Slide> makeSlides() {
    // Framed on the export's default size; another screen or image size shows the same areas.
    constexpr double kFramedWidth = 1600, kFramedHeight = 1000;
    auto slide = [](std::string title, std::string notes, double lon, double lat, double scale, Date date) {
        Slide s;
        s.title = std::move(title);
        s.notes = std::move(notes);
        s.view = {"", lon, lat, scale, kFramedWidth, kFramedHeight};
        s.timeline = {TimeMode::Cumulative, date, 30};
        return s;
    };
    return {
        slide("The build-up at Latakia and Tartus, September 2015",
              "Hmeimim airport south of Latakia is being turned into a Russian air base; jets, helicopters, air "
              "defences and troops arrive. Tartus, 60 km down the coast, is Russia's existing naval supply point.",
              36.2, 35.05, 190, day(2015, 9, 30)),
        slide("The wider region: the North Caucasus and Central Asia",
              "Moscow's stated worry: IS recruits from Chechnya, the North Caucasus and Central Asia coming home. "
              "The US asks Greece and Bulgaria to close their airspace to the flights to Syria.",
              49, 44, 3500, day(2015, 9, 30)),
        slide("An old alliance: Assad in Moscow, 2005 and 2006",
              "Before any of this, Assad met Putin at the Kremlin in January 2005 and visited Moscow again in "
              "2006.",
              37.6, 55.4, 650, day(2006, 12, 31)),
    };
}

// The facts, written from reading the three seed articles: who did what where and when, in our
// words. Coordinates and extents are the fallback when no gazetteer is loaded; the gazetteer's own
// entries (and polygons) win when it is.
Briefing makeBriefing() {
    Briefing b;
    b.title = "Russia's military build-up in Syria, September 2015";
    b.sources = {
        {"000_c1c5c1e535a5ac15.txt", std::nullopt, std::nullopt, "Yaroslav Zheltovskiy (pseudonym)", month(2015, 9)},
        {"001_a8c1fb0f76f8c4dd.txt", std::nullopt, "The Conversation", "Alexander Titov", month(2015, 9)},
        {"002_e38f60cd9cc7d4be.txt", "Why the Hell Did Russia Intervene in Syria?", "VICE News", "Landon Shroder",
         day(2015, 9, 30)},
    };
    const geo::BBox point;  // empty: a place drawn as a marker
    b.facts = {
        {"Bassel al-Assad International Airport", PlaceKind::Poi, "SY", {35.9487, 35.4011}, point, month(2015, 9),
         EventCategory::Base,
         "Latakia's airport at Hmeimim is being converted into an air base for Russian forces.", {0, 1, 2}},
        {"Latakia", PlaceKind::City, "SY", {35.7901, 35.5317}, point, month(2015, 9), EventCategory::Deployment,
         "Russian jets, helicopters, air defences, armour and troops are reported arriving for the Latakia airfield.",
         {1, 2}},
        {"Latakia", PlaceKind::City, "SY", {35.7901, 35.5317}, point, month(2015, 9), EventCategory::Base,
         "Two more Russian bases are reported under construction near Latakia.", {0}},
        {"Tartus naval facility", PlaceKind::Poi, "SY", {35.8730, 34.9110}, point, month(2015, 9),
         EventCategory::Base,
         "Russia's existing naval supply point at Tartus, about 60 km south of Latakia, is already in use.",
         {0, 1, 2}},
        {"Homs", PlaceKind::City, "SY", {36.7234, 34.7268}, point, day(2015, 9, 15), EventCategory::Attack,
         "A car bomb explodes in Homs.", {1}},
        {"Damascus", PlaceKind::City, "SY", {36.2913, 33.5102}, point, month(2015, 9), EventCategory::Other,
         "Moscow's likely aim: a government-held strip from the coast to Damascus, not outright victory.", {1}},
        {"Moscow Kremlin", PlaceKind::Poi, "RU", {37.6175, 55.7520}, point, day(2005, 1, 25),
         EventCategory::Meeting, "Assad and Putin meet at the Kremlin.", {2}},
        {"Moscow", PlaceKind::City, "RU", {37.6156, 55.7522}, point, year(2006), EventCategory::Meeting,
         "Assad visits Putin in Moscow.", {1}},
        {"North Caucasus", PlaceKind::Region, "RU", {44.5266, 43.9143}, box(40.8, 41.2, 48.6, 46.2),
         month(2015, 9), EventCategory::Other,
         "An Islamist insurgency persists; most Russians fighting for IS are reported to come from here.",
         {0, 1, 2}},
        {"Central Asia", PlaceKind::Region, "", {66.4708, 45.9121}, box(46.5, 35.1, 87.3, 55.4), month(2015, 9),
         EventCategory::Other,
         "Moscow fears insurgency spreading from Central Asia, a source of IS recruits and of migrant workers.",
         {0, 1}},
        {"Chechnya", PlaceKind::Admin1, "RU", {45.7408, 43.3022}, box(44.8, 42.5, 46.7, 44.0), month(2015, 9),
         EventCategory::Other, "Fighters from Chechnya are reported among IS's most valued commanders.", {1, 2}},
        {"Tajikistan", PlaceKind::Country, "TJ", {71.0167, 38.5281}, box(67.4, 36.7, 75.1, 41.0), month(2015, 6),
         EventCategory::Other, "The head of Tajikistan's special police forces is reported to have joined IS.",
         {1}},
        {"New York City", PlaceKind::City, "US", {-74.0060, 40.7143}, point, day(2015, 9, 28),
         EventCategory::Statement,
         "Putin tells the UN General Assembly the terrorist threat is spreading and Russia is not spared.", {2}},
        {"Washington, D. C.", PlaceKind::City, "US", {-77.0364, 38.8951}, point, day(2015, 9, 18),
         EventCategory::Statement, "The State Department rejects Assad as a partner against IS.", {2}},
        {"Greece", PlaceKind::Country, "GR", {22.5818, 39.4741}, box(19.4, 34.8, 28.3, 41.8), month(2015, 9),
         EventCategory::Other, "The US asks Greece to close its airspace to Russian flights bound for Syria.", {1}},
        {"Bulgaria", PlaceKind::Country, "BG", {25.2179, 42.7687}, box(22.4, 41.2, 28.6, 44.2), month(2015, 9),
         EventCategory::Other, "The US asks Bulgaria to close its airspace to Russian flights bound for Syria.",
         {1}},
    };
    b.slides = makeSlides();
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
    static const Briefing briefing = makeBriefing();
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
