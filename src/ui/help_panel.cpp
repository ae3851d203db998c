#include "ui/help_panel.h"

#include <imgui.h>

#include "ui/shortcuts.h"
#include "ui/viewer.h"

#ifndef CMAP_VERSION
#define CMAP_VERSION "development build"
#endif

namespace cmap::ui {
namespace {

// What the map is drawn from and with, as their licences ask to be credited.
constexpr const char* kAttributions[] = {
    "Places: GeoNames (geonames.org), CC BY 4.0",
    "Countries, provinces and regions: Natural Earth (naturalearthdata.com), public domain",
    "Reading vector files: GDAL/OGR; projections: PROJ",
    "Interface: Dear ImGui and GLFW; text: the DejaVu fonts",
};

}  // namespace

void drawHelpMenu(Viewer& v) {
    if (!ImGui::BeginMenu("Help")) return;
    if (ImGui::MenuItem("Keyboard shortcuts", keysOf(Command::Help).c_str())) v.help.shortcuts = true;
    if (ImGui::MenuItem("About conflictmap")) v.help.about = true;
    ImGui::EndMenu();
}

void drawHelpWindows(Viewer& v) {
    HelpPanel& h = v.help;
    if (pressed(Command::Help)) h.shortcuts = !h.shortcuts;
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    if (h.shortcuts) {
        ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, ImGui::GetFontSize() * 30), ImGuiCond_Appearing);
        if (ImGui::Begin("Keyboard shortcuts", &h.shortcuts, ImGuiWindowFlags_NoCollapse)) {
            const char* where = nullptr;
            if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
                for (const Shortcut& s : shortcuts()) {
                    if (!where || std::string_view(where) != s.where) {
                        where = s.where;
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        ImGui::TextDisabled("%s", where);
                    }
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(keyName(s).c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(s.what);
                }
                ImGui::EndTable();
            }
        }
        ImGui::End();
    }
    if (h.about) {
        ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        if (ImGui::Begin("About conflictmap", &h.about, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
            ImGui::Text("conflictmap %s", CMAP_VERSION);
            ImGui::TextDisabled("From news articles to briefing maps.");
            ImGui::Separator();
            for (const char* a : kAttributions) ImGui::BulletText("%s", a);
        }
        ImGui::End();
    }
}

}  // namespace cmap::ui
