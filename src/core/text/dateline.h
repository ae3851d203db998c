#pragma once
// The dateline an article opens with: where the report was filed ("ALEPPO, Syria (AP) --",
// "KRAMATORSK, Ukraine —", "DAMASCUS (Reuters) -", "Homs, Syria —", "Muscat:").
#include <string_view>

#include "core/text/span.h"

namespace cmap::text {

/// The place words of the dateline ("ALEPPO, Syria" of "ALEPPO, Syria (AP) --"), empty when the
/// text does not open with one: capitalised words, at most three groups of them separated by
/// commas, an optional agency in parentheses, then a dash or a colon and a space. Whether the words
/// name a place is the recognizer's to say. Throws nothing.
Span datelinePlace(std::string_view text);
/// The dateline's place words when its form says it is one, words in capitals by the house style
/// ("HOMS, Syria --", "DOHA (Reuters) -", "GAZA CITY --"); empty for a bare "HOMS:", which may as
/// well be a headline's acronym ("NATO: allies agree"), and where there is no dateline.
Span datelineCapitals(std::string_view text);

}  // namespace cmap::text
