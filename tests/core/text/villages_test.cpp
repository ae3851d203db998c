// The places of GeoNames cities500 (issue 12 §1): villages down to 500 people are found where the
// story's geography puts them, and a town whose GeoNames name moved to another romanization keeps
// the spelling the news uses. Sentences written for the test, against the mini geodata folder.
#include <doctest/doctest.h>

#include "core/text/resolver.h"
#include "mini_gazetteer.h"

using namespace cmap;

namespace {

model::Document parse(std::string text) {
    return test::miniGazetteer().parse(std::move(text), model::Date{2015, 10, 10});
}

std::string summary(const model::Document& d) { return test::mentionSummary(d, test::Shown::Country); }

}  // namespace

TEST_CASE("villages: a place of under 1,000 people needs another place of the story near it") {
    CHECK(summary(parse("Shells fell on Kuhlan near Homs.")) == "Kuhlan=Kuhlan/SY; Homs=Homs/SY");
    CHECK(summary(parse("Kuhlan sent a long letter to the editors.")) == "");
    // A seat of government is no village, however few live there.
    CHECK(summary(parse("The envoy flew on to Vatican City.")) == "Vatican City=Vatican City/VA");
}

TEST_CASE("villages: a name whose candidates lie in one place pins the map down for its neighbours") {
    // A name that is a city's and a district's around it (as "Mosul" is), close in the ranking:
    // which is unclear, where is not, so a village near it is plausible.
    const geo::Gazetteer& g = *test::miniGazetteer().gaz;
    auto posting = [&](std::string_view name) { return geo::Posting{g.lookup(name, 1).at(0).place, geo::NameKind::Preferred}; };
    std::vector<text::Recognized> found(2);
    found[0].span = {0, 7};
    found[0].postings = {posting("Latakia"), posting("Tartus District")};
    found[1].span = {20, 30};
    found[1].postings = {posting("Burj Islam")};
    CHECK_FALSE(text::resolve(found, g)[1].implausible);
}

TEST_CASE("a seat of government of unknown size is not a village") {
    // GeoNames gives the district seat no population; read as a village it would need another
    // place of the story near it.
    CHECK(summary(parse("Fighting in Syria went on. Jets struck Qasr Nadim.")) == "Syria=Syria/SY; Qasr Nadim=Qasr Nadim/SY");
}

TEST_CASE("variant spellings of a town's own name count as its name") {
    // GeoNames names the town "Dūmā"; "Douma" is an alternate that differs only as romanizations
    // do, so it is no weaker than the name. "Dumah" differs in more than that: an alternate still.
    CHECK(summary(parse("Rebels in Douma fired on Damascus.")) == "Douma=Dūmā/SY; Damascus=Damascus/SY");
    auto found = test::miniGazetteer().gaz->lookup("Douma");
    REQUIRE(found.size() == 1);
    CHECK(found[0].how == geo::NameKind::Preferred);
    found = test::miniGazetteer().gaz->lookup("Dumah");
    REQUIRE(found.size() == 1);
    CHECK(found[0].how == geo::NameKind::Alternate);
    // Such an alternate of a town where names are transliterated is how some outlet spells it:
    // it counts near the story's places, as a loose spelling does, and not alone.
    CHECK(summary(parse("Rebels in Dumah fired on Damascus.")) == "Dumah=Dūmā/SY; Damascus=Damascus/SY");
    CHECK(summary(parse("The fair in Dumah drew a crowd.")) == "");
    // An alternate that is another name, not a spelling of this one, stays out.
    CHECK(summary(parse("Rebels in Dumah fired on Damascus, an Alawite officer said.")) ==
          "Dumah=Dūmā/SY; Damascus=Damascus/SY");
}

TEST_CASE("a name of three consonants folds with its vowels' places") {
    // Hasakah, Hassakeh: three letters are left of either, too few to fold on, but the vowels
    // stand where they stood.
    CHECK(summary(parse("Shelling hit Homs and Hasakeh.")) == "Homs=Homs/SY; Hasakeh=Al Ḩasakah/SY");
    CHECK(summary(parse("Shelling hit Homs and Hums.")) == "Homs=Homs/SY; Hums=Homs/SY");
}

TEST_CASE("three consonants of a longer word name a town of 20,000, not a village") {
    // "Hawija" folds like Al Ḩuwayjah (31,000 people) with the vowels in their places; the
    // story's country is enough, as for any spelling of a town's own name.
    CHECK(summary(parse("Fighting in Syria went on. Jets struck Hawija.")) == "Syria=Syria/SY; Hawija=Al Ḩuwayjah/SY");
    CHECK(summary(parse("Fighting in Syria went on. Jets struck Huwaija.")) == "Syria=Syria/SY; Huwaija=Al Ḩuwayjah/SY");
    CHECK(summary(parse("Jets struck Hawija.")) == "");
}

TEST_CASE("another name of a town counts with the story's country for a town of 50,000") {
    // Tabqa is the town's former name, not a spelling of Madīnat ath Thawrah (69,000 people).
    CHECK(summary(parse("Fighting in Syria went on. Jets struck Tabqa.")) == "Syria=Syria/SY; Tabqa=Madīnat ath Thawrah/SY");
    CHECK(summary(parse("Jets struck Tabqa.")) == "");
    // Another name that is a given name is somebody's.
    CHECK(summary(parse("Fighting in Syria went on. Khalil said the roads were closed.")) == "Syria=Syria/SY");
}

TEST_CASE("Russian g is Ukrainian h") {
    // GeoNames lists "Gorlovka" among Horlivka's names; g and h differ only as the two languages
    // write one letter, so it is a spelling of the town's own name.
    CHECK(summary(parse("Shelling hit Kramatorsk and Gorlovka.")) == "Kramatorsk=Kramatorsk/UA; Gorlovka=Horlivka/UA");
}

TEST_CASE("a short spelling counts for a town large enough to be news") {
    // "Azaz" is how wires spell I‘zāz (66,000 people); short alternates are mostly people's first
    // names, so they count for towns of at least 50,000 only, and near the story's places.
    CHECK(summary(parse("Shelling hit Homs and the border town of Azaz.")) == "Homs=Homs/SY; Azaz=I‘zāz/SY");
    CHECK(summary(parse("Azaz was quiet.")) == "");
    CHECK(summary(parse("Shelling hit Homs, said Rama, a medic.")) == "Homs=Homs/SY");
    // The same for a short word's tolerant key: "Edlib" folds like Idlib (165,000 people).
    CHECK(summary(parse("Shelling hit Homs and Edlib.")) == "Homs=Homs/SY; Edlib=Idlib/SY");
}

TEST_CASE("a spelling of a town's own name needs only its country in the story") {
    // No other Syrian town near it: the country the story names is enough for a town of 165,000
    // (20,000 would do; a village needs a place near it).
    CHECK(summary(parse("Fighting in Syria went on. Jets struck Edlib.")) == "Syria=Syria/SY; Edlib=Idlib/SY");
    CHECK(summary(parse("Jets struck Edlib.")) == "");
    CHECK(summary(parse("Fighting in Syria went on. Rebels in Kafranbel marched.")) ==
          "Syria=Syria/SY; Kafranbel=Kafr Nubl/SY");  // 24,754 people
    // A fold (GeoNames lists no such spelling) only in the country the story is most about: here
    // Russia, not Syria, named once.
    CHECK(summary(parse("In Russia, Moscow, Grozny and Vladimir sent aid. Syria thanked Russia. Rebels in Kafranbel marched.")) ==
          "Russia=Russia/RU; Moscow=Moscow/RU; Grozny=Groznyy/RU; Vladimir=Vladimir/RU; Syria=Syria/SY; Russia=Russia/RU");
    // A loose spelling of another name GeoNames lists for the town ("Karekin" folds like
    // "Kraken", one of Volgograd's) is no spelling of its own: it still needs a place nearby.
    const geo::Gazetteer& g = *test::miniGazetteer().gaz;
    auto only = [&](std::string_view name) {
        const auto c = g.lookup(name, 1);
        REQUIRE(c.size() == 1);
        return std::vector<geo::Posting>{{c[0].place, geo::NameKind::Alternate}};
    };
    std::vector<text::Recognized> found(2);
    found[0].span = {0, 5};
    found[0].postings = only("Syria");
    found[1].span = {20, 25};
    found[1].postings = only("Idlib");
    found[1].loose = true;
    found[1].ownName = true;
    CHECK_FALSE(text::resolve(found, g)[1].implausible);
    found[1].ownName = false;
    CHECK(text::resolve(found, g)[1].implausible);
}
