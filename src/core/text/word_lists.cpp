#include "core/text/word_lists.h"

#include <stdexcept>
#include <string>
#include <unordered_map>

#include "core/assets.h"
#include "core/text/tokens.h"
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

// The key organisationKey() takes, of the words tokenize() found in text; empty where the words
// do not make one name.
std::string organisationKeyOf(std::string_view text, const std::vector<Token>& tokens) {
    std::string key;
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (i > 0) {
            const auto join = organisationJoin(tokens[i - 1].gapAfter,
                                               text.substr(tokens[i - 1].span.end, tokens[i].span.start - tokens[i - 1].span.end));
            if (!join) return {};
            key += *join;
        }
        key.append(tokens[i].span.in(text));
    }
    return key;
}

// The lists of outlets and armed groups and of head words, read once: the keys organisationKey()
// answers for, and the first words startsOrganisation() looks for.
struct Organisations {
    static constexpr size_t kLongestStart = 24;  // startsOrganisation() lower-cases on the stack
    std::unordered_map<std::string, uint8_t> keys;
    WordSet starts;
};

const Organisations& organisations() {
    static const Organisations lists = [] {
        Organisations o;
        auto start = [&o](std::string_view word, std::string_view list) {
            if (word.size() > Organisations::kLongestStart)
                throw std::logic_error(std::string(list) + ": \"" + std::string(word) + "\" is longer than a first word may be");
            o.starts.insert(word);
        };
        for (std::string_view name : assets::lines("lexicon/en/organisations.txt")) {
            std::vector<Token> tokens;
            tokenize(name, {0, static_cast<uint32_t>(name.size())}, tokens);
            const std::string key = organisationKeyOf(name, tokens);
            // A name that running text cannot join is a defect of the list, as a missing file is.
            if (key.empty()) throw std::logic_error("organisations.txt: no text matches \"" + std::string(name) + "\"");
            o.keys[key] |= kOrganisation;
            start(tokens[0].span.in(name), "organisations.txt");
            for (tokens.pop_back(); !tokens.empty(); tokens.pop_back())
                o.keys[organisationKeyOf(name, tokens)] |= kOrganisationPrefix;
        }
        for (std::string_view head : assets::lines("lexicon/en/organisation_heads.txt")) {
            o.keys[std::string(head)] |= kOrganisationHead;
            start(head, "organisation_heads.txt");
        }
        return o;
    }();
    return lists;
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

std::optional<std::string_view> organisationJoin(Gap gap, std::string_view between) {
    switch (gap) {
    case Gap::Space:
    case Gap::Hyphen: return " ";
    case Gap::Apostrophe: return "";
    case Gap::Other:
        // A plural possessive: an apostrophe, then spaces.
        for (std::string_view mark : {"'", "\u2019"})
            if (between.starts_with(mark) && between.size() > mark.size() &&
                between.find_first_not_of(' ', mark.size()) == std::string_view::npos)
                return " ";
        return std::nullopt;
    default: return std::nullopt;
    }
}

bool startsOrganisation(std::string_view word) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    static const WordSet& starts = organisations().starts;
    char lowered[Organisations::kLongestStart];
    if (word.empty() || word.size() > sizeof lowered ||
        !starts.mayContain(lower(word[0]), word.size() > 1 ? lower(word[1]) : '\0', word.size()))
        return false;
    for (size_t i = 0; i < word.size(); ++i) lowered[i] = lower(word[i]);
    return starts.contains({lowered, word.size()});
}

uint8_t organisationKey(std::string_view key) {
    const auto& keys = organisations().keys;
    const auto it = keys.find(std::string(key));
    return it == keys.end() ? 0 : it->second;
}

}  // namespace cmap::text::words
