#pragma once
// Animated GIF through giflib. Each frame stores only the rectangle that changed since the
// previous one, its unchanged pixels transparent, with a palette made for that rectangle by
// median cut (render/palette.h): a slowly filling map costs little per frame, and every frame
// keeps the colours it needs.
#include <filesystem>
#include <memory>

#include "render/animation_writer.h"

namespace cmap::render {

/// Throws DataError naming path when the file cannot be opened.
std::unique_ptr<AnimationWriter> openGif(const std::filesystem::path& path, int width, int height, int fps);

}  // namespace cmap::render
