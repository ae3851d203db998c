#pragma once
// Large draws in blocks, so that llvmpipe's binning memory stays bounded. llvmpipe bins a whole
// draw before its threads rasterize it (some 200 bytes a triangle) and holds the bins until the
// scene is rasterized: 350,000 events in one draw held 100 MB, and one draw of the viewer's
// admin-1 borders up to 72 MB (massif). Drawn in blocks, with the binning at most two blocks
// ahead of the rasterizing (a fence per block), a draw holds a few blocks' worth. GL draws the
// blocks' primitives in the same order as the one draw, so the pixels are the same (the shaders
// read no gl_PrimitiveID, and gl_VertexID is the index, not its place in the draw).
#include <glad/gl.h>

#include <algorithm>
#include <array>

namespace cmap::render {

/// Calls draw(first, count) over [first, end) in blocks of at most `block`, waiting before each
/// block for the one two blocks back to be rasterized. Throws what draw throws.
template <class Draw>
void drawInBlocks(GLsizei first, GLsizei end, GLsizei block, Draw&& draw) {
    std::array<GLsync, 2> ahead{};
    for (GLsizei at = first, k = 0; at < end; at += block, ++k) {
        GLsync& done = ahead[static_cast<size_t>(k) % ahead.size()];
        if (done) {
            glClientWaitSync(done, GL_SYNC_FLUSH_COMMANDS_BIT, GL_TIMEOUT_IGNORED);
            glDeleteSync(done);
            done = nullptr;
        }
        draw(at, std::min(block, end - at));
        if (end - at > block) done = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    }
    for (GLsync done : ahead)
        if (done) glDeleteSync(done);
}

}  // namespace cmap::render
