#pragma once
// Article -> Document: every place the text mentions, resolved against the gazetteer, dated,
// grouped into sentence-level events with the sentence as provenance. Offline and
// deterministic; stages live in recognizer.h, resolver.h and events.h.
#include "core/geo/gazetteer.h"
#include "core/model/document.h"
#include "core/text/article.h"

namespace cmap::text {

/// Geoparses one loaded article. Throws nothing for any text (bad input is refused when the
/// article is loaded); offsets in the result point into article.bytes().
model::Document geoparse(const Article& article, const geo::Gazetteer& gazetteer);

}  // namespace cmap::text
