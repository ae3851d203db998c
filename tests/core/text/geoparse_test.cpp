// Geoparser rules, each on sentences written for the test, against the mini geodata folder.
#include "core/text/geoparse.h"

#include <doctest/doctest.h>

#include "mini_gazetteer.h"

using namespace cmap;

namespace {

const test::MiniGazetteer& fx() { return test::miniGazetteer(); }

std::string summary(const model::Document& d) { return test::mentionSummary(d, test::Shown::KindAndCountry); }

}  // namespace

TEST_CASE("recognition: multi-word names, possessives, hyphens, demonyms") {
    CHECK(summary(fx().parse("Jets left the North Caucasus for Latakia.")) ==
          "North Caucasus=North Caucasus/region/; Latakia=Latakia/city/SY");
    CHECK(summary(fx().parse("Russia's navy sails and Russia’s army waits.")) ==
          "Russia=Russia/country/RU; Russia=Russia/country/RU");
    CHECK(summary(fx().parse("The US-Russia channel is a Moscow-centric idea.")) ==
          "US=United States of America/country/US; Russia=Russia/country/RU; Moscow=Moscow/city/RU");
    CHECK(summary(fx().parse("Syrian and American officers spoke to Russians.")) ==
          "Syrian=Syria/country/SY; American=United States of America/country/US; Russians=Russia/country/RU");
    CHECK(summary(fx().parse("Pilgrims once called Latakia Al Lādhiqīyah.")) ==
          "Latakia=Latakia/city/SY; Al Lādhiqīyah=Latakia/city/SY");
}

TEST_CASE("precision: people, organisations, titles and common words are not places") {
    CHECK(summary(fx().parse("Barack Obama phoned Vladimir Putin twice.")) == "");
    CHECK(summary(fx().parse("The Louisiana Purchase doubled the country.")) == "Louisiana=Louisiana/admin1/US");
    CHECK(summary(fx().parse("A fellow at the Jamestown Foundation and the Brookings Institute disagreed.")) == "");
    CHECK(summary(fx().parse("Major Genieve David answered for the command.")) == "");
    CHECK(summary(fx().parse("Former General David Petraeus spoke in Damascus.")) == "Damascus=Damascus/city/SY");
    CHECK(summary(fx().parse("Nice weather held over Homs.")) == "Homs=Homs/city/SY");
    CHECK(summary(fx().parse("A US Central Command officer spoke.")) == "US=United States of America/country/US");
    // A name once used for a person stays a person in the rest of the document.
    CHECK(summary(fx().parse("Analyst Mark Obama wrote it. Obama said Tartus matters.")) == "Tartus=Tartus/city/SY");
}

TEST_CASE("resolution: population, curated aliases and document context") {
    CHECK(summary(fx().parse("Fighting reached Damascus.")) == "Damascus=Damascus/city/SY");
    CHECK(summary(fx().parse("Officials in Washington reacted.")) == "Washington=Washington, D.C./city/US");
    CHECK(summary(fx().parse("The Kremlin replied.")) == "Kremlin=Kremlin/poi/RU");
    CHECK(summary(fx().parse("Syria, the US and Russia.")) ==
          "Syria=Syria/country/SY; US=United States of America/country/US; Russia=Russia/country/RU");
}

TEST_CASE("facilities: the kind in lower case after a town's name makes the facility") {
    CHECK(summary(fx().parse("Warships left the Tartus naval base at dawn.")) ==
          "Tartus naval base=Tartus naval facility/poi/SY");
    CHECK(summary(fx().parse("Warships reached Tartus at dawn.")) == "Tartus=Tartus/city/SY");
    // Lower-case words go on only into a facility's name, and end it.
    CHECK(summary(fx().parse("The Tartus naval officers met Homs city officials.")) ==
          "Tartus=Tartus/city/SY; Homs=Homs/city/SY");
    CHECK(summary(fx().parse("The Tartus naval base Latakia sent ships.")) ==
          "Tartus naval base=Tartus naval facility/poi/SY; Latakia=Latakia/city/SY");
}

TEST_CASE("dates: each mention carries its sentence's date at the text's precision") {
    auto d = fx().parse("Troops moved to Latakia. On September 15 a car bomb hit Homs.", model::Date{2015, 9, 0});
    REQUIRE(d.mentions.size() == 2);
    CHECK(d.mentions[0].date->iso() == "2015-09");  // the article's month, no invented day
    CHECK(d.mentions[1].date->iso() == "2015-09-15");
    auto undated = fx().parse("Troops moved to Latakia.");
    CHECK_FALSE(undated.mentions[0].date);
    auto spanish = fx().parse("Una reunión en el Kremlin, celebrada el 25 de enero de 2005.", model::Date{2015, 9, 30});
    REQUIRE(spanish.events.size() == 1);
    CHECK(spanish.events[0].date->iso() == "2005-01-25");
    CHECK(spanish.events[0].category == model::EventCategory::Meeting);
}

TEST_CASE("events: one per sentence with places, a category from cue words, the sentence as provenance") {
    const std::string text = "Russia deployed troops to Latakia and Tartus. Nothing here. A car bomb exploded in Homs.";
    auto d = fx().parse(text, model::Date{2015, 9, 30});
    REQUIRE(d.events.size() == 2);
    CHECK(d.events[0].category == model::EventCategory::Deployment);
    CHECK(d.events[0].mentions.size() == 3);
    CHECK(text.substr(d.events[0].sentence.start, d.events[0].sentence.end - d.events[0].sentence.start) ==
          "Russia deployed troops to Latakia and Tartus.");
    CHECK(d.events[1].category == model::EventCategory::Attack);
    CHECK(d.mentions[3].event == 1);
}

TEST_CASE("offsets point into the file as read, also through HTML") {
    const std::string html = "<html><head><title>x</title><script>var Homs=1;</script></head>"
                             "<body><p>Jets over <b>Latakia</b> &amp; Tartus.</p></body></html>";
    auto d = fx().parse(html, {}, text::Format::Html);
    REQUIRE(d.mentions.size() == 2);
    for (const auto& m : d.mentions) CHECK(html.substr(m.range.start, m.range.end - m.range.start) == m.text);
    CHECK(d.mentions[0].text == "Latakia");
}

TEST_CASE("any text is safe: empty, no places, very long lines") {
    CHECK(fx().parse("").mentions.empty());
    CHECK(fx().parse("no capital letters at all here").mentions.empty());
    std::string big(2'000'000, 'a');
    big += " Latakia";
    CHECK(fx().parse(big).mentions.size() == 1);
}
