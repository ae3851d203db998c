#include "ui/file_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "ui/viewer.h"
#include "ui/widgets.h"

namespace cmap::ui {
namespace {

constexpr const char* kPopupId = "Choose a file";

const char* purposeTitle(FilePurpose p) {
    switch (p) {
        case FilePurpose::OpenWorkspace: return "Open workspace";
        case FilePurpose::SaveWorkspace: return "Save workspace as";
        case FilePurpose::OpenLayer: return "Open layer (Shapefile, GeoPackage, GeoJSON, KML, CSV)";
        case FilePurpose::OpenArticle: return "Add article (.txt, .md, .html)";
        case FilePurpose::ExportPng: return "Export the map as PNG";
    }
    return "";
}

void list(FileDialog& d) {
    std::filesystem::path dir = folderOf(d.path);
    if (dir == d.listedDir) return;
    d.listedDir = dir;
    d.entries.clear();
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, std::filesystem::directory_options::skip_permission_denied, ec)) {
        if (e.path().filename().string().starts_with(".")) continue;
        d.entries.push_back(e);
    }
    // Folders first, then files, each by name.
    std::sort(d.entries.begin(), d.entries.end(), [](const auto& a, const auto& b) {
        std::error_code e1, e2;
        bool da = a.is_directory(e1), db = b.is_directory(e2);
        if (da != db) return da;
        return a.path().filename() < b.path().filename();
    });
}

}  // namespace

std::filesystem::path folderOf(const std::string& typed) {
    if (typed.empty()) return ".";
    std::filesystem::path p(typed);
    if (typed.back() == '/') return p.parent_path().empty() ? std::filesystem::path("/") : p.parent_path();
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) return p;
    return p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
}

void openFileDialog(Viewer& v, FilePurpose purpose) {
    FileDialog& d = v.fileDialog;
    d.openRequested = true;
    d.purpose = purpose;
    d.error.clear();
    if (purpose == FilePurpose::SaveWorkspace || purpose == FilePurpose::OpenWorkspace)
        d.path = v.session.workspacePath.empty() ? std::filesystem::current_path().string() + "/briefing.cmap.json"
                                                  : v.session.workspacePath.string();
    else if (purpose == FilePurpose::ExportPng)
        d.path = (v.session.workspacePath.empty() ? std::filesystem::current_path() : v.session.workspacePath.parent_path())
                     .string() + "/map.png";
    else if (d.path.empty())
        d.path = std::filesystem::current_path().string() + "/";
    d.listedDir.clear();
}

void drawFileDialog(Viewer& v) {
    FileDialog& d = v.fileDialog;
    if (d.openRequested) {
        ImGui::OpenPopup(kPopupId);
        d.openRequested = false;
    }
    ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, ImGui::GetFontSize() * 26), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(kPopupId, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    ImGui::TextUnformatted(purposeTitle(d.purpose));
    ImGui::SetNextItemWidth(-1);
    bool enter = inputText("##path", &d.path, ImGuiInputTextFlags_EnterReturnsTrue);
    list(d);
    float buttonsH = ImGui::GetFrameHeightWithSpacing() * (d.error.empty() ? 1.f : 2.f);
    ImGui::BeginChild("##entries", ImVec2(0, -buttonsH), true);
    if (ImGui::Selectable("../")) d.path = (std::filesystem::absolute(d.listedDir).parent_path()).string() + "/";
    for (const auto& e : d.entries) {
        std::error_code ec;
        bool dir = e.is_directory(ec);
        std::string name = e.path().filename().string() + (dir ? "/" : "");
        if (ImGui::Selectable(name.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
            d.path = e.path().string() + (dir ? "/" : "");
            if (!dir && ImGui::IsMouseDoubleClicked(0)) enter = true;
        }
    }
    ImGui::EndChild();
    if (!d.error.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", d.error.c_str());
    const bool writes = d.purpose == FilePurpose::SaveWorkspace || d.purpose == FilePurpose::ExportPng;
    bool ok = ImGui::Button(d.purpose == FilePurpose::ExportPng ? "Export" : writes ? "Save" : "Open") || enter;
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    if (ok) {
        std::error_code ec;
        std::filesystem::path p(d.path);
        if (!writes && !std::filesystem::is_regular_file(p, ec)) {
            d.error = d.path + ": no such file";
        } else if (d.purpose == FilePurpose::ExportPng) {
            // A failed export keeps the dialog open with the reason, for another path.
            if (auto why = exportMapPng(v, p)) d.error = *why;
            else ImGui::CloseCurrentPopup();
        } else {
            d.error.clear();
            switch (d.purpose) {
                case FilePurpose::OpenWorkspace: v.openWorkspace(p); break;
                case FilePurpose::SaveWorkspace: v.saveWorkspace(p); break;
                case FilePurpose::OpenLayer: v.addLayer(d.path); break;
                case FilePurpose::OpenArticle: v.addArticle(d.path); break;
                case FilePurpose::ExportPng: break;
            }
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::EndPopup();
}

}  // namespace cmap::ui
