#include "core/model/workspace.h"
#include "model/workspace_load_error.h"

#include <doctest/doctest.h>

#include <limits>

#include "core/error.h"
#include "core/model/json_reader.h"
#include "geo/test_geodata.h"

using namespace cmap;
using namespace cmap::model;

namespace {

Workspace sample() {
    Workspace ws;
    ws.title = "Build-up";
    ws.articles.push_back({"a.txt", Date{2015, 9, 30}});
    ws.articles.push_back({"b.txt", std::nullopt});
    ws.corrections.push_back({"a.txt", {10, 17}, Correction::Action::NotAPlace, std::nullopt, "", std::nullopt});
    ResolvedPlace p;
    p.name = "Latakia";
    p.kind = geo::PlaceKind::City;
    p.country = "SY";
    p.point = {35.79, 35.52};
    ws.corrections.push_back({"a.txt", {30, 37}, Correction::Action::Place, p, "", std::nullopt});
    ws.layers["category:airstrike"] = LayerStyle{false, 0x112233ff, 2.f, 0.5f, false};
    ws.overlays = {"zones.gpkg", "/data/sites.geojson"};
    ws.events.push_back({"acled.csv", ""});
    ws.events.push_back({"points.gpkg", "when"});
    ws.view = {"EPSG:3857", 36.0, 35.0, 1200.0};
    ws.timeline = {TimeMode::Window, Date{2015, 9, 15}, 60};
    return ws;
}

}  // namespace

TEST_CASE("a workspace round-trips through its JSON file") {
    test::TempDir dir;
    saveWorkspace(sample(), dir / "w.json");
    Workspace back = loadWorkspace(dir / "w.json");
    CHECK(back.title == "Build-up");
    REQUIRE(back.articles.size() == 2);
    CHECK(back.articles[0].published->iso() == "2015-09-30");
    CHECK_FALSE(back.articles[1].published);
    REQUIRE(back.events.size() == 2);
    CHECK(back.events[0].path == "acled.csv");
    CHECK(back.events[0].dateField.empty());
    CHECK(back.events[1].dateField == "when");
    REQUIRE(back.corrections.size() == 2);
    CHECK(back.corrections[0].action == Correction::Action::NotAPlace);
    CHECK(back.corrections[1].place->name == "Latakia");
    CHECK(back.corrections[1].place->point.lat == doctest::Approx(35.52));
    CHECK(back.layers["category:airstrike"].rgba == 0x112233ff);
    CHECK_FALSE(back.layers["category:airstrike"].visible);
    CHECK(back.overlays == std::vector<std::string>{"zones.gpkg", "/data/sites.geojson"});
    CHECK(back.view.projection == "EPSG:3857");
    CHECK(back.timeline.mode == TimeMode::Window);
    CHECK(back.timeline.date->iso() == "2015-09-15");
    CHECK(back.timeline.windowDays == 60);
    // Nothing is left beside it.
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path), {}) == 1);
}

TEST_CASE("a bad workspace is a DataError naming the file and the field") {
    test::TempDir dir;
    auto w = dir / "w.json";
    test::writeText(w, "{not json");
    CHECK(test::workspaceLoadError(w) == w.string() + ": not valid JSON");
    test::writeText(w, R"({"version": 99})");
    CHECK(test::workspaceLoadError(w).find("newer than this conflictmap") != std::string::npos);
    test::writeText(w, R"({"version": 1, "timeline": {"date": "2015-02-30"}})");
    CHECK(test::workspaceLoadError(w) == w.string() + ": timeline.date: '2015-02-30' is not a valid date");
    test::writeText(w, R"({"version": 1, "articles": [{"path": 3}]})");
    CHECK(test::workspaceLoadError(w) == w.string() + ": articles[0].path: expected a string");
    test::writeText(w, R"({"version": 1, "overlays": ["a.shp", null]})");
    CHECK(test::workspaceLoadError(w) == w.string() + ": overlays[1]: expected a string");
    // A style that is not an object was ignored, silently dropping what the user set.
    test::writeText(w, R"({"version": 1, "layers": {"category:airstrike": 5}})");
    CHECK(test::workspaceLoadError(w) == w.string() + ": layers.category:airstrike: expected an object");
    test::writeText(w, R"({"version": 1, "view": {"scale": 1e300}})");
    CHECK(test::workspaceLoadError(w) == w.string() + ": view.scale: 1e+300 is out of range");
    CHECK(test::workspaceLoadError(dir / "none.json") == (dir / "none.json").string() + ": no such file");
}

TEST_CASE("date ranges in workspace JSON round-trip, and a single date of older files reads as its days") {
    JsonReader r{"w.json"};
    auto day = [](int y, int m, int d) { return Date{y, m, d}.firstDay(); };
    for (const DateRange& range : {DateRange::weekOf(day(2015, 9, 24)), DateRange::decadeOf(1990),
                                   DateRange::span(day(2015, 10, 3), day(2015, 10, 5)), DateRange::of({2015, 9, 0}),
                                   DateRange::of({2015, 9, 29})}) {
        const nlohmann::json j = nlohmann::json::parse(dateRangeJson(range).dump());
        CHECK(r.dateRange(j, "date") == range);
    }
    CHECK(r.dateRange("2015-09", "date") == DateRange::of({2015, 9, 0}));
    CHECK_FALSE(r.dateRange(nullptr, "date"));
    auto error = [&](const char* text) {
        try {
            r.dateRange(nlohmann::json::parse(text), "corrections[0].date");
        } catch (const DataError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(error(R"({"first": "2015-09-22", "last": "2015-09-28", "precision": "week"})") ==
          "w.json: corrections[0].date: 2015-09-22 to 2015-09-28 is not a week");
    CHECK(error(R"({"first": "2015-09", "last": "2015-09-28", "precision": "span"})") ==
          "w.json: corrections[0].date.first: expected a day (YYYY-MM-DD)");
    CHECK(error(R"({"first": "2015-09-01", "last": "2015-09-28", "precision": "fortnight"})") ==
          "w.json: corrections[0].date.precision: 'fortnight' is not day, week, month, year, decade or span");
    CHECK(error(R"({"first": "2015-09-01", "precision": "span"})") == "w.json: corrections[0].date.last: missing");
}

TEST_CASE("a failed save leaves the previous workspace intact") {
    test::TempDir dir;
    saveWorkspace(sample(), dir / "w.json");
    std::filesystem::create_directory(dir / "sub");
    // Saving over a folder fails; saving into a missing folder fails; neither touches w.json.
    const auto saveError = [&](const std::filesystem::path& p) {
        try {
            saveWorkspace(sample(), p);
        } catch (const DataError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(saveError(dir / "sub") == (dir / "sub").string() + ": is a folder, not a workspace file");
    CHECK(saveError(dir / "missing" / "w.json") ==
          (dir / "missing" / "w.json").string() + ": cannot write: folder " + (dir / "missing").string() + " does not exist");
    CHECK(loadWorkspace(dir / "w.json").title == "Build-up");
}

TEST_CASE("what the loader would refuse is never saved; a view past the loader's ranges is clamped") {
    // The viewer wrote a layer size of 1000 (typed into a slider) and a view scale out of range
    // (autosave), and its next open failed.
    test::TempDir dir;
    saveWorkspace(sample(), dir / "w.json");
    Workspace big = sample();
    big.layers["category:airstrike"].size = 1000;
    std::string error;
    try {
        saveWorkspace(big, dir / "w.json");
    } catch (const DataError& e) {
        error = e.what();
    }
    CHECK(error == (dir / "w.json").string() + ": not saved: layers.category:airstrike.size: 1000 is out of range " +
                       "(the file would not open again)");
    CHECK(loadWorkspace(dir / "w.json").layers.at("category:airstrike").size == 2.f);

    Workspace far = sample();
    far.view.scale = 1e12;
    far.view.centerLon = 200;
    far.view.width = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_AS(saveWorkspace(far, dir / "far.json"), DataError);
    CHECK_FALSE(std::filesystem::exists(dir / "far.json"));
    far.view.clampToReadable();
    CHECK(far.view.scale == ViewState::kMaxScale);
    CHECK(far.view.centerLon == 180);
    CHECK(far.view.width == 0);
    saveWorkspace(far, dir / "far.json");
    CHECK(loadWorkspace(dir / "far.json").view == far.view);
}

TEST_CASE("corrections win over geoparsing and keep event indexes consistent") {
    Document doc;
    doc.file = "a.txt";
    for (uint32_t s : {10u, 20u, 30u}) {
        Mention m;
        m.range = {s, s + 7};
        m.place.name = "Somewhere";
        m.event = 0;
        doc.mentions.push_back(m);
    }
    doc.events.push_back({std::nullopt, EventCategory::Other, {0, 1, 2}, {0, 40}});
    Workspace ws = sample();
    (void)applyCorrections(doc, ws.corrections);
    REQUIRE(doc.mentions.size() == 2);  // the mention at 10 is not a place
    CHECK(doc.mentions[0].range.start == 20);
    CHECK(doc.mentions[1].place.name == "Latakia");
    CHECK(doc.events[0].mentions == std::vector<uint32_t>{0, 1});
}
