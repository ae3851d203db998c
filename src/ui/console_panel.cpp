#include "ui/console_panel.h"

#include <imgui.h>

#include "ui/viewer.h"
#include "ui/widgets.h"

namespace cmap::ui {
namespace {

constexpr const char* kLevelNames[] = {"Debug", "Info", "Warnings", "Errors"};

ImVec4 levelColour(log::Level l) {
    switch (l) {
        case log::Level::Debug: return ImVec4(0.55f, 0.55f, 0.55f, 1);
        case log::Level::Info: return ImVec4(0.2f, 0.2f, 0.2f, 1);
        case log::Level::Warn: return ImVec4(0.7f, 0.45f, 0.0f, 1);
        case log::Level::Error: return ImVec4(0.75f, 0.1f, 0.1f, 1);
    }
    return ImVec4(0, 0, 0, 1);
}

}  // namespace

void drawConsolePanel(Viewer& v, const Rect& r) {
    ConsolePanel& c = v.console;
    auto fresh = v.log.since(c.cursor);
    c.lines.insert(c.lines.end(), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
    if (c.lines.size() > 4000) c.lines.erase(c.lines.begin(), c.lines.begin() + 1000);
    if (r.h <= 0) return;
    if (!beginPanel("Console", r)) {
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    ImGui::Combo("##level", &c.minLevel, kLevelNames, IM_ARRAYSIZE(kLevelNames));
    ImGui::SameLine();
    if (ImGui::SmallButton("Clear")) c.lines.clear();
    ImGui::BeginChild("##lines", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    for (const LogLine& l : c.lines) {
        if (static_cast<int>(l.level) < c.minLevel) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, levelColour(l.level));
        ImGui::TextWrapped("%s", l.text.c_str());
        ImGui::PopStyleColor();
    }
    // Follow new lines unless the user scrolled up to read older ones.
    if (!fresh.empty() && ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - ImGui::GetTextLineHeight() * 3) ImGui::SetScrollHereY(1);
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace cmap::ui
