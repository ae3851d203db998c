#pragma once
// Which drawing a new frame can take from earlier ones: the finished frame, the base image of its
// leading layers, the scene's backdrop, the image under its furniture, the furniture's panels.
// Plain data in (the frame's layers and where its labels and panels landed), a plan out; the
// renderer draws what the plan leaves. No GL here, so the decisions are unit-tested without a
// context (tests/render/frame_reuse_test.cpp, in the unit test binary).
//
// The base image: the leading non-label layers that did not change since the last frame (the
// basemap while the timeline scrubs) are kept as an image and copied in instead of drawn. The
// cut is always between runs of fills, so a frame drawn with or without the kept image is the
// same bytes. The scene's backdrop (the basemap) is kept apart as well: a layer that comes in
// among the base image's (a new area, drawn under the smaller ones it already showed) takes the
// base image away, but not the basemap, the costliest layers to draw (hundreds of thousands of
// triangles: a quarter of a second on llvmpipe at 1920x1080).
//
// The image under the furniture: the frame before its screen layers (every other layer and the
// labels) is kept too when the view stood still since the last frame, and while it stays the same
// a frame is that image copied in with its furniture drawn over it: scrubbing changes the date
// stamp every day, while in cumulative mode most days show nothing new on the map itself. Labels
// are placed anew every frame (the furniture's panels cover them), and the kept image counts only
// when they land where they did.
//
// The panels of the furniture: while the kept image under the furniture serves, the frame buffer
// still holds the last frame drawn over it, so only the panels that changed (the date stamp while
// scrubbing) are drawn again, over that image copied back into their boxes; the others stay.
//
// The finished frame: a scene equal to the last one drawn in one tile (every layer, view,
// projection, background, size, scale) is that frame again, copied out with nothing prepared or
// drawn: in cumulative mode most days of a scrub show nothing new.
//
// Only single-tile images take part: tiles are for exports larger than the GL limits.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "render/glyph_vertex.h"
#include "render/point_instance.h"
#include "render/screen_geometry.h"
#include "scene/scene.h"

namespace cmap::render {

struct RenderStats;

/// Labels and screen layers are drawn after the others, over everything.
bool drawnLast(const scene::Layer& layer);
/// Fills and the globe: drawn in runs, multisampled together.
bool isFill(const scene::Layer& layer);

/// An axis-aligned box in whole-image device pixels, y down (min > max: nothing).
struct ImageBox {
    double x0 = 1, y0 = 1, x1 = 0, y1 = 0;
    bool empty() const { return x1 < x0 || y1 < y0; }
    void extend(double x, double y) {
        if (empty()) {
            x0 = x1 = x, y0 = y1 = y;
            return;
        }
        x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
    }
    /// Whether both hold something and share some area (boxes that only touch do not).
    bool overlaps(const ImageBox& o) const {
        return !empty() && !o.empty() && x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }
};

/// A furniture panel's box grown to whole pixels and by one: every pixel its drawing touches.
ImageBox panelReach(const Box& b);

/// Everything an image's pixels depend on besides its layers: two images agree only when this is
/// equal and their layers are.
struct PixelContext {
    std::string projection;
    double centerX = 0, centerY = 0, unitsPerPixel = 0;
    scene::Color background;
    int width = 0, height = 0;
    float scale = 0;
    friend bool operator==(const PixelContext&, const PixelContext&) = default;
};
PixelContext contextOf(const scene::Scene& s, int width, int height, float scale);

/// What the planner needs to know of a frame, after its labels are placed and its furniture laid
/// out. The spans must outlive the plan() call only.
struct FrameFacts {
    std::span<const scene::Layer> layers;  ///< the scene's, in order
    std::span<const size_t> drawn;         ///< indexes of the layers not drawn last, in drawing order
    size_t backdrop = 0;                   ///< leading layers of the scene that are its backdrop
    PixelContext context;
    bool singleTile = true;   ///< drawn in one tile (width and height within the tile size)
    bool keepImages = true;   ///< Renderer::setKeepImages
    bool furniture = false;   ///< the scene has a screen layer
    std::span<const GlyphVertex> glyphs;      ///< every label layer's, as uploaded
    std::span<const PointInstance> markers;   ///< the markers under placed labels, as uploaded
    const ScreenGeometry* screen = nullptr;   ///< the furniture, when there is exactly one screen layer
};

/// What to take from kept images and what to keep. Drawn layers count in FrameFacts::drawn order.
struct FramePlan {
    size_t reuseBase = 0;  ///< leading drawn layers the kept base image shows (0: draw them)
    /// With reuseBase: the last of those is an event layer the base image shows up to this day
    /// (cumulative mode); the events since are drawn over it, and the image kept again.
    std::optional<int> advancedFrom;
    size_t storeBase = 0;      ///< leading drawn layers to keep as the base image after drawing
                               ///< (with reuseBase, more than it: the base image grows)
    size_t reuseBackdrop = 0;  ///< when the base image does not serve: leading drawn layers the kept backdrop shows
    size_t storeBackdrop = 0;  ///< leading drawn layers to keep as the backdrop image after drawing
    bool reuseUnder = false;   ///< the kept image under the furniture shows all but the screen layers
    bool storeUnder = false;   ///< keep the frame before its screen layers as that image
    /// With reuseUnder: the frame buffer holds the last frame, its furniture over the same image,
    /// and only these panels of the screen layer changed (drawn again over that image put back
    /// into restored, their boxes then and now).
    bool panelsOnly = false;
    std::vector<size_t> changedPanels;
    std::vector<ImageBox> restored;
    size_t panelsKept = 0;  ///< with panelsOnly: the panels not drawn
};

/// Adds what the plan saves to the renderer's counters (baseDrawn, baseReused, ...).
void countPlan(const FramePlan& plan, RenderStats& stats);

/// The last frame drawn in one tile, which the frame buffer still holds.
struct FinishedFrame {
    std::vector<scene::Layer> layers;  ///< copies: they hold their feature sets, so equality stays sound
    PixelContext context;
    size_t labelsPlaced = 0, labelsDropped = 0;  ///< a copied frame's counts are those of the frame it copies
    /// Its one screen layer, when that was drawn over the kept image under the furniture as it still is.
    std::optional<ScreenGeometry> screen;
};

/// The kept images' descriptions, from frame to frame: what each shows. The renderer owns the
/// pixels; it tells this which of them it lost.
class FrameReuse {
public:
    /// The finished frame, when layers under context are exactly it (then copy it out, draw nothing).
    const FinishedFrame* sameAsFinished(std::span<const scene::Layer> layers, const PixelContext& context) const;
    /// Decides what the frame takes from the kept images and what it keeps, and records what the
    /// kept images will show once it is drawn as planned.
    FramePlan plan(const FrameFacts& frame);
    /// After a frame planned with plan() drew in one tile: the frame buffer holds it.
    void finish(const FrameFacts& frame, const FramePlan& plan, size_t labelsPlaced, size_t labelsDropped);

    /// The frame buffer was drawn into (a tile begins): it no longer holds the finished frame.
    void frameOverwritten() { finished_.reset(); }
    /// The kept images' pixels are gone (targets made again at a larger size).
    void imagesLost();
    /// Another projection: its meshes and points are gone, so are the base and backdrop images.
    void projectionChanged() {
        base_.reset();
        backdrop_.reset();
    }
    /// Images are kept again, or no longer: nothing kept serves, nor does the last view.
    void keepingChanged();

private:
    // Copies of an image's layers and everything else its pixels depend on.
    struct KeptImage {
        std::vector<scene::Layer> layers;
        PixelContext context;
    };
    // What a frame shows under its furniture: its other layers, where its labels and their markers
    // landed, and the rest its pixels depend on.
    struct UnderScreen {
        std::vector<scene::Layer> layers;
        std::vector<GlyphVertex> glyphs;
        std::vector<PointInstance> markers;
        PixelContext context;
        bool operator==(const UnderScreen& o) const;
    };

    bool runBoundary(const FrameFacts& f, size_t k) const;
    const scene::Layer& drawnLayer(const FrameFacts& f, size_t k) const { return f.layers[f.drawn[k]]; }
    void planUnder(const FrameFacts& f, FramePlan& p);
    void planPanels(const FrameFacts& f, FramePlan& p);
    void planBase(const FrameFacts& f, FramePlan& p);
    void growBase(const FrameFacts& f, FramePlan& p);
    void planBackdrop(const FrameFacts& f, FramePlan& p, size_t keep);
    static KeptImage imageOf(const FrameFacts& f, size_t n);

    std::optional<KeptImage> base_;
    std::optional<KeptImage> backdrop_;  // the scene's backdrop layers alone
    std::optional<UnderScreen> under_;   // what the kept image under the furniture shows
    std::optional<PixelContext> lastUnderContext_;  // the last frame's, when it had furniture
    std::optional<FinishedFrame> finished_;
};

}  // namespace cmap::render
