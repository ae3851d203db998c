#include <imgui.h>

#include "ui/panels.h"
#include "ui/shortcuts.h"
#include "ui/viewer.h"

namespace cmap::ui {

float drawMenuBar(Viewer& v) {
    bool save = false, saveAs = false;
    // Shortcuts work wherever the keyboard focus is, as in any desktop application.
    if (pressed(Command::OpenWorkspace)) openFileDialog(v, FilePurpose::OpenWorkspace);
    if (pressed(Command::Save)) save = true;
    if (pressed(Command::SaveAs)) saveAs = true;
    if (pressed(Command::ExportPng)) openFileDialog(v, FilePurpose::ExportPng);

    float height = 0;
    if (ImGui::BeginMainMenuBar()) {
        if (ImGui::BeginMenu("File")) {
            if (ImGui::MenuItem("Open workspace...", keysOf(Command::OpenWorkspace).c_str()))
                openFileDialog(v, FilePurpose::OpenWorkspace);
            if (ImGui::MenuItem("Save", keysOf(Command::Save).c_str())) save = true;
            if (ImGui::MenuItem("Save as...", keysOf(Command::SaveAs).c_str())) saveAs = true;
            if (ImGui::MenuItem("Export PNG...", keysOf(Command::ExportPng).c_str())) openFileDialog(v, FilePurpose::ExportPng);
            ImGui::Separator();
            if (ImGui::MenuItem("Add article...")) openFileDialog(v, FilePurpose::OpenArticle);
            if (ImGui::MenuItem("Open layer...")) openFileDialog(v, FilePurpose::OpenLayer);
            ImGui::Separator();
            if (ImGui::MenuItem("Quit")) v.quit = true;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Edit")) {
            if (ImGui::MenuItem("Undo", keysOf(Command::Undo).c_str(), false, v.history.canUndo())) v.undoEdit();
            if (ImGui::MenuItem("Redo", keysOf(Command::Redo).c_str(), false, v.history.canRedo())) v.redoEdit();
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("View")) {
            if (ImGui::MenuItem("Fit to data", keysOf(Command::FitToData).c_str())) fitToData(v);
            ImGui::MenuItem("Map labels", nullptr, &v.layers.labels);
            ImGui::MenuItem("Map furniture...", nullptr, &v.furniture.open);
            ImGui::EndMenu();
        }
        drawHelpMenu(v);
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
