// Label layers: placed once per image (prepareLabels, with markers and furniture as obstacles),
// their glyphs uploaded together; drawn last, over every other layer, each with its halo.
#include <algorithm>
#include <cmath>
#include <limits>

#include "render/renderer_impl.h"

namespace cmap::render {
namespace {

int fontSize(const scene::Label& label, float scale) {
    return std::max(6, static_cast<int>(std::lround(label.sizePx * scale)));
}

}  // namespace

void Renderer::Impl::requireGlyphs(const Frame& f) {
    std::vector<int> sizes;
    std::vector<std::string_view> texts;
    bool screens = false;  // furniture is laid out with the font even where it writes nothing
    for (const PreparedLayer& p : f.layers) {
        if (auto* labels = std::get_if<scene::LabelLayer>(&p.layer->content)) {
            for (const scene::Label& l : labels->labels) {
                if (l.text.empty()) continue;
                sizes.push_back(fontSize(l, f.scale));
                texts.push_back(l.text);
            }
        } else if (auto* screenLayer = std::get_if<scene::ScreenLayer>(&p.layer->content)) {
            screens = true;
            for (int s : screenFontSizes(*screenLayer, f.scale)) sizes.push_back(s);
            for (std::string_view t : screenTexts(*screenLayer)) texts.push_back(t);
        }
    }
    if (sizes.empty() && !screens) return;
    if (!font) font = std::make_unique<FontAtlas>(defaultFont());
    // An image drawn once (export) is drawn as it would be alone, whatever was drawn before.
    font->require(sizes, texts, !keepImages);
}

void Renderer::Impl::prepareLabels(Frame& f, const std::vector<Box>& obstacles, const std::vector<Box>& panels) {
    struct Source {
        size_t layer;
        const scene::Label* label;
    };
    std::vector<Source> sources;
    std::vector<int> sizes;
    for (size_t i = 0; i < f.layers.size(); ++i) {
        if (auto* labels = std::get_if<scene::LabelLayer>(&f.layers[i].layer->content)) {
            for (const scene::Label& l : labels->labels) {
                if (l.text.empty()) continue;
                sources.push_back({i, &l});
                sizes.push_back(fontSize(l, f.scale));
            }
        }
    }
    stats.labelsPlaced = stats.labelsDropped = 0;
    if (sources.empty()) return;
    if (!font) font = std::make_unique<FontAtlas>(defaultFont());
    font->require(sizes);

    std::vector<geo::LonLat> anchors;
    for (const Source& s : sources) anchors.push_back(s.label->anchor);
    std::vector<geo::Vec2> projected(anchors.size());
    projection->forward(anchors, projected);

    std::vector<LabelRequest> requests;
    for (size_t i = 0; i < sources.size(); ++i) {
        const scene::Label& l = *sources[i].label;
        LabelRequest r;
        // Not on the map, or in a script the atlas lacks (GeoNames has a few names only in
        // Arabic script, which would also need shaping): never placed, rather than drawn as '?'.
        if (std::isnan(projected[i].x) || !font->writes(sizes[i], l.text)) {
            r.anchorX = r.anchorY = std::numeric_limits<float>::quiet_NaN();
        } else {
            geo::Vec2 px = toPixel(f, projected[i]);
            r.anchorX = static_cast<float>(px.x);
            r.anchorY = static_cast<float>(px.y);
        }
        r.width = font->width(sizes[i], l.text);
        r.height = font->lineHeight(sizes[i]);
        r.centred = l.placement != scene::LabelPlacement::BesidePoint;
        r.always = l.placement == scene::LabelPlacement::Fixed;
        r.markerRadius = l.markerPx * f.scale / 2;
        if (const auto& marker = std::get<scene::LabelLayer>(f.layers[sources[i].layer].layer->content).marker) {
            r.ownMarker = true;
            r.markerRadius += marker->outlineWidthPx * f.scale;
        }
        r.priority = l.priority;
        requests.push_back(r);
    }
    auto placed = placeLabels(requests, obstacles, panels, static_cast<float>(f.width), static_cast<float>(f.height),
                              2 * f.scale);
    stats.labelsPlaced = placed.size();
    stats.labelsDropped = requests.size() - placed.size();
    std::stable_sort(placed.begin(), placed.end(), [&](const PlacedLabel& a, const PlacedLabel& b) {
        return sources[a.request].layer < sources[b.request].layer;
    });

    std::vector<GlyphVertex> vertices;
    std::vector<PointInstance> markers;
    const geo::Vec2 centre = f.scene->view.center;
    for (const PlacedLabel& pl : placed) {
        const Source& s = sources[pl.request];
        PreparedLayer& layer = f.layers[s.layer];
        if (layer.textCount == 0) layer.textFirst = static_cast<GLint>(vertices.size());
        if (const auto& marker = std::get<scene::LabelLayer>(layer.layer->content).marker) {
            if (layer.markerCount == 0) layer.markerFirst = markers.size();
            const geo::Vec2& at = projected[pl.request];
            const scene::Color& c = marker->color;
            markers.push_back({static_cast<float>(at.x - centre.x), static_cast<float>(at.y - centre.y),
                               s.label->markerPx, {toByte(c.r), toByte(c.g), toByte(c.b), toByte(c.a)}});
            ++layer.markerCount;
        }
        const scene::Color& c = s.label->color;
        uint8_t rgba[4] = {toByte(c.r), toByte(c.g), toByte(c.b), toByte(c.a)};
        size_t before = vertices.size();
        font->layout(sizes[pl.request], s.label->text, pl.box.x0, pl.box.y0, rgba, vertices);
        layer.textCount += static_cast<GLsizei>(vertices.size() - before);
        ImageBox box;
        for (size_t v = before; v < vertices.size(); ++v) box.extend(vertices[v].x, vertices[v].y);
        if (!box.empty()) {
            layer.textBox.extend(box.x0, box.y0);
            layer.textBox.extend(box.x1, box.y1);
            layer.labelBoxes.push_back(box);
            layer.labelGlyphs.push_back({static_cast<GLint>(before), static_cast<GLsizei>(vertices.size() - before)});
        }
    }
    glBindBuffer(GL_ARRAY_BUFFER, textVbo.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(GlyphVertex)), vertices.data(),
                 GL_STREAM_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, markerVbo.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(markers.size() * sizeof(PointInstance)), markers.data(),
                 GL_STREAM_DRAW);
    f.glyphs = std::move(vertices);
    f.markers = std::move(markers);
}


void Renderer::Impl::drawLabels(const Frame& f, const Tile& t, const scene::LabelLayer& layer, const PreparedLayer& p,
                                HaloCoverage& halo) {
    if (p.markerCount > 0 && layer.marker) {
        usePointStyle(f, t, f.scene->view.center, layer.marker->shape, layer.marker->outline,
                      layer.marker->outlineWidthPx);
        glBindVertexArray(markerVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, markerVbo.get());
        pointAttributes(p.markerFirst);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, p.markerCount);
    }
    if (p.textCount == 0) return;
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, font->texture());
    glBindVertexArray(textVao.get());
    text.use();
    setTransform(text, f, t, {});
    glUniform1i(text.uniform("uAtlas"), 0);
    GLint shift = text.uniform("uShift");
    float radius = layer.haloPx * f.scale;
    if (radius > 0 && layer.halo.a > 0) {
        PixelRect r = rectFor(t, p.textBox, radius + 2);
        if (r.empty()) return;
        drawHalo(f, t, p, radius, r, halo);
        compositeHalo(t, p, radius, halo, layer.halo);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, font->texture());
        glBindVertexArray(textVao.get());
        text.use();
    }
    glUniform1i(text.uniform("uCoverageOnly"), 0);
    glUniform2f(shift, 0, 0);
    glDrawArrays(GL_TRIANGLES, p.textFirst, p.textCount);
}

}  // namespace cmap::render
