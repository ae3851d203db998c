#pragma once
// What geoparsing one article produces: mentions of places, each resolved, dated and traceable
// to its sentence, and sentence-level events. Offsets are byte offsets into the file as read.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/gazetteer.h"
#include "core/model/date.h"

namespace cmap::model {

/// Where a mention was resolved to: a copy of the gazetteer entry, so a document outlives the
/// gazetteer it was made with and a correction can place a mention anywhere.
struct ResolvedPlace {
    std::string name;
    geo::PlaceKind kind = geo::PlaceKind::City;
    std::string country;  ///< ISO alpha-2 or empty
    geo::LonLat point;
    geo::BBox box;
    int64_t geonameid = 0;
    geo::Layer layer = geo::Layer::Places;
    uint32_t feature = 0;     ///< polygon feature in its layer, for areas
    uint32_t gazetteerId = 0;  ///< valid for the gazetteer the document was made with
    friend bool operator==(const ResolvedPlace&, const ResolvedPlace&) = default;
};

/// A copy of gazetteer entry id as a document stores it. Throws nothing for a valid id.
ResolvedPlace resolvedPlace(const geo::Gazetteer& gazetteer, uint32_t id);

struct ByteRange {
    uint32_t start = 0;
    uint32_t end = 0;
    friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

/// What a mention is in its article. A dateline ("ALEPPO, Syria (AP) --") says where the report
/// was filed: context for reading the rest, not a place where something happened, so it belongs to
/// no event and is not drawn on the map.
enum class MentionRole : uint8_t { Text, Dateline };

/// "text", "dateline".
std::string_view roleName(MentionRole r);

/// Mention::event of a mention that belongs to no event (a dateline).
inline constexpr uint32_t kNoEvent = ~0u;

struct Mention {
    ByteRange range;      ///< in the file
    std::string text;     ///< the bytes of the file at range
    ResolvedPlace place;
    double confidence = 0;  ///< 0..1
    std::optional<DateRange> date;  ///< its sentence's, else the article's publication date
    ByteRange sentence;   ///< in the file
    uint32_t event = 0;   ///< index into Document::events, or kNoEvent
    MentionRole role = MentionRole::Text;
};

enum class EventCategory : uint8_t { Deployment, Base, Airstrike, Attack, Meeting, Statement, Other };
inline constexpr size_t kEventCategoryCount = 7;

/// "deployment", "base", "airstrike", "attack", "meeting", "statement", "other".
std::string_view categoryName(EventCategory c);
/// The category categoryName names; nullopt for any other text. Throws nothing.
std::optional<EventCategory> parseCategory(std::string_view name);

struct Event {
    std::optional<DateRange> date;
    EventCategory category = EventCategory::Other;
    std::vector<uint32_t> mentions;  ///< indexes into Document::mentions
    ByteRange sentence;
};

struct DocumentMeta {
    std::optional<std::string> title, source, author;
    std::optional<Date> published;
};

struct Document {
    std::string file;
    DocumentMeta meta;
    std::vector<Mention> mentions;  ///< in text order
    std::vector<Event> events;      ///< in text order
    std::vector<std::string> warnings;
};

/// Keeps the mentions whose keep[i] is set, in order, renumbering the events' mention lists.
/// Returns each old mention's new index, or kDropped. Throws nothing but std::bad_alloc.
inline constexpr uint32_t kDropped = ~0u;
std::vector<uint32_t> keepMentions(Document& doc, const std::vector<uint8_t>& keep);

/// Drops the mentions the geoparser was less sure of than minConfidence (the threshold a user
/// set for the map, applied to what `export-data` writes). Throws nothing but std::bad_alloc.
void dropMentionsBelow(Document& doc, double minConfidence);

}  // namespace cmap::model
