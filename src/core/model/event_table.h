#pragma once
// Imported event datasets (ACLED-style tables, point layers with a date) held as flat columns, so
// a million events cost ~30 MB and the timeline filters them by binary search on the sorted days
// rather than by a pass over objects. The renderer uploads the columns once and filters on the GPU
// with the same rule (eventOpacity).
#include <array>
#include <climits>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/geo/lonlat.h"
#include "core/model/document.h"
#include "core/model/timeline.h"

namespace cmap::model {

/// How well an imported event's date is known. Week is ACLED's time_precision 2 ("a week or a
/// few days"): the date given is kept as a day interval of plus or minus three days, never a day.
enum class EventTimePrecision : uint8_t { Day, Week, Month, Year };
/// How well its place is known (ACLED's geo_precision 1/2/3): Exact, Near (a nearby town), Region.
enum class EventGeoPrecision : uint8_t { Unknown, Exact, Near, Region };

/// "day", "week", "month", "year" / "unknown", "exact", "near", "region". Throw nothing.
std::string_view timePrecisionName(EventTimePrecision p);
std::string_view geoPrecisionName(EventGeoPrecision p);

/// One event as an importer hands it over before sorting.
struct EventRow {
    float lon = 0, lat = 0;
    int firstDay = 0, lastDay = 0;
    EventTimePrecision time = EventTimePrecision::Day;
    EventGeoPrecision geo = EventGeoPrecision::Unknown;
    EventCategory category = EventCategory::Other;
    uint32_t source = 0;
};

/// Columns of one dataset, row i of each being event i, sorted by firstDay (file order within a
/// day). Immutable once built (shared as EventTablePtr between threads).
struct EventTable {
    std::string path;  ///< the file as given
    std::vector<float> lon, lat;
    std::vector<int32_t> firstDay, lastDay;
    /// The firstDay of the next report at the same coordinates (INT_MAX: none): the as-of mode
    /// shows an event while firstDay <= t < supersededDay.
    std::vector<int32_t> supersededDay;
    std::vector<EventTimePrecision> time;
    std::vector<EventGeoPrecision> geo;
    std::vector<EventCategory> category;
    std::vector<uint32_t> source;      ///< index into sources
    std::vector<std::string> sources;  ///< distinct source names
    int maxSpanDays = 0;               ///< the longest lastDay - firstDay
    /// Events of each category (by model::EventCategory): which category toggles apply to it.
    std::array<size_t, kEventCategoryCount> perCategory{};
    /// Where most events are (longitudes and latitudes from the 1st to the 99th percentile): what
    /// a map of the dataset should show, without the few far strays.
    geo::BBox focus;

    /// Rows the importer skipped: how many, and the first one's line (or feature) number and why.
    size_t badRows = 0;
    size_t firstBadLine = 0;
    std::string firstBadReason;

    size_t size() const { return lon.size(); }
    /// The events that started by day t: indexes [0, n). Logarithmic; throws nothing.
    size_t startedBy(int day) const;
    /// The index range that can hold events a query shows (a superset: eventOpacity decides).
    /// Logarithmic; throws nothing.
    std::pair<size_t, size_t> candidates(const TimeQuery& q) const;
    /// Event i's opacity under q (0 = hidden), the rule model::evaluate applies to mentions.
    float opacity(size_t i, const TimeQuery& q) const;
    /// The day range all events span; {0, -1} when empty. Throws nothing.
    std::pair<int, int> extent() const;
    /// Builds the table from rows in file order: sorts by date, links reports at the same place.
    /// Throws nothing but std::bad_alloc.
    static EventTable build(std::string path, const std::vector<EventRow>& rows, std::vector<std::string> sources);

    class Builder;
};

/// Collects an importer's rows, in file order, straight into the table's columns: a million
/// events are never also held as row objects (or as a second, sorted copy) while the table is made.
class EventTable::Builder {
public:
    void reserve(size_t n);
    void add(const EventRow& r);
    size_t size() const { return t_.lon.size(); }
    /// Sorts the columns by date in place (file order within a day) and links reports at the same
    /// place; the builder is spent. Throws nothing but std::bad_alloc.
    EventTable build(std::string file, std::vector<std::string> sourceNames) &&;

private:
    EventTable t_;
};
using EventTablePtr = std::shared_ptr<const EventTable>;

/// Opacity of an item [first, last] (superseded: see EventTable) under q, as model::evaluate
/// rates mentions: the one rule the CPU and the GPU filter share. Throws nothing.
float eventOpacity(int first, int last, int superseded, const TimeQuery& q);

}  // namespace cmap::model
