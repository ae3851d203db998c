#pragma once
// The viewer: all state the app owns (the session and every panel's struct) and the actions
// panels share (open, save, add an article or a layer, correct a mention). Panels are free
// functions over Viewer&, one file each; none keeps state of its own.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/edit_history.h"
#include "render/renderer.h"
#include "scene/furniture_layers.h"
#include "ui/annotations_panel.h"
#include "ui/articles_panel.h"
#include "ui/autosave.h"
#include "ui/background_jobs.h"
#include "ui/console_log.h"
#include "ui/console_panel.h"
#include "ui/correction_popup.h"
#include "ui/file_dialog.h"
#include "ui/furniture_panel.h"
#include "ui/help_panel.h"
#include "ui/layers_panel.h"
#include "ui/map_canvas.h"
#include "ui/mentions_panel.h"
#include "ui/presentation.h"
#include "ui/session.h"
#include "ui/slides_panel.h"
#include "ui/timeline_panel.h"

namespace cmap::ui {

/// What `conflictmap view` was asked to open, and the hidden options tests use.
struct ViewerOptions {
    std::filesystem::path geodata;
    std::filesystem::path corpusDir;  ///< where the built-in briefing looks for its articles
    std::optional<std::filesystem::path> workspace;
    std::vector<std::string> articles;
    std::vector<std::string> layers;
    std::vector<std::string> events;  ///< event datasets to import
    std::string dateField;            ///< their date field (empty: found by name or type)
    int width = 1600, height = 1000;
    std::optional<std::filesystem::path> screenshot;  ///< write the window here after frames, then exit
    int frames = 3;
    std::optional<std::string> date;  ///< start the timeline at this date
    bool scrub = false;               ///< advance the timeline every frame (for frame timings)
    bool timings = false;             ///< print frame times on exit
    bool offerRecovery = true;
    std::optional<size_t> present;    ///< start presenting at this slide (0-based) once loaded
};

struct LoadedArticles;

struct Viewer {
    ViewerOptions options;
    Session session;
    ConsoleLog log;
    BackgroundJobs jobs;
    Autosave autosave;

    MapCanvas canvas;
    LayersPanel layers;
    ArticlesPanel articles;
    MentionsPanel mentions;
    HelpPanel help;
    model::EditHistory history;  ///< undo and redo of annotations and corrections alike
    CorrectionPopup correction;
    TimelinePanel timeline;
    SlidesPanel slides;
    AnnotationsPanel annotationTools;
    Presentation presentation;
    ConsolePanel console;
    FurniturePanel furniture;
    FileDialog fileDialog;
    std::vector<std::string> errors;       ///< shown in the error panel until dismissed
    std::optional<Recovery> recovery;      ///< offered at start-up
    bool quit = false;
    double now = 0;                        ///< seconds since start
    std::unique_ptr<render::Renderer> renderer;
    /// What building the map's scene frame after frame keeps (PROJ object, basemap, annotation
    /// sets), on the UI thread only. Mutable: it changes how soon a scene is built, never what it is.
    mutable scene::SceneCache sceneCache;

    explicit Viewer(ViewerOptions opt);

    // Actions. Each reports problems in the error panel and leaves the session as it was.
    void start();                                   ///< posts the initial loads
    void openWorkspace(const std::filesystem::path& path);
    void useWorkspace(model::Workspace ws, std::filesystem::path path, bool dirty);
    bool saveWorkspace(const std::filesystem::path& path);
    void addArticle(const std::string& path);
    void addLayer(const std::string& path);
    void removeLayer(const std::string& key);      ///< an overlay, by its workspace path
    /// Imports an event dataset in the background and keeps it in the workspace.
    void addEvents(const model::EventSourceRef& ref);
    /// Imports a dataset the workspace already lists (an error goes to the error panel).
    void loadEvents(const model::EventSourceRef& ref);
    /// Drops an event dataset from the workspace and the map, by its workspace path.
    void removeEvents(const std::string& path);
    void openDropped(const std::vector<std::string>& paths);
    void reloadArticle(size_t index);               ///< after its date changed
    void correctionsChanged();                      ///< re-derive documents, mark dirty
    /// Call before an edit of annotations or corrections: one undo step; the workspace is dirty.
    void recordEdit();
    /// Ctrl+Z and Ctrl+Y: the last edit of either kind, the map re-derived when corrections changed.
    void undoEdit();
    void redoEdit();
    void reportError(const std::string& message);
    /// The scene state for the map now.
    scene::MapState mapState() const;
    /// The map now with its furniture, for a w x h (logical pixels) image: what the window shows
    /// and Ctrl+E exports. Throws InputError for a projection PROJ rejects.
    scene::Scene mapScene(double w, double h) const;
    /// The title and subtitle the map shows now: the presented slide's title over the workspace's.
    scene::FurnitureText furnitureText() const;
    /// Writes timeline, view and styles into the workspace before saving.
    void syncWorkspace();
    void tickAutosave();

    /// Re-derives the map content after articles, corrections or overlays changed.
    void contentChanged();

private:
    void loadWorkspaceArticles();
    /// The workspace's articles as read (errors reported), the map re-derived, its view restored.
    void applyArticles(const LoadedArticles& loaded);
    void loadOverlay(const std::string& key, const std::filesystem::path& file);
    void applyPendingView();
    std::optional<model::ViewState> pendingView_;  ///< a workspace's view, applied once its articles are in
    uint64_t generation_ = 0;  ///< bumped by opening a workspace: stale loads are dropped
};

/// Opens the window and runs until it is closed (or the screenshot is written). Throws Error
/// when there is no display or no GL 3.3.
int runViewer(const ViewerOptions& options);

}  // namespace cmap::ui
