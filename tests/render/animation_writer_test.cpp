#include <doctest/doctest.h>
#include <gif_lib.h>

#include <filesystem>
#include <random>

#include "core/error.h"
#include "render/animation_writer.h"
#include "render/palette.h"

using cmap::render::ColorHistogram;
using cmap::render::Image;
using cmap::render::Palette;

namespace {

void fill(Image& img, int x0, int y0, int x1, int y1, uint8_t r, uint8_t g, uint8_t b) {
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            uint8_t* p = img.pixel(x, y);
            p[0] = r, p[1] = g, p[2] = b, p[3] = 255;
        }
}

// What a GIF viewer shows after each frame: frames drawn over the last, transparent pixels kept.
std::vector<Image> decodeGif(const std::filesystem::path& path, std::vector<int>* delays, std::vector<int>* areas) {
    int error = 0;
    GifFileType* gif = DGifOpenFileName(path.c_str(), &error);
    REQUIRE(gif);
    REQUIRE(DGifSlurp(gif) == GIF_OK);
    std::vector<Image> shown;
    Image canvas(gif->SWidth, gif->SHeight);
    for (int i = 0; i < gif->ImageCount; ++i) {
        const SavedImage& frame = gif->SavedImages[i];
        GraphicsControlBlock gcb{};
        DGifSavedExtensionToGCB(gif, i, &gcb);
        delays->push_back(gcb.DelayTime);
        areas->push_back(frame.ImageDesc.Width * frame.ImageDesc.Height);
        const ColorMapObject* map = frame.ImageDesc.ColorMap ? frame.ImageDesc.ColorMap : gif->SColorMap;
        REQUIRE(map);
        for (int y = 0; y < frame.ImageDesc.Height; ++y)
            for (int x = 0; x < frame.ImageDesc.Width; ++x) {
                int index = frame.RasterBits[y * frame.ImageDesc.Width + x];
                if (index == gcb.TransparentColor) continue;
                uint8_t* p = canvas.pixel(frame.ImageDesc.Left + x, frame.ImageDesc.Top + y);
                p[0] = map->Colors[index].Red, p[1] = map->Colors[index].Green, p[2] = map->Colors[index].Blue;
                p[3] = 255;
            }
        shown.push_back(canvas);
    }
    DGifCloseFile(gif, &error);
    return shown;
}

}  // namespace

TEST_CASE("palette: a few flat colours come out exact, many within a few levels") {
    ColorHistogram few;
    for (int i = 0; i < 100; ++i) few.add(12, 200, 77), few.add(255, 255, 255);
    few.add(1, 2, 3);
    Palette p(few, 255);
    CHECK(p.colors().size() == 3);
    auto exact = [&](uint8_t r, uint8_t g, uint8_t b) {
        auto c = p.colors()[p.index(r, g, b)];
        return c[0] == r && c[1] == g && c[2] == b;
    };
    CHECK(exact(12, 200, 77));
    CHECK(exact(255, 255, 255));
    CHECK(exact(1, 2, 3));

    std::mt19937 rng(7);
    std::vector<std::array<uint8_t, 3>> pixels;
    ColorHistogram many;
    for (int i = 0; i < 20000; ++i) {
        std::array<uint8_t, 3> c{static_cast<uint8_t>(rng()), static_cast<uint8_t>(rng()), static_cast<uint8_t>(rng())};
        pixels.push_back(c);
        many.add(c[0], c[1], c[2]);
    }
    Palette q(many, 255);
    CHECK(q.colors().size() == 255);
    double error = 0;
    for (auto& c : pixels) {
        auto m = q.colors()[q.index(c[0], c[1], c[2])];
        for (int k = 0; k < 3; ++k) error += std::abs(int(m[k]) - int(c[k]));
    }
    // Uniform noise over the whole cube: 255 boxes leave about 40 levels a box side.
    CHECK(error / (3.0 * static_cast<double>(pixels.size())) < 16);
}

TEST_CASE("GIF: frames decode to what was drawn; unchanged frames cost one pixel, changes their rectangle") {
    auto path = std::filesystem::temp_directory_path() / "cmap_animation_test.gif";
    Image a(40, 30);
    fill(a, 0, 0, 40, 30, 200, 220, 240);
    fill(a, 5, 5, 20, 15, 240, 238, 230);
    Image b = a;
    fill(b, 30, 20, 34, 24, 214, 39, 40);  // a marker appears
    {
        auto writer = cmap::render::openAnimation(path, 40, 30, 4);
        writer->addFrame(a);
        writer->addFrame(a);
        writer->addFrame(b);
        CHECK_THROWS_AS(writer->addFrame(Image(10, 10)), cmap::InputError);
        writer->finish();
        CHECK(writer->frames() == 3);
    }
    std::vector<int> delays, areas;
    std::vector<Image> shown = decodeGif(path, &delays, &areas);
    REQUIRE(shown.size() == 3);
    CHECK(shown[0].rgba == a.rgba);
    CHECK(shown[1].rgba == a.rgba);
    CHECK(shown[2].rgba == b.rgba);
    CHECK(delays == std::vector<int>{25, 25, 25});
    CHECK(areas == std::vector<int>{40 * 30, 1, 4 * 4});
    std::filesystem::remove(path);
}

TEST_CASE("animation writers: bad settings are refused, an unfinished file leaves nothing behind") {
    auto dir = std::filesystem::temp_directory_path();
    CHECK_THROWS_AS(cmap::render::openAnimation(dir / "x.avi", 40, 30, 10), cmap::InputError);
    CHECK_THROWS_AS(cmap::render::openAnimation(dir / "x.gif", 40, 30, 0), cmap::InputError);
    CHECK_THROWS_AS(cmap::render::openAnimation(dir / "x.gif", 40, 30, 121), cmap::InputError);
    CHECK_THROWS_AS(cmap::render::openAnimation(dir / "x.mp4", 41, 30, 10), cmap::InputError);
    CHECK_THROWS_AS(cmap::render::openAnimation("/nonexistent-dir/x.mp4", 40, 30, 10), cmap::DataError);
    for (const char* name : {"cmap_unfinished.mp4", "cmap_unfinished.gif"}) {
        Image frame(40, 30);
        fill(frame, 0, 0, 40, 30, 10, 20, 30);
        {
            auto writer = cmap::render::openAnimation(dir / name, 40, 30, 10);
            writer->addFrame(frame);
        }  // abandoned, as when rendering a frame fails
        CHECK_FALSE(std::filesystem::exists(dir / name));
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            CHECK(entry.path().filename().string().find("cmap_unfinished.partial") == std::string::npos);
    }
}
