#pragma once
// MP4 through libavcodec/libavformat: H.264 where Debian's libavcodec has an encoder for it
// (libx264), else MPEG-4 part 2; yuv420p, converted from RGBA by libswscale.
#include <filesystem>
#include <memory>

#include "render/animation_writer.h"

namespace cmap::render {

/// Throws DataError naming path when no encoder or the file cannot be opened.
std::unique_ptr<AnimationWriter> openMp4(const std::filesystem::path& path, int width, int height, int fps);

}  // namespace cmap::render
