#include "core/io/json_writer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>

#include "core/text/decode.h"

namespace cmap::io {

void JsonWriter::grow(size_t n) {
    const size_t used = size();
    // A few kilobytes at a time: resize zero-fills the room (a cost per byte like the writing),
    // and the string's own capacity doubling keeps reallocations rare.
    out_.resize(used + std::max(n, size_t{4096}));
    at_ = out_.data() + used;
    end_ = out_.data() + out_.size();
}

void JsonWriter::flush() {
    if (!at_) return;
    out_.resize(static_cast<size_t>(at_ - out_.data()));
    at_ = end_ = nullptr;
}

void JsonWriter::value(std::string_view s) {
    comma();
    string(s);
}

namespace {

// Whether any of the eight bytes of x needs more than a copy: a control character, '"', '\\' or
// a byte of a multi-byte character (which must then be valid UTF-8).
bool anySpecial(uint64_t x) {
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    auto zeroByte = [&](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
    const uint64_t control = (x - kOnes * 0x20) & ~x & kHigh;  // bytes below 0x20 (and none above 0x7f)
    return ((x & kHigh) | control | zeroByte(x ^ (kOnes * '"')) | zeroByte(x ^ (kOnes * '\\'))) != 0;
}

}  // namespace

void JsonWriter::string(std::string_view s) {
    // Names and mention texts are mostly short ASCII with nothing to escape: one check of eight
    // bytes at a time, then one copy.
    char* p = room(s.size() + 2);
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t x;
        std::memcpy(&x, s.data() + i, 8);
        if (anySpecial(x)) break;
    }
    for (; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
    }
    if (i < s.size()) {
        escaped(s, p);
        return;
    }
    *p++ = '"';
    std::memcpy(p, s.data(), s.size());
    p += s.size();
    *p++ = '"';
    at_ = p;
}

void JsonWriter::escaped(std::string_view s, char* p) {
    // JSON is UTF-8: a value that is not (a file name in another encoding) is written as the
    // articles are read, its invalid bytes as Windows-1252, so the output stays valid JSON.
    if (!text::isValidUtf8(s)) {
        const std::string utf8 = text::toUtf8(s);
        string(text::isValidUtf8(utf8) ? std::string_view(utf8) : std::string_view("\xEF\xBF\xBD"));
        return;
    }
    // At most six bytes for each byte ("\u001f"), and the quotes.
    p = room(6 * s.size() + 2);
    *p++ = '"';
    static constexpr char kHex[] = "0123456789abcdef";
    size_t run = 0;  // start of the stretch that needs no escaping, copied in one go
    auto copyRun = [&](size_t to) {
        std::memcpy(p, s.data() + run, to - run);
        p += to - run;
    };
    for (size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;  // UTF-8 passes through; callers give valid UTF-8
        copyRun(i);
        run = i + 1;
        *p++ = '\\';
        switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\n': *p++ = 'n'; break;
        case '\r': *p++ = 'r'; break;
        case '\t': *p++ = 't'; break;
        default:
            std::memcpy(p, "u00", 3);
            p += 3;
            *p++ = kHex[c >> 4];
            *p++ = kHex[c & 15];
        }
    }
    copyRun(s.size());
    *p++ = '"';
    at_ = p;
}

void JsonWriter::value(double d) {
    comma();
    if (!std::isfinite(d)) {  // JSON has no NaN or infinity
        put("null");
        return;
    }
    // The shortest round-trip form costs hundreds of instructions, and the same coordinates come
    // back for every mention of a place: remember recent ones, by their exact bits.
    struct Formatted {
        uint64_t bits = 0;
        uint8_t size = 0;  ///< 0: empty slot
        char text[31];
    };
    thread_local std::array<Formatted, 4096> recent;  // 160 KiB: a long text's places and confidences
    const auto bits = std::bit_cast<uint64_t>(d);
    Formatted& f = recent[(bits ^ bits >> 29) % recent.size()];
    if (f.size == 0 || f.bits != bits) {
        auto r = std::to_chars(f.text, f.text + sizeof f.text, d);
        f.bits = bits;
        f.size = static_cast<uint8_t>(r.ptr - f.text);
    }
    put({f.text, f.size});
}

void JsonWriter::value(int64_t i) {
    comma();
    char* p = room(20);  // -9223372036854775808
    if (i < 0 || i >= 100000000) {
        at_ = std::to_chars(p, p + 20, i).ptr;
        return;
    }
    // Byte offsets and indexes, mostly: up to eight digits, two at a time from a table, without
    // to_chars' count of the digits first.
    static constexpr char kPairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    char digits[16] = {};  // the digits end at digits + 8; eight bytes from d are always readable
    char* d = digits + 8;
    auto v = static_cast<uint32_t>(i);
    while (v >= 100) {
        d -= 2;
        std::memcpy(d, kPairs + 2 * (v % 100), 2);
        v /= 100;
    }
    if (v >= 10) {
        d -= 2;
        std::memcpy(d, kPairs + 2 * v, 2);
    } else {
        *--d = static_cast<char>('0' + v);
    }
    std::memcpy(p, d, 8);  // one move of known size; the bytes past the digits are written over later
    at_ = p + (digits + 8 - d);
}

void JsonWriter::value(bool b) {
    comma();
    put(b ? "true" : "false");
}

}  // namespace cmap::io
