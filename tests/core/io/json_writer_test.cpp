#include "core/io/json_writer.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using cmap::io::JsonWriter;

TEST_CASE("JsonWriter writes valid, escaped JSON that a parser reads back") {
    std::string out;
    JsonWriter w(out);
    w.beginObject();
    w.key("text"), w.value("a \"quoted\"\\ line\nwith\ttab and \x01 and Lādhiqīyah");
    w.key("n"), w.value(int64_t{-42});
    w.key("x"), w.value(35.53168);
    w.key("nan"), w.value(std::nan(""));
    w.key("none"), w.null();
    w.key("list");
    w.beginArray();
    w.value(uint32_t{1});
    w.beginObject();
    w.endObject();
    w.beginArray();
    w.endArray();
    w.value(true);
    w.endArray();
    w.endObject();
    w.flush();
    CHECK(out.back() == '}');  // the string ends where the JSON does
    auto j = nlohmann::json::parse(out);
    CHECK(j["text"] == "a \"quoted\"\\ line\nwith\ttab and \x01 and Lādhiqīyah");
    CHECK(j["n"] == -42);
    CHECK(j["x"].get<double>() == 35.53168);  // shortest round-trip form, no precision lost
    CHECK(j["nan"].is_null());
    CHECK(j["none"].is_null());
    CHECK(j["list"].dump() == "[1,{},[],true]");
}

TEST_CASE("JsonWriter goes on after its string is flushed and emptied, and takes long strings") {
    std::string out, pieces;
    const std::string longText(10000, 'x');
    {
        JsonWriter w(out);
        w.beginArray();
        for (int i = 0; i < 300; ++i) {
            w.value(longText);
            if (w.size() > 50000) {  // as a caller streaming a long article does
                w.flush();
                pieces += out;
                out.clear();
            }
        }
        w.endArray();
    }  // the destructor flushes the rest
    pieces += out;
    auto j = nlohmann::json::parse(pieces);
    REQUIRE(j.size() == 300);
    CHECK(j[299] == longText);
}
