#pragma once
// The map canvas's camera: the view the user steers (pan, zoom at the cursor) and animated
// changes of view (fly-to). Plain math on scene::View, no GL, so it is tested without a window.
#include <optional>

#include "scene/view.h"

namespace cmap::ui {

/// The view between a and b at t in [0, 1]: the centre moves linearly, the scale geometrically
/// (so zooming by 100x feels as even as zooming by 2x). Throws nothing.
scene::View interpolateView(const scene::View& a, const scene::View& b, double t);

/// Ease in and out (smoothstep) of t clamped to [0, 1]: a fly-to starts and lands gently.
double easeInOut(double t);

/// A running fly-to: from, to, and how far along it is.
struct Flight {
    scene::View from, to;
    double elapsed = 0;   ///< seconds
    double duration = 0.6;
};

struct Camera {
    std::optional<scene::View> view;  ///< empty: the default view for the content (fit to data)
    std::optional<Flight> flight;

    /// Moves the view by a drag of (dx, dy) logical pixels (the map follows the pointer).
    void pan(scene::View& current, double dx, double dy);
    /// Starts a flight from current to target (replacing one under way).
    void flyTo(const scene::View& current, const scene::View& target, double seconds = 0.6);
    /// Advances a flight by dt seconds and updates view; returns whether one is still running.
    bool advance(double dt);
};

/// Zoom factor for mouse-wheel steps: each notch zooms by 2^(1/4), a fraction of a notch
/// (touchpads) by as much of it.
double wheelZoomFactor(double notches);

}  // namespace cmap::ui
