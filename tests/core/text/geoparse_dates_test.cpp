// Issue 12, honest dates, end to end: each event and its mentions carry the interval their
// sentence states (sentences written for the test, against the mini geodata folder).
#include "core/text/geoparse.h"

#include <doctest/doctest.h>

#include "mini_gazetteer.h"

using namespace cmap;

namespace {

struct Fixture : test::MiniGazetteer {
};

const Fixture& fx() {
    static Fixture f;
    return f;
}

// "precision first..last" of each event, published Saturday 10 October 2015; mentions must agree.
std::vector<std::string> eventDates(std::string text, std::optional<model::Date> published = model::Date{2015, 10, 10}) {
    text::ArticleMeta meta;
    meta.published = published;
    const model::Document d = text::geoparse(text::makeArticle("t.txt", std::move(text), text::Format::Text, meta), *fx().gaz);
    std::vector<std::string> out;
    for (const auto& e : d.events) {
        for (uint32_t i : e.mentions) CHECK(d.mentions[i].date == e.date);
        out.push_back(e.date ? std::string(model::precisionName(e.date->precision)) + " " + e.date->firstIso() + ".." +
                                   e.date->lastIso()
                             : "none");
    }
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("geoparse dates events by the interval their sentence states") {
    CHECK(eventDates("Homs was shelled yesterday.") == V{"day 2015-10-09..2015-10-09"});
    CHECK(eventDates("Jets struck Homs yesterday.") == V{"day 2015-10-09..2015-10-09"});
    CHECK(eventDates("Convoys reached Latakia last week.") == V{"week 2015-09-28..2015-10-04"});
    CHECK(eventDates("In the 1990s Tartus was a quiet port.") == V{"decade 1990-01-01..1999-12-31"});
    CHECK(eventDates("Between 3 and 5 October Homs was hit.") == V{"span 2015-10-03..2015-10-05"});
    CHECK(eventDates("Since 2011 Homs has suffered.") == V{"span 2011-01-01..2015-10-10"});
    CHECK(eventDates("From March to May 2015 Latakia was calm.") == V{"span 2015-03-01..2015-05-31"});
    CHECK(eventDates("Earlier this month Tartus saw protests.") == V{"span 2015-10-01..2015-10-09"});
    CHECK(eventDates("Jets struck Homs on Tuesday.") == V{"day 2015-10-06..2015-10-06"});
    CHECK(eventDates("Jets struck Homs Tuesday.") == V{"day 2015-10-06..2015-10-06"});
    // The recent day governs wherever it stands, and each sentence has its own date.
    CHECK(eventDates("Homs, besieged since 2012, was shelled again on Tuesday. Latakia was calm.") ==
          V{"day 2015-10-06..2015-10-06", "day 2015-10-10..2015-10-10"});
    // No date in the words and none published: no date at all.
    CHECK(eventDates("Homs was shelled.", std::nullopt) == V{"none"});
}

TEST_CASE("geoparse counts 'the next day' and 'two days later' from the story's last date") {
    // From the date an earlier sentence stated, even one that names no place.
    CHECK(eventDates("Rebels attacked on Monday. The next day jets struck Homs.") == V{"day 2015-10-06..2015-10-06"});
    CHECK(eventDates("Homs was shelled on 2 October. Two days later Latakia was hit. A week later Tartus was.") ==
          V{"day 2015-10-02..2015-10-02", "day 2015-10-04..2015-10-04", "week 2015-10-05..2015-10-11"});
    // A chain: each counts from the one before.
    CHECK(eventDates("On 1 October rebels regrouped. The following day they moved. The day after, Homs fell.") ==
          V{"day 2015-10-03..2015-10-03"});
    CHECK(eventDates("Homs was shelled in September. The next morning Latakia was hit.") ==
          V{"month 2015-09-01..2015-09-30", "span 2015-09-01..2015-10-01"});
    // Nothing stated before, or only a long stretch: the publication day, as for any undated sentence.
    CHECK(eventDates("The next day jets struck Homs.") == V{"day 2015-10-10..2015-10-10"});
    CHECK(eventDates("Homs has been besieged since 2012. The next day jets struck Latakia.") ==
          V{"span 2012-01-01..2015-10-10", "day 2015-10-10..2015-10-10"});
}

TEST_CASE("geoparse gives each clause of a sentence its own date, and each date its event") {
    // Published Saturday 10 October 2015: Monday is the 5th, Tuesday the 6th.
    CHECK(eventDates("Jets struck Idlib on Monday and Homs on Tuesday.") ==
          V{"day 2015-10-05..2015-10-05", "day 2015-10-06..2015-10-06"});
    CHECK(eventDates("On Monday, jets struck Idlib and on Tuesday Homs.") ==
          V{"day 2015-10-05..2015-10-05", "day 2015-10-06..2015-10-06"});
    // The first names of a list share the date after them; a semicolon ends the part they share.
    CHECK(eventDates("Rebels have held Tartus since 2012; jets struck Idlib and Homs yesterday.") ==
          V{"span 2012-01-01..2015-10-10", "day 2015-10-09..2015-10-09"});
    // A clause that goes on past its place takes the date before it, not the next clause's.
    CHECK(eventDates("In January and February rebels fought in Homs beside allies, and they reached Tartus by March.") ==
          V{"month 2015-01-01..2015-01-31", "month 2015-03-01..2015-03-31"});
    // One clause: its recent date, as before ("besieged since 2012" is background).
    CHECK(eventDates("Homs, besieged since 2012, was shelled on Tuesday.") == V{"day 2015-10-06..2015-10-06"});
    // One date for all: one event.
    CHECK(eventDates("Jets struck Idlib and Homs on Monday.") == V{"day 2015-10-05..2015-10-05"});
}
