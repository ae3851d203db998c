#pragma once
// Event categories from cue words: what kind of thing a sentence reports happening at its places.
#include <string_view>

#include "core/model/document.h"

namespace cmap::text {

/// The category a sentence's cue words point to; Other when none. Throws nothing.
model::EventCategory categorize(std::string_view sentence);

}  // namespace cmap::text
