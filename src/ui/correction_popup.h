#pragma once
// The correction popup of a mention: another gazetteer candidate, a search by name, a point
// placed by hand on the map, or "not a place". Decisions go into the workspace (they win over
// geoparsing and are saved with it).
#include <optional>
#include <string>
#include <vector>

#include "core/geo/gazetteer.h"
#include "core/model/document.h"

namespace cmap::ui {

struct Viewer;

struct CorrectionPopup {
    bool openRequested = false;
    size_t article = 0;       ///< index into Session::articles
    size_t mention = 0;       ///< raw mention index in that article
    std::string search;
    std::vector<geo::Candidate> results;  ///< of the last lookup
    std::string resultsFor;   ///< the text results were looked up for
};

/// Opens the popup for raw mention m of article a on the next frame.
void openCorrection(Viewer& v, size_t article, size_t mention);
void drawCorrectionPopup(Viewer& v);

}  // namespace cmap::ui
