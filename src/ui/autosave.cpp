#include "ui/autosave.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/error.h"

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
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) throw DataError(dir_.string(), "cannot create the recovery folder: " + ec.message());
    model::saveWorkspace(ws, file_);
    std::ofstream(owner_, std::ios::trunc) << savedAs;
    pendingSince_.reset();
}

void Autosave::discard() {
    std::error_code ec;
    std::filesystem::remove(file_, ec);
    std::filesystem::remove(owner_, ec);
    pendingSince_.reset();
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
