#include "core/model/annotation.h"

#include <doctest/doctest.h>

#include "core/error.h"
#include "core/model/workspace.h"
#include "model/workspace_load_error.h"
#include "geo/test_geodata.h"

using namespace cmap;
using namespace cmap::model;

namespace {

std::vector<Annotation> everyKind() {
    std::vector<Annotation> list;
    Annotation text{"t1", AnnotationKind::Text, {{35.79, 35.52}}, "Russian air group, Hmeimim", 0, {}, Date{2015, 9}, Date{2015, 12, 31}};
    text.style.fontPx = 18;
    list.push_back(text);
    list.push_back({"c1", AnnotationKind::Callout, {{34.0, 36.5}, {35.89, 34.89}}, "Tartus naval facility", 0, {}, {}, {}});
    list.push_back({"arr", AnnotationKind::Arrow, {{37.6, 55.75}, {35.79, 35.52}}, "", 0, {}, {}, {}});
    list.push_back({"curve", AnnotationKind::CurvedArrow, {{33.5, 44.6}, {30.0, 39.0}, {35.79, 35.52}}, "Syria express", 0,
                    {0x1565c0ff, 0, 4, 15}, Date{2015}, std::nullopt});
    list.push_back({"ring", AnnotationKind::RangeRing, {{35.95, 35.41}}, "S-400 (approx.)", 400, {}, {}, {}});
    list.push_back({"poly", AnnotationKind::Polygon, {{36, 36}, {37, 36}, {37, 37}}, "", 0, {0x00000080, 0x11223344, 1, 12}, {}, {}});
    list.push_back({"free", AnnotationKind::Freehand, {{38, 35}, {38.5, 35.2}, {38.7, 35.9}, {38.1, 36.1}}, "", 0, {}, {}, {}});
    return list;
}

std::string withAnnotation(const std::string& annotation) {
    return R"({"version": 1, "title": "T", "annotations": [)" + annotation + "]}";
}

}  // namespace

TEST_CASE("annotations of every kind round-trip through the workspace file") {
    test::TempDir dir;
    Workspace ws;
    ws.annotations = everyKind();
    saveWorkspace(ws, dir / "w.json");
    Workspace back = loadWorkspace(dir / "w.json");
    REQUIRE(back.annotations.size() == ws.annotations.size());
    for (size_t i = 0; i < ws.annotations.size(); ++i) CHECK(back.annotations[i] == ws.annotations[i]);
    CHECK(back.annotations[0].from->iso() == "2015-09");
    CHECK(back.annotations[4].radiusKm == 400);
    CHECK(back.annotations[3].style.rgba == 0x1565c0ffu);
}

TEST_CASE("a workspace without annotations still loads") {
    test::TempDir dir;
    test::writeText(dir / "w.json", R"({"version": 1, "title": "old"})");
    Workspace ws = loadWorkspace(dir / "w.json");
    CHECK(ws.title == "old");
    CHECK(ws.annotations.empty());
}

TEST_CASE("a bad annotation is a DataError naming the file and the field, and nothing loads") {
    test::TempDir dir;
    auto w = dir / "w.json";
    auto check = [&](const std::string& annotation, const std::string& expected) {
        test::writeText(w, withAnnotation(annotation));
        CHECK(test::workspaceLoadError(w) == w.string() + ": " + expected);
    };
    check(R"({"id": "a", "kind": "blob", "points": [[0, 0]]})", "annotations[0].kind: 'blob' is not an annotation kind");
    check(R"({"id": "a", "kind": "arrow", "points": [[0, 0]]})", "annotations[0].points: arrow needs 2 points, not 1");
    check(R"({"id": "a", "kind": "polygon", "points": [[0, 0], [1, 1]]})",
          "annotations[0].points: polygon needs at least 3 points, not 2");
    check(R"({"id": "a", "kind": "text", "points": [[200, 0]]})", "annotations[0].points[0][0]: 200 is out of range");
    check(R"({"id": "a", "kind": "text", "points": [[1, 2, 3]]})", "annotations[0].points[0]: expected [lon, lat]");
    check(R"({"id": "a", "kind": "text", "points": [[0, 0]], "text": 5})", "annotations[0].text: expected a string");
    check(R"({"id": "a", "kind": "range_ring", "points": [[0, 0]]})", "annotations[0].radius_km: missing");
    check(R"({"id": "a", "kind": "range_ring", "points": [[0, 0]], "radius_km": -5})",
          "annotations[0].radius_km: -5 is out of range");
    check(R"({"id": "a", "kind": "text", "points": [[0, 0]], "style": {"width": "wide"}})",
          "annotations[0].style.width: expected a number");
    check(R"({"id": "a", "kind": "text", "points": [[0, 0]], "from": "2015-10-01", "to": "2015-09"})",
          "annotations[0].to: 2015-09 is before from (2015-10-01)");
    check(R"({"id": "", "kind": "text", "points": [[0, 0]]})", "annotations[0].id: empty");
    check(R"({"id": "x", "kind": "text", "points": [[0, 0]]}, {"id": "x", "kind": "text", "points": [[1, 1]]})",
          "annotations[1].id: 'x' is used by an earlier annotation");
    test::writeText(w, R"({"version": 1, "annotations": {"id": "x"}})");
    CHECK(test::workspaceLoadError(w) == w.string() + ": annotations: expected a list");
}

TEST_CASE("an annotation's time span includes whole months and years") {
    Annotation a{"a", AnnotationKind::Text, {{0, 0}}, "x", 0, {}, Date{2015, 9}, Date{2015, 10}};
    CHECK_FALSE(visibleOn(a, Date{2015, 8, 31}.firstDay()));
    CHECK(visibleOn(a, Date{2015, 9, 1}.firstDay()));
    CHECK(visibleOn(a, Date{2015, 10, 31}.firstDay()));
    CHECK_FALSE(visibleOn(a, Date{2015, 11, 1}.firstDay()));
    a.from.reset();
    CHECK(visibleOn(a, Date{1990, 1, 1}.firstDay()));
}

TEST_CASE("new annotation ids are unused") {
    std::vector<Annotation> list = everyKind();
    list[0].id = "a8";
    std::string id = newAnnotationId(list);
    for (const Annotation& a : list) CHECK(a.id != id);
    CHECK(newAnnotationId({}) == "a1");
}
