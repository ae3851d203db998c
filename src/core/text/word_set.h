#pragma once
// A small closed set of words, compared byte for byte (most callers store lower case), looked up
// once per word of every sentence: bucketed by first byte, each bucket a short list compared by
// length first. For sets of a few hundred words this beats hashing, which must read the whole
// word before it can say no; a bit per (first byte, length) pair says no to most words before
// any list is read.
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace cmap::text {

class WordSet {
public:
    WordSet() = default;
    WordSet(std::initializer_list<std::string_view> words) {
        for (auto w : words) insert(w);
    }
    /// Adds a word; the characters must outlive the set (string literals, static tables).
    void insert(std::string_view w) {
        if (w.empty() || contains(w)) return;
        buckets_[static_cast<unsigned char>(w[0])].push_back(w);
        lengths_[static_cast<unsigned char>(w[0])] |= lengthBit(w.size());
    }
    bool contains(std::string_view w) const {
        if (w.empty() || !mayContain(w[0], w.size())) return false;
        for (std::string_view x : buckets_[static_cast<unsigned char>(w[0])])
            if (x.size() == w.size() && x == w) return true;
        return false;
    }

    /// Whether some word starts with `first` and has `size` bytes: a caller that must copy or
    /// lower-case a word before looking it up can ask this first, and skip the copy for most words.
    bool mayContain(char first, size_t size) const {
        return (lengths_[static_cast<unsigned char>(first)] & lengthBit(size)) != 0;
    }

private:
    /// Lengths of 31 bytes and more share the last bit.
    static uint32_t lengthBit(size_t size) { return 1u << (size < 31 ? size : 31); }

    std::array<std::vector<std::string_view>, 256> buckets_;
    std::array<uint32_t, 256> lengths_{};  ///< per first byte: a bit for each length of its words
};

}  // namespace cmap::text
