#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "render/image.h"
#include "render/png_encoder.h"

using cmap::render::Image;

TEST_CASE("a PNG round-trips every byte, alpha included") {
    Image a(7, 3);
    for (size_t i = 0; i < a.rgba.size(); ++i) a.rgba[i] = static_cast<uint8_t>(i * 37);
    auto path = std::filesystem::temp_directory_path() / "cmap_image_test.png";
    a.savePng(path);
    Image b = Image::loadPng(path);
    CHECK(b.width == 7);
    CHECK(b.height == 3);
    CHECK(b.rgba == a.rgba);
    CHECK_FALSE(std::filesystem::exists(path.string() + ".partial"));
    std::filesystem::remove(path);
}

TEST_CASE("PNG errors name the file") {
    Image a(2, 2);
    CHECK_THROWS_WITH_AS(a.savePng("/nonexistent-dir/x.png"), doctest::Contains("/nonexistent-dir/x.png"),
                         cmap::DataError);
    CHECK_THROWS_WITH_AS(Image::loadPng("/nonexistent-dir/y.png"), doctest::Contains("/nonexistent-dir/y.png"),
                         cmap::DataError);
    auto bogus = std::filesystem::temp_directory_path() / "cmap_not_a.png";
    {
        std::FILE* f = std::fopen(bogus.c_str(), "wb");
        std::fputs("not a png", f);
        std::fclose(f);
    }
    CHECK_THROWS_AS(Image::loadPng(bogus), cmap::DataError);
    std::filesystem::remove(bogus);
}

TEST_CASE("a PNG deflated in bands on several threads decodes to the same pixels") {
    // Rows of flat colour (long matches) and of noise (literals), across band edges; an odd size.
    Image a(333, 517);
    uint32_t x = 12345;
    for (int y = 0; y < a.height; ++y)
        for (int i = 0; i < a.width * 4; ++i) {
            x = x * 1103515245u + 12345u;
            a.rgba[static_cast<size_t>(y) * static_cast<size_t>(a.width) * 4 + static_cast<size_t>(i)] =
                (y / 40) % 2 ? static_cast<uint8_t>(x >> 24) : static_cast<uint8_t>(y * 3 + i % 4);
        }
    auto path = std::filesystem::temp_directory_path() / "cmap_image_bands_test.png";
    for (unsigned threads : {1u, 3u, 8u}) {
        const std::string png = cmap::render::encodePng(a, threads);
        {
            std::ofstream out(path, std::ios::binary);
            out.write(png.data(), static_cast<std::streamsize>(png.size()));
        }
        Image b = Image::loadPng(path);
        CHECK(b.width == a.width);
        CHECK(b.height == a.height);
        CHECK(b.rgba == a.rgba);
    }
    std::filesystem::remove(path);
}
