// The renderer in two halves: prepare() (frame_preparation.cpp) turns a Scene into GPU-ready
// state for a whole image (projection, cached meshes, point buffers, placed labels) and asks the
// frame-reuse planner (frame_reuse.h) what comes from kept images; then every tile of the image
// is drawn from that state by drawTile(), here. Tiles differ only in the uTile uniform, so they
// join exactly. Each layer type draws in its own file (render_fill_layer.cpp, ...; renderer_impl.h
// lists them).
//
// How a tile is drawn (the same for the screen and export, so they stay the same pixels):
// layers go into a single-sampled frame buffer in order, labels last. Runs of consecutive fills
// are drawn 4x multisampled (their edges have no other antialiasing) within their bounding box:
// the frame is copied into the multisampled buffer there, the fills drawn, the box resolved back;
// a sea (globe) leading a run with no edge in the tile is drawn single-sampled before it, and so
// is a run whose every fill a later line of its own features covers at the edges (outlinedFills).
// Lines, points and text antialias in their shaders and draw single-sampled; their full-image
// passes (coverage buffers) are cut down to the layer's box with the scissor. On a software
// renderer every full-image pass costs milliseconds, so this is most of the frame time.
//
// The finished frame: the frame buffer holds the last tile drawn until the next one is, so a
// scene equal to the last one drawn is copied out with nothing prepared or drawn.
#include "render/renderer.h"

#include <algorithm>

#include "render/renderer_impl.h"

namespace cmap::render {

// Whether scene at this size is the frame the frame buffer holds; if so leaves that buffer bound
// for reading. Checked before prepare(), which would cost as much as a small frame.
bool Renderer::Impl::reuseFinished(const scene::Scene& s, int width, int height, float scale) {
    if (width > maxTile || height > maxTile) return false;
    const FinishedFrame* k = reuse.sameAsFinished(s.layers, contextOf(s, width, height, scale));
    if (!k) return false;
    stats.labelsPlaced = k->labelsPlaced;
    stats.labelsDropped = k->labelsDropped;
    ++stats.framesReused;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, targets.frameFbo.get());
    return true;
}

// After a frame drew in one tile: what the frame buffer now holds.
void Renderer::Impl::keepFinished(const Frame& f) {
    reuse.finish(factsOf(f), f.plan, stats.labelsPlaced, stats.labelsDropped);
}

// Leaves the tile in the frame buffer, bound for reading.
void Renderer::Impl::drawTile(const Frame& f, const Tile& t) {
    ensureTargets(t.width, t.height);
    reuse.frameOverwritten();  // the frame buffer is about to hold something else
    glViewport(0, 0, t.width, t.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glEnable(GL_BLEND);
    blendOver();

    if (f.plan.panelsOnly) {
        for (const ImageBox& b : f.plan.restored) copyRect(targets.underFbo, targets.frameFbo, rectFor(t, b, 0));
    } else if (f.plan.reuseUnder) {
        copyTile(targets.underFbo, targets.frameFbo, t);
    } else {
        drawUnderScreen(f, t);
        if (f.plan.storeUnder) copyTile(targets.frameFbo, targets.underFbo, t);
    }
    for (const PreparedLayer& p : f.layers)
        if (p.screen) drawScreen(t, *p.screen, f.plan.panelsOnly ? &f.plan.changedPanels : nullptr);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, targets.frameFbo.get());
    ++stats.tilesDrawn;
}

// Everything but the screen layers: the drawn layers (from the base image where it serves),
// then the labels.
void Renderer::Impl::drawUnderScreen(const Frame& f, const Tile& t) {
    size_t from = 0;
    if (f.plan.reuseBase > 0) {
        copyTile(targets.baseFbo, targets.frameFbo, t);
        if (f.plan.advancedFrom) {
            drawLayers(f, t, f.plan.reuseBase - 1, f.plan.reuseBase);
            copyTile(targets.frameFbo, targets.baseFbo, t);
        }
        from = f.plan.reuseBase;
        if (f.plan.storeBase > from) {  // grown
            drawLayers(f, t, from, f.plan.storeBase);
            copyTile(targets.frameFbo, targets.baseFbo, t);
            from = f.plan.storeBase;
        }
    } else {
        if (f.plan.reuseBackdrop > 0) {
            copyTile(targets.backdropFbo, targets.frameFbo, t);
            from = f.plan.reuseBackdrop;
        } else {
            glBindFramebuffer(GL_FRAMEBUFFER, targets.frameFbo.get());
            const scene::Color& bg = f.scene->background;
            glClearColor(bg.r, bg.g, bg.b, bg.a);
            glClear(GL_COLOR_BUFFER_BIT);
        }
        if (f.plan.storeBackdrop > 0) {
            drawLayers(f, t, 0, f.plan.storeBackdrop);
            copyTile(targets.frameFbo, targets.backdropFbo, t);
            from = f.plan.storeBackdrop;
        }
        if (f.plan.storeBase > 0) {
            drawLayers(f, t, from, f.plan.storeBase);
            copyTile(targets.frameFbo, targets.baseFbo, t);
            from = f.plan.storeBase;
        }
    }
    drawLayers(f, t, from, f.drawn.size());

    // Labels last, above every layer, in layer order.
    size_t labelLayer = 0;
    for (const PreparedLayer& p : f.layers) {
        if (auto* labels = std::get_if<scene::LabelLayer>(&p.layer->content)) {
            HaloCoverage& halo = haloCoverage(labelLayer++);
            glBindFramebuffer(GL_FRAMEBUFFER, targets.frameFbo.get());
            drawLabels(f, t, *labels, p, halo);
        }
    }
}

// Drawn layers [begin, end) onto the frame, in order.
void Renderer::Impl::drawLayers(const Frame& f, const Tile& t, size_t begin, size_t end) {
    for (size_t i = begin; i < end;) {
        if (isFill(*f.layers[f.drawn[i]].layer)) {
            size_t j = i;
            while (j < end && isFill(*f.layers[f.drawn[j]].layer)) ++j;
            drawFillRun(f, t, i, j);
            i = j;
            continue;
        }
        const PreparedLayer& p = f.layers[f.drawn[i++]];
        glBindFramebuffer(GL_FRAMEBUFFER, targets.frameFbo.get());
        const auto& content = p.layer->content;
        if (auto* lines = std::get_if<scene::LineLayer>(&content)) {
            if (p.mesh) drawLines(f, t, *p.mesh, lines->color, lines->widthPx);
        } else if (auto* grid = std::get_if<scene::GraticuleLayer>(&content)) {
            if (p.mesh) drawLines(f, t, *p.mesh, grid->color, grid->widthPx);
        } else if (auto* points = std::get_if<scene::PointLayer>(&content)) {
            if (p.points) drawPoints(f, t, *points, *p.points);
        } else if (auto* events = std::get_if<scene::EventLayer>(&content)) {
            if (p.events) drawEvents(f, t, *events, *p.events, p.eventRange);
        }
    }
}

Renderer::Renderer() {
    // Whoever made the context loaded the GL entry points through glad (GlContext, the viewer's window).
    if (!GLAD_GL_VERSION_3_3) throw Error("no current OpenGL 3.3 core context for the renderer");
    impl_ = std::make_unique<Impl>();
}

Renderer::~Renderer() = default;

Image Renderer::renderToImage(const scene::Scene& scene, int width, int height, float scale) {
    // Made before prepare() has checked the size (a reused frame skips it): never negative.
    Image image(width > 0 ? width : 0, height > 0 ? height : 0);
    // Reads the tile t from the frame buffer bound for reading into its place in the image, then
    // turns its rows over there (GL's run bottom-up, the image's top-down): no second copy of a
    // tile of up to 16 MB.
    auto readTile = [&](const Tile& t) {
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glPixelStorei(GL_PACK_ROW_LENGTH, image.width);
        glReadPixels(0, 0, t.width, t.height, GL_RGBA, GL_UNSIGNED_BYTE, image.pixel(t.x, t.y));
        glPixelStorei(GL_PACK_ROW_LENGTH, 0);
        image.flipRows(t.x, t.y, t.width, t.height);
    };
    if (impl_->reuseFinished(scene, width, height, scale)) {
        readTile(Tile{0, 0, width, height});
    } else {
        Frame f = impl_->prepare(scene, width, height, scale);
        impl_->forEachTile(f, readTile);
        impl_->keepFinished(f);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return image;
}

void Renderer::draw(const scene::Scene& scene, Viewport target, float scale) {
    GLint framebuffer = 0;
    GLint viewport[4] = {0, 0, 0, 0};
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &framebuffer);
    glGetIntegerv(GL_VIEWPORT, viewport);
    // Copies the tile t from the frame buffer bound for reading into the target.
    auto blitTile = [&](const Tile& t) {
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(framebuffer));
        int x = target.x + t.x;
        int y = target.y + (target.height - t.y - t.height);
        glBlitFramebuffer(0, 0, t.width, t.height, x, y, x + t.width, y + t.height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    };
    if (impl_->reuseFinished(scene, target.width, target.height, scale)) {
        blitTile(Tile{0, 0, target.width, target.height});
    } else {
        Frame f = impl_->prepare(scene, target.width, target.height, scale);
        impl_->forEachTile(f, blitTile);
        impl_->keepFinished(f);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(framebuffer));
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
}

void Renderer::prepareMeshes(const scene::Scene& scene) { impl_->prepareMeshes(scene); }

void Renderer::setMaxTileSize(int pixels) { impl_->maxTile = std::clamp(pixels, 16, impl_->hardwareMaxTile); }

void Renderer::setKeepImages(bool keep) {
    if (keep == impl_->keepImages) return;
    impl_->keepImages = keep;
    impl_->reuse.keepingChanged();
    impl_->targets.width = impl_->targets.height = 0;  // made again, with or without the kept images
}

const RenderStats& Renderer::stats() const { return impl_->stats; }

}  // namespace cmap::render
