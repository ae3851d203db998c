#pragma once
// Event categories from cue words: what kind of thing a sentence reports happening at its places.
#include <span>
#include <string_view>

#include "core/model/document.h"
#include "core/text/tokens.h"

namespace cmap::text {

/// The category a sentence's cue words point to; Other when none. The sentence is given as its
/// words (tokenize()) in text. Throws nothing.
model::EventCategory categorize(std::string_view text, std::span<const Token> words);

/// The same for a sentence on its own. Throws nothing.
model::EventCategory categorize(std::string_view sentence);

}  // namespace cmap::text
