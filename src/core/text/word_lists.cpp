#include "core/text/word_lists.h"

#include <array>

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
// division_nouns.txt: "word level" per line, "word level plural" for a plural.
// Sets: level 1, level 2, plurals.
const std::array<WordSet, 3>& divisionNouns() {
    static const std::array<WordSet, 3> s = [] {
        std::array<WordSet, 3> sets;
        for (std::string_view line : assets::lines("lexicon/en/division_nouns.txt")) {
            const size_t space = line.find(' ');
            if (space == std::string_view::npos) continue;
            const std::string_view word = line.substr(0, space), rest = line.substr(space + 1);
            const std::string_view digit = rest.substr(0, 1);
            if (digit != "1" && digit != "2") continue;
            sets[digit == "1" ? 0 : 1].insert(word);
            if (rest.substr(1) == " plural") sets[2].insert(word);
        }
        return sets;
    }();
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
int divisionLevel(std::string_view lower) {
    if (divisionNouns()[0].contains(lower)) return 1;
    return divisionNouns()[1].contains(lower) ? 2 : 0;
}
bool isPluralDivisionNoun(std::string_view lower) { return divisionNouns()[2].contains(lower); }

}  // namespace cmap::text::words
