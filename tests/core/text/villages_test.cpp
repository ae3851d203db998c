// The places of GeoNames cities500 (issue 12 §1): villages down to 500 people are found where the
// story's geography puts them, and a town whose GeoNames name moved to another romanization keeps
// the spelling the news uses. Sentences written for the test, against the mini geodata folder.
#include <doctest/doctest.h>

#include "core/text/geoparse.h"
#include "mini_gazetteer.h"

using namespace cmap;

namespace {

struct Fixture : test::MiniGazetteer {
    model::Document parse(std::string text) const {
        text::ArticleMeta meta;
        meta.published = model::Date{2015, 10, 10};
        return text::geoparse(text::makeArticle("t.txt", std::move(text), text::Format::Text, meta), *gaz);
    }
};

const Fixture& fx() {
    static Fixture f;
    return f;
}

// "text=Name/CC" for each mention, joined by "; ".
std::string summary(const model::Document& d) {
    std::string s;
    for (const auto& m : d.mentions) {
        if (!s.empty()) s += "; ";
        s += m.text + "=" + m.place.name + "/" + m.place.country;
    }
    return s;
}

}  // namespace

TEST_CASE("villages: a place of under 1,000 people needs another place of the story near it") {
    CHECK(summary(fx().parse("Shells fell on Kuhlan near Homs.")) == "Kuhlan=Kuhlan/SY; Homs=Homs/SY");
    CHECK(summary(fx().parse("Kuhlan sent a long letter to the editors.")) == "");
    // A seat of government is no village, however few live there.
    CHECK(summary(fx().parse("The envoy flew on to Vatican City.")) == "Vatican City=Vatican City/VA");
}

TEST_CASE("variant spellings of a town's own name count as its name") {
    // GeoNames names the town "Dūmā"; "Douma" is an alternate that differs only as romanizations
    // do, so it is no weaker than the name. "Dumah" differs in more than that: an alternate still.
    CHECK(summary(fx().parse("Rebels in Douma fired on Damascus.")) == "Douma=Dūmā/SY; Damascus=Damascus/SY");
    auto found = fx().gaz->lookup("Douma");
    REQUIRE(found.size() == 1);
    CHECK(found[0].how == geo::NameKind::Preferred);
    found = fx().gaz->lookup("Dumah");
    REQUIRE(found.size() == 1);
    CHECK(found[0].how == geo::NameKind::Alternate);
}
