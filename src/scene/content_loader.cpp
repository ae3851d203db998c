#include "scene/content_loader.h"

#include <algorithm>
#include <future>

#include "core/error.h"
#include "core/geo/vector_source.h"
#include "core/io/event_import.h"
#include "core/log.h"
#include "core/model/briefing.h"
#include "core/model/workspace_paths.h"
#include "core/text/article.h"
#include "core/text/geoparse.h"
#include "scene/scene_index.h"

namespace cmap::scene {
namespace {

namespace fs = std::filesystem;

// The attributes the map reads from the prepared layers: the basemap style's names.
std::vector<std::string> preparedFields() {
    const BasemapStyle style;
    std::vector<std::string> fields;
    for (const auto* names : {&style.nameFields, &style.populationFields, &style.featureCodeFields})
        fields.insert(fields.end(), names->begin(), names->end());
    return fields;
}

bool isBriefing(const model::ArticleRef& ref) { return ref.path == kBuiltinBriefing; }

// Why a layer draws nothing, or empty when it draws something.
std::string nothingToDraw(const geo::FeatureSet& fs) {
    if (fs.featureCount() == 0) return "has no features";
    const bool anyGeometry = std::any_of(fs.featureBox.begin(), fs.featureBox.end(), [](const geo::BBox& b) { return !b.empty(); });
    if (anyGeometry) return {};
    std::string ext = fs::path(fs.path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".csv")
        return "has no coordinates: a CSV layer needs lon/lat, longitude/latitude or X/Y columns (or a WKT column)";
    return "has no geometry in any of its " + std::to_string(fs.featureCount()) + " features";
}

}  // namespace

std::shared_ptr<const Geodata> loadGeodata(const fs::path& dir, bool gazetteer, bool layers, const fs::path& cacheDir) {
    auto g = std::make_shared<Geodata>();
    if (layers) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) throw DataError(dir.string(), "no such geodata folder");
    }
    // Side by side: from their caches each takes milliseconds, but a changed geodata folder makes
    // both read the shapefiles, about a second each.
    std::future<geo::PreparedLayers> prepared;
    if (layers)
        prepared = std::async(std::launch::async, [&] { return geo::BasemapCache::load(dir, preparedFields(), cacheDir); });
    if (gazetteer) g->gazetteer = geo::Gazetteer::load(dir, geo::GazetteerOptions{cacheDir});
    if (layers) g->layers = prepared.get();
    return g;
}

fs::path resolvePath(const std::string& ref, const fs::path& workspaceFile) {
    return model::resolveWorkspacePath(ref, workspaceFile);
}

ArticleSourcePtr loadArticleSource(const std::string& key, const fs::path& file, std::optional<model::Date> published,
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

std::vector<ArticleSourcePtr> loadBriefingSources(const geo::Gazetteer* gazetteer, const fs::path& corpusDir) {
    std::vector<ArticleSourcePtr> out;
    for (auto& bd : model::briefingDocuments(model::builtinBriefing(), gazetteer, corpusDir)) {
        auto src = std::make_shared<ArticleSource>();
        src->key = bd.document.file;
        if (bd.linked && bd.article) {
            // The briefing read the article to find its sentences: its text is shown as read then.
            src->file = *bd.linked;
            src->bytes = bd.article->bytes();
            src->decoded = std::move(bd.article->decoded);
        }
        src->raw = std::move(bd.document);
        src->summaries = std::move(bd.summaries);
        out.push_back(std::move(src));
    }
    return out;
}

Overlay loadOverlay(const std::string& key, const fs::path& file) {
    Overlay o{key, geo::loadVector(file)};
    if (std::string why = nothingToDraw(*o.features); !why.empty())
        log::warn(key + ": " + why + "; the layer draws nothing");
    return o;
}

model::EventTablePtr loadEventTable(const model::EventSourceRef& ref, const fs::path& file) {
    std::shared_ptr<model::EventTable> table = io::importEvents(file, {ref.dateField});
    table->path = ref.path;  // the workspace's name for it keys its layer style
    if (table->badRows)
        log::warn(ref.path + ": " + std::to_string(table->badRows) + " rows skipped, the first at " +
                  table->firstBadReason);
    if (table->size() == 0 && table->badRows == 0) log::warn(ref.path + ": has no events; the dataset draws nothing");
    return table;
}

std::shared_ptr<const MapContent> makeMapContent(const Geodata* geodata, bool basemap,
                                                 const std::vector<ArticleSourcePtr>& articles,
                                                 const std::vector<Overlay>& overlays,
                                                 const std::vector<model::EventTablePtr>& events,
                                                 const std::vector<model::Correction>& corrections,
                                                 const std::vector<model::Correction>& always) {
    auto c = std::make_shared<MapContent>();
    if (geodata) {
        c->gazetteer = geodata->gazetteer;
        c->layers = geodata->layers;
        if (basemap)
            c->basemap = {geodata->layers[geo::Layer::Admin0], geodata->layers[geo::Layer::Admin1],
                          geodata->layers[geo::Layer::Places]};
    }
    for (const auto& a : articles) {
        model::Document doc = a->raw;
        c->corrected.push_back(model::applyCorrections(doc, corrections, always));
        c->documents.push_back(std::make_shared<const model::Document>(std::move(doc)));
    }
    for (const Overlay& o : overlays) c->overlays.push_back(o.features);
    c->events = events;
    c->index = makeSceneIndex(*c);
    return c;
}

Content loadContent(const ContentRequest& request, const LoadProgress& progress) {
    const auto say = [&](const std::string& what) {
        if (progress) progress(what);
    };
    const model::Workspace& ws = request.workspace;
    const bool briefingOnly = request.articles.empty() && !ws.articles.empty() &&
                              std::all_of(ws.articles.begin(), ws.articles.end(), isBriefing);
    const bool geoparses = !request.articles.empty() || !ws.articles.empty();
    // Areas need the prepared layers as much as the basemap does.
    const bool layers = request.draws && (request.basemap || geoparses);

    Content content;
    if (geoparses || layers) {
        say(geoparses ? "loading the gazetteer" : "loading the basemap");
        try {
            content.geodata = loadGeodata(request.geodata, geoparses, layers, request.cacheDir);
        } catch (const DataError&) {
            // The built-in briefing carries its own coordinates: without geodata it still draws
            // (on plain paper) or exports, when no basemap is wanted anyway.
            if (!(briefingOnly && !(request.draws && request.basemap))) throw;
        }
    }
    const geo::Gazetteer* gazetteer = content.geodata ? content.geodata->gazetteer.get() : nullptr;
    if (geoparses && !briefingOnly) say("geoparsing articles");
    for (const model::ArticleRef& ref : ws.articles) {
        if (isBriefing(ref)) {
            auto sources = loadBriefingSources(gazetteer, request.corpusDir);
            content.articles.insert(content.articles.end(), sources.begin(), sources.end());
        } else {
            content.articles.push_back(
                loadArticleSource(ref.path, resolvePath(ref.path, request.workspaceFile), ref.published, *gazetteer));
        }
    }
    for (const std::string& a : request.articles)
        content.articles.push_back(loadArticleSource(a, a, std::nullopt, *gazetteer));
    for (const std::string& ref : ws.overlays)
        content.overlays.push_back(loadOverlay(ref, resolvePath(ref, request.workspaceFile)));
    for (const std::string& layer : request.layers) content.overlays.push_back(loadOverlay(layer, layer));
    for (const model::EventSourceRef& ref : ws.events) {
        say("importing " + ref.path);
        content.events.push_back(loadEventTable(ref, resolvePath(ref.path, request.workspaceFile)));
    }
    for (const model::EventSourceRef& ref : request.events) {
        say("importing " + ref.path);
        content.events.push_back(loadEventTable(ref, ref.path));
    }
    content.map = makeMapContent(content.geodata.get(), request.basemap, content.articles, content.overlays,
                                 content.events, ws.corrections, ws.always);
    return content;
}

}  // namespace cmap::scene
