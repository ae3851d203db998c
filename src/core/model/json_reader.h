#pragma once
// Reading a workspace file's JSON: every accessor names the JSON path of a wrong value, so the
// one-line error says where (DataError naming the file). Shared by the workspace and the parts it
// is made of (annotations), so every part is validated the same way.
#include <nlohmann/json.hpp>
#include <cstdio>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/model/date.h"

namespace cmap::model {

struct JsonReader {
    std::string file;

    [[noreturn]] void fail(const std::string& where, const std::string& what) const {
        throw DataError(file, where + ": " + what);
    }
    const nlohmann::json& field(const nlohmann::json& obj, const char* key, const std::string& where) const {
        if (!obj.is_object()) fail(where, "expected an object");
        auto it = obj.find(key);
        if (it == obj.end()) fail(where + "." + key, "missing");
        return *it;
    }
    std::string str(const nlohmann::json& v, const std::string& where) const {
        if (!v.is_string()) fail(where, "expected a string");
        return v.get<std::string>();
    }
    double num(const nlohmann::json& v, const std::string& where, double lo, double hi) const {
        if (!v.is_number()) fail(where, "expected a number");
        double d = v.get<double>();
        if (!(d >= lo && d <= hi)) {
            // %g: a 1e300 in the file reads back as 1e+300, not as 301 digits.
            char text[32];
            std::snprintf(text, sizeof text, "%g", d);
            fail(where, std::string(text) + " is out of range");
        }
        return d;
    }
    bool boolean(const nlohmann::json& v, const std::string& where) const {
        if (!v.is_boolean()) fail(where, "expected true or false");
        return v.get<bool>();
    }
    std::optional<Date> date(const nlohmann::json& v, const std::string& where) const {
        if (v.is_null()) return std::nullopt;
        auto d = Date::parse(str(v, where));
        if (!d) fail(where, "'" + v.get<std::string>() + "' is not a valid date");
        return d;
    }
    /// A date range as dateRangeJson writes it, {"first", "last", "precision"}, or a single date
    /// "YYYY[-MM[-DD]]" as workspaces held before ranges (the days it covers); null is none.
    std::optional<DateRange> dateRange(const nlohmann::json& v, const std::string& where) const {
        if (v.is_null()) return std::nullopt;
        if (v.is_string()) return DateRange::of(*date(v, where));
        auto day = [&](const char* key) {
            const std::optional<Date> d = date(field(v, key, where), where + "." + key);
            if (!d || d->precision() != Precision::Day) fail(where + "." + key, "expected a day (YYYY-MM-DD)");
            return d->firstDay();
        };
        const std::string name = str(field(v, "precision", where), where + ".precision");
        const std::optional<Precision> p = precisionFromName(name);
        if (!p) fail(where + ".precision", "'" + name + "' is not day, week, month, year, decade or span");
        const DateRange r{day("first"), day("last"), *p};
        if (!r.valid()) fail(where, r.firstIso() + " to " + r.lastIso() + " is not a " + name);
        return r;
    }
    const nlohmann::json& list(const nlohmann::json& v, const std::string& where) const {
        if (!v.is_array()) fail(where, "expected a list");
        return v;
    }
};

/// {"first": "2015-09-21", "last": "2015-09-27", "precision": "week"}: what JsonReader::dateRange
/// reads. Throws nothing.
inline nlohmann::json dateRangeJson(const DateRange& r) {
    return {{"first", r.firstIso()}, {"last", r.lastIso()}, {"precision", precisionName(r.precision)}};
}

}  // namespace cmap::model
