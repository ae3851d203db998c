#include "ui/map_frame_cache.h"


#include "core/error.h"

namespace cmap::ui {

MapFrameCache::~MapFrameCache() {
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    if (texture_) glDeleteTextures(1, &texture_);
}

bool MapFrameCache::holds(const MapFrameKey& key, int width, int height) const {
    return fbo_ && width == width_ && height == height_ && key == key_;
}

void MapFrameCache::beginDraw(const MapFrameKey& key, int width, int height) {
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previous_);
    if (!fbo_) {
        glGenFramebuffers(1, &fbo_);
        glGenTextures(1, &texture_);
    }
    if (width != width_ || height != height_) {
        glBindTexture(GL_TEXTURE_2D, texture_);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
            throw Error("the map's frame buffer is incomplete");
        width_ = width;
        height_ = height;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glViewport(0, 0, width, height);
    key_ = key;
}

void MapFrameCache::endDraw() { glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_)); }

void MapFrameCache::blitToWindow(int x, int y) const {
    if (!fbo_) return;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, width_, height_, x, y, x + width_, y + height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace cmap::ui
