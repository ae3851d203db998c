#include "render/animation_writer.h"

#include <cctype>
#include <string>

#include "core/error.h"
#include "render/gif_writer.h"
#include "render/mp4_writer.h"

namespace cmap::render {

std::optional<AnimationFormat> animationFormatFor(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".mp4") return AnimationFormat::Mp4;
    if (ext == ".gif") return AnimationFormat::Gif;
    return std::nullopt;
}

void checkAnimationSettings(const std::filesystem::path& path, int width, int height, int fps) {
    std::optional<AnimationFormat> format = animationFormatFor(path);
    if (!format) throw InputError("--out: '" + path.string() + "' must end in .mp4 or .gif");
    if (fps < 1 || fps > kMaxFps)
        throw InputError("--fps: " + std::to_string(fps) + " is not from 1 to " + std::to_string(kMaxFps));
    if (*format == AnimationFormat::Mp4 && (width % 2 != 0 || height % 2 != 0))
        throw InputError("--size: " + std::to_string(width) + "x" + std::to_string(height) +
                         " is odd; MP4 needs an even width and height");
}

std::unique_ptr<AnimationWriter> openAnimation(const std::filesystem::path& path, int width, int height, int fps) {
    checkAnimationSettings(path, width, height, fps);
    if (*animationFormatFor(path) == AnimationFormat::Mp4) return openMp4(path, width, height, fps);
    return openGif(path, width, height, fps);
}

}  // namespace cmap::render
