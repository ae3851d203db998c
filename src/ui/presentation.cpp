#include "ui/presentation.h"

#include <imgui.h>


#include <algorithm>

#include "core/error.h"
#include "core/log.h"
#include "scene/slide_state.h"
#include "ui/shortcuts.h"
#include "ui/viewer.h"

namespace cmap::ui {

bool goToSlide(Viewer& v, size_t i, double seconds) {
    const auto& slides = v.session.workspace.slides;
    if (i >= slides.size()) return false;
    const model::Slide& slide = slides[i];
    const scene::MapContent& content = *v.session.content;
    scene::MapState target;
    std::optional<scene::View> flyTo;
    const Rect& r = v.canvas.rect;
    try {
        target = scene::slideMapState(slide, content, v.session.workspace.layers, std::max(1.f, r.w), std::max(1.f, r.h),
                                        v.session.workspace.minConfidence);
        std::string def = target.projection.empty() ? scene::defaultProjection(content) : target.projection;
        flyTo = target.view ? *target.view : scene::defaultView(content, def, std::max(1.f, r.w), std::max(1.f, r.h), v.sceneCache);
    } catch (const Error& e) {
        v.reportError("slide " + std::to_string(i + 1) + ": " + e.what());
        return false;
    }
    // Views are in projected units: only within one projection is there a path to fly along.
    if (target.projection == v.canvas.projection && seconds > 0) {
        v.canvas.camera.flyTo(currentView(v), *flyTo, seconds);
    } else {
        setProjectionDefinition(v.canvas, target.projection);
        v.canvas.camera.view = target.view;  // none: the fit at whatever size the map is drawn
    }

    TimelinePanel& t = v.timeline;
    Presentation& p = v.presentation;
    t.playing = false;
    t.mode = slide.timeline.mode;
    t.windowDays = slide.timeline.windowDays;
    p.day.reset();
    if (target.time) {
        double to = target.time->day;
        if (!t.showAll && seconds > 0 && t.day != to) p.day = DayTransition{t.day, to, 0, seconds};
        else t.day = to;
        t.showAll = false;
    } else {
        t.showAll = true;
    }
    v.session.workspace.layers = target.styles;
    v.layers.labels = target.labels;
    p.slide = i;
    p.fittedW = r.w;
    p.fittedH = r.h;
    v.slides.selected = i;
    if (p.active) {
        // The presenter's notes, where the audience does not look: the console (and the terminal).
        log::info("slide " + std::to_string(i + 1) + "/" + std::to_string(slides.size()) + ": " + slide.title +
                  (slide.notes.empty() ? "" : " | notes: " + slide.notes));
    }
    return true;
}

void fitPresentationToCanvas(Viewer& v) {
    Presentation& p = v.presentation;
    const Rect& r = v.canvas.rect;
    const auto& slides = v.session.workspace.slides;
    if (!p.active || p.slide >= slides.size() || (r.w == p.fittedW && r.h == p.fittedH) || r.w < 1 || r.h < 1) return;
    p.fittedW = r.w;
    p.fittedH = r.h;
    std::optional<scene::View> view;
    try {
        view = scene::slideMapState(slides[p.slide], *v.session.content, v.session.workspace.layers, r.w, r.h,
                                    v.session.workspace.minConfidence)
                   .view;
    } catch (const Error&) {
        return;  // goToSlide reported it when the slide came up
    }
    Camera& camera = v.canvas.camera;
    if (view && camera.flight) camera.flight->to = *view;
    else camera.view = view;
}

void startPresentation(Viewer& v, size_t i) {
    const auto& slides = v.session.workspace.slides;
    if (slides.empty()) {
        v.reportError("no slides to present: add one with '+ Add' in the Slides panel");
        return;
    }
    v.presentation.active = true;
    if (!goToSlide(v, std::min(i, slides.size() - 1), Presentation::kTransitionSeconds)) v.presentation.active = false;
}

void stopPresentation(Viewer& v) {
    Presentation& p = v.presentation;
    p.active = false;
    if (p.day) v.timeline.day = p.day->to;
    p.day.reset();
}

void advancePresentation(Viewer& v, double dt) {
    auto& d = v.presentation.day;
    if (!d) return;
    d->elapsed += dt;
    double t = d->elapsed / d->duration;
    v.timeline.day = t >= 1 ? d->to : d->from + (d->to - d->from) * easeInOut(t);
    if (t >= 1) d.reset();
}

bool presentationMoving(const Viewer& v) { return v.canvas.camera.flight.has_value() || v.presentation.day.has_value(); }

void handlePresentationKeys(Viewer& v) {
    ImGuiIO& io = ImGui::GetIO();
    Presentation& p = v.presentation;
    if (!p.active) {
        if (pressed(Command::Present) && !io.WantTextInput) startPresentation(v, v.slides.selected.value_or(0));
        return;
    }
    if (pressed(Command::PresentStop)) {
        stopPresentation(v);
        return;
    }
    const size_t n = v.session.workspace.slides.size();
    bool forward = pressed(Command::PresentNext) || io.MouseClicked[0];
    bool back = pressed(Command::PresentBack) || io.MouseClicked[1];
    if (forward && p.slide + 1 < n) goToSlide(v, p.slide + 1, Presentation::kTransitionSeconds);
    else if (back && p.slide > 0 && p.slide - 1 < n) goToSlide(v, p.slide - 1, Presentation::kTransitionSeconds);
}

}  // namespace cmap::ui
