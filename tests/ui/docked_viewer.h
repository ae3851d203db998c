#pragma once
// A viewer docked in a 1600x1000 window drawn by the test's own ImGui context, with articles of
// our own geoparsed against the real gazetteer: UI tests click and type into it as a user would.
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "input_frames.h"
#include "real_data.h"
#include "ui/panels.h"
#include "ui/viewer.h"
#include "ui/widgets.h"

namespace cmap::test {

struct Folder {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("cmap-ui-test-" + std::to_string(std::random_device{}()));
    Folder() { std::filesystem::create_directories(path); }
    ~Folder() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

/// An article of a test: its file name, text and sidecar JSON.
struct TestArticle {
    std::string name, text, meta;
};

inline std::vector<TestArticle> convoyArticle() {
    return {{"convoy.txt", "A convoy left Tartus for Latakia on Monday. Ships were seen near Tartus.\n",
             R"({"title": "Convoy", "published": "2015-09-16"})"}};
}

constexpr float kWidth = 1600, kHeight = 1000;

struct DockedViewer {
    ImGuiInput input{kWidth, kHeight};
    ui::TextFieldProbe probe;
    Folder dir;
    ui::Viewer v{[] {
        ui::ViewerOptions o;
        o.offerRecovery = false;
        return o;
    }()};

    explicit DockedViewer(const std::vector<TestArticle>& articles = convoyArticle()) {
        ImGui::GetIO().UserData = &probe;
        auto gazetteer = realGazetteer();
        for (const TestArticle& a : articles) {
            const auto file = dir.path / a.name;
            std::ofstream(file) << a.text;
            std::ofstream(std::filesystem::path(file).replace_extension(".meta.json")) << a.meta;
            v.session.articles.push_back(scene::loadArticleSource(file.string(), file, std::nullopt, *gazetteer));
            v.session.workspace.articles.push_back({file.string(), std::nullopt});
        }
        auto geodata = std::make_shared<ui::Geodata>();
        geodata->gazetteer = gazetteer;
        v.session.geodata = geodata;
        v.contentChanged();
    }
    ~DockedViewer() { ImGui::GetIO().UserData = nullptr; }
    DockedViewer(const DockedViewer&) = delete;
    DockedViewer& operator=(const DockedViewer&) = delete;

    void draw() {
        probe.fields.clear();
        layout = ui::drawViewerPanels(v, kWidth, kHeight, 1.0 / 60, false);
    }
    void frame() {
        input.frame([this] { draw(); });
    }
    // A click as a pointer makes it: over the place first (ImGui presses what was hovered).
    void click(float x, float y) {
        input.mouse(x, y, 0, false, [this] { draw(); });
        input.click(x, y, 0, [this] { draw(); });
    }
    void key(int glfwKey, bool ctrl = false) {
        input.key(glfwKey, [this] { draw(); }, ctrl);
    }
    // Fields are found again by window and label: a number field's id is its group's, which
    // ImGui gives the active part while one is active.
    const ui::TextFieldProbe::Field* field(const std::string& window, const std::string& label) const {
        for (const auto& f : probe.fields)
            if (f.window == window && f.label == label) return &f;
        return nullptr;
    }

    ui::Layout layout;
};

}  // namespace cmap::test
