#pragma once
// An RGBA8 picture in memory: what renderToImage returns, what export writes and tests compare.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace cmap::render {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgba;  ///< rows top to bottom, 4 bytes a pixel, straight alpha

    Image() = default;
    Image(int w, int h) : width(w), height(h), rgba(static_cast<size_t>(w) * static_cast<size_t>(h) * 4, 0) {}

    uint8_t* pixel(int x, int y) { return &rgba[(static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 4]; }
    const uint8_t* pixel(int x, int y) const {
        return &rgba[(static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 4];
    }

    /// Turns the rows of the w x h rectangle at (x, y) upside down, in place: GL reads pixels
    /// bottom-up, images run top-down.
    void flipRows(int x, int y, int w, int h) {
        const size_t rowBytes = static_cast<size_t>(w) * 4;
        for (int r = 0; r < h / 2; ++r) std::swap_ranges(pixel(x, y + r), pixel(x, y + r) + rowBytes, pixel(x, y + h - 1 - r));
    }

    /// Writes a PNG (RGBA, 8 bits) through a temporary file renamed into place, so a failed write
    /// never leaves half a file. Throws DataError naming the path when it cannot.
    void savePng(const std::filesystem::path& path) const;
    /// Reads any PNG as RGBA8. Throws DataError naming the path for a missing or broken file.
    static Image loadPng(const std::filesystem::path& path);
};

}  // namespace cmap::render
