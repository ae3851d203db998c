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
    /// The key of the next object member: a name of ours, written as is (no escaping).
    void key(std::string_view k);

    void value(std::string_view s);
    void value(const char* s) { value(std::string_view(s)); }
    void value(double d);
    void value(int64_t i);
    void value(uint32_t i) { value(static_cast<int64_t>(i)); }
    void value(bool b);
    void null();
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
    void comma();
    void string(std::string_view s);
    void open(char c);
    void close(char c);

    std::string& out_;
    char* at_ = nullptr;   ///< where the next byte goes, inside out_; null when out_ is flushed
    char* end_ = nullptr;  ///< end of out_'s room
    bool first_ = true;     ///< no member or element yet in the innermost container
    bool afterKey_ = false;
};

}  // namespace cmap::io
