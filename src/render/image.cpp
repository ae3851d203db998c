#include "render/image.h"

#include <spng.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <system_error>

#include "core/error.h"
#include "core/io/partial_file.h"
#include "render/png_encoder.h"

namespace cmap::render {
namespace {

struct SpngDeleter {
    void operator()(spng_ctx* c) const { spng_ctx_free(c); }
};
using SpngPtr = std::unique_ptr<spng_ctx, SpngDeleter>;

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& problem) {
    throw DataError(path.string(), problem);
}

void check(int rc, const std::filesystem::path& path, const char* doing) {
    if (rc) fail(path, std::string(doing) + ": " + spng_strerror(rc));
}

}  // namespace

void Image::savePng(const std::filesystem::path& path) const {
    if (width <= 0 || height <= 0) fail(path, "cannot write an empty image");
    io::writeFileAtomically(path, encodePng(*this));
}

Image Image::loadPng(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "cannot open");
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    SpngPtr ctx(spng_ctx_new(0));
    if (!ctx) fail(path, "cannot create a PNG decoder");
    check(spng_set_png_buffer(ctx.get(), bytes.data(), bytes.size()), path, "not a PNG");
    spng_ihdr ihdr{};
    check(spng_get_ihdr(ctx.get(), &ihdr), path, "not a PNG");
    size_t size = 0;
    check(spng_decoded_image_size(ctx.get(), SPNG_FMT_RGBA8, &size), path, "not a PNG");
    Image image(static_cast<int>(ihdr.width), static_cast<int>(ihdr.height));
    if (size != image.rgba.size()) fail(path, "unexpected decoded size");
    check(spng_decode_image(ctx.get(), image.rgba.data(), size, SPNG_FMT_RGBA8, SPNG_DECODE_TRNS), path,
          "broken PNG");
    return image;
}

}  // namespace cmap::render
