#include "ui/widgets.h"

#include <imgui.h>

namespace cmap::ui {

void sectionHeader(const char* title) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", title);
    ImGui::Separator();
}

bool beginPanel(const char* name, const Rect& r, int extraFlags) {
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
    ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus | extraFlags;
    return ImGui::Begin(name, nullptr, flags);
}

}  // namespace cmap::ui
