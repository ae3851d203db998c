#pragma once
// Small closed word classes the recognizer needs to tell a place from a person, an organisation
// or an ordinary word. Our own lists; all lookups take a lower-case ASCII word.
#include <string_view>

namespace cmap::text::words {

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

}  // namespace cmap::text::words
