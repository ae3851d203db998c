#pragma once
// Chooses where labels go: highest priority first, each at the first candidate position that
// overlaps no placed label and no obstacle (markers), inside the image; the rest are dropped.
// Pure geometry, so it is tested without GL.
#include <cstddef>
#include <span>
#include <vector>

namespace cmap::render {

struct Box {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< device pixels, y down

    bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct LabelRequest {
    float anchorX = 0, anchorY = 0;  ///< device pixels
    float width = 0, height = 0;     ///< the text's box
    bool centred = false;            ///< on the anchor (areas), else beside a marker
    float markerRadius = 0;          ///< kept clear around the anchor when beside
    float priority = 0;
    /// A marker that comes and goes with the label: it must be free too, and once placed it
    /// blocks later labels. (Markers drawn anyway are obstacles instead.)
    bool ownMarker = false;
    /// Placed first, centred, wherever it lands (over markers, partly outside): text the user put
    /// there. Later labels keep clear of it. A NaN anchor (not on the map) is never placed.
    bool always = false;
};

struct PlacedLabel {
    size_t request = 0;  ///< index into the requests
    Box box;             ///< where the text goes (without padding)
};

/// Places labels in a width x height image. padding keeps labels that far apart from each other
/// and from obstacles; an obstacle under a label's own anchor (its marker, drawn by a point
/// layer) does not block it. Panels (the furniture) cover the map: no label goes over one, even
/// when its anchor is under it (that place is hidden). Ties in priority keep request order, so
/// the result is deterministic.
std::vector<PlacedLabel> placeLabels(std::span<const LabelRequest> requests, std::span<const Box> obstacles,
                                     std::span<const Box> panels, float width, float height, float padding);

}  // namespace cmap::render
