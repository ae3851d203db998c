#include "core/io/document_json.h"

#include <algorithm>

#include "core/io/json_writer.h"

namespace cmap::io {
namespace {

// `date` and `date_precision` as before intervals existed (a span's `date` is the month or year
// that holds it), then the inclusive days `date_first` and `date_last` that say exactly when.
// The members of the last date are kept and copied while the date stays: an event and its
// mentions carry one date, and a long text's sentences often the same one.
class DateWriter {
public:
    void write(JsonWriter& w, const std::optional<model::DateRange>& d) {
        if (!written_ || d != last_) {
            json_.clear();
            if (d) {
                json_ += "\"date\":\"";
                d->date().appendIso(json_);
                json_ += "\",\"date_precision\":\"";
                json_ += model::precisionName(d->precision);
                json_ += "\",\"date_first\":\"";
                model::Date::fromDays(d->first).appendIso(json_);
                json_ += "\",\"date_last\":\"";
                model::Date::fromDays(d->last).appendIso(json_);
                json_ += '"';
            } else {
                json_ = "\"date\":null,\"date_precision\":null,\"date_first\":null,\"date_last\":null";
            }
            last_ = d;
            written_ = true;
        }
        w.members(json_);
    }

private:
    std::optional<model::DateRange> last_;
    bool written_ = false;
    std::string json_;
};

void range(JsonWriter& w, const model::ByteRange& r) {
    w.beginArray();
    w.value(r.start);
    w.value(r.end);
    w.endArray();
}

void place(JsonWriter& w, const model::ResolvedPlace& p) {
    w.key("name"), w.value(p.name);
    w.key("kind"), w.value(geo::kindName(p.kind));
    w.key("country");
    if (p.country.empty()) w.null();
    else w.value(p.country);
}

std::optional<int64_t> geonameid(const model::ResolvedPlace& p) {
    return p.geonameid > 0 ? std::optional<int64_t>(p.geonameid) : std::nullopt;
}

}  // namespace

void appendDocumentJson(const model::Document& doc, std::string& out, const std::function<void(std::string&)>& flush) {
    constexpr size_t kFlushBytes = 1 << 20;
    JsonWriter w(out);
    DateWriter date;
    auto maybeFlush = [&] {
        if (!flush || w.size() < kFlushBytes) return;
        w.flush();
        flush(out);
    };
    w.beginObject();
    w.key("file"), w.value(doc.file);
    w.key("title"), w.value(doc.meta.title);
    w.key("published");
    if (doc.meta.published) w.value(doc.meta.published->iso());
    else w.null();
    w.key("mentions");
    w.beginArray();
    for (const auto& m : doc.mentions) {
        w.beginObject();
        w.key("start"), w.value(m.range.start);
        w.key("end"), w.value(m.range.end);
        w.key("text"), w.value(m.text);
        place(w, m.place);
        w.key("lat"), w.value(m.place.point.lat);
        w.key("lon"), w.value(m.place.point.lon);
        w.key("geonameid"), w.value(geonameid(m.place));
        w.key("confidence"), w.value(m.confidence);
        date.write(w, m.date);
        w.key("sentence"), range(w, m.sentence);
        w.key("role"), w.value(model::roleName(m.role));
        w.endObject();
        maybeFlush();
    }
    w.endArray();
    w.key("events");
    w.beginArray();
    for (const auto& e : doc.events) {
        w.beginObject();
        date.write(w, e.date);
        w.key("category"), w.value(model::categoryName(e.category));
        w.key("mentions");
        w.beginArray();
        for (uint32_t i : e.mentions) w.value(i);
        w.endArray();
        w.key("sentence"), range(w, e.sentence);
        w.endObject();
        maybeFlush();
    }
    w.endArray();
    w.endObject();
}

bool appendMentionFeatures(const model::Document& doc, std::string& out, bool first) {
    // Features are dots on a map: a dateline is none (see model::MentionRole).
    auto drawn = [](const model::Mention& m) { return m.role != model::MentionRole::Dateline; };
    if (std::none_of(doc.mentions.begin(), doc.mentions.end(), drawn)) return false;
    if (!first) out.push_back(',');
    JsonWriter w(out);  // one writer for all: it puts the commas between the features
    DateWriter date;
    for (const auto& m : doc.mentions) {
        if (!drawn(m)) continue;
        w.beginObject();
        w.key("type"), w.value("Feature");
        w.key("geometry");
        w.beginObject();
        w.key("type"), w.value("Point");
        w.key("coordinates");
        w.beginArray();
        w.value(m.place.point.lon);
        w.value(m.place.point.lat);
        w.endArray();
        w.endObject();
        w.key("properties");
        w.beginObject();
        w.key("file"), w.value(doc.file);
        w.key("title"), w.value(doc.meta.title);
        w.key("source"), w.value(doc.meta.source);
        w.key("text"), w.value(m.text);
        place(w, m.place);
        w.key("geonameid"), w.value(geonameid(m.place));
        w.key("confidence"), w.value(m.confidence);
        date.write(w, m.date);
        w.key("category"), w.value(model::categoryName(doc.events[m.event].category));
        w.key("start"), w.value(m.range.start);
        w.key("end"), w.value(m.range.end);
        w.key("sentence_start"), w.value(m.sentence.start);
        w.key("sentence_end"), w.value(m.sentence.end);
        w.endObject();
        w.endObject();
    }
    return true;
}

}  // namespace cmap::io
