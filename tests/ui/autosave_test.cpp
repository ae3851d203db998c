#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/error.h"
#include "ui/autosave.h"

using namespace cmap;

TEST_CASE("autosave: a copy once edits pause, and at least every 1.5 s while they go on; recovery round-trips") {
    auto dir = std::filesystem::temp_directory_path() / ("cmap_ui_autosave_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    ui::Autosave a(dir);
    CHECK_FALSE(a.due(0, false, 0));
    CHECK_FALSE(a.due(5, true, 1));     // a change at 5
    CHECK_FALSE(a.due(5.3, true, 1));
    CHECK(a.due(5.5, true, 1));         // the edits paused for half a second
    // A drag: a change every frame. The copy still comes within 1.5 s of the first.
    ui::Autosave drag(dir / "drag");
    uint64_t n = 0;
    double first = -1;
    for (double t = 10; t < 20; t += 0.05) {
        if (drag.due(t, true, ++n)) {
            first = t;
            break;
        }
    }
    CHECK(first == doctest::Approx(11.5).epsilon(0.01));
    CHECK_FALSE(a.find());

    model::Workspace ws;
    ws.title = "unsaved briefing";
    ws.articles.push_back({"/data/a.txt", std::nullopt});
    a.write(ws, "/data/brief.json");
    CHECK_FALSE(a.due(50, true, 1));    // that change has its copy
    CHECK_FALSE(a.due(50, true, 2));
    CHECK(a.due(50.5, true, 2));

    auto r = a.find();  // what the next start after a crash finds
    REQUIRE(r);
    CHECK(r->workspace.title == "unsaved briefing");
    CHECK(r->savedAs == "/data/brief.json");
    a.discard();  // a save or a clean exit
    CHECK_FALSE(a.find());
    CHECK_FALSE(a.due(70, false, 3));
    std::filesystem::remove_all(dir);
}

TEST_CASE("autosave: a recovery copy that cannot be read is kept aside, never deleted") {
    auto dir = std::filesystem::temp_directory_path() / "cmap_ui_autosave_unreadable";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    ui::Autosave a(dir, 30);
    { std::ofstream(a.file()) << "{\"version\": 1, \"title\": "; }  // cut short by a crash
    CHECK_THROWS_AS(a.find(), DataError);
    const auto aside = a.keepAside();
    REQUIRE(aside);
    CHECK_FALSE(std::filesystem::exists(a.file()));
    std::ifstream in(*aside);
    std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(kept == "{\"version\": 1, \"title\": ");
    // The next one goes beside it, not over it.
    { std::ofstream(a.file()) << "garbage"; }
    const auto second = a.keepAside();
    REQUIRE(second);
    CHECK(*second != *aside);
    CHECK(std::filesystem::exists(*aside));
    std::filesystem::remove_all(dir);
}
