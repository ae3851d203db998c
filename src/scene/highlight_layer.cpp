#include "scene/highlight_layer.h"

#include <algorithm>
#include <tuple>

namespace cmap::scene {

void addHighlight(Scene& scene, geo::LonLat at, float markerPx) {
    const float diameter = std::max(26.f, markerPx * 1.5f + 12.f);
    for (const auto& [name, color, width] : {std::tuple{"highlight halo", rgb(0xffffff, 0.95f), 6.f},
                                             std::tuple{"highlight", rgb(0x1f6fd1), 3.f}}) {
        PointLayer ring;
        ring.points.push_back({at, diameter, rgb(0xffffff, 0.f)});
        ring.outline = color;
        ring.outlineWidthPx = width;
        scene.add(name, std::move(ring));
    }
}

}  // namespace cmap::scene
