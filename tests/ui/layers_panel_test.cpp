// Event datasets in the Layers panel: each one the workspace lists, in its order, says what it
// holds; its style (visibility, colour, size, opacity) is kept in the workspace and obeyed by the
// map; removing it drops it from both.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>

#include "core/model/event_table.h"
#include "core/model/workspace.h"
#include "scene/map_scene.h"
#include "scene/slide_state.h"
#include "ui/layers_panel.h"
#include "core/model/workspace_paths.h"
#include "ui/viewer.h"

using namespace cmap;

namespace {

int day(const char* iso) { return model::Date::parse(iso)->firstDay(); }

model::EventTablePtr dataset(const std::string& path) {
    using C = model::EventCategory;
    std::vector<model::EventRow> rows = {
        {36.2f, 35.5f, day("2015-10-01"), day("2015-10-01"), {}, {}, C::Airstrike, 0},
        {36.7f, 34.7f, day("2015-10-03"), day("2015-10-03"), {}, {}, C::Attack, 0},
        {37.1f, 36.2f, day("2015-10-05"), day("2015-10-05"), {}, {}, C::Airstrike, 0},
    };
    auto t = std::make_shared<model::EventTable>(model::EventTable::build(path, std::move(rows), {"A monitor"}));
    t->badRows = 1;
    t->firstBadLine = 3;
    t->firstBadReason = "line 3: no latitude";
    return t;
}

const scene::EventLayer* eventLayer(const scene::Scene& s) {
    for (const auto& layer : s.layers)
        if (const auto* e = std::get_if<scene::EventLayer>(&layer.content)) return e;
    return nullptr;
}

}  // namespace

TEST_CASE("layers panel: event datasets are listed, styled like article layers, saved, and removable") {
    ui::ViewerOptions opt;
    opt.offerRecovery = false;
    ui::Viewer v(opt);
    v.session.workspace.events = {{"data/acled.csv", ""}, {"missing.gpkg", "event_date"}};
    v.session.events = {dataset("data/acled.csv")};
    v.contentChanged();

    auto rows = ui::eventDatasetRows(v.session);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].name == "acled.csv");
    CHECK(rows[0].id == scene::layerIdForEvents("data/acled.csv"));
    CHECK(rows[0].detail == "3 events, 2015-10-01 to 2015-10-05; 1 row skipped, the first at line 3: no latitude");
    REQUIRE(rows[0].table);
    CHECK(rows[0].style.visible);
    CHECK(rows[0].style.byCategory);
    // Not imported (failed or still importing): listed, so the user sees it and can remove it.
    CHECK(rows[1].name == "missing.gpkg");
    CHECK_FALSE(rows[1].table);

    auto scene = [&] { return scene::buildMapScene(*v.session.content, v.mapState(), 640, 480); };
    float defaultSize = 0;
    {
        scene::Scene s = scene();
        const scene::EventLayer* e = eventLayer(s);
        REQUIRE(e);
        CHECK(e->categoryColors[size_t(model::EventCategory::Airstrike)] ==
              scene::eventCategoryColor(model::EventCategory::Airstrike));
        CHECK(e->categoryColors[size_t(model::EventCategory::Attack)] ==
              scene::eventCategoryColor(model::EventCategory::Attack));
        defaultSize = e->sizePx;
    }

    // One colour for all its dots, twice the size, half opacity: what the user picked is drawn.
    CHECK_FALSE(v.session.dirty);
    model::LayerStyle picked = rows[0].style;
    picked.rgba = 0x2040c0ffu;
    picked.byCategory = false;
    picked.size = 2;
    picked.opacity = 0.5f;
    ui::setLayerStyle(v.session, rows[0].id, picked);
    CHECK(v.session.dirty);
    CHECK(ui::eventDatasetRows(v.session)[0].style.rgba == 0x2040c0ffu);
    {
        scene::Scene s = scene();
        const scene::EventLayer* e = eventLayer(s);
        REQUIRE(e);
        CHECK(e->categoryColors[size_t(model::EventCategory::Airstrike)] == scene::rgb(0x2040c0));
        CHECK(e->categoryColors[size_t(model::EventCategory::Attack)] == scene::rgb(0x2040c0));
        CHECK(e->opacity == doctest::Approx(0.5));
        CHECK(e->sizePx == doctest::Approx(2 * defaultSize));
    }
    // The event category toggles filter the dataset's dots too.
    model::LayerStyle hiddenCategory;
    hiddenCategory.visible = false;
    ui::setLayerStyle(v.session, scene::layerIdForCategory(model::EventCategory::Attack), hiddenCategory);
    CHECK(eventLayer(scene())->categoryColors[size_t(model::EventCategory::Attack)].a == 0);
    CHECK(eventLayer(scene())->categoryColors[size_t(model::EventCategory::Airstrike)].a > 0);

    // Hidden: not drawn at all, and a slide made now keeps it hidden (and the category toggles).
    picked.visible = false;
    ui::setLayerStyle(v.session, rows[0].id, picked);
    CHECK_FALSE(eventLayer(scene()));
    const model::Slide slide = scene::slideFromState(v.mapState(), *v.session.content, 640, 480);
    CHECK(slide.layers.at(rows[0].id) == false);
    CHECK(slide.layers.at(scene::layerIdForCategory(model::EventCategory::Attack)) == false);
    CHECK(slide.layers.at(scene::layerIdForCategory(model::EventCategory::Airstrike)) == true);

    // Saved with the workspace and read back as set.
    const auto file = std::filesystem::temp_directory_path() /
                      ("cmap-layers-panel-" + std::to_string(std::random_device{}()) + ".json");
    REQUIRE(v.saveWorkspace(file));
    // As the viewer opens it again: its paths (stored relative to it) resolved to where they are.
    const model::Workspace back = model::relocatePaths(model::loadWorkspace(file), file, {});
    std::filesystem::remove(file);
    // The test's workspace names the dataset relative to the current folder, as a command line does.
    const std::string id = scene::layerIdForEvents(std::filesystem::absolute("data/acled.csv").string());
    REQUIRE(back.layers.contains(id));
    const model::LayerStyle& saved = back.layers.at(id);
    CHECK_FALSE(saved.visible);
    CHECK_FALSE(saved.byCategory);
    CHECK(saved.rgba == 0x2040c0ffu);
    CHECK(saved.size == doctest::Approx(2));
    CHECK(back.events.size() == 2);

    v.removeEvents("data/acled.csv");
    CHECK(ui::eventDatasetRows(v.session).size() == 1);
    CHECK(v.session.workspace.events.size() == 1);
    CHECK(v.session.content->events.empty());
}
