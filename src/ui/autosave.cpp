#include "ui/autosave.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/io/partial_file.h"

namespace cmap::ui {

std::filesystem::path recoveryDir() {
    if (const char* d = std::getenv("CMAP_RECOVERY_DIR"); d && *d) return d;
    if (const char* d = std::getenv("XDG_STATE_HOME"); d && *d) return std::filesystem::path(d) / "conflictmap";
    if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".local/state/conflictmap";
    return std::filesystem::temp_directory_path() / "conflictmap";
}

Autosave::Autosave(std::filesystem::path dir, double quietSeconds, double maxSeconds)
    : dir_(std::move(dir)), file_(dir_ / "recovery.cmap.json"), owner_(dir_ / "recovery.owner"),
      quiet_(quietSeconds), max_(maxSeconds) {}

bool Autosave::due(double now, bool dirty, uint64_t changes) {
    if (changes != changes_) {
        changes_ = changes;
        lastChange_ = now;
        if (!pendingSince_) pendingSince_ = now;
    }
    if (!dirty) pendingSince_.reset();  // saved by hand meanwhile
    if (!pendingSince_) return false;
    return now - lastChange_ >= quiet_ || now - *pendingSince_ >= max_;
}

void Autosave::write(const model::Workspace& ws, const std::string& savedAs) {
    if (blocked_) throw DataError(file_.string(), "cannot be read or moved aside; no recovery copy is written over it");
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) throw DataError(dir_.string(), "cannot create the recovery folder: " + ec.message());
    model::saveWorkspace(ws, file_);
    io::writeFileAtomically(owner_, savedAs);
    pendingSince_.reset();
}

void Autosave::discard() {
    std::error_code ec;
    std::filesystem::remove(file_, ec);
    std::filesystem::remove(owner_, ec);
    pendingSince_.reset();
}

std::optional<std::filesystem::path> Autosave::keepAside() {
    for (int n = 1; n < 1000; ++n) {
        const std::filesystem::path aside = dir_ / ("recovery-unreadable-" + std::to_string(n) + ".cmap.json");
        std::error_code ec;
        if (std::filesystem::exists(std::filesystem::symlink_status(aside, ec))) continue;
        std::filesystem::rename(file_, aside, ec);
        if (ec) break;
        std::filesystem::remove(owner_, ec);  // it named the workspace of the copy moved aside
        return aside;
    }
    blocked_ = true;
    return std::nullopt;
}

std::optional<Recovery> Autosave::find() const {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file_, ec)) return std::nullopt;
    Recovery r;
    r.workspace = model::loadWorkspace(file_);
    std::ifstream in(owner_);
    std::stringstream ss;
    ss << in.rdbuf();
    r.savedAs = ss.str();
    r.when = std::filesystem::last_write_time(file_, ec);
    return r;
}

}  // namespace cmap::ui
