#include "core/model/furniture.h"

#include <doctest/doctest.h>

#include "core/error.h"
#include "core/model/workspace.h"
#include "model/workspace_load_error.h"
#include "geo/test_geodata.h"

using namespace cmap;
using namespace cmap::model;

TEST_CASE("furniture settings round-trip through the workspace file") {
    test::TempDir dir;
    Workspace ws;
    ws.title = "Build-up at Latakia";
    ws.furniture.subtitle = "Reports of September 2015";
    ws.furniture.legend = {false, Corner::BottomLeft, 20, 30};
    ws.furniture.northArrow.corner = Corner::BottomCenter;
    ws.furniture.northArrowAlways = true;
    ws.furniture.footnotes = {true, Corner::TopRight, -4.5f, 8};
    saveWorkspace(ws, dir / "w.json");
    Workspace back = loadWorkspace(dir / "w.json");
    CHECK(back.furniture == ws.furniture);
    CHECK(back.furniture.legend.offsetX == 20);
    CHECK_FALSE(back.furniture.legend.show);
}

TEST_CASE("a workspace without furniture gets the default pieces") {
    test::TempDir dir;
    test::writeText(dir / "w.json", R"({"version": 1, "title": "x"})");
    CHECK(loadWorkspace(dir / "w.json").furniture == Furniture{});
    // A partial object keeps the defaults of what it leaves out.
    test::writeText(dir / "w.json", R"({"version": 1, "furniture": {"title": {"show": false}}})");
    Furniture f = loadWorkspace(dir / "w.json").furniture;
    CHECK_FALSE(f.title.show);
    CHECK(f.title.corner == Corner::TopLeft);
    CHECK(f.scaleBar == Furniture{}.scaleBar);
}

TEST_CASE("bad furniture settings are a DataError naming the field") {
    test::TempDir dir;
    auto w = dir / "w.json";
    test::writeText(w, R"({"version": 1, "furniture": {"legend": {"corner": "middle"}}})");
    CHECK(test::workspaceLoadError(w) == w.string() + ": furniture.legend.corner: 'middle' is not a corner such as top-left");
    test::writeText(w, R"({"version": 1, "furniture": {"scale_bar": {"offset": [1]}}})");
    CHECK(test::workspaceLoadError(w) == w.string() + ": furniture.scale_bar.offset: expected [x, y]");
    test::writeText(w, R"({"version": 1, "furniture": {"title": {"show": "yes"}}})");
    CHECK(test::workspaceLoadError(w) == w.string() + ": furniture.title.show: expected true or false");
    test::writeText(w, R"({"version": 1, "furniture": {"date": {"offset": [0, 1e9]}}})");
    CHECK(test::workspaceLoadError(w).find("furniture.date.offset[1]") != std::string::npos);
    test::writeText(w, R"({"version": 1, "furniture": []})");
    CHECK(test::workspaceLoadError(w) == w.string() + ": furniture: expected an object");
}
