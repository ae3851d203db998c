// Context inside a country (issue 12 §4): a dateline, the outlet's home town (the sidecar's
// `place`), the provinces a story names and the places it has pinned down choose among namesakes;
// a dateline is read as context, never as an event. Sentences written for the test, against the
// mini geodata folder.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "core/model/corrections.h"
#include "core/text/dateline.h"
#include "mini_gazetteer.h"

using namespace cmap;

namespace {

model::Document parse(std::string text, std::optional<std::string> home = {}) {
    text::ArticleMeta meta;
    meta.published = model::Date{2015, 10, 10};
    meta.place = std::move(home);
    return text::geoparse(text::makeArticle("t.txt", std::move(text), text::Format::Text, meta), *test::miniGazetteer().gaz);
}

std::string dateline(std::string_view text) { return std::string(text::datelinePlace(text).in(text)); }

// "words=geonameid" of each mention, with "(dateline)" after a dateline's.
std::string ids(const model::Document& d) {
    std::string s;
    for (const auto& m : d.mentions) {
        if (!s.empty()) s += "; ";
        s += m.text + "=" + std::to_string(m.place.geonameid);
        if (m.role == model::MentionRole::Dateline) s += " (dateline)";
    }
    return s;
}

constexpr auto kParisFrance = "2988507", kParisTexas = "4717560";
constexpr auto kSpringfieldIllinois = "4250542", kSpringfieldMissouri = "4409896";
constexpr auto kTellHamraLatakia = "9900003", kTellHamraDaraa = "9900004";

}  // namespace

TEST_CASE("dateline: the place words an article opens with, before an agency and a dash or colon") {
    CHECK(dateline("ALEPPO, Syria (AP) -- Government forces advanced.") == "ALEPPO, Syria");
    CHECK(dateline("KRAMATORSK, Ukraine \xE2\x80\x94 Shells fell overnight.") == "KRAMATORSK, Ukraine");
    CHECK(dateline("DAMASCUS (Reuters) - Talks resumed.") == "DAMASCUS");
    CHECK(dateline("Homs, Syria \xE2\x80\x93 The market reopened.") == "Homs, Syria");
    CHECK(dateline("\n  ST. LOUIS, Mo. (AP) - A bridge closed.") == "ST. LOUIS, Mo.");
    CHECK(dateline("Muscat: The festival closed.") == "Muscat");
    CHECK(dateline("Moscow, SANA- The ministry said.") == "Moscow, SANA");
    // Not datelines: a sentence, a dash inside a phrase, a lower-case start.
    CHECK(dateline("Rebels in Homs reported shelling - again.") == "");
    CHECK(dateline("LONDON The ministry said.") == "");
    CHECK(dateline("the Homs road -- closed") == "");
    CHECK(dateline("Homs (a city of a million people and more, long besieged) - notes") == "");
    CHECK(dateline("") == "");
}

TEST_CASE("dateline: a mention of where the report was filed, of no event and off the map") {
    const model::Document d = parse("DAMASCUS (Reuters) - Shells fell on Homs on Friday.");
    CHECK(ids(d) == "DAMASCUS=170654 (dateline); Homs=169577");
    REQUIRE(d.events.size() == 1);
    CHECK(d.events[0].mentions == std::vector<uint32_t>{1});
    CHECK(d.mentions[0].event == model::kNoEvent);
    CHECK(d.mentions[1].event == 0);
    REQUIRE(d.mentions[0].date);
    CHECK(d.mentions[0].date->iso() == "2015-10-10");  // the article's, not the sentence's Friday
    // The map shows the corrected document: no dateline in it.
    model::Document shown = d;
    model::applyCorrections(shown, {}, {});
    CHECK(ids(shown) == "Homs=169577");
    // A headline that ends in a colon is no dateline: its first words are no place.
    CHECK(ids(parse("Rebels Retake Homs: what comes next")) == "Homs=169577");
}

TEST_CASE("dateline: it says which namesake the text means") {
    CHECK(ids(parse("Firefighters in Paris put out a grain fire on Monday.")) == std::string("Paris=") + kParisFrance);
    // A dateline's capitals are the house style: "PARIS" is a town, not an acronym, and its
    // state says which.
    CHECK(ids(parse("PARIS, Texas \xE2\x80\x94 Firefighters in Paris put out a grain fire on Monday.")) ==
          std::string("PARIS=") + kParisTexas + " (dateline); Texas=0 (dateline); Paris=" + kParisTexas);
    const std::string council = "The Springfield council voted to close the river bridge.";
    CHECK(ids(parse(council)) == std::string("Springfield=") + kSpringfieldIllinois);  // the state capital
    CHECK(ids(parse("SPRINGFIELD, Missouri (AP) -- " + council)) == std::string("SPRINGFIELD=") + kSpringfieldMissouri +
                                                                        " (dateline); Missouri=0 (dateline); Springfield=" +
                                                                        kSpringfieldMissouri);
    // A town near the dateline's over a larger namesake far from it.
    CHECK(ids(parse("Shelling hit Tell Hamra on Monday.")) == std::string("Tell Hamra=") + kTellHamraDaraa);
    CHECK(ids(parse("LATAKIA, Syria (AP) -- Shelling hit Tell Hamra on Monday.")) ==
          std::string("LATAKIA=173579 (dateline); Syria=0 (dateline); Tell Hamra=") + kTellHamraLatakia);
}

TEST_CASE("dateline: its capitals are the style, so short town names are names, not acronyms") {
    CHECK(ids(parse("HOMS, Syria (AP) -- Shells fell overnight.")) == "HOMS=169577 (dateline); Syria=0 (dateline)");
    CHECK(ids(parse("HOMS (Reuters) - Shells fell overnight.")) == "HOMS=169577 (dateline)");
    // Two capitals stay an abbreviation; an agency after a town in lower case is an agency; a
    // bare "WORD:" may be a headline's acronym.
    CHECK(ids(parse("US - Markets fell on Monday.")) == "US=0 (dateline)");
    CHECK(ids(parse("Homs, SANA- Shells fell overnight.")) == "Homs=169577 (dateline)");
    CHECK(ids(parse("HOMS: what the ceasefire means")) == "");
    CHECK(ids(parse("HOMS TRUCE HOLDS - what the ceasefire means")) == "");
    CHECK(std::string(text::datelineCapitals("HOMS, Syria (AP) -- X").in("HOMS, Syria (AP) -- X")) == "HOMS, Syria");
    CHECK(text::datelineCapitals("Homs, Syria (AP) -- X").empty());
    CHECK(text::datelineCapitals("NATO: allies agree").empty());
}

TEST_CASE("home town: the sidecar's place chooses among namesakes as a dateline would") {
    const std::string text = "The Springfield council voted to close the river bridge.";
    CHECK(ids(parse(text)) == std::string("Springfield=") + kSpringfieldIllinois);  // the state capital
    CHECK(ids(parse(text, "Springfield, Illinois")) == std::string("Springfield=") + kSpringfieldIllinois);
    CHECK(ids(parse(text, "Springfield, Missouri")) == std::string("Springfield=") + kSpringfieldMissouri);
    CHECK(ids(parse("Firefighters in Paris put out a grain fire.", "Paris, Texas")) == std::string("Paris=") + kParisTexas);
    // A home town that names no place is no context.
    CHECK(ids(parse(text, "Nowhere in particular")) == std::string("Springfield=") + kSpringfieldIllinois);
}

TEST_CASE("named provinces and places already pinned down choose between two towns of one name") {
    CHECK(ids(parse("Shelling hit Tell Hamra in Latakia province on Monday.")) ==
          std::string("Tell Hamra=") + kTellHamraLatakia + "; Latakia province=0");
    CHECK(ids(parse("Shelling hit Tell Hamra and Tartus on Monday.")) ==
          std::string("Tell Hamra=") + kTellHamraLatakia + "; Tartus=163345");
    CHECK(ids(parse("Shelling hit Tell Hamra near Daraa on Monday.")) ==
          std::string("Tell Hamra=") + kTellHamraDaraa + "; Daraa=170592");
}

TEST_CASE("a named province holds the towns of its GeoNames code, not those its box reaches") {
    const geo::Gazetteer& g = *test::miniGazetteer().gaz;
    auto only = [&](std::string_view name, geo::PlaceKind kind, int64_t geonameid = 0) {
        for (const geo::Candidate& c : g.lookup(name))
            if (g.place(c.place).kind == kind && (!geonameid || g.place(c.place).geonameid == geonameid)) return g.place(c.place);
        FAIL("no such place: " << name);
        return geo::Place{};
    };
    const geo::Place missouri = only("Missouri", geo::PlaceKind::Admin1), illinois = only("Illinois", geo::PlaceKind::Admin1);
    const geo::Place inIllinois = only("Springfield", geo::PlaceKind::City, 4250542);
    const geo::Place inMissouri = only("Springfield", geo::PlaceKind::City, 4409896);
    // Missouri's box holds both Springfields; its code holds one.
    CHECK(missouri.bbox().contains(inIllinois.point));
    CHECK_FALSE(geo::inDivision(inIllinois, missouri));
    CHECK(geo::inDivision(inMissouri, missouri));
    CHECK(geo::inDivision(inIllinois, illinois));
    CHECK_FALSE(geo::inDivision(inMissouri, illinois));
    // A province without a code is matched by its box; a district's code is its province's.
    const geo::Place texas = only("Texas", geo::PlaceKind::Admin1);
    CHECK(geo::inDivision(only("Paris", geo::PlaceKind::City, std::stoll(kParisTexas)), texas));
    CHECK_FALSE(geo::inDivision(inMissouri, texas));

    // In running text: the story's state chooses its Springfield, whichever is larger.
    const std::string rest = " Crews in Springfield worked through the night to clear the roads.";
    CHECK(ids(parse("Flash floods closed highways across Missouri on Sunday." + rest)) ==
          std::string("Missouri=0; Springfield=") + kSpringfieldMissouri);
    CHECK(ids(parse("Flash floods closed highways across Illinois on Sunday." + rest)) ==
          std::string("Illinois=0; Springfield=") + kSpringfieldIllinois);
}
