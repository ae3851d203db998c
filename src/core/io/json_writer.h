#pragma once
// Appends JSON text to a string without building a document tree: geoparse output for a 37 MB
// input is hundreds of thousands of objects, and a tree of them costs more than the parsing.
// The writer grows the string ahead of what it writes and fills that room through a pointer:
// a std::string append per key and value (a room check, a length update, a call to memcpy for a
// few bytes) cost as much as the formatting.
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace cmap::io {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}
    ~JsonWriter() { flush(); }
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    /// Makes the string end where the writing does (until then it holds room beyond it), so the
    /// caller may read, write out or clear it; writing then goes on at its end. Throws nothing.
    void flush();
    /// Bytes in the string once flushed.
    size_t size() const { return at_ ? static_cast<size_t>(at_ - out_.data()) : out_.size(); }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    /// The key of the next object member: a name of ours, written as is (no escaping). Inline, so
    /// that a literal key is copied with a few moves of known size rather than a call to memcpy.
    void key(std::string_view k) {
        comma();
        char* p = room(k.size() + 3);
        *p++ = '"';
        std::memcpy(p, k.data(), k.size());  // keys are the program's own names: nothing to escape
        p += k.size();
        *p++ = '"';
        *p++ = ':';
        at_ = p;
        afterKey_ = true;
    }
    /// Object members already written as JSON (`"a":1,"b":null`), put where the next member goes:
    /// for a group of members that repeats from object to object. Throws nothing.
    void members(std::string_view json) {
        comma();
        put(json);
    }

    void value(std::string_view s);
    void value(const char* s) { value(std::string_view(s)); }
    void value(double d);
    void value(int64_t i);
    void value(uint32_t i) { value(static_cast<int64_t>(i)); }
    void value(bool b);
    void null() {
        comma();
        put("null");
    }
    template <typename T>
    void value(const std::optional<T>& v) {
        if (v) value(*v);
        else null();
    }

private:
    /// A pointer to at least n writable bytes at the end of what is written.
    char* room(size_t n) {
        if (!at_ || static_cast<size_t>(end_ - at_) < n) grow(n);
        return at_;
    }
    void grow(size_t n);
    void put(std::string_view s) {
        std::memcpy(room(s.size()), s.data(), s.size());
        at_ += s.size();
    }
    void comma() {
        if (afterKey_) {
            afterKey_ = false;
            return;
        }
        if (!first_) {
            room(1);
            *at_++ = ',';
        }
        first_ = false;
    }
    void string(std::string_view s);
    void escaped(std::string_view s, char* p);
    void open(char c) {
        comma();
        room(1);
        *at_++ = c;
        first_ = true;
    }
    void close(char c) {
        room(1);
        *at_++ = c;
        first_ = false;
    }

    std::string& out_;
    char* at_ = nullptr;   ///< where the next byte goes, inside out_; null when out_ is flushed
    char* end_ = nullptr;  ///< end of out_'s room
    bool first_ = true;     ///< no member or element yet in the innermost container
    bool afterKey_ = false;
};

}  // namespace cmap::io
