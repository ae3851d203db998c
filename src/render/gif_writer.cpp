#include "render/gif_writer.h"

#include <fcntl.h>
#include <gif_lib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>
#include <system_error>

#include "core/error.h"
#include "core/io/partial_file.h"
#include "render/palette.h"

namespace cmap::render {
namespace {

// The last palette entry of every frame is transparent: "as the frame before".
constexpr int kMaxOpaqueColors = 255;

class GifWriter final : public AnimationWriter {
public:
    GifWriter(std::filesystem::path path, int width, int height, int fps)
        : path_(std::move(path)), partial_(path_), width_(width), height_(height), fps_(fps) {}

    ~GifWriter() override {
        if (gif_) {
            int error = 0;
            EGifCloseFile(gif_, &error);
        }
    }

    void open() {
        // Opened here rather than by giflib, which would make the file readable by its owner only
        // and open whatever is at the name.
        int error = 0;
        gif_ = EGifOpenFileHandle(partial_.fd(), &error);
        if (!gif_) fail(error);
        partial_.releaseFd();  // giflib closes it
        EGifSetGifVersion(gif_, true);
        // No global palette: each frame brings its own.
        if (EGifPutScreenDesc(gif_, width_, height_, 8, 0, nullptr) == GIF_ERROR) fail(gif_->Error);
        // The Netscape application extension: loop forever, as a briefing slide expects.
        static const unsigned char kLoop[] = {1, 0, 0};
        if (EGifPutExtensionLeader(gif_, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
            EGifPutExtensionBlock(gif_, 11, "NETSCAPE2.0") == GIF_ERROR ||
            EGifPutExtensionBlock(gif_, 3, kLoop) == GIF_ERROR || EGifPutExtensionTrailer(gif_) == GIF_ERROR)
            fail(gif_->Error);
    }

    void addFrame(const Image& image) override {
        if (image.width != width_ || image.height != height_)
            throw InputError(path_.string() + ": a frame of " + std::to_string(image.width) + "x" +
                             std::to_string(image.height) + " in a " + std::to_string(width_) + "x" +
                             std::to_string(height_) + " GIF");
        const bool first = previous_.rgba.empty();
        auto changed = [&](int x, int y) {
            if (first) return true;
            const uint8_t *a = image.pixel(x, y), *b = previous_.pixel(x, y);
            return a[0] != b[0] || a[1] != b[1] || a[2] != b[2];
        };
        // The rectangle that changed; a frame where nothing did is one transparent pixel.
        int x0 = width_, y0 = height_, x1 = -1, y1 = -1;
        for (int y = 0; y < height_; ++y)
            for (int x = 0; x < width_; ++x)
                if (changed(x, y)) x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
        if (x1 < 0) x0 = x1 = y0 = y1 = 0;

        ColorHistogram histogram;
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                if (changed(x, y)) histogram.add(image.pixel(x, y)[0], image.pixel(x, y)[1], image.pixel(x, y)[2]);
        Palette palette(histogram, kMaxOpaqueColors);
        const int transparent = static_cast<int>(palette.colors().size());
        std::vector<GifColorType> colors(static_cast<size_t>(1) << GifBitSize(transparent + 1), GifColorType{0, 0, 0});
        for (size_t i = 0; i < palette.colors().size(); ++i)
            colors[i] = {palette.colors()[i][0], palette.colors()[i][1], palette.colors()[i][2]};
        ColorMapObject* map = GifMakeMapObject(static_cast<int>(colors.size()), colors.data());
        if (!map) throw DataError(path_.string(), "cannot write: out of memory");

        GraphicsControlBlock gcb{};
        gcb.DisposalMode = DISPOSE_DO_NOT;  // the next frame draws over this one
        gcb.UserInputFlag = false;
        // Delays are in hundredths of a second: rounded from the running time, so 30 fps keeps time.
        gcb.DelayTime = static_cast<int>(std::lround((frames_ + 1) * 100.0 / fps_) - std::lround(frames_ * 100.0 / fps_));
        gcb.TransparentColor = transparent;
        GifByteType extension[4];
        EGifGCBToExtension(&gcb, extension);
        const int w = x1 - x0 + 1;
        bool ok = EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, 4, extension) != GIF_ERROR &&
                  EGifPutImageDesc(gif_, x0, y0, w, y1 - y0 + 1, false, map) != GIF_ERROR;
        GifFreeMapObject(map);
        std::vector<GifPixelType> line(static_cast<size_t>(w));
        for (int y = y0; ok && y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                const uint8_t* p = image.pixel(x, y);
                line[static_cast<size_t>(x - x0)] =
                    changed(x, y) ? palette.index(p[0], p[1], p[2]) : static_cast<GifPixelType>(transparent);
            }
            ok = EGifPutLine(gif_, line.data(), w) != GIF_ERROR;
        }
        if (!ok) fail(gif_->Error);
        previous_ = image;
        ++frames_;
    }

    void finish() override {
        int error = 0;
        GifFileType* gif = gif_;
        gif_ = nullptr;
        if (EGifCloseFile(gif, &error) == GIF_ERROR) fail(error);
        partial_.commit();
    }

    int frames() const override { return frames_; }
    std::string description() const override { return "GIF, a median-cut palette per frame"; }

private:
    [[noreturn]] void fail(int error) const {
        const char* why = GifErrorString(error);
        throw DataError(path_.string(), std::string("cannot write: ") + (why ? why : "giflib failed"));
    }

    std::filesystem::path path_;
    io::PartialFile partial_;
    int width_, height_, fps_;
    GifFileType* gif_ = nullptr;
    Image previous_;
    int frames_ = 0;
};

}  // namespace

std::unique_ptr<AnimationWriter> openGif(const std::filesystem::path& path, int width, int height, int fps) {
    auto writer = std::make_unique<GifWriter>(path, width, height, fps);
    writer->open();
    return writer;
}

}  // namespace cmap::render
