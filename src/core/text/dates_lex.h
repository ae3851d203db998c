#pragma once
// The words of date expressions, shared by the date matcher (dates.cpp) and the publication-date
// reader (dates_publication.cpp): the recognizer's word tokens (text::tokenize) cut into numbers,
// words and punctuation, knowing what touches what; the month, weekday and season names; and the
// words around them that decide whether a number or a name is a date. Internal to core/text;
// dates_lex.cpp also holds mayHoldDate, the cheap check on these words.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace cmap::text::datelex {

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
    bool plural = false;      // Number: an "s" attached ("1990s"), which makes a decade of a year
    char32_t cp = 0;          // Punct: the character
};

// Tokens of s, from text::tokenize's; their lower-cased words live in `lower`, which must outlive them.
std::vector<Tok> tokenize(std::string_view s, std::string& lower);

std::string lowerAscii(std::string_view s);
inline bool isAsciiAlpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

template <size_t N>
bool in(const std::string_view (&list)[N], std::string_view w) {
    return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

enum Lang : uint8_t { En = 1, Es = 2, Fr = 4, De = 8 };

struct MonthName {
    std::string_view name;
    int month;
    uint8_t langs;
    bool abbrev;
};

inline constexpr MonthName kMonths[] = {
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

struct WeekdayName {
    std::string_view name;
    int weekday;  // 0 = Monday
    Lang lang;
};

inline constexpr WeekdayName kWeekdays[] = {
    {"monday", 0, En},     {"tuesday", 1, En},   {"wednesday", 2, En}, {"thursday", 3, En},
    {"friday", 4, En},     {"saturday", 5, En},  {"sunday", 6, En},    {"lunes", 0, Es},
    {"martes", 1, Es},     {"mi\u00E9rcoles", 2, Es}, {"miercoles", 2, Es}, {"jueves", 3, Es},
    {"viernes", 4, Es},    {"s\u00E1bado", 5, Es}, {"sabado", 5, Es},  {"domingo", 6, Es},
    {"lundi", 0, Fr},      {"mardi", 1, Fr},     {"mercredi", 2, Fr},  {"jeudi", 3, Fr},
    {"vendredi", 4, Fr},   {"samedi", 5, Fr},    {"dimanche", 6, Fr},  {"montag", 0, De},
    {"dienstag", 1, De},   {"mittwoch", 2, De},  {"donnerstag", 3, De}, {"freitag", 4, De},
    {"samstag", 5, De},    {"sonnabend", 5, De}, {"sonntag", 6, De},
};

// The seasons of the Northern Hemisphere, where the conflicts we read are, by their first month.
struct SeasonName {
    std::string_view name;
    int month;
};

inline constexpr SeasonName kSeasons[] = {
    {"spring", 3}, {"summer", 6}, {"autumn", 9}, {"fall", 9}, {"winter", 12}};

// Ordinals that pick a part of a month or a year ("the first week of March", "the second half of
// 2015"); -1 is the last part.
struct PartOrdinal {
    std::string_view name;
    int n;
};

inline constexpr PartOrdinal kPartOrdinals[] = {
    {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"last", -1}, {"final", -1}};

// ---------------------------------------------------------------------------------------------
// The words around dates, which decide whether a number or a name is one.

// Words after which a bare year is a date ("in 2006", "since 2011", "en 2005", "seit 2011").
inline constexpr std::string_view kYearPreps[] = {
    "in",    "since", "by",      "until",  "till",  "from",  "during", "before", "after",  "around", "circa",
    "throughout", "through", "between", "year", "en", "desde", "hasta", "depuis", "d\u00E8s", "seit", "im",
    "jahr",  "bis",   "von",     "a\u00F1o", "ano", "ann\u00E9e", "ca"};

// Prepositions that only ever take times, so the number after them is a year even before a noun.
inline constexpr std::string_view kTemporalPreps[] = {"in", "since", "during", "until", "till", "throughout", "en", "desde", "seit", "im"};

// Words that qualify a year or month without changing its precision; they belong in the span.
inline constexpr std::string_view kModifiers[] = {"early", "late", "mid", "spring", "summer", "autumn", "fall", "winter"};
// Words of a sentence about what is to come: its months without a year may lie ahead.
inline constexpr std::string_view kPlanWords[] = {"will", "shall", "scheduled", "planned", "plans", "plan", "planning",
                                                  "upcoming", "forthcoming", "expected", "expects", "due", "next", "ll"};
// Words that may follow "on the 5th" when it is a date ("on the 5th and 6th", "on the 5th, when").
inline constexpr std::string_view kAfterDay[] = {"and", "or", "when", "as", "after", "before", "at", "in", "the", "during",
                                                 "while", "but", "with", "by", "from", "of", "this", "that"};

// Nouns after "of" that make the year a date ("the end of 2015", "the summer of 2015").
inline constexpr std::string_view kOfTimeNouns[] = {
    "end", "start", "beginning", "middle", "half", "spring", "summer", "autumn", "fall", "winter", "quarter", "rest",
    "course", "months"};

// Words after a number that make it a count, not a year ("by 2015 votes").
inline constexpr std::string_view kCountNouns[] = {
    "people", "troops", "soldiers", "men", "women", "children", "votes", "dollars", "euros", "km",
    "kilometres", "kilometers", "miles", "tons", "tonnes", "units", "vehicles", "civilians", "fighters",
    "refugees", "casualties", "deaths", "members", "persons", "militants", "percent"};

// Words before a month or weekday that may start a sentence, so a capital there is no sign of a
// name ("Bloody Sunday", "USA Today").
inline constexpr std::string_view kLeadWords[] = {
    "on", "last", "this", "since", "by", "until", "from", "early", "late", "before", "after",
    "in", "during", "and", "but", "then", "through", "as", "of", "at"};

// Words that make a weekday after them a day's name ("Bloody Sunday", "Super Tuesday"). After any
// other capitalised word a weekday is a date: news writes "struck Homs Tuesday", "told CNN Sunday".
inline constexpr std::string_view kWeekdayNameWords[] = {
    "bloody", "black", "good", "super", "ash", "holy", "easter", "palm", "cyber", "maundy", "shrove", "fat",
    "blue", "giving", "whit", "low", "trinity", "orthodox", "great", "spy", "manic"};

inline constexpr std::string_view kNumberWords[] = {
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"};

inline int numberWordValue(std::string_view w) {
    if (w == "a" || w == "an") return 1;
    if (w == "twelve") return 12;
    for (size_t k = 2; k < 12; ++k)
        if (kNumberWords[k] == w) return static_cast<int>(k) - 1;
    if (w == "eleven") return 11;
    return 0;
}

}  // namespace cmap::text::datelex
