// Slides in the workspace file: they round-trip, old files without them load, and a wrong value
// is one DataError naming the file and the slide's field.
#include "core/model/slide.h"

#include <doctest/doctest.h>

#include "core/error.h"
#include "core/model/workspace.h"
#include "model/workspace_load_error.h"
#include "geo/test_geodata.h"

using namespace cmap;
using namespace cmap::model;

namespace {

Slide coast() {
    Slide s;
    s.title = "The coast";
    s.notes = "Hmeimim first, then Tartus.\nSecond line.";
    s.view = {"EPSG:3857", 35.9, 35.2, 180};
    s.timeline = {TimeMode::Window, Date{2015, 9, 30}, 14};
    s.layers = {{"category:airstrike", false}, {"article:a.txt", true}};
    s.annotations = {"a1", "a3"};
    return s;
}

}  // namespace

TEST_CASE("slides round-trip through the workspace file, in order, with every field") {
    test::TempDir dir;
    Workspace ws;
    ws.slides.push_back(coast());
    Slide all;  // a slide of everything: fit to the data, no date
    all.title = "Everything";
    ws.slides.push_back(all);
    saveWorkspace(ws, dir / "w.json");
    Workspace back = loadWorkspace(dir / "w.json");
    REQUIRE(back.slides.size() == 2);
    CHECK(back.slides[0] == coast());
    CHECK(back.slides[1] == all);
    CHECK_FALSE(back.slides[1].annotations);  // all of them, unlike an empty list
    ws.slides[1].annotations.emplace();
    saveWorkspace(ws, dir / "w.json");
    CHECK(loadWorkspace(dir / "w.json").slides[1].annotations == std::vector<std::string>{});
    CHECK_FALSE(back.slides[1].timeline.date);
    CHECK(back.slides[1].view.scale == 0);
}

TEST_CASE("a workspace written before slides existed loads with none") {
    test::TempDir dir;
    test::writeText(dir / "w.json", R"({"version": 1, "title": "old", "view": {"scale": 0}})");
    CHECK(loadWorkspace(dir / "w.json").slides.empty());
}

TEST_CASE("a bad slide is a DataError naming the file and the slide's field") {
    test::TempDir dir;
    auto w = dir / "w.json";
    auto withSlides = [&](const std::string& slides) {
        test::writeText(w, R"({"version": 1, "slides": )" + slides + "}");
        return test::workspaceLoadError(w);
    };
    CHECK(withSlides(R"({"title": "x"})") == w.string() + ": slides: expected a list");
    CHECK(withSlides(R"([3])") == w.string() + ": slides[0]: expected an object");
    CHECK(withSlides(R"([{}, {"title": 7}])") == w.string() + ": slides[1].title: expected a string");
    CHECK(withSlides(R"([{"notes": ["a"]}])") == w.string() + ": slides[0].notes: expected a string");
    CHECK(withSlides(R"([{"view": {"center_lat": 95}}])") == w.string() + ": slides[0].view.center_lat: 95 is out of range");
    CHECK(withSlides(R"([{"view": "Latakia"}])") == w.string() + ": slides[0].view: expected an object");
    CHECK(withSlides(R"([{"timeline": {"date": "2015-13-01"}}])") ==
          w.string() + ": slides[0].timeline.date: '2015-13-01' is not a valid date");
    CHECK(withSlides(R"([{"timeline": {"mode": "later"}}])") ==
          w.string() + ": slides[0].timeline.mode: 'later' is not cumulative, window or asof");
    CHECK(withSlides(R"([{"layers": {"category:base": "yes"}}])") ==
          w.string() + ": slides[0].layers.category:base: expected true or false");
    CHECK(withSlides(R"([{"annotations": "a1"}])") == w.string() + ": slides[0].annotations: expected a list");
    CHECK(withSlides(R"([{"annotations": ["a1", 2]}])") == w.string() + ": slides[0].annotations[1]: expected a string");
}
