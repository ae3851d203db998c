// Every text field of the viewer, reached as a user reaches it: the whole docked frame is drawn
// (drawViewerPanels, as the viewer draws it), the pointer clicks into each field the frame drew and
// types into it. A field that aborts ImGui (an id another widget of its window also uses, so a
// click makes one widget active and the other's button logic trips over it) ends the test binary.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>  // the active item's id, to check the click reached the field

#include <GLFW/glfw3.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>

#include "docked_viewer.h"
#include "ui/panels.h"
#include "ui/viewer.h"
#include "ui/widgets.h"

using namespace cmap;

namespace {

// The docked viewer, with a way to reach every field it shows.
struct DockedViewer : test::DockedViewer {
    // Clicks into every field the current state shows and types into it. Returns the labels of
    // the fields reached, so a test can say which fields it expects.
    std::set<std::string> typeIntoEveryField(const std::string& typed) {
        frame();
        frame();  // popups opened by state appear a frame after they are requested
        // While a popup is open only its own fields take the pointer (a click elsewhere closes it,
        // or, under a modal one, does nothing).
        const ImGuiContext& g = *GImGui;
        const ImGuiWindow* popup = g.OpenPopupStack.Size > 0 ? g.OpenPopupStack.back().Window : nullptr;
        std::vector<std::pair<std::string, std::string>> names;
        for (const auto& f : probe.fields)
            if (!popup || f.window == popup->Name) names.emplace_back(f.window, f.label);
        std::set<std::string> reached;
        // A plain pair, not a structured binding: doctest's CAPTURE takes its argument into a
        // lambda, and clang 14 cannot capture a structured binding.
        for (const auto& name : names) {
            const std::string& window = name.first;
            const std::string& label = name.second;
            frame();
            const auto* f = field(window, label);
            if (!f) continue;  // gone after an earlier field's edit (a tool's field, say)
            CAPTURE(label);
            const float x = (f->x0 + f->x1) / 2, y = (f->y0 + f->y1) / 2;
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = {x, y};
            frame();  // hover first, as a real pointer does
            io.MouseDown[0] = true;
            frame();
            io.MouseDown[0] = false;
            frame();
            f = field(window, label);
            REQUIRE(f);
            // A number field (ImGui's InputScalar group) is only typed into, for the crash: the
            // probe cannot name its text part, which ImGui 1.86 keeps active on its own terms.
            const bool number = f->number;
            if (!number) CHECK_MESSAGE(GImGui->ActiveId == f->id, "the click did not reach the field");
            for (char c : typed) {
                io.AddInputCharacter(static_cast<unsigned>(c));
                frame();
            }
            frame();
            if (!number) CHECK(io.WantTextInput);
            reached.insert(label);
            ImGui::ClearActiveID();
        }
        return reached;
    }
};

}  // namespace

TEST_CASE("text fields: the annotation editor, the tool strip and the slide fields take typing") {
    DockedViewer d;
    ui::Viewer& v = d.v;
    // A text annotation, selected: its editor shows Text, From and To (and the tool strip's buttons
    // above it, one of which is also called Text).
    model::Annotation a;
    a.id = "a1";
    a.kind = model::AnnotationKind::Text;
    a.points = {{35.8, 35.5}};
    a.text = "Port";
    v.session.workspace.annotations = {a};
    v.annotationTools.selected = "a1";
    model::Slide s;
    s.title = "Opening";
    v.session.workspace.slides = {s};
    v.slides.selected = 0;

    auto reached = d.typeIntoEveryField("x");
    CHECK(reached.count("Text"));
    CHECK(reached.count("From"));
    CHECK(reached.count("To"));
    CHECK(reached.count("##title"));
    CHECK(reached.count("##notes"));
    CHECK(reached.count("##date"));  // the article's publication date
    CHECK(v.session.workspace.annotations.at(0).text == "Portx");
    CHECK(v.session.workspace.slides.at(0).title == "Openingx");
    CHECK(v.session.workspace.slides.at(0).notes == "x");

    // The tools' own fields: the text of the next Text annotation, a range ring's radius.
    v.annotationTools.tool = ui::AnnotationTool::Text;
    reached = d.typeIntoEveryField("y");
    CHECK(reached.count("Text"));
    CHECK(v.annotationTools.text.ends_with("y"));
    v.annotationTools.tool = ui::AnnotationTool::RangeRing;
    reached = d.typeIntoEveryField("5");
    CHECK(reached.count("Radius (km)"));
}

TEST_CASE("text fields: furniture, projection, window, file dialog and correction search take typing") {
    DockedViewer d;
    ui::Viewer& v = d.v;
    v.furniture.open = true;
    v.canvas.choice = ui::ProjectionChoice::Custom;
    v.timeline.mode = model::TimeMode::Window;
    v.timeline.showAll = false;
    auto reached = d.typeIntoEveryField("z");
    CHECK(reached.count("Title"));
    CHECK(reached.count("Subtitle"));
    CHECK(reached.count("##custom"));
    CHECK(reached.count("days"));
    CHECK(v.session.workspace.title.ends_with("z"));
    CHECK(v.session.workspace.furniture.subtitle.ends_with("z"));

    // A short path that fits the field: a click into the middle of a longer one (the working
    // folder, on a machine with deep paths) puts the cursor inside the text, not after it.
    v.fileDialog.path = "/";
    ui::openFileDialog(v, ui::FilePurpose::OpenArticle);
    reached = d.typeIntoEveryField("w");
    CHECK(reached.count("##path"));
    CHECK(v.fileDialog.path.ends_with("w"));
    d.input.key(GLFW_KEY_ESCAPE, [&d] { d.draw(); });  // Cancel

    ui::openCorrection(v, 0, 0);
    reached = d.typeIntoEveryField("q");
    CHECK(reached.count("##search"));
    CHECK(v.correction.search.ends_with("q"));
}

TEST_CASE("text fields: every field of the viewer goes through the probed helpers") {
    // A field drawn with ImGui's own InputText would be invisible to the tests above.
    const std::filesystem::path ui = std::filesystem::path(CMAP_SOURCE_DIR) / "src" / "ui";
    for (const auto& entry : std::filesystem::directory_iterator(ui)) {
        if (entry.path().filename() == "widgets.cpp") continue;
        std::ifstream in(entry.path());
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CAPTURE(entry.path().filename().string());
        CHECK(text.find("ImGui::Input") == std::string::npos);
    }
}
