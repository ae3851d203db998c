#pragma once
// The geoparse output contract (README, "geoparse --json"): one article's Document as JSON, and
// mentions as GeoJSON Features that QGIS opens. Written as text straight into a buffer, so the
// CLI can stream article after article.
#include <functional>
#include <string>

#include "core/model/document.h"

namespace cmap::io {

/// Appends {"file","title","published","mentions":[...],"events":[...]}. When flush is given it
/// is called whenever out passes a megabyte, to write and empty it: one long article then never
/// needs its whole JSON in memory. Throws what flush throws.
void appendDocumentJson(const model::Document& doc, std::string& out,
                        const std::function<void(std::string&)>& flush = {});
/// Appends one GeoJSON Point Feature per mention, comma-separated (no brackets), with its
/// article, date, category and offsets as properties; first says whether a comma must lead.
/// Returns whether anything was written. Throws nothing.
bool appendMentionFeatures(const model::Document& doc, std::string& out, bool first);

}  // namespace cmap::io
