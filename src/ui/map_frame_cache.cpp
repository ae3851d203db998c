#include "ui/map_frame_cache.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/error.h"

namespace cmap::ui {

std::string mapFrameKey(uint64_t revision, const scene::MapState& s, double w, double h, float scale) {
    // %a prints doubles exactly: a view that moved by a sub-pixel amount is a different frame.
    char buf[256];
    std::snprintf(buf, sizeof buf, "%llu|%a|%a|%a|%d|%a|%a|%a|%d|", static_cast<unsigned long long>(revision), w, h,
                  static_cast<double>(scale), s.labels ? 1 : 0, s.view ? s.view->center.x : 0.0,
                  s.view ? s.view->center.y : 0.0, s.view ? s.view->unitsPerPixel : 0.0, s.view ? 1 : 0);
    std::string key = buf;
    key += s.projection;
    if (s.time) {
        std::snprintf(buf, sizeof buf, "|t%d,%d,%d", static_cast<int>(s.time->mode), s.time->day, s.time->windowDays);
        key += buf;
    }
    for (const auto& [id, st] : s.styles) {
        std::snprintf(buf, sizeof buf, "|%d,%08x,%a,%a,%d,%d", st.visible ? 1 : 0, st.rgba, static_cast<double>(st.size),
                      static_cast<double>(st.opacity), st.labels ? 1 : 0, st.byCategory ? 1 : 0);
        key += id;
        key += buf;
    }
    for (const model::Annotation& a : s.annotations) key += model::annotationToJson(a).dump();
    if (s.annotationIds) {
        key += "|only";  // an empty list shows none, unlike no list
        for (const std::string& id : *s.annotationIds) key += "|id:" + id;
    }
    return key;
}

MapFrameCache::~MapFrameCache() {
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    if (texture_) glDeleteTextures(1, &texture_);
}

bool MapFrameCache::holds(const std::string& key, int width, int height) const {
    return fbo_ && width == width_ && height == height_ && key == key_;
}

void MapFrameCache::beginDraw(const std::string& key, int width, int height) {
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
