#include "render/render_targets.h"

#include <cmath>
#include <string>
#include <tuple>

#include "core/error.h"

namespace cmap::render {
namespace {

void checkFramebuffer(const char* which) {
    GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE)
        throw Error(std::string("the ") + which + " framebuffer is incomplete (status " + std::to_string(status) + ")");
}

}  // namespace

PixelRect rectFor(const Tile& t, const ImageBox& box, double margin) {
    if (box.empty()) return {};
    auto clampX = [&](double v) { return static_cast<int>(std::clamp(v, 0.0, static_cast<double>(t.width))); };
    auto clampY = [&](double v) { return static_cast<int>(std::clamp(v, 0.0, static_cast<double>(t.height))); };
    // Image y runs down, GL rows up.
    return {clampX(std::floor(box.x0 - margin - t.x)), clampY(std::floor(t.height - (box.y1 + margin - t.y))),
            clampX(std::ceil(box.x1 + margin - t.x)), clampY(std::ceil(t.height - (box.y0 - margin - t.y)))};
}

void copyRect(const Framebuffer& from, const Framebuffer& to, const PixelRect& r) {
    if (r.empty()) return;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to.get());
    glBlitFramebuffer(r.x0, r.y0, r.x1, r.y1, r.x0, r.y0, r.x1, r.y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

void RenderTargets::grow(int w, int h, bool keepImages) {
    width = std::max(w, width);
    height = std::max(h, height);
    msaaFbo = makeFramebuffer();
    frameFbo = makeFramebuffer();
    coverageFbo = makeFramebuffer();
    msaaColor = makeTexture();
    frameColor = makeTexture();
    coverage = makeTexture();

    // A texture, not a renderbuffer: the furniture resolves it in a shader.
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, msaaColor.get());
    glTexImage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, samples, GL_RGBA8, width, height, GL_TRUE);
    glBindFramebuffer(GL_FRAMEBUFFER, msaaFbo.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D_MULTISAMPLE, msaaColor.get(), 0);
    checkFramebuffer("multisampled");

    attachTexture(frameFbo, frameColor, GL_RGBA8, GL_RGBA, "frame");
    attachTexture(coverageFbo, coverage, GL_R8, GL_RED, "coverage");
    baseFbo = {}, backdropFbo = {}, underFbo = {};
    baseColor = {}, backdropColor = {}, underColor = {};
    if (!keepImages) return;
    for (auto [fbo, texture, which] : {std::tuple{&baseFbo, &baseColor, "base image"},
                                       {&backdropFbo, &backdropColor, "backdrop image"},
                                       {&underFbo, &underColor, "image under the furniture"}}) {
        *fbo = makeFramebuffer();
        *texture = makeTexture();
        attachTexture(*fbo, *texture, GL_RGBA8, GL_RGBA, which);
    }
}

void RenderTargets::attachTexture(const Framebuffer& fbo, const Texture& texture, GLint format, GLenum layout,
                                  const char* which) const {
    glBindTexture(GL_TEXTURE_2D, texture.get());
    glTexImage2D(GL_TEXTURE_2D, 0, format, width, height, 0, layout, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture.get(), 0);
    checkFramebuffer(which);
}

}  // namespace cmap::render
