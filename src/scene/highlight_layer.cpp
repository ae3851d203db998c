#include "scene/highlight_layer.h"

#include <algorithm>
#include <tuple>

#include "scene/style.h"

namespace cmap::scene {

void addHighlight(Scene& scene, geo::LonLat at, float markerPx) {
    const float diameter = std::max(26.f, markerPx * 1.5f + 12.f);
    const auto& style = defaultStyle().highlight;
    for (const auto& [name, color, width] : {std::tuple{"highlight halo", style.halo, style.haloPx},
                                             std::tuple{"highlight", style.ring, style.ringPx}}) {
        PointLayer ring;
        ring.points.push_back({at, diameter, rgb(0xffffff, 0.f)});
        ring.outline = color;
        ring.outlineWidthPx = width;
        scene.add(name, std::move(ring));
    }
}

}  // namespace cmap::scene
