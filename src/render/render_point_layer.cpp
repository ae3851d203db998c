// Point layers: one instanced quad per point, shaped in the shader; projected and uploaded once
// per content and projection (kept by the points' values).
#include <cstring>
#include <numbers>

#include "render/renderer_impl.h"

namespace cmap::render {
namespace {

// FNV-1a over the bytes of trivially copyable values.
struct Hasher {
    uint64_t h = 1469598103934665603ull;
    template <class T>
    void add(const T& value) {
        unsigned char bytes[sizeof(T)];
        std::memcpy(bytes, &value, sizeof(T));
        for (unsigned char b : bytes) h = (h ^ b) * 1099511628211ull;
    }
};

}  // namespace

size_t Renderer::Impl::PointsHash::operator()(std::span<const scene::Point> points) const {
    Hasher hash;
    hash.add(points.size());
    for (const scene::Point& p : points) {
        hash.add(p.at.lon);
        hash.add(p.at.lat);
        hash.add(p.sizePx);
        hash.add(p.color);
        hash.add(p.angleDeg);
    }
    return static_cast<size_t>(hash.h);
}

PointBuffer* Renderer::Impl::pointsFor(std::span<const scene::Point> points) {
    auto it = pointBuffers.find(points);
    if (it == pointBuffers.end()) it = pointBuffers.try_emplace(std::vector(points.begin(), points.end())).first;
    PointBuffer& buffer = it->second;
    buffer.lastFrame = frameNumber;
    if (buffer.vao) return &buffer;

    ++stats.pointLayersProjected;
    std::vector<geo::LonLat> at;
    at.reserve(points.size());
    for (const scene::Point& p : points) at.push_back(p.at);
    buffer.projected.resize(points.size());
    projection->forward(at, buffer.projected);
    buffer.origin = localOrigin(buffer.projected);
    std::vector<PointInstance> instances;
    instances.reserve(points.size());
    for (size_t i = 0; i < points.size(); ++i) {
        const geo::Vec2& p = buffer.projected[i];
        if (std::isnan(p.x) || std::isnan(p.y)) continue;
        const scene::Point& pt = points[i];
        const scene::Color& c = pt.color;
        instances.push_back({static_cast<float>(p.x - buffer.origin.x), static_cast<float>(p.y - buffer.origin.y),
                             pt.sizePx, {toByte(c.r), toByte(c.g), toByte(c.b), toByte(c.a)},
                             static_cast<float>(pt.angleDeg * std::numbers::pi / 180)});
    }
    uploadInstances(buffer, instances, [] { pointAttributes(0); });
    return &buffer;
}


void Renderer::Impl::preparePoints(const Frame& f, const scene::PointLayer& layer, PreparedLayer& p, std::vector<Box>& obstacles) {
    if (layer.points.empty()) return;
    p.points = pointsFor(layer.points);
    // Markers are obstacles for labels: a label never hides a place.
    for (size_t i = 0; i < layer.points.size(); ++i) {
        const geo::Vec2& xy = p.points->projected[i];
        if (std::isnan(xy.x)) continue;
        geo::Vec2 px = toPixel(f, xy);
        auto r = static_cast<float>((layer.points[i].sizePx / 2 + layer.outlineWidthPx) * f.scale);
        auto x = static_cast<float>(px.x);
        auto y = static_cast<float>(px.y);
        if (x + r < 0 || y + r < 0 || x - r > static_cast<float>(f.width) || y - r > static_cast<float>(f.height))
            continue;
        obstacles.push_back({x - r, y - r, x + r, y + r});
    }
}

// Instance attributes of the point program, starting at instance `first` of the bound buffer
// (GL 3.3 has no base-instance draw, so the pointers move instead).
void Renderer::Impl::pointAttributes(size_t first) {
    auto at = [&](size_t offset) { return reinterpret_cast<const void*>(first * sizeof(PointInstance) + offset); };
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(PointInstance), at(0));
    glVertexAttribDivisor(0, 1);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, sizeof(PointInstance), at(offsetof(PointInstance, size)));
    glVertexAttribDivisor(1, 1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(PointInstance), at(offsetof(PointInstance, rgba)));
    glVertexAttribDivisor(2, 1);
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, sizeof(PointInstance), at(offsetof(PointInstance, angle)));
    glVertexAttribDivisor(3, 1);
}

void Renderer::Impl::usePointStyle(const Frame& f, const Tile& t, geo::Vec2 origin, scene::PointShape shape,
                                   const scene::Color& outline, float outlineWidthPx) {
    point.use();
    setTransform(point, f, t, origin);
    glUniform1f(point.uniform("uSizeScale"), f.scale);
    glUniform1f(point.uniform("uOutline"), outlineWidthPx * f.scale);
    setColor(point.uniform("uOutlineColor"), outline);
    glUniform1i(point.uniform("uShape"), static_cast<int>(shape));
}

void Renderer::Impl::drawPoints(const Frame& f, const Tile& t, const scene::PointLayer& layer, const PointBuffer& buffer) {
    if (buffer.count == 0) return;
    usePointStyle(f, t, buffer.origin, layer.shape, layer.outline, layer.outlineWidthPx);
    glBindVertexArray(buffer.vao.get());
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, buffer.count);
}

}  // namespace cmap::render
