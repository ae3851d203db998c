#include "render/screen_geometry.h"

#include <cstring>
#include <utility>

namespace cmap::render {

bool ScreenGeometry::samePanel(size_t i, const ScreenGeometry& other, size_t j) const {
    auto range = [](const std::vector<size_t>& ends, size_t k) {
        return std::pair<size_t, size_t>{k == 0 ? 0 : ends[k - 1], ends[k]};
    };
    auto sameBytes = [&](const auto& a, const auto& b, const std::vector<size_t>& endsA, const std::vector<size_t>& endsB) {
        auto [a0, a1] = range(endsA, i);
        auto [b0, b1] = range(endsB, j);
        return a1 - a0 == b1 - b0 && (a1 == a0 || std::memcmp(&a[a0], &b[b0], (a1 - a0) * sizeof(a[0])) == 0);
    };
    const Box& a = panels[i];
    const Box& b = other.panels[j];
    return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1 &&
           sameBytes(triangles, other.triangles, triangleEnds, other.triangleEnds) &&
           sameBytes(glyphs, other.glyphs, glyphEnds, other.glyphEnds);
}

}  // namespace cmap::render
