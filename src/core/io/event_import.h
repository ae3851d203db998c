#pragma once
// Event datasets into an EventTable: ACLED-style CSV (event_date, event_type, latitude, longitude,
// geo_precision, time_precision, notes, source), read by its own reader (io::CsvRecords) when
// it is comma-separated and names its date and coordinates, else through GDAL/OGR; and GeoJSON,
// GeoPackage or any other OGR point layer with a date field, through GDAL/OGR.
#include <filesystem>
#include <string>

#include "core/model/event_table.h"

namespace cmap::io {

struct EventImportOptions {
    std::string dateField;  ///< the date's field; empty = found by name (event_date, date, ...) or type
};

/// Our category for an event type as datasets name it: ACLED's event and sub-event types
/// ("Air/drone strike" -> airstrike, "Battles" -> attack, "Agreement" -> meeting, ...) or our own
/// category names. Unknown types are Other. Throws nothing.
model::EventCategory categoryForEventType(std::string_view type);

/// Reads every row; a row without a readable date or position is counted in badRows (with the
/// first one's line) and skipped. Throws DataError naming the file when it cannot be read or is
/// not an event table (no date field, no coordinates), or when no row is usable.
std::shared_ptr<model::EventTable> importEvents(const std::filesystem::path& path, const EventImportOptions& options = {});

}  // namespace cmap::io
