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

/// A transliteration-tolerant key of an already-normalized key, for Latin spellings of Arabic,
/// Persian, Russian and Ukrainian names: "Kafranbel" and "Kafr Nubl", "Kamechliye" and
/// "Al Qamishli", "Raqqah" and "Ar-Raqqa" fold to one key. Leading articles (al-, el-, ash-, ...)
/// and word breaks go, kh/sh/ch/q/c/w (and French ou before a vowel, "Soueida") fold into one
/// consonant each, vowels after the first
/// letter and doubled letters go (which covers ou/u, ee/i, ai/ey, y/i, -iya/-iyah/-ieh, -e/-o,
/// -sk/-ysk). Three letters left keep a '.' where each run of vowels stood ("h.s.k." of Hasakah
/// and Hassakeh: isShapeKey), too few to tell a name from other words otherwise. Empty when fewer
/// are left, or the key holds a digit or is not ASCII: such keys match exactly or not at all.
std::string looseKey(std::string_view normalizedKey);

/// Whether a looseKey() is of three letters and its vowels' places: it folds fewer spellings
/// together, and more of them are words.
bool isShapeKey(std::string_view looseKey);

/// looseKey() at any length: the consonants of a short name too ("flj" of "al fallujah" and of
/// "fallujah"), to tell whether two spellings are of one name. Empty for a key with a digit or
/// not in ASCII.
std::string spellingSkeleton(std::string_view normalizedKey);

}  // namespace cmap::geo
