// The annotation tools under the mouse and keyboard, as the viewer feeds them: place an arrow with
// two clicks, drag it along the map, drag one end, undo and redo the drags, delete it.
#include <doctest/doctest.h>

#include <GLFW/glfw3.h>

#include <cmath>

#include "input_frames.h"
#include "ui/annotations_panel.h"
#include "ui/map_canvas.h"
#include "ui/viewer.h"

using namespace cmap;

namespace {

// A viewer with nothing loaded, its map 800x500 in Web Mercator at 2 km a pixel around 36E 35N.
struct MapViewer {
    ui::Viewer v{ui::ViewerOptions{}};
    MapViewer() {
        v.session.content = std::make_shared<scene::MapContent>();
        ui::setProjectionDefinition(v.canvas, "EPSG:3857");
        v.canvas.rect = {0, 0, 800, 500};
        v.canvas.camera.view = scene::View{ui::projectionObject(v).forward(geo::LonLat{36, 35}), 2000};
    }
    geo::Vec2 pixel(geo::LonLat p) const {
        return v.canvas.camera.view->toPixel(ui::projectionObject(v).forward(p), 800, 500);
    }
};

}  // namespace

TEST_CASE("annotations: two clicks make an arrow; drags move it or one end; undo, redo, delete") {
    test::ImGuiInput input;
    MapViewer m;
    ui::Viewer& v = m.v;
    bool took = false;  // whether the tools kept the mouse from the map in the last frame
    auto mouse = [&v, &took] {
        ImVec2 p = ImGui::GetIO().MousePos;
        took = ui::handleAnnotationInput(v, true, p.x, p.y);
    };
    auto keys = [&v] { ui::handleAnnotationKeys(v); };
    auto& list = v.session.workspace.annotations;

    v.annotationTools.tool = ui::AnnotationTool::Arrow;
    input.click(200, 250, 0, mouse);
    CHECK(list.empty());  // one end so far
    input.click(600, 250, 0, mouse);
    REQUIRE(list.size() == 1);
    CHECK(list[0].kind == model::AnnotationKind::Arrow);
    REQUIRE(list[0].points.size() == 2);
    CHECK(m.pixel(list[0].points[0]).x == doctest::Approx(200).epsilon(1e-6));
    CHECK(m.pixel(list[0].points[1]).x == doctest::Approx(600).epsilon(1e-6));
    CHECK(v.session.dirty);

    // Select it by its middle and drag: both ends move 50 px down the screen.
    v.annotationTools.tool = ui::AnnotationTool::Select;
    input.mouse(400, 250, 0, true, mouse);
    input.mouse(400, 300, 0, true, mouse);
    input.mouse(400, 300, 0, false, mouse);
    CHECK(v.annotationTools.selected == list[0].id);
    CHECK(m.pixel(list[0].points[0]).y == doctest::Approx(300).epsilon(1e-6));
    CHECK(m.pixel(list[0].points[1]).y == doctest::Approx(300).epsilon(1e-6));
    CHECK(m.pixel(list[0].points[0]).x == doctest::Approx(200).epsilon(1e-6));

    // Drag the selected arrow's head alone by its handle.
    input.mouse(600, 300, 0, true, mouse);
    input.mouse(650, 200, 0, true, mouse);
    input.mouse(650, 200, 0, false, mouse);
    CHECK(m.pixel(list[0].points[1]).x == doctest::Approx(650).epsilon(1e-6));
    CHECK(m.pixel(list[0].points[1]).y == doctest::Approx(200).epsilon(1e-6));
    CHECK(m.pixel(list[0].points[0]).y == doctest::Approx(300).epsilon(1e-6));

    // Each drag is one undo step.
    input.key(GLFW_KEY_Z, keys, true);
    CHECK(m.pixel(list[0].points[1]).x == doctest::Approx(600).epsilon(1e-6));
    input.key(GLFW_KEY_Z, keys, true);
    CHECK(m.pixel(list[0].points[0]).y == doctest::Approx(250).epsilon(1e-6));
    input.key(GLFW_KEY_Y, keys, true);
    CHECK(m.pixel(list[0].points[0]).y == doctest::Approx(300).epsilon(1e-6));

    // Delete removes the selected one; undo brings it back.
    v.annotationTools.selected = list[0].id;
    input.key(GLFW_KEY_DELETE, keys);
    CHECK(list.empty());
    input.key(GLFW_KEY_Z, keys, true);
    CHECK(list.size() == 1);

    // A drag from empty map is not the tools': the map pans.
    input.mouse(100, 450, 0, true, mouse);
    CHECK_FALSE(took);
    CHECK_FALSE(v.annotationTools.selected);
    input.mouse(100, 450, 0, false, mouse);
    // While placing, the tools keep the mouse (no pan between an arrow's two clicks).
    v.annotationTools.tool = ui::AnnotationTool::Arrow;
    input.mouse(100, 450, 0, true, mouse);
    CHECK(took);
}
