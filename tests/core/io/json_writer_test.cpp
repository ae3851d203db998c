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
    auto j = nlohmann::json::parse(out);
    CHECK(j["text"] == "a \"quoted\"\\ line\nwith\ttab and \x01 and Lādhiqīyah");
    CHECK(j["n"] == -42);
    CHECK(j["x"].get<double>() == 35.53168);  // shortest round-trip form, no precision lost
    CHECK(j["nan"].is_null());
    CHECK(j["none"].is_null());
    CHECK(j["list"].dump() == "[1,{},[],true]");
}
