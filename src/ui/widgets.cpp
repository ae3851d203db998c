#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>  // the last item's id (GetItemID is not public in 1.86)
#include <imgui_stdlib.h>

namespace cmap::ui {

void sectionHeader(const char* title) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", title);
    ImGui::Separator();
}

bool beginPanel(const char* name, const Rect& r, int extraFlags) {
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
    ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
    // No background of its own: the frame starts cleared to the window background colour, and a
    // docked panel overlaps neither the map nor another panel. Painting it again cost llvmpipe
    // a million blended pixels a frame at 1920x1080 (7 ms of CPU, half the panels' drawing).
    // A clear background rather than ImGuiWindowFlags_NoBackground, which also drops the border.
    ImGui::SetNextWindowBgAlpha(0);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus | extraFlags;
    return ImGui::Begin(name, nullptr, flags);
}

namespace {

// Records the field just drawn. A number field is a group (its text field, then - and + buttons
// at its right end, left out of the rectangle); its id is the group's, which ImGui gives its
// active part while one is active.
bool noted(const char* label, bool changed, bool number = false) {
    if (auto* p = static_cast<TextFieldProbe*>(ImGui::GetIO().UserData)) {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        if (number) b.x -= 2 * (ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
        p->fields.push_back({GImGui->LastItemData.ID, label, ImGui::GetCurrentWindow()->Name, number, a.x, a.y, b.x, b.y});
    }
    return changed;
}

}  // namespace

bool inputText(const char* label, std::string* text, int flags) {
    return noted(label, ImGui::InputText(label, text, flags));
}

bool inputTextWithHint(const char* label, const char* hint, std::string* text, int flags) {
    return noted(label, ImGui::InputTextWithHint(label, hint, text, flags));
}

bool inputTextMultiline(const char* label, std::string* text, float width, float height, int flags) {
    return noted(label, ImGui::InputTextMultiline(label, text, ImVec2(width, height), flags));
}

bool inputInt(const char* label, int* value, int step, int stepFast) {
    return noted(label, ImGui::InputInt(label, value, step, stepFast), true);
}

bool inputDouble(const char* label, double* value, double step, double stepFast, const char* format) {
    return noted(label, ImGui::InputDouble(label, value, step, stepFast, format), true);
}

}  // namespace cmap::ui
