#pragma once
// Dates stated in a sentence: explicit ones ("September 15, 2015", "25 de enero de 2005",
// "2015-09-15"), partial ones completed from the article's publication date ("on September 15"),
// and relative ones resolved against it ("on Monday", "yesterday", "last year"). A date is never
// more precise than the words and the publication date together allow.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/model/date.h"
#include "core/text/span.h"
#include "core/text/tokens.h"

namespace cmap::text {

struct DateMention {
    Span span;  ///< the date words, offsets in the whole text ("last Tuesday", "mid-2014")
    model::Date date;
    /// Whether the date depends on the reference (a weekday, "yesterday", a day without a year):
    /// correcting the publication date changes it.
    bool relative = false;
};

/// Every date expression in one sentence, in order, without overlaps. Offsets are
/// baseOffset + the offset in sentence. reference is the publication date; expressions that
/// need it are skipped when it is missing. English, plus day-month-year forms in Spanish, French
/// and German. Throws nothing.
std::vector<DateMention> findDates(std::string_view sentence, uint32_t baseOffset,
                                   std::optional<model::Date> reference);

/// Whether findDates could find a date in a sentence, given as its words (tokenize()): it makes
/// dates only from a 4-digit number (a year, an ISO or numeric date) and, given a reference, a
/// month or weekday name, a relative day ("yesterday", "hoy"), "month"/"year" after
/// last/this/next, or "... ago". A caller that has the words already can skip findDates for most
/// sentences. Throws nothing.
bool mayHoldDate(std::string_view text, std::span<const Token> words, const std::optional<model::Date>& reference);

/// A publication date the text states near its start: a "Published:"/"Posted:"/"Updated:" label
/// followed by a date within the first ~1000 bytes, or a full explicit date that is nearly all
/// of one of the first three lines or follows a dateline ("MOSCOW, Sept. 30, 2015 -"). nullopt
/// when none is clear. Throws nothing.
std::optional<model::Date> inferPublicationDate(std::string_view text);

/// The date that governs a sentence's events: the first mention. The first date usually
/// anchors the main clause ("On Monday, Putin said ... in 2006"), and a fixed rule is easy to
/// explain and to correct by hand. nullopt for no mentions. Throws nothing.
std::optional<model::Date> sentenceDate(const std::vector<DateMention>& mentions);

}  // namespace cmap::text
