#include "core/text/resolver.h"

#include <algorithm>
#include <cmath>
#include <array>
#include <bitset>
#include <unordered_map>
#include <unordered_set>
#include <string>

namespace cmap::text {
namespace {

constexpr double kCountryContext = 1.5;  // prior units for a candidate in the document's main country
constexpr double kNearby = 1.2;          // ... for one within kNearbyKm of a place already pinned down
constexpr double kNearbyKm = 400;
constexpr double kOtherNameNearKm = 200;  // ... for another name of a town (a former, a Kurdish one)
constexpr double kInProvince = 1.5;      // ... for a town inside a province the document names, and back
constexpr double kClearMargin = 1.5;     // a choice this far ahead of the runner-up is context for others
constexpr size_t kNoCountry = 26 * 26;
constexpr double kContainer = 2.0;       // "Tacoma, Washington": the second holds the first
constexpr double kSameKind = 1.5;        // "California or Washington": list members share a kind
constexpr double kLooseAbroad = 5.0;     // a loose spelling's candidate outside the document's countries
constexpr double kForeignContainer = 3.0;  // "Atlanta, Georgia": a country the town is not in is not meant
// A dateline or the outlet's home town says where the story stands: its country counts as more
// than one named in passing, and the very place it names is meant by a later bare namesake.
constexpr double kPinCountry = 2.0;
constexpr double kPinned = 2.0;
constexpr int64_t kMillion = 1000000;    // a city this large is meant by its name, whoever else bears it
constexpr int64_t kVillage = 1000;       // a place this small is meant only near the document's other places
constexpr int64_t kSmallTown = 20000;    // a town this small, far outside the document's countries, is a misreading
constexpr int64_t kNewsTown = 50000;     // another name of a town this large needs no place nearby

size_t countrySlot(std::string_view iso2) {
    if (iso2.size() != 2 || iso2[0] < 'A' || iso2[0] > 'Z' || iso2[1] < 'A' || iso2[1] > 'Z') return kNoCountry;
    return static_cast<size_t>((iso2[0] - 'A') * 26 + (iso2[1] - 'A'));
}

// A point on the unit sphere, and the squared chord between two points km apart on the Earth.
using Unit = std::array<double, 3>;
Unit unit(geo::LonLat p) {
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    const double lat = p.lat * kRad, lon = p.lon * kRad;
    return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}
double chord2(double km) {
    const double c = 2 * std::sin(km / geo::kEarthKm / 2);
    return c * c;
}

// What the rest of the document says: its countries, the towns and provinces it pins down.
// Indexed so that a long document (a 37 MB file is one document) stays linear: anchors are
// distinct places in a grid of kNearbyKm-sized cells, provinces are listed per country.
struct Context {
    std::array<double, 26 * 26 + 1> countryWeight{};
    double topWeight = 0;
    std::unordered_set<const geo::Place*> seen;
    /// A place pinned down, by its cell: its point, and itself for the division it is in.
    struct Anchor {
        geo::LonLat point;
        const geo::Place* place;
        Unit unit;  ///< of point: nearestAnchorKm compares chords, not great circles
    };
    std::unordered_map<int64_t, std::vector<Anchor>> anchorCells;
    /// By country slot; a map, not an array of 677 lists: three contexts are made for every
    /// article, and most name provinces of one or two countries.
    std::unordered_map<size_t, std::vector<const geo::Place*>> provinces;
    std::vector<std::pair<const geo::Place*, bool>> pins;  ///< and whether the dateline named it
    /// Locality score per town, computed once: a long document names the same towns often.
    mutable std::unordered_map<const geo::Place*, double> localMemo;

    static int64_t cell(double lon, double lat) {
        constexpr double kCellDeg = 4;  // about kNearbyKm: neighbours are in the 3x3 block around
        return static_cast<int64_t>(std::floor(lat / kCellDeg)) * 1000 + static_cast<int64_t>(std::floor(lon / kCellDeg));
    }

    void add(const geo::Place& p, bool clear) {
        size_t c = countrySlot(p.countryCode());
        if (c != kNoCountry && (p.kind == geo::PlaceKind::Country || clear))
            countryWeight[c] += p.kind == geo::PlaceKind::Country ? 1.0 : 0.5;
        if (!clear || !seen.insert(&p).second) return;
        if (p.kind == geo::PlaceKind::City || p.kind == geo::PlaceKind::Poi || p.kind == geo::PlaceKind::Admin2)
            anchorCells[cell(p.point.lon, p.point.lat)].push_back({p.point, &p, unit(p.point)});
        if ((p.kind == geo::PlaceKind::Admin1 || p.kind == geo::PlaceKind::Admin2) && c != kNoCountry)
            provinces[c].push_back(&p);
    }
    /// A place the dateline (fromDateline) or the sidecar names.
    void pin(const geo::Place& p, bool fromDateline) {
        size_t c = countrySlot(p.countryCode());
        if (c != kNoCountry) countryWeight[c] += kPinCountry;
        add(p, true);
        pins.push_back({&p, fromDateline});
    }
    /// Whether p is a pinned place; a dateline's own choice does not count for the dateline.
    bool pinned(const geo::Place& p, bool forDateline) const {
        return std::any_of(pins.begin(), pins.end(), [&](const auto& q) { return q.first == &p && !(forDateline && q.second); });
    }
    void finish() {
        for (double w : countryWeight) topWeight = std::max(topWeight, w);
    }
    double weight(std::string_view iso2) const {
        size_t c = countrySlot(iso2);
        return c == kNoCountry ? 0 : countryWeight[c];
    }
    /// Distance to the nearest anchor other than p itself, capped at kNearbyKm.
    /// A long document has thousands of anchors near its towns: they are compared by the
    /// straight line through the Earth (which orders them as the great circle does, with no
    /// trigonometry per anchor), and only the nearest is measured along the surface.
    double nearestAnchorKm(geo::LonLat p) const {
        static const double itself = chord2(0.5);  // nearer than this is the place itself
        const Unit q = unit(p);
        const Anchor* nearest = nullptr;
        double best = chord2(kNearbyKm);
        int64_t base = cell(p.lon, p.lat);
        for (int64_t dy = -1; dy <= 1; ++dy)
            for (int64_t dx = -1; dx <= 1; ++dx) {
                auto it = anchorCells.find(base + dy * 1000 + dx);
                if (it == anchorCells.end()) continue;
                for (const auto& a : it->second) {
                    const double c = (a.unit[0] - q[0]) * (a.unit[0] - q[0]) + (a.unit[1] - q[1]) * (a.unit[1] - q[1]) +
                                     (a.unit[2] - q[2]) * (a.unit[2] - q[2]);
                    if (c > itself && c < best) best = c, nearest = &a;
                }
            }
        return nearest ? std::min(kNearbyKm, geo::haversineKm(nearest->point, p)) : kNearbyKm;
    }
    /// Whether p is inside a province or district of its country the story names (geo::inDivision:
    /// by their codes, else by the division's box).
    bool inProvince(const geo::Place& p) const {
        auto provs = provinces.find(countrySlot(p.countryCode()));
        if (provs == provinces.end()) return false;
        return std::any_of(provs->second.begin(), provs->second.end(),
                           [&](const geo::Place* prov) { return prov != &p && geo::inDivision(p, *prov); });
    }
    /// Whether a place pinned down (other than one at except) lies in the province.
    bool anchorInside(const geo::Place& province, geo::LonLat except) const {
        const geo::BBox box = province.bbox();
        // Provinces are small next to the grid; scan the cells the box touches.
        for (int64_t y = static_cast<int64_t>(std::floor(box.minLat / 4)); y <= static_cast<int64_t>(std::floor(box.maxLat / 4)); ++y)
            for (int64_t x = static_cast<int64_t>(std::floor(box.minLon / 4)); x <= static_cast<int64_t>(std::floor(box.maxLon / 4)); ++x) {
                auto it = anchorCells.find(y * 1000 + x);
                if (it == anchorCells.end()) continue;
                for (const auto& a : it->second)
                    if (a.point.lon != except.lon && geo::inDivision(*a.place, province)) return true;
            }
        return false;
    }
};

struct Choice {
    size_t index = 0;
    double score = -1e9, runnerUp = -1e9;
    double runnerUpElsewhere = -1e9;  ///< of the candidates kNearbyKm or more from the best
    double context = 0;  ///< what the document added to the best's score, beyond its prior
    double margin(size_t candidates) const { return candidates == 1 ? 3.0 : score - runnerUp; }
    /// How clear the choice is about where: a runner-up in the same place (Mosul's province for
    /// Mosul) leaves no doubt about the map, only about the name.
    bool clearWhere(size_t candidates) const {
        return margin(candidates) >= kClearMargin || score - runnerUpElsewhere >= kClearMargin;
    }
};

double contextScore(const geo::Gazetteer& g, const Recognized& m, const geo::Place& p, const Context& ctx) {
    double s = 0;
    if (p.country[0] && ctx.topWeight > 0) s += kCountryContext * std::min(1.0, ctx.weight(p.countryCode()) / ctx.topWeight);
    // A district is as small as a town next to the story's geography: of the many Montgomery
    // Counties, the one near the towns and inside the state the story names.
    if (p.kind == geo::PlaceKind::City || p.kind == geo::PlaceKind::Poi || p.kind == geo::PlaceKind::Admin2) {
        auto [it, fresh] = ctx.localMemo.try_emplace(&p, 0.0);
        if (fresh) {
            // Being near the document's other towns and inside its provinces are one piece of
            // evidence, not two: they count once, or a small town near them beats a big one far
            // off. Nearer is better: of two namesakes near the document's places, the closer one.
            double local = kNearby * (1 - ctx.nearestAnchorKm(p.point) / kNearbyKm);
            // Codes, or boxes where a code is missing, not polygons: geoparsing never loads polygons.
            if (ctx.inProvince(p)) local = kInProvince;
            it->second = local;
        }
        s += it->second;
        if (!ctx.pins.empty() && ctx.pinned(p, m.dateline)) s += kPinned;
    } else if (p.kind == geo::PlaceKind::Admin1) {
        // A province named after its capital ("Latakia") means the city in news text; its own
        // city's mentions must not vote for the province.
        for (const geo::Posting& other : m.postings) {
            const geo::Place& o = g.place(other.place);
            if (o.kind == geo::PlaceKind::City && geo::inDivision(o, p)) return s;
        }
        if (ctx.anchorInside(p, p.point)) s += kInProvince;
    }
    return s;
}

bool holds(const geo::Place& area, const geo::Place& p) {
    if (area.kind == geo::PlaceKind::Admin1 || area.kind == geo::PlaceKind::Admin2) return geo::inDivision(p, area);
    return area.kind == geo::PlaceKind::Country && area.bbox().contains(p.point);
}

// A province or district named like a town inside it ("Latakia", "New York") means the town in
// running text, however many people the whole province has: its prior is held below the town's.
// The town must bear the name as its own, or be a tenth of the province: a village somewhere in
// Illinois listing "Illinois" among its alternate names does not hold the state down.
double namesakeCap(const geo::Gazetteer& g, const Recognized& m, size_t i, const double* priors) {
    const geo::Place& area = g.place(m.postings[i].place);
    double cap = 1e9;
    if (area.kind != geo::PlaceKind::Admin1 && area.kind != geo::PlaceKind::Admin2) return cap;
    for (size_t j = 0; j < m.postings.size(); ++j) {
        const geo::Place& o = g.place(m.postings[j].place);
        if (o.kind == geo::PlaceKind::City && geo::inDivision(o, area) &&
            (m.postings[j].how != geo::NameKind::Alternate || o.population * 10 >= area.population))
            cap = std::min(cap, priors[j] - 0.5);
    }
    return cap;
}

// Both halves of "City, Province" in the previous round's choices: inner is the city's, outer
// the province's (either may be null).
struct Pair {
    const geo::Place* inner = nullptr;
    const geo::Place* outer = nullptr;
    const geo::Place* listed = nullptr;  ///< the previous member of a list this one is in
};

// priors[i] is g.prior(m.postings[i]) held below namesakeCap(): computed once, used in every round.
Choice choose(const geo::Gazetteer& g, const Recognized& m, const double* priors, const Context* ctx, Pair pair = {}) {
    Choice c;
    thread_local std::vector<double> scores;
    scores.resize(m.postings.size());
    for (size_t i = 0; i < m.postings.size(); ++i) {
        const geo::Place& p = g.place(m.postings[i].place);
        const double prior = priors[i];
        double s = prior + (ctx ? contextScore(g, m, p, *ctx) : 0);
        // A loose spelling means a place of the story's countries, whatever the population says.
        if (m.loose && ctx && ctx->weight(p.countryCode()) == 0) s -= kLooseAbroad;
        if (pair.inner && holds(p, *pair.inner)) s += kContainer;
        // The region after a town is the town's country's: a state or province of it beats a
        // country of the same name elsewhere, which population alone would prefer.
        if (pair.inner && p.kind == geo::PlaceKind::Country && p.countryCode() != pair.inner->countryCode())
            s -= kForeignContainer;
        if (pair.outer && holds(*pair.outer, p)) s += kContainer;
        // And back: "Paris, Texas" is not the Paris that Texas does not hold, however large.
        else if (pair.outer &&
                 (p.kind == geo::PlaceKind::City || p.kind == geo::PlaceKind::Poi || p.kind == geo::PlaceKind::Admin2) &&
                 (pair.outer->kind == geo::PlaceKind::Admin1 || pair.outer->kind == geo::PlaceKind::Country))
            s -= kForeignContainer;
        if (pair.listed && pair.listed->kind == p.kind &&
            (p.kind == geo::PlaceKind::Country ||
             ((p.kind == geo::PlaceKind::Admin1 || p.kind == geo::PlaceKind::Admin2) && pair.listed->countryCode() == p.countryCode())))
            s += kSameKind;
        if (s > c.score) c.runnerUp = c.score, c.score = s, c.index = i, c.context = s - prior;
        else c.runnerUp = std::max(c.runnerUp, s);
        scores[i] = s;
    }
    if (c.score - c.runnerUp < kClearMargin) {  // only then does where matter apart from which
        const geo::LonLat best = g.place(m.postings[c.index].place).point;
        for (size_t i = 0; i < m.postings.size(); ++i)
            if (i != c.index && geo::haversineKm(best, g.place(m.postings[i].place).point) >= kNearbyKm)
                c.runnerUpElsewhere = std::max(c.runnerUpElsewhere, scores[i]);
    }
    return c;
}

// Mentions that read the same: the same candidates, equally loose, equally part of the dateline.
// choose() gives them the same choice in a round unless a neighbour pairs with one ("Paris,
// Texas"), and a long text names the same places again and again: each reading is scored once
// a round. reading[k] is mention k's, first[r] the first mention of reading r.
struct Readings {
    std::vector<uint32_t> reading, first;
};

bool sameReading(const Recognized& a, const Recognized& b) {
    return a.loose == b.loose && a.dateline == b.dateline && a.postings == b.postings;
}

Readings readings(const std::vector<Recognized>& mentions) {
    Readings out;
    out.reading.resize(mentions.size());
    std::unordered_map<uint64_t, std::vector<uint32_t>> byHash;  // hash -> readings with it
    for (size_t k = 0; k < mentions.size(); ++k) {
        const Recognized& m = mentions[k];
        uint64_t h = 1469598103934665603ull ^ (m.loose ? 2 : 0) ^ (m.dateline ? 4 : 0);
        for (const geo::Posting& p : m.postings)
            h = (h ^ (uint64_t{p.place} << 8 | static_cast<uint8_t>(p.how))) * 1099511628211ull;
        std::vector<uint32_t>& same = byHash[h];
        auto it = std::find_if(same.begin(), same.end(), [&](uint32_t r) { return sameReading(mentions[out.first[r]], m); });
        if (it != same.end()) {
            out.reading[k] = *it;
            continue;
        }
        out.reading[k] = static_cast<uint32_t>(out.first.size());
        same.push_back(out.reading[k]);
        out.first.push_back(static_cast<uint32_t>(k));
    }
    return out;
}

}  // namespace

double calibratedConfidence(const Evidence& e) {
    // Logistic regression of "placed within 161 km" on the evidence, over the 2,182 recognised gold
    // toponyms with coordinates of GeoWebNews (200 articles; matched as bench/confidence_reliability.py
    // matches them), L2 penalty 1 on the weights. Each weight's sign is fixed by what its evidence
    // means; one fitted to the other sign was left out (weight 0): the number of candidates (the
    // margin already says how hard the choice was). No GeoWebNews name needs the loose key, so its
    // weight is not fitted: a loose spelling is taken to be as weak as an alternate name. Refit
    // when the resolver's scores change scale (a margin is in its prior units).
    static constexpr struct {
        double bias, margin, unique, ambiguity, context, population, area, alternate, loose;
    } kW{-1.070, 0.482, 1.360, 0.0, 0.588, 0.382, 0.536, -1.069, -1.069};
    const double z = kW.bias + kW.margin * std::min(e.margin, 4.0) + kW.unique * (e.candidates == 1) +
                     kW.ambiguity * std::log(static_cast<double>(std::max<uint32_t>(e.candidates, 1))) +
                     kW.context * std::clamp(e.context, -3.0, 4.0) + kW.population * e.population +
                     kW.area * e.area + kW.alternate * e.alternate + kW.loose * e.loose;
    return 1 / (1 + std::exp(-z));
}

std::vector<Resolution> resolve(const std::vector<Recognized>& mentions, const geo::Gazetteer& g,
                                std::span<const uint32_t> home) {
    // Round 1: context from what needs none (priors alone); round 2: context from round 1's
    // confident choices, so a province resolved in context ("Florida" over Uruguay's) can in turn
    // place its towns ("Parkland").
    const Readings rd = readings(mentions);
    const size_t nReadings = rd.first.size();
    std::vector<size_t> priorStart(nReadings + 1, 0);
    for (size_t r = 0; r < nReadings; ++r) priorStart[r + 1] = priorStart[r] + mentions[rd.first[r]].postings.size();
    std::vector<double> raw, priors(priorStart.back());
    for (size_t r = 0; r < nReadings; ++r) {
        const Recognized& m = mentions[rd.first[r]];
        raw.resize(m.postings.size());
        for (size_t i = 0; i < m.postings.size(); ++i) raw[i] = g.prior(m.postings[i]);
        for (size_t i = 0; i < m.postings.size(); ++i) priors[priorStart[r] + i] = std::min(raw[i], namesakeCap(g, m, i, raw.data()));
    }
    auto priorsOf = [&](size_t k) { return priors.data() + priorStart[rd.reading[k]]; };
    // The choice of each reading in this round, for mentions that pair with no neighbour.
    std::vector<Choice> byReading(nReadings);
    std::vector<uint8_t> known(nReadings);
    auto chooseFor = [&](size_t k, const Context* context, Pair pair) {
        if (pair.inner || pair.outer || pair.listed) return choose(g, mentions[k], priorsOf(k), context, pair);
        const uint32_t r = rd.reading[k];
        if (!known[r]) byReading[r] = choose(g, mentions[k], priorsOf(k), context), known[r] = 1;
        return byReading[r];
    };

    std::vector<Choice> choices(mentions.size());
    auto townOfGivenName = [&](size_t k, const geo::Place& p) {
        return mentions[k].givenName && p.kind == geo::PlaceKind::City && p.population < kMillion;
    };
    auto evidence = [&](size_t k) {
        return !mentions[k].loose && !townOfGivenName(k, g.place(mentions[k].postings[choices[k].index].place));
    };
    Context ctx;
    for (size_t k = 0; k < mentions.size(); ++k) {
        choices[k] = chooseFor(k, nullptr, {});
        // A loose spelling is no evidence of a country, nor a given name alone read as a town:
        // each needs the others' (see below).
        if (evidence(k))
            ctx.add(g.place(mentions[k].postings[choices[k].index].place), choices[k].clearWhere(mentions[k].postings.size()));
    }
    for (uint32_t id : home) ctx.pin(g.place(id), false);
    ctx.finish();
    auto chosen = [&](size_t k) -> const geo::Place* { return &g.place(mentions[k].postings[choices[k].index].place); };
    std::vector<Pair> pairs(mentions.size());
    for (int round = 0; round < 2; ++round) {
        Context next;
        std::fill(pairs.begin(), pairs.end(), Pair{});
        std::fill(known.begin(), known.end(), 0);
        for (size_t k = 1; k < mentions.size(); ++k) {
            if (mentions[k].containerOf && *mentions[k].containerOf == mentions[k - 1].span.start) {
                pairs[k].inner = chosen(k - 1);
                pairs[k - 1].outer = chosen(k);
            }
            if (mentions[k].listAfter && *mentions[k].listAfter == mentions[k - 1].span.start) pairs[k].listed = chosen(k - 1);
        }
        for (size_t k = 0; k < mentions.size(); ++k) {
            choices[k] = chooseFor(k, &ctx, pairs[k]);
            if (evidence(k))
                next.add(g.place(mentions[k].postings[choices[k].index].place), choices[k].clearWhere(mentions[k].postings.size()));
        }
        // The dateline's places as this round chose them (with its "Town, Region" pair): context
        // from the next round on.
        for (uint32_t id : home) next.pin(g.place(id), false);
        for (size_t k = 0; k < mentions.size() && mentions[k].dateline; ++k) next.pin(*chosen(k), true);
        next.finish();
        ctx = std::move(next);
    }

    std::vector<Resolution> out;
    out.reserve(mentions.size());
    // A given name alone ("Hassan said", "Omar met them") names a town only in a country the
    // story's other places are in, or a city of a million (Hassan, India; Omer, Israel: not in a
    // story about Syria). Other places: the context counts the name's own country, and the
    // misreadings dropped below count for nothing. Gathered in the one pass over the mentions.
    std::bitset<kNoCountry + 1> otherCountries;
    std::vector<uint32_t> givenNames;
    for (size_t k = 0; k < mentions.size(); ++k) {
        const Recognized& r = mentions[k];
        const geo::Posting& posting = r.postings[choices[k].index];
        const geo::Place& p = *chosen(k);
        Evidence e;
        e.candidates = static_cast<uint32_t>(r.postings.size());
        e.margin = r.postings.size() == 1 ? 0 : choices[k].score - choices[k].runnerUp;
        e.context = choices[k].context;
        e.population = std::log10(static_cast<double>(std::max<int64_t>(p.population, 0)) + 10);
        e.area = p.kind == geo::PlaceKind::Country || p.kind == geo::PlaceKind::Admin1 ||
                 p.kind == geo::PlaceKind::Region || p.kind == geo::PlaceKind::Water;
        e.alternate = posting.how == geo::NameKind::Alternate;
        e.loose = r.loose;
        bool implausible = p.kind == geo::PlaceKind::City && p.population < kSmallTown && ctx.topWeight > 0 &&
                           ctx.weight(p.countryCode()) == 0;
        // A village (GeoNames lists places down to 500 people) shares its name with people, words and
        // other places so often that only the story's geography makes it the village: another place
        // pinned down within kNearbyKm, or a province the story names around it.
        // Seats of government are no villages, however few live there (Vatican City).
        const bool seat = p.fcode() == "PPLC" || p.fcode() == "PPLA";
        if (p.kind == geo::PlaceKind::City && p.population < kVillage && !seat && ctx.nearestAnchorKm(p.point) >= kNearbyKm &&
            !ctx.inProvince(p))
            implausible = true;
        // A name matched only through its transliteration-tolerant key may be any word of that
        // shape ("Chamber" folds like Sambir): it counts only in a country the story is about,
        // near places it pins down. For a town of kSmallTown or more the country is enough when
        // the words are a spelling GeoNames lists with the consonants of its own name ("Kiev",
        // "Debaltsevo" in a story about Ukraine that names no other town), or fold like its own
        // name and the country is the one the story is most about ("Edlib" in a story about
        // Syria; not "Coincheck", which folds like Kansk, in a story about Japan that names
        // Russia once). Another of its names, as GeoNames lists it ("Artyomovsk" for Bakhmut),
        // counts with the leading country for a town of kNewsTown or more. A fold of another of
        // its names needs the places nearby.
        const bool fold = !r.ownName && posting.how != geo::NameKind::Alternate;
        const bool leading = ctx.weight(p.countryCode()) >= ctx.topWeight;
        const bool ownName = r.ownName || (fold && leading);
        const bool countryEnough = (ownName && p.population >= kSmallTown) || (r.otherName && leading && p.population >= kNewsTown);
        // Another name is weaker evidence than a spelling: the places that make it plausible must
        // be nearer.
        const double nearKm = r.otherName ? kOtherNameNearKm : kNearbyKm;
        if (r.loose && (ctx.weight(p.countryCode()) == 0 || (ctx.nearestAnchorKm(p.point) >= nearKm && !countryEnough)))
            implausible = true;
        out.push_back({posting.place, std::round(calibratedConfidence(e) * 1000) / 1000, implausible});
        if (townOfGivenName(k, p) && !implausible)
            givenNames.push_back(static_cast<uint32_t>(k));
        else if (!r.givenName && !implausible)
            otherCountries.set(countrySlot(p.countryCode()));
    }
    for (uint32_t id : home) otherCountries.set(countrySlot(g.place(id).countryCode()));
    for (const uint32_t k : givenNames)
        if (!otherCountries.test(countrySlot(chosen(k)->countryCode()))) out[k].implausible = true;
    return out;
}

}  // namespace cmap::text
