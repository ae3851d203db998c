#pragma once
// Resolution: which of a name's gazetteer entries the document means. A context-free prior
// (kind, population, capital, name quality) plus what the document says elsewhere: the
// countries it is about, and the places it has already pinned down nearby.
#include <vector>

#include "core/geo/gazetteer.h"
#include "core/text/recognizer.h"

namespace cmap::text {

struct Resolution {
    uint32_t place = 0;
    double confidence = 0;  ///< 0..1: recognition certainty times the margin over the runner-up
    /// A small town in a country the document otherwise never touches: more likely a word or a
    /// name read as a place than a real reference; geoparse leaves it out.
    bool implausible = false;
};

/// One resolution per recognized mention, in the same order. Throws nothing.
std::vector<Resolution> resolve(const std::vector<Recognized>& mentions, const geo::Gazetteer& gazetteer);

}  // namespace cmap::text
