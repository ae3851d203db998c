#pragma once
// Name folding shared by the gazetteer index and the geoparser, so both sides of a lookup
// agree: "Al-Lādhiqīyah" and "al ladhiqiyah" fold to the same key.
#include <string>
#include <string_view>

namespace cmap::geo {

/// Folds a name for matching: Unicode NFKC, case folded, combining marks stripped, apostrophes
/// and modifier letters dropped ("Sana'a" = "Sanaa"), every other run of characters that are
/// not letters or digits turned into one space, trimmed. Invalid UTF-8 bytes act as separators.
std::string normalizeName(std::string_view name);

/// Same as normalizeName, appending to out (no allocation when out has capacity).
void appendNormalized(std::string_view name, std::string& out);

}  // namespace cmap::geo
