#include <doctest/doctest.h>

#include <filesystem>

#include "ui/autosave.h"

using namespace cmap;

TEST_CASE("autosave: due an interval after the first change, then every interval; recovery round-trips") {
    auto dir = std::filesystem::temp_directory_path() / "cmap_ui_autosave_test";
    std::filesystem::remove_all(dir);
    ui::Autosave a(dir, 30);
    CHECK_FALSE(a.due(0, false));
    CHECK_FALSE(a.due(5, true));   // first change at 5
    CHECK_FALSE(a.due(34, true));
    CHECK(a.due(35, true));
    CHECK_FALSE(a.find());

    model::Workspace ws;
    ws.title = "unsaved briefing";
    ws.articles.push_back({"/data/a.txt", std::nullopt});
    a.write(ws, "/data/brief.json", 35);
    CHECK_FALSE(a.due(50, true));
    CHECK(a.due(65, true));

    auto r = a.find();  // what the next start after a crash finds
    REQUIRE(r);
    CHECK(r->workspace.title == "unsaved briefing");
    CHECK(r->savedAs == "/data/brief.json");
    a.discard();  // a save or a clean exit
    CHECK_FALSE(a.find());
    CHECK_FALSE(a.due(70, false));
    std::filesystem::remove_all(dir);
}
