#pragma once
// Colour quantisation for GIF frames: median cut over a histogram of 5 bits a channel, each
// colour the mean of the pixels it stands for (a flat map colour comes out exact).
#include <array>
#include <cstdint>
#include <vector>

namespace cmap::render {

/// The histogram key of an RGB colour: 5 bits a channel.
inline uint16_t colorKey(uint8_t r, uint8_t g, uint8_t b) {
    return static_cast<uint16_t>(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
}

class ColorHistogram {
public:
    ColorHistogram();
    void add(uint8_t r, uint8_t g, uint8_t b);
    bool empty() const { return total_ == 0; }

private:
    friend class Palette;
    std::vector<uint32_t> count_;
    std::vector<std::array<uint64_t, 3>> sum_;
    uint64_t total_ = 0;
};

/// At most maxColors colours for the histogram's pixels, and the index of each colour key.
class Palette {
public:
    /// maxColors from 1 to 256. Throws nothing.
    Palette(const ColorHistogram& histogram, int maxColors);
    const std::vector<std::array<uint8_t, 3>>& colors() const { return colors_; }
    /// The palette index for a colour whose key was in the histogram. Throws nothing.
    uint8_t index(uint8_t r, uint8_t g, uint8_t b) const { return index_[colorKey(r, g, b)]; }

private:
    std::vector<std::array<uint8_t, 3>> colors_;
    std::vector<uint8_t> index_;  ///< by colour key
};

}  // namespace cmap::render
