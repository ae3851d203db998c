#pragma once
// Word tokens of a sentence for place-name matching: runs of letters and digits, with what
// separates each from the next (a space, a hyphen, an apostrophe, ...), because names span
// tokens only across some separators ("Kabardino-Balkaria", "U.S.", "N'Djamena").
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/span.h"

namespace cmap::text {

enum class Gap : uint8_t {
    Space,       ///< one or more spaces/tabs, nothing else
    Hyphen,      ///< '-' (no spaces)
    Apostrophe,  ///< ' or ’ (no spaces): elisions and possessives
    Period,      ///< '.' optionally followed by spaces: abbreviations ("U.S.", "St. Louis")
    Comma,       ///< ',' and one space: only names the gazetteer spells with one ("Washington, D.C.")
    Other,       ///< anything else: commas, quotes, brackets, dashes, line breaks, end
};

enum TokenFlag : uint8_t {
    kUpper = 1,    ///< starts with an upper-case letter (or a letter of an uncased script)
    kAllCaps = 2,  ///< two or more letters, all upper case ("WASHINGTON", "US")
    kDigit = 4,    ///< starts with a digit
    kDigits = 8,   ///< has an ASCII digit anywhere
    kForeign = 16, ///< starts with a letter of a script other than Latin (Cyrillic, Greek, Arabic, ...)
};

struct Token {
    Span span;
    uint8_t flags = 0;
    Gap gapAfter = Gap::Other;

    bool upper() const { return flags & kUpper; }
    bool allCaps() const { return flags & kAllCaps; }
};

/// Appends the tokens of text[span] to out (offsets stay those of text). Throws nothing.
void tokenize(std::string_view text, Span span, std::vector<Token>& out);

}  // namespace cmap::text
