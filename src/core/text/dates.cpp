#include "core/text/dates.h"

#include "core/text/word_set.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <climits>
#include <string>

// Sections: 1. tokens  2. word tables  3. resolution against the reference
//           4. the matcher (one method per family of expressions)  5. public functions
namespace cmap::text {
namespace {

using model::Date;
using model::Precision;

// ---------------------------------------------------------------------------------------------
// 1. Tokens: words, numbers and single punctuation marks, each knowing whether whitespace came
// before it, which is what separates "2015-09-15" from "2015 - 09".

enum class Kind : uint8_t { Word, Number, Punct };

struct Tok {
    Kind kind = Kind::Punct;
    uint32_t b = 0, e = 0;
    bool spaceBefore = true;
    std::string_view lower;   // Word: lower-cased text (in the tokenizer's buffer)
    bool firstUpper = false;  // Word: starts with a capital
    bool allUpper = false;    // Word: capitals only, two letters or more
    int value = -1;           // Number: its value (-1 when over 9 digits)
    int digits = 0;           // Number: how many digits
    bool ordinal = false;     // Number: "15th", "1er", "1º"
    bool grouped = false;     // Number: "2,000" -- a count, never a day or a year
    bool suffixed = false;    // Number: letters attached ("60km", "1990s") -- not a date part
    char32_t cp = 0;          // Punct: the character
};

std::pair<char32_t, size_t> codePointAt(std::string_view s, size_t i) {
    if (static_cast<unsigned char>(s[i]) < 0x80) return {static_cast<unsigned char>(s[i]), 1};
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                    static_cast<utf8proc_ssize_t>(std::min<size_t>(4, s.size() - i)), &cp);
    if (n <= 0) return {0xFFFD, 1};
    return {static_cast<char32_t>(cp), static_cast<size_t>(n)};
}

bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool isAsciiAlpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

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

std::string lowerAscii(std::string_view s) {
    std::string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

// Tokens of s; their lower-cased words live in `lower`, which must outlive them.
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
    bool space = true;
    for (size_t i = 0; i < n;) {
        const auto [cp, len] = codePointAt(s, i);
        if (isSpaceCp(cp)) {
            space = true;
            i += len;
            continue;
        }
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
    // The buffer may have moved while it grew: point the words at its final place.
    for (const auto& [k, from] : wordAt) toks[k].lower = std::string_view(lower).substr(from, toks[k].lower.size());
    return toks;
}

// ---------------------------------------------------------------------------------------------
// 2. Word tables

enum Lang : uint8_t { En = 1, Es = 2, Fr = 4, De = 8 };

struct MonthName {
    std::string_view name;
    int month;
    uint8_t langs;
    bool abbrev;
};

constexpr MonthName kMonths[] = {
    {"january", 1, En, false},    {"february", 2, En, false},  {"march", 3, En, false},
    {"april", 4, En | De, false}, {"may", 5, En, false},       {"june", 6, En, false},
    {"july", 7, En, false},       {"august", 8, En | De, false}, {"september", 9, En | De, false},
    {"october", 10, En, false},   {"november", 11, En | De, false}, {"december", 12, En, false},
    {"jan", 1, En, true},         {"feb", 2, En, true},        {"mar", 3, En, true},
    {"apr", 4, En, true},         {"jun", 6, En, true},        {"jul", 7, En, true},
    {"aug", 8, En, true},         {"sep", 9, En, true},        {"sept", 9, En, true},
    {"oct", 10, En, true},        {"nov", 11, En, true},       {"dec", 12, En, true},
    {"enero", 1, Es, false},      {"febrero", 2, Es, false},   {"marzo", 3, Es, false},
    {"abril", 4, Es, false},      {"mayo", 5, Es, false},      {"junio", 6, Es, false},
    {"julio", 7, Es, false},      {"agosto", 8, Es, false},    {"septiembre", 9, Es, false},
    {"setiembre", 9, Es, false},  {"octubre", 10, Es, false},  {"noviembre", 11, Es, false},
    {"diciembre", 12, Es, false}, {"janvier", 1, Fr, false},   {"f\u00E9vrier", 2, Fr, false},
    {"fevrier", 2, Fr, false},    {"mars", 3, Fr, false},      {"avril", 4, Fr, false},
    {"mai", 5, Fr | De, false},   {"juin", 6, Fr, false},      {"juillet", 7, Fr, false},
    {"ao\u00FBt", 8, Fr, false},  {"aout", 8, Fr, false},      {"septembre", 9, Fr, false},
    {"octobre", 10, Fr, false},   {"novembre", 11, Fr, false}, {"d\u00E9cembre", 12, Fr, false},
    {"decembre", 12, Fr, false},  {"januar", 1, De, false},    {"februar", 2, De, false},
    {"m\u00E4rz", 3, De, false},  {"maerz", 3, De, false},     {"juni", 6, De, false},
    {"juli", 7, De, false},       {"oktober", 10, De, false},  {"dezember", 12, De, false},
};

// Where a month word stands, which decides how much evidence its spelling needs.
enum class MonthCtx { DayBefore, DayAfter, YearAfter, Alone };

// English months are capitalised ("may" and "march" are common words); Spanish and French ones
// are lower-case, and capitalised only count right after a day number ("Julio" and "Mayo" are
// names in English text); German ones need a day or a year next to them ("Juli" is a name too).
// English abbreviations never stand alone.
int monthOf(const Tok& t, MonthCtx ctx) {
    if (t.kind != Kind::Word) return 0;
    for (const auto& m : kMonths) {
        if (m.name != t.lower) continue;
        if ((m.langs & En) && t.firstUpper && (!m.abbrev || ctx != MonthCtx::Alone)) return m.month;
        if ((m.langs & (Es | Fr)) && (!t.firstUpper || ctx == MonthCtx::DayBefore)) return m.month;
        if ((m.langs & De) && t.firstUpper && (ctx == MonthCtx::DayBefore || ctx == MonthCtx::YearAfter))
            return m.month;
    }
    return 0;
}

bool hasLang(const Tok& t, uint8_t lang) {
    for (const auto& m : kMonths)
        if (m.name == t.lower && (m.langs & lang)) return true;
    return false;
}

bool isMonthAbbrev(const Tok& t) {
    for (const auto& m : kMonths)
        if (m.abbrev && m.name == t.lower) return true;
    return false;
}

struct WeekdayName {
    std::string_view name;
    int weekday;  // 0 = Monday
    Lang lang;
};

constexpr WeekdayName kWeekdays[] = {
    {"monday", 0, En},     {"tuesday", 1, En},   {"wednesday", 2, En}, {"thursday", 3, En},
    {"friday", 4, En},     {"saturday", 5, En},  {"sunday", 6, En},    {"lunes", 0, Es},
    {"martes", 1, Es},     {"mi\u00E9rcoles", 2, Es}, {"miercoles", 2, Es}, {"jueves", 3, Es},
    {"viernes", 4, Es},    {"s\u00E1bado", 5, Es}, {"sabado", 5, Es},  {"domingo", 6, Es},
    {"lundi", 0, Fr},      {"mardi", 1, Fr},     {"mercredi", 2, Fr},  {"jeudi", 3, Fr},
    {"vendredi", 4, Fr},   {"samedi", 5, Fr},    {"dimanche", 6, Fr},  {"montag", 0, De},
    {"dienstag", 1, De},   {"mittwoch", 2, De},  {"donnerstag", 3, De}, {"freitag", 4, De},
    {"samstag", 5, De},    {"sonnabend", 5, De}, {"sonntag", 6, De},
};

template <size_t N>
bool in(const std::string_view (&list)[N], std::string_view w) {
    return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// Words after which a bare year is a date ("in 2006", "since 2011", "en 2005", "seit 2011").
constexpr std::string_view kYearPreps[] = {
    "in",    "since", "by",      "until",  "till",  "from",  "during", "before", "after",  "around", "circa",
    "throughout", "through", "between", "year", "en", "desde", "hasta", "depuis", "d\u00E8s", "seit", "im",
    "jahr",  "bis",   "von",     "a\u00F1o", "ano", "ann\u00E9e", "ca"};

// Prepositions that only ever take times, so the number after them is a year even before a noun.
constexpr std::string_view kTemporalPreps[] = {"in", "since", "during", "until", "till", "throughout", "en", "desde", "seit", "im"};

// Words that qualify a year or month without changing its precision; they belong in the span.
constexpr std::string_view kModifiers[] = {"early", "late", "mid", "spring", "summer", "autumn", "fall", "winter"};

// Nouns after "of" that make the year a date ("the end of 2015", "the summer of 2015").
constexpr std::string_view kOfTimeNouns[] = {
    "end", "start", "beginning", "middle", "half", "spring", "summer", "autumn", "fall", "winter", "quarter", "rest",
    "course", "months"};

// Words after a number that make it a count, not a year ("by 2015 votes").
constexpr std::string_view kCountNouns[] = {
    "people", "troops", "soldiers", "men", "women", "children", "votes", "dollars", "euros", "km",
    "kilometres", "kilometers", "miles", "tons", "tonnes", "units", "vehicles", "civilians", "fighters",
    "refugees", "casualties", "deaths", "members", "persons", "militants", "percent"};

// Words before a month or weekday that may start a sentence, so a capital there is no sign of a
// name ("Bloody Sunday", "USA Today").
constexpr std::string_view kLeadWords[] = {
    "on", "last", "this", "since", "by", "until", "from", "early", "late", "before", "after",
    "in", "during", "and", "but", "then", "through", "as", "of", "at"};

constexpr std::string_view kNumberWords[] = {
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"};

int numberWordValue(std::string_view w) {
    if (w == "a" || w == "an") return 1;
    if (w == "twelve") return 12;
    for (size_t k = 2; k < 12; ++k)
        if (kNumberWords[k] == w) return static_cast<int>(k) - 1;
    if (w == "eleven") return 11;
    return 0;
}

// Whether a word can start a date expression. Almost no word can, and the matcher only needs to
// look closer at those few: this keeps findDates at tokenizer speed on long texts.
template <typename F>
void forEachTrigger(F&& f) {
    for (const auto& m : kMonths) f(m.name);
    for (const auto& d : kWeekdays) f(d.name);
    for (const auto x : kNumberWords) f(x);
    for (const std::string_view x : {"eleven", "yesterday", "today", "tonight", "tomorrow", "ayer", "hoy", "gestern",
                                     "heute", "last", "this", "next"})
        f(x);
}

bool mayStartDate(std::string_view w) {
    static const WordSet kTriggers = [] {
        WordSet set;
        forEachTrigger([&](std::string_view x) { set.insert(x); });
        return set;
    }();
    return kTriggers.contains(w);
}

// ---------------------------------------------------------------------------------------------
// 3. Resolution against the reference (publication) date

// Distance in days between two day intervals, 0 when they overlap.
int gap(int aFirst, int aLast, int bFirst, int bLast) { return std::max({0, aFirst - bLast, bFirst - aLast}); }

// The year of a month (and day) written without one. News style leaves the year out for the
// current year, so it is the reference's year, unless the reference sits near New Year and
// the neighbouring year's date is within a season of it ("December 28" in a January paper).
std::optional<Date> completeYear(int month, int day, const std::optional<Date>& ref) {
    if (!ref) return std::nullopt;
    constexpr int kNearDays = 92;
    const Date same{ref->year, month, day};
    const int sameGap = same.valid() ? gap(same.firstDay(), same.lastDay(), ref->firstDay(), ref->lastDay()) : INT_MAX;
    for (const int y : {ref->year - 1, ref->year + 1}) {
        const Date d{y, month, day};
        if (!d.valid()) continue;
        const int g = gap(d.firstDay(), d.lastDay(), ref->firstDay(), ref->lastDay());
        if (g <= kNearDays && g < sameGap) return d;
    }
    if (!same.valid()) return std::nullopt;  // February 29 of a common year
    return same;
}

// A day n days from the reference; a reference known only to the month or year yields itself,
// since the day is unknown and its month might not even be the reference's.
std::optional<Date> shiftDays(int n, const std::optional<Date>& ref) {
    if (!ref) return std::nullopt;
    if (ref->precision() != Precision::Day) return ref;
    return Date::fromDays(ref->firstDay() + n);
}

// The latest given weekday strictly before the reference ("on Monday" in a Wednesday paper).
std::optional<Date> previousWeekday(int weekday, const std::optional<Date>& ref) {
    if (!ref) return std::nullopt;
    if (ref->precision() != Precision::Day) return ref;
    const int d = ref->firstDay();
    int back = (model::weekdayOf(d) - weekday + 7) % 7;
    if (back == 0) back = 7;
    return Date::fromDays(d - back);
}

std::optional<Date> shiftMonths(int n, const std::optional<Date>& ref) {
    if (!ref || ref->month == 0) return std::nullopt;
    const int total = ref->year * 12 + (ref->month - 1) + n;
    return Date{total / 12, total % 12 + 1, 0};
}

std::optional<Date> shiftYears(int n, const std::optional<Date>& ref) {
    if (!ref) return std::nullopt;
    return Date{ref->year + n, 0, 0};
}

// ---------------------------------------------------------------------------------------------
// 4. The matcher

constexpr int kMinYear = 1000;      // with a month or day beside it
constexpr int kMinBareYear = 1800;  // a year on its own
constexpr int kMaxYear = 2100;

class Matcher {
public:
    Matcher(std::string_view s, uint32_t base, std::optional<Date> ref)
        : toks_(tokenize(s, lower_)), base_(base), ref_(ref) {}

    std::vector<DateMention> run() {
        size_t i = 0;
        while (i < toks_.size()) {
            const size_t next = matchAt(i);
            i = next > i ? next : i + 1;
        }
        return std::move(out_);
    }

private:
    // --- token predicates -------------------------------------------------------------------
    const Tok* tok(size_t k) const { return k < toks_.size() ? &toks_[k] : nullptr; }
    const Tok* before(size_t k) const { return k > 0 ? &toks_[k - 1] : nullptr; }

    bool word(size_t k, std::string_view w) const {
        const Tok* t = tok(k);
        return t && t->kind == Kind::Word && t->lower == w;
    }
    bool punct(size_t k, char32_t c) const {
        const Tok* t = tok(k);
        return t && t->kind == Kind::Punct && t->cp == c;
    }
    bool dash(size_t k) const { return punct(k, '-') || punct(k, 0x2013) || punct(k, 0x2014); }
    bool attached(size_t k) const { return k < toks_.size() && !toks_[k].spaceBefore; }
    // Whether token k is free: not part of an earlier mention.
    bool isFree(size_t k) const { return k >= consumed_; }

    bool isDay(size_t k) const {
        const Tok* t = tok(k);
        return t && t->kind == Kind::Number && t->digits <= 2 && t->value >= 1 && t->value <= 31 && !t->grouped &&
               !t->suffixed;
    }

    // A four-digit year in range that is not part of a larger number or an amount.
    bool isYear(size_t k, int lo) const {
        const Tok* t = tok(k);
        if (!t || t->kind != Kind::Number || t->digits != 4 || t->ordinal || t->grouped || t->suffixed) return false;
        if (t->value < lo || t->value > kMaxYear) return false;
        if (attached(k)) {
            const Tok* p = before(k);
            if (p && p->kind == Kind::Punct &&
                (p->cp == '$' || p->cp == 0x20AC || p->cp == 0xA3 || p->cp == '#' || p->cp == '.'))
                return false;
        }
        if (attached(k + 1) && (punct(k + 1, '%') || ((punct(k + 1, '.') || punct(k + 1, ',')) && attached(k + 2) &&
                                                      tok(k + 2)->kind == Kind::Number)))
            return false;
        return true;
    }

    bool countNounAfter(size_t k) const {
        const Tok* t = tok(k + 1);
        return t && t->kind == Kind::Word && in(kCountNouns, t->lower);
    }

    // A capitalised word right before k that is not a sentence-initial lead word marks a name
    // ("Bloody Sunday", "USA Today", "Theresa May").
    bool nameBefore(size_t k) const {
        const Tok* p = before(k);
        return p && p->kind == Kind::Word && p->firstUpper && !in(kLeadWords, p->lower);
    }

    void add(size_t tb, size_t te, Date d, bool relative) {
        if (!d.valid()) return;
        out_.push_back(DateMention{Span{base_ + toks_[tb].b, base_ + toks_[te - 1].e}, d, relative});
    }

    // --- dispatch -----------------------------------------------------------------------------
    // Returns the index after the tokens consumed at i, or i when nothing matched.
    size_t matchAt(size_t i) {
        size_t end = i;
        const Tok& t = toks_[i];
        if (t.kind == Kind::Number) {
            end = explicitDate(i, i);
            if (end == i) end = barYear(i);
            if (end == i) end = agoPhrase(i);
        } else if (t.kind == Kind::Word && mayStartDate(t.lower)) {
            end = weekday(i);
            if (end == i) end = explicitDate(i, i);
            if (end == i) end = monthAlone(i);
            if (end == i) end = relativeWord(i);
            if (end == i) end = agoPhrase(i);
        }
        if (end > i) consumed_ = end;
        return end;
    }

    // --- explicit dates -----------------------------------------------------------------------
    // Numeric, month-first and day-first dates starting at token i; the mention starts at
    // spanStart (earlier when a weekday leads: "Monday, September 28, 2015").
    size_t explicitDate(size_t i, size_t spanStart) {
        size_t end = numericDate(i, spanStart);
        if (end == i) end = monthFirst(i, spanStart);
        if (end == i) end = dayFirst(i, spanStart);
        return end;
    }

    // 2015-09-15, 2015/09/15, 15.09.2015, and 15/09/2015 or 09/15/2015 when the day is > 12.
    size_t numericDate(size_t i, size_t spanStart) {
        const Tok* a = tok(i);
        if (!a || a->kind != Kind::Number || a->grouped || a->suffixed || a->ordinal) return i;
        const Tok* sep = tok(i + 1);
        if (!sep || sep->kind != Kind::Punct || !attached(i + 1) || !attached(i + 2) || !attached(i + 3) ||
            !attached(i + 4))
            return i;
        const char32_t c = sep->cp;
        if (c != '-' && c != '/' && c != '.') return i;
        if (!punct(i + 3, c)) return i;
        const Tok* b = tok(i + 2);
        const Tok* d = tok(i + 4);
        if (!b || !d || b->kind != Kind::Number || d->kind != Kind::Number || b->digits > 2 || b->suffixed ||
            d->grouped || d->ordinal)
            return i;
        // A fourth part ("1.2.2015.3", "2015-09-15-2") makes it a version number or an identifier.
        if (attached(i + 5) && tok(i + 5)->kind == Kind::Punct && attached(i + 6) && tok(i + 6)->kind == Kind::Number)
            return i;
        Date date;
        if (a->digits == 4 && d->digits <= 2 && !d->suffixed && c != '.') {
            date = Date{a->value, b->value, d->value};
        } else if (a->digits <= 2 && d->digits == 4 && !d->suffixed) {
            int day = a->value, month = b->value;
            if (c == '/' || c == '-') {
                // Day-first or month-first is only knowable when one part cannot be a month.
                if (a->value <= 12 && b->value <= 12 && a->value != b->value) return i;
                if (a->value <= 12 && b->value > 12) std::swap(day, month);
            }
            date = Date{d->value, month, day};
        } else {
            return i;
        }
        if (date.year < kMinYear || date.year > kMaxYear || date.month == 0 || date.day == 0 || !date.valid())
            return i;
        add(spanStart, i + 5, date, false);
        return i + 5;
    }

    // "September 15, 2015", "Sept. 15 2015", "September 15th", "September 15-17, 2015",
    // "June 2015", "June of 2015".
    size_t monthFirst(size_t i, size_t spanStart) {
        const Tok& t = toks_[i];
        if (t.kind != Kind::Word) return i;
        size_t k = i + 1;
        if (punct(k, '.') && attached(k) && isMonthAbbrev(t)) ++k;
        if (isDay(k) && tok(k)->spaceBefore) {
            const int month = monthOf(t, MonthCtx::DayAfter);
            if (!month) return i;
            // Only English writes month-first.
            if (!hasLang(t, En)) return i;
            const size_t dayTok = k;
            const int day = tok(dayTok)->value;
            size_t after = dayTok + 1;
            // A range "15-17": the second day shares month and year.
            std::optional<size_t> secondDay;
            if (dash(after) && isDay(after + 1)) {
                secondDay = after + 1;
                after += 2;
            }
            size_t yearTok = after;
            if (punct(yearTok, ',')) ++yearTok;
            if (isYear(yearTok, kMinYear)) {
                const int year = tok(yearTok)->value;
                if (secondDay) {
                    add(spanStart, dayTok + 1, Date{year, month, day}, false);
                    add(*secondDay, yearTok + 1, Date{year, month, tok(*secondDay)->value}, false);
                } else {
                    add(spanStart, yearTok + 1, Date{year, month, day}, false);
                }
                return yearTok + 1;
            }
            // No year: the reference supplies it. "September 11" before "attacks" is 2001's.
            const Tok* n = tok(after);
            if (n && n->kind == Kind::Word &&
                (n->lower == "attacks" || n->lower == "attack" || n->lower == "anniversary" || n->lower == "hijackers"))
                return after;
            if (auto d = completeYear(month, day, ref_)) {
                add(spanStart, dayTok + 1, *d, true);
                if (secondDay)
                    if (auto d2 = completeYear(month, tok(*secondDay)->value, ref_)) add(*secondDay, *secondDay + 1, *d2, true);
            }
            return after;
        }
        // Month and year.
        const int month = monthOf(t, MonthCtx::YearAfter);
        if (!month) return i;
        k = i + 1;
        if (punct(k, '.') && attached(k) && isMonthAbbrev(t)) ++k;
        if (punct(k, ',') || word(k, "of") || word(k, "de") || word(k, "del")) ++k;
        if (!isYear(k, kMinYear) || countNounAfter(k)) return i;
        size_t start = spanStart;
        if (spanStart == i && i >= 1 && isFree(i - 1) && tok(i - 1)->kind == Kind::Word && in(kModifiers, tok(i - 1)->lower))
            start = i - 1;  // "early June 2015"
        add(start, k + 1, Date{tok(k)->value, month, 0}, false);
        return k + 1;
    }

    // "15 September 2015", "15th of September, 2015", "25 de enero de 2005", "1er janvier 2005",
    // "25. Januar 2005", and without a year "15 September", "el 25 de enero".
    size_t dayFirst(size_t i, size_t spanStart) {
        if (!isDay(i)) return i;
        size_t k = i + 1;
        const bool germanDot = punct(k, '.') && attached(k) && !tok(i)->ordinal;  // "25. Januar"
        if (germanDot) ++k;
        else if (word(k, "of") || word(k, "de") || word(k, "del")) ++k;
        const Tok* m = tok(k);
        if (!m) return i;
        const int month = monthOf(*m, MonthCtx::DayBefore);
        if (!month || (germanDot && !hasLang(*m, De))) return i;
        if (k == i + 1 && !m->spaceBefore) return i;  // "15September" is no date anyone writes
        const int day = tok(i)->value;
        size_t y = k + 1;
        if (punct(y, '.') && attached(y) && isMonthAbbrev(*m)) ++y;
        size_t yearTok = y;
        if (punct(yearTok, ',') || word(yearTok, "de") || word(yearTok, "del") || word(yearTok, "of")) ++yearTok;
        if (isYear(yearTok, kMinYear) && !countNounAfter(yearTok)) {
            add(spanStart, yearTok + 1, Date{tok(yearTok)->value, month, day}, false);
            return yearTok + 1;
        }
        if (auto d = completeYear(month, day, ref_)) add(spanStart, y, *d, true);
        return y;
    }

    // --- years on their own -------------------------------------------------------------------
    // A bare year counts only where its neighbours make it a date: "in 2006", "since 2011",
    // "mid-2014", "early 2015", "the end of 2015". "2,000 troops" is grouped and "2006 people"
    // has no such neighbour.
    size_t barYear(size_t i) {
        if (!isYear(i, kMinBareYear)) return i;
        std::optional<size_t> start;
        const Tok* p = before(i);
        if (p && isFree(i - 1)) {
            if (dash(i - 1) && attached(i) && attached(i - 1) && i >= 2 && isFree(i - 2) &&
                (word(i - 2, "mid") || word(i - 2, "early") || word(i - 2, "late")))
                start = i - 2;  // "mid-2014"
            else if (p->kind == Kind::Word && in(kModifiers, p->lower))
                start = i - 1;  // "early 2015", "summer 2015"
            else if (p->kind == Kind::Word && in(kYearPreps, p->lower))
                start = i;
            else if (word(i - 1, "of") && i >= 2 && tok(i - 2)->kind == Kind::Word && in(kOfTimeNouns, tok(i - 2)->lower))
                start = i;
        }
        if (!start) return i;
        // "by 2015 votes" is a count, but after a purely temporal word it is still a year
        // ("in 2015 people fled").
        if (countNounAfter(i) && !(p->kind == Kind::Word && in(kTemporalPreps, p->lower))) return i;
        // "(2006)" after a title is a citation, not an event date.
        if (punct(i - 1, '(') && punct(i + 1, ')')) return i;
        add(*start, i + 1, Date{tok(i)->value, 0, 0}, false);
        // A second year of a range: "between 2011 and 2013", "from 2011 to 2013", "2011-2013".
        const size_t c = i + 1;
        const bool joiner = word(c, "and") || word(c, "or") || word(c, "to") || word(c, "through") ||
                            word(c, "until") || word(c, "till") || word(c, "y") || word(c, "a") || word(c, "et") ||
                            word(c, "und") || word(c, "bis") || dash(c);
        if (joiner && isYear(c + 1, kMinBareYear) && !countNounAfter(c + 1)) {
            add(c + 1, c + 2, Date{tok(c + 1)->value, 0, 0}, false);
            return c + 2;
        }
        return i + 1;
    }

    // --- months without a year ----------------------------------------------------------------
    // "in June", "since March", "last June", "mid-June", "en enero": the year comes from the
    // reference.
    size_t monthAlone(size_t i) {
        const int month = monthOf(toks_[i], MonthCtx::Alone);
        if (!month || i == 0 || !isFree(i - 1)) return i;
        const Tok& p = toks_[i - 1];
        if (p.kind != Kind::Word && !dash(i - 1)) return i;
        size_t start = i;
        std::optional<Date> d;
        if (dash(i - 1)) {
            if (!(attached(i) && attached(i - 1) && i >= 2 && isFree(i - 2) &&
                  (word(i - 2, "mid") || word(i - 2, "early") || word(i - 2, "late"))))
                return i;
            start = i - 2;
            d = completeYear(month, 0, ref_);
        } else if (p.lower == "last" || p.lower == "pasado") {
            // The latest such month that ended before the reference began.
            if (!ref_) return i + 1;
            for (const int y : {ref_->year, ref_->year - 1}) {
                const Date c{y, month, 0};
                if (c.lastDay() < ref_->firstDay()) {
                    d = c;
                    break;
                }
            }
            start = i - 1;
        } else if (p.lower == "this") {
            if (ref_) d = Date{ref_->year, month, 0};
            start = i - 1;
        } else if (p.lower == "next" || p.lower == "coming") {
            return i + 1;  // a plan, and "next" is ambiguous around the turn of the year
        } else if (in(kModifiers, p.lower)) {
            start = i - 1;
            d = completeYear(month, 0, ref_);
        } else if (in(kYearPreps, p.lower) || p.lower == "de") {
            d = completeYear(month, 0, ref_);
        } else {
            return i;
        }
        if (d) add(start, i + 1, *d, true);
        return i + 1;
    }

    // --- weekdays -----------------------------------------------------------------------------
    // "on Monday", "last Tuesday", "said Thursday", "el lunes", "le lundi", "am Montag":
    // the latest such day before publication. A weekday before a full date only names it.
    size_t weekday(size_t i) {
        const Tok& t = toks_[i];
        const WeekdayName* w = nullptr;
        for (const auto& c : kWeekdays)
            if (c.name == t.lower) w = &c;
        if (!w) return i;
        // "Monday, September 28, 2015" / "lunes 28 de septiembre de 2015".
        size_t k = i + 1;
        if (punct(k, ',')) ++k;
        if (k < toks_.size()) {
            const size_t end = explicitDate(k, i);
            if (end > k) return end;
        }
        const Tok* p = before(i);
        const std::string_view prev = p && p->kind == Kind::Word ? std::string_view(p->lower) : std::string_view();
        bool ok = false;
        switch (w->lang) {
        case En: ok = t.firstUpper && !nameBefore(i); break;
        case Es: ok = !t.firstUpper ? (prev == "el" || word(i + 1, "pasado")) : prev == "el"; break;
        case Fr: ok = prev == "le" || word(i + 1, "dernier"); break;
        case De: ok = t.firstUpper && (prev == "am" || prev == "letzten" || prev == "vergangenen"); break;
        }
        if (!ok) return i;
        if (prev == "next" || prev == "coming" || word(i + 1, "next") || prev == "n\u00E4chsten") return i + 1;
        size_t start = i;
        if (p && isFree(i - 1) && (prev == "last" || prev == "this" || prev == "early" || prev == "late")) start = i - 1;
        if (auto d = previousWeekday(w->weekday, ref_)) add(start, i + 1, *d, true);
        return i + 1;
    }

    // --- words relative to the reference ------------------------------------------------------
    // "yesterday", "today", "tomorrow", "ayer", "hoy"; "last month", "this year", "next year".
    size_t relativeWord(size_t i) {
        const Tok& t = toks_[i];
        const std::string_view w = t.lower;
        std::optional<int> days;
        if (w == "yesterday" || w == "ayer" || w == "gestern") days = -1;
        else if (w == "today" || w == "tonight" || w == "hoy" || w == "heute") days = 0;
        else if (w == "tomorrow") days = 1;
        if (days) {
            if (nameBefore(i)) return i;  // "USA Today"
            if (auto d = shiftDays(*days, ref_)) add(i, i + 1, *d, true);
            return i + 1;
        }
        // last/this/next + week/month/year. "for the last year" is a duration, not a date.
        const bool lastW = w == "last", thisW = w == "this", nextW = w == "next";
        if (!(lastW || thisW || nextW) || (i > 0 && word(i - 1, "the"))) return i;
        const int step = lastW ? -1 : nextW ? 1 : 0;
        std::optional<Date> d;
        if (word(i + 1, "month")) d = shiftMonths(step, ref_);
        else if (word(i + 1, "year")) d = shiftYears(step, ref_);
        else return i;  // "last week" would claim a day or a month boundary we do not know
        if (d) add(i, i + 2, *d, true);
        return i + 2;
    }

    // "two days ago", "3 months ago", "a year ago". Weeks are left out: "three weeks ago" is
    // rarely exact and its month would be a guess near month ends.
    size_t agoPhrase(size_t i) {
        const Tok& t = toks_[i];
        int n = 0;
        if (t.kind == Kind::Number && !t.grouped && !t.suffixed && !t.ordinal && t.digits <= 3) n = t.value;
        else if (t.kind == Kind::Word) n = numberWordValue(t.lower);
        if (n <= 0 || !word(i + 2, "ago")) return i;
        const Tok* unit = tok(i + 1);
        if (!unit || unit->kind != Kind::Word) return i;
        const std::string_view u = unit->lower;
        std::optional<Date> d;
        if (u == "day" || u == "days") d = shiftDays(-n, ref_);
        else if (u == "month" || u == "months") d = shiftMonths(-n, ref_);
        else if (u == "year" || u == "years") d = shiftYears(-n, ref_);
        else return i;
        if (d) add(i, i + 3, *d, true);
        return i + 3;
    }

    std::string lower_;  // declared before toks_: tokenize() fills it first
    std::vector<Tok> toks_;
    uint32_t base_;
    std::optional<Date> ref_;
    std::vector<DateMention> out_;
    size_t consumed_ = 0;  // tokens before this index belong to an earlier match
};

// Words that may share a line with a publication date without making it something else.
constexpr std::string_view kDateLineWords[] = {
    "published", "posted", "updated", "last", "modified", "on", "at", "am", "pm", "a", "m", "p", "gmt",
    "utc", "bst", "est", "edt", "cet", "cest", "msk", "et", "pt", "h", "date", "publicado", "publi\u00E9"};

bool isWeekdayWord(std::string_view w) {
    for (const auto& c : kWeekdays)
        if (c.name == w) return true;
    return false;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// 5. Public functions

bool mayHoldDate(std::string_view text, std::span<const Token> words, const std::optional<model::Date>& reference) {
    // Without a reference only a stated year makes a date: every other form completes or shifts it.
    const bool referenced = reference && reference->valid();
    static const WordSet kWords = [] {
        WordSet set;
        for (const auto& m : kMonths) set.insert(m.name);
        for (const auto& d : kWeekdays) set.insert(d.name);
        for (std::string_view w : {"yesterday", "ayer", "gestern", "today", "tonight", "hoy", "heute", "tomorrow",
                                   "month", "year", "ago"})
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

std::vector<DateMention> findDates(std::string_view sentence, uint32_t baseOffset, std::optional<model::Date> reference) {
    if (reference && !reference->valid()) reference.reset();
    return Matcher(sentence, baseOffset, reference).run();
}

std::optional<model::Date> sentenceDate(const std::vector<DateMention>& mentions) {
    if (mentions.empty()) return std::nullopt;
    return mentions.front().date;
}

std::optional<model::Date> inferPublicationDate(std::string_view text) {
    constexpr size_t kHead = 1000;
    std::string_view head = text.substr(0, kHead);

    // 1. A labelled date: "Published: September 30, 2015", "Posted on 2015-09-30". The label
    // must be on the same line, and published/posted win over updated.
    const std::string lowered = lowerAscii(head);
    for (const std::string_view label : {"published", "posted", "publicado", "updated"}) {
        for (size_t at = lowered.find(label); at != std::string::npos; at = lowered.find(label, at + 1)) {
            if (at > 0 && isAsciiAlpha(static_cast<unsigned char>(lowered[at - 1]))) continue;  // "unpublished"
            const size_t from = at + label.size();
            size_t to = head.find('\n', from);
            if (to == std::string_view::npos) to = head.size();
            to = std::min(to, from + 120);
            const auto mentions = findDates(head.substr(from, to - from), 0, std::nullopt);
            if (!mentions.empty() && mentions.front().span.start <= 40 && mentions.front().date.precision() != Precision::Year)
                return mentions.front().date;
        }
    }

    // 2. A full date that is (nearly) a whole line of the first three, or follows a dateline.
    size_t lineStart = 0;
    for (int lines = 0; lines < 3 && lineStart < head.size();) {
        size_t lineEnd = head.find('\n', lineStart);
        if (lineEnd == std::string_view::npos) lineEnd = head.size();
        const std::string_view line = head.substr(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        ++lines;
        const auto mentions = findDates(line, 0, std::nullopt);
        if (mentions.empty()) continue;
        const DateMention& m = mentions.front();
        if (m.date.precision() != Precision::Day) continue;
        const std::string_view pre = line.substr(0, m.span.start);
        const std::string_view post = line.substr(m.span.end);
        // Dateline: capitals and a comma before the date ("MOSCOW, Sept. 30, 2015 -").
        std::string buf;
        const auto preToks = tokenize(pre, buf);
        bool dateline = !preToks.empty() && preToks.back().kind == Kind::Punct && preToks.back().cp == ',';
        for (size_t k = 0; k + 1 < preToks.size() && dateline; ++k)
            if (preToks[k].kind != Kind::Word || !preToks[k].allUpper) dateline = false;
        if (dateline) return m.date;
        // Otherwise only time words, weekdays, times and punctuation may share the line.
        bool onlyDateWords = true;
        std::string partBuf;
        for (const std::string_view part : {pre, post})
            for (const Tok& t : tokenize(part, partBuf))
                if (t.kind == Kind::Word && !in(kDateLineWords, t.lower) && !isWeekdayWord(t.lower)) onlyDateWords = false;
        if (onlyDateWords) return m.date;
    }
    return std::nullopt;
}

}  // namespace cmap::text
