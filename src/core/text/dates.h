#pragma once
// Dates stated in a sentence: explicit ones ("September 15, 2015", "25 de enero de 2005",
// "2015-09-15"), partial ones completed from the article's publication date ("on September 15"),
// relative ones resolved against it ("on Monday", "yesterday", "last night", "last week", "over the
// weekend", "two weeks ago", "last year"), and
// intervals ("in the 1990s", "between 3 and 5 October", "from March to May 2015", "since 2011",
// "earlier this month", "the summer of 2014", "last autumn", "the first week of March", "the
// second half of 2015", "during Ramadan", "Eid al-Adha"). A date is never more precise than the words and the publication date
// together allow: an interval stays an interval (model::DateRange), never its first day.
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/model/date.h"
#include "core/text/span.h"
#include "core/text/tokens.h"

namespace cmap::text {

struct DateMention {
    Span span;  ///< the date words, offsets in the whole text ("last Tuesday", "mid-2014", "3 and 5 October")
    /// The days it covers and how it was put: a day, a Monday-to-Sunday week ("last week"), a
    /// month, a year, a decade ("the 1990s") or a span ("between 3 and 5 October", "since 2011").
    model::DateRange range;
    /// The one calendar date that stands for range (range.date()): "2015-10" for 3 to 5 October.
    model::Date date;
    /// Whether the date depends on the reference (a weekday, "yesterday", a day without a year,
    /// "since 2011"): correcting the publication date changes it.
    bool relative = false;
    /// At most a week of days ending in the seven days up to the reference, told relative to it
    /// ("yesterday", "on Tuesday", "last week", "over the weekend"): the news a sentence reports.
    bool recent = false;
};

/// The date a story stands at before a sentence (its last stated date), for the sentences that
/// count from it: "the next day", "two days later", "that night". Asked for only by those, and
/// only when the sentence states no date before them; nullopt when the story has none.
using StoryDate = std::function<std::optional<model::DateRange>()>;

/// Every date expression in one sentence, in order, without overlaps. Offsets are
/// baseOffset + the offset in sentence. reference is the publication date; expressions that
/// need it are skipped when it is missing, and those that count from the story's date when
/// storyDate is empty or gives nothing. English, plus day-month-year forms in Spanish, French
/// and German. Throws nothing.
std::vector<DateMention> findDates(std::string_view sentence, uint32_t baseOffset,
                                   std::optional<model::Date> reference, const StoryDate& storyDate = {});

/// Whether findDates could find a date in a sentence, given as its words (tokenize()): it makes
/// dates only from a 4-digit number (a year, a decade, an ISO or numeric date) and, given a
/// reference, a month, weekday or season name, a relative day ("yesterday", "hoy"), "week"/"month"/"year"
/// after last/this/next, "night", "morning", "weekend", "day", "later", "earlier", or "... ago". A caller that has the words already can skip findDates for most
/// sentences. Throws nothing.
bool mayHoldDate(std::string_view text, std::span<const Token> words, const std::optional<model::Date>& reference);

/// A publication date the text states near its start: a "Published:"/"Posted:"/"Updated:" label
/// followed by a date within the first ~1000 bytes, or a full explicit date that is nearly all
/// of one of the first three lines or follows a dateline ("MOSCOW, Sept. 30, 2015 -"). nullopt
/// when none is clear. Throws nothing.
std::optional<model::Date> inferPublicationDate(std::string_view text);

/// The date that governs a sentence's events: the first recent mention ("yesterday", "on
/// Tuesday", "last week") wherever it stands, else the first mention. A sentence reports what is
/// new ("Homs, besieged since 2012, was shelled on Tuesday"), and otherwise its first date usually
/// anchors the main clause ("In 2006, Putin said ... in 2011"); a fixed rule is easy to explain
/// and to correct by hand. nullopt for no mentions. Throws nothing.
std::optional<model::DateRange> sentenceDate(const std::vector<DateMention>& mentions);

/// The date of a place named at `place` in a sentence whose dates are `mentions`, all offsets in
/// `text`: where the sentence states dates that differ, each clause has its own ("Jets struck
/// Idlib on Monday and Hama on Tuesday"; clauses part at ";" and at "and", "but", "while",
/// "whereas"): the clause's date (sentenceDate of its mentions), else the first stated after the
/// place before a ";" (a list's first names: "struck Idlib and Hama on Monday"), else the nearest
/// before it, else the sentence's. Otherwise sentenceDate. Throws nothing.
std::optional<model::DateRange> placeDate(const std::vector<DateMention>& mentions, std::string_view text, Span sentence,
                                          Span place);

}  // namespace cmap::text
