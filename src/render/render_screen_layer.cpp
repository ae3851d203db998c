// Screen layers (map furniture): laid out by screen_layout.h, drawn over everything else.
#include <algorithm>

#include "render/renderer_impl.h"

namespace cmap::render {

// Furniture: its boxes, symbols and arrows multisampled, its text over them. Multisampled in one
// pass over the panels' boxes only: panels sit in the corners, so their joint box is the whole
// frame, and on llvmpipe each blit (a resolve) costs a flush, which a pass per panel paid ten
// times a frame. Everything drawn lies in a panel; what a triangle might draw outside one is
// never resolved.
// Only the panels listed in `only` when it is given (the frame buffer keeps the others).
void Renderer::Impl::drawScreen(const Tile& t, const ScreenGeometry& g, const std::vector<size_t>* only) {
    if (g.bounds.x1 < g.bounds.x0) return;
    auto tileUniform = [&](const Program& p) {
        glUniform4f(p.uniform("uTile"), static_cast<float>(t.x), static_cast<float>(t.y), static_cast<float>(t.width),
                    static_cast<float>(t.height));
    };
    // The (first, count) runs of vertices to draw, given where each panel's end: one run for all.
    auto ranges = [&](const std::vector<size_t>& ends, size_t all) {
        std::vector<std::pair<GLint, GLsizei>> out;
        if (!only) {
            if (all > 0) out.push_back({0, static_cast<GLsizei>(all)});
            return out;
        }
        for (size_t i : *only) {
            size_t first = i == 0 ? 0 : ends[i - 1];
            if (ends[i] > first) out.push_back({static_cast<GLint>(first), static_cast<GLsizei>(ends[i] - first)});
        }
        return out;
    };
    const auto triangleRanges = ranges(g.triangleEnds, g.triangles.size());
    if (!triangleRanges.empty()) {
        std::vector<float> corners;
        for (size_t i = 0; i < g.panels.size(); ++i) {
            if (only && std::find(only->begin(), only->end(), i) == only->end()) continue;
            const ImageBox b = panelReach(g.panels[i]);
            if (b.empty()) continue;
            auto x0 = static_cast<float>(b.x0), y0 = static_cast<float>(b.y0);
            auto x1 = static_cast<float>(b.x1), y1 = static_cast<float>(b.y1);
            corners.insert(corners.end(), {x0, y0, x1, y0, x0, y1, x1, y0, x1, y1, x0, y1});
        }
        auto rects = static_cast<GLsizei>(corners.size() / 2);
        glBindVertexArray(rectVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, rectVbo.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(corners.size() * sizeof(float)), corners.data(),
                     GL_STREAM_DRAW);
        glBindFramebuffer(GL_FRAMEBUFFER, targets.msaaFbo.get());
        glDisable(GL_BLEND);
        copyRects.use();
        tileUniform(copyRects);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, targets.frameColor.get());
        glUniform1i(copyRects.uniform("uImage"), 0);
        glDrawArrays(GL_TRIANGLES, 0, rects);

        glEnable(GL_BLEND);
        blendOver();
        screen.use();
        tileUniform(screen);
        glBindVertexArray(screenVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, screenVbo.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.triangles.size() * sizeof(ScreenVertex)),
                     g.triangles.data(), GL_STREAM_DRAW);
        for (auto [first, count] : triangleRanges) glDrawArrays(GL_TRIANGLES, first, count);

        glBindFramebuffer(GL_FRAMEBUFFER, targets.frameFbo.get());
        glDisable(GL_BLEND);
        resolveRects.use();
        tileUniform(resolveRects);
        glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, targets.msaaColor.get());
        glUniform1i(resolveRects.uniform("uImage"), 0);
        glUniform1i(resolveRects.uniform("uSamples"), targets.samples);
        glBindVertexArray(rectVao.get());
        glDrawArrays(GL_TRIANGLES, 0, rects);
        glEnable(GL_BLEND);
    }
    const auto glyphRanges = ranges(g.glyphEnds, g.glyphs.size());
    if (glyphRanges.empty()) return;
    glBindFramebuffer(GL_FRAMEBUFFER, targets.frameFbo.get());
    blendOver();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, font->texture());
    text.use();
    tileUniform(text);
    glUniform1i(text.uniform("uAtlas"), 0);
    glUniform1i(text.uniform("uCoverageOnly"), 0);
    glUniform2f(text.uniform("uShift"), 0, 0);
    glBindVertexArray(screenTextVao.get());
    glBindBuffer(GL_ARRAY_BUFFER, screenTextVbo.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.glyphs.size() * sizeof(GlyphVertex)), g.glyphs.data(),
                 GL_STREAM_DRAW);
    for (auto [first, count] : glyphRanges) glDrawArrays(GL_TRIANGLES, first, count);
}

}  // namespace cmap::render
