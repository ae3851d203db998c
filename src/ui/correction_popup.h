#pragma once
// The correction popup of one mention or many (a selection of the Mentions panel): another
// gazetteer candidate, a search by name, a point placed by hand on the map, or "not a place";
// "Always" also decides every mention spelled the same. Decisions go into the workspace (they win
// over geoparsing and are saved with it) as one undo step.
#include <span>
#include <string>
#include <vector>

#include "core/geo/gazetteer.h"
#include "ui/mention_rows.h"

namespace cmap::ui {

struct Viewer;

struct CorrectionPopup {
    bool openRequested = false;
    std::vector<MentionKey> targets;  ///< the mentions it decides about (raw indexes)
    bool always = false;
    std::string search;
    std::vector<geo::Candidate> results;  ///< of the last lookup
    std::string resultsFor;   ///< the text results were looked up for
};

/// Opens the popup for raw mention m of article a on the next frame.
void openCorrection(Viewer& v, size_t article, size_t mention);
/// Opens the popup for several mentions at once.
void openCorrection(Viewer& v, std::span<const MentionKey> targets);
void drawCorrectionPopup(Viewer& v);

}  // namespace cmap::ui
