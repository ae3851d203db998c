#include <imgui.h>

#include <GLFW/glfw3.h>

#include "ui/panels.h"
#include "ui/viewer.h"

namespace cmap::ui {

float drawMenuBar(Viewer& v) {
    ImGuiIO& io = ImGui::GetIO();
    bool save = false, saveAs = false;
    // Shortcuts work wherever the keyboard focus is, as in any desktop application.
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O, false)) openFileDialog(v, FilePurpose::OpenWorkspace);
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_S, false)) (io.KeyShift ? saveAs : save) = true;
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_E, false)) openFileDialog(v, FilePurpose::ExportPng);

    float height = 0;
    if (ImGui::BeginMainMenuBar()) {
        if (ImGui::BeginMenu("File")) {
            if (ImGui::MenuItem("Open workspace...", "Ctrl+O")) openFileDialog(v, FilePurpose::OpenWorkspace);
            if (ImGui::MenuItem("Save", "Ctrl+S")) save = true;
            if (ImGui::MenuItem("Save as...", "Ctrl+Shift+S")) saveAs = true;
            if (ImGui::MenuItem("Export PNG...", "Ctrl+E")) openFileDialog(v, FilePurpose::ExportPng);
            ImGui::Separator();
            if (ImGui::MenuItem("Add article...")) openFileDialog(v, FilePurpose::OpenArticle);
            if (ImGui::MenuItem("Open layer...")) openFileDialog(v, FilePurpose::OpenLayer);
            ImGui::Separator();
            if (ImGui::MenuItem("Quit")) v.quit = true;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("View")) {
            if (ImGui::MenuItem("Fit to data", "F")) fitToData(v);
            ImGui::MenuItem("Map labels", nullptr, &v.layers.labels);
            ImGui::MenuItem("Map furniture...", nullptr, &v.furniture.open);
            ImGui::EndMenu();
        }
        // The workspace's name, with a mark while it has unsaved changes.
        std::string name = v.session.workspacePath.empty() ? "unsaved workspace" : v.session.workspacePath.filename().string();
        if (v.session.dirty) name += " *";
        ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(name.c_str()).x - 16);
        ImGui::TextDisabled("%s", name.c_str());
        height = ImGui::GetWindowSize().y;
        ImGui::EndMainMenuBar();
    }
    if (save && !v.session.workspacePath.empty()) v.saveWorkspace(v.session.workspacePath);
    else if (save || saveAs) openFileDialog(v, FilePurpose::SaveWorkspace);
    return height;
}

}  // namespace cmap::ui
