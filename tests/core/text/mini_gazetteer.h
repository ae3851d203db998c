#pragma once
// The mini geodata folder written for a test and its gazetteer, for the geoparser's tests.
#include <optional>
#include <string>

#include "core/geo/gazetteer.h"
#include "core/text/geoparse.h"
#include "geo/test_geodata.h"

namespace cmap::test {

struct MiniGazetteer {
    TempDir data, cache;
    geo::GazetteerPtr gaz;
    MiniGazetteer() {
        writeMiniGeodata(data.path);
        gaz = geo::Gazetteer::load(data.path, {cache.path});
    }

    /// text geoparsed as an article "t.txt" published on published.
    model::Document parse(std::string text, std::optional<model::Date> published = {},
                          text::Format format = text::Format::Text) const {
        text::ArticleMeta meta;
        meta.published = published;
        return text::geoparse(text::makeArticle("t.txt", std::move(text), format, meta), *gaz);
    }
};

/// One mini gazetteer for the tests that only read it (built once per test binary).
inline const MiniGazetteer& miniGazetteer() {
    static const MiniGazetteer g;
    return g;
}

/// What of a resolved place a mention summary shows after its name.
enum class Shown { Kind, Country, KindAndCountry };

/// "text=Name/kind/CC" (or with only the kind, or only the country) for each mention, joined by "; ".
inline std::string mentionSummary(const model::Document& d, Shown shown) {
    std::string s;
    for (const auto& m : d.mentions) {
        if (!s.empty()) s += "; ";
        s += m.text + "=" + m.place.name;
        if (shown != Shown::Country) s += "/" + std::string(geo::kindName(m.place.kind));
        if (shown != Shown::Kind) s += "/" + m.place.country;
    }
    return s;
}

}  // namespace cmap::test
