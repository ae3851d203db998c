// Event layers: an event table uploaded once per projection, filtered by date in the shader; a
// frame draws only the rows its time query can show.
#include <algorithm>
#include <array>

#include "render/bounded_draw.h"
#include "render/renderer_impl.h"

namespace cmap::render {
namespace {

// Events per draw call (see drawInBlocks).
constexpr GLsizei kEventBlock = 1 << 14;

// The first day (days since 1970; years 0..9999 need 23 bits) and the category in one word.
int32_t packFirst(int32_t firstDay, model::EventCategory category) {
    return static_cast<int32_t>((static_cast<uint32_t>(firstDay) & 0xFFFFFFu) | static_cast<uint32_t>(category) << 24);
}

// Days from first to day, at most cap: a span of 179 years is drawn as one of 179 years, and a
// report superseded that much later (or never) as never superseded.
uint16_t daysAfter(int32_t first, int32_t day, uint16_t cap) {
    const int64_t d = static_cast<int64_t>(day) - first;
    return static_cast<uint16_t>(std::clamp<int64_t>(d, 0, cap));
}

}  // namespace

EventBuffer* Renderer::Impl::eventsFor(const model::EventTablePtr& table) {
    if (!table || table->size() == 0) return nullptr;
    EventBuffer& buffer = eventBuffers[table.get()];
    buffer.lastFrame = frameNumber;
    if (buffer.vao) return &buffer;

    ++stats.pointLayersProjected;
    buffer.table = table;
    const model::EventTable& t = *table;
    buffer.vao = makeVertexArray();
    buffer.vbo = makeBuffer();
    glBindVertexArray(buffer.vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, buffer.vbo.get());
    // Room for every row (rows the projection cannot show leave its end unused), filled a block of
    // rows at a time: a million events are projected and uploaded without a copy of them all in
    // positions, projected positions and instances on the way.
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(t.size() * sizeof(EventInstance)), nullptr, GL_STATIC_DRAW);
    constexpr size_t kBlock = 1 << 16;
    std::vector<geo::LonLat> at;
    std::vector<geo::Vec2> xy;
    std::vector<EventInstance> instances;
    bool haveOrigin = false;
    GLsizei count = 0;
    for (size_t from = 0; from < t.size(); from += kBlock) {
        const size_t n = std::min(kBlock, t.size() - from);
        at.resize(n), xy.resize(n);
        for (size_t k = 0; k < n; ++k) at[k] = {t.lon[from + k], t.lat[from + k]};
        projection->forward(at, xy);
        // The first projected row is the origin, as localOrigin takes it; no instance precedes it.
        for (size_t k = 0; k < n && !haveOrigin; ++k)
            if (!std::isnan(xy[k].x)) buffer.origin = xy[k], haveOrigin = true;
        instances.clear();
        for (size_t k = 0; k < n; ++k) {
            const size_t i = from + k;
            const geo::Vec2& p = xy[k];
            bool shown = !std::isnan(p.x) && !std::isnan(p.y);
            if (!shown && buffer.keptBefore.empty()) {  // the first left out: every row before it was kept
                for (size_t row = 0; row <= i; ++row) buffer.keptBefore.push_back(static_cast<GLsizei>(row));
            }
            if (!buffer.keptBefore.empty()) buffer.keptBefore.push_back(buffer.keptBefore.back() + (shown ? 1 : 0));
            if (!shown) continue;
            instances.push_back({static_cast<float>(p.x - buffer.origin.x), static_cast<float>(p.y - buffer.origin.y),
                                 packFirst(t.firstDay[i], t.category[i]), daysAfter(t.firstDay[i], t.lastDay[i], kDaysNever - 1),
                                 daysAfter(t.firstDay[i], t.supersededDay[i], kDaysNever)});
        }
        glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(static_cast<size_t>(count) * sizeof(EventInstance)),
                        static_cast<GLsizeiptr>(instances.size() * sizeof(EventInstance)), instances.data());
        count += static_cast<GLsizei>(instances.size());
    }
    buffer.count = count;
    eventAttributes(0);
    glBindVertexArray(0);
    return &buffer;
}

// Instance attributes of the event program from instance `first` of the bound buffer (as
// pointAttributes).
void Renderer::Impl::eventAttributes(GLsizei first) {
    auto attribute = [&](GLuint index, GLint size, GLenum type, size_t offset) {
        glEnableVertexAttribArray(index);
        const void* at = reinterpret_cast<const void*>(static_cast<size_t>(first) * sizeof(EventInstance) + offset);
        if (type == GL_FLOAT) glVertexAttribPointer(index, size, type, GL_FALSE, sizeof(EventInstance), at);
        else glVertexAttribIPointer(index, size, type, sizeof(EventInstance), at);
        glVertexAttribDivisor(index, 1);
    };
    attribute(0, 2, GL_FLOAT, 0);
    attribute(1, 1, GL_INT, offsetof(EventInstance, firstAndCategory));
    attribute(2, 2, GL_UNSIGNED_SHORT, offsetof(EventInstance, lastAfter));
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
    drawInBlocks(range.first, range.end, kEventBlock, [&](GLsizei first, GLsizei count) {
        eventAttributes(first);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count);
    });
    stats.eventsDrawn += static_cast<size_t>(range.end - range.first);
}

}  // namespace cmap::render
