#pragma once
// The date matcher: one pass over a sentence's date tokens (dates_lex.h), trying at each token
// the families of expressions that may start there. Internal to core/text: dates.cpp holds the
// dates the words state (numeric, month-first, day-first, years, decades, months) and the public
// functions; dates_relative.cpp those told relative to the reference (weekdays, "yesterday",
// "last week", look-backs, seasons, parts of months and years, "the next day").
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/date.h"
#include "core/text/dates.h"
#include "core/text/dates_lex.h"

namespace cmap::text::datelex {

using model::Date;
using model::Precision;

// Where a month word stands, which decides how much evidence its spelling needs.
enum class MonthCtx { DayBefore, DayAfter, YearAfter, Alone };

int monthOf(const Tok& t, MonthCtx ctx);
bool hasLang(const Tok& t, uint8_t lang);
bool isMonthAbbrev(const Tok& t);
// Whether a word can start a date expression: the matcher looks closer only at those.
bool mayStartDate(std::string_view w);

// Resolution against the reference (the publication date): nullopt without one.
std::optional<Date> completeYear(int month, int day, const std::optional<Date>& ref);
std::optional<Date> shiftDays(int n, const std::optional<Date>& ref);
std::optional<Date> previousWeekday(int weekday, const std::optional<Date>& ref);
std::optional<Date> shiftMonths(int n, const std::optional<Date>& ref);
std::optional<Date> shiftYears(int n, const std::optional<Date>& ref);

constexpr int kMinYear = 1000;      // with a month or day beside it
constexpr int kMinBareYear = 1800;  // a year on its own
constexpr int kMaxYear = 2100;

class Matcher {
public:
    Matcher(std::string_view s, uint32_t base, std::optional<Date> ref, const StoryDate& story)
        : toks_(tokenize(s, lower_)), base_(base), ref_(ref), story_(story) {}

    std::vector<DateMention> run();

private:
    // A date found, by tokens [tb, te). date is the calendar date when the words name one.
    struct Hit {
        size_t tb = 0, te = 0;
        model::DateRange range;
        Date date;
        bool relative = false;
        bool completed = false;  // a month or day whose year came from the reference
    };

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

    // The last day "up to the reference" reaches: the publication day, or the end of the month
    // or year when that is all that is known of it. Needs a reference.
    int referenceEnd() const { return ref_->precision() == Precision::Day ? ref_->firstDay() : ref_->lastDay(); }

    // A month, or a day of a month, the words give without a year: the nearest such to the
    // reference (completeYear), but not one more than two months after it in a sentence that
    // speaks of no plan ("the siege ended in September" in a May paper is last September's).
    // nullopt without a reference.
    std::optional<Date> yearless(int month, int day) const;
    // Whether the sentence speaks of what is to come ("will", "scheduled", "plans").
    bool speaksOfPlans() const;
    // "last year", "this year", "next year", "of last year" at token k: the year's offset from
    // the reference's and the tokens they take (0 for none); an offset of +1 is a plan.
    std::pair<int, size_t> yearWordsAt(size_t k) const;

    // Whether token k qualifies a date's part of its period ("early", "late", "mid").
    bool qualifier(size_t k) const { return word(k, "early") || word(k, "late") || word(k, "mid"); }

    // The count a number or number word at token k states ("3", "two", "a"), 0 for none: a
    // small plain number, not "2,000", "60km" or "15th".
    int countAt(size_t k) const {
        const Tok* t = tok(k);
        if (!t) return 0;
        if (t->kind == Kind::Number) return !t->grouped && !t->suffixed && !t->ordinal && t->digits <= 3 ? t->value : 0;
        return t->kind == Kind::Word ? numberWordValue(t->lower) : 0;
    }

    // Whether token k is an English weekday's name ("Tuesday").
    bool weekdayAt(size_t k) const {
        const Tok* t = tok(k);
        if (!t || t->kind != Kind::Word || !t->firstUpper) return false;
        for (const auto& d : kWeekdays)
            if (d.lang == En && d.name == t->lower) return true;
        return false;
    }

    // A capitalised word right before k that is not a sentence-initial lead word marks a name
    // ("Bloody Sunday", "USA Today", "Theresa May").
    bool nameBefore(size_t k) const {
        const Tok* p = before(k);
        return p && p->kind == Kind::Word && p->firstUpper && !in(kLeadWords, p->lower);
    }

    void add(size_t tb, size_t te, Date d, bool relative, bool completed = false) {
        if (!d.valid()) return;
        hits_.push_back(Hit{tb, te, model::DateRange::of(d), d, relative, completed});
    }
    void add(size_t tb, size_t te, model::DateRange r, bool relative) {
        if (!r.valid()) return;
        hits_.push_back(Hit{tb, te, r, r.date(), relative, false});
    }

    // Whether token k joins the date that starts at token a to a date after k into one
    // interval: "3-5", "March to May", "2011 until 2013"; "and" only after "between" ("in 2011
    // and 2013" is two years).
    bool rangeJoiner(size_t a, size_t k) const {
        if (dash(k) || word(k, "to") || word(k, "through") || word(k, "thru") || word(k, "until") || word(k, "till"))
            return true;
        const bool andW = word(k, "and") || word(k, "y") || word(k, "et") || word(k, "und");
        return andW && a > 0 && (word(a - 1, "between") || word(a - 1, "entre") || word(a - 1, "zwischen"));
    }

    // Whether token k lists a second day after a first ("3 and 4 October", "October 3 or 5"):
    // the days named become one span from the first to the last.
    bool listJoiner(size_t k) const { return word(k, "and") || word(k, "or"); }

    // At most a week of days, ending in the seven days up to the reference, for sentenceDate.
    bool isRecent(const model::DateRange& r) const {
        if (!ref_ || ref_->precision() != Precision::Day) return false;
        if (r.last - r.first >= 7) return false;
        const int day = ref_->firstDay();
        return r.last <= day && r.last >= day - 7;
    }

    // After the matching (dates.cpp): ranges joined, "since" extended to the reference.
    void joinRanges();
    void extendSince();

    // Each returns the index after the tokens it consumed at i, or i when nothing matched.
    size_t matchAt(size_t i);
    // Dates the words state (dates.cpp).
    size_t explicitDate(size_t i, size_t spanStart);
    size_t numericDate(size_t i, size_t spanStart);
    size_t monthFirst(size_t i, size_t spanStart);
    size_t dayFirst(size_t i, size_t spanStart);
    size_t leadingDay(size_t i);
    size_t barYear(size_t i);
    size_t decade(size_t i);
    size_t monthAlone(size_t i);
    size_t ordinalDay(size_t i);
    // Dates told relative to the reference, or parts of a season, month or year (dates_relative.cpp).
    size_t season(size_t i);
    size_t partOf(size_t i);
    size_t islamic(size_t i);
    size_t weekday(size_t i);
    size_t relativeWord(size_t i);
    size_t weekend(size_t i);
    size_t lookback(size_t i);
    size_t agoPhrase(size_t i);
    size_t storyRelative(size_t i);

    std::string lower_;  // declared before toks_: tokenize() fills it first
    std::vector<Tok> toks_;
    uint32_t base_;
    std::optional<Date> ref_;
    const StoryDate& story_;
    std::vector<Hit> hits_;
    size_t consumed_ = 0;  // tokens before this index belong to an earlier match
    mutable std::optional<bool> plans_;  // speaksOfPlans(), asked at most once a sentence
};

}  // namespace cmap::text::datelex
