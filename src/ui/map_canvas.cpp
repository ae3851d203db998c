#include "ui/map_canvas.h"

#include <imgui.h>
#include <imgui_stdlib.h>


#include <cmath>

#include "core/error.h"
#include "ui/review.h"
#include "ui/shortcuts.h"
#include "ui/viewer.h"
#include "ui/widgets.h"

namespace cmap::ui {
namespace {

// Refreshes the fitted default (projection and view) only when the content or the canvas
// size changed: defaultProjection looks at every mention.
void refreshFit(const Viewer& v) {
    auto& f = v.canvas.fit;
    const Rect& r = v.canvas.rect;
    if (f.revision == v.session.revision && f.projection == v.canvas.projection && f.w == r.w && f.h == r.h) return;
    f.revision = v.session.revision;
    f.projection = v.canvas.projection;
    f.w = r.w;
    f.h = r.h;
    const scene::MapContent& c = *v.session.content;
    f.definition = v.canvas.projection.empty() ? scene::defaultProjection(c) : v.canvas.projection;
    f.view = scene::defaultView(c, f.definition, std::max(1.f, r.w), std::max(1.f, r.h), v.sceneCache);
}

std::string dateText(const std::optional<model::DateRange>& d) {
    if (!d) return "undated";
    return d->label() + " (" + std::string(model::precisionName(d->precision)) + " precision)";
}

constexpr const char* kProjectionNames[] = {"Fitted to the data", "Web Mercator", "Equal Earth", "Plate carrée",
                                            "Custom (EPSG / PROJ)"};

}  // namespace

std::string projectionDefinition(ProjectionChoice choice, const std::string& custom) {
    switch (choice) {
        case ProjectionChoice::Fitted: return "";
        case ProjectionChoice::WebMercator: return geo::Projection::webMercator().definition();
        case ProjectionChoice::EqualEarth: return geo::Projection::equalEarth().definition();
        case ProjectionChoice::PlateCarree: return geo::Projection::plateCarree().definition();
        case ProjectionChoice::Custom: return custom;
    }
    return "";
}

bool applyProjection(MapCanvas& canvas, ProjectionChoice choice) {
    std::string def = projectionDefinition(choice, canvas.customDefinition);
    if (!def.empty()) {
        try {
            geo::Projection::create(def);
        } catch (const Error& e) {
            canvas.projectionError = e.what();
            return false;
        }
    }
    canvas.projectionError.clear();
    canvas.choice = choice;
    canvas.projection = def;
    // Views are in projected units: a view of another projection means nothing here.
    canvas.camera = Camera{};
    return true;
}

void setProjectionDefinition(MapCanvas& canvas, const std::string& definition) {
    canvas.projection = definition;
    canvas.choice = definition.empty() ? ProjectionChoice::Fitted : ProjectionChoice::Custom;
    for (ProjectionChoice c : {ProjectionChoice::WebMercator, ProjectionChoice::EqualEarth, ProjectionChoice::PlateCarree})
        if (!definition.empty() && projectionDefinition(c, "") == definition) canvas.choice = c;
    if (canvas.choice == ProjectionChoice::Custom) canvas.customDefinition = definition;
    canvas.projectionError.clear();
    canvas.camera = Camera{};
}

const std::string& effectiveProjection(const Viewer& v) {
    refreshFit(v);
    return v.canvas.fit.definition;
}

const geo::Projection& projectionObject(const Viewer& v) {
    const std::string& def = effectiveProjection(v);
    if (!v.canvas.proj || v.canvas.projFor != def) {
        v.canvas.proj = geo::Projection::create(def);
        v.canvas.projFor = def;
    }
    return *v.canvas.proj;
}

scene::View currentView(const Viewer& v) {
    if (v.canvas.camera.view) return *v.canvas.camera.view;
    refreshFit(v);
    return v.canvas.fit.view;
}

void fitToData(Viewer& v) {
    refreshFit(v);
    v.canvas.camera.flyTo(currentView(v), v.canvas.fit.view);
}

void flyToMention(Viewer& v, scene::MentionRef ref) {
    const auto& docs = v.session.content->documents;
    if (ref.document >= docs.size() || ref.mention >= docs[ref.document]->mentions.size()) return;
    const model::ResolvedPlace& p = docs[ref.document]->mentions[ref.mention].place;
    const Rect& r = v.canvas.rect;
    scene::View now = currentView(v);
    scene::View target;
    try {
        const geo::Projection& proj = projectionObject(v);
        bool area = !p.box.empty() && (p.box.maxLon - p.box.minLon > 0.2 || p.box.maxLat - p.box.minLat > 0.2);
        if (area) {
            target = scene::fitBox(proj, p.box, r.w, r.h, 40);
        } else {
            // A point: show a few hundred kilometres around it, unless already closer.
            double dLat = 1.5, dLon = 1.5 / std::max(0.2, std::cos(p.point.lat * 3.14159265358979 / 180));
            geo::BBox around{p.point.lon - dLon, p.point.lat - dLat, p.point.lon + dLon, p.point.lat + dLat};
            target = scene::fitBox(proj, around, r.w, r.h, 40);
            target.center = proj.forward(p.point);
            if (now.unitsPerPixel < target.unitsPerPixel) target.unitsPerPixel = now.unitsPerPixel;
        }
    } catch (const Error& e) {
        v.reportError(e.what());
        return;
    }
    if (std::isnan(target.center.x)) return;
    v.canvas.camera.flyTo(now, target);
}

void handleMapInput(Viewer& v, double dt) {
    MapCanvas& c = v.canvas;
    c.camera.advance(dt);
    ImGuiIO& io = ImGui::GetIO();
    const Rect& r = c.rect;
    float mx = io.MousePos.x, my = io.MousePos.y;
    bool over = !io.WantCaptureMouse && r.contains(mx, my) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    double px = mx - r.x, py = my - r.y;

    // The annotation tools take the mouse first: placing, selecting and dragging annotations.
    const bool annotating = handleAnnotationInput(v, over, px, py);
    if (!annotating && over && io.MouseClicked[0]) c.dragging = true;
    if (!io.MouseDown[0]) c.dragging = false;
    if (c.dragging && ImGui::IsMouseDragging(ImGuiMouseButton_Left) && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
        scene::View view = currentView(v);
        c.camera.pan(view, io.MouseDelta.x, io.MouseDelta.y);
    }
    if (over && io.MouseWheel != 0) {
        scene::View view = currentView(v);
        view.zoomAbout(wheelZoomFactor(io.MouseWheel), px, py, r.w, r.h);
        c.camera.view = view;
        c.camera.flight.reset();
    }

    // Hover: pick again only when the pointer or the content moved.
    if (over && !c.dragging) {
        if (mx != c.hoverX || my != c.hoverY || c.hoverRevision != v.session.revision || c.camera.flight) {
            c.hoverX = mx;
            c.hoverY = my;
            c.hoverRevision = v.session.revision;
            try {
                c.hovered = scene::pickMention(*v.session.content, v.mapState(), r.w, r.h, px, py, v.sceneCache);
            } catch (const Error&) {
                c.hovered.reset();
            }
        }
    } else {
        c.hovered.reset();
        c.hoverX = -1;
    }

    // A click (press and release without a drag) picks a marker or places a mention by hand.
    if (!annotating && over && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
        io.MouseDragMaxDistanceSqr[0] < io.MouseDragThreshold * io.MouseDragThreshold) {
        if (c.placingByHand) {
            try {
                const geo::Projection& proj = projectionObject(v);
                geo::LonLat at = proj.inverse(currentView(v).unproject(px, py, r.w, r.h));
                size_t ai = c.placingByHand->document, mi = c.placingByHand->mention;
                if (!std::isnan(at.lon) && ai < v.session.articles.size() && mi < v.session.articles[ai]->raw.mentions.size()) {
                    const MentionKey key{ai, mi};
                    resolveMentions(v, std::span(&key, 1),
                                    model::handPlaced(v.session.articles[ai]->raw.mentions[mi].text, at), false);
                }
            } catch (const Error& e) {
                v.reportError(e.what());
            }
            c.placingByHand.reset();
        } else if (c.hovered) {
            // The marker's mention becomes the one looked at: its row, its sentence, its ring.
            if (auto key = rawKey(v, c.hovered->document, c.hovered->mention)) selectMention(v, *key, false);
        }
    }
    if (c.placingByHand && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) c.placingByHand.reset();

    if (io.WantCaptureKeyboard || io.KeyCtrl || v.mentions.focused) return;
    // Keyboard: arrows pan by a tenth of the map, +/- zoom about the centre, F fits the data,
    // Home goes back to the fitted projection and view.
    scene::View view = currentView(v);
    bool changed = false;
    double step = 0.1 * std::min(r.w, r.h);
    if (pressed(Command::PanLeft)) { c.camera.pan(view, step, 0); changed = true; }
    if (pressed(Command::PanRight)) { c.camera.pan(view, -step, 0); changed = true; }
    if (pressed(Command::PanUp)) { c.camera.pan(view, 0, step); changed = true; }
    if (pressed(Command::PanDown)) { c.camera.pan(view, 0, -step); changed = true; }
    if (pressed(Command::PlayPause)) v.timeline.togglePlay();
    if (pressed(Command::ZoomIn)) {
        scene::View to = view;
        to.zoomAbout(2, r.w / 2, r.h / 2, r.w, r.h);
        c.camera.flyTo(view, to, 0.25);
    }
    if (pressed(Command::ZoomOut)) {
        scene::View to = view;
        to.zoomAbout(0.5, r.w / 2, r.h / 2, r.w, r.h);
        c.camera.flyTo(view, to, 0.25);
    }
    if (pressed(Command::FitToData)) fitToData(v);
    if (pressed(Command::ResetView)) {
        applyProjection(c, ProjectionChoice::Fitted);
    }
    (void)changed;
}

void drawMapTooltip(Viewer& v) {
    const auto& h = v.canvas.hovered;
    if (!h || v.canvas.dragging) return;
    const auto& docs = v.session.content->documents;
    if (h->document >= docs.size() || h->mention >= docs[h->document]->mentions.size()) return;
    const model::Document& doc = *docs[h->document];
    const model::Mention& m = doc.mentions[h->mention];
    const ArticleSource& src = *v.session.articles[h->document];
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(model::describePlace(m.place).c_str());
    ImGui::TextDisabled("%s", dateText(m.date).c_str());
    if (m.event < doc.events.size())
        ImGui::TextDisabled("%s", std::string(model::categoryName(doc.events[m.event].category)).c_str());
    ImGui::Separator();
    std::string sentence;
    if (m.sentence.end > m.sentence.start && m.sentence.end <= src.bytes.size())
        sentence = src.bytes.substr(m.sentence.start, m.sentence.end - m.sentence.start);
    else if (m.event < src.summaries.size())
        sentence = src.summaries[m.event];
    ImGui::TextUnformatted(sentence.c_str());
    ImGui::TextDisabled("%s", doc.meta.title ? doc.meta.title->c_str() : src.key.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void drawProjectionSwitcher(Viewer& v) {
    MapCanvas& c = v.canvas;
    // At the bottom centre: the corners and the top belong to the map furniture (title, north
    // arrow, legend, scale bar, footnotes).
    ImGui::SetNextWindowPos(ImVec2(c.rect.x + c.rect.w / 2, c.rect.y + c.rect.h - 8), ImGuiCond_Always, ImVec2(0.5f, 1));
    ImGui::SetNextWindowBgAlpha(0.88f);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoMove;
    if (!ImGui::Begin("##projection", nullptr, flags)) {
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    int choice = static_cast<int>(c.choice);
    if (ImGui::Combo("##proj", &choice, kProjectionNames, IM_ARRAYSIZE(kProjectionNames))) {
        if (static_cast<ProjectionChoice>(choice) == ProjectionChoice::Custom) c.choice = ProjectionChoice::Custom;
        else applyProjection(c, static_cast<ProjectionChoice>(choice));
    }
    ImGui::SameLine();
    if (ImGui::Button("Fit")) fitToData(v);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Fit the map to the data (F)");
    if (c.choice == ProjectionChoice::Custom) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        bool enter = inputText("##custom", &c.customDefinition, ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if (ImGui::Button("Apply") || enter) applyProjection(c, ProjectionChoice::Custom);
    }
    if (!c.projectionError.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 20);
        ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", c.projectionError.c_str());
        ImGui::PopTextWrapPos();
    }
    if (c.placingByHand) ImGui::TextColored(ImVec4(0.1f, 0.3f, 0.7f, 1), "Click on the map to place the mention (Esc cancels)");
    ImGui::End();
}

}  // namespace cmap::ui
