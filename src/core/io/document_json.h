#pragma once
// The geoparse output contract (README, "geoparse --json"): one article's Document as JSON, and
// mentions as GeoJSON Features that QGIS opens. Written as text straight into a buffer, so the
// CLI can stream article after article.
#include <string>

#include "core/model/document.h"

namespace cmap::io {

/// Appends {"file","title","published","mentions":[...],"events":[...]}. Throws nothing.
void appendDocumentJson(const model::Document& doc, std::string& out);
/// Appends one GeoJSON Point Feature per mention, comma-separated (no brackets), with its
/// article, date, category and offsets as properties; first says whether a comma must lead.
/// Returns whether anything was written. Throws nothing.
bool appendMentionFeatures(const model::Document& doc, std::string& out, bool first);

}  // namespace cmap::io
