#include "core/text/dates.h"

#include "core/text/dates_matcher.h"
#include "core/text/word_set.h"

#include <algorithm>
#include <climits>
#include <string>

// Sections: 2. word tables (1, the tokens, is dates_lex: the recognizer's, cut for dates)
//           3. resolution against the reference  4. the matcher's dates the words state (one
//           method per family of expressions; the relative ones are dates_relative.cpp)
//           5. public functions. inferPublicationDate is in dates_publication.cpp.
namespace cmap::text::datelex {
// ---------------------------------------------------------------------------------------------
// 2. Word tables

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

namespace {

// Whether a word can start a date expression. Almost no word can, and the matcher only needs to
// look closer at those few: this keeps findDates at tokenizer speed on long texts.
template <typename F>
void forEachTrigger(F&& f) {
    for (const auto& m : kMonths) f(m.name);
    for (const auto& d : kWeekdays) f(d.name);
    for (const auto& x : kSeasons) f(x.name);
    for (const auto& x : kPartOrdinals) f(x.name);
    for (const auto x : kNumberWords) f(x);
    for (const std::string_view x : {"eleven", "yesterday", "today", "tonight", "tomorrow", "ayer", "hoy", "gestern",
                                     "heute", "last", "this", "next", "weekend", "past", "recent", "following",
                                     "previous", "same", "that", "later", "earlier", "day", "hours", "ramadan", "eid",
                                     "overnight"})
        f(x);
}

}  // namespace

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

namespace {
// Distance in days between two day intervals, 0 when they overlap.
int gap(int aFirst, int aLast, int bFirst, int bLast) { return std::max({0, aFirst - bLast, bFirst - aLast}); }
}  // namespace

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

std::optional<Date> Matcher::yearless(int month, int day) const {
    // Within two months ahead the nearest stands: a meeting "on 3 October" in a paper of 30
    // September is more likely days off than a year ago. Judged by the month, so that the days
    // of one month ("from April 8 to 18") keep one year.
    constexpr int kAheadDays = 61;
    std::optional<Date> d = completeYear(month, day, ref_);
    if (d && Date{d->year, month, 0}.firstDay() > referenceEnd() + kAheadDays && !speaksOfPlans()) {
        const Date before{d->year - 1, month, day};
        if (before.valid()) d = before;
    }
    return d;
}

bool Matcher::speaksOfPlans() const {
    if (!plans_)
        plans_ = std::any_of(toks_.begin(), toks_.end(), [](const Tok& t) { return t.kind == Kind::Word && in(kPlanWords, t.lower); });
    return *plans_;
}

std::pair<int, size_t> Matcher::yearWordsAt(size_t k) const {
    const size_t of = word(k, "of") ? 1 : 0;
    if (!word(k + of + 1, "year")) return {0, 0};
    if (word(k + of, "last")) return {-1, of + 2};
    if (word(k + of, "this")) return {0, of + 2};
    if (word(k + of, "next")) return {1, of + 2};
    return {0, 0};
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
// 4. The matcher: the dates the words state

std::vector<DateMention> Matcher::run() {
    size_t i = 0;
    while (i < toks_.size()) {
        const size_t next = matchAt(i);
        i = next > i ? next : i + 1;
    }
    joinRanges();
    extendSince();
    std::vector<DateMention> out;
    out.reserve(hits_.size());
    for (const Hit& h : hits_) {
        const Span span{base_ + toks_[h.tb].b, base_ + toks_[h.te - 1].e};
        out.push_back(DateMention{span, h.range, h.range.date(), h.relative, h.relative && isRecent(h.range)});
    }
    return out;
}

// Two dates joined by a range word become one span: "between 3 and 5 October",
// "from March to May 2015", "2011-2013". A first part without a year takes the second's
// ("from December to March 2015" starts in December 2014).
void Matcher::joinRanges() {
    std::vector<Hit> joined;
    joined.reserve(hits_.size());
    for (const Hit& h : hits_) {
        if (joined.empty()) {
            joined.push_back(h);
            continue;
        }
        Hit& a = joined.back();
        if (h.tb != a.te + 1 || !rangeJoiner(a.tb, a.te)) {
            joined.push_back(h);
            continue;
        }
        int first = a.range.first;
        if (a.completed && !h.completed && a.date.precision() != Precision::Year) {
            Date d = a.date;
            d.year = h.date.year;
            if (d.valid() && d.firstDay() > h.range.last) --d.year;
            if (d.valid()) first = d.firstDay();
        }
        if (first > h.range.last) {
            joined.push_back(h);
            continue;
        }
        const auto r = model::DateRange::span(first, h.range.last);
        a = Hit{a.tb, h.te, r, r.date(), a.relative || h.relative, false};
    }
    hits_ = std::move(joined);
}

// "since 2011", "since March", "since the 1990s": from the date's first day up to the
// reference (the publication day, or the end of its month or year when that is all we know).
void Matcher::extendSince() {
    if (!ref_) return;
    const int end = referenceEnd();
    for (Hit& h : hits_) {
        size_t k = h.tb;
        if (k > 0 && word(k - 1, "the")) --k;
        if (k == 0 || !(word(k - 1, "since") || word(k - 1, "desde") || word(k - 1, "depuis") || word(k - 1, "seit")))
            continue;
        if (end <= h.range.last) continue;
        h.range = model::DateRange::span(h.range.first, end);
        h.date = h.range.date();
        h.relative = true;
    }
}

// --- dispatch -----------------------------------------------------------------------------
// Returns the index after the tokens consumed at i, or i when nothing matched.
size_t Matcher::matchAt(size_t i) {
    size_t end = i;
    const Tok& t = toks_[i];
    if (t.kind == Kind::Number) {
        end = explicitDate(i, i);
        if (end == i) end = leadingDay(i);
        if (end == i) end = ordinalDay(i);
        if (end == i) end = barYear(i);
        if (end == i) end = decade(i);
        if (end == i) end = agoPhrase(i);
        if (end == i) end = storyRelative(i);
    } else if (t.kind == Kind::Word && mayStartDate(t.lower)) {
        end = weekday(i);
        if (end == i) end = explicitDate(i, i);
        if (end == i) end = season(i);
        if (end == i) end = partOf(i);
        if (end == i) end = islamic(i);
        if (end == i) end = monthAlone(i);
        if (end == i) end = lookback(i);
        if (end == i) end = relativeWord(i);
        if (end == i) end = agoPhrase(i);
        if (end == i) end = storyRelative(i);
    }
    if (end > i) consumed_ = end;
    return end;
}

// --- explicit dates -----------------------------------------------------------------------
// Numeric, month-first and day-first dates starting at token i; the mention starts at
// spanStart (earlier when a weekday leads: "Monday, September 28, 2015").
size_t Matcher::explicitDate(size_t i, size_t spanStart) {
    size_t end = numericDate(i, spanStart);
    if (end == i) end = monthFirst(i, spanStart);
    if (end == i) end = dayFirst(i, spanStart);
    return end;
}

// 2015-09-15, 2015/09/15, 15.09.2015, and 15/09/2015 or 09/15/2015 when the day is > 12.
size_t Matcher::numericDate(size_t i, size_t spanStart) {
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
size_t Matcher::monthFirst(size_t i, size_t spanStart) {
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
        // A range "15-17", "15 to 17": the second day shares month and year. So does the second
        // of a list, "March 5 and 6", whose span runs from the first to the last.
        std::optional<size_t> secondDay;
        const bool range = rangeJoiner(spanStart, after);
        const bool list = !range && listJoiner(after) && !countNounAfter(after + 1);
        // ("September 28 to 3 October" is a day of each month: two dates that joinRanges joins.)
        if ((range || list) && isDay(after + 1) &&
            !(after + 2 < toks_.size() && monthOf(toks_[after + 2], MonthCtx::DayBefore))) {
            secondDay = after + 1;
            after += 2;
        }
        // The listed days as one span, when the second comes after the first.
        auto addList = [&](const Date& a, const Date& b, size_t end, bool relative) {
            if (b.firstDay() > a.firstDay()) add(spanStart, end, model::DateRange::span(a.firstDay(), b.lastDay()), relative);
            else add(spanStart, dayTok + 1, a, relative, relative);
        };
        size_t yearTok = after;
        if (punct(yearTok, ',')) ++yearTok;
        if (isYear(yearTok, kMinYear)) {
            const int year = tok(yearTok)->value;
            if (secondDay && list) {
                addList(Date{year, month, day}, Date{year, month, tok(*secondDay)->value}, yearTok + 1, false);
            } else if (secondDay) {
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
        if (auto d = yearless(month, day)) {
            const auto d2 = secondDay ? yearless(month, tok(*secondDay)->value) : std::nullopt;
            if (d2 && list) {
                addList(*d, *d2, *secondDay + 1, true);
            } else {
                add(spanStart, dayTok + 1, *d, true, true);
                if (d2) add(*secondDay, *secondDay + 1, *d2, true, true);
            }
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
size_t Matcher::dayFirst(size_t i, size_t spanStart) {
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
    if (auto d = yearless(month, day)) add(spanStart, y, *d, true, true);
    return y;
}

// "3-5 October", "between 3 and 5 October 2015", "from 3 to 5 October": a day number whose
// month and year are the next date's. joinRanges makes the two one span. "on 3 and 4
// October", "3 or 4 October": the days named, one span from the first to the last.
size_t Matcher::leadingDay(size_t i) {
    if (!isDay(i)) return i;
    const bool range = rangeJoiner(i, i + 1), list = !range && listJoiner(i + 1);
    if (!range && !list) return i;
    const size_t count = hits_.size();
    const size_t end = dayFirst(i + 2, i + 2);
    if (end == i + 2 || hits_.size() != count + 1) return i;
    const Hit second = hits_.back();
    const Date first{second.date.year, second.date.month, tok(i)->value};
    if (second.date.precision() != Precision::Day || !first.valid() || first.day >= second.date.day) return end;
    if (list) {
        hits_.pop_back();
        add(i, second.te, model::DateRange::span(first.firstDay(), second.range.last), second.relative);
    } else {
        hits_.insert(hits_.end() - 1, Hit{i, i + 1, model::DateRange::of(first), first, second.relative, second.completed});
    }
    return end;
}

// --- years on their own -------------------------------------------------------------------
// A bare year counts only where its neighbours make it a date: "in 2006", "since 2011",
// "mid-2014", "early 2015", "the end of 2015". "2,000 troops" is grouped and "2006 people"
// has no such neighbour.
size_t Matcher::barYear(size_t i) {
    if (!isYear(i, kMinBareYear)) return i;
    std::optional<size_t> start;
    const Tok* p = before(i);
    if (p && isFree(i - 1)) {
        if (dash(i - 1) && attached(i) && attached(i - 1) && i >= 2 && isFree(i - 2) && qualifier(i - 2))
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

// "the 1990s", "the early 1990s", "the mid-1980s", "the 1990's": the ten years from the one
// ending in 0. "the" is required: "1990s style" is no time.
size_t Matcher::decade(size_t i) {
    const Tok& t = toks_[i];
    if (t.digits != 4 || t.value % 10 != 0 || t.value < kMinBareYear || t.value > kMaxYear || t.grouped) return i;
    size_t end = i + 1;
    if (!t.plural) {
        if (t.suffixed || !(punct(i + 1, '\'') || punct(i + 1, 0x2019)) || !attached(i + 1) || !attached(i + 2) ||
            !word(i + 2, "s"))
            return i;
        end = i + 3;
    }
    size_t start = i;
    if (i >= 2 && dash(i - 1) && attached(i) && attached(i - 1) && qualifier(i - 2)) start = i - 2;
    else if (i >= 1 && qualifier(i - 1)) start = i - 1;
    if (start == 0 || !word(start - 1, "the") || !isFree(start - 1)) return i;
    add(start, end, model::DateRange::decadeOf(t.value), false);
    return end;
}

// --- months without a year ----------------------------------------------------------------
// "in June", "since March", "last June", "mid-June", "en enero": the year comes from the
// reference.
size_t Matcher::monthAlone(size_t i) {
    const int month = monthOf(toks_[i], MonthCtx::Alone);
    if (!month || i == 0 || !isFree(i - 1)) return i;
    const Tok& p = toks_[i - 1];
    if (p.kind != Kind::Word && !dash(i - 1)) return i;
    size_t start = i;
    std::optional<Date> d;
    bool completed = false;
    if (dash(i - 1)) {
        if (!(attached(i) && attached(i - 1) && i >= 2 && isFree(i - 2) && qualifier(i - 2))) return i;
        start = i - 2;
        d = yearless(month, 0);
        completed = true;
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
        d = yearless(month, 0);
        completed = true;
    } else if (in(kYearPreps, p.lower) || p.lower == "de" ||
               (p.lower == "of" && i >= 2 && tok(i - 2)->kind == Kind::Word && in(kOfTimeNouns, tok(i - 2)->lower)) ||
               (!hits_.empty() && hits_.back().te == i - 1 && rangeJoiner(hits_.back().tb, i - 1))) {
        // "in June", "at the end of June", and the second month of "between March and May"
        d = yearless(month, 0);
        completed = true;
    } else {
        return i;
    }
    // "in September last year", "in March of this year": the year the words give.
    if (const auto [offset, taken] = yearWordsAt(i + 1); taken && completed) {
        if (offset > 0 || !ref_) return i + 1 + taken;  // "in June next year": a plan
        d = Date{ref_->year + offset, month, 0};
        add(start, i + 1 + taken, *d, true);
        return i + 1 + taken;
    }
    if (completed && i + 2 < toks_.size() && rangeJoiner(start, i + 1)) {
        // "from November to February 2015": the first month takes the year of the date after
        // it (or the year before), with or without a reference.
        const size_t count = hits_.size();
        const size_t end = explicitDate(i + 2, i + 2);
        if (end > i + 2) {
            if (hits_.size() == count + 1 && !hits_.back().completed) {
                d = Date{hits_.back().date.year, month, 0};
                if (d->firstDay() > hits_.back().range.first) --d->year;
                completed = false;
            }
            if (d && d->valid())
                hits_.insert(hits_.begin() + static_cast<std::ptrdiff_t>(count),
                             Hit{start, i + 1, model::DateRange::of(*d), *d, completed, completed});
            return end;
        }
    }
    if (d) add(start, i + 1, *d, true, completed);
    return i + 1;
}

// "on the 5th": that day of the reference's month, or of the month before when the reference
// is earlier in its month. Not "on the 5th floor": a word after it must not be a noun's.
size_t Matcher::ordinalDay(size_t i) {
    const Tok& t = toks_[i];
    if (!t.ordinal || t.digits > 2 || t.value < 1 || t.value > 31 || i < 2 || !word(i - 1, "the") || !word(i - 2, "on") ||
        !isFree(i - 2))
        return i;
    if (const Tok* n = tok(i + 1); n && n->kind == Kind::Word && !in(kAfterDay, n->lower)) return i;
    if (!ref_ || ref_->precision() != Precision::Day) return i + 1;
    std::optional<Date> d = Date{ref_->year, ref_->month, t.value};
    for (int back = 1; back <= 2 && (!d->valid() || d->firstDay() > ref_->firstDay()); ++back) {
        const auto m = shiftMonths(-back, ref_);
        d = Date{m->year, m->month, t.value};
    }
    if (d->valid() && d->firstDay() <= ref_->firstDay()) add(i - 2, i + 1, *d, true, true);
    return i + 1;
}

}  // namespace cmap::text::datelex

// ---------------------------------------------------------------------------------------------
// 5. Public functions

namespace cmap::text {

std::vector<DateMention> findDates(std::string_view sentence, uint32_t baseOffset, std::optional<model::Date> reference,
                                   const StoryDate& storyDate) {
    if (reference && !reference->valid()) reference.reset();
    return datelex::Matcher(sentence, baseOffset, reference, storyDate).run();
}

std::optional<model::DateRange> sentenceDate(const std::vector<DateMention>& mentions) {
    if (mentions.empty()) return std::nullopt;
    for (const DateMention& m : mentions)
        if (m.recent) return m.range;
    return mentions.front().range;
}

std::optional<model::DateRange> placeDate(const std::vector<DateMention>& mentions, std::string_view text, Span sentence,
                                          Span place) {
    const bool differ = std::any_of(mentions.begin(), mentions.end(),
                                    [&](const DateMention& m) { return m.range != mentions.front().range; });
    if (!differ) return sentenceDate(mentions);
    // The clause around the place: from the last separator before it to the first after it.
    const std::string_view s = sentence.in(text);
    const auto at = [&](uint32_t offset) { return static_cast<size_t>(offset - sentence.start); };
    const auto separatorAt = [&](size_t i) -> size_t {  // its length, 0 for none
        // Not inside a date's words: "in January and February", "between 3 and 5 October".
        for (const DateMention& m : mentions)
            if (i >= at(m.span.start) && i < at(m.span.end)) return 0;
        if (s[i] == ';') return 1;
        for (std::string_view w : {" and ", " but ", " while ", " whereas "})
            if (s.compare(i, w.size(), w) == 0) return w.size();
        return 0;
    };
    size_t from = 0, to = s.size();
    for (size_t i = 0; i < at(place.start); ++i)
        if (const size_t n = separatorAt(i)) from = i + n;
    for (size_t i = at(place.end); i < s.size(); ++i)
        if (separatorAt(i)) {
            to = i;
            break;
        }
    std::vector<DateMention> clause;
    const DateMention *before = nullptr, *after = nullptr;
    for (const DateMention& m : mentions) {
        if (at(m.span.start) >= from && at(m.span.end) <= to) clause.push_back(m);
        else if (m.span.end <= place.start) before = &m;
        else if (!after && s.substr(at(place.end), at(m.span.start) - at(place.end)).find(';') == std::string_view::npos)
            after = &m;
    }
    if (!clause.empty()) return sentenceDate(clause);
    // A list's first names share the date that follows them ("struck Mayadin and Abu Kamal
    // yesterday", "Guam, Louisiana and Nevada by March"), within the part of the sentence up to a
    // semicolon: a name that ends its clause but for more names, not one the clause goes on
    // after ("in Minneapolis with others, and ... in March").
    bool endsClause = true;
    for (size_t i = at(place.end); i < to && endsClause; ++i) {
        const bool wordStart = i == 0 || s[i - 1] == ' ';
        endsClause = s[i] == ' ' || s[i] == ',' || !wordStart || (s[i] >= 'A' && s[i] <= 'Z');
    }
    if (after && endsClause) return after->range;
    if (before) return before->range;
    return sentenceDate(mentions);
}

}  // namespace cmap::text
