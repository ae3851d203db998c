// Fill layers and the globe: drawn in runs of consecutive fills, 4x multisampled within the run's
// bounding box (their edges have no other antialiasing), unless every fill of the run has its
// edges covered by its own outline.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "render/renderer_impl.h"

namespace cmap::render {

// Draws into the multisampled buffer within r (edges without antialiasing of their own): the
// frame is copied in there first and the box resolved back into the frame after.
template <class Draw>
void Renderer::Impl::multisampled(const PixelRect& r, Draw&& draw) {
    if (r.empty()) return;
    scissor(r);
    glBindFramebuffer(GL_FRAMEBUFFER, targets.msaaFbo.get());
    glDisable(GL_BLEND);
    copy.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, targets.frameColor.get());
    glUniform1i(copy.uniform("uImage"), 0);
    glBindVertexArray(emptyVao.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glEnable(GL_BLEND);
    blendOver();
    draw();
    glBindFramebuffer(GL_READ_FRAMEBUFFER, targets.msaaFbo.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, targets.frameFbo.get());
    glBlitFramebuffer(r.x0, r.y0, r.x1, r.y1, r.x0, r.y0, r.x1, r.y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glDisable(GL_SCISSOR_TEST);
}

// A run of fills, multisampled within their box: the frame is copied in there, the fills
// drawn, the box resolved back into the frame.
void Renderer::Impl::drawFillRun(const Frame& f, const Tile& t, size_t begin, size_t end) {
    // Globes (the sea) leading the run with no edge in the tile: every pixel's samples would all
    // be alike, so they are drawn single-sampled, for the same pixels without the copy in and out.
    for (; begin < end && globeCoversTile(f, t, f.layers[f.drawn[begin]]); ++begin) {
        const PreparedLayer& p = f.layers[f.drawn[begin]];
        glBindFramebuffer(GL_FRAMEBUFFER, targets.frameFbo.get());
        drawGlobe(f, t, std::get<scene::GlobeLayer>(p.layer->content), *p.mesh);
    }
    if (begin == end) return;
    // Likewise a run of fills whose outlines are drawn over their edges (outlinedFills).
    if (std::all_of(f.drawn.begin() + static_cast<std::ptrdiff_t>(begin), f.drawn.begin() + static_cast<std::ptrdiff_t>(end),
                    [&](size_t i) { return f.layers[i].outlined || !f.layers[i].mesh; })) {
        glBindFramebuffer(GL_FRAMEBUFFER, targets.frameFbo.get());
        for (size_t i = begin; i < end; ++i) {
            const PreparedLayer& p = f.layers[f.drawn[i]];
            if (!p.mesh) continue;
            drawFill(f, t, std::get<scene::FillLayer>(p.layer->content), *p.mesh);
            ++stats.fillsOutlined;
        }
        return;
    }
    PixelRect r;
    for (size_t i = begin; i < end; ++i) {
        const PreparedLayer& p = f.layers[f.drawn[i]];
        if (!p.mesh) continue;
        if (std::holds_alternative<scene::GlobeLayer>(p.layer->content)) r.unite(wholeTile(t));
        else r.unite(rectFor(t, meshBox(f, *p.mesh), 1));
    }
    multisampled(r, [&] {
        for (size_t i = begin; i < end; ++i) {
            const PreparedLayer& p = f.layers[f.drawn[i]];
            if (!p.mesh) continue;
            if (auto* fillLayer = std::get_if<scene::FillLayer>(&p.layer->content)) drawFill(f, t, *fillLayer, *p.mesh);
            else drawGlobe(f, t, std::get<scene::GlobeLayer>(p.layer->content), *p.mesh);
        }
    });
}

// Whether p is a globe whose outline lies outside the tile grown by a pixel: the usual map, a
// region well inside the world.
bool Renderer::Impl::globeCoversTile(const Frame& f, const Tile& t, const PreparedLayer& p) const {
    if (!p.mesh || !std::holds_alternative<scene::GlobeLayer>(p.layer->content)) return false;
    const scene::View& v = f.scene->view;
    auto projected = [&](double px, double py) {
        return geo::Vec2{v.center.x + (px - f.width / 2.0) / f.pxPerUnit, v.center.y - (py - f.height / 2.0) / f.pxPerUnit};
    };
    return p.mesh->fillCovers(projected(t.x - 1.0, t.y + t.height + 1.0), projected(t.x + t.width + 1.0, t.y - 1.0));
}

void Renderer::Impl::drawFill(const Frame& f, const Tile& t, const scene::FillLayer& layer, FeatureMesh& mesh) {
    bool perFeature = !layer.featureColors.empty();
    if (perFeature) {
        std::vector<uint8_t> bytes;
        size_t n = mesh.features()->featureCount();
        bytes.reserve(n * 4);
        for (size_t i = 0; i < n; ++i) {
            const scene::Color& c = i < layer.featureColors.size() ? layer.featureColors[i] : layer.color;
            for (float v : {c.r, c.g, c.b, c.a}) bytes.push_back(toByte(v));
        }
        glBindBuffer(GL_TEXTURE_BUFFER, colorBuffer.get());
        glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(bytes.size()), bytes.data(), GL_STREAM_DRAW);
        glActiveTexture(GL_TEXTURE1);
        glBindTexture(GL_TEXTURE_BUFFER, colorTexture.get());
        glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA8, colorBuffer.get());
    }
    fill.use();
    setTransform(fill, f, t, mesh.origin());
    setColor(fill.uniform("uColor"), layer.color);
    glUniform1i(fill.uniform("uPerFeature"), perFeature ? 1 : 0);
    glUniform1i(fill.uniform("uFeatureColors"), 1);
    if (layer.hatch) {
        const scene::Hatch& h = *layer.hatch;
        double angle = h.angleDeg * std::numbers::pi / 180;
        glUniform4f(fill.uniform("uHatch"), std::max(h.spacingPx, 1.0f) * f.scale, h.widthPx * f.scale,
                    static_cast<float>(std::cos(angle)), static_cast<float>(std::sin(angle)));
        setColor(fill.uniform("uHatchColor"), h.color);
    } else {
        glUniform4f(fill.uniform("uHatch"), 0, 0, 1, 0);
    }
    triangulate(mesh);
    mesh.drawFill();
}

void Renderer::Impl::drawGlobe(const Frame& f, const Tile& t, const scene::GlobeLayer& layer, FeatureMesh& mesh) {
    if (!mesh.complete()) {
        // No finite outline (an azimuthal view): the globe fills the plane.
        glClearColor(layer.color.r, layer.color.g, layer.color.b, layer.color.a);
        glClear(GL_COLOR_BUFFER_BIT);
        return;
    }
    drawFill(f, t, scene::FillLayer{mesh.features(), layer.color, {}, std::nullopt}, mesh);
}

}  // namespace cmap::render
