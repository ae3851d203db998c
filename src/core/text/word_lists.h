#pragma once
// Small closed word classes the recognizer needs to tell a place from a person, an organisation
// or an ordinary word. Our own lists; all lookups take a lower-case ASCII word.
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/text/tokens.h"

namespace cmap::text::words {

/// The lists, as bits: classes() answers for all of them in one lookup.
enum Class : uint16_t {
    kCommon = 1 << 0,
    kTitle = 1 << 1,
    kOrgSuffix = 1 << 2,
    kConnector = 1 << 3,
    kParticle = 1 << 4,
    kFirstName = 1 << 5,
    kFeatureNoun = 1 << 6,
    kFeaturePrefix = 1 << 7,
    kDivision1 = 1 << 8,
    kDivision2 = 1 << 9,
    kPluralDivision = 1 << 10,
};
/// The lists the word is on (0: none).
uint16_t classes(std::string_view lower);
/// The division level (see divisionLevel below) of a word on the lists `c`.
constexpr int divisionLevel(uint16_t c) { return c & kDivision1 ? 1 : c & kDivision2 ? 2 : 0; }

/// Frequent English words that are also names of some place somewhere ("May", "Nice", "Split").
bool isCommon(std::string_view lower);
/// Words that introduce a person's name ("President", "Gen", "Secretary", "Mr").
bool isTitle(std::string_view lower);
/// Words that end an organisation's name ("Foundation", "Institute", "Group", "Times").
bool isOrgSuffix(std::string_view lower);
/// Lower-case words allowed inside a multi-word name ("of", "al", "de", "and").
bool isConnector(std::string_view lower);
/// Nouns that make "X Avenue", "X Castle", "X Embassy" a local feature named after X, somewhere
/// else than X.
bool isFeatureNoun(std::string_view lower);
/// Nouns that make "Hotel X", "University of X" a building named after X.
bool isFeaturePrefix(std::string_view lower);
/// Given names ("john", "paris", "sergei"): the capitalized word after one is a surname.
bool isFirstName(std::string_view lower);
/// Lower-case particles inside people's names ("al" in "Bashar al-Assad", "van", "de").
bool isNameParticle(std::string_view lower);
/// Nouns that make the name before them a country's division ("Idlib province", "Tartus district"):
/// 1 for a first-order division's (province, governorate, oblast, state), 2 for a second-order
/// one's (district, county, raion), 0 for any other word.
int divisionLevel(std::string_view lower);
/// A division noun's plural ("regions", "provinces"), which may end a list of divisions' names.
bool isPluralDivisionNoun(std::string_view lower);

/// Where a key stands among the names of known outlets and armed groups (organisations.txt) and
/// the words that begin one (organisation_heads.txt): the key is the words in lower case, a space
/// between words, nothing across an apostrophe ("hayat tahrir al sham" for "Hay'at Tahrir
/// al-Sham"). Bits: kOrganisation for a whole name, kOrganisationPrefix for the first words of a
/// longer one, kOrganisationHead for a word that begins a group's name ("liwa", "jaish").
enum OrganisationKey : uint8_t { kOrganisation = 1, kOrganisationPrefix = 2, kOrganisationHead = 4 };
uint8_t organisationKey(std::string_view key);
/// What joins two words of such a key, given the gap tokenize() saw between them and its text:
/// nothing across an apostrophe inside a word, a space across spaces, a hyphen or a plural
/// possessive ("Workers' Party"); no value where a name cannot go on.
std::optional<std::string_view> organisationJoin(Gap gap, std::string_view between);
/// Whether the word (any case) is the first word of a name in organisations.txt or a head. Most
/// words are answered from their first two letters and length alone: the recognizer asks it of
/// every capitalized word.
bool startsOrganisation(std::string_view word);

}  // namespace cmap::text::words
