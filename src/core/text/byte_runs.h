#pragma once
// Eight bytes at a time (SWAR): which bytes of a 64-bit load fall in a byte class, for the loops
// that see every byte of every article. A loop that tests one byte at a time mispredicts its
// exit about once a word; finding a word's end with a few arithmetic steps does not.
#include <bit>
#include <cstdint>
#include <cstring>

namespace cmap::text::swar {

inline constexpr uint64_t kOnes = 0x0101010101010101ull;
inline constexpr uint64_t kHigh = 0x8080808080808080ull;

/// Eight bytes from p, the first in the lowest bits on any machine.
inline uint64_t load8(const char* p) {
    uint64_t x;
    std::memcpy(&x, p, sizeof x);
    if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
    return x;
}

/// The high bit of each byte of x that is ASCII and in [lo, hi] (lo <= hi < 0x80), 0 elsewhere.
constexpr uint64_t within(uint64_t x, uint8_t lo, uint8_t hi) {
    const uint64_t v = x & ~kHigh;  // 7-bit bytes: adding below 0x81 never carries into the next
    const auto atLeast = [v](uint64_t b) { return (v + kOnes * (0x80 - b)) & kHigh; };
    return atLeast(lo) & ~atLeast(hi + 1u) & ~x;
}

/// The high bit of each byte of x equal to b, exact up to and including the first such byte
/// (a borrow may also mark a 0x01 byte above it): enough for leading() and for finding the first.
constexpr uint64_t equal(uint64_t x, uint8_t b) {
    const uint64_t v = x ^ (kOnes * b);
    return (v - kOnes) & ~v & kHigh;
}

/// How many leading bytes have their bit set in a mask made by the functions above, 0..8.
constexpr unsigned leading(uint64_t mask) {
    const uint64_t stop = ~mask & kHigh;
    return stop ? static_cast<unsigned>(std::countr_zero(stop)) / 8 : 8;
}

/// The mask of the first n bytes, n <= 8.
constexpr uint64_t firstBytes(unsigned n) { return n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1; }

}  // namespace cmap::text::swar
