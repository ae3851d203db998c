// The error panel, the load progress and the recovery offer: small windows over the map.
#include <imgui.h>

#include "core/log.h"
#include "ui/panels.h"
#include "ui/viewer.h"

namespace cmap::ui {
namespace {

constexpr ImGuiWindowFlags kOverlay = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                      ImGuiWindowFlags_NoMove;

}  // namespace

void drawErrorPanel(Viewer& v, const Rect& map) {
    if (v.errors.empty()) return;
    float w = std::min(map.w - 16, ImGui::GetFontSize() * 30);
    ImGui::SetNextWindowPos(ImVec2(map.x + map.w - 8, map.y + 8), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, map.h * 0.6f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.0f, 0.95f, 0.94f, 0.97f));
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.8f, 0.3f, 0.3f, 1));
    if (ImGui::Begin("##errors", nullptr, kOverlay & ~ImGuiWindowFlags_NoScrollbar)) {
        ImGui::TextColored(ImVec4(0.65f, 0.1f, 0.1f, 1), "%zu problem%s", v.errors.size(), v.errors.size() == 1 ? "" : "s");
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("Dismiss").x - 8);
        if (ImGui::SmallButton("Dismiss")) v.errors.clear();
        ImGui::PushTextWrapPos(0);
        for (const auto& e : v.errors) ImGui::BulletText("%s", e.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    ImGui::PopStyleColor(2);
}

void drawProgress(Viewer& v, const Rect& map) {
    if (!v.jobs.busy()) return;
    std::string title = v.jobs.currentTitle();
    if (title.empty()) return;
    float w = std::min(map.w - 16, ImGui::GetFontSize() * 24);
    ImGui::SetNextWindowPos(ImVec2(map.x + map.w / 2, map.y + map.h - 12), ImGuiCond_Always, ImVec2(0.5f, 1));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    if (ImGui::Begin("##progress", nullptr, kOverlay & ~ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(v.jobs.progress().what().c_str());
        ImGui::ProgressBar(v.jobs.progress().fraction(), ImVec2(-1, 0), "");
        if (size_t q = v.jobs.queued()) ImGui::TextDisabled("%zu more waiting", q);
    }
    ImGui::End();
}

std::string describeContents(const model::Workspace& ws) {
    auto count = [](size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
    return count(ws.articles.size(), "article", "articles") + ", " +
           count(ws.corrections.size(), "correction", "corrections") + ", " +
           count(ws.always.size(), "'always' rule", "'always' rules") + ", " +
           count(ws.annotations.size(), "annotation", "annotations") + ", " +
           count(ws.slides.size(), "slide", "slides") + ", " + count(ws.overlays.size(), "layer", "layers") + ", " +
           count(ws.events.size(), "event dataset", "event datasets");
}

void drawRecoveryPrompt(Viewer& v) {
    if (!v.recovery) return;
    constexpr const char* kId = "Recover unsaved work?";
    if (!ImGui::IsPopupOpen(kId)) ImGui::OpenPopup(kId);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(kId, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
    const Recovery& r = *v.recovery;
    ImGui::TextUnformatted("The last session ended without saving its changes.");
    ImGui::TextDisabled("%s: %s", r.savedAs.empty() ? "an unsaved workspace" : r.savedAs.c_str(),
                        describeContents(r.workspace).c_str());
    ImGui::Spacing();
    if (ImGui::Button("Recover")) {
        log::info("recovered unsaved work from " + v.autosave.file().string());
        v.useWorkspace(r.workspace, r.savedAs, true);
        v.recovery.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard")) {
        v.autosave.discard();
        v.recovery.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace cmap::ui
