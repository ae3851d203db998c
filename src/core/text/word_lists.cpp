#include "core/text/word_lists.h"

#include "core/assets.h"
#include "core/text/word_set.h"

namespace cmap::text::words {
namespace {

// Each list is data in assets/lexicon/en/ (one word per line), read once from the embedded copy.
WordSet load(std::string_view name) {
    WordSet set;
    for (std::string_view w : assets::lines(name)) set.insert(w);
    return set;
}

const WordSet& commonWords() {
    static const WordSet s = load("lexicon/en/common_words.txt");
    return s;
}
const WordSet& titles() {
    static const WordSet s = load("lexicon/en/titles.txt");
    return s;
}
const WordSet& orgSuffixes() {
    static const WordSet s = load("lexicon/en/org_suffixes.txt");
    return s;
}
const WordSet& connectors() {
    static const WordSet s = load("lexicon/en/connectors.txt");
    return s;
}
const WordSet& nameParticles() {
    static const WordSet s = load("lexicon/en/name_particles.txt");
    return s;
}
const WordSet& firstNames() {
    static const WordSet s = load("lexicon/en/first_names.txt");
    return s;
}
const WordSet& featureNouns() {
    static const WordSet s = load("lexicon/en/feature_nouns.txt");
    return s;
}
const WordSet& featurePrefixes() {
    static const WordSet s = load("lexicon/en/feature_prefixes.txt");
    return s;
}

}  // namespace

bool isFeaturePrefix(std::string_view lower) { return featurePrefixes().contains(lower); }
bool isFeatureNoun(std::string_view lower) { return featureNouns().contains(lower); }
bool isFirstName(std::string_view lower) { return firstNames().contains(lower); }
bool isNameParticle(std::string_view lower) { return nameParticles().contains(lower); }
bool isCommon(std::string_view lower) { return commonWords().contains(lower); }
bool isTitle(std::string_view lower) { return titles().contains(lower); }
bool isOrgSuffix(std::string_view lower) { return orgSuffixes().contains(lower); }
bool isConnector(std::string_view lower) { return connectors().contains(lower); }

}  // namespace cmap::text::words
