// Viewer actions shared by the panels: opening, saving, adding articles and layers, and the
// background loads behind them. Every failure lands in the error panel and changes nothing.
#include <algorithm>

#include "core/error.h"
#include "core/geo/projection.h"
#include "core/log.h"
#include "core/model/briefing.h"
#include "core/model/workspace_paths.h"
#include "core/text/decode.h"
#include "scene/furniture_layers.h"
#include "scene/slide_state.h"
#include "ui/viewer.h"

namespace cmap::ui {

struct LoadedArticles {
    std::vector<std::shared_ptr<const ArticleSource>> articles;
    std::vector<std::string> errors;
};

namespace {

bool isArticleFile(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm";
}

// Loads the articles of refs in order; the ones that fail are reported and left out of the map
// (their references stay in the workspace: nothing the user made is dropped).
LoadedArticles loadArticles(const std::vector<model::ArticleRef>& refs, const std::filesystem::path& wsPath,
                            const ViewerOptions& opt, std::shared_ptr<const Geodata> geodata, Progress& progress) {
    LoadedArticles out;
    for (size_t i = 0; i < refs.size(); ++i) {
        const auto& ref = refs[i];
        progress.set(static_cast<float>(i) / static_cast<float>(refs.size()), "Reading " + ref.path);
        try {
            if (ref.path == kBuiltinBriefing) {
                auto sources = scene::loadBriefingSources(geodata->gazetteer.get(), opt.corpusDir);
                out.articles.insert(out.articles.end(), sources.begin(), sources.end());
            } else {
                out.articles.push_back(scene::loadArticleSource(ref.path, scene::resolvePath(ref.path, wsPath),
                                                                ref.published, *geodata->gazetteer));
            }
        } catch (const Error& e) {
            out.errors.push_back(e.what());
        }
    }
    progress.set(1, "Done");
    return out;
}

}  // namespace

Viewer::Viewer(ViewerOptions opt)
    : options(std::move(opt)), jobs([this](const std::string& m) { reportError(m); }) {}

void Viewer::reportError(const std::string& message) {
    log::error(message);
    errors.push_back(message);
}

void Viewer::start() {
    if (options.offerRecovery) {
        try {
            recovery = autosave.find();
        } catch (const Error& e) {
            // Not deleted: the work may still be in it, for a person or a later version to read.
            const auto aside = autosave.keepAside();
            log::warn(std::string("a recovery file that cannot be read: ") + e.what() + "; " +
                      (aside ? "kept as " + aside->string() : std::string("left in place, and no autosave this session")));
        }
    }
    model::Workspace ws;
    std::filesystem::path wsPath;
    bool addedArticles = false;  // to a workspace: it has changed
    if (options.workspace) {
        ws = model::loadWorkspace(*options.workspace);  // the CLI reports a bad one and exits
        wsPath = *options.workspace;
        // Articles given beside a workspace are opened in it, as export draws them over it.
        for (const auto& a : options.articles) {
            addedArticles = true;
            const std::string path = std::filesystem::absolute(a).string();
            if (std::none_of(ws.articles.begin(), ws.articles.end(), [&](const model::ArticleRef& r) {
                    return std::filesystem::absolute(scene::resolvePath(r.path, wsPath)).string() == path;
                }))
                ws.articles.push_back({path, std::nullopt});
        }
    } else if (!options.articles.empty() || !options.events.empty() || !options.layers.empty()) {
        // What the user brought, alone: no briefing drawn under it.
        for (const auto& a : options.articles) ws.articles.push_back({std::filesystem::absolute(a).string(), std::nullopt});
    } else {
        ws.title = model::builtinBriefing().title;
        ws.slides = model::builtinBriefing().slides;
        ws.articles.push_back({std::string(kBuiltinBriefing), std::nullopt});
    }
    useWorkspace(std::move(ws), std::move(wsPath), addedArticles);

    std::filesystem::path dir = options.geodata;
    log::info("loading geodata from " + dir.string());
    // The workspace's articles are read in the same job, right after the geodata, and arrive with
    // it: the first frame that draws the map then draws it once, with everything, instead of a
    // basemap whose meshes and pixels the articles throw away a frame later.
    jobs.post("Loading geodata", [this, dir, refs = session.workspace.articles, from = session.workspacePath,
                                  gen = generation_](Progress& p) -> BackgroundJobs::Apply {
        p.set(0.1f, "Loading the gazetteer");
        auto g = scene::loadGeodata(dir, true, true);
        auto loaded = std::make_shared<LoadedArticles>(loadArticles(refs, from, options, g, p));
        return [this, g, loaded, gen] {
            session.geodata = g;
            log::info("gazetteer: " + std::to_string(g->gazetteer->placeCount()) + " places");
            if (gen != generation_) {  // another workspace was opened meanwhile: read its articles
                for (const auto& e : loaded->errors) reportError(e);
                contentChanged();
                loadWorkspaceArticles();
                return;
            }
            applyArticles(*loaded);
        };
    });
    for (const auto& l : options.layers) addLayer(l);
    for (const auto& e : options.events) addEvents({e, options.dateField});
}

void Viewer::openWorkspace(const std::filesystem::path& path) {
    try {
        useWorkspace(model::loadWorkspace(path), path, false);
        log::info("opened " + path.string());
    } catch (const Error& e) {
        reportError(e.what());
    }
}

void Viewer::useWorkspace(model::Workspace ws, std::filesystem::path path, bool dirty) {
    ++generation_;
    // Held with absolute paths, whatever the file said: the keys of articles and corrections then
    // stay the same when the workspace is saved elsewhere (saving writes them relative again).
    session.workspace = model::relocatePaths(std::move(ws), path, {});
    session.workspacePath = std::move(path);
    session.dirty = dirty;
    session.articles.clear();
    session.overlays.clear();
    session.events.clear();
    for (const auto& e : session.workspace.events) loadEvents(e);
    articles = ArticlesPanel{};

    const model::Workspace& w = session.workspace;
    setProjectionDefinition(canvas, w.view.projection);
    slides = SlidesPanel{};
    annotationTools = AnnotationsPanel{};
    mentions = MentionsPanel{};
    history.clear();  // undo steps belong to the workspace they were made in
    presentation = Presentation{};
    pendingView_ = w.view.scale > 0 ? std::optional(w.view) : std::nullopt;

    timeline.mode = w.timeline.mode;
    timeline.windowDays = w.timeline.windowDays;
    timeline.showAll = !w.timeline.date;
    if (w.timeline.date) timeline.day = w.timeline.date->firstDay();
    timeline.range.reset();
    timeline.playing = false;

    contentChanged();
    // A file that fails to open is reported and keeps its place in the workspace, like an article.
    for (const std::string& ref : w.overlays) loadOverlay(ref, scene::resolvePath(ref, session.workspacePath));
    if (session.geodata) loadWorkspaceArticles();
}

void Viewer::loadWorkspaceArticles() {
    auto refs = session.workspace.articles;
    auto wsPath = session.workspacePath;
    auto geodata = session.geodata;
    uint64_t gen = generation_;
    jobs.post("Reading articles", [this, refs, wsPath, geodata, gen](Progress& p) -> BackgroundJobs::Apply {
        auto loaded = std::make_shared<LoadedArticles>(loadArticles(refs, wsPath, options, geodata, p));
        return [this, loaded, gen] {
            if (gen != generation_) {  // another workspace was opened meanwhile
                for (const auto& e : loaded->errors) reportError(e);
                return;
            }
            applyArticles(*loaded);
        };
    });
}

void Viewer::applyArticles(const LoadedArticles& loaded) {
    for (const auto& e : loaded.errors) reportError(e);
    session.articles = loaded.articles;
    log::info("loaded " + std::to_string(session.articles.size()) + " article(s)");
    contentChanged();
    applyPendingView();
}

void Viewer::applyPendingView() {
    if (!pendingView_) return;
    try {
        std::string def = canvas.projection.empty() ? scene::defaultProjection(*session.content) : canvas.projection;
        if (auto view = scene::restoreView(*pendingView_, def, canvas.rect.w, canvas.rect.h)) canvas.camera.view = view;
    } catch (const Error& e) {
        log::warn(std::string("the workspace's view cannot be restored: ") + e.what());
    }
    pendingView_.reset();
}

void Viewer::contentChanged() {
    session.rebuildContent();
    auto [first, last] = contentExtent(*session.content);
    timeline.extentFirst = first;
    timeline.extentLast = last;
    if (!timeline.range && last >= first) timeline.fitTo(first, last);
    if (articles.selected >= session.articles.size()) articles.selected = 0;
}

void Viewer::syncWorkspace() {
    model::Workspace& w = session.workspace;
    w.view.projection = canvas.projection;
    w.view.scale = 0;
    if (canvas.camera.view) {
        try {
            std::string def = canvas.projection.empty() ? scene::defaultProjection(*session.content) : canvas.projection;
            geo::LonLat c = geo::Projection::create(def).inverse(canvas.camera.view->center);
            if (!std::isnan(c.lon)) {
                w.view.centerLon = c.lon;
                w.view.centerLat = c.lat;
                w.view.scale = canvas.camera.view->unitsPerPixel;
                w.view.width = canvas.rect.w;
                w.view.height = canvas.rect.h;
            }
        } catch (const Error&) {
            // An unusable projection cannot have produced this view; keep "fit to the data".
        }
    }
    w.view.clampToReadable();
    w.timeline.mode = timeline.mode;
    w.timeline.windowDays = timeline.windowDays;
    w.timeline.date = timeline.showAll ? std::nullopt : std::optional(model::Date::fromDays(static_cast<int>(timeline.day)));
}

bool Viewer::saveWorkspace(const std::filesystem::path& path) {
    syncWorkspace();
    try {
        model::saveWorkspace(model::relocatePaths(session.workspace, {}, path), path);
    } catch (const Error& e) {
        reportError(e.what());
        return false;
    }
    session.workspacePath = path;
    session.dirty = false;
    if (!recovery) autosave.discard();  // a copy still offered is the last session's, not ours
    log::info("saved " + path.string());
    return true;
}

void Viewer::addArticle(const std::string& path) {
    std::string key = std::filesystem::absolute(path).string();
    for (size_t i = 0; i < session.articles.size(); ++i)
        if (session.articles[i]->key == key) {
            articles.selected = i;
            return;
        }
    session.workspace.articles.push_back({key, std::nullopt});
    session.markDirty();
    if (!session.geodata) return;  // the initial load will read it with the others
    auto geodata = session.geodata;
    uint64_t gen = generation_;
    jobs.post("Reading " + path, [this, key, geodata, gen](Progress&) -> BackgroundJobs::Apply {
        auto src = scene::loadArticleSource(key, key, std::nullopt, *geodata->gazetteer);
        return [this, src, gen] {
            if (gen != generation_) return;
            session.articles.push_back(src);
            articles.selected = session.articles.size() - 1;
            log::info("added " + src->key + ": " + std::to_string(src->raw.mentions.size()) + " mentions");
            contentChanged();
        };
    });
}

void Viewer::addLayer(const std::string& path) {
    std::string key = std::filesystem::absolute(path).string();
    auto& refs = session.workspace.overlays;
    if (std::find(refs.begin(), refs.end(), key) != refs.end()) return;  // already on the map
    refs.push_back(key);
    session.markDirty();
    loadOverlay(key, key);
}

void Viewer::loadOverlay(const std::string& key, const std::filesystem::path& file) {
    uint64_t gen = generation_;
    jobs.post("Opening " + key, [this, key, file, gen](Progress&) -> BackgroundJobs::Apply {
        auto overlay = scene::loadOverlay(key, file);
        return [this, overlay, gen] {
            if (gen != generation_) return;  // another workspace was opened meanwhile
            session.overlays.push_back(overlay);
            log::info("layer " + overlay.path + ": " + std::to_string(overlay.features->featureCount()) + " features");
            contentChanged();
        };
    });
}

void Viewer::addEvents(const model::EventSourceRef& given) {
    // Absolute, as articles and layers: the workspace says where it is relative to itself on save.
    model::EventSourceRef ref = given;
    ref.path = std::filesystem::absolute(given.path).string();
    bool known = false;
    for (const auto& e : session.workspace.events) known = known || e.path == ref.path;
    if (!known) {
        session.workspace.events.push_back(ref);
        session.markDirty();
    }
    loadEvents(ref);
}

void Viewer::loadEvents(const model::EventSourceRef& ref) {
    std::filesystem::path file = scene::resolvePath(ref.path, session.workspacePath);
    uint64_t gen = generation_;
    jobs.post("Importing " + ref.path, [this, ref, file, gen](Progress&) -> BackgroundJobs::Apply {
        model::EventTablePtr table = scene::loadEventTable(ref, file);
        return [this, table, gen] {
            // A newer workspace, or the user removed the dataset while it was importing.
            if (gen != generation_ || std::none_of(session.workspace.events.begin(), session.workspace.events.end(),
                                                   [&](const model::EventSourceRef& e) { return e.path == table->path; }))
                return;
            session.events.push_back(table);
            log::info("events " + table->path + ": " + std::to_string(table->size()) + " imported");
            contentChanged();
        };
    });
}

void Viewer::removeLayer(const std::string& key) {
    auto& refs = session.workspace.overlays;
    refs.erase(std::remove(refs.begin(), refs.end(), key), refs.end());
    std::erase_if(session.overlays, [&](const Overlay& o) { return o.path == key; });
    session.markDirty();
    contentChanged();
}

void Viewer::removeEvents(const std::string& path) {
    std::erase_if(session.workspace.events, [&](const model::EventSourceRef& e) { return e.path == path; });
    std::erase_if(session.events, [&](const model::EventTablePtr& t) { return t->path == path; });
    session.markDirty();
    contentChanged();
}

void Viewer::openDropped(const std::vector<std::string>& paths) {
    for (const auto& p : paths) {
        if (isArticleFile(p)) addArticle(p);
        else addLayer(p);
    }
}

void Viewer::reloadArticle(size_t index) {
    if (index >= session.articles.size() || !session.geodata) return;
    auto src = session.articles[index];
    if (src->file.empty()) return;  // a briefing source without its article: nothing to re-read
    const model::ArticleRef* ref = nullptr;
    for (const auto& a : session.workspace.articles)
        if (a.path == src->key) ref = &a;
    std::optional<model::Date> published = ref ? ref->published : std::nullopt;
    auto geodata = session.geodata;
    uint64_t gen = generation_;
    jobs.post("Re-reading " + src->key, [this, src, published, geodata, gen](Progress&) -> BackgroundJobs::Apply {
        auto fresh = scene::loadArticleSource(src->key, src->file, published, *geodata->gazetteer);
        return [this, fresh, gen] {
            if (gen != generation_) return;
            for (auto& a : session.articles)
                if (a->key == fresh->key) a = fresh;
            contentChanged();
        };
    });
}

void Viewer::correctionsChanged() {
    session.markDirty();
    contentChanged();
}

void Viewer::recordEdit() {
    history.record(model::editsOf(session.workspace));
    session.markDirty();
}

void Viewer::undoEdit() {
    const model::Edits before = model::editsOf(session.workspace);
    if (!history.undo(session.workspace)) return;
    session.markDirty();
    const model::Edits after = model::editsOf(session.workspace);
    if (after.corrections != before.corrections || after.always != before.always) contentChanged();
}

void Viewer::redoEdit() {
    const model::Edits before = model::editsOf(session.workspace);
    if (!history.redo(session.workspace)) return;
    session.markDirty();
    const model::Edits after = model::editsOf(session.workspace);
    if (after.corrections != before.corrections || after.always != before.always) contentChanged();
}

scene::MapState Viewer::mapState() const {
    scene::MapState s;
    s.projection = canvas.projection;
    s.view = canvas.camera.view;
    s.time = timeline.query();
    s.styles = session.workspace.layers;
    s.labels = layers.labels;
    s.annotations = session.workspace.annotations;
    s.minConfidence = session.workspace.minConfidence;
    if (articles.focus && !presentation.active) {
        const auto& corrected = session.content->corrected;
        const size_t d = articles.focus->document, m = articles.focus->mention;
        if (d < corrected.size() && m < corrected[d].shown.size() && corrected[d].shown[m] != model::kDropped)
            s.highlight = scene::MentionRef{d, corrected[d].shown[m]};
    }
    // A slide's choice of annotations holds while it is presented; editing shows them all.
    const auto& deck = session.workspace.slides;
    if (presentation.active && presentation.slide < deck.size()) s.annotationIds = deck[presentation.slide].annotations;
    return s;
}

scene::Scene Viewer::mapScene(double w, double h) const {
    scene::MapState state = mapState();
    scene::Scene scene = scene::buildMapScene(*session.content, state, w, h, sceneCache);
    scene::addFurniture(scene, session.workspace.furniture, furnitureText(), *session.content, state, w, h,
                        sceneCache);
    return scene;
}

scene::FurnitureText Viewer::furnitureText() const {
    const model::Workspace& ws = session.workspace;
    const bool presenting = presentation.active && presentation.slide < ws.slides.size();
    return scene::furnitureText(ws.title, ws.furniture, presenting ? &ws.slides[presentation.slide] : nullptr);
}

void Viewer::tickAutosave() {
    // While the last session's copy is still offered, ours would overwrite it.
    if (recovery || !autosave.due(now, session.dirty, session.changes)) return;
    syncWorkspace();
    try {
        autosave.write(session.workspace, session.workspacePath.string());
        log::debug("autosaved to " + autosave.file().string());
    } catch (const Error& e) {
        log::warn(std::string("autosave failed: ") + e.what());
    }
}

}  // namespace cmap::ui
