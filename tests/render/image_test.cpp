#include <doctest/doctest.h>

#include <filesystem>

#include "core/error.h"
#include "render/image.h"

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
