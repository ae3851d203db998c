#pragma once
// Appends JSON text to a string without building a document tree: geoparse output for a 37 MB
// input is hundreds of thousands of objects, and a tree of them costs more than the parsing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cmap::io {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

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
    void comma();
    void string(std::string_view s);
    void open(char c);
    void close(char c);

    std::string& out_;
    bool first_ = true;     ///< no member or element yet in the innermost container
    bool afterKey_ = false;
};

}  // namespace cmap::io
