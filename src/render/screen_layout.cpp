// Sections: helpers (colours, triangles, clipping) | measuring cells | drawing cells | layout.
#include "render/screen_layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace cmap::render {
namespace {

using Cell = std::variant<scene::ScreenText, scene::ScreenSwatch, scene::ScreenScaleBar, scene::ScreenNorthArrow>;

struct P {
    float x, y;
};

// ---- helpers ----

std::array<uint8_t, 4> bytes(const scene::Color& c) {
    auto b = [](float v) { return static_cast<uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
    return {b(c.r), b(c.g), b(c.b), b(c.a)};
}

int fontSize(float sizePx, float scale) { return std::max(6, static_cast<int>(std::lround(sizePx * scale))); }

// The N of the north arrow: fixed in proportion to the arrow.
float northLetterPx(const scene::ScreenNorthArrow& a) { return std::max(8.0f, a.sizePx * 0.36f); }

struct Painter {
    ScreenGeometry& out;

    void extend(float x, float y) {
        Box& b = out.bounds;
        if (b.x1 < b.x0) {
            b = {x, y, x, y};
            return;
        }
        b.x0 = std::min(b.x0, x), b.y0 = std::min(b.y0, y), b.x1 = std::max(b.x1, x), b.y1 = std::max(b.y1, y);
    }

    void triangle(P a, P b, P c, const scene::Color& color) {
        if (color.a <= 0) return;
        auto rgba = bytes(color);
        for (P p : {a, b, c}) {
            out.triangles.push_back({p.x, p.y, {rgba[0], rgba[1], rgba[2], rgba[3]}});
            extend(p.x, p.y);
        }
    }

    // A convex polygon as a fan.
    void polygon(const std::vector<P>& pts, const scene::Color& color) {
        for (size_t i = 1; i + 1 < pts.size(); ++i) triangle(pts[0], pts[i], pts[i + 1], color);
    }

    void rect(float x0, float y0, float x1, float y1, const scene::Color& color) {
        polygon({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, color);
    }

    // A frame of width w inside the rectangle.
    void frame(float x0, float y0, float x1, float y1, float w, const scene::Color& color) {
        rect(x0, y0, x1, y0 + w, color);
        rect(x0, y1 - w, x1, y1, color);
        rect(x0, y0 + w, x0 + w, y1 - w, color);
        rect(x1 - w, y0 + w, x1, y1 - w, color);
    }

    void disc(P c, float r, const scene::Color& color) {
        std::vector<P> pts;
        for (int k = 0; k < 32; ++k) {
            double a = k * std::numbers::pi / 16;
            pts.push_back({c.x + r * static_cast<float>(std::cos(a)), c.y + r * static_cast<float>(std::sin(a))});
        }
        polygon(pts, color);
    }

    void ring(P c, float r, float w, const scene::Color& color) {
        for (int k = 0; k < 32; ++k) {
            double a0 = k * std::numbers::pi / 16, a1 = (k + 1) * std::numbers::pi / 16;
            auto at = [&](double a, float radius) {
                return P{c.x + radius * static_cast<float>(std::cos(a)), c.y + radius * static_cast<float>(std::sin(a))};
            };
            polygon({at(a0, r - w), at(a0, r), at(a1, r), at(a1, r - w)}, color);
        }
    }

    // Sutherland-Hodgman against an axis-aligned box: hatch stripes cut to a swatch.
    static std::vector<P> clip(std::vector<P> poly, float x0, float y0, float x1, float y1) {
        auto cut = [&](auto inside, auto cross) {
            std::vector<P> res;
            for (size_t i = 0; i < poly.size(); ++i) {
                P a = poly[i], b = poly[(i + 1) % poly.size()];
                bool ia = inside(a), ib = inside(b);
                if (ia) res.push_back(a);
                if (ia != ib) res.push_back(cross(a, b));
            }
            poly = std::move(res);
        };
        auto atX = [](P a, P b, float x) { return P{x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)}; };
        auto atY = [](P a, P b, float y) { return P{a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y}; };
        cut([&](P p) { return p.x >= x0; }, [&](P a, P b) { return atX(a, b, x0); });
        cut([&](P p) { return p.x <= x1; }, [&](P a, P b) { return atX(a, b, x1); });
        cut([&](P p) { return p.y >= y0; }, [&](P a, P b) { return atY(a, b, y0); });
        cut([&](P p) { return p.y <= y1; }, [&](P a, P b) { return atY(a, b, y1); });
        return poly;
    }

    void text(const FontAtlas& font, int size, const std::string& s, float x, float y, const scene::Color& color) {
        auto rgba = bytes(color);
        size_t before = out.glyphs.size();
        font.layout(size, s, x, y, rgba.data(), out.glyphs);
        for (size_t i = before; i < out.glyphs.size(); ++i) extend(out.glyphs[i].x, out.glyphs[i].y);
    }
};

// ---- measuring cells ----

struct Size {
    float w = 0, h = 0;
};

Size measure(const Cell& cell, float scale, const FontAtlas& font) {
    if (auto* t = std::get_if<scene::ScreenText>(&cell)) {
        int size = fontSize(t->sizePx, scale);
        return {font.width(size, t->text), font.lineHeight(size)};
    }
    if (auto* s = std::get_if<scene::ScreenSwatch>(&cell)) return {s->sizePx * scale, s->sizePx * scale};
    if (auto* bar = std::get_if<scene::ScreenScaleBar>(&cell)) {
        int size = fontSize(bar->textSizePx, scale);
        float overhang = font.width(size, "0") / 2 + font.width(size, bar->label) / 2;
        return {bar->lengthPx * scale + overhang, 6 * scale + 2 * scale + font.lineHeight(size)};
    }
    const auto& arrow = std::get<scene::ScreenNorthArrow>(cell);
    float side = arrow.sizePx * scale + 2 * font.lineHeight(fontSize(northLetterPx(arrow), scale));
    return {side, side};
}

// ---- drawing cells ----

void drawSwatch(Painter& p, const scene::ScreenSwatch& s, float x, float y, float scale) {
    float side = s.sizePx * scale;
    P c{x + side / 2, y + side / 2};
    switch (s.kind) {
    case scene::SwatchKind::Marker:
        p.disc(c, side / 2, scene::rgb(0xffffff));
        p.disc(c, side / 2 - scale, s.color);
        break;
    case scene::SwatchKind::Diamond: {
        float r = side / 2 * 1.1f;
        p.polygon({{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}}, scene::rgb(0xffffff));
        r -= scale * 1.4f;
        p.polygon({{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}}, s.color);
        break;
    }
    case scene::SwatchKind::Hatched: {
        scene::Color fill = s.color;
        fill.a *= 0.22f;
        p.rect(x, y, x + side, y + side, fill);
        // Stripes at 45 degrees, as the map's hatch runs.
        float spacing = 4 * scale, half = 0.6f * scale;
        scene::Color stripe = s.color;
        stripe.a *= 0.8f;
        for (float d = -side; d < 2 * side; d += spacing) {
            std::vector<P> band{{x + d - half, y + side}, {x + d + half, y + side}, {x + d + half + side, y},
                                {x + d - half + side, y}};
            auto cut = Painter::clip(band, x, y, x + side, y + side);
            if (cut.size() >= 3) p.polygon(cut, stripe);
        }
        p.frame(x, y, x + side, y + side, std::max(1.0f, scale), s.color);
        break;
    }
    case scene::SwatchKind::Outline:
        p.frame(x, y, x + side, y + side, 1.5f * scale, s.color);
        break;
    case scene::SwatchKind::Ring:
        p.ring(c, side / 2, 1.5f * scale, s.color);
        break;
    case scene::SwatchKind::Block:
        p.rect(x, y + side * 0.15f, x + side, y + side * 0.85f, s.color);
        break;
    }
}

void drawScaleBar(Painter& p, const scene::ScreenScaleBar& bar, float x, float y, float scale, const FontAtlas& font) {
    int size = fontSize(bar.textSizePx, scale);
    float startX = std::round(x + font.width(size, "0") / 2);
    float length = std::round(bar.lengthPx * scale);
    float height = std::round(6 * scale);
    float top = std::round(y);
    int n = std::max(1, bar.segments);
    for (int k = 0; k < n; ++k) {
        float a = startX + length * static_cast<float>(k) / static_cast<float>(n);
        float b = startX + length * static_cast<float>(k + 1) / static_cast<float>(n);
        p.rect(a, top, b, top + height, k % 2 == 0 ? bar.color : scene::rgb(0xffffff));
    }
    p.frame(startX, top, startX + length, top + height, std::max(1.0f, std::round(scale)), bar.color);
    float textY = top + height + 2 * scale;
    p.text(font, size, "0", startX - font.width(size, "0") / 2, textY, bar.color);
    p.text(font, size, bar.label, startX + length - font.width(size, bar.label) / 2, textY, bar.color);
}

void drawNorthArrow(Painter& p, const scene::ScreenNorthArrow& arrow, float x, float y, Size cell, float scale,
                    const FontAtlas& font) {
    P c{x + cell.w / 2, y + cell.h / 2};
    double a = arrow.angleDeg * std::numbers::pi / 180;
    auto dir = P{static_cast<float>(std::sin(a)), static_cast<float>(-std::cos(a))};  // north, image y down
    auto side = P{-dir.y, dir.x};
    float r = arrow.sizePx * scale / 2;
    auto at = [&](float along, float across) {
        return P{c.x + dir.x * along + side.x * across, c.y + dir.y * along + side.y * across};
    };
    P tip = at(r, 0), notch = at(-0.45f * r, 0), left = at(-r, -0.55f * r), right = at(-r, 0.55f * r);
    p.triangle(tip, left, notch, arrow.color);
    scene::Color light = scene::rgb(0xffffff);
    p.triangle(tip, notch, right, light);
    // The light half's edge, so it reads on any background.
    float w = 0.8f * scale;
    auto edge = [&](P from, P to) {
        float dx = to.x - from.x, dy = to.y - from.y, len = std::hypot(dx, dy);
        P n{-dy / len * w / 2, dx / len * w / 2};
        p.polygon({{from.x + n.x, from.y + n.y}, {to.x + n.x, to.y + n.y}, {to.x - n.x, to.y - n.y},
                   {from.x - n.x, from.y - n.y}},
                  arrow.color);
    };
    edge(tip, right);
    edge(right, notch);
    int size = fontSize(northLetterPx(arrow), scale);
    float lh = font.lineHeight(size);
    P n = at(r + lh * 0.6f, 0);
    p.text(font, size, "N", n.x - font.width(size, "N") / 2, n.y - lh / 2, arrow.color);
}

void drawCell(Painter& p, const Cell& cell, float x, float y, Size size, float scale, const FontAtlas& font) {
    if (auto* t = std::get_if<scene::ScreenText>(&cell)) p.text(font, fontSize(t->sizePx, scale), t->text, x, y, t->color);
    else if (auto* s = std::get_if<scene::ScreenSwatch>(&cell)) drawSwatch(p, *s, x, y, scale);
    else if (auto* bar = std::get_if<scene::ScreenScaleBar>(&cell)) drawScaleBar(p, *bar, x, y, scale, font);
    else drawNorthArrow(p, std::get<scene::ScreenNorthArrow>(cell), x, y, size, scale, font);
}

bool isTop(model::Corner c) {
    return c == model::Corner::TopLeft || c == model::Corner::TopCenter || c == model::Corner::TopRight;
}
bool isCentre(model::Corner c) { return c == model::Corner::TopCenter || c == model::Corner::BottomCenter; }
bool isRight(model::Corner c) { return c == model::Corner::TopRight || c == model::Corner::BottomRight; }

}  // namespace

std::vector<int> screenFontSizes(const scene::ScreenLayer& layer, float scale) {
    std::vector<int> sizes;
    auto add = [&](int s) {
        if (std::find(sizes.begin(), sizes.end(), s) == sizes.end()) sizes.push_back(s);
    };
    for (const auto& panel : layer.panels) {
        for (const auto& row : panel.rows) {
            for (const Cell& cell : row.cells) {
                if (auto* t = std::get_if<scene::ScreenText>(&cell)) add(fontSize(t->sizePx, scale));
                else if (auto* bar = std::get_if<scene::ScreenScaleBar>(&cell)) add(fontSize(bar->textSizePx, scale));
                else if (auto* arrow = std::get_if<scene::ScreenNorthArrow>(&cell)) add(fontSize(northLetterPx(*arrow), scale));
            }
        }
    }
    return sizes;
}

std::vector<std::string_view> screenTexts(const scene::ScreenLayer& layer) {
    std::vector<std::string_view> texts;
    for (const auto& panel : layer.panels)
        for (const auto& row : panel.rows)
            for (const Cell& cell : row.cells) {
                if (auto* t = std::get_if<scene::ScreenText>(&cell)) texts.push_back(t->text);
                else if (auto* bar = std::get_if<scene::ScreenScaleBar>(&cell)) texts.push_back(bar->label);
            }
    return texts;
}

ScreenGeometry layoutScreen(const scene::ScreenLayer& layer, int width, int height, float scale, const FontAtlas& font) {
    ScreenGeometry out;
    Painter painter{out};
    const float margin = layer.marginPx * scale, gap = layer.stackGapPx * scale;
    std::array<float, 6> stacked{};  // per corner: how far inwards its panels reach so far
    for (const scene::ScreenPanel& panel : layer.panels) {
        const float pad = panel.paddingPx * scale, rowGap = panel.rowGapPx * scale;
        std::vector<std::vector<Size>> cells;
        std::vector<Size> rows;
        Size box;
        for (const scene::ScreenRow& row : panel.rows) {
            Size r;
            auto& sizes = cells.emplace_back();
            for (const Cell& cell : row.cells) {
                Size s = measure(cell, scale, font);
                if (!sizes.empty()) r.w += row.gapPx * scale;
                r.w += s.w;
                r.h = std::max(r.h, s.h);
                sizes.push_back(s);
            }
            rows.push_back(r);
            box.w = std::max(box.w, r.w);
            box.h += r.h + (rows.size() > 1 ? rowGap : 0);
        }
        if (rows.empty()) {
            out.panels.push_back({});
            out.triangleEnds.push_back(out.triangles.size());
            out.glyphEnds.push_back(out.glyphs.size());
            continue;
        }
        box.w = std::ceil(box.w + 2 * pad);
        box.h = std::ceil(box.h + 2 * pad);

        float x = 0, y = 0;
        const model::Corner corner = panel.corner;
        if (panel.at) {
            x = static_cast<float>(panel.at->x) * scale - static_cast<float>(panel.align.x) * box.w;
            y = static_cast<float>(panel.at->y) * scale - static_cast<float>(panel.align.y) * box.h;
        } else {
            auto k = static_cast<size_t>(corner);
            float offX = static_cast<float>(panel.offsetPx.x) * scale, offY = static_cast<float>(panel.offsetPx.y) * scale;
            if (isCentre(corner)) x = (static_cast<float>(width) - box.w) / 2 + offX;
            else if (isRight(corner)) x = static_cast<float>(width) - margin - offX - box.w;
            else x = margin + offX;
            float inwards = margin + stacked[k] + offY;
            y = isTop(corner) ? inwards : static_cast<float>(height) - inwards - box.h;
            stacked[k] = inwards - margin + box.h + gap;
        }
        x = std::round(x), y = std::round(y);
        out.panels.push_back({x, y, x + box.w, y + box.h});
        painter.rect(x, y, x + box.w, y + box.h, panel.background);
        if (panel.border.a > 0) painter.frame(x, y, x + box.w, y + box.h, std::max(1.0f, std::round(scale)), panel.border);

        float rowY = y + pad;
        for (size_t r = 0; r < panel.rows.size(); ++r) {
            const scene::ScreenRow& row = panel.rows[r];
            float cellX = x + pad + (isCentre(corner) && !panel.at ? (box.w - 2 * pad - rows[r].w) / 2 : 0);
            for (size_t c = 0; c < row.cells.size(); ++c) {
                Size s = cells[r][c];
                drawCell(painter, row.cells[c], cellX, rowY + (rows[r].h - s.h) / 2, s, scale, font);
                cellX += s.w + row.gapPx * scale;
            }
            rowY += rows[r].h + rowGap;
        }
        out.triangleEnds.push_back(out.triangles.size());
        out.glyphEnds.push_back(out.glyphs.size());
    }
    return out;
}

}  // namespace cmap::render
