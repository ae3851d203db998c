#pragma once
// The geoparse output contract (see README, "geoparse --json"): one article's Document as JSON,
// and mentions of many as a GeoJSON FeatureCollection that QGIS opens.
#include <nlohmann/json.hpp>

#include <vector>

#include "core/model/document.h"

namespace cmap::io {

/// {"file","title","published","mentions":[...],"events":[...]}. Throws nothing.
nlohmann::json documentJson(const model::Document& doc);
/// A FeatureCollection with one Point feature per mention and its article, date, category and
/// sentence offsets as properties. Throws nothing.
nlohmann::json mentionsGeoJson(const std::vector<model::Document>& docs);

}  // namespace cmap::io
