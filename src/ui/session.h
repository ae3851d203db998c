#pragma once
// What the viewer has open: the workspace (what the user makes and saves) and what was loaded
// for it through the content loader (scene/content_loader.h: gazetteer, prepared basemap,
// geoparsed articles, overlays). Loaded things are immutable snapshots shared with the worker
// thread; corrections make new corrected documents, never edit old ones (STYLE.md 4).
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/workspace.h"
#include "core/text/decode.h"
#include "scene/content_loader.h"
#include "scene/map_scene.h"

namespace cmap::ui {

using scene::ArticleSource;
using scene::Geodata;
using scene::kBuiltinBriefing;
using scene::Overlay;

struct Session {
    model::Workspace workspace;
    std::filesystem::path workspacePath;  ///< empty until saved or opened
    bool dirty = false;

    std::shared_ptr<const Geodata> geodata;
    std::vector<std::shared_ptr<const ArticleSource>> articles;  ///< in workspace order
    std::vector<Overlay> overlays;
    std::vector<model::EventTablePtr> events;  ///< imported event datasets (workspace.events)

    /// Derived: the corrected documents and overlays as the map draws them. Rebuilt by
    /// rebuildContent() after any change to articles, corrections or overlays.
    std::shared_ptr<const scene::MapContent> content = scene::makeMapContent(nullptr, false, {}, {}, {}, {});
    uint64_t revision = 0;  ///< bumped by rebuildContent, so caches know to refresh

    void rebuildContent();
    /// The article whose key is key, or nullptr.
    const ArticleSource* article(std::string_view key) const;
    /// Index into content->documents of the document for articles[i] (same order), for clarity.
    static size_t documentIndex(size_t articleIndex) { return articleIndex; }
    uint64_t changes = 0;  ///< counts edits, so autosave knows a new one from an old one
    void markDirty() {
        dirty = true;
        ++changes;
    }
};

/// Every dated item of the content: the articles' events and the imported datasets' rows. The
/// datasets come as their day extents only (two items each): the timeline's range needs no more.
std::pair<int, int> contentExtent(const scene::MapContent& content);

/// Dated events of the documents as timeline items: one per event, spanning its date's days.
std::vector<model::TimeItem> eventItems(const scene::MapContent& content);

/// Text offset in decoded of a file byte offset (the first text byte at or after it).
uint32_t textOffsetOf(const text::DecodedText& decoded, uint32_t fileOffset);

}  // namespace cmap::ui
