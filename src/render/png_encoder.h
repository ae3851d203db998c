#pragma once
// PNG encoding on every core. A 4K map is 33 MB of pixels: one thread deflating them at zlib's
// default level is longer than drawing them. The rows are cut into bands, each deflated on a
// thread of its own into a piece of one zlib stream (a sync flush ends each piece on a byte
// boundary, so the pieces join), and the pieces' Adler-32 sums are combined.
#include <string>

#include "render/image.h"

namespace cmap::render {

/// The image as the bytes of a PNG file (RGBA, 8 bits a channel, not interlaced), using up to
/// threads threads (0: one per core). Throws nothing but std::bad_alloc and std::system_error.
std::string encodePng(const Image& image, unsigned threads = 0);

}  // namespace cmap::render
