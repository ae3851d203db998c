#pragma once
// The offscreen buffers a frame is drawn in, and the tiles of an image. Every image is drawn in
// tiles of at most the tile size (exports larger than the GL limits take several); the frame
// buffer holds one tile, y up as GL has it, and the kept images (base, backdrop, under the
// furniture) are whole tiles beside it, copied in and out with blits.
#include <glad/gl.h>

#include <algorithm>

#include "render/frame_reuse.h"
#include "render/gl_objects.h"

namespace cmap::render {

struct Tile {
    int x = 0, y = 0, width = 0, height = 0;  // device pixels in the whole image, y down
};

// A rectangle of a tile in GL pixels (origin bottom-left), for the scissor and blits.
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    void unite(const PixelRect& o) {
        if (o.empty()) return;
        if (empty()) {
            *this = o;
            return;
        }
        x0 = std::min(x0, o.x0), y0 = std::min(y0, o.y0), x1 = std::max(x1, o.x1), y1 = std::max(y1, o.y1);
    }
};

// The tile's pixels a whole-image box touches, grown by margin device pixels (pixel edges
// outward, so every pixel a draw may touch is inside).
PixelRect rectFor(const Tile& t, const ImageBox& box, double margin);

inline PixelRect wholeTile(const Tile& t) { return {0, 0, t.width, t.height}; }

inline void scissor(const PixelRect& r) {
    glEnable(GL_SCISSOR_TEST);
    glScissor(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
}

// Copies r of one framebuffer into the same place of another.
void copyRect(const Framebuffer& from, const Framebuffer& to, const PixelRect& r);
// Copies a whole tile between the frame and a kept image.
inline void copyTile(const Framebuffer& from, const Framebuffer& to, const Tile& t) { copyRect(from, to, wholeTile(t)); }

struct RenderTargets {
    Framebuffer msaaFbo, frameFbo, baseFbo, backdropFbo, underFbo, coverageFbo;
    Texture msaaColor;
    Texture frameColor, baseColor, backdropColor, underColor, coverage;
    int width = 0;  // of every target: they only grow
    int height = 0;
    int samples = 4;

    bool fit(int w, int h) const { return w <= width && h <= height; }
    // Makes every target again, large enough for w x h as well as what they held: their pixels are
    // lost. The kept images' only when keepImages (a software renderer holds every texture in
    // memory: an image that is not kept takes none). Throws Error when a framebuffer is incomplete.
    void grow(int w, int h, bool keepImages);
    // A single-sampled texture of the targets' size attached to fbo.
    void attachTexture(const Framebuffer& fbo, const Texture& texture, GLint format, GLenum layout,
                       const char* which) const;
};

}  // namespace cmap::render
