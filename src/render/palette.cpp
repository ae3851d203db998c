#include "render/palette.h"

#include <algorithm>

namespace cmap::render {
namespace {

constexpr size_t kKeys = 1 << 15;

int channel(uint16_t key, int c) { return (key >> (10 - 5 * c)) & 31; }

struct Box {
    size_t begin, end;  // into the sorted key list
    int longest = 0;    // channel with the widest range
    int range = 0;      // its width, in 5-bit steps
    uint64_t pixels = 0;
};

}  // namespace

ColorHistogram::ColorHistogram() : count_(kKeys, 0), sum_(kKeys, {0, 0, 0}) {}

void ColorHistogram::add(uint8_t r, uint8_t g, uint8_t b) {
    uint16_t k = colorKey(r, g, b);
    ++count_[k];
    sum_[k][0] += r, sum_[k][1] += g, sum_[k][2] += b;
    ++total_;
}

Palette::Palette(const ColorHistogram& h, int maxColors) : index_(kKeys, 0) {
    std::vector<uint16_t> keys;
    for (size_t k = 0; k < kKeys; ++k)
        if (h.count_[k]) keys.push_back(static_cast<uint16_t>(k));
    auto measure = [&](Box& b) {
        int lo[3] = {31, 31, 31}, hi[3] = {0, 0, 0};
        b.pixels = 0;
        for (size_t i = b.begin; i < b.end; ++i) {
            for (int c = 0; c < 3; ++c) lo[c] = std::min(lo[c], channel(keys[i], c)), hi[c] = std::max(hi[c], channel(keys[i], c));
            b.pixels += h.count_[keys[i]];
        }
        b.range = -1;
        for (int c = 0; c < 3; ++c)
            if (hi[c] - lo[c] > b.range) b.range = hi[c] - lo[c], b.longest = c;
    };
    std::vector<Box> boxes;
    if (!keys.empty()) {
        boxes.push_back({0, keys.size()});
        measure(boxes.back());
    }
    while (static_cast<int>(boxes.size()) < maxColors) {
        // Split the box whose colours are furthest apart, weighted by how many pixels show them:
        // a wide box of a few antialiased pixels matters less than the sea's shades.
        Box* widest = nullptr;
        double best = 0;
        for (Box& b : boxes) {
            double score = static_cast<double>(b.range) * static_cast<double>(b.pixels);
            if (b.end - b.begin > 1 && score > best) best = score, widest = &b;
        }
        if (!widest) break;
        Box b = *widest;
        std::sort(keys.begin() + static_cast<long>(b.begin), keys.begin() + static_cast<long>(b.end),
                  [&](uint16_t x, uint16_t y) { return channel(x, b.longest) < channel(y, b.longest); });
        // The pixel median, kept off the ends so that both halves hold a colour.
        uint64_t half = 0;
        size_t cut = b.begin + 1;
        for (size_t i = b.begin; i + 1 < b.end; ++i) {
            half += h.count_[keys[i]];
            cut = i + 1;
            if (half * 2 >= b.pixels) break;
        }
        *widest = {b.begin, cut};
        measure(*widest);
        boxes.push_back({cut, b.end});
        measure(boxes.back());
    }
    for (const Box& b : boxes) {
        std::array<uint64_t, 3> sum = {0, 0, 0};
        for (size_t i = b.begin; i < b.end; ++i) {
            for (int c = 0; c < 3; ++c) sum[c] += h.sum_[keys[i]][c];
            index_[keys[i]] = static_cast<uint8_t>(colors_.size());
        }
        std::array<uint8_t, 3> mean{};
        for (int c = 0; c < 3; ++c) mean[c] = static_cast<uint8_t>((sum[c] + b.pixels / 2) / b.pixels);
        colors_.push_back(mean);
    }
}

}  // namespace cmap::render
