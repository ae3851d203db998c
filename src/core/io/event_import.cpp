#include "core/io/event_import.h"

#include <algorithm>
#include <array>
#include <charconv>
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

std::shared_ptr<model::EventTable> readEvents(const std::filesystem::path& path, const EventImportOptions& options) {
    const std::string file = path.string();
    geo::refuseRemoteName(file);
    io::requireExists(path);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw DataError(file, "is a folder, not an event table");

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
        col.date = findField(gdal, defn, {"event_date", "date", "event_day", "day", "datetime", "timestamp", "time"});
        for (int i = 0; col.date < 0 && i < gdal.OGR_FD_GetFieldCount(defn); ++i)
            if (fieldType(i) == OFTDate || fieldType(i) == OFTDateTime) col.date = i;
    }
    col.lon = findField(gdal, defn, {"longitude", "lon", "lng", "long", "x"});
    col.lat = findField(gdal, defn, {"latitude", "lat", "y"});
    col.type = findField(gdal, defn, {"event_type", "category", "type"});
    col.subType = findField(gdal, defn, {"sub_event_type"});
    col.geoPrecision = findField(gdal, defn, {"geo_precision"});
    col.timePrecision = findField(gdal, defn, {"time_precision"});
    col.source = findField(gdal, defn, {"source"});
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

    model::EventTable::Builder rows;
    // The count is what the file claims (a GeoPackage's header can say anything): reserve no more
    // than a plausible table, and let a larger one grow.
    if (GIntBig n = gdal.OGR_L_GetFeatureCount(layer, FALSE); n > 0)
        rows.reserve(static_cast<size_t>(std::min<GIntBig>(n, GIntBig{1} << 20)));
    std::vector<std::string> sources;
    std::unordered_map<std::string, uint32_t> sourceIndex;
    std::unordered_map<std::string, EventCategory> categoryOf;  // a few distinct types, millions of rows
    size_t bad = 0, firstBad = 0, ordinal = 0;
    std::string firstReason;
    gdal.OGR_L_ResetReading(layer);
    for (;;) {
        geo::GdalFeature f(gdal.OGR_L_GetNextFeature(layer), gdal.OGR_F_Destroy);
        if (std::string why = errors.failure(); !why.empty()) throw DataError(file, why);
        if (!f) break;
        ++ordinal;
        // CSV rows are named by line (the header is line 1), other formats by feature number.
        auto reject = [&](const std::string& why) {
            if (bad++ == 0) firstBad = csv ? ordinal + 1 : ordinal, firstReason = why;
        };
        model::EventRow r;
        std::optional<model::Date> date;
        if (!gdal.OGR_F_IsFieldSetAndNotNull(f.get(), col.date)) {
            reject("no date");
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
            reject(std::string("date '") + gdal.OGR_F_GetFieldAsString(f.get(), col.date) + "' is not a date");
            continue;
        }
        r.firstDay = date->firstDay();
        r.lastDay = date->lastDay();
        r.time = date->precision() == model::Precision::Day     ? EventTimePrecision::Day
                 : date->precision() == model::Precision::Month ? EventTimePrecision::Month
                                                                : EventTimePrecision::Year;
        if (col.timePrecision >= 0 && gdal.OGR_F_IsFieldSetAndNotNull(f.get(), col.timePrecision) && r.time == EventTimePrecision::Day) {
            // ACLED codes a vaguer report on one day of its span; widen it back to the span.
            int tp = gdal.OGR_F_GetFieldAsInteger(f.get(), col.timePrecision);
            if (tp == 2) r.firstDay -= 3, r.lastDay += 3, r.time = EventTimePrecision::Week;
            if (tp == 3) {
                model::Date month = date->truncated(model::Precision::Month);
                r.firstDay = month.firstDay(), r.lastDay = month.lastDay(), r.time = EventTimePrecision::Month;
            }
        }
        double lon = 0, lat = 0;
        if (fromFields) {
            auto x = parseNumber(gdal.OGR_F_GetFieldAsString(f.get(), col.lon));
            auto y = parseNumber(gdal.OGR_F_GetFieldAsString(f.get(), col.lat));
            if (!x || !y) {
                reject("longitude/latitude are not numbers");
                continue;
            }
            lon = *x, lat = *y;
        } else {
            OGRGeometryH g = gdal.OGR_F_GetGeometryRef(f.get());
            if (!g || gdal.OGR_G_IsEmpty(g) || gdal.OGR_GT_Flatten(gdal.OGR_G_GetGeometryType(g)) != wkbPoint) {
                reject("no point geometry");
                continue;
            }
            if (toWgs84 && gdal.OGR_G_Transform(g, toWgs84.get()) != OGRERR_NONE) {
                reject("cannot be reprojected to WGS 84");
                continue;
            }
            lon = gdal.OGR_G_GetX(g, 0), lat = gdal.OGR_G_GetY(g, 0);
        }
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            reject("position outside the world");
            continue;
        }
        r.lon = static_cast<float>(lon), r.lat = static_cast<float>(lat);
        if (col.geoPrecision >= 0 && gdal.OGR_F_IsFieldSetAndNotNull(f.get(), col.geoPrecision)) {
            int gp = gdal.OGR_F_GetFieldAsInteger(f.get(), col.geoPrecision);
            if (gp >= 1 && gp <= 3) r.geo = static_cast<model::EventGeoPrecision>(gp);
        }
        // The sub-event type says more (an air strike among explosions) when there is one.
        for (int c : {col.subType, col.type}) {
            if (c < 0 || !gdal.OGR_F_IsFieldSetAndNotNull(f.get(), c)) continue;
            std::string type = gdal.OGR_F_GetFieldAsString(f.get(), c);
            auto it = categoryOf.find(type);
            if (it == categoryOf.end()) it = categoryOf.emplace(type, categoryForEventType(type)).first;
            r.category = it->second;
            if (r.category != EventCategory::Other) break;
        }
        std::string source = col.source >= 0 ? gdal.OGR_F_GetFieldAsString(f.get(), col.source) : "";
        auto [it, inserted] = sourceIndex.try_emplace(source, static_cast<uint32_t>(sources.size()));
        if (inserted) sources.push_back(source);
        r.source = it->second;
        rows.add(r);
    }
    if (rows.size() == 0)
        throw DataError(file, bad ? "no usable event: " + std::to_string(bad) + " bad rows, the first at " +
                                        (csv ? "line " : "feature ") + std::to_string(firstBad) + ": " + firstReason
                                  : "holds no events");
    auto table = std::make_shared<model::EventTable>(std::move(rows).build(file, std::move(sources)));
    table->badRows = bad;
    table->firstBadLine = firstBad;
    table->firstBadReason = firstReason.empty() ? "" : (csv ? "line " : "feature ") + std::to_string(firstBad) + ": " + firstReason;
    return table;
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
