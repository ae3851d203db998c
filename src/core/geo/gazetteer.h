#pragma once
// The gazetteer: every named place of the geodata layers in one normalized-name index.
// Built from FeatureSets loaded through GDAL and the curated alias/demonym tables; a binary
// cache, mapped into memory, makes later start-ups nearly free. Immutable after load, safe to
// share across threads.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/feature_set.h"
#include "core/geo/lonlat.h"

namespace cmap::geo {

enum class PlaceKind : uint8_t { Country, Admin1, Region, City, Poi, Water, Admin2 };
inline constexpr size_t kPlaceKindCount = 7;

/// "country", "admin1", "region", "city", "poi", "water", "admin2".
std::string_view kindName(PlaceKind kind);
std::optional<PlaceKind> parseKind(std::string_view name);

/// The gazetteer layers of a geodata folder, in the order their places are numbered. Admin2 (second-
/// order divisions: districts, counties, raions) has points and boxes, no polygons, and may be
/// absent from an older folder.
enum class Layer : uint8_t { Places, Admin0, Admin1, Regions, Facilities, Admin2 };
inline constexpr std::string_view kLayerNames[] = {"places", "admin0", "admin1", "regions", "facilities", "admin2"};

/// One gazetteer entry. Plain data with fixed-size fields so the cache can store it as is.
struct Place {
    uint32_t nameOffset = 0;  ///< into the gazetteer's string arena; use Gazetteer::name()
    uint32_t feature = 0;     ///< index of the feature in its layer
    int64_t geonameid = 0;    ///< 0 when none
    int64_t population = 0;   ///< 0 when unknown; an estimate where populationEstimated
    LonLat point;             ///< representative point (inside the polygon for areas)
    float box[4] = {0, 0, 0, 0};  ///< minLon, minLat, maxLon, maxLat
    /// GeoNames admin2 code, numbered by the gazetteer (equal numbers are equal codes within one
    /// gazetteer); 0 when none. A town's, a district's, and a province's that is one GeoNames
    /// district (geodata/build_geodata.py matches Natural Earth's units to GeoNames codes).
    uint32_t admin2 = 0;
    PlaceKind kind = PlaceKind::City;
    Layer layer = Layer::Places;
    char country[2] = {0, 0};  ///< ISO 3166-1 alpha-2, zeros when none
    char featureCode[6] = {};  ///< GeoNames feature code (PPLC, PPLA, ...), NUL-padded
    char admin1[8] = {};       ///< GeoNames admin1 code, NUL-padded; empty when unknown (GeoNames' "00" too)
    /// GeoNames gives no population for this seat of government, and population is the median
    /// of its country's seats of the same level (Gazetteer::load): a place of unknown size is
    /// not a village. A byte, 0 or 1, not a bool: places are read from the cache as bytes, and a
    /// damaged one must not hold an impossible bool.
    uint8_t populationEstimated = 0;
    /// What would be padding, named so that it is zero: places are written to the cache as
    /// bytes, and padding would carry whatever the memory held.
    char unused[1] = {};

    std::string_view countryCode() const { return {country, country[0] ? 2u : 0u}; }
    std::string_view fcode() const;
    BBox bbox() const { return {box[0], box[1], box[2], box[3]}; }
    bool isArea() const { return layer == Layer::Admin0 || layer == Layer::Admin1 || layer == Layer::Regions; }
};

/// Whether a place lies in a first- or second-order division (Admin1, Admin2) of its country: by
/// their GeoNames codes where both carry them (exact, whatever the boxes do: Missouri's box holds
/// Springfield, Illinois), else by the division's box. Throws nothing.
inline bool inDivision(const Place& p, const Place& division) {
    if (p.country[0] != division.country[0] || p.country[1] != division.country[1] || !p.country[0]) return false;
    if (p.admin1[0] && division.admin1[0]) {
        uint64_t a, b;  // the codes as one word each: no string to make on the geoparser's hot path
        std::memcpy(&a, p.admin1, sizeof a);
        std::memcpy(&b, division.admin1, sizeof b);
        if (a != b) return false;
        if (!division.admin2) return true;  // a province that is one GeoNames admin1 unit
        if (p.admin2) return p.admin2 == division.admin2;
    }
    return division.bbox().contains(p.point);
}

/// How a name reached a place; better names rank higher. Division: a second-order division's name
/// without its designator ("Tartus" of "Tartus District"), which names it only with one after it
/// ("Tartus district"); alone, the same words mean the town.
enum class NameKind : uint8_t { Preferred = 0, Alias = 1, Demonym = 2, Alternate = 3, Division = 4 };

struct Posting {
    uint32_t place;
    NameKind how;
    uint8_t unused[3] = {};  ///< zero, as Place::unused

    friend bool operator==(const Posting&, const Posting&) = default;
};
// Written as bytes (the cache): no padding the named fields leave unset.
static_assert(sizeof(Place) == offsetof(Place, unused) + sizeof(Place::unused));
static_assert(sizeof(Posting) == offsetof(Posting, unused) + sizeof(Posting::unused));

struct Candidate {
    uint32_t place;
    NameKind how;
    double score;  ///< higher is better; comparable within one lookup
};

struct GazetteerOptions {
    /// Where the binary cache lives; empty disables it. Default: $XDG_CACHE_HOME/conflictmap.
    std::filesystem::path cacheDir = defaultCacheDir();
    static std::filesystem::path defaultCacheDir();
};

class Gazetteer {
public:
    /// Loads the geodata folder (places, admin0, admin1, regions, facilities shapefiles with
    /// their *_names.csv side tables, aliases.csv, demonyms.csv). Throws DataError naming the
    /// file that is missing, truncated or of the wrong shape.
    static std::shared_ptr<const Gazetteer> load(const std::filesystem::path& dir, const GazetteerOptions& opt = {});

    /// Ranked candidates for a name as a user types it (normalized here), best first.
    std::vector<Candidate> lookup(std::string_view name, size_t limit = 10) const;
    /// All postings of an already-normalized key (see normalizeName); empty when unknown.
    std::span<const Posting> postings(std::string_view normalizedKey) const;
    /// The same, with hashKey(normalizedKey) already at hand (the geoparser grows keys a word
    /// at a time and continues the hash with hashMore).
    std::span<const Posting> postings(std::string_view normalizedKey, uint64_t hash) const;
    /// The postings of every name whose looseKey() is that of this already-normalized key, for
    /// when the exact key finds nothing: "kafranbel" finds Kafr Nubl. Guarded only against
    /// English words ("crowds" is no spelling of Qardaha): callers decide which of them a
    /// spelling this loose may mean. Empty when the key has no loose key.
    std::vector<Posting> loosePostings(std::string_view normalizedKey) const;
    /// False when no multi-word name starts with this normalized key followed by a space:
    /// extending it by another word cannot find anything. May say true wrongly, never false.
    bool mayStartLongerName(uint64_t hashWithTrailingSpace) const;
    /// Whether an already-normalized key is also an ordinary English word (common_words.txt).
    bool isCommonWord(std::string_view normalizedKey) const;
    /// Context-free prior of a candidate: kind, population, capital status, name quality.
    double prior(const Posting& p) const;

    const Place& place(uint32_t id) const { return places_[id]; }
    size_t placeCount() const { return places_.size(); }
    size_t nameCount() const { return keyOffset_.empty() ? 0 : keyOffset_.size() - 1; }
    std::string_view name(uint32_t id) const;
    /// The country entry (admin0) for an ISO alpha-2 code.
    std::optional<uint32_t> countryPlace(std::string_view iso2) const;

    /// The polygons of an area layer, loaded on first use (geoparsing never needs them); for the
    /// admin2 layer, its points.
    /// Throws DataError when the file changed into something unreadable since the index was built.
    FeatureSetPtr polygons(Layer layer) const;
    /// Whether an area place covers p; for points, whether p is within km of it; for a second-order
    /// division, whether p is in the box of its places (or within km of it).
    bool covers(uint32_t place, LonLat p, double km = 0) const;

    const std::filesystem::path& dir() const { return dir_; }
    /// Problems with curated rows that were skipped (an alias whose target does not exist, ...).
    const std::vector<std::string>& warnings() const { return warnings_; }
    bool fromCache() const { return fromCache_; }

    Gazetteer() = default;

private:
    friend class GazetteerBuilder;
    friend struct GazetteerCache;

    std::filesystem::path dir_;
    // The tables below are views: into GazetteerTables when the index was just built, into the
    // mapped cache file otherwise. storage_ keeps whichever it is alive.
    std::shared_ptr<const void> storage_;
    std::span<const Place> places_;
    std::string_view strings_;  ///< place names, NUL-separated
    // Index: key k is keys_[keyOffset_[k], keyOffset_[k+1]); its postings are
    // postings_[postStart_[k], postStart_[k+1]); slots_ is an open-addressing table of
    // slotEntry(k, hash of key k), 0 for an empty slot.
    std::string_view keys_;
    std::span<const uint32_t> keyOffset_;
    std::span<const uint32_t> postStart_;
    std::span<const Posting> postings_;
    std::span<const uint64_t> slots_;
    std::span<const uint8_t> commonWord_;  ///< per key: 1 when the key is an ordinary English word
    /// A Bloom filter of every key (two bits each, from the key's hash): most probes the
    /// geoparser makes are misses ("The Russian", "Monday"), and this small table answers them
    /// without touching the large one.
    std::span<const uint64_t> bloom_;
    std::span<const uint64_t> prefixBloom_;  ///< "north ", "north caucasus " for "north caucasus federal district"
    // The loose index (see looseKey): loose key j is looseKeys_[looseOffset_[j], looseOffset_[j+1]),
    // naming the exact keys looseTargets_[looseStart_[j], looseStart_[j+1]); looseSlots_ as slots_.
    std::string_view looseKeys_;
    std::span<const uint32_t> looseOffset_;
    std::span<const uint32_t> looseStart_;
    std::span<const uint32_t> looseTargets_;
    std::span<const uint64_t> looseSlots_;
    std::span<const uint64_t> looseBloom_;
    /// Sorted hashKey() of the English words (common_words.txt) that are no name but whose loose
    /// key is a name's: loosePostings finds nothing for them.
    std::span<const uint64_t> looseWords_;
    std::vector<std::string> warnings_;
    bool fromCache_ = false;

    mutable std::mutex polygonMutex_;
    mutable FeatureSetPtr polygons_[std::size(kLayerNames)];

    static constexpr uint32_t kNone = ~0u;
    std::array<uint32_t, 26 * 26> countryIndex_{};  ///< ISO alpha-2 -> admin0 place

    std::optional<uint32_t> findKey(std::string_view key) const;
    std::optional<uint32_t> findKey(std::string_view key, uint64_t hash) const;
    void indexCountries();
};

using GazetteerPtr = std::shared_ptr<const Gazetteer>;

/// A slot of the name index: key k + 1 in the low half (never 0, so 0 marks an empty slot),
/// the high half of its hash in the high half.
constexpr uint64_t slotEntry(uint32_t k, uint64_t hash) { return (hash & ~uint64_t{0xffffffff}) | (uint64_t{k} + 1); }
constexpr uint32_t slotKey(uint64_t entry) { return static_cast<uint32_t>(entry & 0xffffffff) - 1; }

/// 64-bit FNV-1a; the index and its cache both use it, so it is part of the cache format.
uint64_t hashKey(std::string_view key);
/// Continues hashKey over more bytes: hashMore(hashKey(a), b) == hashKey(a + b).
uint64_t hashMore(uint64_t hash, std::string_view more);

}  // namespace cmap::geo
