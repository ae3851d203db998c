#include "core/text/dates_matcher.h"

#include <algorithm>

// The dates told relative to the reference: seasons and parts of months and years, weekdays,
// "yesterday", "last week", weekends, look-backs and "... ago"; and relative to the story ("the
// next day", "two days later"). The matcher's other half is in dates.cpp.
namespace cmap::text::datelex {

namespace {

// The day (Date::firstDay's count) of a date of the tabular Islamic calendar: 30 years of 354 or
// 355 days from 19 July 622. Observed months begin with the sighted moon, a day or two apart from
// it, so the holidays below are given a day wider at each end.
int islamicDay(int year, int month, int day) {
    static const int epoch = model::daysFromCivil(622, 7, 19);
    return day + (59 * (month - 1) + 1) / 2 + (year - 1) * 354 + (3 + 11 * year) / 30 + epoch - 1;
}

// Ramadan, Eid al-Fitr (its first three days) and Eid al-Adha (four days from the 10th of Dhu
// al-Hijja) of an Islamic year, as days, widened by a day for the moon.
model::DateRange islamicHoliday(char which, int year) {
    switch (which) {
    case 'r': return model::DateRange::span(islamicDay(year, 9, 1) - 1, islamicDay(year, 10, 1));
    case 'f': return model::DateRange::span(islamicDay(year, 10, 1) - 1, islamicDay(year, 10, 3) + 1);
    default: return model::DateRange::span(islamicDay(year, 12, 10) - 1, islamicDay(year, 12, 13) + 1);
    }
}

}  // namespace

// "during Ramadan", "Ramadan 2015", "the Eid al-Fitr holiday", "since Eid al-Adha", "last
// Ramadan": the days of the tabular Islamic calendar, a day wider at each end. Without a year, the
// latest begun by the reference, up to it ("last": the latest ended before it); with one, the
// one that begins in that year. A bare "Eid" is the later of the two. "Tariq Ramadan" and "next
// Ramadan" are no dates.
size_t Matcher::islamic(size_t i) {
    const std::string_view w = toks_[i].lower;
    size_t k = i + 1;
    std::string_view kinds;  // 'r' Ramadan, 'f' Eid al-Fitr, 'a' Eid al-Adha
    if (w == "ramadan") {
        kinds = "r";
    } else if (w == "eid") {
        size_t j = dash(k) ? k + 1 : k;  // "Eid al-Fitr", "Eid-al-Adha", "Eid ul Fitr"
        if (word(j, "al") || word(j, "ul") || word(j, "el")) j += dash(j + 1) ? 2 : 1;
        if (word(j, "fitr")) kinds = "f", k = j + 1;
        else if (word(j, "adha")) kinds = "a", k = j + 1;
        else kinds = "fa";
    } else {
        return i;
    }
    const Tok* p = i > 0 && isFree(i - 1) ? before(i) : nullptr;
    const std::string_view prev = p && p->kind == Kind::Word ? p->lower : std::string_view();
    const bool lastW = prev == "last", nextW = prev == "next" || prev == "coming";
    const bool context = lastW || nextW || prev == "this" || prev == "during" || prev == "in" || prev == "since" ||
                         prev == "before" || prev == "after" || prev == "until" || prev == "through" ||
                         prev == "throughout" || prev == "of" || prev == "the" || prev == "for" || prev == "over";
    size_t y = k;
    if (word(y, "of")) ++y;
    const bool year = isYear(y, kMinBareYear) && !countNounAfter(y);
    if (!context && !(year && kinds.size() == 1)) return i;
    const size_t start = lastW || prev == "this" ? i - 1 : i;
    if (nextW) return k;
    // The Islamic years about the Gregorian one: 32 of them take 31 of ours.
    const int gregorian = year ? tok(y)->value : ref_ ? ref_->year : 0;
    if (!gregorian) return k;
    const int ah = (gregorian - 622) * 33 / 32 + 1;
    std::optional<model::DateRange> best;
    if (year) {
        const int lo = Date{gregorian, 1, 1}.firstDay(), hi = Date{gregorian, 12, 31}.firstDay();
        for (int a = ah - 2; a <= ah + 2 && !best; ++a) {
            const model::DateRange r = islamicHoliday(kinds[0], a);
            if (r.first + 1 >= lo && r.first + 1 <= hi) best = r;
        }
        if (best) add(start, y + 1, *best, false);
        return y + 1;
    }
    const int refFirst = ref_->firstDay(), refEnd = referenceEnd();
    for (int a = ah - 2; a <= ah + 2; ++a)
        for (const char kind : kinds) {
            const model::DateRange r = islamicHoliday(kind, a);
            if (lastW ? r.last >= refFirst : r.first > refEnd) continue;
            if (!best || r.first > best->first) best = r;
        }
    if (best) add(start, k, model::DateRange::span(best->first, std::min(best->last, refEnd)), true);
    return k;
}

// --- seasons and parts of months and years -----------------------------------------------
// "summer 2015", "the summer of 2015": its three months; a winter with a year is that year
// (it straddles two). "in the summer", "over the winter", "early last spring": the latest such
// season begun by the reference, up to it; "last autumn" the latest one ended before it;
// "this summer" the one the reference is in, or one already past in its year (else it is
// ahead: a plan, no date). "the fall of Aleppo" and "prices fall" are no seasons.
size_t Matcher::season(size_t i) {
    const SeasonName* s = nullptr;
    for (const auto& c : kSeasons)
        if (c.name == toks_[i].lower) s = &c;
    if (!s || punct(i + 1, '\'') || punct(i + 1, 0x2019)) return i;  // "summer's end"
    size_t c = i;  // the season or its qualifier
    if (c > 0 && isFree(c - 1) && qualifier(c - 1)) --c;
    const Tok* p = c > 0 && isFree(c - 1) ? before(c) : nullptr;
    const std::string_view prev = p && p->kind == Kind::Word ? p->lower : std::string_view();
    const bool lastW = prev == "last", thisW = prev == "this";
    const bool prep = prev == "in" || prev == "during" || prev == "since" || prev == "over" ||
                      prev == "through" || prev == "throughout";
    const bool thePrep = prev == "the" && c >= 2 && isFree(c - 2) &&
                         (word(c - 2, "in") || word(c - 2, "during") || word(c - 2, "since") || word(c - 2, "over") ||
                          word(c - 2, "through") || word(c - 2, "throughout") || word(c - 2, "of"));
    const bool fall = s->name == "fall";
    size_t k = i + 1;
    if (word(k, "of")) ++k;
    if (isYear(k, kMinBareYear) && !countNounAfter(k)) {
        if (fall && !(lastW || thisW || prep || prev == "the" || c < i || toks_[c].firstUpper)) return i;
        const int y = tok(k)->value;
        const size_t start = lastW || thisW ? c - 1 : c;
        if (s->month == 12) add(start, k + 1, Date{y, 0, 0}, false);
        else add(start, k + 1, model::DateRange::span(Date{y, s->month, 1}.firstDay(), Date{y, s->month + 2, 0}.lastDay()), false);
        return k + 1;
    }
    if (word(i + 1, "of") || !(lastW || thisW || thePrep || (prep && !fall))) return i;
    if (!ref_ || ref_->month == 0) return i + 1;
    const int refFirst = ref_->firstDay(), refEnd = referenceEnd();
    std::optional<model::DateRange> r;
    for (const int y : {ref_->year, ref_->year - 1}) {
        const int first = Date{y, s->month, 1}.firstDay();
        const int last = Date{y + (s->month + 2 > 12 ? 1 : 0), (s->month + 1) % 12 + 1, 0}.lastDay();
        const bool begun = first <= refEnd, over = last < refFirst;
        if (lastW ? over : thisW ? begun && (!over || (s->month != 12 && y == ref_->year)) : begun) {
            r = model::DateRange::span(first, std::min(last, refEnd));
            break;
        }
        if (thisW) break;  // the season of the reference's year has not begun
    }
    if (r) add(lastW || thisW ? c - 1 : c, i + 1, *r, true);
    return i + 1;
}

// "the first week of March", "the last week of September 2015": seven days of that month;
// "the first half of 2015", "the third quarter of last year": those months of the year.
size_t Matcher::partOf(size_t i) {
    const PartOrdinal* o = nullptr;
    for (const auto& c : kPartOrdinals)
        if (c.name == toks_[i].lower) o = &c;
    if (!o || i == 0 || !word(i - 1, "the") || !word(i + 2, "of")) return i;
    const size_t k = i + 3;
    const bool week = word(i + 1, "week"), half = word(i + 1, "half"), quarter = word(i + 1, "quarter");
    const int parts = week ? 4 : half ? 2 : quarter ? 4 : 0;
    if (!parts || o->n > parts) return i;
    if (week) {
        const Tok* m = tok(k);
        if (!m) return i;
        size_t y = k + 1;
        if (punct(y, ',') || word(y, "of")) ++y;
        const bool year = isYear(y, kMinYear) && !countNounAfter(y);
        const int month = monthOf(*m, year ? MonthCtx::YearAfter : MonthCtx::Alone);
        if (!month) return i;
        const std::optional<Date> d = year ? std::optional<Date>(Date{tok(y)->value, month, 0}) : completeYear(month, 0, ref_);
        const size_t end = year ? y + 1 : k + 1;
        if (!d) return end;
        const int first = o->n > 0 ? d->firstDay() + 7 * (o->n - 1) : d->lastDay() - 6;
        add(i, end, model::DateRange::span(first, first + 6), !year);
        return end;
    }
    std::optional<int> year;
    size_t end = k + 1;
    bool relative = false;
    if (isYear(k, kMinBareYear) && !countNounAfter(k)) year = tok(k)->value;
    else if ((word(k, "this") || word(k, "last")) && word(k + 1, "year") && ref_) {
        year = ref_->year - (word(k, "last") ? 1 : 0);
        end = k + 2;
        relative = true;
    }
    if (!year) return i;
    const int n = o->n > 0 ? o->n : parts, months = 12 / parts;
    add(i, end, model::DateRange::span(Date{*year, (n - 1) * months + 1, 1}.firstDay(), Date{*year, n * months, 0}.lastDay()),
        relative);
    return end;
}

// --- weekdays -----------------------------------------------------------------------------
// "on Monday", "last Tuesday", "said Thursday", "el lunes", "le lundi", "am Montag":
// the latest such day before publication. A weekday before a full date only names it.
size_t Matcher::weekday(size_t i) {
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
    case En: ok = t.firstUpper && !(nameBefore(i) && in(kWeekdayNameWords, prev)); break;
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
size_t Matcher::relativeWord(size_t i) {
    const Tok& t = toks_[i];
    const std::string_view w = t.lower;
    std::optional<int> days;
    if (w == "weekend") return weekend(i);
    if (w == "overnight") {
        // The night before publication: its evening and the publication day's early hours. A
        // day after it names the night ("overnight Tuesday", "overnight on January 28",
        // "overnight into Monday"), and that day is the date.
        const Tok* n = tok(i + 1);
        if (weekdayAt(i + 1) || (n && monthOf(*n, MonthCtx::DayAfter)) || word(i + 1, "on") || word(i + 1, "into") ||
            word(i + 1, "of") || word(i + 1, "from") || word(i + 1, "between"))
            return i + 1;
        if (ref_ && ref_->precision() == Precision::Day)
            add(i, i + 1, model::DateRange::span(ref_->firstDay() - 1, ref_->firstDay()), true);
        return i + 1;
    }
    if (w == "yesterday" || w == "ayer" || w == "gestern") days = -1;
    else if (w == "today" || w == "tonight" || w == "hoy" || w == "heute") days = 0;
    else if (w == "tomorrow") days = 1;
    if (days) {
        // "USA Today" is a name; "Homs yesterday", "struck Idlib today" are dates: the word is
        // part of a name only when it too is capitalised.
        if (t.firstUpper && nameBefore(i)) return i;
        if (auto d = shiftDays(*days, ref_)) add(i, i + 1, *d, true);
        return i + 1;
    }
    // last/this/next + week/month/year. "for the last year" is a duration, not a date.
    const bool lastW = w == "last", thisW = w == "this", nextW = w == "next";
    if (!(lastW || thisW || nextW) || (i > 0 && word(i - 1, "the"))) return i;
    const int step = lastW ? -1 : nextW ? 1 : 0;
    // "earlier this month": from the month's first day to the day before publication.
    const bool earlier = thisW && i > 0 && isFree(i - 1) && word(i - 1, "earlier");
    const size_t start = earlier ? i - 1 : i;
    const bool dayRef = ref_ && ref_->precision() == Precision::Day;
    const int refDay = ref_ ? ref_->firstDay() : 0;
    const auto upToYesterday = [&](int from) {
        if (refDay - 1 >= from) add(start, i + 2, model::DateRange::span(from, refDay - 1), true);
    };
    std::optional<Date> d;
    // "last night" is the evening before publication; "this morning" its day.
    if ((lastW && word(i + 1, "night")) ||
        (thisW && !earlier && (word(i + 1, "morning") || word(i + 1, "afternoon") || word(i + 1, "evening")))) {
        if (auto day = shiftDays(lastW ? -1 : 0, ref_)) add(i, i + 2, *day, true);
        return i + 2;
    }
    if (word(i + 1, "week")) {
        // "last week": Monday to Sunday of the week before publication; "this week" its week
        // up to publication (the rest has not happened); "next week" is a plan.
        if (nextW) return i;
        if (!ref_) return i + 2;
        if (!dayRef) add(start, i + 2, *ref_, true);
        else if (lastW) add(start, i + 2, model::DateRange::weekOf(refDay - 7), true);
        else if (earlier) upToYesterday(model::DateRange::weekOf(refDay).first);
        else add(start, i + 2, model::DateRange::span(model::DateRange::weekOf(refDay).first, refDay), true);
        return i + 2;
    }
    if (word(i + 1, "month")) d = shiftMonths(step, ref_);
    else if (word(i + 1, "year")) d = shiftYears(step, ref_);
    else return i;
    if (!d) return i + 2;
    if (earlier && dayRef) {
        const size_t count = hits_.size();
        upToYesterday(d->firstDay());
        if (hits_.size() > count) return i + 2;  // else publication fell on the first: the month, as written
    }
    add(start, i + 2, *d, true);
    return i + 2;
}

// "last weekend", "over the weekend", "at the weekend": the latest Saturday before
// publication and the Sunday after it (up to publication). "this weekend" may be ahead.
size_t Matcher::weekend(size_t i) {
    size_t start = i;
    if (i >= 1 && isFree(i - 1) && word(i - 1, "last"))
        start = i - 1;
    else if (i >= 2 && isFree(i - 2) && word(i - 1, "the") &&
             (word(i - 2, "over") || word(i - 2, "at") || word(i - 2, "during") || word(i - 2, "on")))
        start = i;
    else
        return i;
    if (!ref_) return i + 1;
    if (ref_->precision() != Precision::Day) {
        add(start, i + 1, *ref_, true);
        return i + 1;
    }
    const int day = ref_->firstDay();
    int back = (model::weekdayOf(day) - 5 + 7) % 7;
    if (back == 0) back = 7;
    add(start, i + 1, model::DateRange::span(day - back, day - back + 1), true);
    return i + 1;
}

// "in the past two weeks", "over the last few days", "in recent months", "in the past 24
// hours" (the days those hours reach into): from that long before
// the publication day up to it. A count the text leaves vague ("few", "several", "recent")
// reads as a week of days, four weeks, three months or three years. "the last week of March"
// is no such phrase, and "last week" alone is the calendar week before (relativeWord).
size_t Matcher::lookback(size_t i) {
    const std::string_view w = toks_[i].lower;
    const bool recent = w == "recent";
    if (!recent && !((w == "past" || w == "last") && i > 0 && word(i - 1, "the"))) return i;
    if (!ref_ || ref_->precision() != Precision::Day) return i;
    size_t k = i + 1;
    int n = 0;  // 0: a vague count
    if (const Tok* c = tok(k); c && !recent) {
        if (countAt(k) > 0 && !word(k, "a") && !word(k, "an")) n = countAt(k), ++k;  // "the past a week" is no count
        else if (word(k, "few") || word(k, "several")) ++k;
        else if (word(k, "couple") && word(k + 1, "of")) n = 2, k += 2;
    }
    const Tok* unit = tok(k);
    if (!unit || unit->kind != Kind::Word || word(k + 1, "of")) return i;
    const std::string_view u = unit->lower;
    // A bare singular unit is one of it ("the past week"); a plural needs a count or vagueness.
    const bool one = n == 0 && k == i + 1 && !recent;
    const int count = n > 0 ? n : one ? 1 : 0;
    const int day = ref_->firstDay();
    // The same day of the month that many months back (the month's last when it is shorter);
    // none before year 0.
    auto monthsBack = [&](int months) -> std::optional<int> {
        const int index = ref_->year * 12 + (ref_->month - 1) - months;
        if (index < 0) return std::nullopt;
        const Date month{index / 12, index % 12 + 1, 0};
        return std::min(month.firstDay() + ref_->day - 1, month.lastDay());
    };
    std::optional<int> first;
    if (u == "hours" && count > 0) first = day - (count + 23) / 24;  // "the past 24 hours": yesterday and today
    else if (u == "days" || (one && u == "day")) first = day - (count ? count : 7);
    else if (u == "weeks" || (one && u == "week")) first = day - 7 * (count ? count : 4);
    else if (u == "months" || (one && u == "month")) first = monthsBack(count ? count : 3);
    else if (u == "years" || (one && u == "year")) first = monthsBack(12 * (count ? count : 3));
    else return i;
    if (!first) return i;
    add(recent ? i : i - 1, k + 1, model::DateRange::span(*first, day), true);
    return k + 1;
}

// "two days ago", "3 months ago", "a year ago", "two weeks ago" (the Monday-to-Sunday week
// that holds the day that many weeks back: rarely exact, so never a day).
size_t Matcher::agoPhrase(size_t i) {
    const int n = countAt(i);
    if (n <= 0 || !word(i + 2, "ago")) return i;
    const Tok* unit = tok(i + 1);
    if (!unit || unit->kind != Kind::Word) return i;
    const std::string_view u = unit->lower;
    std::optional<Date> d;
    if (u == "day" || u == "days") d = shiftDays(-n, ref_);
    else if (u == "month" || u == "months") d = shiftMonths(-n, ref_);
    else if (u == "year" || u == "years") d = shiftYears(-n, ref_);
    else if (u == "week" || u == "weeks") {
        if (ref_ && ref_->precision() == Precision::Day) add(i, i + 3, model::DateRange::weekOf(ref_->firstDay() - 7 * n), true);
        else if (ref_) add(i, i + 3, *ref_, true);
        return i + 3;
    } else return i;
    if (d) add(i, i + 3, *d, true);
    return i + 3;
}

// "the next day", "the following morning", "the previous day", "the day before", "later that
// day", "that night", "the same day", "two days later", "a week earlier", "hours later": counted
// from the date the sentence stated before them, else from the story's (the last date an
// earlier sentence stated). A day counted from a day is a day; "N weeks later" is the week that
// holds the day, as "N weeks ago" is; from a longer date (a month, a span) the interval grows by
// the count, since the words say nothing finer. Nothing to count from, or a date longer than a
// month ("since 2011"), gives no date.
size_t Matcher::storyRelative(size_t i) {
    const auto partOfDay = [&](size_t k) {
        return word(k, "day") || word(k, "night") || word(k, "morning") || word(k, "evening") || word(k, "afternoon");
    };
    const auto wordAt = [&](size_t k) { return k < toks_.size() && toks_[k].kind != Kind::Punct; };
    const Tok& t = toks_[i];
    const std::string_view w = t.kind == Kind::Word ? t.lower : std::string_view();
    int n = 0;          // how many units later (negative: earlier)
    int hoursDays = 0;  // for hours: how many days they may reach into
    char unit = 'd';    // days, weeks, months, years, hours
    size_t start = i, end = i;
    const bool the = i > 0 && isFree(i - 1) && word(i - 1, "the");
    if (the && (w == "next" || w == "following" || w == "previous" || w == "same") && partOfDay(i + 1)) {
        n = w == "previous" ? -1 : w == "same" ? 0 : 1;
        start = i - 1, end = i + 2;
    } else if (w == "that" && partOfDay(i + 1)) {
        end = i + 2;
    } else if ((w == "later" || w == "earlier") && word(i + 1, "that") && partOfDay(i + 2)) {
        end = i + 3;
    } else if (the && w == "day" && (word(i + 1, "before") || word(i + 1, "prior") || word(i + 1, "after")) && !wordAt(i + 2)) {
        n = word(i + 1, "after") ? 1 : -1;  // "the day before the vote" counts from the vote: not this
        start = i - 1, end = i + 2;
    } else {
        // "two days later", "a week earlier", "hours later"
        const int count = countAt(i);
        const size_t k = count > 0 ? i + 1 : i;
        const Tok* u = tok(k);
        const size_t after = k + 1;
        const int sign = word(after, "later") || word(after, "afterwards") || word(after, "afterward") ? 1
                         : word(after, "earlier")                                                        ? -1
                                                                                                         : 0;
        if (!u || u->kind != Kind::Word || !sign) return i;
        const std::string_view un = u->lower;
        const bool plural = !un.empty() && un.back() == 's';
        if (count == 0 && !(un == "hours" && sign > 0)) return i;  // "hours later" is the one vague count read
        if (count == 1 && plural) return i;
        if (un == "day" || un == "days") unit = 'd';
        else if (un == "week" || un == "weeks") unit = 'w';
        else if (un == "month" || un == "months") unit = 'm';
        else if (un == "year" || un == "years") unit = 'y';
        else if (un == "hours" || un == "hour") unit = 'h', hoursDays = count ? (count + 23) / 24 : 1;
        else return i;
        n = sign * count;
        end = after + 1;
    }
    std::optional<model::DateRange> from;
    if (!hits_.empty()) from = hits_.back().range;
    else if (story_) from = story_();
    if (!from || from->last - from->first > 31) return end;
    const bool day = from->precision == Precision::Day;
    // Whole months from the first day's to the last day's, moved by step: one month is that month.
    const auto months = [&](int step) {
        const Date a = *shiftMonths(step, Date::fromDays(from->first)), b = *shiftMonths(step, Date::fromDays(from->last));
        return a == b ? model::DateRange::of(a) : model::DateRange::span(a.firstDay(), b.lastDay());
    };
    model::DateRange r;
    switch (unit) {
    case 'h': r = model::DateRange::span(from->first, from->last + hoursDays); break;
    case 'w':
        r = day ? model::DateRange::weekOf(from->first + 7 * n)
                : model::DateRange::span(from->first + std::min(7 * n, 0), from->last + std::max(7 * n, 0));
        break;
    case 'm': r = months(n); break;
    case 'y': r = months(12 * n); break;
    default:
        r = day ? model::DateRange::of(Date::fromDays(from->first + n))
            : n == 0 ? *from
                     : model::DateRange::span(from->first + std::min(n, 0), from->last + std::max(n, 0));
    }
    add(start, end, r, true);
    return end;
}

}  // namespace cmap::text::datelex
