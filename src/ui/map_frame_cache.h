#pragma once
// The last map frame, kept in a texture: the renderer redraws the map only when what it shows
// changed (content, view, time, styles, size), and every other frame copies these pixels. On a
// software renderer a map frame costs far more than the panels around it.
#include <glad/gl.h>

#include "core/model/furniture.h"
#include "scene/furniture_layers.h"
#include "scene/map_scene.h"

namespace cmap::ui {

/// Everything a map frame's pixels depend on, compared by value: a field added to the map state
/// or the furniture takes part without anyone listing it here.
struct MapFrameKey {
    uint64_t revision = 0;  ///< of the content (Session::revision)
    scene::MapState state;
    double width = 0, height = 0;  ///< logical pixels
    float scale = 1;
    scene::FurnitureText text;
    model::Furniture furniture;
    friend bool operator==(const MapFrameKey&, const MapFrameKey&) = default;
};

class MapFrameCache {
public:
    MapFrameCache() = default;
    ~MapFrameCache();
    MapFrameCache(const MapFrameCache&) = delete;
    MapFrameCache& operator=(const MapFrameCache&) = delete;

    /// Whether a frame drawn for key at width x height device pixels is held.
    bool holds(const MapFrameKey& key, int width, int height) const;
    /// Binds the cache's framebuffer (resized as needed) as the draw target; draw into (0, 0, width, height).
    void beginDraw(const MapFrameKey& key, int width, int height);
    /// Restores the framebuffer that was bound before beginDraw.
    void endDraw();
    /// Copies the held frame to the window's framebuffer at (x, y) device pixels, GL convention.
    void blitToWindow(int x, int y) const;

private:
    GLuint fbo_ = 0, texture_ = 0;
    int width_ = 0, height_ = 0;
    MapFrameKey key_;
    GLint previous_ = 0;
};

}  // namespace cmap::ui
