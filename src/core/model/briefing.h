#pragma once
// The built-in briefing: the September 2015 Russian build-up in Syria as facts we wrote ourselves
// (places, dates, categories, one-line summaries, which article reports each), never article text.
// It is what the viewer opens with no arguments and what `export` draws without articles. When
// the seed articles are on disk the briefing links to them, down to the sentence where it can.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/gazetteer.h"
#include "core/model/date.h"
#include "core/model/document.h"
#include "core/model/slide.h"
#include "core/text/article.h"

namespace cmap::model {

/// An article the briefing cites: facts about it (file name, title, source), not its text.
struct BriefingSource {
    std::string file;  ///< file name in the seed corpus ("002_e38f60cd9cc7d4be.txt")
    std::optional<std::string> title, source, author;
    std::optional<Date> published;
};

/// One dated, categorised, geolocated fact, in our own words.
struct BriefingFact {
    std::string place;     ///< the gazetteer's name for it ("Tartus naval facility", "North Caucasus")
    geo::PlaceKind kind = geo::PlaceKind::City;
    std::string country;   ///< ISO alpha-2 that disambiguates the lookup; empty for multi-country regions
    geo::LonLat point;     ///< where it is drawn when the gazetteer is not available
    geo::BBox box;         ///< its extent then (areas); empty for points
    Date date;             ///< only as precise as the reports are
    EventCategory category = EventCategory::Other;
    std::string summary;   ///< one line
    std::vector<size_t> sources;  ///< indexes into Briefing::sources
};

struct Briefing {
    std::string title;
    std::vector<BriefingSource> sources;
    std::vector<BriefingFact> facts;
    std::vector<Slide> slides;  ///< the briefing's story, opened with it and exported by `export --slide`
};

/// The embedded briefing (assets/briefings/syria-2015.json; immutable, read once). Throws
/// std::logic_error only when that file is broken, a defect of the build.
const Briefing& builtinBriefing();

/// One source of a briefing as a Document the map draws like a geoparsed article: one event per
/// fact it reports, each with one mention.
struct BriefingDocument {
    /// file: the article's path when linked, else the source's file name. A mention's range and
    /// sentence point into the linked file where the fact was found in it; else they are empty
    /// ({0, 0}) and the mention's text is the place name.
    Document document;
    std::vector<std::string> summaries;  ///< per event of document
    size_t source = 0;                   ///< index into Briefing::sources
    std::optional<std::filesystem::path> linked;  ///< the article on disk, when found
    std::optional<text::Article> article;         ///< that article as read, when linked
};

/// Documents for every source of briefing. Places resolve through gazetteer when given (so areas
/// get their polygons), else they keep the briefing's coordinates. Articles found in corpusDir
/// (skipped when empty or missing) are read once, linked, and (with a gazetteer) geoparsed to find
/// the sentence behind each fact. A linked article that cannot be read is left unlinked with a
/// warning in the document.
/// Throws nothing for missing data; throws DataError only when the gazetteer's files fail.
std::vector<BriefingDocument> briefingDocuments(const Briefing& briefing, const geo::Gazetteer* gazetteer,
                                                const std::filesystem::path& corpusDir = {});

}  // namespace cmap::model
