#include "core/text/dates_lex.h"

#include "core/text/dates.h"
#include "core/text/tokens.h"
#include "core/text/word_set.h"

#include <utf8proc.h>

#include <algorithm>

namespace cmap::text::datelex {
namespace {

std::pair<char32_t, size_t> codePointAt(std::string_view s, size_t i) {
    if (static_cast<unsigned char>(s[i]) < 0x80) return {static_cast<unsigned char>(s[i]), 1};
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                    static_cast<utf8proc_ssize_t>(std::min<size_t>(4, s.size() - i)), &cp);
    if (n <= 0) return {0xFFFD, 1};
    return {static_cast<char32_t>(cp), static_cast<size_t>(n)};
}

bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool isSpaceCp(char32_t c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
    return c >= 0x80 && utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ZS;
}

bool isWordCp(char32_t c) {
    if (c < 0x80) return isAsciiAlpha(c);
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) || cat == UTF8PROC_CATEGORY_MN ||
           cat == UTF8PROC_CATEGORY_MC;
}

void appendUtf8(std::string& out, char32_t cp) {
    utf8proc_uint8_t buf[4];
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

}  // namespace

std::string lowerAscii(std::string_view s) {
    std::string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

std::vector<Tok> tokenize(std::string_view s, std::string& lower) {
    // Room for a typical sentence's tokens up front (a token per five bytes or so), instead of
    // growing the vectors a doubling at a time: findDates runs on every sentence with a place.
    std::vector<Tok> toks;
    toks.reserve(s.size() / 4 + 4);
    std::vector<std::pair<size_t, size_t>> wordAt;  // (token, offset in lower) to point at later
    wordAt.reserve(s.size() / 4 + 4);
    lower.clear();
    lower.reserve(s.size());
    const size_t n = s.size();
    // The word tokens are the recognizer's (text::tokenize, the one tokenizer): between two of
    // them there are only spaces and punctuation, and within one no space. Its tokens are runs of
    // letters and digits, so each is cut here into numbers ("15"), words ("September") and the
    // rest ("²", enclosing marks), as dates read them: "15September" is a number and a word.
    std::vector<Token> words;
    words.reserve(s.size() / 5 + 4);
    text::tokenize(s, Span{0, static_cast<uint32_t>(n)}, words);
    bool space = true;
    size_t i = 0;
    // Spaces and punctuation up to end: a Punct token for each character that is not a space.
    const auto gapTo = [&](size_t end) {
        while (i < end) {
            const auto [cp, len] = codePointAt(s, i);
            if (isSpaceCp(cp)) {
                space = true;
            } else {
                Tok t;
                t.kind = Kind::Punct;
                t.cp = cp;
                t.b = static_cast<uint32_t>(i);
                t.e = static_cast<uint32_t>(i + len);
                t.spaceBefore = space;
                space = false;
                toks.push_back(t);
            }
            i += len;
        }
    };
    for (const Token& w : words) {
        // A number's thousands groups and suffix may have taken this word already ("2,000").
        if (w.span.end <= i) continue;
        gapTo(w.span.start);
        while (i < w.span.end) {
            const auto [cp, len] = codePointAt(s, i);
            Tok t;
            t.b = static_cast<uint32_t>(i);
            t.spaceBefore = space;
            space = false;
            if (isDigit(cp)) {
                t.kind = Kind::Number;
                size_t j = i;
                long long v = 0;
                while (j < n && isDigit(static_cast<unsigned char>(s[j]))) {
                    if (j - i < 9) v = v * 10 + (s[j] - '0');
                    ++j;
                }
                t.digits = static_cast<int>(j - i);
                t.value = t.digits <= 9 ? static_cast<int>(v) : -1;
                // Thousands groups: "2,000" and "1,700,000" are counts.
                while (j + 3 < n && s[j] == ',' && isDigit(static_cast<unsigned char>(s[j + 1])) &&
                       isDigit(static_cast<unsigned char>(s[j + 2])) && isDigit(static_cast<unsigned char>(s[j + 3])) &&
                       (j + 4 >= n || !isDigit(static_cast<unsigned char>(s[j + 4])))) {
                    t.grouped = true;
                    j += 4;
                }
                if (j < n && isAsciiAlpha(static_cast<unsigned char>(s[j]))) {
                    size_t k = j;
                    while (k < n && isAsciiAlpha(static_cast<unsigned char>(s[k]))) ++k;
                    const std::string suffix = lowerAscii(s.substr(j, k - j));
                    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" ||
                        (suffix == "er" && t.value == 1))
                        t.ordinal = true;
                    else
                        t.suffixed = true;
                    t.plural = suffix == "s";
                    j = k;
                } else if (s.compare(j, 2, "\u00BA") == 0 || s.compare(j, 2, "\u00AA") == 0) {
                    t.ordinal = true;  // Spanish "1º de enero"
                    j += 2;
                }
                t.e = static_cast<uint32_t>(j);
                i = j;
            } else if (isWordCp(cp)) {
                t.kind = Kind::Word;
                size_t j = i;
                bool anyLower = false;
                const size_t from = lower.size();
                t.firstUpper = cp >= 'A' && cp <= 'Z';
                while (j < n) {
                    if (static_cast<unsigned char>(s[j]) < 0x80) {  // the common case: a run of ASCII letters
                        const size_t run = j;
                        while (j < n && isAsciiAlpha(static_cast<unsigned char>(s[j]))) ++j;
                        // Appended whole and lower-cased in place: a byte at a time, the string
                        // rechecks its room for each.
                        const size_t at = lower.size();
                        lower.append(s.data() + run, j - run);
                        for (size_t k = at; k < lower.size(); ++k) {
                            anyLower = anyLower || lower[k] >= 'a';
                            lower[k] = static_cast<char>(lower[k] | 0x20);
                        }
                        if (j == run || j == n || static_cast<unsigned char>(s[j]) < 0x80) break;
                        continue;
                    }
                    const auto [c2, l2] = codePointAt(s, j);
                    if (!isWordCp(c2)) break;
                    const auto lc = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c2)));
                    if (lc != c2) {
                        if (j == i) t.firstUpper = true;
                    } else if (utf8proc_category(static_cast<utf8proc_int32_t>(c2)) == UTF8PROC_CATEGORY_LL) {
                        anyLower = true;
                    }
                    appendUtf8(lower, lc);
                    j += l2;
                }
                wordAt.emplace_back(toks.size(), from);
                t.lower = std::string_view(lower).substr(from, lower.size() - from);  // fixed below
                t.allUpper = t.firstUpper && !anyLower && j - i > 1;
                t.e = static_cast<uint32_t>(j);
                i = j;
            } else {
                t.kind = Kind::Punct;
                t.cp = cp;
                t.e = static_cast<uint32_t>(i + len);
                i += len;
            }
            toks.push_back(t);
        }
    }
    gapTo(n);
    // The buffer may have moved while it grew: point the words at its final place.
    for (const auto& [k, from] : wordAt) toks[k].lower = std::string_view(lower).substr(from, toks[k].lower.size());
    return toks;
}

}  // namespace cmap::text::datelex

namespace cmap::text {

// Here, beside the word tables it reads, rather than with the matcher in dates.cpp.
bool mayHoldDate(std::string_view text, std::span<const Token> words, const std::optional<model::Date>& reference) {
    // Without a reference only a stated year makes a date: every other form completes or shifts it.
    const bool referenced = reference && reference->valid();
    static const WordSet kWords = [] {
        WordSet set;
        for (const auto& m : datelex::kMonths) set.insert(m.name);
        for (const auto& d : datelex::kWeekdays) set.insert(d.name);
        for (const auto& x : datelex::kSeasons) set.insert(x.name);
        for (std::string_view w : {"yesterday", "ayer", "gestern", "today", "tonight", "hoy", "heute", "tomorrow",
                                   "week", "weekend", "night", "morning", "afternoon", "evening", "month", "year", "ago",
                                   "past", "recent", "day", "days", "later", "earlier", "ramadan", "eid", "overnight",
                                   // the ordinal's letters in "on the 5th", read by the digit-run loop below
                                   "st", "nd", "rd", "th"})
            set.insert(w);
        return set;
    }();
    // A listed word, compared lower-cased; most words are turned away by their first two bytes
    // and length before any copy.
    auto listed = [](std::string_view w) {
        const auto lowerAt = [&](size_t j) { return w[j] >= 'A' && w[j] <= 'Z' ? static_cast<char>(w[j] | 0x20) : w[j]; };
        char word[24];
        if (w.size() > sizeof word || !kWords.mayContain(lowerAt(0), w.size() > 1 ? lowerAt(1) : '\0', w.size())) return false;
        for (size_t j = 0; j < w.size(); ++j) word[j] = lowerAt(j);
        return kWords.contains(std::string_view(word, w.size()));
    };
    for (const Token& t : words) {
        const std::string_view w = t.span.in(text);
        if (!(t.flags & kDigits)) {
            if (referenced && listed(w)) return true;
            continue;
        }
        // Digits and letters in one token ("15September", "2015th"): each run on its own.
        for (size_t i = 0; i < w.size();) {
            const bool digits = w[i] >= '0' && w[i] <= '9';
            size_t j = i;
            while (j < w.size() && (w[j] >= '0' && w[j] <= '9') == digits) ++j;
            if (digits ? j - i == 4 : referenced && listed(w.substr(i, j - i))) return true;
            i = j;
        }
    }
    return false;
}

}  // namespace cmap::text
