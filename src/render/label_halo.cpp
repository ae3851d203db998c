// Label halos: the text dilated into a coverage buffer kept per label layer (label_halo.h), then
// painted through it round the labels only.
#include "render/label_halo.h"

#include <cmath>
#include <map>
#include <numbers>

#include "render/renderer_impl.h"

namespace cmap::render {

HaloCoverage& Renderer::Impl::haloCoverage(size_t index) {
    while (halos.size() <= index) {
        HaloCoverage h{makeFramebuffer(), makeTexture(), {}, {}};
        targets.attachTexture(h.fbo, h.texture, GL_R8, GL_RED, "halo coverage");
        halos.push_back(std::move(h));
    }
    return halos[index];
}

// The halo is the text dilated: drawn at offsets round a circle into a max-blended coverage
// buffer, so overlapping offsets do not darken it. Kept while nothing it depends on moved; when
// some labels changed, the coverage is cleared and drawn again only within their boxes (then
// and now, grown by the radius), from every label that reaches in there: max blending makes
// that the same as drawing it whole.
void Renderer::Impl::drawHalo(const Frame& f, const Tile& t, const PreparedLayer& p, float radius, const PixelRect& r,
                              HaloCoverage& h) {
    std::vector<float> key{static_cast<float>(t.x), static_cast<float>(t.y), static_cast<float>(t.width),
                           static_cast<float>(t.height), radius};
    std::vector<HaloLabel> now;
    for (size_t i = 0; i < p.labelBoxes.size(); ++i) {
        HaloLabel& l = now.emplace_back(HaloLabel{p.labelBoxes[i], {}});
        auto [first, count] = p.labelGlyphs[i];
        for (GLint v = first; v < first + count; ++v) {
            const GlyphVertex& g = f.glyphs[static_cast<size_t>(v)];
            l.glyphs.insert(l.glyphs.end(), {g.x, g.y, g.u, g.v});
        }
    }
    const double reach = radius + 2;
    auto grown = [&](const ImageBox& b) { return ImageBox{b.x0 - reach, b.y0 - reach, b.x1 + reach, b.y1 + reach}; };
    // The labels in one list and not the other (glyphs decide: equal glyphs, equal boxes).
    std::vector<ImageBox> dirty;
    size_t changed = 0;
    if (key == h.key) {
        std::map<std::vector<float>, size_t> kept;
        for (const HaloLabel& l : h.labels) ++kept[l.glyphs];
        for (const HaloLabel& l : now) {
            auto it = kept.find(l.glyphs);
            if (it != kept.end() && it->second > 0) {
                --it->second;
                continue;
            }
            dirty.push_back(grown(l.box));
            ++changed;
        }
        for (const HaloLabel& l : h.labels) {
            auto it = kept.find(l.glyphs);
            if (it->second == 0) continue;
            --it->second;
            dirty.push_back(grown(l.box));
            ++changed;
        }
        if (dirty.empty()) return;
    }
    ++stats.halosDrawn;
    glBindFramebuffer(GL_FRAMEBUFFER, h.fbo.get());
    glClearColor(0, 0, 0, 0);
    glBlendEquation(GL_MAX);
    text.use();
    glUniform1i(text.uniform("uCoverageOnly"), 1);
    GLint shift = text.uniform("uShift");
    auto passes = [&](const std::vector<std::pair<GLint, GLsizei>>& runs) {
        for (float ring : {radius, radius * 0.5f}) {
            for (int k = 0; k < 16; ++k) {
                double angle = k * std::numbers::pi / 8;
                glUniform2f(shift, ring * static_cast<float>(std::cos(angle)), ring * static_cast<float>(std::sin(angle)));
                for (auto [first, count] : runs) glDrawArrays(GL_TRIANGLES, first, count);
            }
        }
    };
    // Whole when the tile or the radius changed, or most labels did.
    if (key != h.key || 2 * changed > now.size() + h.labels.size()) {
        glDisable(GL_SCISSOR_TEST);
        glClear(GL_COLOR_BUFFER_BIT);
        scissor(r);
        passes({{p.textFirst, p.textCount}});
        stats.haloLabelsDrawn += now.size();
    } else {
        mergeOverlapping(dirty);
        for (const ImageBox& d : dirty) {
            PixelRect area = rectFor(t, d, 0);
            if (area.empty()) continue;
            scissor(area);
            glClear(GL_COLOR_BUFFER_BIT);
            std::vector<std::pair<GLint, GLsizei>> runs;
            for (size_t i = 0; i < now.size(); ++i) {
                if (!grown(now[i].box).overlaps(d)) continue;
                runs.push_back(p.labelGlyphs[i]);
            }
            passes(runs);
            stats.haloLabelsDrawn += runs.size();
        }
    }
    glDisable(GL_SCISSOR_TEST);
    h.key = std::move(key);
    h.labels = std::move(now);
}

void mergeOverlapping(std::vector<ImageBox>& boxes) {
    for (bool merged = true; merged;) {
        merged = false;
        for (size_t i = 0; i < boxes.size() && !merged; ++i) {
            for (size_t j = i + 1; j < boxes.size(); ++j) {
                if (!boxes[i].overlaps(boxes[j])) continue;
                boxes[i].extend(boxes[j].x0, boxes[j].y0);
                boxes[i].extend(boxes[j].x1, boxes[j].y1);
                boxes.erase(boxes.begin() + static_cast<long>(j));
                merged = true;
                break;
            }
        }
    }
}

// Paints the halo colour through its coverage, only round the labels: their boxes (grown by
// the halo) merged until none overlaps another, so that no pixel is painted twice.
void Renderer::Impl::compositeHalo(const Tile& t, const PreparedLayer& p, float radius, const HaloCoverage& h,
                                   const scene::Color& color) {
    std::vector<ImageBox> rects;
    const double grow = std::ceil(radius) + 1;
    for (const ImageBox& b : p.labelBoxes)
        rects.push_back({std::floor(b.x0 - grow), std::floor(b.y0 - grow), std::ceil(b.x1 + grow), std::ceil(b.y1 + grow)});
    mergeOverlapping(rects);
    std::vector<float> corners;
    for (const ImageBox& b : rects) {
        auto x0 = static_cast<float>(b.x0), y0 = static_cast<float>(b.y0);
        auto x1 = static_cast<float>(b.x1), y1 = static_cast<float>(b.y1);
        corners.insert(corners.end(), {x0, y0, x1, y0, x0, y1, x1, y0, x1, y1, x0, y1});
    }
    glBindFramebuffer(GL_FRAMEBUFFER, targets.frameFbo.get());
    blendOver();
    compositeRects.use();
    glUniform4f(compositeRects.uniform("uTile"), static_cast<float>(t.x), static_cast<float>(t.y),
                static_cast<float>(t.width), static_cast<float>(t.height));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, h.texture.get());
    glUniform1i(compositeRects.uniform("uCoverage"), 0);
    setColor(compositeRects.uniform("uColor"), color);
    glBindVertexArray(rectVao.get());
    glBindBuffer(GL_ARRAY_BUFFER, rectVbo.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(corners.size() * sizeof(float)), corners.data(),
                 GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(corners.size() / 2));
}

}  // namespace cmap::render
