#include "core/text/sentences.h"

#include "core/text/byte_runs.h"
#include "core/text/word_set.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <optional>

namespace cmap::text {
namespace {

bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Length of the whitespace character at s[i] (ASCII or U+00A0, which news pages are full of), or 0.
size_t spaceAt(std::string_view s, size_t i) {
    if (i >= s.size()) return 0;
    if (isAsciiSpace(s[i])) return 1;
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;
    return 0;
}

// The code point at s[i] and its length (1 for a malformed byte, decoded as U+FFFD).
std::pair<char32_t, size_t> codePointAt(std::string_view s, size_t i) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                    static_cast<utf8proc_ssize_t>(std::min<size_t>(4, s.size() - i)), &cp);
    if (n <= 0) return {0xFFFD, 1};
    return {static_cast<char32_t>(cp), static_cast<size_t>(n)};
}

bool isUpper(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

// Characters that may close a sentence after its final punctuation: quotes and brackets.
size_t closerAt(std::string_view s, size_t i) {
    const char c = s[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
    const std::string_view rest = s.substr(i, 3);
    if (rest == "\u201D" || rest == "\u2019") return 3;  // ” ’
    if (rest.substr(0, 2) == "\u00BB") return 2;            // »
    return 0;
}

// Characters that may open a sentence: quotes, brackets, Spanish inverted marks.
bool isOpener(char32_t cp) {
    return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018 ||
           cp == 0xAB || cp == 0xBF || cp == 0xA1;
}

// Abbreviations after which a period never ends a sentence: titles before names, months and
// "No." before numbers, Latin abbreviations mid-sentence.
constexpr std::string_view kNeverFinal[] = {
    "Mr",   "Mrs",  "Ms",   "Dr",   "Prof", "Gen",  "Lt",  "Col",  "Sgt",  "Capt", "Maj",  "Cmdr",
    "Adm",  "Brig", "Gov",  "Sen",  "Rep",  "Pres", "Rev", "Hon",  "St",   "Mt",   "Ft",   "Jan",
    "Feb",  "Mar",  "Apr",  "Jun",  "Jul",  "Aug",  "Sep", "Sept", "Oct",  "Nov",  "Dec",  "No",
    "Nos",  "vs",   "e.g",  "i.e",  "cf",   "approx", "Fig", "Vol", "Messrs", "Gens"};

// Abbreviations that often end a sentence too ("... moved to the U.S. The ..."): these end one
// only when the next word is one that typically starts a sentence.
constexpr std::string_view kSometimesFinal[] = {"Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "etc", "Bros", "Esq"};

constexpr std::string_view kSentenceStarters[] = {
    "The",   "A",     "An",    "It",     "He",      "She",     "They",  "We",    "I",     "You",
    "But",   "And",   "Or",    "So",     "Yet",     "In",      "On",    "At",    "As",    "After",
    "Before", "When", "While", "If",     "This",    "That",    "These", "Those", "There", "Their",
    "His",   "Her",   "Its",   "Our",    "My",      "Meanwhile", "However", "Still", "Then", "Now",
    "Some",  "Many",  "Most",  "One",    "Since",   "Although", "Despite", "For", "What", "Why",
    "How",   "Officials"};

// German ordinal dates write a period after the day ("25. Januar 2005").
constexpr std::string_view kGermanMonths[] = {
    "Januar", "Februar", "M\u00E4rz", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"};

// The lists as word sets: they are asked at nearly every period of the text, and a set says no
// to most words from their first byte and length.
template <size_t N>
WordSet setOf(const std::string_view (&list)[N]) {
    WordSet set;
    for (const std::string_view w : list) set.insert(w);
    return set;
}
bool isNeverFinal(std::string_view w) {
    static const WordSet set = setOf(kNeverFinal);
    return set.contains(w);
}
bool isSometimesFinal(std::string_view w) {
    static const WordSet set = setOf(kSometimesFinal);
    return set.contains(w);
}
bool isSentenceStarter(std::string_view w) {
    static const WordSet set = setOf(kSentenceStarters);
    return set.contains(w);
}
bool isGermanMonth(std::string_view w) {
    static const WordSet set = setOf(kGermanMonths);
    return set.contains(w);
}

// Whether a word is dotted initials such as "U.S", "a.m" or "J.R.R" (final period excluded).
bool dottedInitials(std::string_view w) {
    if (w.size() < 3) return false;
    for (size_t k = 0; k < w.size(); ++k) {
        const char c = w[k];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (k % 2 == 0 ? !letter : c != '.') return false;
    }
    return w.size() % 2 == 1;
}

// The word at s[i] (letters up to the next space or punctuation), at most 16 bytes.
std::string_view wordAt(std::string_view s, size_t i) {
    size_t j = i;
    while (j < s.size() && j - i < 16 && !spaceAt(s, j) && s[j] != ',' && s[j] != '.' && s[j] != ';' && s[j] != ':')
        ++j;
    return s.substr(i, j - i);
}

bool allDigits(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether the single period at `dot` ends a sentence, given that the next sentence would start
// at `next` (already known to start with a capital, digit or quote).
bool periodEndsSentence(std::string_view s, size_t lineStart, size_t dot, size_t next) {
    // The token before the period, back to whitespace; long tokens are never abbreviations, and
    // bounding the walk keeps a megabyte of "a.a.a.a" linear.
    constexpr size_t kMaxAbbrev = 24;
    size_t b = dot;
    while (b > lineStart && dot - b <= kMaxAbbrev && !isAsciiSpace(s[b - 1]) &&
           !(s[b - 1] == '\xA0' && b >= lineStart + 2 && s[b - 2] == '\xC2'))
        --b;
    if (dot - b > kMaxAbbrev) return true;
    std::string_view word = s.substr(b, dot - b);
    while (!word.empty()) {
        const auto [cp, n] = codePointAt(word, 0);
        if (!isOpener(cp)) break;
        word.remove_prefix(n);
    }
    if (word.empty()) return true;
    if (isNeverFinal(word)) return false;
    const auto [first, firstLen] = codePointAt(word, 0);
    if (firstLen == word.size() && isUpper(first)) return false;  // an initial: "John F. Kennedy"
    const std::string_view nextWord = wordAt(s, next);
    if (allDigits(word) && word.size() <= 2 && isGermanMonth(nextWord)) return false;
    if (isSometimesFinal(word) || dottedInitials(word)) return isSentenceStarter(nextWord);
    return true;
}

// Bytes that may end a sentence: . ! ? and the first byte of the ellipsis (U+2026). The splitter
// sees every byte of every article; one table lookup per byte lets it skip the rest quickly.
constexpr std::array<bool, 256> kMayEnd = [] {
    std::array<bool, 256> t{};
    t['.'] = t['!'] = t['?'] = t[0xE2] = true;
    return t;
}();

class Splitter {
public:
    explicit Splitter(std::string_view s) : s_(s) {}

    std::vector<Span> run() {
        size_t lineStart = 0;
        const size_t n = s_.size();
        while (lineStart < n) {
            const size_t le = lineEnd(lineStart);
            splitLine(lineStart, le);
            lineStart = le + 1;
        }
        return std::move(out_);
    }

private:
    // The next '\n' or '\r' from `from` on, or the end of the text. memchr finds the line feed
    // (the common line end) with wide loads and is asked again only once the search passes it,
    // so that text with '\r' line ends stays linear; a '\r' is looked for only up to it.
    size_t lineEnd(size_t from) {
        const size_t n = s_.size();
        if (!nextLf_ || *nextLf_ < from) {
            const auto* lf = static_cast<const char*>(std::memchr(s_.data() + from, '\n', n - from));
            nextLf_ = lf ? static_cast<size_t>(lf - s_.data()) : n;
        }
        const auto* cr = static_cast<const char*>(std::memchr(s_.data() + from, '\r', *nextLf_ - from));
        return cr ? static_cast<size_t>(cr - s_.data()) : *nextLf_;
    }

    void splitLine(size_t ls, size_t le) {
        size_t start = ls;
        size_t i = ls;
        while (i < le) {
            i = nextMayEnd(i, le);
            if (i >= le) break;
            const char c = s_[i];
            if (c == '\xE2' && s_.compare(i, 3, "\u2026") != 0) {  // another character from U+2000..U+2FFF
                ++i;
                continue;
            }
            const size_t termStart = i;
            bool onlyOnePeriod = c == '.';
            size_t j = i;
            while (j < le) {
                if (s_[j] == '.' || s_[j] == '!' || s_[j] == '?') {
                    ++j;
                } else if (s_[j] == '\xE2' && s_.compare(j, 3, "\u2026") == 0) {
                    j += 3;
                } else {
                    break;
                }
            }
            if (j - termStart != 1) onlyOnePeriod = false;
            while (j < le) {
                const size_t k = closerAt(s_, j);
                if (!k) break;
                j += k;
            }
            size_t k = j;
            while (k < le) {
                const size_t w = spaceAt(s_, k);
                if (!w) break;
                k += w;
            }
            if (k == j || k >= le) {  // no whitespace after, or the line ends: the line decides
                i = std::max(k, i + 1);
                continue;
            }
            const auto [cp, len] = codePointAt(s_, k);
            const bool startsSentence = isUpper(cp) || (cp >= '0' && cp <= '9') || isOpener(cp);
            if (startsSentence && (!onlyOnePeriod || periodEndsSentence(s_, ls, termStart, k))) {
                emit(start, j);
                start = k;
            }
            i = k;
        }
        emit(start, le);
    }

    // The first byte in [i, le) that may end a sentence, or le. Eight bytes at a time: this
    // passes over every byte of the text, and most stretches between two stops are long.
    size_t nextMayEnd(size_t i, size_t le) const {
        for (; i + 8 <= le; i += 8) {
            const uint64_t x = swar::load8(s_.data() + i);
            const uint64_t stop = swar::equal(x, '.') | swar::equal(x, '!') | swar::equal(x, '?') | swar::equal(x, 0xE2);
            if (stop) return i + static_cast<size_t>(std::countr_zero(stop)) / 8;
        }
        while (i < le && !kMayEnd[static_cast<unsigned char>(s_[i])]) ++i;
        return i;
    }

    // Adds [b, e) trimmed, cut into pieces of at most kMaxSentenceBytes at whitespace.
    void emit(size_t b, size_t e) {
        trim(b, e);
        while (e - b > kMaxSentenceBytes) {
            size_t cut = b + kMaxSentenceBytes;
            size_t ws = cut;
            while (ws > b && !isAsciiSpace(s_[ws])) --ws;
            if (ws > b) {
                cut = ws;
            } else {
                while (cut > b && (static_cast<unsigned char>(s_[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
            }
            size_t pe = cut;
            size_t pb = b;
            trim(pb, pe);
            if (pe > pb) out_.push_back(Span{static_cast<uint32_t>(pb), static_cast<uint32_t>(pe)});
            b = cut;
            trim(b, e);
        }
        if (e > b) out_.push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    }

    void trim(size_t& b, size_t& e) const {
        while (b < e) {
            const size_t w = spaceAt(s_, b);
            if (!w || b + w > e) break;
            b += w;
        }
        while (e > b) {
            if (isAsciiSpace(s_[e - 1])) --e;
            else if (e - b >= 2 && s_[e - 1] == '\xA0' && s_[e - 2] == '\xC2') e -= 2;
            else break;
        }
    }

    std::string_view s_;
    std::optional<size_t> nextLf_;  ///< the first '\n' at or after the last search's start, or the end
    std::vector<Span> out_;
};

}  // namespace

std::vector<Span> splitSentences(std::string_view text) { return Splitter(text).run(); }

}  // namespace cmap::text
