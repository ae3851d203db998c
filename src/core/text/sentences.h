#pragma once
// Sentence boundaries for news text. Events are dated and cited per sentence, so a boundary
// missed merges two events and a boundary too many cuts a place from its date; the rules lean
// towards not splitting where a period is ambiguous.
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/text/span.h"

namespace cmap::text {

/// Longest sentence returned; longer runs (a megabyte line without punctuation) are cut at the
/// last whitespace before this many bytes so that later stages stay bounded.
inline constexpr size_t kMaxSentenceBytes = 64 * 1024;

/// Sentences of UTF-8 text in order, trimmed, never empty, as byte spans of text. A line break
/// always ends a sentence (headlines, captions and one-paragraph-per-line text); inside a line
/// . ! ? end one when followed by whitespace and a capital, digit or opening quote, except after
/// known abbreviations, single initials and numbers. Linear time. Throws nothing.
std::vector<Span> splitSentences(std::string_view text);

}  // namespace cmap::text
