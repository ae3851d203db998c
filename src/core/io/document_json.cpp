#include "core/io/document_json.h"

namespace cmap::io {
namespace {

using nlohmann::json;

json orNull(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

json dateJson(const std::optional<model::Date>& d) { return d ? json(d->iso()) : json(nullptr); }

json precisionJson(const std::optional<model::Date>& d) {
    if (!d) return nullptr;
    switch (d->precision()) {
    case model::Precision::Day: return "day";
    case model::Precision::Month: return "month";
    case model::Precision::Year: return "year";
    }
    return nullptr;
}

json range(const model::ByteRange& r) { return json::array({r.start, r.end}); }

}  // namespace

json documentJson(const model::Document& doc) {
    json mentions = json::array();
    for (const auto& m : doc.mentions) {
        mentions.push_back({
            {"start", m.range.start},
            {"end", m.range.end},
            {"text", m.text},
            {"name", m.place.name},
            {"kind", geo::kindName(m.place.kind)},
            {"country", m.place.country.empty() ? json(nullptr) : json(m.place.country)},
            {"lat", m.place.point.lat},
            {"lon", m.place.point.lon},
            {"geonameid", m.place.geonameid > 0 ? json(m.place.geonameid) : json(nullptr)},
            {"confidence", m.confidence},
            {"date", dateJson(m.date)},
            {"date_precision", precisionJson(m.date)},
            {"sentence", range(m.sentence)},
        });
    }
    json events = json::array();
    for (const auto& e : doc.events) {
        events.push_back({
            {"date", dateJson(e.date)},
            {"date_precision", precisionJson(e.date)},
            {"category", model::categoryName(e.category)},
            {"mentions", e.mentions},
            {"sentence", range(e.sentence)},
        });
    }
    return {
        {"file", doc.file},
        {"title", orNull(doc.meta.title)},
        {"published", dateJson(doc.meta.published)},
        {"mentions", std::move(mentions)},
        {"events", std::move(events)},
    };
}

json mentionsGeoJson(const std::vector<model::Document>& docs) {
    json features = json::array();
    for (const auto& doc : docs) {
        for (const auto& m : doc.mentions) {
            const auto& e = doc.events[m.event];
            features.push_back({
                {"type", "Feature"},
                {"geometry", {{"type", "Point"}, {"coordinates", {m.place.point.lon, m.place.point.lat}}}},
                {"properties",
                 {
                     {"file", doc.file},
                     {"title", orNull(doc.meta.title)},
                     {"source", orNull(doc.meta.source)},
                     {"text", m.text},
                     {"name", m.place.name},
                     {"kind", geo::kindName(m.place.kind)},
                     {"country", m.place.country},
                     {"geonameid", m.place.geonameid > 0 ? json(m.place.geonameid) : json(nullptr)},
                     {"confidence", m.confidence},
                     {"date", dateJson(m.date)},
                     {"date_precision", precisionJson(m.date)},
                     {"category", model::categoryName(e.category)},
                     {"start", m.range.start},
                     {"end", m.range.end},
                     {"sentence_start", m.sentence.start},
                     {"sentence_end", m.sentence.end},
                 }},
            });
        }
    }
    return {{"type", "FeatureCollection"}, {"features", std::move(features)}};
}

}  // namespace cmap::io
