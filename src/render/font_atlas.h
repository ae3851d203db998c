#pragma once
// Label text from ImGui's font atlas, rasterised by FreeType at each pixel size in use, so map text
// on screen and in exports is the same bitmap. Only glyph metrics and a GL texture leave this
// file; ImGui stays out of the renderer's headers.
#include <glad/gl.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "render/gl_objects.h"
#include "render/glyph_vertex.h"

namespace cmap::render {

/// A TrueType font's bytes, and what to call it in messages.
struct FontData {
    std::string name;
    std::string_view bytes;                   ///< into owned, or the embedded font (lives forever)
    std::shared_ptr<const std::string> owned;  ///< a font read from a file
};

/// DejaVu Sans (fonts-dejavu-core) as embedded at build time (assets/font.cmake).
std::string_view embeddedFont();

/// The font of map labels and panels: the file $CMAP_FONT names when set, else the embedded
/// DejaVu Sans. Throws DataError naming $CMAP_FONT's file when it cannot be read.
FontData defaultFont();

class FontAtlas {
public:
    /// Throws DataError naming the font when FreeType cannot read it (at the first require()).
    explicit FontAtlas(FontData font);
    ~FontAtlas();

    /// Makes sure these pixel sizes are rasterised with the printable ASCII characters and every
    /// character of texts (of those the font has in the atlas's ranges); rebuilds the atlas when
    /// a size or a character is new. Only what is written is rasterised: a map writes a hundred
    /// or so characters, the ranges hold some 1,600 per size. With only, the atlas holds just
    /// these (rebuilt when it holds more): where each glyph sits then depends on this call alone,
    /// so an image drawn after others is the image drawn alone (a halo, drawn at fractional
    /// offsets, samples its glyphs' edge texels, where float rounding depends on the place).
    void require(std::span<const int> sizes, std::span<const std::string_view> texts = {}, bool only = false);
    /// The calls below take required sizes, and text whose characters beyond ASCII were required
    /// (Error otherwise: the atlas would answer as for a character the font lacks).
    /// Advance width and line height of text at a required size, in device pixels.
    float width(int size, std::string_view utf8) const;
    float lineHeight(int size) const;
    /// Whether the atlas has a glyph for every character of text at a required size: the rest
    /// would come out as the fallback '?'.
    bool writes(int size, std::string_view utf8) const;
    /// Appends two triangles per visible glyph, the line's top-left at (x, y), snapped to whole
    /// pixels so that glyph bitmaps land texel for pixel.
    void layout(int size, std::string_view utf8, float x, float y, const uint8_t rgba[4],
                std::vector<GlyphVertex>& out) const;
    /// The atlas as a single-channel texture, uploaded again after a rebuild.
    GLuint texture();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cmap::render
