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
        const size_t pair = pairIndex(w[0], second(w));
        pairs_[pair / 64] |= uint64_t{1} << (pair % 64);
    }
    bool contains(std::string_view w) const {
        if (w.empty() || !mayContain(w[0], second(w), w.size())) return false;
        for (std::string_view x : buckets_[static_cast<unsigned char>(w[0])])
            if (x.size() == w.size() && x == w) return true;
        return false;
    }

    /// Whether some word starts with `first` and has `size` bytes, and some word starts with
    /// `first` and `second` (`second` is '\0' for a one-byte word): a caller that must copy or
    /// lower-case a word before looking it up can ask this first, and skip the copy for most words.
    bool mayContain(char first, char second, size_t size) const {
        const size_t pair = pairIndex(first, second);
        return (lengths_[static_cast<unsigned char>(first)] & lengthBit(size)) != 0 &&
               (pairs_[pair / 64] >> (pair % 64) & 1) != 0;
    }

private:
    /// Lengths of 31 bytes and more share the last bit.
    static uint32_t lengthBit(size_t size) { return 1u << (size < 31 ? size : 31); }
    static char second(std::string_view w) { return w.size() > 1 ? w[1] : '\0'; }
    static size_t pairIndex(char a, char b) {
        return static_cast<size_t>(static_cast<unsigned char>(a)) << 8 | static_cast<unsigned char>(b);
    }

    std::array<std::vector<std::string_view>, 256> buckets_;
    std::array<uint32_t, 256> lengths_{};  ///< per first byte: a bit for each length of its words
    /// A bit for each pair of first two bytes: the length bits alone let through most short
    /// words ("and" beside "ago", "the" beside "tue"), whose bucket is then read in full.
    std::array<uint64_t, 65536 / 64> pairs_{};
};

}  // namespace cmap::text
