#include <doctest/doctest.h>

#include <filesystem>

#include "core/model/workspace.h"
#include "ui/corrections.h"

using namespace cmap;

namespace {

model::Document twoMentions() {
    model::Document d;
    d.file = "a.txt";
    model::Mention m1;
    m1.range = {10, 17};
    m1.text = "Latakia";
    m1.place.name = "Latakia";
    model::Mention m2;
    m2.range = {30, 35};
    m2.text = "Homer";
    m2.place.name = "Homer";
    d.mentions = {m1, m2};
    model::Event e;
    e.mentions = {0, 1};
    d.events = {e};
    return d;
}

}  // namespace

TEST_CASE("corrections: a later decision replaces an earlier one; they win over geoparsing") {
    model::Workspace ws;
    ui::setCorrection(ws, {"a.txt", {30, 35}, model::Correction::Action::Place, ui::handPlaced("Homer", {36.7, 34.7})});
    ui::setCorrection(ws, {"a.txt", {30, 35}, model::Correction::Action::NotAPlace, std::nullopt});
    REQUIRE(ws.corrections.size() == 1);
    CHECK(ui::findCorrection(ws, "a.txt", {30, 35})->action == model::Correction::Action::NotAPlace);

    model::Document d = twoMentions();
    model::applyCorrections(d, ws.corrections);
    REQUIRE(d.mentions.size() == 1);
    CHECK(d.mentions[0].text == "Latakia");
    CHECK(d.events[0].mentions == std::vector<uint32_t>{0});

    CHECK(ui::clearCorrection(ws, "a.txt", {30, 35}));
    CHECK_FALSE(ui::clearCorrection(ws, "a.txt", {30, 35}));
    ui::setCorrection(ws, {"a.txt", {10, 17}, model::Correction::Action::Place, ui::handPlaced("Latakia", {35.78, 35.52})});
    d = twoMentions();
    model::applyCorrections(d, ws.corrections);
    CHECK(d.mentions[0].place.point.lon == doctest::Approx(35.78));
    CHECK(d.mentions[0].confidence == 1);
}

TEST_CASE("corrections and article dates survive a save and a load") {
    model::Workspace ws;
    ws.articles.push_back({"a.txt", std::nullopt});
    CHECK(ui::setArticleDate(ws, "a.txt", model::Date{2015, 9, 30}));
    CHECK_FALSE(ui::setArticleDate(ws, "b.txt", model::Date{2015, 9, 30}));
    ui::setCorrection(ws, {"a.txt", {10, 17}, model::Correction::Action::Place, ui::handPlaced("Latakia", {35.78, 35.52})});
    auto path = std::filesystem::temp_directory_path() / "cmap_ui_corrections_test.json";
    model::saveWorkspace(ws, path);
    model::Workspace back = model::loadWorkspace(path);
    std::filesystem::remove(path);
    REQUIRE(back.corrections.size() == 1);
    CHECK(back.corrections[0].place->name == "Latakia");
    CHECK(back.articles[0].published->iso() == "2015-09-30");
}
