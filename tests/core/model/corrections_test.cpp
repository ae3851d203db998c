#include "core/model/corrections.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>

#include "core/model/workspace.h"

using namespace cmap;
using model::Correction;

namespace {

model::Mention mention(uint32_t start, std::string text) {
    model::Mention m;
    m.range = {start, start + static_cast<uint32_t>(text.size())};
    m.text = text;
    m.place.name = text;
    m.confidence = 0.4;
    return m;
}

// "Latakia ... Homer ... Latakia": the words of a test article of our own, as mentions.
model::Document threeMentions(uint32_t shift = 0) {
    model::Document d;
    d.file = "a.txt";
    d.mentions = {mention(10 + shift, "Latakia"), mention(30 + shift, "Homer"), mention(50 + shift, "Latakia")};
    model::Event e;
    e.mentions = {0, 1, 2};
    d.events = {e};
    return d;
}

Correction notAPlace(uint32_t start, std::string text) {
    return {"a.txt", {start, start + static_cast<uint32_t>(text.size())}, Correction::Action::NotAPlace, std::nullopt,
            std::move(text), std::nullopt};
}

}  // namespace

TEST_CASE("corrections: a later decision replaces an earlier one; they win over geoparsing") {
    std::vector<Correction> cs;
    model::setCorrection(cs, {"a.txt", {30, 35}, Correction::Action::Place, model::handPlaced("Homer", {36.7, 34.7}), "Homer", std::nullopt});
    model::setCorrection(cs, notAPlace(30, "Homer"));
    REQUIRE(cs.size() == 1);
    CHECK(model::findCorrection(cs, "a.txt", {30, 35})->action == Correction::Action::NotAPlace);

    model::Document d = threeMentions();
    model::CorrectionIndex index = model::applyCorrections(d, cs);
    REQUIRE(d.mentions.size() == 2);
    CHECK(d.mentions[1].range.start == 50);
    CHECK(d.events[0].mentions == std::vector<uint32_t>{0, 1});
    CHECK(index.shown == std::vector<uint32_t>{0, model::kDropped, 1});
    CHECK(index.raw == std::vector<uint32_t>{0, 2});
    CHECK(index.decision[1] == model::Decision::NotAPlace);

    CHECK(model::clearCorrection(cs, "a.txt", {30, 35}));
    CHECK_FALSE(model::clearCorrection(cs, "a.txt", {30, 35}));
    model::setCorrection(cs, {"a.txt", {10, 17}, Correction::Action::Place, model::handPlaced("Latakia", {35.78, 35.52}), "Latakia",
                              std::nullopt});
    d = threeMentions();
    model::applyCorrections(d, cs);
    CHECK(d.mentions[0].place.point.lon == doctest::Approx(35.78));
    CHECK(d.mentions[0].confidence == 1);  // decided: no threshold hides it
    CHECK(d.mentions[2].confidence == doctest::Approx(0.4));
}

TEST_CASE("corrections follow their words when re-geoparsing moved them, and never take another's mention") {
    std::vector<Correction> cs = {notAPlace(30, "Homer")};
    model::Document d = threeMentions(7);  // seven bytes were typed above the mentions
    model::CorrectionIndex index = model::applyCorrections(d, cs);
    CHECK(index.decision[1] == model::Decision::NotAPlace);
    REQUIRE(d.mentions.size() == 2);

    // Both "Latakia" decided, one moved: the moved one takes the nearest mention no other names.
    cs = {notAPlace(10, "Latakia"), {"a.txt", {57, 64}, Correction::Action::Accept, std::nullopt, "Latakia", std::nullopt}};
    d = threeMentions();
    d.mentions[2].range = {60, 67};  // the second moved; the first did not
    index = model::applyCorrections(d, cs);
    CHECK(index.decision == std::vector{model::Decision::NotAPlace, model::Decision::None, model::Decision::Accept});

    // Words that are gone leave the decision unused, not applied to something else.
    cs = {notAPlace(30, "Hamer")};
    d = threeMentions(3);
    index = model::applyCorrections(d, cs);
    CHECK(d.mentions.size() == 3);
}

TEST_CASE("an 'always' rule decides every mention spelled so that has no decision of its own") {
    std::vector<Correction> always, cs;
    model::setRule(always, {"", {}, Correction::Action::NotAPlace, std::nullopt, "Latakia", std::nullopt});
    model::setCorrection(cs, {"a.txt", {50, 57}, Correction::Action::Accept, std::nullopt, "Latakia",
                              model::DateRange::of(model::Date{2015, 9})});
    model::Document d = threeMentions();
    model::CorrectionIndex index = model::applyCorrections(d, cs, always);
    REQUIRE(d.mentions.size() == 2);
    CHECK(index.byRule == std::vector<uint8_t>{1, 0, 0});
    CHECK(index.decision[2] == model::Decision::Accept);
    REQUIRE(d.mentions[1].date);
    CHECK(d.mentions[1].date->precision == model::Precision::Month);  // the analyst's date, as precise as given
    CHECK(d.events[0].date == d.mentions[1].date);                     // and its sentence's event's
    CHECK(model::findRule(always, "Latakia"));
    CHECK(model::clearRule(always, "Latakia"));
    CHECK_FALSE(model::findRule(always, "Latakia"));
}

TEST_CASE("decisions, rules, dates and the threshold survive a save and a load") {
    model::Workspace ws;
    ws.articles.push_back({"a.txt", std::nullopt});
    CHECK(model::setArticleDate(ws, "a.txt", model::Date{2015, 9, 30}));
    CHECK_FALSE(model::setArticleDate(ws, "b.txt", model::Date{2015, 9, 30}));
    model::setCorrection(ws.corrections, {"a.txt", {10, 17}, Correction::Action::Place,
                                          model::handPlaced("Latakia", {35.78, 35.52}), "Latakia",
                                          model::DateRange::span(16700, 16702)});
    model::setCorrection(ws.corrections, {"a.txt", {30, 35}, Correction::Action::Accept, std::nullopt, "Homer", std::nullopt});
    model::setRule(ws.always, {"", {}, Correction::Action::NotAPlace, std::nullopt, "Russian", std::nullopt});
    ws.minConfidence = 0.35;
    auto path = std::filesystem::temp_directory_path() / ("cmap_corrections_test_" + std::to_string(::getpid()) + ".json");
    model::saveWorkspace(ws, path);
    model::Workspace back = model::loadWorkspace(path);
    std::filesystem::remove(path);
    CHECK(back.corrections == ws.corrections);
    CHECK(back.always == ws.always);
    CHECK(back.minConfidence == 0.35);
    CHECK(back.articles[0].published->iso() == "2015-09-30");
}
