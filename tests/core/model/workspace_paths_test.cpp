#include "core/model/workspace_paths.h"

#include <doctest/doctest.h>

using namespace cmap::model;

TEST_CASE("workspace paths: files beside or below the workspace are stored relative, others absolute") {
    CHECK(pathForWorkspace("/brief/articles/a.txt", "/brief/w.json") == "articles/a.txt");
    CHECK(pathForWorkspace("/brief/a.txt", "/brief/w.json") == "a.txt");
    CHECK(pathForWorkspace("/elsewhere/a.txt", "/brief/w.json") == "/elsewhere/a.txt");
    CHECK(pathForWorkspace("/brief/../brief/x/../a.txt", "/brief/w.json") == "a.txt");
    CHECK(pathForWorkspace("/brief/a.txt", "") == "/brief/a.txt");
    CHECK(resolveWorkspacePath("articles/a.txt", "/brief/w.json") == "/brief/articles/a.txt");
    CHECK(resolveWorkspacePath("/x/a.txt", "/brief/w.json") == "/x/a.txt");
    CHECK(resolveWorkspacePath("builtin:briefing", "/brief/w.json") == "builtin:briefing");
}

TEST_CASE("workspace paths: moving a workspace moves its paths and everything they key") {
    Workspace ws;
    ws.articles = {{"/brief/a.txt", std::nullopt}, {"builtin:briefing", std::nullopt}};
    ws.overlays = {"/brief/layers/zones.geojson", "/data/shared/bases.gpkg"};
    ws.events = {{"/brief/events.csv", ""}};
    ws.corrections = {{"/brief/a.txt", {3, 9}, Correction::Action::NotAPlace, std::nullopt, "Harbin", std::nullopt}};
    ws.layers["article:/brief/a.txt"].visible = false;
    ws.layers["category:airstrike"].visible = false;
    Slide s;
    s.layers["events:/brief/events.csv"] = false;
    ws.slides = {s};

    const Workspace saved = relocatePaths(ws, {}, "/brief/w.json");
    CHECK(saved.articles[0].path == "a.txt");
    CHECK(saved.articles[1].path == "builtin:briefing");
    CHECK(saved.overlays == std::vector<std::string>{"layers/zones.geojson", "/data/shared/bases.gpkg"});
    CHECK(saved.events[0].path == "events.csv");
    CHECK(saved.corrections[0].file == "a.txt");
    CHECK(saved.layers.contains("article:a.txt"));
    CHECK(saved.layers.contains("category:airstrike"));
    CHECK(saved.slides[0].layers.contains("events:events.csv"));

    // Copied with its files to another folder, it opens there: back to absolute paths under it.
    const Workspace opened = relocatePaths(saved, "/copy/w.json", {});
    CHECK(opened.articles[0].path == "/copy/a.txt");
    CHECK(opened.corrections[0].file == "/copy/a.txt");
    CHECK(opened.overlays[1] == "/data/shared/bases.gpkg");
    CHECK(opened.layers.contains("article:/copy/a.txt"));
}
