#include "ui/session.h"

#include <algorithm>

#include "core/geo/vector_source.h"
#include "core/model/briefing.h"
#include "core/error.h"
#include "core/text/article.h"
#include "core/text/geoparse.h"

namespace cmap::ui {

void Session::rebuildContent() {
    auto c = std::make_shared<scene::MapContent>();
    if (geodata) {
        c->basemap = geodata->basemap;
        c->gazetteer = geodata->gazetteer;
    }
    for (const auto& a : articles) {
        model::Document doc = a->raw;
        model::applyCorrections(doc, workspace.corrections);
        c->documents.push_back(std::make_shared<const model::Document>(std::move(doc)));
    }
    for (const auto& o : overlays) c->overlays.push_back(o.features);
    c->events = events;
    content = std::move(c);
    ++revision;
}

const ArticleSource* Session::article(std::string_view key) const {
    for (const auto& a : articles)
        if (a->key == key) return a.get();
    return nullptr;
}

std::shared_ptr<const Geodata> loadGeodata(const std::filesystem::path& dir) {
    auto g = std::make_shared<Geodata>();
    g->gazetteer = geo::Gazetteer::load(dir);
    // The gazetteer already holds the area polygons; the basemap shares them instead of reading
    // the shapefiles twice.
    g->basemap.admin0 = g->gazetteer->polygons(geo::Layer::Admin0);
    g->basemap.admin1 = g->gazetteer->polygons(geo::Layer::Admin1);
    std::filesystem::path places = dir / "places.shp";
    if (std::filesystem::exists(places)) g->basemap.places = geo::loadVector(places);
    return g;
}

std::filesystem::path resolveArticlePath(const std::string& key, const std::filesystem::path& workspacePath) {
    std::filesystem::path p(key);
    if (p.is_absolute() || workspacePath.empty()) return p;
    return workspacePath.parent_path() / p;
}

std::shared_ptr<const ArticleSource> loadArticleSource(const std::string& key, const std::filesystem::path& file,
                                                       std::optional<model::Date> published,
                                                       const geo::Gazetteer& gazetteer) {
    text::Article article = text::loadArticle(file, published);
    auto src = std::make_shared<ArticleSource>();
    src->key = key;
    src->file = file;
    src->raw = text::geoparse(article, gazetteer);
    // Corrections and layer ids name the article as the workspace does, wherever it was read.
    src->raw.file = key;
    src->bytes = article.bytes();
    src->decoded = std::move(article.decoded);
    return src;
}

std::vector<std::shared_ptr<const ArticleSource>> loadBriefingSources(const geo::Gazetteer* gazetteer,
                                                                      const std::filesystem::path& corpusDir) {
    std::vector<std::shared_ptr<const ArticleSource>> out;
    for (auto& bd : model::briefingDocuments(model::builtinBriefing(), gazetteer, corpusDir)) {
        auto src = std::make_shared<ArticleSource>();
        src->key = bd.document.file;
        if (bd.linked) {
            // The text is shown only when the article is on disk; the facts stand without it.
            try {
                text::Article article = text::loadArticle(*bd.linked);
                src->file = *bd.linked;
                src->bytes = article.bytes();
                src->decoded = std::move(article.decoded);
            } catch (const DataError& e) {
                bd.document.warnings.push_back(e.what());
            }
        }
        src->raw = std::move(bd.document);
        src->summaries = std::move(bd.summaries);
        out.push_back(std::move(src));
    }
    return out;
}

std::vector<model::TimeItem> eventItems(const scene::MapContent& content) {
    std::vector<model::TimeItem> items;
    for (const auto& doc : content.documents)
        for (const auto& e : doc->events)
            if (e.date) items.push_back({e.date->first, e.date->last, 0});
    return items;
}

std::pair<int, int> contentExtent(const scene::MapContent& content) {
    std::vector<model::TimeItem> items = eventItems(content);
    for (const auto& e : content.events)
        if (auto [first, last] = e->extent(); last >= first) items.push_back({first, last, 0});
    return model::extent(items);
}

uint32_t textOffsetOf(const text::DecodedText& decoded, uint32_t fileOffset) {
    if (decoded.identity())
        return fileOffset < decoded.sourceBase ? 0
                                               : std::min<uint32_t>(fileOffset - decoded.sourceBase,
                                                                    static_cast<uint32_t>(decoded.text.size()));
    auto it = std::lower_bound(decoded.toSource.begin(), decoded.toSource.end(), fileOffset);
    return static_cast<uint32_t>(std::min<size_t>(static_cast<size_t>(it - decoded.toSource.begin()), decoded.text.size()));
}

}  // namespace cmap::ui
