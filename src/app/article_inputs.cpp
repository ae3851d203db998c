#include "app/article_inputs.h"

#include <cstdlib>

#include "core/model/briefing.h"
#include "core/text/geoparse.h"

namespace cmap::app {
namespace {

namespace fs = std::filesystem;

std::shared_ptr<const model::Document> geoparseFile(const fs::path& path, const std::string& key,
                                                    std::optional<model::Date> published, const geo::Gazetteer& gaz,
                                                    const std::vector<model::Correction>& corrections) {
    model::Document doc = text::geoparse(text::loadArticle(path, published), gaz);
    doc.file = key;  // corrections and layer styles name the article as the user gave it
    model::applyCorrections(doc, corrections);
    return std::make_shared<const model::Document>(std::move(doc));
}

}  // namespace

fs::path corpusDir(const std::string& option) {
    if (!option.empty()) return option;
    if (const char* env = std::getenv("CONFLICTMAP_CORPUS"); env && *env) return env;
#ifdef CMAP_SOURCE_DIR
    return fs::path(CMAP_SOURCE_DIR) / ".." / "shared" / "corpus";
#else
    return {};
#endif
}

ArticleSet loadArticles(const ArticleInputs& in, const model::Workspace& ws, const geo::Gazetteer* gazetteer) {
    ArticleSet set;
    if (in.briefing()) {
        set.title = model::builtinBriefing().title;
        for (auto& bd : model::briefingDocuments(model::builtinBriefing(), gazetteer, corpusDir(in.corpus))) {
            set.documents.push_back(std::make_shared<const model::Document>(std::move(bd.document)));
            set.summaries.push_back(std::move(bd.summaries));
        }
        return set;
    }
    set.title = ws.title;
    fs::path base = in.workspace.empty() ? fs::path() : fs::path(in.workspace).parent_path();
    for (const model::ArticleRef& ref : ws.articles) {
        fs::path p = fs::path(ref.path).is_absolute() ? fs::path(ref.path) : base / ref.path;
        set.documents.push_back(geoparseFile(p, ref.path, ref.published, *gazetteer, ws.corrections));
    }
    for (const std::string& a : in.articles)
        set.documents.push_back(geoparseFile(a, a, std::nullopt, *gazetteer, ws.corrections));
    return set;
}

}  // namespace cmap::app
