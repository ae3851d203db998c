// Going to a slide in the viewer: the map ends exactly at the state `export --slide` draws, after a
// fly-to and a timeline glide; a slide in another projection jumps; bad slides change nothing;
// the presenter steps with keys and clicks.
#include "ui/presentation.h"

#include <doctest/doctest.h>

#include <GLFW/glfw3.h>

#include "core/model/briefing.h"
#include "input_frames.h"
#include "real_data.h"
#include "scene/slide_state.h"
#include "ui/viewer.h"

using namespace cmap;

namespace {

struct BriefingViewer {
    ui::Viewer v{ui::ViewerOptions{}};
    BriefingViewer() {
        v.session.content = std::make_shared<scene::MapContent>(test::briefingContent(true));
        v.session.workspace.slides = model::builtinBriefing().slides;
        v.canvas.rect = {0, 0, 800, 500};
    }
    void run(double seconds) {
        for (double t = 0; t < seconds; t += 0.05) {
            v.canvas.camera.advance(0.05);
            ui::advancePresentation(v, 0.05);
        }
    }
    scene::MapState slideState(size_t i) const {
        const ui::Rect& r = v.canvas.rect;
        return scene::slideMapState(v.session.workspace.slides[i], *v.session.content, v.session.workspace.layers, r.w, r.h);
    }
};

void checkShows(const scene::MapState& now, const scene::MapState& slide) {
    CHECK(now.projection == slide.projection);
    REQUIRE(now.view);
    REQUIRE(slide.view);
    CHECK(now.view->center.x == slide.view->center.x);
    CHECK(now.view->center.y == slide.view->center.y);
    CHECK(now.view->unitsPerPixel == slide.view->unitsPerPixel);
    REQUIRE(now.time.has_value() == slide.time.has_value());
    if (now.time) {
        CHECK(now.time->day == slide.time->day);
        CHECK(now.time->mode == slide.time->mode);
        CHECK(now.time->windowDays == slide.time->windowDays);
    }
    CHECK(now.labels == slide.labels);
    for (const auto& [id, style] : slide.styles) CHECK(now.styles.at(id).visible == style.visible);
}

}  // namespace

TEST_CASE("presentation: each slide flies in and lands on the state export --slide draws") {
    BriefingViewer b;
    ui::Viewer& v = b.v;
    REQUIRE(ui::goToSlide(v, 0, 0));
    checkShows(v.mapState(), b.slideState(0));

    // Slide 2: the same date, another view: a fly-to that passes between the two.
    scene::View from = *v.mapState().view;
    REQUIRE(ui::goToSlide(v, 1, ui::Presentation::kTransitionSeconds));
    CHECK(v.canvas.camera.flight);
    b.run(ui::Presentation::kTransitionSeconds / 2);
    scene::View mid = *v.mapState().view;
    CHECK(mid.unitsPerPixel > from.unitsPerPixel);
    CHECK(mid.unitsPerPixel < b.slideState(1).view->unitsPerPixel);
    CHECK(ui::presentationMoving(v));
    b.run(ui::Presentation::kTransitionSeconds);
    CHECK_FALSE(ui::presentationMoving(v));
    checkShows(v.mapState(), b.slideState(1));

    // Slide 3: back to 2006; the timeline glides through the years between.
    REQUIRE(ui::goToSlide(v, 2, ui::Presentation::kTransitionSeconds));
    b.run(ui::Presentation::kTransitionSeconds / 2);
    int day = v.mapState().time->day;
    CHECK(day < model::Date{2015, 9, 30}.firstDay());
    CHECK(day > model::Date{2006, 12, 31}.firstDay());
    b.run(ui::Presentation::kTransitionSeconds);
    checkShows(v.mapState(), b.slideState(2));
    CHECK(v.slides.selected == 2u);
}

TEST_CASE("presentation: a slide in another projection jumps there; a bad one changes nothing") {
    BriefingViewer b;
    ui::Viewer& v = b.v;
    model::Slide mercator = v.session.workspace.slides[0];
    mercator.view.projection = "EPSG:3857";
    mercator.view.scale = 400;
    v.session.workspace.slides.push_back(mercator);
    REQUIRE(ui::goToSlide(v, 3, ui::Presentation::kTransitionSeconds));
    CHECK_FALSE(v.canvas.camera.flight);
    CHECK(v.canvas.choice == ui::ProjectionChoice::WebMercator);
    checkShows(v.mapState(), b.slideState(3));

    model::Slide bad = mercator;
    bad.view.projection = "+proj=nonsense";
    v.session.workspace.slides.push_back(bad);
    CHECK_FALSE(ui::goToSlide(v, 4, 1));
    CHECK(v.errors.size() == 1);
    CHECK(v.errors[0].find("slide 5") == 0);
    checkShows(v.mapState(), b.slideState(3));
}

TEST_CASE("presentation: without slides it does not start and says why") {
    BriefingViewer b;
    b.v.session.workspace.slides.clear();
    ui::startPresentation(b.v, 0);
    CHECK_FALSE(b.v.presentation.active);
    REQUIRE(b.v.errors.size() == 1);
    CHECK(b.v.errors[0].find("no slides") != std::string::npos);
}

TEST_CASE("presentation: a slide's title heads the map, over the briefing's; editing shows the briefing's") {
    BriefingViewer b;
    ui::Viewer& v = b.v;
    v.session.workspace.title = "Briefing title";
    v.session.workspace.slides[1].title = "Second slide";
    auto titleRows = [&v] {
        std::vector<std::string> rows;
        scene::Scene s = v.mapScene(800, 500);
        for (const scene::Layer& layer : s.layers)
            if (auto* screen = std::get_if<scene::ScreenLayer>(&layer.content); screen && layer.name == "furniture")
                for (const scene::ScreenPanel& panel : screen->panels) {
                    if (panel.at) continue;  // a marker's footnote badge; the title is the first corner panel
                    for (const scene::ScreenRow& row : panel.rows) rows.push_back(std::get<scene::ScreenText>(row.cells.at(0)).text);
                    return rows;
                }
        return rows;
    };
    CHECK(titleRows().at(0) == "Briefing title");
    ui::startPresentation(v, 1);
    REQUIRE(v.presentation.active);
    CHECK(titleRows() == std::vector<std::string>{"Second slide", "Briefing title"});
    // A slide without a title leaves the map's own.
    v.session.workspace.slides[2].title.clear();
    REQUIRE(ui::goToSlide(v, 2, 0));
    CHECK(titleRows().at(0) == "Briefing title");
    ui::stopPresentation(v);
    REQUIRE(ui::goToSlide(v, 1, 0));
    CHECK(titleRows().at(0) == "Briefing title");
}

TEST_CASE("presentation: when the map changes size (full screen), the slide is fitted again") {
    BriefingViewer b;
    ui::Viewer& v = b.v;
    ui::startPresentation(v, 0);
    REQUIRE(v.canvas.camera.flight);
    // Full screen arrives a frame later, mid-flight: the flight heads for the refitted view.
    v.canvas.rect = {0, 0, 1600, 1000};
    ui::fitPresentationToCanvas(v);
    b.run(ui::Presentation::kTransitionSeconds + 0.1);
    checkShows(v.mapState(), b.slideState(0));
    // The briefing's slides are framed on 1600x1000: there they keep their stored scale.
    CHECK(v.mapState().view->unitsPerPixel == v.session.workspace.slides[0].view.scale);
    // Settled, then resized again: the same area at the new size.
    v.canvas.rect = {0, 0, 800, 500};
    ui::fitPresentationToCanvas(v);
    CHECK(v.mapState().view->unitsPerPixel == 2 * v.session.workspace.slides[0].view.scale);
    checkShows(v.mapState(), b.slideState(0));
}

TEST_CASE("presentation keys: F5 starts, arrows, space and clicks step, Esc leaves") {
    test::ImGuiInput input;  // the presenter's keys and clicks as the GLFW backend reports them
    BriefingViewer b;
    ui::Viewer& v = b.v;
    auto handle = [&v] { ui::handlePresentationKeys(v); };

    input.key(GLFW_KEY_F5, handle);
    REQUIRE(v.presentation.active);
    CHECK(v.presentation.slide == 0);
    input.key(GLFW_KEY_RIGHT, handle);
    CHECK(v.presentation.slide == 1);
    input.key(GLFW_KEY_SPACE, handle);
    CHECK(v.presentation.slide == 2);
    input.key(GLFW_KEY_RIGHT, handle);  // the last slide stays
    CHECK(v.presentation.slide == 2);
    input.key(GLFW_KEY_LEFT, handle);
    CHECK(v.presentation.slide == 1);
    input.click(400, 250, ImGuiMouseButton_Right, handle);
    CHECK(v.presentation.slide == 0);
    input.click(400, 250, ImGuiMouseButton_Left, handle);
    CHECK(v.presentation.slide == 1);
    input.frame(handle);  // a frame without a press changes nothing
    CHECK(v.presentation.slide == 1);
    input.key(GLFW_KEY_ESCAPE, handle);
    CHECK_FALSE(v.presentation.active);
    input.key(GLFW_KEY_RIGHT, handle);  // outside presentation the arrows are the map's
    CHECK(v.presentation.slide == 1);
}
