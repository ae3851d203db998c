#include "app/article_inputs.h"

#include <cstdlib>
#include <system_error>

#include "app/cli_common.h"
#include "core/error.h"
#include "core/text/article.h"

namespace cmap::app {

namespace fs = std::filesystem;

fs::path corpusDir(const std::string& option) {
    if (!option.empty()) return option;
    if (const char* env = std::getenv("CONFLICTMAP_CORPUS"); env && *env) return env;
    if (const char* shared = std::getenv("CMAP_SHARED_DIR"); shared && *shared) return fs::path(shared) / "corpus";
    // The seed articles are the project's, beside the source tree (../shared/corpus), not part of
    // an installed tree: there the briefing draws from its own coordinates.
    if (inBuildTree()) return (executableDir() / "../../shared/corpus").lexically_normal();
    return {};
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

namespace {

// The same file: one inode (links and other spellings of the path), or the same path once made
// absolute and normal when either does not exist yet.
bool sameFile(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::equivalent(a, b, ec)) return true;
    const fs::path ca = fs::weakly_canonical(a, ec);
    if (ec) return false;
    const fs::path cb = fs::weakly_canonical(b, ec);
    return !ec && ca == cb;
}

}  // namespace

void refuseOverwritingInput(const fs::path& out, const ArticleInputs& in, const model::Workspace& ws) {
    std::vector<fs::path> inputs;
    if (!in.workspace.empty()) inputs.emplace_back(in.workspace);
    auto article = [&](const fs::path& p) {
        inputs.push_back(p);
        inputs.push_back(text::sidecarPath(p));
    };
    for (const std::string& a : in.articles) article(a);
    for (const std::string& l : in.layers) inputs.emplace_back(l);
    for (const std::string& e : in.events) inputs.emplace_back(e);
    for (const model::ArticleRef& a : ws.articles)
        if (a.path != scene::kBuiltinBriefing) article(scene::resolvePath(a.path, in.workspace));
    for (const std::string& o : ws.overlays) inputs.push_back(scene::resolvePath(o, in.workspace));
    for (const model::EventSourceRef& e : ws.events) inputs.push_back(scene::resolvePath(e.path, in.workspace));
    for (const fs::path& input : inputs)
        if (sameFile(out, input))
            throw DataError(out.string(), "is one of the inputs (" + input.string() + "); writing it would destroy it");
}

}  // namespace cmap::app
