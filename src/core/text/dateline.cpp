#include "core/text/dateline.h"

#include <algorithm>

namespace cmap::text {
namespace {

constexpr size_t kMaxPlace = 80;   // "SAN JUAN CAPISTRANO, Calif." and more fit; a sentence does not
constexpr size_t kMaxAgency = 40;  // "(Associated Press)"
constexpr int kMaxGroups = 3;      // town, province, country
constexpr int kMaxWords = 5;

// Non-ASCII letters may be capitals; 0xE2 starts the dashes, quotes and other punctuation of
// U+2000-U+2FFF, never a letter.
bool upperStart(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c != 0xE2); }
bool letter(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0x80 && c != 0xE2); }

// The end of the word starting at i: letters, dots ("N.C.", "ST."), apostrophes and hyphens
// between letters ("A'zaz", "Al-Bab"); a dash after a word ("SANA-") is not part of it.
size_t wordEnd(std::string_view t, size_t i) {
    while (i < t.size()) {
        const auto c = static_cast<unsigned char>(t[i]);
        if (letter(c) || c == '.') ++i;
        else if ((c == '\'' || c == '-') && i + 1 < t.size() && letter(static_cast<unsigned char>(t[i + 1]))) ++i;
        else break;
    }
    return i;
}

// A dash or colon at i followed by a space (or the end): the length of the separator, else 0.
size_t separator(std::string_view t, size_t i) {
    size_t n = 0;
    if (t.substr(i, 2) == "--") n = 2;
    else if (t.substr(i, 3) == "\xE2\x80\x94" || t.substr(i, 3) == "\xE2\x80\x93") n = 3;  // em, en dash
    else if (i < t.size() && (t[i] == '-' || t[i] == ':')) n = 1;
    if (n == 0) return 0;
    return i + n == t.size() || t[i + n] == ' ' || t[i + n] == '\n' || t[i + n] == '\t' ? n : 0;
}

struct Parsed {
    Span place;
    /// The town in capitals, and a region after it, an agency or a dash: not a headline's "HOMS:".
    bool wire = false;
};

Parsed parse(std::string_view t) {
    size_t i = 0;
    if (t.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
    const size_t start = i;
    size_t placeEnd = 0;
    int regions = 0;  // groups after the first: "Syria" of "ALEPPO, Syria"
    for (int group = 0; group < kMaxGroups; ++group, ++regions) {
        for (int word = 0; word < kMaxWords; ++word) {
            if (i >= t.size() || !upperStart(static_cast<unsigned char>(t[i]))) break;
            i = wordEnd(t, i);
            placeEnd = i;
            if (i + 1 < t.size() && t[i] == ' ' && upperStart(static_cast<unsigned char>(t[i + 1]))) ++i;
            else break;
        }
        if (placeEnd == 0 || placeEnd - start > kMaxPlace) return {};
        if (i + 2 < t.size() && t[i] == ',' && t[i + 1] == ' ' && upperStart(static_cast<unsigned char>(t[i + 2]))) i += 2;
        else break;
    }
    bool agency = false;
    if (placeEnd == 0 || i != placeEnd) return {};
    while (i < t.size() && t[i] == ' ') ++i;
    if (i < t.size() && t[i] == '(') {
        const size_t close = t.find(')', i);
        if (close == std::string_view::npos || close - i > kMaxAgency || t.substr(i, close - i).find('\n') != std::string_view::npos)
            return {};
        i = close + 1;
        agency = true;
        while (i < t.size() && t[i] == ' ') ++i;
    }
    if (!separator(t, i)) return {};
    // Capitals by style when the town is written in them: "Moscow, SANA-" names an agency.
    const std::string_view town = t.substr(start, wordEnd(t, start) - start);
    const bool capitals = std::none_of(town.begin(), town.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    return {{static_cast<uint32_t>(start), static_cast<uint32_t>(placeEnd)}, capitals && (regions > 0 || agency || t[i] != ':')};
}

}  // namespace

Span datelinePlace(std::string_view t) { return parse(t).place; }

Span datelineCapitals(std::string_view t) {
    const Parsed d = parse(t);
    return d.wire ? d.place : Span{};
}

}  // namespace cmap::text
