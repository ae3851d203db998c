#include "ui/camera.h"

#include <algorithm>
#include <cmath>

namespace cmap::ui {

double easeInOut(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

scene::View interpolateView(const scene::View& a, const scene::View& b, double t) {
    scene::View v;
    v.center.x = a.center.x + (b.center.x - a.center.x) * t;
    v.center.y = a.center.y + (b.center.y - a.center.y) * t;
    // Geometric in scale: log-linear, so each frame zooms by the same factor.
    double la = std::log(std::max(a.unitsPerPixel, 1e-12));
    double lb = std::log(std::max(b.unitsPerPixel, 1e-12));
    v.unitsPerPixel = std::exp(la + (lb - la) * t);
    return v;
}

void Camera::pan(scene::View& current, double dx, double dy) {
    current.center.x -= dx * current.unitsPerPixel;
    current.center.y += dy * current.unitsPerPixel;  // pixels grow downwards, map y upwards
    view = current;
    flight.reset();
}

void Camera::flyTo(const scene::View& current, const scene::View& target, double seconds) {
    flight = Flight{current, target, 0, std::max(seconds, 1e-3)};
    view = current;
}

bool Camera::advance(double dt) {
    if (!flight) return false;
    flight->elapsed += dt;
    double t = flight->elapsed / flight->duration;
    view = interpolateView(flight->from, flight->to, easeInOut(t));
    if (t >= 1) {
        view = flight->to;
        flight.reset();
        return false;
    }
    return true;
}

double wheelZoomFactor(double notches) { return std::pow(2.0, notches / 4.0); }

}  // namespace cmap::ui
