#include "render/label_placer.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

namespace cmap::render {
namespace {

// A uniform grid of box indices: labels are small against the image, so a cell test is cheap
// and placement stays linear in the number of labels.
class BoxGrid {
public:
    BoxGrid(float width, float height, float cell)
        : cell_(cell),
          cols_(std::max(1, static_cast<int>(std::ceil(width / cell)))),
          rows_(std::max(1, static_cast<int>(std::ceil(height / cell)))),
          cells_(static_cast<size_t>(cols_ * rows_)) {}

    /// Whether b overlaps nothing, not counting obstacles that contain the point (x, y).
    bool free(const Box& b, float x, float y) const {
        bool clear = true;
        visit(b, [&](const std::vector<size_t>& cell) {
            for (size_t i : cell) {
                const Box& o = boxes_[i];
                bool own = obstacle_[i] && x >= o.x0 && x <= o.x1 && y >= o.y0 && y <= o.y1;
                if (!own && o.overlaps(b)) clear = false;
            }
        });
        return clear;
    }

    void add(const Box& b, bool obstacle) {
        size_t index = boxes_.size();
        boxes_.push_back(b);
        obstacle_.push_back(obstacle);
        visitMutable(b, [&](std::vector<size_t>& cell) { cell.push_back(index); });
    }

private:
    template <class F>
    void visit(const Box& b, F&& f) const {
        int c0 = clampCol(b.x0), c1 = clampCol(b.x1), r0 = clampRow(b.y0), r1 = clampRow(b.y1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) f(cells_[static_cast<size_t>(r * cols_ + c)]);
    }
    template <class F>
    void visitMutable(const Box& b, F&& f) {
        int c0 = clampCol(b.x0), c1 = clampCol(b.x1), r0 = clampRow(b.y0), r1 = clampRow(b.y1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) f(cells_[static_cast<size_t>(r * cols_ + c)]);
    }
    int clampCol(float x) const { return clampCell(x / cell_, cols_); }
    int clampRow(float y) const { return clampCell(y / cell_, rows_); }
    // Clamped as a float, before the cast: a NaN anchor (a place the projection cannot show) or one
    // far off the image would not fit an int, and converting it is undefined.
    static int clampCell(float v, int n) { return v >= 0 ? static_cast<int>(std::min(v, static_cast<float>(n - 1))) : 0; }

    float cell_;
    int cols_;
    int rows_;
    std::vector<std::vector<size_t>> cells_;
    std::vector<Box> boxes_;
    std::vector<bool> obstacle_;
};

Box grow(const Box& b, float by) { return {b.x0 - by, b.y0 - by, b.x1 + by, b.y1 + by}; }

// Candidate boxes in cartographic order of preference: right, left, above, below, then diagonals.
std::vector<Box> candidates(const LabelRequest& r, float padding) {
    float w = r.width;
    float h = r.height;
    float x = r.anchorX;
    float y = r.anchorY;
    if (r.centred) return {{x - w / 2, y - h / 2, x + w / 2, y + h / 2}};
    // The text keeps the same distance from its marker as labels keep from each other.
    float gap = r.markerRadius + padding + 1;
    float d = gap * 0.7071f;
    return {
        {x + gap, y - h / 2, x + gap + w, y + h / 2},
        {x - gap - w, y - h / 2, x - gap, y + h / 2},
        {x - w / 2, y - gap - h, x + w / 2, y - gap},
        {x - w / 2, y + gap, x + w / 2, y + gap + h},
        {x + d, y - d - h, x + d + w, y - d},
        {x + d, y + d, x + d + w, y + d + h},
        {x - d - w, y - d - h, x - d, y - d},
        {x - d - w, y + d, x - d, y + d + h},
    };
}

}  // namespace

std::vector<PlacedLabel> placeLabels(std::span<const LabelRequest> requests, std::span<const Box> obstacles,
                                     std::span<const Box> panels, float width, float height, float padding) {
    std::vector<size_t> order(requests.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (requests[a].always != requests[b].always) return requests[a].always;
        return requests[a].priority > requests[b].priority;
    });

    auto markerOf = [](const LabelRequest& r) {
        return Box{r.anchorX - r.markerRadius, r.anchorY - r.markerRadius, r.anchorX + r.markerRadius,
                   r.anchorY + r.markerRadius};
    };
    BoxGrid grid(width, height, 64);
    for (const Box& o : obstacles) grid.add(o, true);
    for (const Box& p : panels) grid.add(p, false);
    // Every label's marker, placed or not yet: a label first tries spots that leave other places
    // free, so a capital's name does not cost the neighbouring capital its dot.
    BoxGrid markers(width, height, 64);
    for (const LabelRequest& r : requests)
        if (r.ownMarker) markers.add(markerOf(r), true);

    Box image{0, 0, width, height};
    std::vector<PlacedLabel> placed;
    for (size_t i : order) {
        const LabelRequest& r = requests[i];
        if (r.always) {
            Box b{r.anchorX - r.width / 2, r.anchorY - r.height / 2, r.anchorX + r.width / 2, r.anchorY + r.height / 2};
            if (!std::isfinite(r.anchorX) || !std::isfinite(r.anchorY) || !b.overlaps(image)) continue;
            grid.add(b, false);
            placed.push_back({i, b});
            continue;
        }
        if (!(r.anchorX >= 0 && r.anchorY >= 0 && r.anchorX <= width && r.anchorY <= height)) continue;
        Box marker = markerOf(r);
        if (r.ownMarker && !grid.free(marker, r.anchorX, r.anchorY)) continue;
        auto spots = candidates(r, padding);
        std::optional<Box> chosen;
        for (int pass = 0; pass < 2 && !chosen; ++pass) {
            for (const Box& c : spots) {
                bool inside = c.x0 >= image.x0 && c.y0 >= image.y0 && c.x1 <= image.x1 && c.y1 <= image.y1;
                Box padded = grow(c, padding);
                if (!inside || !grid.free(padded, r.anchorX, r.anchorY)) continue;
                if (pass == 0 && !markers.free(padded, r.anchorX, r.anchorY)) continue;
                chosen = c;
                break;
            }
        }
        if (!chosen) continue;
        grid.add(*chosen, false);
        if (r.ownMarker) grid.add(marker, false);
        placed.push_back({i, *chosen});
    }
    return placed;
}

}  // namespace cmap::render
