#pragma once
// What `export`, `animate` and `export-data` draw or write: the articles of a workspace and of
// the command line, geoparsed with the workspace's corrections, or (given neither) the built-in
// briefing. One loader, so the three commands always agree on the content.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/geo/gazetteer.h"
#include "core/model/document.h"
#include "core/model/workspace.h"

namespace cmap::app {

struct ArticleInputs {
    std::string workspace;              ///< --workspace FILE, or empty
    std::vector<std::string> articles;  ///< ARTICLE... as given
    std::string corpus;                 ///< --corpus DIR for the briefing's articles, or empty
    std::vector<std::string> events;    ///< --events FILE... (event datasets) as given
    std::string dateField;              ///< --date-field NAME for them, or empty

    /// No workspace, no article and no event dataset: the built-in briefing.
    bool briefing() const { return workspace.empty() && articles.empty() && events.empty(); }
};

struct ArticleSet {
    std::vector<std::shared_ptr<const model::Document>> documents;  ///< corrections applied
    std::vector<std::vector<std::string>> summaries;  ///< per document, per event (the briefing's); else empty
    std::string title;  ///< the workspace's or the briefing's
};

/// Where the built-in briefing finds its articles: the option, $CONFLICTMAP_CORPUS, then the
/// shared corpus beside the source tree. Throws nothing.
std::filesystem::path corpusDir(const std::string& option);

/// Geoparses the workspace's articles (paths relative to its file) and then the command line's,
/// applying ws's corrections; or, for ArticleInputs::briefing(), the briefing's documents, placed
/// through gazetteer when there is one. Throws DataError naming a missing or unreadable article.
ArticleSet loadArticles(const ArticleInputs& in, const model::Workspace& ws, const geo::Gazetteer* gazetteer);

}  // namespace cmap::app
