#include "ui/furniture_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>

#include "core/error.h"
#include "core/log.h"
#include "ui/viewer.h"
#include "ui/widgets.h"

namespace cmap::ui {
namespace {

// Exports beyond this a side are refused, as `export --size` refuses them.
constexpr double kMaxSide = 8192;

bool pieceRow(const char* name, model::FurniturePiece& piece) {
    static constexpr const char* kCorners[] = {"top left", "top centre", "top right",
                                               "bottom left", "bottom centre", "bottom right"};
    bool changed = false;
    ImGui::PushID(name);
    changed |= ImGui::Checkbox(name, &piece.show);
    ImGui::SameLine(ImGui::GetFontSize() * 8);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.5f);
    int corner = static_cast<int>(piece.corner);
    if (ImGui::Combo("##corner", &corner, kCorners, 6)) {
        piece.corner = static_cast<model::Corner>(corner);
        changed = true;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    float offset[2] = {piece.offsetX, piece.offsetY};
    if (ImGui::DragFloat2("##offset", offset, 1, -2000, 2000, "%.0f", ImGuiSliderFlags_AlwaysClamp)) {
        piece.offsetX = offset[0], piece.offsetY = offset[1];
        changed = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Offset inwards from the corner, in pixels");
    ImGui::PopID();
    return changed;
}

}  // namespace

void drawFurniturePanel(Viewer& v) {
    FurniturePanel& p = v.furniture;
    if (!p.open) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 25, 0), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Map furniture", &p.open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    model::Workspace& ws = v.session.workspace;
    model::Furniture& f = ws.furniture;
    bool changed = false;
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4);
    changed |= inputText("Title", &ws.title);
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4);
    changed |= inputText("Subtitle", &f.subtitle);
    sectionHeader("Pieces");
    changed |= pieceRow("Title", f.title);
    changed |= pieceRow("Date", f.date);
    changed |= pieceRow("Legend", f.legend);
    changed |= pieceRow("Scale bar", f.scaleBar);
    changed |= pieceRow("North arrow", f.northArrow);
    ImGui::Indent();
    changed |= ImGui::Checkbox("also where north is up everywhere", &f.northArrowAlways);
    ImGui::Unindent();
    changed |= pieceRow("Attribution", f.attribution);
    changed |= pieceRow("Footnotes", f.footnotes);
    if (changed) v.session.markDirty();
    sectionHeader("Export");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::SliderFloat("Scale", &p.exportScale, 1, 4, "%.1fx", ImGuiSliderFlags_AlwaysClamp);
    const Rect& r = v.canvas.rect;
    ImGui::SameLine();
    ImGui::TextDisabled("%d x %d pixels", static_cast<int>(std::lround(r.w * p.exportScale)),
                        static_cast<int>(std::lround(r.h * p.exportScale)));
    if (ImGui::Button("Export PNG...  (Ctrl+E)")) openFileDialog(v, FilePurpose::ExportPng);
    ImGui::End();
}

std::optional<std::string> exportMapPng(Viewer& v, const std::filesystem::path& path) {
    auto fail = [&](const std::string& why) {
        v.reportError(why);
        return std::optional<std::string>(why);
    };
    if (path.extension() != ".png" && path.extension() != ".PNG") return fail(path.string() + ": must end in .png");
    const Rect& r = v.canvas.rect;
    const float scale = v.furniture.exportScale;
    const int w = static_cast<int>(std::lround(r.w * scale)), h = static_cast<int>(std::lround(r.h * scale));
    if (w < 1 || h < 1) return fail(path.string() + ": the map area is empty");
    if (w > kMaxSide || h > kMaxSide)
        return fail(path.string() + ": " + std::to_string(w) + "x" + std::to_string(h) +
                    " is too large; the limit is 8192 pixels a side (8K)");
    try {
        scene::Scene scene = v.mapScene(r.w, r.h);
        v.renderer->renderToImage(scene, w, h, scale).savePng(path);
    } catch (const Error& e) {
        return fail(e.what());
    }
    log::info("exported " + path.string() + " (" + std::to_string(w) + "x" + std::to_string(h) + ")");
    return std::nullopt;
}

}  // namespace cmap::ui
