#pragma once
// The timeline (bottom panel): a date axis over the data, zoomable to days, a histogram of
// events, the current date, modes cumulative / window / as-of, play, speed and step.
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
    std::optional<DayRange> range;  ///< visible axis; empty until fitted to the data
    int extentFirst = 0, extentLast = -1;  ///< days the data spans
    bool scrubbing = false;

    /// The query the map uses: nullopt while showing everything.
    std::optional<model::TimeQuery> query() const;
    /// Advances playback by dt seconds; stops at the end of the data. Returns whether it moved.
    bool advance(double dt);
    /// Steps the current date by days, within the data (ends playback's "show all").
    void step(int days);
    /// Fits the axis to the data's extent (and puts the current date in it).
    void fitTo(int firstDay, int lastDay);
};

void drawTimelinePanel(Viewer& v, const Rect& r);

}  // namespace cmap::ui
