#include "core/text/word_lists.h"

#include "core/assets.h"
#include "core/text/word_set.h"

namespace cmap::text::words {
namespace {

// Each list is data in assets/lexicon/en/ (one word per line), read once from the embedded copy,
// all into one set whose tags say which lists a word is on.
const WordSet& lists() {
    static const WordSet s = [] {
        WordSet set;
        auto load = [&set](std::string_view name, uint16_t tag) {
            for (std::string_view w : assets::lines(name)) set.insert(w, tag);
        };
        load("lexicon/en/common_words.txt", kCommon);
        load("lexicon/en/titles.txt", kTitle);
        load("lexicon/en/org_suffixes.txt", kOrgSuffix);
        load("lexicon/en/connectors.txt", kConnector);
        load("lexicon/en/name_particles.txt", kParticle);
        load("lexicon/en/first_names.txt", kFirstName);
        load("lexicon/en/feature_nouns.txt", kFeatureNoun);
        load("lexicon/en/feature_prefixes.txt", kFeaturePrefix);
        // division_nouns.txt: "word level" per line, "word level plural" for a plural.
        for (std::string_view line : assets::lines("lexicon/en/division_nouns.txt")) {
            const size_t space = line.find(' ');
            if (space == std::string_view::npos) continue;
            const std::string_view word = line.substr(0, space), rest = line.substr(space + 1);
            const std::string_view digit = rest.substr(0, 1);
            if (digit != "1" && digit != "2") continue;
            set.insert(word, digit == "1" ? kDivision1 : kDivision2);
            if (rest.substr(1) == " plural") set.insert(word, kPluralDivision);
        }
        return set;
    }();
    return s;
}

}  // namespace

uint16_t classes(std::string_view lower) { return lists().tags(lower); }
bool isFeaturePrefix(std::string_view lower) { return classes(lower) & kFeaturePrefix; }
bool isFeatureNoun(std::string_view lower) { return classes(lower) & kFeatureNoun; }
bool isFirstName(std::string_view lower) { return classes(lower) & kFirstName; }
bool isNameParticle(std::string_view lower) { return classes(lower) & kParticle; }
bool isCommon(std::string_view lower) { return classes(lower) & kCommon; }
bool isTitle(std::string_view lower) { return classes(lower) & kTitle; }
bool isOrgSuffix(std::string_view lower) { return classes(lower) & kOrgSuffix; }
bool isConnector(std::string_view lower) { return classes(lower) & kConnector; }
int divisionLevel(std::string_view lower) { return divisionLevel(classes(lower)); }
bool isPluralDivisionNoun(std::string_view lower) { return classes(lower) & kPluralDivision; }

}  // namespace cmap::text::words
