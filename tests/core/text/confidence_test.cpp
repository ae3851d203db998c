// A mention's confidence is the chance that it is placed within 161 km of the place meant (issue 12
// §6): it follows the resolver's evidence. Sentences written for the test, against the mini
// geodata folder.
#include <doctest/doctest.h>

#include "core/text/resolver.h"
#include "mini_gazetteer.h"

using namespace cmap;

namespace {

// The confidence of the mention of words in text (the first such mention); -1 when none.
double confidenceOf(const std::string& text, const std::string& words) {
    const model::Document d = test::miniGazetteer().parse(text, model::Date{2015, 10, 10});
    for (const auto& m : d.mentions)
        if (m.text == words) return m.confidence;
    return -1;
}

}  // namespace

TEST_CASE("confidence: a capital no other place shares the name of is all but certain") {
    const double moscow = confidenceOf("Talks opened in Moscow on Monday.", "Moscow");
    CHECK(moscow > 0.95);
    CHECK(moscow < 1);  // a probability, not a promise
}

TEST_CASE("confidence: a namesake chosen by population alone is less sure than one the story's places choose") {
    const double alone = confidenceOf("Damascus was quiet on Friday.", "Damascus");
    const double inContext = confidenceOf("Shells fell on Homs, Latakia and Damascus on Friday.", "Damascus");
    REQUIRE(alone > 0);
    CHECK(inContext > alone);
}

TEST_CASE("confidence: the mapping rises with each piece of evidence for the choice and falls with each against") {
    text::Evidence base;
    base.candidates = 2;
    base.margin = 1;
    base.context = 0.5;
    base.population = 5;
    const double c = text::calibratedConfidence(base);
    CHECK(c > 0);
    CHECK(c < 1);
    auto with = [&](auto change) {
        text::Evidence e = base;
        change(e);
        return text::calibratedConfidence(e);
    };
    CHECK(with([](text::Evidence& e) { e.margin = 3; }) > c);
    CHECK(with([](text::Evidence& e) { e.context = 2; }) > c);
    CHECK(with([](text::Evidence& e) { e.population = 6; }) > c);
    CHECK(with([](text::Evidence& e) { e.area = true; }) > c);
    CHECK(with([](text::Evidence& e) {
              e.candidates = 1;
              e.margin = 0;
          }) > c);
    CHECK(with([](text::Evidence& e) { e.alternate = true; }) < c);
    CHECK(with([](text::Evidence& e) { e.loose = true; }) < c);
    CHECK(with([](text::Evidence& e) { e.candidates = 9; }) <= c);
}
