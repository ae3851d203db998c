// Line layers and the graticule: screen-space thick lines, antialiased in their shader, drawn
// as coverage (max-blended, so crossings do not darken) within the layer's box, then painted
// through it.
#include <algorithm>

#include "render/renderer_impl.h"

namespace cmap::render {

void Renderer::Impl::drawLines(const Frame& f, const Tile& t, FeatureMesh& mesh, const scene::Color& color, float widthPx) {
    float width = widthPx * f.scale;
    if (width <= 0 || color.a <= 0) return;
    PixelRect r = rectFor(t, meshBox(f, mesh), width / 2 + 2);
    if (r.empty()) return;
    beginCoverage(r);
    line.use();
    setTransform(line, f, t, mesh.origin());
    glUniform1f(line.uniform("uHalfWidth"), std::max(width, 1.0f) / 2);
    glUniform1f(line.uniform("uOpacity"), std::min(width, 1.0f));
    mesh.drawSegments();
    compositeCoverage(color);
}

// Starts a coverage pass within r: later draws max-blend coverage into the single-channel buffer.
void Renderer::Impl::beginCoverage(const PixelRect& r) {
    glBindFramebuffer(GL_FRAMEBUFFER, targets.coverageFbo.get());
    scissor(r);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    glBlendEquation(GL_MAX);
}

// Ends a coverage pass: paints color through the coverage onto the frame, within the same box.
void Renderer::Impl::compositeCoverage(const scene::Color& color) {
    glBindFramebuffer(GL_FRAMEBUFFER, targets.frameFbo.get());
    blendOver();
    composite.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, targets.coverage.get());
    glUniform1i(composite.uniform("uCoverage"), 0);
    setColor(composite.uniform("uColor"), color);
    glBindVertexArray(emptyVao.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace cmap::render
