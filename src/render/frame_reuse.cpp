#include "render/frame_reuse.h"

#include <cmath>
#include <cstring>

#include "render/renderer.h"

namespace cmap::render {
namespace {

// Whether two layers draw the same pixels under the same view: the kept images of last frame's
// layers serve when this holds (scene::Layer's content compares by value, feature sets by identity).
bool sameContent(const scene::Layer& a, const scene::Layer& b) { return a.content == b.content; }

// An event layer in cumulative mode: a later day shows what an earlier one showed and more,
// each event drawn the same, and in table order, which is the order of their first days.
bool advanceable(const scene::Layer& layer) {
    auto* events = std::get_if<scene::EventLayer>(&layer.content);
    return events && events->time && events->time->mode == model::TimeMode::Cumulative;
}

// The day `kept` shows when `now` is the same event layer at that day or later in cumulative
// mode, so that drawing the events of the days since over kept's image gives now's.
std::optional<int> advancedFrom(const scene::Layer& kept, const scene::Layer& now) {
    if (!advanceable(kept) || !advanceable(now)) return std::nullopt;
    int from = std::get<scene::EventLayer>(kept.content).time->day;
    const auto& to = std::get<scene::EventLayer>(now.content).time;
    if (to->day < from) return std::nullopt;
    scene::Layer moved = kept;
    std::get<scene::EventLayer>(moved.content).time = to;
    if (!sameContent(moved, now)) return std::nullopt;
    return from;
}

template <class T>
bool sameBytes(const std::vector<T>& a, std::span<const T> b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

}  // namespace

bool drawnLast(const scene::Layer& layer) {
    return std::holds_alternative<scene::LabelLayer>(layer.content) ||
           std::holds_alternative<scene::ScreenLayer>(layer.content);
}

bool isFill(const scene::Layer& layer) {
    return std::holds_alternative<scene::FillLayer>(layer.content) ||
           std::holds_alternative<scene::GlobeLayer>(layer.content);
}

ImageBox panelReach(const Box& b) {
    ImageBox r;
    if (b.x1 <= b.x0) return r;  // a panel with nothing to show
    r.extend(std::floor(b.x0 - 1), std::floor(b.y0 - 1));
    r.extend(std::ceil(b.x1 + 1), std::ceil(b.y1 + 1));
    return r;
}

PixelContext contextOf(const scene::Scene& s, int width, int height, float scale) {
    return {s.projection, s.view.center.x, s.view.center.y, s.view.unitsPerPixel, s.background, width, height, scale};
}

void countPlan(const FramePlan& plan, RenderStats& stats) {
    if (plan.reuseBase > 0) {
        ++stats.baseReused;
        if (plan.storeBase > plan.reuseBase) ++stats.baseGrown;
    } else if (plan.storeBase > 0) {
        ++stats.baseDrawn;
    }
    if (plan.reuseBackdrop > 0) ++stats.backdropReused;
    if (plan.reuseUnder) ++stats.underReused;
    stats.panelsKept += plan.panelsKept;
}

bool FrameReuse::UnderScreen::operator==(const UnderScreen& o) const {
    return context == o.context && sameBytes(glyphs, std::span<const GlyphVertex>(o.glyphs)) &&
           sameBytes(markers, std::span<const PointInstance>(o.markers)) &&
           std::equal(layers.begin(), layers.end(), o.layers.begin(), o.layers.end(), sameContent);
}

const FinishedFrame* FrameReuse::sameAsFinished(std::span<const scene::Layer> layers, const PixelContext& context) const {
    if (!finished_) return nullptr;
    const FinishedFrame& k = *finished_;
    if (k.context != context || k.layers.size() != layers.size()) return nullptr;
    for (size_t i = 0; i < k.layers.size(); ++i)
        if (!sameContent(k.layers[i], layers[i])) return nullptr;
    return &k;
}

FramePlan FrameReuse::plan(const FrameFacts& f) {
    FramePlan p;
    planUnder(f, p);
    if (p.reuseUnder) planPanels(f, p);
    else planBase(f, p);
    return p;
}

// Copying the layers costs far less than the frame they describe.
void FrameReuse::finish(const FrameFacts& f, const FramePlan& p, size_t labelsPlaced, size_t labelsDropped) {
    if (!f.singleTile) return;
    finished_ = FinishedFrame{std::vector<scene::Layer>(f.layers.begin(), f.layers.end()), f.context, labelsPlaced,
                              labelsDropped, std::nullopt};
    if (f.screen && (p.reuseUnder || p.storeUnder)) finished_->screen = *f.screen;
}

void FrameReuse::imagesLost() {
    base_.reset();
    backdrop_.reset();
    under_.reset();
    finished_.reset();
}

void FrameReuse::keepingChanged() {
    base_.reset();
    backdrop_.reset();
    under_.reset();
    lastUnderContext_.reset();
}

// ---- base image ----

// Whether drawing may stop (or start) before drawn layer k without splitting a run of fills.
bool FrameReuse::runBoundary(const FrameFacts& f, size_t k) const {
    return k == 0 || k >= f.drawn.size() || !isFill(drawnLayer(f, k - 1)) || !isFill(drawnLayer(f, k));
}

// Decides which leading layers come from the kept image and which are kept for next time.
void FrameReuse::planBase(const FrameFacts& f, FramePlan& p) {
    if (!f.keepImages || !f.singleTile || f.drawn.empty()) return;
    size_t common = 0;
    if (base_ && base_->context == f.context) {
        while (common < base_->layers.size() && common < f.drawn.size() &&
               sameContent(base_->layers[common], drawnLayer(f, common)))
            ++common;
    }
    if (base_ && common == base_->layers.size() && common > 0 && runBoundary(f, common)) {
        p.reuseBase = common;
        growBase(f, p);
        return;
    }
    if (base_ && base_->context == f.context && common + 1 == base_->layers.size() && common < f.drawn.size()) {
        const scene::Layer& now = drawnLayer(f, common);
        if (auto from = advancedFrom(base_->layers[common], now)) {
            // The kept image shows these events up to an earlier day: the days since go over it.
            base_->layers[common] = now;
            p.reuseBase = common + 1;
            p.advancedFrom = from;
            return;
        }
    }
    // Keep what stayed the same since the kept image, and an event layer after it that the
    // next frame may advance; with nothing in common (a first frame, a new view), keep every
    // layer: the next frame shows what of it stays.
    size_t keep = common;
    if (keep < f.drawn.size() && advanceable(drawnLayer(f, keep))) ++keep;
    if (keep == 0) keep = f.drawn.size();
    while (keep > 0 && !runBoundary(f, keep)) --keep;
    if (keep == 0) {
        base_.reset();
        return;
    }
    planBackdrop(f, p, keep);
    p.storeBase = keep;
    base_ = imageOf(f, keep);
}

// When the frame draws layers over the kept base image that the last frame drew the same
// (areas that came in with a month, under the day's new markers), they join the base image
// once drawn: the next change of the map need not draw them again. Not past an event layer
// the base image may be advanced by.
void FrameReuse::growBase(const FrameFacts& f, FramePlan& p) {
    if (!finished_ || finished_->context != f.context || advanceable(base_->layers.back())) return;
    std::vector<const scene::Layer*> last;  // the last frame's drawn layers
    for (const scene::Layer& l : finished_->layers)
        if (!drawnLast(l)) last.push_back(&l);
    size_t stable = p.reuseBase;
    while (stable < f.drawn.size() && stable < last.size() && !advanceable(*last[stable]) &&
           sameContent(*last[stable], drawnLayer(f, stable)))
        ++stable;
    while (stable > p.reuseBase && !runBoundary(f, stable)) --stable;
    if (stable == p.reuseBase) return;
    p.storeBase = stable;
    for (size_t i = p.reuseBase; i < stable; ++i) base_->layers.push_back(drawnLayer(f, i));
}

// The image of the first n drawn layers.
FrameReuse::KeptImage FrameReuse::imageOf(const FrameFacts& f, size_t n) {
    KeptImage b{{}, f.context};
    for (size_t i = 0; i < n; ++i) b.layers.push_back(f.layers[f.drawn[i]]);
    return b;
}

// When the base image is drawn again up to drawn layer keep: whether the backdrop comes from
// its kept image, or is kept now on the way.
void FrameReuse::planBackdrop(const FrameFacts& f, FramePlan& p, size_t keep) {
    size_t n = 0;  // the drawn layers that belong to the backdrop
    while (n < f.drawn.size() && f.drawn[n] < f.backdrop) ++n;
    if (n == 0 || n > keep || !runBoundary(f, n)) return;
    bool same = backdrop_ && backdrop_->context == f.context && backdrop_->layers.size() == n;
    for (size_t i = 0; same && i < n; ++i) same = sameContent(backdrop_->layers[i], drawnLayer(f, i));
    if (same) {
        p.reuseBackdrop = n;
    } else {
        p.storeBackdrop = n;
        backdrop_ = imageOf(f, n);
    }
}

// ---- image under the furniture ----

// Decides whether the frame's screen layers go over the kept image of the rest, and whether
// to keep that image now: when the view stood still since the last frame, what changed is what
// the map shows (a day of the timeline with new mentions), and the next days likely show the
// same; keeping it costs a copy, drawing it again every layer. While the view moves, every
// frame differs, and none is kept.
void FrameReuse::planUnder(const FrameFacts& f, FramePlan& p) {
    if (!f.keepImages || !f.furniture || !f.singleTile) {
        lastUnderContext_.reset();
        return;
    }
    UnderScreen now{{},
                    std::vector<GlyphVertex>(f.glyphs.begin(), f.glyphs.end()),
                    std::vector<PointInstance>(f.markers.begin(), f.markers.end()),
                    f.context};
    for (const scene::Layer& l : f.layers)
        if (!std::holds_alternative<scene::ScreenLayer>(l.content)) now.layers.push_back(l);
    const bool stood = lastUnderContext_ == now.context;
    lastUnderContext_ = now.context;
    if (under_ && *under_ == now) {
        p.reuseUnder = true;
    } else if (stood) {
        p.storeUnder = true;
        under_ = std::move(now);
    }
}

// Whether the last frame, still in the frame buffer over the same kept image, keeps all its
// furniture panels but those that changed. A changed panel's boxes must reach no kept panel's,
// so that every pixel is drawn the way a whole frame draws it.
void FrameReuse::planPanels(const FrameFacts& f, FramePlan& p) {
    const ScreenGeometry* now = f.screen;
    if (!now || !finished_ || !finished_->screen || finished_->context != f.context) return;
    const ScreenGeometry& last = *finished_->screen;
    if (last.panels.size() != now->panels.size()) return;
    std::vector<size_t> changed;
    std::vector<ImageBox> restored;
    for (size_t i = 0; i < now->panels.size(); ++i) {
        if (now->samePanel(i, last, i)) continue;
        changed.push_back(i);
        for (const ImageBox& b : {panelReach(last.panels[i]), panelReach(now->panels[i])})
            if (!b.empty()) restored.push_back(b);
    }
    for (size_t i = 0, c = 0; i < now->panels.size(); ++i) {
        if (c < changed.size() && changed[c] == i) {
            ++c;
            continue;
        }
        for (const ImageBox& r : restored)
            if (r.overlaps(panelReach(now->panels[i]))) return;
    }
    p.panelsKept = now->panels.size() - changed.size();
    p.panelsOnly = true;
    p.changedPanels = std::move(changed);
    p.restored = std::move(restored);
}

}  // namespace cmap::render
