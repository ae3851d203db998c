#include "ui/slides_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/error.h"
#include "scene/slide_state.h"
#include "ui/presentation.h"
#include "ui/viewer.h"
#include "ui/widgets.h"

namespace cmap::ui {

model::Slide slideOfCurrentView(const Viewer& v) {
    scene::MapState now = v.mapState();
    // Keep the view the user sees, not "fit to the data", which would change with the window.
    if (!now.view) now.view = currentView(v);
    model::Slide s = scene::slideFromState(now, *v.session.content, v.canvas.rect.w, v.canvas.rect.h);
    s.title = "Slide " + std::to_string(v.session.workspace.slides.size() + 1);
    s.annotations.emplace();
    for (const model::Annotation& a : v.session.workspace.annotations) s.annotations->push_back(a.id);
    return s;
}

void drawSlidesPanel(Viewer& v, const Rect& r) {
    if (!beginPanel("Slides", r)) {
        ImGui::End();
        return;
    }
    auto& slides = v.session.workspace.slides;
    auto& selected = v.slides.selected;
    if (selected && *selected >= slides.size()) selected.reset();
    auto changed = [&] { v.session.markDirty(); };

    if (ImGui::SmallButton("+ Add")) {
        try {
            size_t at = selected ? *selected + 1 : slides.size();
            slides.insert(slides.begin() + static_cast<std::ptrdiff_t>(at), slideOfCurrentView(v));
            selected = at;
            changed();
        } catch (const Error& e) {
            v.reportError(e.what());
        }
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A new slide of the map as it is now (after the selected one)");
    ImGui::BeginDisabled(!selected);
    ImGui::SameLine();
    if (ImGui::SmallButton("Update") && selected) {
        try {
            model::Slide& s = slides[*selected];
            model::Slide fresh = slideOfCurrentView(v);
            fresh.title = s.title;
            fresh.notes = s.notes;
            s = std::move(fresh);
            changed();
        } catch (const Error& e) {
            v.reportError(e.what());
        }
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Replace the selected slide's view, time and layers with the map's");
    ImGui::SameLine();
    if (ImGui::SmallButton("Delete") && selected) {
        slides.erase(slides.begin() + static_cast<std::ptrdiff_t>(*selected));
        if (slides.empty()) selected.reset();
        else selected = std::min(*selected, slides.size() - 1);
        changed();
    }
    ImGui::SameLine();
    if (ImGui::ArrowButton("##up", ImGuiDir_Up) && selected && *selected > 0) {
        std::swap(slides[*selected], slides[*selected - 1]);
        --*selected;
        changed();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Move the selected slide up");
    ImGui::SameLine();
    if (ImGui::ArrowButton("##down", ImGuiDir_Down) && selected && *selected + 1 < slides.size()) {
        std::swap(slides[*selected], slides[*selected + 1]);
        ++*selected;
        changed();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Move the selected slide down");
    ImGui::EndDisabled();
    if (ImGui::SmallButton("Present (F5)")) startPresentation(v, selected.value_or(0));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Full screen from the selected slide (F5); arrows step, Esc leaves; drag a slide to reorder");

    const float editorHeight = selected ? ImGui::GetFrameHeightWithSpacing() * 4.2f : 0;
    ImGui::BeginChild("##list", ImVec2(0, -editorHeight), false);
    if (slides.empty()) ImGui::TextDisabled("No slides: '+ Add' keeps the map as it is now");
    for (size_t i = 0; i < slides.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        std::string label = std::to_string(i + 1) + ". " + (slides[i].title.empty() ? "(untitled)" : slides[i].title);
        if (ImGui::Selectable(label.c_str(), selected == i)) {
            selected = i;
            goToSlide(v, i, 0.8);
        }
        // Dragging a slide past its neighbour swaps them (ImGui 1.86 has no list reordering of its own).
        if (ImGui::IsItemActive() && !ImGui::IsItemHovered()) {
            float dy = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left).y;
            if ((dy < 0 && i > 0) || (dy > 0 && i + 1 < slides.size())) {
                size_t other = dy < 0 ? i - 1 : i + 1;
                std::swap(slides[i], slides[other]);
                selected = other;
                changed();
                ImGui::ResetMouseDragDelta();
            }
        }
        if (!slides[i].notes.empty() && ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
            ImGui::TextUnformatted(slides[i].notes.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();

    if (selected) {
        model::Slide& s = slides[*selected];
        ImGui::SetNextItemWidth(-1);
        if (inputTextWithHint("##title", "Title", &s.title)) changed();
        if (inputTextMultiline("##notes", &s.notes, -1, ImGui::GetFrameHeightWithSpacing() * 3))
            changed();
    }
    ImGui::End();
}

}  // namespace cmap::ui
