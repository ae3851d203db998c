#include "ui/annotations_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>

#include "core/error.h"
#include "scene/annotation_layers.h"
#include "ui/shortcuts.h"
#include "ui/viewer.h"
#include "ui/widgets.h"

namespace cmap::ui {
namespace {

using model::Annotation;
using model::AnnotationKind;

constexpr float kHandlePx = 7;
constexpr float kFreehandStepPx = 4;  // traced points closer than this add nothing visible

struct ToolInfo {
    AnnotationTool tool;
    const char* name;
    const char* hint;
};
constexpr ToolInfo kTools[] = {
    {AnnotationTool::Select, "Select", "Click an annotation to select it, drag it or its handles to move them"},
    {AnnotationTool::Text, "Text", "Click where the text goes"},
    {AnnotationTool::Callout, "Callout", "Click where the text goes, then the place it points at"},
    {AnnotationTool::Arrow, "Arrow", "Click the start, then the end"},
    {AnnotationTool::CurvedArrow, "Curve", "Click the start, then the end; drag the middle handle to bend it"},
    {AnnotationTool::RangeRing, "Ring", "Click the centre of a range ring of the radius below"},
    {AnnotationTool::Polygon, "Polygon", "Click the corners; click the first again or press Enter to close"},
    {AnnotationTool::Freehand, "Freehand", "Drag to trace an area"},
};

std::vector<Annotation>& annotations(Viewer& v) { return v.session.workspace.annotations; }

Annotation* selectedAnnotation(Viewer& v) {
    if (!v.annotationTools.selected) return nullptr;
    for (Annotation& a : annotations(v))
        if (a.id == *v.annotationTools.selected) return &a;
    return nullptr;
}

// Called before every change to the list: one undo step, and the workspace needs saving.
void recordEdit(Viewer& v) { v.recordEdit(); }

void create(Viewer& v, AnnotationKind kind, std::vector<geo::LonLat> points) {
    AnnotationsPanel& t = v.annotationTools;
    Annotation a;
    a.id = model::newAnnotationId(annotations(v));
    a.kind = kind;
    a.points = std::move(points);
    if (kind == AnnotationKind::Text || kind == AnnotationKind::Callout) a.text = t.text;
    a.radiusKm = t.ringKm;
    a.style = t.style;
    if (kind == AnnotationKind::Arrow || kind == AnnotationKind::CurvedArrow || kind == AnnotationKind::Callout)
        a.style.fillRgba &= 0xffffff00u;
    recordEdit(v);
    annotations(v).push_back(a);
    t.selected = a.id;
    t.pending.clear();
    t.tool = AnnotationTool::Select;
}

struct MapFrame {
    const geo::Projection& projection;
    scene::View view;
    Rect rect;
    geo::LonLat lonLat(double px, double py) const { return projection.inverse(view.unproject(px, py, rect.w, rect.h)); }
    geo::Vec2 pixel(geo::LonLat p) const {
        geo::Vec2 xy = projection.forward(p);
        return view.toPixel(xy, rect.w, rect.h);
    }
};

// A curved arrow from a to b, bent to one side by a fifth of its length on the map.
geo::LonLat bendPoint(const MapFrame& m, geo::LonLat a, geo::LonLat b) {
    geo::Vec2 pa = m.projection.forward(a), pb = m.projection.forward(b);
    geo::Vec2 mid{(pa.x + pb.x) / 2, (pa.y + pb.y) / 2};
    geo::Vec2 normal{-(pb.y - pa.y) * 0.2, (pb.x - pa.x) * 0.2};
    return m.projection.inverse(geo::Vec2{mid.x + normal.x, mid.y + normal.y});
}

void finishPolygon(Viewer& v) {
    AnnotationsPanel& t = v.annotationTools;
    if (t.pending.size() >= 3) create(v, AnnotationKind::Polygon, t.pending);
}

void undo(Viewer& v) {
    v.undoEdit();
    if (!selectedAnnotation(v)) v.annotationTools.selected.reset();
}

void redo(Viewer& v) {
    v.redoEdit();
    if (!selectedAnnotation(v)) v.annotationTools.selected.reset();
}

void removeSelected(Viewer& v) {
    Annotation* a = selectedAnnotation(v);
    if (!a) return;
    std::string id = a->id;
    recordEdit(v);
    std::erase_if(annotations(v), [&](const Annotation& x) { return x.id == id; });
    v.annotationTools.selected.reset();
}

ImU32 imColor(uint32_t rgba) {
    return IM_COL32((rgba >> 24) & 0xff, (rgba >> 16) & 0xff, (rgba >> 8) & 0xff, rgba & 0xff);
}

bool colorEdit(const char* label, uint32_t& rgba) {
    float c[4] = {static_cast<float>((rgba >> 24) & 0xff) / 255.f, static_cast<float>((rgba >> 16) & 0xff) / 255.f,
                  static_cast<float>((rgba >> 8) & 0xff) / 255.f, static_cast<float>(rgba & 0xff) / 255.f};
    if (!ImGui::ColorEdit4(label, c, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_AlphaBar)) return false;
    auto byte = [](float f) { return static_cast<uint32_t>(std::lround(std::clamp(f, 0.f, 1.f) * 255)); };
    rgba = byte(c[0]) << 24 | byte(c[1]) << 16 | byte(c[2]) << 8 | byte(c[3]);
    return true;
}

// A date field: applies what parses (YYYY, YYYY-MM, YYYY-MM-DD; empty clears), says when not.
bool dateField(const char* label, std::string& text, std::optional<model::Date>& date) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    bool changed = false;
    if (inputTextWithHint(label, "YYYY-MM-DD", &text)) {
        if (text.empty()) date.reset(), changed = true;
        else if (auto d = model::Date::parse(text)) date = d, changed = true;
    }
    if (!text.empty() && !model::Date::parse(text)) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "not a date");
    }
    return changed;
}

// The editor of the selected annotation. Widgets change a copy; a change is one undo step for as
// long as the widget stays active (typing a word, dragging a slider).
void drawEditor(Viewer& v, Annotation& live) {
    AnnotationsPanel& t = v.annotationTools;
    Annotation a = live;
    if (t.fieldsFor != a.id) {
        t.fieldsFor = a.id;
        t.fromText = a.from ? a.from->iso() : "";
        t.toText = a.to ? a.to->iso() : "";
    }
    bool changed = false;
    ImGui::Separator();
    ImGui::TextDisabled("%s %s", std::string(model::annotationKindName(a.kind)).c_str(), a.id.c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    changed |= inputText("Text", &a.text);
    if (a.kind == AnnotationKind::RangeRing) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        changed |= inputDouble("Radius (km)", &a.radiusKm, 10, 100, "%.1f");
        a.radiusKm = std::clamp(a.radiusKm, 0.001, 20000.0);
    }
    changed |= colorEdit("Line", a.style.rgba);
    if (model::isArea(a.kind)) {
        ImGui::SameLine();
        changed |= colorEdit("Fill", a.style.fillRgba);
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    changed |= ImGui::SliderFloat("Width", &a.style.widthPx, 0.5f, 12.f, "%.1f px", ImGuiSliderFlags_AlwaysClamp);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    changed |= ImGui::SliderFloat("Font", &a.style.fontPx, 8.f, 48.f, "%.0f px", ImGuiSliderFlags_AlwaysClamp);
    changed |= dateField("From", t.fromText, a.from);
    ImGui::SameLine();
    changed |= dateField("To", t.toText, a.to);
    if (a.from && a.to && a.to->lastDay() < a.from->firstDay()) {
        ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "The span ends before it starts: not applied");
        changed = false;
    }
    if (changed) {
        if (!t.editing) recordEdit(v);
        t.editing = true;
        live = a;
        v.session.markDirty();
    }
    if (!ImGui::IsAnyItemActive()) t.editing = false;
    if (ImGui::Button("Delete")) removeSelected(v);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete the annotation (Delete)");
}

}  // namespace

void drawAnnotationsPanel(Viewer& v, const Rect& r) {
    AnnotationsPanel& t = v.annotationTools;
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(r.w, r.h), ImVec2(r.w, 1e6f));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoMove;
    if (!ImGui::Begin("##annotations", nullptr, flags)) {
        ImGui::End();
        return;
    }
    // Each part of the strip has its own id scope: the Text tool's button and the editor's Text
    // field share a label, and one id for both made a click into the field (which made it the
    // active item) trip the button's mouse handling the next frame (an ImGui assertion, a crash).
    ImGui::PushID("tools");
    for (const ToolInfo& info : kTools) {
        if (info.tool != AnnotationTool::Select) ImGui::SameLine();
        bool active = t.tool == info.tool;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::SmallButton(info.name)) {
            t.tool = info.tool;
            t.pending.clear();
        }
        if (active) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", info.hint);
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!v.history.canUndo());
    if (ImGui::SmallButton("Undo")) undo(v);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Ctrl+Z");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!v.history.canRedo());
    if (ImGui::SmallButton("Redo")) redo(v);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Ctrl+Y or Ctrl+Shift+Z");
    ImGui::EndDisabled();
    ImGui::PopID();

    if (t.tool != AnnotationTool::Select) {
        ImGui::PushID("new");
        for (const ToolInfo& info : kTools)
            if (info.tool == t.tool) ImGui::TextDisabled("%s (Esc cancels)", info.hint);
        if (t.tool == AnnotationTool::Text || t.tool == AnnotationTool::Callout) {
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
            inputText("Text", &t.text);
        }
        if (t.tool == AnnotationTool::RangeRing) {
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
            inputDouble("Radius (km)", &t.ringKm, 10, 100, "%.1f");
            t.ringKm = std::clamp(t.ringKm, 0.001, 20000.0);
        }
        colorEdit("Colour", t.style.rgba);
        ImGui::SameLine();
        colorEdit("Fill", t.style.fillRgba);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        ImGui::SliderFloat("Width", &t.style.widthPx, 0.5f, 12.f, "%.1f px", ImGuiSliderFlags_AlwaysClamp);
        ImGui::PopID();
    } else if (Annotation* a = selectedAnnotation(v)) {
        ImGui::PushID(a->id.c_str());
        drawEditor(v, *a);
        ImGui::PopID();
    }
    ImGui::End();
}

void handleAnnotationKeys(Viewer& v) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    // Undo and redo take the last edit, an annotation's or a correction's.
    if (pressed(Command::Undo)) undo(v);
    if (pressed(Command::Redo)) redo(v);
    AnnotationsPanel& t = v.annotationTools;
    if (v.mentions.focused) return;  // its Delete marks mentions, not annotations
    if (pressed(Command::DeleteAnnotation)) removeSelected(v);
    if (pressed(Command::Cancel)) {
        if (!t.pending.empty()) t.pending.clear();
        else if (t.tool != AnnotationTool::Select) t.tool = AnnotationTool::Select;
        else t.selected.reset();
    }
    if (pressed(Command::FinishPolygon) && t.tool == AnnotationTool::Polygon)
        finishPolygon(v);
}

bool handleAnnotationInput(Viewer& v, bool over, double px, double py) {
    AnnotationsPanel& t = v.annotationTools;
    ImGuiIO& io = ImGui::GetIO();
    try {
        const MapFrame m{projectionObject(v), currentView(v), v.canvas.rect};
        if (t.dragging) {
            if (!io.MouseDown[0]) {
                t.dragging = false;
                t.dragBefore.reset();
                return true;
            }
            Annotation* a = selectedAnnotation(v);
            if (!a || (io.MouseDelta.x == 0 && io.MouseDelta.y == 0)) return true;
            if (t.dragBefore) {
                v.history.record(std::move(*t.dragBefore));
                v.session.markDirty();
                t.dragBefore.reset();
            }
            if (t.handle >= 0 && static_cast<size_t>(t.handle) < a->points.size()) {
                geo::LonLat p = m.lonLat(px, py);
                if (!std::isnan(p.lon)) a->points[static_cast<size_t>(t.handle)] = p;
            } else {
                // The whole annotation moves as the pointer does on the map (its look is kept).
                geo::Vec2 now = m.view.unproject(px, py, m.rect.w, m.rect.h);
                geo::Vec2 delta{now.x - t.lastProjected.x, now.y - t.lastProjected.y};
                t.lastProjected = now;
                for (geo::LonLat& p : a->points) {
                    geo::Vec2 xy = m.projection.forward(p);
                    geo::LonLat moved = m.projection.inverse(geo::Vec2{xy.x + delta.x, xy.y + delta.y});
                    if (!std::isnan(moved.lon) && std::abs(moved.lat) <= 90) p = moved;
                }
            }
            v.session.markDirty();
            return true;
        }
        if (!over) return false;
        const geo::LonLat at = m.lonLat(px, py);
        const bool onMap = !std::isnan(at.lon);
        switch (t.tool) {
        case AnnotationTool::Select: {
            if (!io.MouseClicked[0]) return false;
            if (Annotation* a = selectedAnnotation(v)) {
                for (size_t i = 0; i < a->points.size(); ++i) {
                    geo::Vec2 h = m.pixel(a->points[i]);
                    if (std::hypot(h.x - px, h.y - py) <= kHandlePx) {
                        t.dragging = true, t.handle = static_cast<int>(i), t.dragBefore = model::editsOf(v.session.workspace);
                        return true;
                    }
                }
            }
            const auto& list = annotations(v);
            auto shown = scene::shownAnnotations(list, std::nullopt,
                                                 v.timeline.query() ? std::optional<int>(v.timeline.query()->day) : std::nullopt);
            if (auto hit = scene::pickAnnotation(list, shown, m.projection, m.view, m.rect.w, m.rect.h, px, py)) {
                t.selected = list[*hit].id;
                t.dragging = true, t.handle = -1, t.dragBefore = model::editsOf(v.session.workspace);
                t.lastProjected = m.view.unproject(px, py, m.rect.w, m.rect.h);
                return true;
            }
            t.selected.reset();
            return false;  // a drag from empty map pans
        }
        case AnnotationTool::Freehand:
            if (io.MouseClicked[0] && onMap) t.pending = {at};
            else if (io.MouseDown[0] && !t.pending.empty() && onMap) {
                geo::Vec2 last = m.pixel(t.pending.back());
                if (std::hypot(last.x - px, last.y - py) >= kFreehandStepPx) t.pending.push_back(at);
            } else if (!io.MouseDown[0] && !t.pending.empty()) {
                if (t.pending.size() >= 3) create(v, AnnotationKind::Freehand, t.pending);
                t.pending.clear();
            }
            return true;
        default: break;
        }
        if (!io.MouseClicked[0] || !onMap) return true;  // the tools keep the mouse: no pan while placing
        switch (t.tool) {
        case AnnotationTool::Text: create(v, AnnotationKind::Text, {at}); break;
        case AnnotationTool::RangeRing: create(v, AnnotationKind::RangeRing, {at}); break;
        case AnnotationTool::Callout:
        case AnnotationTool::Arrow:
        case AnnotationTool::CurvedArrow:
            t.pending.push_back(at);
            if (t.pending.size() == 2) {
                if (t.tool == AnnotationTool::CurvedArrow)
                    create(v, AnnotationKind::CurvedArrow, {t.pending[0], bendPoint(m, t.pending[0], t.pending[1]), t.pending[1]});
                else
                    create(v, t.tool == AnnotationTool::Arrow ? AnnotationKind::Arrow : AnnotationKind::Callout, t.pending);
            }
            break;
        case AnnotationTool::Polygon: {
            if (t.pending.size() >= 3) {
                geo::Vec2 first = m.pixel(t.pending.front());
                if (std::hypot(first.x - px, first.y - py) <= kHandlePx || ImGui::IsMouseDoubleClicked(0)) {
                    finishPolygon(v);
                    break;
                }
            }
            t.pending.push_back(at);
            break;
        }
        default: break;
        }
        return true;
    } catch (const Error& e) {
        v.reportError(e.what());
        t.dragging = false;
        return false;
    }
}

void drawAnnotationOverlay(Viewer& v) {
    AnnotationsPanel& t = v.annotationTools;
    const Rect& r = v.canvas.rect;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    dl->PushClipRect(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h));
    try {
        const MapFrame m{projectionObject(v), currentView(v), r};
        auto screen = [&](geo::LonLat p) {
            geo::Vec2 px = m.pixel(p);
            return ImVec2(r.x + static_cast<float>(px.x), r.y + static_cast<float>(px.y));
        };
        if (!t.pending.empty()) {
            std::vector<ImVec2> pts;
            for (const geo::LonLat& p : t.pending) pts.push_back(screen(p));
            ImVec2 mouse = ImGui::GetIO().MousePos;
            if (t.tool != AnnotationTool::Freehand && r.contains(mouse.x, mouse.y)) pts.push_back(mouse);
            dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), imColor(t.style.rgba), 0, 2.f);
            for (const geo::LonLat& p : t.pending)
                if (t.tool != AnnotationTool::Freehand) dl->AddCircleFilled(screen(p), 4, imColor(t.style.rgba));
        }
        if (const Annotation* a = selectedAnnotation(v); a && t.tool == AnnotationTool::Select) {
            for (const geo::LonLat& p : a->points) {
                ImVec2 c = screen(p);
                if (a->kind == AnnotationKind::Freehand && a->points.size() > 40) {
                    dl->AddCircleFilled(c, 1.5f, IM_COL32(20, 60, 120, 220));
                    continue;
                }
                dl->AddRectFilled(ImVec2(c.x - 4, c.y - 4), ImVec2(c.x + 4, c.y + 4), IM_COL32(255, 255, 255, 240));
                dl->AddRect(ImVec2(c.x - 4, c.y - 4), ImVec2(c.x + 4, c.y + 4), IM_COL32(20, 60, 120, 255), 0, 0, 1.5f);
            }
        }
    } catch (const Error&) {
        // No projection for this content: nothing to mark; the map reports it.
    }
    dl->PopClipRect();
}

}  // namespace cmap::ui
