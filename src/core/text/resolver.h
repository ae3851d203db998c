#pragma once
// Resolution: which of a name's gazetteer entries the document means. A context-free prior
// (kind, population, capital, name quality) plus what the document says elsewhere: the
// countries it is about, and the places it has already pinned down nearby.
#include <span>
#include <vector>

#include "core/geo/gazetteer.h"
#include "core/text/recognizer.h"

namespace cmap::text {

/// What the resolver knew when it chose: the inputs of a mention's confidence. Each means the same
/// in any text, so a mapping fitted on one corpus carries over to others.
struct Evidence {
    double margin = 0;         ///< the chosen score over the runner-up's (prior units); 0 with one candidate
    uint32_t candidates = 1;   ///< gazetteer entries the words can name
    double context = 0;        ///< what the document (its countries, places nearby, "Town, Region") added to the choice
    double population = 0;     ///< log10 of the chosen place's population plus 10
    bool area = false;         ///< a country, province, region or water body
    bool alternate = false;    ///< named only by an alternate (historical, foreign) name of the place
    bool loose = false;        ///< found only through the transliteration-tolerant key
};

/// The chance that a mention of a place with this evidence is placed within 161 km of the place
/// meant: a logistic function of the evidence, monotone in each part, with weights fitted on
/// GeoWebNews (resolver.cpp says how). Whether the words name a place at all is not part of it.
/// Throws nothing.
double calibratedConfidence(const Evidence& e);

struct Resolution {
    uint32_t place = 0;
    /// 0..1: calibratedConfidence() of the choice's evidence, rounded to 0.001. The evidence
    /// itself is not kept: one resolution per mention, and a long text has hundreds of thousands.
    double confidence = 0;
    /// A small town in a country the document otherwise never touches: more likely a word or a
    /// name read as a place than a real reference; geoparse leaves it out.
    bool implausible = false;
};

/// One resolution per recognized mention, in the same order. home: places known from outside the
/// text (the outlet's home town from the sidecar); they and the dateline's places weigh in the
/// choice among namesakes: the same place, places near them, their provinces and countries.
/// Throws nothing.
std::vector<Resolution> resolve(const std::vector<Recognized>& mentions, const geo::Gazetteer& gazetteer,
                                std::span<const uint32_t> home = {});

}  // namespace cmap::text
