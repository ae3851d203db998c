#include "core/model/briefing.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "real_data.h"

using namespace cmap;
using namespace cmap::model;

namespace {


const BriefingFact* fact(const std::string& place, const Date& date) {
    for (const BriefingFact& f : builtinBriefing().facts)
        if (f.place == place && f.date == date) return &f;
    return nullptr;
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string w;
    for (char c : text + " ") {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!w.empty()) {
            out.push_back(w);
            w.clear();
        }
    }
    return out;
}

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("the built-in briefing holds the dated, placed facts of the September 2015 build-up") {
    const Briefing& b = builtinBriefing();
    REQUIRE(b.sources.size() == 3);
    for (const BriefingFact& f : b.facts) {
        INFO(f.place);
        CHECK(f.date.valid());
        CHECK(!f.summary.empty());
        CHECK(f.summary.find('\n') == std::string::npos);
        CHECK(f.summary.size() <= 120);  // one line in a hover box
        CHECK(!f.sources.empty());
        for (size_t s : f.sources) CHECK(s < b.sources.size());
    }
    struct Want {
        std::string place;
        Date date;
        EventCategory category;
        geo::PlaceKind kind;
    };
    for (const Want& w : std::vector<Want>{
             {"Bassel al-Assad International Airport", {2015, 9, 0}, EventCategory::Base, geo::PlaceKind::Poi},
             {"Tartus naval facility", {2015, 9, 0}, EventCategory::Base, geo::PlaceKind::Poi},
             {"Homs", {2015, 9, 15}, EventCategory::Attack, geo::PlaceKind::City},
             {"Damascus", {2015, 9, 0}, EventCategory::Other, geo::PlaceKind::City},
             {"Moscow Kremlin", {2005, 1, 25}, EventCategory::Meeting, geo::PlaceKind::Poi},
             {"Moscow", {2006, 0, 0}, EventCategory::Meeting, geo::PlaceKind::City},
             {"North Caucasus", {2015, 9, 0}, EventCategory::Other, geo::PlaceKind::Region},
             {"Central Asia", {2015, 9, 0}, EventCategory::Other, geo::PlaceKind::Region},
             {"New York City", {2015, 9, 28}, EventCategory::Statement, geo::PlaceKind::City},
             {"Greece", {2015, 9, 0}, EventCategory::Other, geo::PlaceKind::Country},
             {"Bulgaria", {2015, 9, 0}, EventCategory::Other, geo::PlaceKind::Country}}) {
        INFO(w.place << " " << w.date.iso());
        const BriefingFact* f = fact(w.place, w.date);
        REQUIRE(f != nullptr);
        CHECK(f->category == w.category);
        CHECK(f->kind == w.kind);
    }
}

TEST_CASE("the briefing's summaries are our own words, not the articles'") {
    const auto corpus = test::seedCorpus();
    // No run of six words of any summary appears in any article.
    std::vector<std::string> articleText;
    for (const BriefingSource& s : builtinBriefing().sources) {
        auto w = words(readFile(corpus / s.file));
        std::string joined;
        for (const auto& x : w) joined += " " + x;
        articleText.push_back(joined + " ");
    }
    for (const BriefingFact& f : builtinBriefing().facts) {
        auto w = words(f.summary);
        for (size_t i = 0; i + 6 <= w.size(); ++i) {
            std::string run;
            for (size_t j = i; j < i + 6; ++j) run += " " + w[j];
            run += " ";
            for (const std::string& text : articleText) CHECK_MESSAGE(text.find(run) == std::string::npos, f.summary);
        }
    }
}

TEST_CASE("briefing documents without gazetteer or articles: one event per fact, at the stored places") {
    auto docs = briefingDocuments(builtinBriefing(), nullptr, "/nonexistent/corpus");
    REQUIRE(docs.size() == 3);
    size_t factsCited = 0;
    for (const BriefingFact& f : builtinBriefing().facts) factsCited += f.sources.size();
    size_t events = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
        const BriefingDocument& bd = docs[i];
        CHECK(bd.source == i);
        CHECK(!bd.linked);
        CHECK(bd.document.file == builtinBriefing().sources[i].file);
        REQUIRE(bd.summaries.size() == bd.document.events.size());
        REQUIRE(bd.document.mentions.size() == bd.document.events.size());
        for (size_t e = 0; e < bd.document.events.size(); ++e) {
            const Event& ev = bd.document.events[e];
            REQUIRE(ev.mentions.size() == 1);
            const Mention& m = bd.document.mentions[ev.mentions[0]];
            CHECK(m.event == e);
            CHECK(m.date == ev.date);
            CHECK(m.range == ByteRange{});  // nothing to point into
            CHECK(m.text == m.place.name);
        }
        events += bd.document.events.size();
    }
    CHECK(events == factsCited);
    CHECK(docs[2].document.meta.title == builtinBriefing().sources[2].title);
}

TEST_CASE("with the gazetteer, the briefing's places resolve to its entries and areas to polygons") {
    auto gazetteer = test::realGazetteer();
    auto docs = briefingDocuments(builtinBriefing(), gazetteer.get());
    std::set<std::string> seen;
    for (const BriefingDocument& bd : docs) {
        for (const Mention& m : bd.document.mentions) {
            seen.insert(m.place.name);
            const BriefingFact* f = fact(m.place.name, m.date->date());
            REQUIRE(f != nullptr);
            INFO(m.place.name);
            // The stored fallback point is where the gazetteer puts the place (tolerance 25 km).
            CHECK(geo::haversineKm(m.place.point, f->point) < 25);
            if (f->kind == geo::PlaceKind::Region) CHECK(m.place.layer == geo::Layer::Regions);
            if (f->kind == geo::PlaceKind::Admin1) CHECK(m.place.layer == geo::Layer::Admin1);
            if (f->kind == geo::PlaceKind::Country) CHECK(m.place.layer == geo::Layer::Admin0);
            if (m.place.layer != geo::Layer::Places && m.place.layer != geo::Layer::Facilities) {
                auto polygons = gazetteer->polygons(m.place.layer);
                CHECK(m.place.feature < polygons->featureCount());
                CHECK(polygons->contains(m.place.feature, m.place.point));
            }
        }
    }
    for (const BriefingFact& f : builtinBriefing().facts) CHECK_MESSAGE(seen.contains(f.place), f.place);
}

TEST_CASE("with the seed articles present, the briefing links to them down to the sentence") {
    auto gazetteer = test::realGazetteer();
    const auto corpus = test::seedCorpus();
    auto docs = briefingDocuments(builtinBriefing(), gazetteer.get(), corpus);
    for (const BriefingDocument& bd : docs) {
        REQUIRE(bd.linked);
        CHECK(bd.document.file == bd.linked->string());
        CHECK(bd.document.warnings.empty());
        std::string bytes = readFile(*bd.linked);
        for (const Mention& m : bd.document.mentions) {
            if (m.range == ByteRange{}) continue;  // a fact the geoparser does not find as a place
            INFO(m.place.name);
            REQUIRE(m.range.end <= bytes.size());
            CHECK(bytes.substr(m.range.start, m.range.end - m.range.start) == m.text);
            CHECK(m.sentence.start <= m.range.start);
            CHECK(m.range.end <= m.sentence.end);
        }
    }
    // The facts with one obvious sentence find it: the Kremlin meeting in the third article's
    // photo caption, the Homs car bomb in the second's.
    auto linkedText = [&](size_t doc, const std::string& place) {
        for (const Mention& m : docs[doc].document.mentions)
            if (m.place.name == place) return m.text;
        return std::string();
    };
    CHECK(linkedText(2, "Moscow Kremlin") == "Kremlin");
    CHECK(linkedText(1, "Homs") == "Homs");
    CHECK(linkedText(1, "North Caucasus") == "North Caucasus");
}
