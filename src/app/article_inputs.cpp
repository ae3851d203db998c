#include "app/article_inputs.h"

#include <cstdlib>

namespace cmap::app {

namespace fs = std::filesystem;

fs::path corpusDir(const std::string& option) {
    if (!option.empty()) return option;
    if (const char* env = std::getenv("CONFLICTMAP_CORPUS"); env && *env) return env;
#ifdef CMAP_SOURCE_DIR
    return fs::path(CMAP_SOURCE_DIR) / ".." / "shared" / "corpus";
#else
    return {};
#endif
}

scene::ContentRequest contentRequest(const ArticleInputs& in, model::Workspace ws, const fs::path& geodata) {
    scene::ContentRequest r;
    if (in.briefing()) ws.articles.push_back({std::string(scene::kBuiltinBriefing), std::nullopt});
    r.workspace = std::move(ws);
    r.workspaceFile = in.workspace;
    r.articles = in.articles;
    r.layers = in.layers;
    for (const std::string& e : in.events) r.events.push_back({e, in.dateField});
    r.geodata = geodata;
    r.corpusDir = corpusDir(in.corpus);
    return r;
}

}  // namespace cmap::app
