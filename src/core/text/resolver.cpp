#include "core/text/resolver.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace cmap::text {
namespace {

constexpr double kCountryContext = 1.5;  // prior units for a candidate in the document's main country
constexpr double kNearby = 0.7;          // ... for one within kNearbyKm of a place already pinned down
constexpr double kNearbyKm = 400;
constexpr double kInProvince = 1.0;      // ... for a town inside a province the document names, and back

struct Best {
    size_t index = 0;
    double score = -1e9, runnerUp = -1e9;
};

}  // namespace

std::vector<Resolution> resolve(const std::vector<Recognized>& mentions, const geo::Gazetteer& g) {
    // Pass 1: what the document is about, from mentions that need no context.
    std::map<std::string, double> countryWeight;
    std::vector<geo::LonLat> anchors;
    std::vector<const geo::Place*> provinces;
    for (const Recognized& m : mentions) {
        Best b;
        for (size_t i = 0; i < m.postings.size(); ++i) {
            double s = g.prior(m.postings[i]);
            if (s > b.score) b.runnerUp = b.score, b.score = s, b.index = i;
            else b.runnerUp = std::max(b.runnerUp, s);
        }
        const geo::Place& p = g.place(m.postings[b.index].place);
        const bool clear = m.postings.size() == 1 || b.score - b.runnerUp >= 1.5;
        if (p.country[0] && (p.kind == geo::PlaceKind::Country || clear))
            countryWeight[std::string(p.countryCode())] += p.kind == geo::PlaceKind::Country ? 1.0 : 0.5;
        if (clear && (p.kind == geo::PlaceKind::City || p.kind == geo::PlaceKind::Poi)) anchors.push_back(p.point);
        if (clear && p.kind == geo::PlaceKind::Admin1) provinces.push_back(&p);
    }
    double top = 0;
    for (auto& [c, w] : countryWeight) top = std::max(top, w);

    // Pass 2: prior plus context.
    std::vector<Resolution> out;
    out.reserve(mentions.size());
    for (const Recognized& m : mentions) {
        Best b;
        for (size_t i = 0; i < m.postings.size(); ++i) {
            const geo::Place& p = g.place(m.postings[i].place);
            double s = g.prior(m.postings[i]);
            if (p.country[0] && top > 0) {
                auto it = countryWeight.find(std::string(p.countryCode()));
                if (it != countryWeight.end()) s += kCountryContext * std::min(1.0, it->second / top);
            }
            if (p.kind == geo::PlaceKind::City || p.kind == geo::PlaceKind::Poi) {
                for (const auto& a : anchors) {
                    double d = geo::haversineKm(a, p.point);
                    if (d > 0.5 && d < kNearbyKm) {  // not itself
                        s += kNearby;
                        break;
                    }
                }
                // Boxes, not polygons: geoparsing never loads polygons, and a province's box
                // within its own country is a fair test.
                for (const geo::Place* prov : provinces) {
                    if (prov->countryCode() == p.countryCode() && prov->bbox().contains(p.point)) {
                        s += kInProvince;
                        break;
                    }
                }
            } else if (p.kind == geo::PlaceKind::Admin1) {
                const geo::BBox box = p.bbox();
                // A province named after its capital ("Latakia") means the city in news text;
                // its own city's mentions must not vote for the province.
                bool namesakeCity = false;
                for (const geo::Posting& other : m.postings) {
                    const geo::Place& o = g.place(other.place);
                    namesakeCity |= o.kind == geo::PlaceKind::City && o.countryCode() == p.countryCode() &&
                                    box.contains(o.point);
                }
                for (const auto& a : anchors) {
                    if (namesakeCity) break;
                    if (box.contains(a) && a.lon != p.point.lon) {
                        s += kInProvince;
                        break;
                    }
                }
            }
            if (s > b.score) b.runnerUp = b.score, b.score = s, b.index = i;
            else b.runnerUp = std::max(b.runnerUp, s);
        }
        double margin = m.postings.size() == 1 ? 3.0 : b.score - b.runnerUp;
        double c = m.certainty / (1.0 + std::exp(-2.0 * margin));  // a tie gives 0.5
        out.push_back({m.postings[b.index].place, std::round(c * 1000) / 1000});
    }
    return out;
}

}  // namespace cmap::text
