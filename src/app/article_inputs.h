#pragma once
// What `export`, `animate` and `export-data` draw or write: the articles, layers and event
// datasets of a workspace and of the command line, or (given none) the built-in briefing, as a
// request to the one content loader (scene/content_loader.h), so the commands and the viewer
// always agree on the content.
#include <filesystem>
#include <string>
#include <vector>

#include "core/model/workspace.h"
#include "scene/content_loader.h"

namespace cmap::app {

struct ArticleInputs {
    std::string workspace;              ///< --workspace FILE, or empty
    std::vector<std::string> articles;  ///< ARTICLE... as given
    std::string corpus;                 ///< --corpus DIR for the briefing's articles, or empty
    std::vector<std::string> layers;    ///< --layer FILE... (vector overlays) as given
    std::vector<std::string> events;    ///< --events FILE... (event datasets) as given
    std::string dateField;              ///< --date-field NAME for them, or empty

    /// Nothing of the user's (no workspace, article, layer or event dataset): the built-in
    /// briefing. What the user brings is drawn alone, never over the briefing.
    bool briefing() const { return workspace.empty() && articles.empty() && layers.empty() && events.empty(); }
};

/// Where the built-in briefing finds its articles: the option, $CONFLICTMAP_CORPUS, the corpus in
/// $CMAP_SHARED_DIR, then the shared corpus beside the source tree. Throws nothing.
std::filesystem::path corpusDir(const std::string& option);

/// The loader's request for the inputs over ws (the workspace file's, loaded): the workspace's
/// articles (for briefing(), the built-in briefing's), overlays and event datasets, then the
/// command line's, from the geodata folder geodata. Throws nothing.
scene::ContentRequest contentRequest(const ArticleInputs& in, model::Workspace ws, const std::filesystem::path& geodata);

/// Throws DataError(out, "is one of the inputs ...") when out is the same file as one the command
/// reads: the workspace file, an article or its sidecar, a layer or an event dataset, of in or of
/// ws (the workspace's, resolved from its folder). Writing it would destroy the input.
void refuseOverwritingInput(const std::filesystem::path& out, const ArticleInputs& in, const model::Workspace& ws);

}  // namespace cmap::app
