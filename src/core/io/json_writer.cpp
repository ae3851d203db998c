#include "core/io/json_writer.h"

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>

namespace cmap::io {

void JsonWriter::comma() {
    if (afterKey_) {
        afterKey_ = false;
        return;
    }
    if (!first_) out_.push_back(',');
    first_ = false;
}

void JsonWriter::open(char c) {
    comma();
    out_.push_back(c);
    first_ = true;
}

void JsonWriter::close(char c) {
    out_.push_back(c);
    first_ = false;
}

void JsonWriter::key(std::string_view k) {
    // `,"k":` made on the stack and appended once: a key comes with every field of every
    // mention, and each append to the output checks its room again.
    char buf[64];
    if (k.size() + 4 > sizeof buf) {
        comma();
        ((out_ += '"') += k) += "\":";
    } else {
        size_t n = 0;
        if (afterKey_) {  // comma(), inline
            afterKey_ = false;
        } else {
            if (!first_) buf[n++] = ',';
            first_ = false;
        }
        buf[n++] = '"';
        std::memcpy(buf + n, k.data(), k.size());  // keys are the program's own names: nothing to escape
        n += k.size();
        buf[n++] = '"';
        buf[n++] = ':';
        out_.append(buf, n);
    }
    afterKey_ = true;
}

void JsonWriter::value(std::string_view s) {
    comma();
    string(s);
}

void JsonWriter::string(std::string_view s) {
    out_.push_back('"');
    static constexpr char kHex[] = "0123456789abcdef";
    size_t run = 0;  // start of the stretch that needs no escaping, appended in one go
    for (size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;  // UTF-8 passes through; callers give valid UTF-8
        out_.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
            out_ += "\\u00";
            out_.push_back(kHex[c >> 4]);
            out_.push_back(kHex[c & 15]);
        }
    }
    out_.append(s.data() + run, s.size() - run);
    out_.push_back('"');
}

void JsonWriter::value(double d) {
    comma();
    if (!std::isfinite(d)) {  // JSON has no NaN or infinity
        out_ += "null";
        return;
    }
    // The shortest round-trip form costs hundreds of instructions, and the same coordinates come
    // back for every mention of a place: remember recent ones, by their exact bits.
    struct Formatted {
        uint64_t bits = 0;
        uint8_t size = 0;  ///< 0: empty slot
        char text[31];
    };
    thread_local std::array<Formatted, 1024> recent;
    const auto bits = std::bit_cast<uint64_t>(d);
    Formatted& f = recent[(bits ^ bits >> 29) % recent.size()];
    if (f.size == 0 || f.bits != bits) {
        auto r = std::to_chars(f.text, f.text + sizeof f.text, d);
        f.bits = bits;
        f.size = static_cast<uint8_t>(r.ptr - f.text);
    }
    out_.append(f.text, f.size);
}

void JsonWriter::value(int64_t i) {
    comma();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, i);
    out_.append(buf, static_cast<size_t>(r.ptr - buf));  // (pointer, length): the (first, last) overload builds a temporary
}

void JsonWriter::value(bool b) {
    comma();
    out_ += b ? "true" : "false";
}

void JsonWriter::null() {
    comma();
    out_ += "null";
}

}  // namespace cmap::io
