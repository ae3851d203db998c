#pragma once
// Frames of a map animation into a video or GIF file, one Image at a time, so memory stays that
// of a frame or two however long the animation. The file is written under a temporary name
// beside the target and renamed over it by finish(): a failure or an abandoned writer leaves no
// partial file behind.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "render/image.h"

namespace cmap::render {

enum class AnimationFormat { Mp4, Gif };

/// The format an output file's extension names (.mp4, .gif, any case); nullopt for any other.
/// Throws nothing.
std::optional<AnimationFormat> animationFormatFor(const std::filesystem::path& path);

class AnimationWriter {
public:
    virtual ~AnimationWriter() = default;
    /// Appends a frame of the size the writer was opened with. Throws DataError naming the file
    /// when the encoder or the disk fails, InputError for a frame of another size.
    virtual void addFrame(const Image& frame) = 0;
    /// Flushes the encoder and renames the file into place. Throws DataError naming the file.
    virtual void finish() = 0;
    /// Frames added so far.
    virtual int frames() const = 0;
    /// What encodes the frames ("H.264 (libx264)", "GIF, a palette per frame"), for progress lines.
    virtual std::string description() const = 0;
};

inline constexpr int kMaxFps = 120;

/// Whether a writer can take these settings, without opening anything (callers check before slow
/// work). Throws InputError for an extension that names no format, for fps outside 1..kMaxFps,
/// and for an odd width or height in MP4 (its yuv420p halves the colour planes).
void checkAnimationSettings(const std::filesystem::path& path, int width, int height, int fps);

/// Opens a writer for path's format at width x height pixels and fps frames a second. Throws
/// what checkAnimationSettings throws, and DataError naming path when the file or the encoder
/// cannot be opened.
std::unique_ptr<AnimationWriter> openAnimation(const std::filesystem::path& path, int width, int height, int fps);

}  // namespace cmap::render
