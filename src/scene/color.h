#pragma once
// Colours as the map's author writes them: sRGB components in [0, 1], straight (not premultiplied)
// alpha. Blending happens in sRGB too, which is what hex colours from a style guide expect.
#include <cstdint>

namespace cmap::scene {

struct Color {
    float r = 0;
    float g = 0;
    float b = 0;
    float a = 1;

    friend bool operator==(const Color&, const Color&) = default;
};

/// A colour from 0xRRGGBB and an opacity.
constexpr Color rgb(uint32_t hex, float alpha = 1) {
    return {static_cast<float>((hex >> 16) & 0xff) / 255.0f,
            static_cast<float>((hex >> 8) & 0xff) / 255.0f, static_cast<float>(hex & 0xff) / 255.0f,
            alpha};
}

}  // namespace cmap::scene
