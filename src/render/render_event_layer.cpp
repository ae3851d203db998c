// Event layers: an event table uploaded once per projection, filtered by date in the shader; a
// frame draws only the rows its time query can show.
#include <algorithm>
#include <array>

#include "render/renderer_impl.h"

namespace cmap::render {

EventBuffer* Renderer::Impl::eventsFor(const model::EventTablePtr& table) {
    if (!table || table->size() == 0) return nullptr;
    EventBuffer& buffer = eventBuffers[table.get()];
    buffer.lastFrame = frameNumber;
    if (buffer.vao) return &buffer;

    ++stats.pointLayersProjected;
    buffer.table = table;
    const model::EventTable& t = *table;
    std::vector<geo::LonLat> at(t.size());
    for (size_t i = 0; i < t.size(); ++i) at[i] = {t.lon[i], t.lat[i]};
    std::vector<geo::Vec2> xy(t.size());
    projection->forward(at, xy);
    at = {};
    buffer.origin = localOrigin(xy);
    std::vector<EventInstance> instances;
    instances.reserve(t.size());
    for (size_t i = 0; i < t.size(); ++i) {
        const geo::Vec2& p = xy[i];
        bool shown = !std::isnan(p.x) && !std::isnan(p.y);
        if (!shown && buffer.keptBefore.empty()) {  // the first left out: every row before it was kept
            for (size_t row = 0; row <= i; ++row) buffer.keptBefore.push_back(static_cast<GLsizei>(row));
        }
        if (!buffer.keptBefore.empty()) buffer.keptBefore.push_back(buffer.keptBefore.back() + (shown ? 1 : 0));
        if (!shown) continue;
        instances.push_back({static_cast<float>(p.x - buffer.origin.x), static_cast<float>(p.y - buffer.origin.y),
                             static_cast<float>(t.firstDay[i]), static_cast<float>(t.lastDay[i]),
                             static_cast<float>(t.supersededDay[i]), static_cast<float>(t.category[i])});
    }
    uploadInstances(buffer, instances, [] { eventAttributes(0); });
    return &buffer;
}

// Instance attributes of the event program from instance `first` of the bound buffer (as
// pointAttributes).
void Renderer::Impl::eventAttributes(GLsizei first) {
    auto attribute = [&](GLuint index, GLint size, size_t offset) {
        glEnableVertexAttribArray(index);
        glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, sizeof(EventInstance),
                              reinterpret_cast<const void*>(static_cast<size_t>(first) * sizeof(EventInstance) + offset));
        glVertexAttribDivisor(index, 1);
    };
    attribute(0, 2, 0);
    attribute(1, 3, offsetof(EventInstance, firstDay));
    attribute(2, 1, offsetof(EventInstance, category));
}

void Renderer::Impl::drawEvents(const Frame& f, const Tile& t, const scene::EventLayer& layer, const EventBuffer& buffer,
                                InstanceRange range) {
    if (range.end <= range.first) return;
    event.use();
    setTransform(event, f, t, buffer.origin);
    glUniform1f(event.uniform("uSizeScale"), f.scale);
    glUniform1f(event.uniform("uSize"), layer.sizePx);
    glUniform1f(event.uniform("uOpacity"), layer.opacity);
    glUniform1f(event.uniform("uOutline"), layer.outlineWidthPx * f.scale);
    setColor(event.uniform("uOutlineColor"), layer.outline);
    glUniform1i(event.uniform("uShape"), static_cast<int>(scene::PointShape::Circle));
    glUniform1i(event.uniform("uMode"), layer.time ? static_cast<int>(layer.time->mode) : -1);
    glUniform1f(event.uniform("uDay"), layer.time ? static_cast<float>(layer.time->day) : 0.f);
    glUniform1f(event.uniform("uWindow"), layer.time ? static_cast<float>(std::max(1, layer.time->windowDays)) : 1.f);
    std::array<float, 4 * 7> colors;
    for (size_t c = 0; c < 7; ++c) {
        const scene::Color& k = layer.categoryColors[c];
        std::copy_n(std::array<float, 4>{k.r, k.g, k.b, k.a}.begin(), 4, colors.begin() + 4 * static_cast<long>(c));
    }
    glUniform4fv(event.uniform("uColors[0]"), 7, colors.data());
    glBindVertexArray(buffer.vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, buffer.vbo.get());
    eventAttributes(range.first);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, range.end - range.first);
    stats.eventsDrawn += static_cast<size_t>(range.end - range.first);
}

}  // namespace cmap::render
