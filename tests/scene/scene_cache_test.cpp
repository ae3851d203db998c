#include "scene/scene_cache.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "scene/annotation_layers.h"
#include "scene/map_scene.h"
#include "real_data.h"

using namespace cmap;
using namespace cmap::scene;

namespace {

std::vector<model::Annotation> annotations() {
    using model::AnnotationKind;
    return {
        {"arrow", AnnotationKind::Arrow, {{60, 35}, {70, 38}}, "push", 0, {}, {}, {}},
        {"ring", AnnotationKind::RangeRing, {{65, 34}}, "", 300, {}, {}, {}},
    };
}

bool sameGeometry(const geo::FeatureSet& a, const geo::FeatureSet& b) {
    if (a.kind != b.kind || a.coords.size() != b.coords.size()) return false;
    for (size_t i = 0; i < a.coords.size(); ++i)
        if (a.coords[i].lon != b.coords[i].lon || a.coords[i].lat != b.coords[i].lat) return false;
    return true;
}

// The annotations' feature sets are made for the call without a cache: equal geometry, another
// object. Everything else compares as the renderer compares it.
void checkSameScene(const Scene& a, const Scene& b) {
    CHECK(a.projection == b.projection);
    CHECK(a.view == b.view);
    CHECK(a.background == b.background);
    CHECK(a.backdrop == b.backdrop);
    REQUIRE(a.layers.size() == b.layers.size());
    for (size_t i = 0; i < a.layers.size(); ++i) {
        CHECK(a.layers[i].name == b.layers[i].name);
        Layer other = b.layers[i];
        auto adopt = [&](auto* mine, auto* theirs) {
            if (!mine || !theirs || !mine->features || !theirs->features || mine->features->path != "annotation") return;
            CHECK(sameGeometry(*mine->features, *theirs->features));
            theirs->features = mine->features;
        };
        adopt(std::get_if<FillLayer>(&a.layers[i].content), std::get_if<FillLayer>(&other.content));
        adopt(std::get_if<LineLayer>(&a.layers[i].content), std::get_if<LineLayer>(&other.content));
        CHECK(a.layers[i].content == other.content);
    }
}

const geo::FeatureSetPtr& annotationSet(const Scene& s, const std::string& name) {
    for (const Layer& l : s.layers)
        if (l.name == name) return std::get<LineLayer>(l.content).features;
    FAIL("no layer " << name);
    static const geo::FeatureSetPtr none;
    return none;
}

}  // namespace

TEST_CASE("scene cache: a scene built with a cache is the scene built without one") {
    const MapContent content = test::briefingContent(true);
    MapState state;
    state.annotations = annotations();
    state.time = model::TimeQuery{model::TimeMode::Cumulative, model::Date{2015, 9, 1}.firstDay(), 30};
    SceneCache cache;
    const Scene first = buildMapScene(content, state, 800, 600, cache);
    const Scene again = buildMapScene(content, state, 800, 600, cache);
    const Scene fresh = buildMapScene(content, state, 800, 600);
    CHECK(first.backdrop > 0);  // the basemap is there, and came from the cache the second time
    checkSameScene(first, again);
    checkSameScene(first, fresh);
    // An unchanged annotation path: the same feature set, so the renderer keeps its mesh.
    CHECK(annotationSet(first, "annotation arrow") == annotationSet(again, "annotation arrow"));
    CHECK(annotationSet(first, "annotation ring") == annotationSet(again, "annotation ring"));
    CHECK(annotationSet(first, "annotation arrow") != annotationSet(fresh, "annotation arrow"));

    // Scrubbing, then another projection and size, then back: never a stale basemap or projection.
    for (int day : {10, 40}) {
        state.time->day = model::Date{2015, 9, 1}.firstDay() + day;
        checkSameScene(buildMapScene(content, state, 800, 600, cache), buildMapScene(content, state, 800, 600));
    }
    MapState plate = state;
    plate.projection = "EPSG:4326";
    checkSameScene(buildMapScene(content, plate, 640, 480, cache), buildMapScene(content, plate, 640, 480));
    checkSameScene(buildMapScene(content, state, 800, 600, cache), buildMapScene(content, state, 800, 600));
    CHECK(defaultView(content, "EPSG:4326", 640, 480, cache) == defaultView(content, "EPSG:4326", 640, 480));
    // A moved annotation is a new set.
    state.annotations[0].points[1].lon += 1;
    CHECK(annotationSet(buildMapScene(content, state, 800, 600, cache), "annotation arrow") !=
          annotationSet(first, "annotation arrow"));
}
