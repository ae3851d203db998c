#include "core/model/annotation_history.h"

#include <doctest/doctest.h>

using namespace cmap::model;

namespace {
Annotation text(std::string id, double lon) { return {std::move(id), AnnotationKind::Text, {{lon, 35}}, "x", 0, {}, {}, {}}; }
}  // namespace

TEST_CASE("undo and redo walk back and forth through annotation edits") {
    AnnotationHistory h;
    std::vector<Annotation> list;
    CHECK_FALSE(h.undo(list));
    // Add, move, delete: each recorded before it happens.
    h.record(list);
    list.push_back(text("a1", 36));
    h.record(list);
    list[0].points[0].lon = 37;
    h.record(list);
    list.clear();

    REQUIRE(h.undo(list));  // the delete
    REQUIRE(list.size() == 1);
    CHECK(list[0].points[0].lon == 37);
    REQUIRE(h.undo(list));  // the move
    CHECK(list[0].points[0].lon == 36);
    REQUIRE(h.undo(list));  // the add
    CHECK(list.empty());
    CHECK_FALSE(h.canUndo());

    REQUIRE(h.redo(list));
    REQUIRE(h.redo(list));
    CHECK(list[0].points[0].lon == 37);
    // A new edit after undoing forgets what was undone.
    h.record(list);
    list[0].text = "changed";
    CHECK_FALSE(h.canRedo());
    CHECK_FALSE(h.redo(list));
    CHECK(list[0].text == "changed");
    REQUIRE(h.undo(list));
    CHECK(list[0].text == "x");
}

TEST_CASE("the history keeps a bounded number of steps, the newest") {
    AnnotationHistory h;
    std::vector<Annotation> list;
    for (size_t i = 0; i < AnnotationHistory::kLimit + 10; ++i) {
        h.record(list);
        list.push_back(text("a" + std::to_string(i), 0));
    }
    size_t undone = 0;
    while (h.undo(list)) ++undone;
    CHECK(undone == AnnotationHistory::kLimit);
    CHECK(list.size() == 10);  // the oldest steps are gone, not the newest
}
