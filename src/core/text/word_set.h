#pragma once
// A small closed set of words, compared byte for byte (most callers store lower case), looked up
// once per word of every sentence. Each word may carry tags (bits): several lists kept in one set
// answer "which of them is this word on" in one lookup. A bit per (first byte, length) pair and one per pair of first
// two bytes say no to most words before anything else is read; the rest find their one candidate
// in an open-addressing table (lists per first byte meant a comparison for every word of the
// same first byte and length: "said" against a dozen four-letter s-words of the common words).
// The table holds 4 bytes a slot, a word's index and bits of its hash: a table of the words'
// views (16 bytes a slot, a quarter full) was 256 KiB for the lexicons, and its first probe a
// cache miss on most lookups of a long text.
#include <array>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace cmap::text {

class WordSet {
public:
    WordSet() = default;
    WordSet(std::initializer_list<std::string_view> words) {
        for (auto w : words) insert(w);
    }
    /// Adds a word, or adds tags to one already in; the characters must outlive the set (string
    /// literals, static tables). Tags must not be 0.
    void insert(std::string_view w, uint16_t tags = 1) {
        if (w.empty()) return;
        if (const size_t i = find(w); i != kAbsent) {
            words_[i].second |= tags;
            return;
        }
        if (words_.size() >= kIndexMask) throw std::length_error("WordSet: more words than a slot can index");
        words_.emplace_back(w, tags);
        lengths_[static_cast<unsigned char>(w[0])] |= lengthBit(w.size());
        const size_t pair = pairIndex(w[0], second(w));
        pairs_[pair / 64] |= uint64_t{1} << (pair % 64);
        if (table_.size() < 4 * words_.size()) {  // at most a quarter full: probes end soon
            table_.assign(table_.empty() ? 64 : table_.size() * 4, 0);
            for (size_t i = 0; i < words_.size(); ++i) place(i);
        } else {
            place(words_.size() - 1);
        }
    }
    bool contains(std::string_view w) const { return find(w) != kAbsent; }
    /// The word's tags, ORed over its insertions; 0 for a word not in the set.
    uint16_t tags(std::string_view w) const {
        const size_t i = find(w);
        return i == kAbsent ? 0 : words_[i].second;
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

    // FNV-1a, folded: the table is small, and its index comes from all of the hash's bits.
    static size_t hash(std::string_view w) {
        uint64_t h = 14695981039346656037ull;
        for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        return static_cast<size_t>(h ^ (h >> 29) ^ (h >> 47));
    }
    static constexpr size_t kAbsent = ~size_t{0};
    /// A slot: the word's index in words_ plus one in the low bits (0: a free slot), the hash's
    /// top bits above them, so that a probe reads the word only when those match.
    static constexpr uint32_t kIndexMask = 0xFFFF;
    static uint32_t tag(size_t h) { return static_cast<uint32_t>(h >> 48) << 16; }
    /// The index of w in words_, or kAbsent.
    size_t find(std::string_view w) const {
        if (w.empty() || !mayContain(w[0], second(w), w.size())) return kAbsent;
        const size_t mask = table_.size() - 1, h = hash(w);
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            const uint32_t slot = table_[i];
            if (slot == 0) return kAbsent;
            if ((slot & ~kIndexMask) == tag(h) && words_[(slot & kIndexMask) - 1].first == w) return (slot & kIndexMask) - 1;
        }
    }
    void place(size_t index) {
        const size_t mask = table_.size() - 1, h = hash(words_[index].first);
        size_t i = h & mask;
        while (table_[i] != 0) i = (i + 1) & mask;
        table_[i] = tag(h) | static_cast<uint32_t>(index + 1);
    }

    std::vector<std::pair<std::string_view, uint16_t>> words_;  ///< each word once, with its tags
    std::vector<uint32_t> table_;  ///< a power of two of slots (see kIndexMask), 0 for free ones
    std::array<uint32_t, 256> lengths_{};  ///< per first byte: a bit for each length of its words
    /// A bit for each pair of first two bytes: the length bits alone let through most short
    /// words ("and" beside "ago", "the" beside "tue"), whose bucket is then read in full.
    std::array<uint64_t, 65536 / 64> pairs_{};
};

}  // namespace cmap::text
