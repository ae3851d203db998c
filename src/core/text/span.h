#pragma once
// A byte range of a decoded text. 32-bit offsets keep per-mention records small; inputs over
// 4 GiB are refused by the decoder.
#include <cstdint>
#include <string_view>

namespace cmap::text {

struct Span {
    uint32_t start = 0;
    uint32_t end = 0;  ///< exclusive

    uint32_t size() const { return end - start; }
    bool empty() const { return end <= start; }
    /// The bytes of text this span covers (text must be the text it was made from).
    std::string_view in(std::string_view text) const { return text.substr(start, end - start); }

    friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace cmap::text
