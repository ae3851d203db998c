// Provinces and districts (issue 12 §1): "X district", "X province", "X County" name the division,
// the bare name still the town; a province's summed population ranks it against namesake towns.
// Sentences written for the test, against the mini geodata folder.
#include <doctest/doctest.h>

#include "mini_gazetteer.h"

using namespace cmap;

namespace {

model::Document parse(std::string text) {
    return test::miniGazetteer().parse(std::move(text), model::Date{2015, 10, 10});
}

std::string summary(const model::Document& d) { return test::mentionSummary(d, test::Shown::Kind); }

}  // namespace

TEST_CASE("divisions: a division noun after a name makes the mention that division") {
    CHECK(summary(parse("Shells hit villages in Tartus district on Monday.")) ==
          "Tartus district=Tartus District/admin2");
    CHECK(summary(parse("Police in Fairfax County arrested two men.")) == "Fairfax County=Fairfax County/admin2");
    // A Slavic district named with the adjective of its town is found by the town's name.
    CHECK(summary(parse("Artillery struck the Kramatorsk raion; Kramatorsk itself was quiet.")) ==
          "Kramatorsk raion=Kramatorskyi Raion/admin2; Kramatorsk=Kramatorsk/city");
    // A loose spelling likewise: the district with its noun, the town without.
    CHECK(summary(parse("Shells hit villages in Tartous district and in Homs.")) ==
          "Tartous district=Tartus District/admin2; Homs=Homs/city");
    CHECK(summary(parse("Shells hit Tartous and Homs.")) == "Tartous=Tartus/city; Homs=Homs/city");
    // First-order nouns name the province, in either case.
    CHECK(summary(parse("Jets struck Latakia province and the Latakia Governorate again.")) ==
          "Latakia province=Latakia/admin1; Latakia Governorate=Latakia/admin1");
    // A province whose name carries its designator ("Hama Governorate") by the rest of its name.
    CHECK(summary(parse("Jets struck Hama province.")) == "Hama province=Hama Governorate/admin1");
    CHECK(summary(parse("Jets struck Hama.")) == "");
}

TEST_CASE("divisions: a plural noun after a list makes each name of the list a division") {
    // "provinces" after two names: both are provinces (Tartus has only its district here, so the
    // other level is taken), the noun staying with the last name.
    CHECK(summary(parse("Drones were seen over the Latakia and Tartus provinces.")) ==
          "Latakia=Latakia/admin1; Tartus provinces=Tartus District/admin2");
    CHECK(summary(parse("Curfews held in Latakia, Kramatorsk and Tartus districts.")) ==
          "Latakia=Latakia/admin1; Kramatorsk=Kramatorskyi Raion/admin2; Tartus districts=Tartus District/admin2");
    // A list that does not end in such a noun stays towns, and a word between ends the list.
    CHECK(summary(parse("Ferries ran between Latakia and Tartus.")) == "Latakia=Latakia/city; Tartus=Tartus/city");
    CHECK(summary(parse("Trucks left Latakia and Tartus for the eastern regions.")) ==
          "Latakia=Latakia/city; Tartus=Tartus/city");
}

TEST_CASE("divisions: without its noun a district's name is the town's") {
    CHECK(summary(parse("Ships docked in Tartus.")) == "Tartus=Tartus/city");
    // "Fairfax" alone names no district: the words of a division's name count only with its noun.
    CHECK(summary(parse("Residents of Fairfax complained.")) == "");
    CHECK(test::miniGazetteer().gaz->lookup("Tartus District").size() == 1);
    CHECK(geo::kindName(test::miniGazetteer().gaz->place(test::miniGazetteer().gaz->lookup("Tartus District")[0].place).kind) == "admin2");
}

TEST_CASE("divisions: provinces rank by the people of their places, below a namesake town inside them") {
    // The state of five million, not the city of 290,000 abroad.
    CHECK(summary(parse("Bushfires spread across Victoria.")) == "Victoria=Victoria/admin1");
    // A province named like its own capital: the bare name is the city, however populous the province.
    CHECK(summary(parse("Russian jets landed near Latakia.")) == "Russian=Russia/country; Latakia=Latakia/city");
}

TEST_CASE("divisions: a district's box holds its places") {
    const auto found = test::miniGazetteer().gaz->lookup("Fairfax County");
    REQUIRE(found.size() == 1);
    CHECK(test::miniGazetteer().gaz->covers(found[0].place, {-77.3, 38.9}));
    CHECK_FALSE(test::miniGazetteer().gaz->covers(found[0].place, {-76.6, 39.3}));
}
