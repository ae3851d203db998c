#include "core/model/workspace_paths.h"

#include <map>

namespace cmap::model {
namespace fs = std::filesystem;

namespace {

bool namesNoFile(const std::string& ref) { return ref.starts_with("builtin:"); }

fs::path absoluteOf(const fs::path& p) {
    std::error_code ec;
    fs::path a = fs::absolute(p, ec);
    return (ec ? p : a).lexically_normal();
}

}  // namespace

fs::path resolveWorkspacePath(const std::string& ref, const fs::path& workspaceFile) {
    fs::path p(ref);
    if (namesNoFile(ref) || p.is_absolute() || workspaceFile.empty()) return p;
    return workspaceFile.parent_path() / p;
}

std::string pathForWorkspace(const fs::path& file, const fs::path& workspaceFile) {
    const fs::path abs = absoluteOf(file);
    if (workspaceFile.empty()) return abs.string();
    const fs::path rel = abs.lexically_relative(absoluteOf(workspaceFile).parent_path());
    if (rel.empty() || *rel.begin() == "..") return abs.string();
    return rel.generic_string();
}

Workspace relocatePaths(Workspace ws, const fs::path& from, const fs::path& to) {
    std::map<std::string, std::string> renamed;
    auto move = [&](std::string& ref) {
        if (namesNoFile(ref)) return;
        std::string moved = pathForWorkspace(resolveWorkspacePath(ref, from), to);
        renamed[ref] = moved;
        ref = std::move(moved);
    };
    for (ArticleRef& a : ws.articles) move(a.path);
    for (std::string& o : ws.overlays) move(o);
    for (EventSourceRef& e : ws.events) move(e.path);
    for (Correction& c : ws.corrections)
        if (auto it = renamed.find(c.file); it != renamed.end()) c.file = it->second;
    // Layer ids are "kind:PATH" (scene/map_scene.h); an id with a moved path moves with it.
    auto renameKey = [&](const std::string& id) {
        const size_t colon = id.find(':');
        if (colon == std::string::npos) return id;
        auto it = renamed.find(id.substr(colon + 1));
        return it == renamed.end() ? id : id.substr(0, colon + 1) + it->second;
    };
    std::map<std::string, LayerStyle> layers;
    for (auto& [id, style] : ws.layers) layers[renameKey(id)] = style;
    ws.layers = std::move(layers);
    for (Slide& s : ws.slides) {
        std::map<std::string, bool> shown;
        for (auto& [id, visible] : s.layers) shown[renameKey(id)] = visible;
        s.layers = std::move(shown);
    }
    return ws;
}

}  // namespace cmap::model
