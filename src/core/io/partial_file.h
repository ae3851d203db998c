#pragma once
// Files written whole or not at all: writers write beside the target into a new file and rename
// it over the target when done, so a failure never leaves half a file. The new file is created
// exclusively under a name nobody can guess, so nothing placed there beforehand (a link to
// another file) is ever written through.
#include <filesystem>
#include <string_view>

namespace cmap::io {

class PartialFile {
public:
    /// Creates an empty file in target's folder: O_EXCL (never an existing file, never through a
    /// link), a hidden name with 64 random bits and target's extension (some GDAL drivers and
    /// muxers go by it), the permissions a new file gets. Throws DataError naming target.
    explicit PartialFile(std::filesystem::path target);
    /// Removes the file unless it was committed.
    ~PartialFile();
    PartialFile(const PartialFile&) = delete;
    PartialFile& operator=(const PartialFile&) = delete;

    const std::filesystem::path& path() const { return path_; }
    const std::filesystem::path& target() const { return target_; }
    /// The open descriptor, -1 once released or closed.
    int fd() const { return fd_; }
    /// Hands the descriptor to a library that closes it itself (commit() then only renames).
    int releaseFd();
    /// Writes all of bytes. Throws DataError naming target on any failure (a full disk).
    void write(std::string_view bytes);
    /// Closes the descriptor if still held (a failing close is a failed write) and renames the
    /// file over target. Throws DataError naming target; the file is removed then.
    void commit();

private:
    std::filesystem::path target_, path_;
    int fd_ = -1;
    bool committed_ = false;
};

/// Writes bytes to path through a PartialFile. Throws DataError naming path.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace cmap::io
