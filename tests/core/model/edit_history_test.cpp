#include "core/model/edit_history.h"

#include <doctest/doctest.h>

#include "core/model/workspace.h"

using namespace cmap::model;

namespace {
Annotation text(std::string id, double lon) { return {std::move(id), AnnotationKind::Text, {{lon, 35}}, "x", 0, {}, {}, {}}; }
}  // namespace

TEST_CASE("undo and redo walk back and forth through annotation edits") {
    EditHistory h;
    Workspace ws;
    auto& list = ws.annotations;
    CHECK_FALSE(h.undo(ws));
    // Add, move, delete: each recorded before it happens.
    h.record(editsOf(ws));
    list.push_back(text("a1", 36));
    h.record(editsOf(ws));
    list[0].points[0].lon = 37;
    h.record(editsOf(ws));
    list.clear();

    REQUIRE(h.undo(ws));  // the delete
    REQUIRE(list.size() == 1);
    CHECK(list[0].points[0].lon == 37);
    REQUIRE(h.undo(ws));  // the move
    CHECK(list[0].points[0].lon == 36);
    REQUIRE(h.undo(ws));  // the add
    CHECK(list.empty());
    CHECK_FALSE(h.canUndo());

    REQUIRE(h.redo(ws));
    REQUIRE(h.redo(ws));
    CHECK(list[0].points[0].lon == 37);
    // A new edit after undoing forgets what was undone.
    h.record(editsOf(ws));
    list[0].text = "changed";
    CHECK_FALSE(h.canRedo());
    CHECK_FALSE(h.redo(ws));
    CHECK(list[0].text == "changed");
    REQUIRE(h.undo(ws));
    CHECK(list[0].text == "x");
}

TEST_CASE("one history holds annotation edits and decisions about mentions, in the order they were made") {
    EditHistory h;
    Workspace ws;
    ws.title = "kept";
    h.record(editsOf(ws));
    ws.annotations.push_back(text("a1", 36));
    h.record(editsOf(ws));
    setCorrection(ws.corrections, {"a.txt", {3, 9}, Correction::Action::NotAPlace, std::nullopt, "Harbin", std::nullopt});
    setRule(ws.always, {"", {}, Correction::Action::NotAPlace, std::nullopt, "Harbin", std::nullopt});

    REQUIRE(h.undo(ws));  // both decisions, made as one step
    CHECK(ws.corrections.empty());
    CHECK(ws.always.empty());
    CHECK(ws.annotations.size() == 1);
    REQUIRE(h.undo(ws));
    CHECK(ws.annotations.empty());
    CHECK(ws.title == "kept");  // not an edit the history holds
    REQUIRE(h.redo(ws));
    REQUIRE(h.redo(ws));
    CHECK(ws.corrections.size() == 1);
    CHECK(ws.always.size() == 1);
}

TEST_CASE("the history keeps a bounded number of steps, the newest") {
    EditHistory h;
    Workspace ws;
    for (size_t i = 0; i < EditHistory::kLimit + 10; ++i) {
        h.record(editsOf(ws));
        ws.annotations.push_back(text("a" + std::to_string(i), 0));
    }
    size_t undone = 0;
    while (h.undo(ws)) ++undone;
    CHECK(undone == EditHistory::kLimit);
    CHECK(ws.annotations.size() == 10);  // the oldest steps are gone, not the newest
}
