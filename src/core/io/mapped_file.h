#pragma once
// A whole file mapped read-only into memory: pages are read from the page cache when first
// touched, with no copy and no zero-filled allocation behind them, so a large table file that
// is only partly used costs only the part that is used.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

namespace cmap::io {

class MappedFile {
public:
    /// Maps path; nullptr when it cannot be opened or mapped (the caller decides whether that
    /// matters). An empty file maps to empty bytes. Throws nothing.
    static std::shared_ptr<const MappedFile> open(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    /// The file's bytes, page-aligned at the start; valid while this object lives.
    std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }
    /// Takes the pages out of this process (they stay in the page cache, and a later touch maps
    /// them again): bytes read once, to check them, need not count as memory in use. Throws nothing.
    void dropPages() const;

private:
    MappedFile(void* data, size_t size) : data_(data), size_(size) {}
    void* data_;
    size_t size_;
};

}  // namespace cmap::io
