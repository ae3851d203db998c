#pragma once
// Presentation mode (F5): the map alone, full screen, stepping through the workspace's slides with
// a fly-to and the timeline moving to each slide's date. Going to a slide sets the viewer to the
// map state scene::slideMapState gives, the one `export --slide` draws.
#include <cstddef>
#include <optional>

namespace cmap::ui {

struct Viewer;

/// The timeline's date gliding from one slide's to the next's.
struct DayTransition {
    double from = 0, to = 0;
    double elapsed = 0, duration = 1;
};

struct Presentation {
    bool active = false;
    size_t slide = 0;  ///< the slide shown (index into the workspace's slides)
    std::optional<DayTransition> day;
    float fittedW = 0, fittedH = 0;  ///< the map size the slide's view was fitted to
    static constexpr double kTransitionSeconds = 1.2;
};

/// Sets projection, view (flying there over `seconds` when the projection stays, else at once),
/// timeline (its date gliding likewise), layer visibility and labels to slide i of the workspace.
/// Reports a slide that cannot be shown in the error panel and changes nothing. Returns whether
/// it went.
bool goToSlide(Viewer& v, size_t i, double seconds);

/// While presenting, after the map changed size (full screen comes a frame after F5, or the
/// window is resized): the slide's view fitted again, so it shows the area it was framed on; a
/// fly-to under way heads there instead.
void fitPresentationToCanvas(Viewer& v);

/// Enters presentation mode at slide i (reported and refused when there are no slides).
void startPresentation(Viewer& v, size_t i);
void stopPresentation(Viewer& v);

/// Advances the timeline's glide by dt seconds. Throws nothing.
void advancePresentation(Viewer& v, double dt);
/// Whether a fly-to or a timeline glide is under way.
bool presentationMoving(const Viewer& v);

/// F5 starts (at the slide selected in the slide list); while presenting, Right, Down, Space,
/// PageDown and a left click step forward, Left, Up, PageUp and a right click step back, Esc leaves.
void handlePresentationKeys(Viewer& v);

}  // namespace cmap::ui
