#pragma once
// Which part of the projected plane an image shows. Pan and zoom change only this, so the renderer
// turns it into one matrix and never re-projects geometry for it.
#include "core/geo/lonlat.h"
#include "core/geo/vec2.h"

namespace cmap::geo {
class Projection;
}

namespace cmap::scene {

struct View {
    geo::Vec2 center;          ///< projected coordinates at the middle of the image
    double unitsPerPixel = 1;  ///< projected units (metres for most projections) per logical pixel
    friend bool operator==(const View&, const View&) = default;

    /// Projected coordinates of a logical pixel (origin top-left, y down) in a w x h image.
    geo::Vec2 unproject(double px, double py, double w, double h) const {
        return {center.x + (px - w / 2) * unitsPerPixel, center.y - (py - h / 2) * unitsPerPixel};
    }
    /// Logical pixel (origin top-left, y down) of projected coordinates in a w x h image.
    geo::Vec2 toPixel(geo::Vec2 p, double w, double h) const {
        return {w / 2 + (p.x - center.x) / unitsPerPixel, h / 2 - (p.y - center.y) / unitsPerPixel};
    }
    /// Zooms by factor (> 1 zooms in) keeping the projected point under pixel (px, py) still.
    void zoomAbout(double factor, double px, double py, double w, double h);
};

/// The units per pixel that show, in a w x h image, the area unitsPerPixel showed in a
/// framedW x framedH one: all of it, centred, with more map on the side the new shape is longer.
/// An unknown frame (0) keeps unitsPerPixel.
double refitScale(double unitsPerPixel, double framedW, double framedH, double w, double h);

/// The view that shows the projected rectangle [min, max] whole, centred, in a w x h logical-pixel
/// image with marginPx free on every side.
View fitRect(geo::Vec2 min, geo::Vec2 max, double w, double h, double marginPx = 0);

/// The view that shows a lon/lat box whole under projection (its edges are sampled, since a box's
/// projected outline is curved). Points that fail to project are ignored; if all do, the view
/// shows the projection's origin at 1 unit per pixel.
View fitBox(const geo::Projection& projection, const geo::BBox& box, double w, double h,
            double marginPx = 0);

}  // namespace cmap::scene
