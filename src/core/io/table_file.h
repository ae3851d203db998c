#pragma once
// Flat tables in a binary file, read in place from a mapping: each table is its element count
// (8 bytes) and its elements, padded to 8 bytes, so every table starts aligned in the mapped file.
// The gazetteer's and the basemap's caches are made of them.
#include <cstdint>
#include <cstring>
#include <ostream>
#include <span>
#include <string_view>
#include <type_traits>

namespace cmap::io {

constexpr size_t paddedTableBytes(size_t n) { return (n + 7) & ~size_t{7}; }

/// Appends one table. The caller checks the stream once at the end. Throws nothing.
template <typename T>
void putTable(std::ostream& out, std::span<const T> v) {
    static_assert(std::is_trivially_copyable_v<T>, "tables are written as bytes");
    static constexpr char kZeros[8] = {};
    const uint64_t n = v.size();
    out.write(reinterpret_cast<const char*>(&n), sizeof n);
    out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T)));
    out.write(kZeros, static_cast<std::streamsize>(paddedTableBytes(n * sizeof(T)) - n * sizeof(T)));
}
inline void putTable(std::ostream& out, std::string_view s) { putTable(out, std::span<const char>(s)); }

/// Views the tables of mapped bytes in the order they were put; a table that overruns the bytes
/// makes the reader fail (ok() false) and every later read fail too. Throws nothing.
class TableReader {
public:
    TableReader(std::string_view bytes, size_t from) : bytes_(bytes), pos_(from) {}

    template <typename T>
    TableReader& operator>>(std::span<const T>& v) {
        uint64_t n = 0;
        if (!ok_ || pos_ > bytes_.size() || bytes_.size() - pos_ < sizeof n) return fail();
        std::memcpy(&n, bytes_.data() + pos_, sizeof n);
        pos_ += sizeof n;
        if (n > (bytes_.size() - pos_) / sizeof(T) || paddedTableBytes(n * sizeof(T)) > bytes_.size() - pos_)
            return fail();
        v = {reinterpret_cast<const T*>(bytes_.data() + pos_), static_cast<size_t>(n)};
        pos_ += paddedTableBytes(n * sizeof(T));
        return *this;
    }
    TableReader& operator>>(std::string_view& s) {
        std::span<const char> v;
        *this >> v;
        s = {v.data(), v.size()};
        return *this;
    }
    bool ok() const { return ok_; }
    /// Where the next table starts.
    size_t position() const { return pos_; }

private:
    TableReader& fail() {
        ok_ = false;
        return *this;
    }
    std::string_view bytes_;
    size_t pos_;
    bool ok_ = true;
};

}  // namespace cmap::io
