#include "core/io/event_import.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <climits>
#include <cstdlib>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <cmath>
#include <optional>
#include <unordered_map>

#include "core/error.h"
#include "core/geo/gdal_library.h"
#include "core/geo/gdal_setup.h"
#include "core/geo/vector_source.h"
#include "core/io/csv_records.h"
#include "core/io/file_checks.h"

namespace cmap::io {
namespace {

using model::EventCategory;
using model::EventTimePrecision;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool has(const std::string& s, std::string_view word) { return s.find(word) != std::string::npos; }

int findField(const geo::GdalLibrary& gdal, OGRFeatureDefnH defn, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
        for (int i = 0; i < gdal.OGR_FD_GetFieldCount(defn); ++i)
            if (lower(gdal.OGR_Fld_GetNameRef(gdal.OGR_FD_GetFieldDefn(defn, i))) == n) return i;
    return -1;
}

std::optional<int> parseInt(std::string_view s) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<double> parseNumber(const char* s) {
    char* end = nullptr;
    double v = std::strtod(s, &end);
    if (end == s || *end != '\0' || !std::isfinite(v)) return std::nullopt;
    return v;
}

// A date as datasets write it: ISO (2020-03-15, 2020-03, 2020, or a timestamp starting with a
// day) or ACLED's "15 March 2020" (also "15-Mar-2020").
std::optional<model::Date> parseDate(std::string_view s) {
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.size() > 10 && s[4] == '-' && (s[10] == 'T' || s[10] == ' ')) s = s.substr(0, 10);
    if (auto d = model::Date::parse(s)) return d;
    static constexpr std::array<std::string_view, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};
    size_t a = s.find_first_of(" -"), b = s.find_last_of(" -");
    if (a == std::string_view::npos || a == b) return std::nullopt;
    auto day = parseInt(s.substr(0, a));
    auto year = parseInt(s.substr(b + 1));
    std::string month = lower(s.substr(a + 1, b - a - 1));
    if (!day || !year || month.size() < 3) return std::nullopt;
    for (size_t m = 0; m < 12; ++m) {
        if (month.compare(0, 3, kMonths[m]) != 0) continue;
        model::Date d{*year, static_cast<int>(m) + 1, *day};
        return d.valid() && (*year >= 1000) ? std::optional(d) : std::nullopt;
    }
    return std::nullopt;
}

struct Columns {
    int date = -1, lon = -1, lat = -1, type = -1, subType = -1, geoPrecision = -1, timePrecision = -1, source = -1;

    /// The columns beyond the date and the position, by the names both readers look for;
    /// find(names) is the index of the first of names among the file's fields, -1 for none.
    template <class Find>
    void findDetails(Find&& find) {
        type = find({"event_type", "category", "type"});
        subType = find({"sub_event_type"});
        geoPrecision = find({"geo_precision"});
        timePrecision = find({"time_precision"});
        source = find({"source"});
    }
};

}  // namespace

EventCategory categoryForEventType(std::string_view type) {
    const std::string t = lower(type);
    if (auto named = model::parseCategory(t)) return *named;
    if (has(t, "air") && (has(t, "strike") || has(t, "drone"))) return EventCategory::Airstrike;
    if (has(t, "headquarters") || has(t, "base ") || t.ends_with("base")) return EventCategory::Base;
    if (has(t, "deploy") || has(t, "troop")) return EventCategory::Deployment;
    if (has(t, "agreement") || has(t, "meeting") || has(t, "negotiat") || has(t, "ceasefire")) return EventCategory::Meeting;
    if (has(t, "statement") || has(t, "announce")) return EventCategory::Statement;
    if (has(t, "battle") || has(t, "clash") || has(t, "attack") || has(t, "explosion") || has(t, "remote violence") ||
        has(t, "shelling") || has(t, "violence") || has(t, "grenade") || has(t, "bomb") || has(t, "abduction"))
        return EventCategory::Attack;
    return EventCategory::Other;
}

namespace {

// A field's text as an error message quotes it: one line, at most 40 bytes (cut at a character's
// start): a quote left open in a file makes a field of megabytes, and the message is one line.
std::string fieldInMessage(std::string_view field) {
    constexpr size_t kMax = 40;
    size_t end = std::min(field.size(), kMax);
    while (end < field.size() && end > 0 && (static_cast<unsigned char>(field[end]) & 0xC0) == 0x80) --end;
    std::string out = "'";
    for (char c : field.substr(0, end)) out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    return out + (end < field.size() ? "...'" : "'");
}

// What both readers do with a row once they have its fields: the date's span and precision, the
// category, the source, the rows skipped; and the table at the end.
class Collector {
public:
    explicit Collector(bool csv) : csv_(csv) {}
    model::EventTable::Builder rows;
    size_t ordinal = 0;  ///< rows (features) read so far, the current one included

    void reject(const std::string& why) {
        // CSV rows are named by line (the header is line 1), other formats by feature number.
        if (bad_++ == 0) firstBad_ = csv_ ? ordinal + 1 : ordinal, firstReason_ = why;
    }
    /// The date's days; timePrecision is ACLED's code when the row has one.
    static void date(model::EventRow& r, const model::Date& date, std::optional<int> timePrecision) {
        r.firstDay = date.firstDay();
        r.lastDay = date.lastDay();
        r.time = date.precision() == model::Precision::Day     ? EventTimePrecision::Day
                 : date.precision() == model::Precision::Month ? EventTimePrecision::Month
                                                               : EventTimePrecision::Year;
        if (timePrecision && r.time == EventTimePrecision::Day) {
            // ACLED codes a vaguer report on one day of its span; widen it back to the span.
            if (*timePrecision == 2) r.firstDay -= 3, r.lastDay += 3, r.time = EventTimePrecision::Week;
            if (*timePrecision == 3) {
                model::Date month = date.truncated(model::Precision::Month);
                r.firstDay = month.firstDay(), r.lastDay = month.lastDay(), r.time = EventTimePrecision::Month;
            }
        }
    }
    /// The row with its date and position set: the rest, then into the table. types: the
    /// sub-event type's and the event type's text where the row has them.
    void add(model::EventRow& r, std::optional<int> geoPrecision, const std::array<std::optional<std::string>, 2>& types,
             const std::string& source) {
        if (geoPrecision && *geoPrecision >= 1 && *geoPrecision <= 3) r.geo = static_cast<model::EventGeoPrecision>(*geoPrecision);
        // The sub-event type says more (an air strike among explosions) when there is one.
        for (const auto& type : types) {
            if (!type) continue;
            auto it = categoryOf_.find(*type);
            if (it == categoryOf_.end()) it = categoryOf_.emplace(*type, categoryForEventType(*type)).first;
            r.category = it->second;
            if (r.category != EventCategory::Other) break;
        }
        auto [it, inserted] = sourceIndex_.try_emplace(source, static_cast<uint32_t>(sources_.size()));
        if (inserted) sources_.push_back(source);
        r.source = it->second;
        rows.add(r);
    }
    std::shared_ptr<model::EventTable> table(const std::string& file) && {
        if (rows.size() == 0)
            throw DataError(file, bad_ ? "no usable event: " + std::to_string(bad_) + " bad rows, the first at " +
                                             (csv_ ? "line " : "feature ") + std::to_string(firstBad_) + ": " + firstReason_
                                       : "holds no events");
        auto table = std::make_shared<model::EventTable>(std::move(rows).build(file, std::move(sources_)));
        table->badRows = bad_;
        table->firstBadLine = firstBad_;
        table->firstBadReason =
            firstReason_.empty() ? "" : (csv_ ? "line " : "feature ") + std::to_string(firstBad_) + ": " + firstReason_;
        return table;
    }

private:
    bool csv_;
    std::vector<std::string> sources_;
    std::unordered_map<std::string, uint32_t> sourceIndex_;
    std::unordered_map<std::string, EventCategory> categoryOf_;  // a few distinct types, millions of rows
    size_t bad_ = 0, firstBad_ = 0;
    std::string firstReason_;
};

const std::initializer_list<std::string_view> kDateNames{"event_date", "date", "event_day", "day", "datetime", "timestamp", "time"};
const std::initializer_list<std::string_view> kLonNames{"longitude", "lon", "lng", "long", "x"};
const std::initializer_list<std::string_view> kLatNames{"latitude", "lat", "y"};

// The first of names (in their order) among a header's fields; -1 when none is.
int findName(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
        for (size_t i = 0; i < header.size(); ++i)
            if (lower(header[i]) == n) return static_cast<int>(i);
    return -1;
}

// GDAL's reading of an integer field held as text (atoi).
int integerOf(const std::string& text) {
    long v = std::strtol(text.c_str(), nullptr, 10);
    return static_cast<int>(std::clamp<long>(v, INT_MIN, INT_MAX));
}

// A comma-separated table read as GDAL's CSV driver reads it when it has no .csvt types: every
// field text, a short row's missing fields unset. Null when the file is one GDAL should read: not
// a .csv, typed by a .csvt, another separator, or a header that does not name a date and both
// coordinates (GDAL then says what is missing, or finds what this reader does not look for).
std::shared_ptr<model::EventTable> readCommaSeparated(const std::filesystem::path& path, const std::string& file,
                                                      const EventImportOptions& options) {
    if (lower(path.extension().string()) != ".csv") return nullptr;
    std::error_code ec;
    for (const char* types : {".csvt", ".CSVT"})
        if (std::filesystem::exists(std::filesystem::path(path).replace_extension(types), ec)) return nullptr;
    CsvRecords records(path);
    const std::string& first = records.firstLine();
    if (first.find(',') == std::string::npos || first.find_first_of(";\t|") != std::string::npos) return nullptr;
    std::vector<std::string> header, fields;
    if (!records.next(header)) return nullptr;
    for (const std::string& name : header)
        if (name.empty() || std::isspace(static_cast<unsigned char>(name.front())) ||
            std::isspace(static_cast<unsigned char>(name.back())))
            return nullptr;  // GDAL names or trims these its own way
    Columns col;
    if (!options.dateField.empty()) {
        for (size_t i = 0; i < header.size() && col.date < 0; ++i)
            if (lower(header[i]) == lower(options.dateField)) col.date = static_cast<int>(i);
    } else {
        col.date = findName(header, kDateNames);
    }
    col.lon = findName(header, kLonNames);
    col.lat = findName(header, kLatNames);
    if (col.date < 0 || col.lon < 0 || col.lat < 0) return nullptr;
    col.findDetails([&](std::initializer_list<std::string_view> names) { return findName(header, names); });

    Collector rows(true);
    // As for GDAL's count below: no more than a plausible table (a file of blank lines has many).
    rows.rows.reserve(std::min(countLines(path), size_t{1} << 20));
    auto has = [&](int c) { return c >= 0 && static_cast<size_t>(c) < fields.size(); };
    static const std::string kUnset;
    auto text = [&](int c) -> const std::string& { return has(c) ? fields[static_cast<size_t>(c)] : kUnset; };
    while (records.next(fields)) {
        ++rows.ordinal;
        if (!has(col.date)) {
            rows.reject("no date");
            continue;
        }
        std::optional<model::Date> date = parseDate(text(col.date));
        if (!date) {
            rows.reject("date " + fieldInMessage(text(col.date)) + " is not a date");
            continue;
        }
        model::EventRow r;
        Collector::date(r, *date, has(col.timePrecision) ? std::optional(integerOf(text(col.timePrecision))) : std::nullopt);
        auto x = parseNumber(text(col.lon).c_str());
        auto y = parseNumber(text(col.lat).c_str());
        if (!x || !y) {
            rows.reject("longitude/latitude are not numbers");
            continue;
        }
        if (!(*x >= -180 && *x <= 180 && *y >= -90 && *y <= 90)) {
            rows.reject("position outside the world");
            continue;
        }
        r.lon = static_cast<float>(*x), r.lat = static_cast<float>(*y);
        std::array<std::optional<std::string>, 2> types;
        if (has(col.subType)) types[0] = text(col.subType);
        if (has(col.type)) types[1] = text(col.type);
        rows.add(r, has(col.geoPrecision) ? std::optional(integerOf(text(col.geoPrecision))) : std::nullopt, types,
                 text(col.source));
    }
    return std::move(rows).table(file);
}

std::shared_ptr<model::EventTable> readEvents(const std::filesystem::path& path, const EventImportOptions& options) {
    const std::string file = path.string();
    geo::refuseRemoteName(file);
    io::requireExists(path);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw DataError(file, "is a folder, not an event table");
    if (auto table = readCommaSeparated(path, file, options)) return table;

    const geo::GdalLibrary& gdal = geo::gdalLibrary(file);
    geo::QuietGdalErrors errors(gdal);
    geo::GdalDataset ds(gdal.GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr),
                        gdal.GDALClose);
    if (!ds || gdal.GDALDatasetGetLayerCount(ds.get()) == 0) {
        std::string why = errors.failure();
        throw DataError(file, "not an event table (" + (why.empty() ? std::string("no readable vector layer") : why) + ")");
    }
    OGRLayerH layer = gdal.GDALDatasetGetLayer(ds.get(), 0);
    OGRFeatureDefnH defn = gdal.OGR_L_GetLayerDefn(layer);
    // A remote source refused on the way (a crs link) leaves the file open but not as written.
    if (std::string why = errors.failure(); !why.empty()) throw DataError(file, why);
    const bool csv = lower(gdal.GDALGetDriverShortName(gdal.GDALGetDatasetDriver(ds.get()))) == "csv";
    auto fieldType = [&](int i) { return gdal.OGR_Fld_GetType(gdal.OGR_FD_GetFieldDefn(defn, i)); };

    Columns col;
    if (!options.dateField.empty()) {
        col.date = gdal.OGR_FD_GetFieldIndex(defn, options.dateField.c_str());
        if (col.date < 0) throw DataError(file, "has no field named '" + options.dateField + "' (--date-field)");
    } else {
        col.date = findField(gdal, defn, kDateNames);
        for (int i = 0; col.date < 0 && i < gdal.OGR_FD_GetFieldCount(defn); ++i)
            if (fieldType(i) == OFTDate || fieldType(i) == OFTDateTime) col.date = i;
    }
    col.lon = findField(gdal, defn, kLonNames);
    col.lat = findField(gdal, defn, kLatNames);
    col.findDetails([&](std::initializer_list<std::string_view> names) { return findField(gdal, defn, names); });
    const OGRwkbGeometryType geomType = gdal.OGR_L_GetGeomType(layer);
    const bool pointGeometry = gdal.OGR_GT_Flatten(geomType) == wkbPoint || (geomType == wkbUnknown && !csv);
    if (col.date < 0)
        throw DataError(file, "not an event table: no date field (event_date, date, a Date-typed field, or --date-field NAME)");
    if ((col.lon < 0 || col.lat < 0) && !pointGeometry)
        throw DataError(file, "not an event table: no longitude/latitude fields and no point geometry");
    const bool fromFields = col.lon >= 0 && col.lat >= 0;

    // Longitude/latitude columns are taken as WGS 84 whatever the geometry's system is.
    const geo::GdalTransformation toWgs84 =
        geo::transformationToWgs84(gdal, fromFields ? nullptr : gdal.OGR_L_GetSpatialRef(layer), file);
    const bool dateTyped = fieldType(col.date) == OFTDate || fieldType(col.date) == OFTDateTime;

    Collector rows(csv);
    // The count is what the file claims (a GeoPackage's header can say anything): reserve no more
    // than a plausible table, and let a larger one grow.
    if (GIntBig n = gdal.OGR_L_GetFeatureCount(layer, FALSE); n > 0)
        rows.rows.reserve(static_cast<size_t>(std::min<GIntBig>(n, GIntBig{1} << 20)));
    gdal.OGR_L_ResetReading(layer);
    for (;;) {
        geo::GdalFeature f(gdal.OGR_L_GetNextFeature(layer), gdal.OGR_F_Destroy);
        if (std::string why = errors.failure(); !why.empty()) throw DataError(file, why);
        if (!f) break;
        ++rows.ordinal;
        auto set = [&](int c) { return c >= 0 && gdal.OGR_F_IsFieldSetAndNotNull(f.get(), c); };
        model::EventRow r;
        std::optional<model::Date> date;
        if (!set(col.date)) {
            rows.reject("no date");
            continue;
        }
        if (dateTyped) {
            int y = 0, m = 0, d = 0, h, mi, tz;
            float s;
            if (gdal.OGR_F_GetFieldAsDateTimeEx(f.get(), col.date, &y, &m, &d, &h, &mi, &s, &tz)) date = model::Date{y, m, d};
            if (date && !date->valid()) date.reset();
        } else {
            date = parseDate(gdal.OGR_F_GetFieldAsString(f.get(), col.date));
        }
        if (!date) {
            rows.reject("date " + fieldInMessage(gdal.OGR_F_GetFieldAsString(f.get(), col.date)) + " is not a date");
            continue;
        }
        Collector::date(r, *date,
                        set(col.timePrecision) ? std::optional(gdal.OGR_F_GetFieldAsInteger(f.get(), col.timePrecision))
                                               : std::nullopt);
        double lon = 0, lat = 0;
        if (fromFields) {
            auto x = parseNumber(gdal.OGR_F_GetFieldAsString(f.get(), col.lon));
            auto y = parseNumber(gdal.OGR_F_GetFieldAsString(f.get(), col.lat));
            if (!x || !y) {
                rows.reject("longitude/latitude are not numbers");
                continue;
            }
            lon = *x, lat = *y;
        } else {
            OGRGeometryH g = gdal.OGR_F_GetGeometryRef(f.get());
            if (!g || gdal.OGR_G_IsEmpty(g) || gdal.OGR_GT_Flatten(gdal.OGR_G_GetGeometryType(g)) != wkbPoint) {
                rows.reject("no point geometry");
                continue;
            }
            if (toWgs84 && gdal.OGR_G_Transform(g, toWgs84.get()) != OGRERR_NONE) {
                rows.reject("cannot be reprojected to WGS 84");
                continue;
            }
            lon = gdal.OGR_G_GetX(g, 0), lat = gdal.OGR_G_GetY(g, 0);
        }
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            rows.reject("position outside the world");
            continue;
        }
        r.lon = static_cast<float>(lon), r.lat = static_cast<float>(lat);
        std::array<std::optional<std::string>, 2> types;
        if (set(col.subType)) types[0] = gdal.OGR_F_GetFieldAsString(f.get(), col.subType);
        if (set(col.type)) types[1] = gdal.OGR_F_GetFieldAsString(f.get(), col.type);
        rows.add(r, set(col.geoPrecision) ? std::optional(gdal.OGR_F_GetFieldAsInteger(f.get(), col.geoPrecision)) : std::nullopt,
                 types, col.source >= 0 ? gdal.OGR_F_GetFieldAsString(f.get(), col.source) : "");
    }
    return std::move(rows).table(file);
}

}  // namespace

std::shared_ptr<model::EventTable> importEvents(const std::filesystem::path& path, const EventImportOptions& options) {
    std::shared_ptr<model::EventTable> table = readEvents(path, options);
#ifdef __GLIBC__
    // What the import freed (GDAL's features, the sort's order and column copies: megabytes each
    // for a million rows) stays in the allocator's arenas, in use by nothing, unless handed back.
    malloc_trim(0);
#endif
    return table;
}

}  // namespace cmap::io
