// The presenter's keys and clicks, through ImGui's input state as the GLFW backend fills it (no
// window needed): F5 starts, Right/Space/click go on, Left/right-click go back, Esc leaves.
#include <doctest/doctest.h>
#include <imgui.h>

#include <GLFW/glfw3.h>

#include "core/model/briefing.h"
#include "real_data.h"
#include "ui/presentation.h"
#include "ui/viewer.h"

using namespace cmap;

namespace {

struct Frames {
    ImGuiContext* context = ImGui::CreateContext();
    Frames() {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = {800, 500};
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // NewFrame needs a built atlas, not a GPU
    }
    ~Frames() { ImGui::DestroyContext(context); }
    // One frame with key (a GLFW key code) or mouse button held, then one with it released.
    template <class F>
    void press(int key, int mouse, F&& handle) {
        ImGuiIO& io = ImGui::GetIO();
        if (key >= 0) io.KeysDown[key] = true;
        if (mouse >= 0) io.MouseDown[mouse] = true;
        frame(handle);
        if (key >= 0) io.KeysDown[key] = false;
        if (mouse >= 0) io.MouseDown[mouse] = false;
        frame(handle);
    }
    template <class F>
    void frame(F&& handle) {
        ImGui::GetIO().DeltaTime = 1.f / 60;
        ImGui::NewFrame();
        handle();
        ImGui::EndFrame();
    }
};

}  // namespace

TEST_CASE("presentation keys: F5 starts, arrows, space and clicks step, Esc leaves") {
    Frames frames;
    ui::Viewer v{ui::ViewerOptions{}};
    auto content = std::make_shared<scene::MapContent>();
    content->gazetteer = test::realGazetteer();
    for (auto& bd : model::briefingDocuments(model::builtinBriefing(), content->gazetteer.get()))
        content->documents.push_back(std::make_shared<const model::Document>(std::move(bd.document)));
    v.session.content = content;
    v.session.workspace.slides = model::builtinBriefing().slides;
    v.canvas.rect = {0, 0, 800, 500};
    auto handle = [&v] { ui::handlePresentationKeys(v); };

    frames.press(GLFW_KEY_F5, -1, handle);
    REQUIRE(v.presentation.active);
    CHECK(v.presentation.slide == 0);
    frames.press(GLFW_KEY_RIGHT, -1, handle);
    CHECK(v.presentation.slide == 1);
    frames.press(GLFW_KEY_SPACE, -1, handle);
    CHECK(v.presentation.slide == 2);
    frames.press(GLFW_KEY_RIGHT, -1, handle);  // the last slide stays
    CHECK(v.presentation.slide == 2);
    frames.press(GLFW_KEY_LEFT, -1, handle);
    CHECK(v.presentation.slide == 1);
    frames.press(-1, ImGuiMouseButton_Right, handle);
    CHECK(v.presentation.slide == 0);
    frames.press(-1, ImGuiMouseButton_Left, handle);
    CHECK(v.presentation.slide == 1);
    frames.frame(handle);  // a held key counts once: nothing more happens without a press
    CHECK(v.presentation.slide == 1);
    frames.press(GLFW_KEY_ESCAPE, -1, handle);
    CHECK_FALSE(v.presentation.active);
    frames.press(GLFW_KEY_RIGHT, -1, handle);  // outside presentation the arrows are the map's
    CHECK(v.presentation.slide == 1);
}
