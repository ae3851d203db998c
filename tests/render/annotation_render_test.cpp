// Every annotation kind drawn through the map scene and the renderer, small: 320 x 200 logical
// pixels of plain lon/lat at 0.1 degree a pixel (lon 0, lat 0 in the middle).
#include <doctest/doctest.h>

#include "render/render_harness.h"
#include "scene/annotation_layers.h"
#include "scene/map_scene.h"

using namespace cmap;
using namespace cmap::scene;
using model::Annotation;
using model::AnnotationKind;

namespace {

// Every annotation kind: the case tests/render/cases/annotations.
const test::CaseDriver annotations("annotations", [] {
    std::vector<Annotation> list = {
        {"poly", AnnotationKind::Polygon, {{-14, -8}, {-6, -8}, {-5, -2}, {-12, 0}}, "Zone", 0, {}, {}, {}},
        {"free", AnnotationKind::Freehand, {{4, -9}, {7, -6}, {11, -7}, {13, -4}, {9, -2}, {5, -4}}, "", 0,
         {0x2e7d32ff, 0x2e7d3240, 2, 14}, {}, {}},
        {"ring", AnnotationKind::RangeRing, {{-1, -3}}, "", 350, {0x6a1b9aff, 0x00000000, 1.5f, 12}, {}, {}},
        {"arrow", AnnotationKind::Arrow, {{-15, 8}, {-3, 4}}, "", 0, {0xc62828ff, 0, 3, 14}, {}, {}},
        {"curve", AnnotationKind::CurvedArrow, {{1, 1}, {7, 8}, {14, 2}}, "Route", 0, {0x1565c0ff, 0, 3.5f, 13}, {}, {}},
        {"text", AnnotationKind::Text, {{-9, 5.5}}, "Label", 0, {0x212121ff, 0, 1, 14}, {}, {}},
        {"call", AnnotationKind::Callout, {{10, 8.5}, {14.5, 5}}, "Port", 0, {0x00695cff, 0, 1.5f, 12}, {}, {}},
    };
    MapState state;
    state.projection = "EPSG:4326";
    state.view = View{{0, 0}, 0.1};
    state.annotations = list;
    Scene s = buildMapScene(MapContent{}, state, 320, 200);
    return test::renderer().renderToImage(s, 320, 200);
});

}  // namespace
