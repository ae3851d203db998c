#pragma once
// The timeline (bottom panel): a date axis over the data, zoomable to days, a histogram of
// events, the current date (any day, today included), modes cumulative / window / as-of, play
// over the zoomed range with the axis following, speed and step.
#include <optional>

#include "core/model/timeline.h"
#include "ui/layout.h"
#include "ui/timeline_axis.h"

namespace cmap::ui {

struct Viewer;

struct TimelinePanel {
    bool showAll = true;  ///< no time filter: everything the articles report
    model::TimeMode mode = model::TimeMode::Cumulative;
    double day = 0;       ///< the current date, fractional while playing
    int windowDays = 30;
    bool playing = false;
    double speed = 30;    ///< days per second of playback
    double playEnd = 0;   ///< where playback stops: the end of the range shown when it started
    std::optional<DayRange> range;  ///< visible axis; empty until fitted to the data
    int extentFirst = 0, extentLast = -1;  ///< days the data spans
    bool scrubbing = false;

    /// The query the map uses: nullopt while showing everything.
    std::optional<model::TimeQuery> query() const;
    /// Advances playback by dt seconds, the axis following the date; stops at playEnd. Returns
    /// whether it moved.
    bool advance(double dt);
    /// Starts playback over the range the axis shows (from its start unless the date is inside
    /// it), at a speed that crosses it in kPlaySeconds.
    void play();
    void togglePlay();
    /// Steps the current date by days, to any day of years 1 to 9999 (ends "show all").
    void step(int days);
    /// Goes to a day, any day of years 1 to 9999, and brings it into the axis.
    void goTo(double day);
    /// Fits the axis to the data's extent and a chosen date (while showing all dates, the date
    /// moves into the extent).
    void fitTo(int firstDay, int lastDay);

    static constexpr double kPlaySeconds = 12;
};

/// day within the days of years 1 to 9999. Throws nothing.
double clampDay(double day);
/// Today (UTC) as days since 1970-01-01. Throws nothing.
int today();

void drawTimelinePanel(Viewer& v, const Rect& r);

}  // namespace cmap::ui
