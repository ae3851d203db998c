#include "core/io/document_json.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace cmap;

TEST_CASE("a long article's JSON flushed in pieces is the same document as one written whole") {
    model::Document doc;
    doc.file = "long \"article\".txt";
    doc.meta.published = model::Date{2015, 9, 0};
    for (uint32_t i = 0; i < 30000; ++i) {
        model::Mention m;
        m.range = {i * 10, i * 10 + 7};
        m.text = "Latakia";
        m.place.name = "Latakia";
        m.place.country = "SY";
        m.place.point = {35.79, 35.53};
        m.date = model::DateRange::of({2015, 9, 15});
        doc.mentions.push_back(m);
    }
    doc.events.push_back({model::DateRange::of({2015, 9, 15}), model::EventCategory::Base, {0, 1, 2}, {0, 40}});

    std::string whole;
    io::appendDocumentJson(doc, whole);
    std::string pieces, buf;
    int flushes = 0;
    io::appendDocumentJson(doc, buf, [&](std::string& b) {
        pieces += b;
        b.clear();
        ++flushes;
    });
    pieces += buf;
    CHECK(flushes >= 2);  // 30,000 mentions are several megabytes
    CHECK(pieces == whole);
    auto j = nlohmann::json::parse(whole);
    CHECK(j["file"] == "long \"article\".txt");
    CHECK(j["published"] == "2015-09");
    CHECK(j["mentions"].size() == 30000);
    CHECK(j["mentions"][0]["date_precision"] == "day");
    CHECK(j["mentions"][0]["geonameid"].is_null());
    CHECK(j["events"][0]["category"] == "base");
}

TEST_CASE("every mention and event says the days its date covers: date_first and date_last") {
    model::Document doc;
    doc.file = "a.txt";
    model::Mention m;
    m.text = "Homs";
    m.date = model::DateRange::span(model::daysFromCivil(2015, 10, 3), model::daysFromCivil(2015, 10, 5));
    doc.mentions.push_back(m);
    model::Mention undated;
    undated.text = "Hama";
    doc.mentions.push_back(undated);
    doc.events.push_back({model::DateRange::decadeOf(1994), model::EventCategory::Other, {0}, {0, 10}});
    std::string out;
    io::appendDocumentJson(doc, out);
    auto j = nlohmann::json::parse(out);
    const auto& span = j["mentions"][0];
    CHECK(span["date"] == "2015-10");  // the month that holds it, as before
    CHECK(span["date_precision"] == "span");
    CHECK(span["date_first"] == "2015-10-03");
    CHECK(span["date_last"] == "2015-10-05");
    CHECK(j["mentions"][1]["date"].is_null());
    CHECK(j["mentions"][1]["date_first"].is_null());
    CHECK(j["mentions"][1]["date_last"].is_null());
    CHECK(j["events"][0]["date_precision"] == "decade");
    CHECK(j["events"][0]["date_first"] == "1990-01-01");
    CHECK(j["events"][0]["date_last"] == "1999-12-31");

    std::string features;
    io::appendMentionFeatures(doc, features, true);
    auto g = nlohmann::json::parse("[" + features + "]");
    CHECK(g[0]["properties"]["date_first"] == "2015-10-03");
    CHECK(g[0]["properties"]["date_last"] == "2015-10-05");
    CHECK(g[0]["properties"]["date_precision"] == "span");
}
