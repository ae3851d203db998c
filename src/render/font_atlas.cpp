#include "render/font_atlas.h"

#include <imgui.h>
#include <imgui_freetype.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "core/error.h"

namespace cmap::render {
namespace {

// Latin with extensions, Greek, Cyrillic, Latin Extended Additional (Vietnamese), punctuation:
// what place names in transliteration use. ImGui keeps a pointer, so this must be static.
// Of these, the atlas holds the printable ASCII characters and those the text it was asked for
// uses.
constexpr ImWchar kGlyphRanges[] = {0x0020, 0x024F, 0x0300, 0x036F, 0x0370, 0x03FF, 0x0400, 0x052F,
                                    0x1E00, 0x1EFF, 0x2000, 0x206F, 0x20A0, 0x20CF, 0x2190, 0x21FF,
                                    0};
constexpr unsigned kRangesEnd = 0x2200;  // past the last range

bool inRanges(unsigned cp) {
    for (size_t i = 0; kGlyphRanges[i] != 0; i += 2)
        if (cp >= kGlyphRanges[i] && cp <= kGlyphRanges[i + 1]) return true;
    return false;
}

// Decodes one code point and advances; malformed bytes become U+FFFD so labels never stop early.
unsigned nextCodePoint(std::string_view s, size_t& i) {
    unsigned c = static_cast<unsigned char>(s[i]);
    size_t extra = 0;
    if (c < 0x80) {
        ++i;
        return c;
    }
    if ((c & 0xE0) == 0xC0) {
        extra = 1;
        c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        extra = 2;
        c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        extra = 3;
        c &= 0x07;
    }
    if (extra == 0 || i + extra > s.size() - 1) {
        ++i;
        return 0xFFFD;
    }
    for (size_t k = 1; k <= extra; ++k) {
        unsigned next = static_cast<unsigned char>(s[i + k]);
        if ((next & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        c = (c << 6) | (next & 0x3F);
    }
    i += extra + 1;
    return c;
}

}  // namespace

FontData defaultFont() {
    if (const char* env = std::getenv("CMAP_FONT"); env && *env) {
        std::ifstream in(env, std::ios::binary);
        if (!in || std::filesystem::is_directory(env)) throw DataError(env, "font file (from CMAP_FONT) not found");
        auto bytes = std::make_shared<std::string>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (in.bad()) throw DataError(env, "cannot read the font file (from CMAP_FONT)");
        return {env, *bytes, bytes};
    }
    return {"the embedded DejaVu Sans", embeddedFont(), nullptr};
}

struct FontAtlas::Impl {
    FontData data;
    ImFontAtlas atlas;
    std::map<int, ImFont*> fonts;
    Texture texture;
    bool uploaded = false;
    // The characters of kGlyphRanges the atlas holds, and the ranges built of them (ImGui keeps
    // a pointer to those until the atlas is built again).
    std::vector<bool> chars = printableAscii();
    std::vector<ImWchar> ranges;

    static std::vector<bool> printableAscii() {
        std::vector<bool> ascii(kRangesEnd, false);
        for (unsigned cp = 0x20; cp < 0x7F; ++cp) ascii[cp] = true;
        return ascii;
    }

    // Adds text's characters; whether one was new.
    bool add(std::string_view utf8) {
        bool grew = false;
        for (size_t i = 0; i < utf8.size();) {
            unsigned cp = nextCodePoint(utf8, i);
            if (cp < kRangesEnd && !chars[cp] && inRanges(cp)) chars[cp] = grew = true;
        }
        return grew;
    }

    // A code point as the atlas looks it up; Error for one of the ranges it was not asked for.
    ImWchar lookup(unsigned cp) const {
        if (cp < kRangesEnd && !chars[cp] && inRanges(cp))
            throw Error("character U+" + std::to_string(cp) + " used before require()");
        return static_cast<ImWchar>(cp > 0xFFFF ? 0xFFFD : cp);
    }

    void build(const std::vector<int>& sizes) {
        atlas.Clear();
        fonts.clear();
        atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
        atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
        atlas.TexGlyphPadding = 2;
        ranges.clear();
        for (unsigned cp = 0; cp < kRangesEnd; ++cp) {
            if (!chars[cp]) continue;
            if (!ranges.empty() && ranges.back() + 1u == cp) ranges.back() = static_cast<ImWchar>(cp);
            else ranges.insert(ranges.end(), {static_cast<ImWchar>(cp), static_cast<ImWchar>(cp)});
        }
        ranges.push_back(0);
        for (int size : sizes) {
            ImFontConfig config;
            config.GlyphRanges = ranges.data();
            config.OversampleH = 1;
            config.OversampleV = 1;
            config.PixelSnapH = true;
            // The atlas only reads the bytes it does not own (ImGui's API wants them mutable).
            config.FontDataOwnedByAtlas = false;
            fonts[size] = atlas.AddFontFromMemoryTTF(const_cast<char*>(data.bytes.data()),
                                                     static_cast<int>(data.bytes.size()), static_cast<float>(size), &config);
            if (!fonts[size]) throw DataError(data.name, "cannot read the font");
        }
        if (!atlas.Build()) throw DataError(data.name, "FreeType cannot rasterise the font");
        uploaded = false;
    }

    const ImFont& font(int size) const {
        auto it = fonts.find(size);
        if (it == fonts.end()) throw Error("font size " + std::to_string(size) + " used before require()");
        return *it->second;
    }
};

FontAtlas::FontAtlas(FontData font) : impl_(std::make_unique<Impl>()) {
    // ImGui asserts on an empty font instead of failing softly.
    if (font.bytes.empty()) throw DataError(font.name, "the font file is empty");
    impl_->data = std::move(font);
}

FontAtlas::~FontAtlas() = default;

void FontAtlas::require(std::span<const int> sizes, std::span<const std::string_view> texts, bool only) {
    if (only) {
        std::vector<int> wanted;
        for (int s : sizes)
            if (s > 0) wanted.push_back(s);
        std::sort(wanted.begin(), wanted.end());
        wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
        std::vector<int> held;
        for (auto& [size, font] : impl_->fonts) held.push_back(size);
        std::vector<bool> chars = std::move(impl_->chars);
        impl_->chars = Impl::printableAscii();
        for (std::string_view text : texts) impl_->add(text);
        if (wanted != held || impl_->chars != chars || impl_->fonts.empty()) impl_->build(wanted);
        return;
    }
    std::vector<int> all;
    for (auto& [size, font] : impl_->fonts) all.push_back(size);
    bool grew = false;
    for (std::string_view text : texts)
        if (impl_->add(text)) grew = true;
    for (int s : sizes) {
        if (s > 0 && std::find(all.begin(), all.end(), s) == all.end()) {
            all.push_back(s);
            grew = true;
        }
    }
    if (grew || impl_->fonts.empty()) impl_->build(all);
}

float FontAtlas::width(int size, std::string_view utf8) const {
    const ImFont& font = impl_->font(size);
    float w = 0;
    for (size_t i = 0; i < utf8.size();) {
        unsigned cp = nextCodePoint(utf8, i);
        w += font.GetCharAdvance(impl_->lookup(cp));
    }
    return w;
}

bool FontAtlas::writes(int size, std::string_view utf8) const {
    const ImFont& font = impl_->font(size);
    for (size_t i = 0; i < utf8.size();) {
        unsigned cp = nextCodePoint(utf8, i);
        if (cp > 0xFFFF || !font.FindGlyphNoFallback(impl_->lookup(cp))) return false;
    }
    return true;
}

float FontAtlas::lineHeight(int size) const {
    const ImFont& font = impl_->font(size);
    return font.Ascent - font.Descent;
}

void FontAtlas::layout(int size, std::string_view utf8, float x, float y, const uint8_t rgba[4],
                       std::vector<GlyphVertex>& out) const {
    const ImFont& font = impl_->font(size);
    float pen = std::round(x);
    float top = std::round(y);
    for (size_t i = 0; i < utf8.size();) {
        unsigned cp = nextCodePoint(utf8, i);
        const ImFontGlyph* g = font.FindGlyph(impl_->lookup(cp));
        if (!g) continue;
        if (g->Visible) {
            float x0 = std::round(pen + g->X0);
            float y0 = top + g->Y0;
            float x1 = x0 + (g->X1 - g->X0);
            float y1 = y0 + (g->Y1 - g->Y0);
            auto v = [&](float px, float py, float u, float t) {
                out.push_back(GlyphVertex{px, py, u, t, {rgba[0], rgba[1], rgba[2], rgba[3]}});
            };
            v(x0, y0, g->U0, g->V0);
            v(x1, y0, g->U1, g->V0);
            v(x0, y1, g->U0, g->V1);
            v(x1, y0, g->U1, g->V0);
            v(x1, y1, g->U1, g->V1);
            v(x0, y1, g->U0, g->V1);
        }
        pen += g->AdvanceX;
    }
}

GLuint FontAtlas::texture() {
    if (!impl_->uploaded) {
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        impl_->atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
        if (!impl_->texture) impl_->texture = makeTexture();
        glBindTexture(GL_TEXTURE_2D, impl_->texture.get());
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        impl_->uploaded = true;
    }
    return impl_->texture.get();
}

}  // namespace cmap::render
