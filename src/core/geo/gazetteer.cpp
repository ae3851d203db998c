#include "core/geo/gazetteer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <unordered_map>

#include "core/error.h"
#include "core/geo/gazetteer_cache.h"
#include "core/geo/normalize.h"
#include "core/geo/vector_source.h"
#include "core/log.h"

namespace cmap::geo {

namespace {

// Bits of a Bloom filter over n keys: at least 8 a key, so that about a quarter of the bits are
// set and a miss passes for a hit once in twenty (two bits a key). A fixed 2^20 bits, right for
// the 350,000 names of cities1000, let half of all misses through with the 650,000 of cities500,
// each then a probe of the multi-megabyte slot table. At least 128 KiB, a power of two.
size_t bloomBits(size_t n) {
    size_t bits = size_t{1} << 20;
    while (bits < 8 * n) bits <<= 1;
    return bits;
}
constexpr std::string_view kKindNames[] = {"country", "admin1", "region", "city", "poi", "water", "admin2"};
static_assert(std::size(kKindNames) == kPlaceKindCount);

struct LayerSpec {
    Layer layer;
    GeometryKind geometry;
    PlaceKind defaultKind;
};
constexpr LayerSpec kLayers[] = {
    {Layer::Places, GeometryKind::Point, PlaceKind::City},
    {Layer::Admin0, GeometryKind::Polygon, PlaceKind::Country},
    {Layer::Admin1, GeometryKind::Polygon, PlaceKind::Admin1},
    {Layer::Regions, GeometryKind::Polygon, PlaceKind::Region},
    {Layer::Facilities, GeometryKind::Point, PlaceKind::Poi},
    {Layer::Admin2, GeometryKind::Point, PlaceKind::Admin2},
};

int64_t toInt(std::string_view s) {
    if (s.empty()) return 0;
    return std::strtoll(std::string(s).c_str(), nullptr, 10);
}

template <size_t N>
void copyPadded(char (&dst)[N], std::string_view src) {
    std::memset(dst, 0, N);
    std::memcpy(dst, src.data(), std::min(N, src.size()));
}

// The filter's size is read from the table (a power of two), not assumed: the cache stores it.
bool bloomHas(std::span<const uint64_t> b, uint64_t h) {
    const uint64_t mask = b.size() * 64 - 1;
    uint64_t x = (h >> 20) & mask, y = (h >> 40) & mask;
    return (b[x >> 6] >> (x & 63) & 1) && (b[y >> 6] >> (y & 63) & 1);
}

void bloomAdd(std::vector<uint64_t>& b, uint64_t h) {
    const uint64_t mask = b.size() * 64 - 1;
    uint64_t x = (h >> 20) & mask, y = (h >> 40) & mask;
    b[x >> 6] |= 1ull << (x & 63);
    b[y >> 6] |= 1ull << (y & 63);
}

// A normalized name with the differences of romanizations folded: word breaks, doubled letters,
// ou/u, ee/i and y/i ("douma" and "duma", "kostyantynivka" and "kostiantynivka" meet).
std::string variantKey(std::string_view key) {
    std::string out;
    for (size_t i = 0; i < key.size(); ++i) {
        char c = key[i];
        if (c == ' ' || c == '-') continue;
        if (c == 'y') c = 'i';
        if ((c == 'o' && i + 1 < key.size() && key[i + 1] == 'u') || (c == 'e' && i + 1 < key.size() && key[i + 1] == 'e')) {
            c = c == 'o' ? 'u' : 'i';
            ++i;
        }
        if (!out.empty() && out.back() == c) continue;
        out.push_back(c);
    }
    return out;
}

// Which of a place's names under one key it keeps: a curated alias first (it says what the word
// means, "Washington" the capital, whose GeoNames name is "Washington" too), then its own name.
int nameRank(NameKind how) { return how == NameKind::Alias ? -1 : static_cast<int>(how); }

}  // namespace

std::string_view kindName(PlaceKind kind) { return kKindNames[static_cast<size_t>(kind)]; }

std::optional<PlaceKind> parseKind(std::string_view name) {
    for (size_t i = 0; i < std::size(kKindNames); ++i)
        if (kKindNames[i] == name) return static_cast<PlaceKind>(i);
    return std::nullopt;
}

std::string_view Place::fcode() const { return {featureCode, strnlen(featureCode, sizeof featureCode)}; }

uint64_t hashMore(uint64_t h, std::string_view more) {
    for (char c : more) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

uint64_t hashKey(std::string_view key) { return hashMore(1469598103934665603ull, key); }

std::filesystem::path GazetteerOptions::defaultCacheDir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "conflictmap";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".cache" / "conflictmap";
    return {};
}

/// The index tables as GazetteerBuilder makes them; the gazetteer views them (see storage_).
struct GazetteerTables {
    std::vector<Place> places;
    std::string strings;
    std::string keys;
    std::vector<uint32_t> keyOffset{0};
    std::vector<uint32_t> postStart{0};
    std::vector<Posting> postings;
    std::vector<uint64_t> slots;
    std::vector<uint8_t> commonWord;
    std::vector<uint64_t> bloom, prefixBloom;
    std::string looseKeys;
    std::vector<uint32_t> looseOffset{0}, looseStart{0}, looseTargets;
    std::vector<uint64_t> looseSlots, looseBloom;
    std::vector<uint64_t> looseWords;  ///< sorted hashKey of the English words the loose index would take
};

namespace {

// The open-addressing table of a sorted key list, as Gazetteer::slots_ and looseSlots_ use.
std::vector<uint64_t> slotTable(std::string_view keys, const std::vector<uint32_t>& offset) {
    const size_t nKeys = offset.size() - 1;
    size_t cap = 16;
    while (cap < nKeys * 2) cap <<= 1;
    std::vector<uint64_t> slots(cap, 0);
    for (uint32_t k = 0; k < nKeys; ++k) {
        const uint64_t h = hashKey(keys.substr(offset[k], offset[k + 1] - offset[k]));
        size_t slot = h & (cap - 1);
        while (slots[slot]) slot = (slot + 1) & (cap - 1);
        slots[slot] = slotEntry(k, h);
    }
    return slots;
}

// Key k of a table (slots over keys cut at offsets), or none. Entries are checked as they are
// read: the tables may be a damaged cache's.
std::optional<uint32_t> findIn(std::span<const uint64_t> slots, std::string_view keys, std::span<const uint32_t> offset,
                               std::string_view key, uint64_t h) {
    if (slots.empty()) return std::nullopt;
    const size_t mask = slots.size() - 1;
    const uint64_t fingerprint = slotEntry(0, h) & ~uint64_t{0xffffffff};
    // At most one round of the table: a damaged cache may have no empty slot to stop at.
    for (size_t slot = h & mask, probes = 0; probes < slots.size(); slot = (slot + 1) & mask, ++probes) {
        const uint64_t e = slots[slot];
        if (!e) return std::nullopt;
        // Only an entry with the same high hash bits can be the key: the others are passed by
        // without reading their offsets and bytes, each a cache miss in tables of megabytes.
        if ((e & ~uint64_t{0xffffffff}) != fingerprint) continue;
        const size_t k = slotKey(e);
        if (k + 1 >= offset.size()) continue;
        const uint32_t from = offset[k], to = offset[k + 1];
        if (from <= to && to <= keys.size() && to - from == key.size() &&
            std::memcmp(keys.data() + from, key.data(), key.size()) == 0)
            return static_cast<uint32_t>(k);
    }
    return std::nullopt;
}

}  // namespace

// Collects places and names, then freezes them into the sorted index.
class GazetteerBuilder {
public:
    GazetteerBuilder(Gazetteer& g, GazetteerTables& t) : g_(g), t_(t) {}

    void loadLayer(const LayerSpec& spec) {
        const std::string layerName(kLayerNames[static_cast<size_t>(spec.layer)]);
        const auto shp = g_.dir_ / (layerName + ".shp");
        // Folders built before second-order divisions were added have none; they still load.
        if (spec.layer == Layer::Admin2 && !std::filesystem::exists(shp)) return;
        for (const char* ext : {".shp", ".shx", ".dbf"}) {
            auto part = g_.dir_ / (layerName + ext);
            if (!std::filesystem::exists(part))
                throw DataError(part.string(), "no such file (a shapefile needs its .shp, .shx and .dbf)");
        }
        FeatureSetPtr fs = loadVector(shp);
        if (fs->featureCount() > 0 && fs->kind != spec.geometry)
            throw DataError(shp.string(), "has " + std::string(geometryName(fs->kind)) + ", expected " +
                                              std::string(geometryName(spec.geometry)));
        auto fId = fs->field("id"), fName = fs->field("name");
        if (!fId || !fName) throw DataError(shp.string(), std::string("missing the '") + (fId ? "name" : "id") + "' field");
        auto fKind = fs->field("kind"), fCountry = fs->field("country"), fPop = fs->field("pop"),
             fGeo = fs->field("geonameid"), fCode = fs->field("fcode"), fAdmin1 = fs->field("admin1"),
             fAdmin2 = fs->field("admin2"),
             fLabelLat = fs->field("label_lat"), fLabelLon = fs->field("label_lon");
        // A second-order division is a point with the box of its places beside it.
        auto fBox = std::array{fs->field("min_lon"), fs->field("min_lat"), fs->field("max_lon"), fs->field("max_lat")};
        const bool boxed = std::all_of(fBox.begin(), fBox.end(), [](const auto& f) { return f.has_value(); });
        auto fCores = fs->field("cores");

        auto& ids = idMaps_[static_cast<size_t>(spec.layer)];
        for (size_t f = 0; f < fs->featureCount(); ++f) {
            Place p;
            p.layer = spec.layer;
            p.feature = static_cast<uint32_t>(f);
            p.kind = spec.defaultKind;
            if (fKind) {
                if (auto k = parseKind(fs->attr(f, *fKind))) p.kind = *k;
            }
            if (fCountry) copyPadded(p.country, fs->attr(f, *fCountry).substr(0, 2));
            if (p.country[0] && !std::isupper(static_cast<unsigned char>(p.country[0]))) std::memset(p.country, 0, 2);
            if (fPop) p.population = toInt(fs->attr(f, *fPop));
            if (fGeo) p.geonameid = toInt(fs->attr(f, *fGeo));
            if (fCode) copyPadded(p.featureCode, fs->attr(f, *fCode));
            // "00" is GeoNames' "no admin1 unit": no code, so the division's box decides.
            if (fAdmin1 && fs->attr(f, *fAdmin1) != "00") copyPadded(p.admin1, fs->attr(f, *fAdmin1));
            if (fAdmin2) p.admin2 = admin2Number(fs->attr(f, *fAdmin2));
            BBox b = fs->featureBox[f];
            if (b.empty()) continue;  // a feature without geometry cannot be placed on a map
            p.box[0] = static_cast<float>(b.minLon), p.box[1] = static_cast<float>(b.minLat);
            p.box[2] = static_cast<float>(b.maxLon), p.box[3] = static_cast<float>(b.maxLat);
            p.point = fs->representativePoint(f);
            if (boxed)
                for (size_t k = 0; k < 4; ++k)
                    if (auto v = fs->attr(f, *fBox[k]); !v.empty()) p.box[k] = std::strtof(std::string(v).c_str(), nullptr);
            // A curated reference centre wins over the computed one (see geodata/label_points.csv).
            if (fLabelLat && fLabelLon && !fs->attr(f, *fLabelLat).empty() && !fs->attr(f, *fLabelLon).empty())
                p.point = {std::strtod(std::string(fs->attr(f, *fLabelLon)).c_str(), nullptr),
                           std::strtod(std::string(fs->attr(f, *fLabelLat)).c_str(), nullptr)};
            std::string_view name = fs->attr(f, *fName);
            p.nameOffset = static_cast<uint32_t>(t_.strings.size());
            t_.strings.append(name);
            t_.strings.push_back('\0');
            auto id = static_cast<uint32_t>(t_.places.size());
            t_.places.push_back(p);
            ids.emplace(toInt(fs->attr(f, *fId)), id);
            if (p.geonameid) byGeonameid_.emplace(p.geonameid, id);
            addName(name, id, NameKind::Preferred);
            // "Tartus" of "Tartus District", "Kramatorsk" of "Kramatorskyi Raion" (;-separated).
            if (fCores) {
                std::string_view cores = fs->attr(f, *fCores);
                while (!cores.empty()) {
                    const size_t cut = std::min(cores.find(';'), cores.size());
                    addName(cores.substr(0, cut), id, NameKind::Division);
                    cores.remove_prefix(std::min(cut + 1, cores.size()));
                }
            }
        }
        if (spec.layer == Layer::Places) {
            // asciiname is a cheap, reliable alternate (e.g. without diacritics).
            if (auto fAscii = fs->field("asciiname"))
                for (size_t f = 0; f < fs->featureCount(); ++f)
                    if (auto it = ids.find(toInt(fs->attr(f, *fId))); it != ids.end())
                        addName(fs->attr(f, *fAscii), it->second, NameKind::Alternate);
        }

        // Side names of the curated layers are our own aliases; those of GeoNames and Natural
        // Earth include historical and machine-made forms, so they rank lower.
        const auto side = g_.dir_ / (layerName + "_names.csv");
        const bool curated = spec.layer == Layer::Admin0 || spec.layer == Layer::Regions || spec.layer == Layer::Facilities;
        if (std::filesystem::exists(side))
            loadSideNames(side, ids, curated ? NameKind::Alias : NameKind::Alternate, spec.layer == Layer::Places);
    }

    // variants: a place's alternate that differs from its own name only as romanizations do ("Douma" beside
    // GeoNames' "Dūmā", "Kostyantynivka" beside "Kostiantynivka") is the same name in another
    // romanization, not a historical or foreign one: it counts as the name. GeoNames moves a
    // town's main name between romanizations from one release to the next.
    void loadSideNames(const std::filesystem::path& csv, const std::unordered_map<int64_t, uint32_t>& ids, NameKind how,
                       bool variants = false) {
        FeatureSetPtr t = loadVector(csv);
        auto fId = t->field("id"), fName = t->field("name");
        if (!fId || !fName) throw DataError(csv.string(), "expected the columns id,name");
        std::string key;
        for (size_t r = 0; r < t->featureCount(); ++r) {
            auto it = ids.find(toInt(t->attr(r, *fId)));
            if (it == ids.end()) continue;
            NameKind kind = how;
            if (variants) {
                key.clear();
                appendNormalized(t->attr(r, *fName), key);
                // Five letters at least: shorter names differ by too little to call one a variant.
                const std::string own = variantKey(normalizeName(t_.strings.data() + t_.places[it->second].nameOffset));
                if (key.size() >= 5 && variantKey(key) == own) kind = NameKind::Preferred;
            }
            addName(t->attr(r, *fName), it->second, kind);
        }
    }

    // aliases.csv / demonyms.csv: NAME,kind,country,geonameid,name -> an existing entry.
    void loadCurated(const std::string& file, NameKind how) {
        const auto path = g_.dir_ / file;
        if (!std::filesystem::exists(path)) throw DataError(path.string(), "no such file");
        FeatureSetPtr t = loadVector(path);
        if (t->fieldNames.size() < 5) throw DataError(path.string(), "expected 5 columns: NAME,kind,country,geonameid,name");
        auto fKind = t->field("kind"), fCountry = t->field("country"), fGeo = t->field("geonameid"),
             fTarget = t->field("name");
        if (!fKind || !fCountry || !fGeo || !fTarget)
            throw DataError(path.string(), "expected the columns kind,country,geonameid,name");
        for (size_t r = 0; r < t->featureCount(); ++r) {
            std::string_view alias = t->attr(r, 0), target = t->attr(r, *fTarget);
            auto target_id = resolveTarget(toInt(t->attr(r, *fGeo)), target, parseKind(t->attr(r, *fKind)),
                                           t->attr(r, *fCountry));
            if (!target_id) {
                g_.warnings_.push_back(path.filename().string() + ": row " + std::to_string(r + 2) + ": no entry '" +
                                       std::string(target) + "' for '" + std::string(alias) + "'");
                continue;
            }
            addName(alias, *target_id, how);
        }
    }

    void freeze() {
        // Sort (key, place) pairs so equal keys are adjacent; keep the best name kind per place.
        std::sort(entries_.begin(), entries_.end(), [&](const Entry& a, const Entry& b) {
            if (a.hash != b.hash) return a.hash < b.hash;
            int c = key(a).compare(key(b));
            if (c != 0) return c < 0;
            if (a.post.place != b.post.place) return a.post.place < b.post.place;
            return nameRank(a.post.how) < nameRank(b.post.how);
        });
        for (size_t i = 0; i < entries_.size();) {
            size_t j = i;
            t_.keys.append(key(entries_[i]));
            while (j < entries_.size() && entries_[j].hash == entries_[i].hash && key(entries_[j]) == key(entries_[i])) {
                if (j == i || entries_[j].post.place != entries_[j - 1].post.place) t_.postings.push_back(entries_[j].post);
                ++j;
            }
            t_.keyOffset.push_back(static_cast<uint32_t>(t_.keys.size()));
            t_.postStart.push_back(static_cast<uint32_t>(t_.postings.size()));
            i = j;
        }
        t_.slots = slotTable(t_.keys, t_.keyOffset);
        freezeLoose();
        entries_.clear();
        entries_.shrink_to_fit();
        arena_.clear();
        arena_.shrink_to_fit();
    }

private:
    // Every exact key under its loose key, so a spelling the exact index misses can find it.
    void freezeLoose() {
        struct Loose {
            std::string key;
            uint32_t target;
        };
        std::vector<Loose> loose;
        for (uint32_t k = 0; k + 1 < t_.keyOffset.size(); ++k) {
            std::string l = looseKey(std::string_view(t_.keys).substr(t_.keyOffset[k], t_.keyOffset[k + 1] - t_.keyOffset[k]));
            if (!l.empty()) loose.push_back({std::move(l), k});
        }
        std::sort(loose.begin(), loose.end(),
                  [](const Loose& a, const Loose& b) { return a.key != b.key ? a.key < b.key : a.target < b.target; });
        for (size_t i = 0; i < loose.size(); ++i) {
            if (i == 0 || loose[i].key != loose[i - 1].key) {
                if (i > 0) t_.looseStart.push_back(static_cast<uint32_t>(t_.looseTargets.size()));
                t_.looseKeys.append(loose[i].key);
                t_.looseOffset.push_back(static_cast<uint32_t>(t_.looseKeys.size()));
            }
            t_.looseTargets.push_back(loose[i].target);
        }
        if (!loose.empty()) t_.looseStart.push_back(static_cast<uint32_t>(t_.looseTargets.size()));
        t_.looseSlots = slotTable(t_.looseKeys, t_.looseOffset);
        // Most words tried loosely are no name at all: the filter answers them from the L2 cache.
        t_.looseBloom.assign(bloomBits(t_.looseOffset.size() - 1) / 64, 0);
        for (size_t j = 0; j + 1 < t_.looseOffset.size(); ++j)
            bloomAdd(t_.looseBloom, hashKey(std::string_view(t_.looseKeys).substr(t_.looseOffset[j], t_.looseOffset[j + 1] - t_.looseOffset[j])));
    }

    struct Entry {
        uint64_t hash;
        uint32_t off, len;
        Posting post;
    };
    std::string_view key(const Entry& e) const { return {arena_.data() + e.off, e.len}; }

    void addName(std::string_view name, uint32_t place, NameKind how) {
        auto off = arena_.size();
        appendNormalized(name, arena_);
        auto len = arena_.size() - off;
        if (len == 0) return;
        entries_.push_back({hashKey(std::string_view(arena_.data() + off, len)), static_cast<uint32_t>(off),
                            static_cast<uint32_t>(len), {place, how}});
    }

    std::optional<uint32_t> resolveTarget(int64_t geonameid, std::string_view name, std::optional<PlaceKind> kind,
                                          std::string_view country) {
        if (geonameid) {
            if (auto it = byGeonameid_.find(geonameid); it != byGeonameid_.end()) return it->second;
        }
        const std::string key = normalizeName(name);
        std::optional<uint32_t> best;
        for (const Entry& e : entries_) {  // curated tables are small; a linear scan is fine here
            if (e.post.how != NameKind::Preferred || e.len != key.size() || this->key(e) != key) continue;
            const Place& p = t_.places[e.post.place];
            if (kind && p.kind != *kind) continue;
            if (!country.empty() && p.countryCode() != country) continue;
            if (!best || p.population > t_.places[*best].population) best = e.post.place;
        }
        return best;
    }

    // A GeoNames admin2 code as a small number (Place::admin2), the same for every layer; 0 for none.
    uint32_t admin2Number(std::string_view code) {
        if (code.empty() || code == "00") return 0;
        return admin2Codes_.try_emplace(std::string(code), static_cast<uint32_t>(admin2Codes_.size() + 1)).first->second;
    }

    Gazetteer& g_;
    GazetteerTables& t_;
    std::unordered_map<std::string, uint32_t> admin2Codes_;
    std::string arena_;
    std::vector<Entry> entries_;
    std::unordered_map<int64_t, uint32_t> idMaps_[5];
    std::unordered_map<int64_t, uint32_t> byGeonameid_;

    friend class Gazetteer;

public:
    void loadAll() {
        for (const auto& spec : kLayers) loadLayer(spec);
        estimateSeatPopulations();
        // Curated names resolve against the preferred names, so they come after every layer.
        loadCurated("aliases.csv", NameKind::Alias);
        loadCurated("demonyms.csv", NameKind::Demonym);
        freeze();
        buildBloom();
        t_.commonWord.assign(t_.keyOffset.size() - 1, 0);
        view();
        markCommonWords();  // looks keys up: after view()
    }

    /// GeoNames gives no population for some seats of government (Tall Afar, Al-Qamishli and
    /// Khanaqin have 0: unknown), and a town of unknown size would be read as a village, meant
    /// only near the story's other places. Such a seat counts as the median of the known
    /// populations of its country's seats of the same level (PPLA2: district seats), or, where
    /// the country has fewer than five known, of all the world's seats of that level; not for
    /// the lowest levels (PPLA3, PPLA4), whose world medians (1,400 to 1,600 people) say nothing.
    void estimateSeatPopulations() {
        constexpr size_t kMinKnown = 5;
        auto seat = [](const Place& p) {
            const std::string_view c = p.fcode();
            return p.kind == PlaceKind::City && (c == "PPLC" || c == "PPLA" || c == "PPLA2" || c == "PPLA3" || c == "PPLA4" || c == "PPLG");
        };
        auto key = [](const Place& p, bool national) {
            return std::string(p.fcode()) + (national ? std::string(p.countryCode()) : std::string());
        };
        std::unordered_map<std::string, std::vector<int64_t>> known;
        for (const Place& p : t_.places)
            if (seat(p) && p.population > 0)
                for (const bool national : {true, false}) known[key(p, national)].push_back(p.population);
        auto median = [](std::vector<int64_t>& v) {
            std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
            return v[v.size() / 2];
        };
        std::unordered_map<std::string, int64_t> medians;
        for (auto& [k, v] : known)
            if (v.size() >= kMinKnown) medians[k] = median(v);
        for (Place& p : t_.places) {
            if (!seat(p) || p.population > 0) continue;
            auto m = medians.find(key(p, true));
            const std::string_view c = p.fcode();
            if (m == medians.end() && c != "PPLA3" && c != "PPLA4") m = medians.find(key(p, false));
            if (m == medians.end()) continue;
            p.population = m->second;
            p.populationEstimated = 1;
        }
    }

    /// Points the gazetteer at the tables.
    void view() {
        g_.places_ = t_.places, g_.strings_ = t_.strings, g_.keys_ = t_.keys, g_.keyOffset_ = t_.keyOffset;
        g_.postStart_ = t_.postStart, g_.postings_ = t_.postings, g_.slots_ = t_.slots, g_.commonWord_ = t_.commonWord;
        g_.bloom_ = t_.bloom, g_.prefixBloom_ = t_.prefixBloom;
        g_.looseKeys_ = t_.looseKeys, g_.looseOffset_ = t_.looseOffset, g_.looseStart_ = t_.looseStart;
        g_.looseTargets_ = t_.looseTargets, g_.looseSlots_ = t_.looseSlots, g_.looseBloom_ = t_.looseBloom;
        g_.looseWords_ = t_.looseWords;
    }

    void buildBloom() {
        t_.bloom.assign(bloomBits(t_.keyOffset.size() - 1) / 64, 0);
        // Sized by the prefixes, not the keys: most names are one word, and a filter that fits
        // the cache is asked after nearly every word of an article.
        t_.prefixBloom.assign(bloomBits(static_cast<size_t>(std::count(t_.keys.begin(), t_.keys.end(), ' '))) / 64, 0);
        for (size_t k = 0; k + 1 < t_.keyOffset.size(); ++k) {
            std::string_view key(t_.keys.data() + t_.keyOffset[k], t_.keyOffset[k + 1] - t_.keyOffset[k]);
            // One pass gives the key's hash and, at each space, the hash of the prefix up to it.
            uint64_t h = hashKey({});
            for (char c : key) {
                h = hashMore(h, std::string_view(&c, 1));
                if (c == ' ') bloomAdd(t_.prefixBloom, h);
            }
            bloomAdd(t_.bloom, h);
        }
    }

    // Optional: a geodata folder without the word list simply has no key marked.
    void markCommonWords() {
        const auto path = g_.dir_ / "common_words.txt";
        std::ifstream in(path);
        if (!in) return;
        std::string line, key;
        while (std::getline(in, line)) {
            key.clear();
            appendNormalized(line, key);
            if (auto k = g_.findKey(key)) t_.commonWord[*k] = 1;
            // "Crowds" folds like Qardaha and "chamber" like some village: a word of the
            // language is that word, not a loose spelling of a name.
            else if (!g_.loosePostings(key).empty()) t_.looseWords.push_back(hashKey(key));
        }
        std::sort(t_.looseWords.begin(), t_.looseWords.end());
        t_.looseWords.erase(std::unique(t_.looseWords.begin(), t_.looseWords.end()), t_.looseWords.end());
        g_.looseWords_ = t_.looseWords;
    }
};

std::shared_ptr<const Gazetteer> Gazetteer::load(const std::filesystem::path& dir, const GazetteerOptions& opt) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) throw DataError(dir.string(), "no such geodata folder");
    auto g = std::make_shared<Gazetteer>();
    g->dir_ = dir;

    const auto sources = GazetteerCache::sources(dir);
    const auto cacheFile = GazetteerCache::file(opt.cacheDir, dir);
    if (!cacheFile.empty() && GazetteerCache::read(cacheFile, sources, *g)) {
        g->fromCache_ = true;
        return g;
    }
    auto tables = std::make_shared<GazetteerTables>();
    GazetteerBuilder(*g, *tables).loadAll();
    g->storage_ = std::move(tables);
    g->indexCountries();
    if (!cacheFile.empty()) GazetteerCache::write(cacheFile, sources, *g);
    return g;
}

bool Gazetteer::mayStartLongerName(uint64_t hashWithTrailingSpace) const {
    return prefixBloom_.empty() || bloomHas(prefixBloom_, hashWithTrailingSpace);
}

std::span<const Posting> Gazetteer::postings(std::string_view normalizedKey, uint64_t hash) const {
    auto k = findKey(normalizedKey, hash);
    if (!k) return {};
    // Entries of the mapped cache are checked where they are read, not at load (a start would
    // read every table): a damaged one gives no candidates.
    const uint32_t from = postStart_[*k], to = postStart_[*k + 1];
    if (from > to || to > postings_.size()) return {};
    const std::span<const Posting> found = postings_.subspan(from, to - from);
    for (const Posting& p : found)
        if (p.place >= places_.size()) return {};
    return found;
}

std::span<const Posting> Gazetteer::postings(std::string_view normalizedKey) const {
    return postings(normalizedKey, hashKey(normalizedKey));
}

std::optional<uint32_t> Gazetteer::findKey(std::string_view key) const { return findKey(key, hashKey(key)); }

std::optional<uint32_t> Gazetteer::findKey(std::string_view key, uint64_t h) const {
    if (!bloom_.empty() && !bloomHas(bloom_, h)) return std::nullopt;
    return findIn(slots_, keys_, keyOffset_, key, h);
}

std::vector<Posting> Gazetteer::loosePostings(std::string_view normalizedKey) const {
    std::vector<Posting> out;
    const std::string loose = looseKey(normalizedKey);
    if (loose.empty() || std::binary_search(looseWords_.begin(), looseWords_.end(), hashKey(normalizedKey))) return out;
    const uint64_t h = hashKey(loose);
    if (!looseBloom_.empty() && !bloomHas(looseBloom_, h)) return out;
    auto j = findIn(looseSlots_, looseKeys_, looseOffset_, loose, h);
    if (!j || *j + 1 >= looseStart_.size()) return out;
    const uint32_t from = looseStart_[*j], to = looseStart_[*j + 1];
    if (from > to || to > looseTargets_.size()) return out;
    for (uint32_t t = from; t < to; ++t) {
        const uint32_t k = looseTargets_[t];
        if (k + 1 >= postStart_.size()) return {};
        const uint32_t pFrom = postStart_[k], pTo = postStart_[k + 1];
        if (pFrom > pTo || pTo > postings_.size()) return {};
        for (const Posting& p : postings_.subspan(pFrom, pTo - pFrom)) {
            if (p.place >= places_.size()) return {};
            out.push_back(p);
        }
    }
    // One entry per place, with its best name: two spellings may both be its names.
    std::sort(out.begin(), out.end(), [](const Posting& a, const Posting& b) { return a.place != b.place ? a.place < b.place : nameRank(a.how) < nameRank(b.how); });
    out.erase(std::unique(out.begin(), out.end(), [](const Posting& a, const Posting& b) { return a.place == b.place; }), out.end());
    return out;
}

bool Gazetteer::isCommonWord(std::string_view normalizedKey) const {
    auto k = findKey(normalizedKey);
    return k && *k < commonWord_.size() && commonWord_[*k];
}

std::string_view Gazetteer::name(uint32_t id) const { return strings_.data() + places_[id].nameOffset; }

double Gazetteer::prior(const Posting& post) const {
    const Place& p = places_[post.place];
    // Areas carry no population in the data; a floor per kind ranks a country above any city
    // of the same name, and a sizeable city above the province named after it.
    double floor = 0;
    switch (p.kind) {
    case PlaceKind::Country: floor = 3e8; break;
    case PlaceKind::Region:
    case PlaceKind::Water: floor = 1e8; break;
    // A province's population is the sum of its places' (geodata/SOURCES.md): a state of millions
    // outranks the towns named after it. 0 is unknown (a folder built before that): the old floor.
    case PlaceKind::Admin1: floor = p.population > 0 ? 1 : 1e5; break;
    case PlaceKind::Admin2: floor = 1; break;
    case PlaceKind::Poi: floor = 3e5; break;
    case PlaceKind::City: floor = 1; break;
    }
    double s = std::log10(std::max<double>(static_cast<double>(p.population), floor) + 10);
    std::string_view code = p.fcode();
    if (code == "PPLC") s += 0.5;
    else if (code == "PPLA") s += 0.2;
    else if (code == "PPLX" || code == "PPLH" || code == "PPLW" || code == "PPLQ") s -= 1;  // sections, historical
    // Alternate names include historical and foreign forms ("Salisbury" for Harare): a place's
    // own name must outweigh a 30x larger place's alternate.
    // A curated alias says what a word means in the news ("Washington" is the capital), against
    // any population: a state's summed millions must not outweigh it.
    switch (post.how) {
    case NameKind::Alias: s += 2.5; break;
    case NameKind::Preferred: s += 1.5; break;
    case NameKind::Demonym: s += 1; break;
    case NameKind::Alternate:
    case NameKind::Division: break;
    }
    // Of a town and the district it gives its name to, the town is meant unless the district
    // says otherwise ("Tartus district" is matched apart, through its designator).
    if (p.kind == PlaceKind::Admin2) s -= 0.5;
    return s;
}

std::vector<Candidate> Gazetteer::lookup(std::string_view name, size_t limit) const {
    std::string key = normalizeName(name);
    auto posts = postings(key);
    if (posts.empty() && key.starts_with("the ")) posts = postings(std::string_view(key).substr(4));
    std::vector<Candidate> out;
    out.reserve(posts.size());
    for (const Posting& p : posts) out.push_back({p.place, p.how, prior(p)});
    // The same tolerant key running text uses (see looseKey): what geoparse finds, lookup finds.
    if (out.empty())
        for (const Posting& p : loosePostings(key)) out.push_back({p.place, p.how, prior(p) - 1});
    // A province named like a town inside it ranks below the town, as the geoparser ranks them
    // (text/resolver.cpp): "Latakia" is the city first, however many people the province has.
    for (Candidate& area : out) {
        const Place& a = places_[area.place];
        if (a.kind != PlaceKind::Admin1 && a.kind != PlaceKind::Admin2) continue;
        for (const Candidate& town : out) {
            const Place& t = places_[town.place];
            if (t.kind == PlaceKind::City && inDivision(t, a) &&
                (town.how != NameKind::Alternate || t.population * 10 >= a.population))
                area.score = std::min(area.score, town.score - 0.5);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    if (out.size() > limit) out.resize(limit);
    return out;
}

std::optional<uint32_t> Gazetteer::countryPlace(std::string_view iso2) const {
    if (iso2.size() != 2 || !std::isupper(static_cast<unsigned char>(iso2[0])) ||
        !std::isupper(static_cast<unsigned char>(iso2[1])))
        return std::nullopt;
    uint32_t id = countryIndex_[static_cast<size_t>((iso2[0] - 'A') * 26 + (iso2[1] - 'A'))];
    if (id == kNone) return std::nullopt;
    return id;
}

void Gazetteer::indexCountries() {
    countryIndex_.fill(kNone);
    for (uint32_t i = 0; i < places_.size(); ++i) {
        const Place& p = places_[i];
        if (p.layer != Layer::Admin0 || p.kind != PlaceKind::Country) continue;
        std::string_view c = p.countryCode();
        if (c.size() == 2 && std::isupper(static_cast<unsigned char>(c[0])) && std::isupper(static_cast<unsigned char>(c[1])))
            countryIndex_[static_cast<size_t>((c[0] - 'A') * 26 + (c[1] - 'A'))] = i;
    }
}

FeatureSetPtr Gazetteer::polygons(Layer layer) const {
    std::lock_guard lock(polygonMutex_);
    auto& slot = polygons_[static_cast<size_t>(layer)];
    if (!slot) slot = loadVector(dir_ / (std::string(kLayerNames[static_cast<size_t>(layer)]) + ".shp"));
    return slot;
}

bool Gazetteer::covers(uint32_t id, LonLat p, double km) const {
    const Place& pl = places_[id];
    if (pl.layer == Layer::Admin2) return pl.bbox().contains(p) || haversineKm(pl.point, p) <= km;
    if (pl.isArea()) {
        FeatureSetPtr fs = polygons(pl.layer);
        return pl.feature < fs->featureCount() && fs->contains(pl.feature, p);
    }
    return haversineKm(pl.point, p) <= km;
}

}  // namespace cmap::geo
