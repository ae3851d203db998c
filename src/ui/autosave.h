#pragma once
// Autosave and crash recovery. While the workspace has unsaved changes, a copy goes to a
// recovery file every interval; a clean exit (or a save) removes it. A recovery file found at
// start-up therefore means the last session ended without saving, and the viewer offers it.
#include <filesystem>
#include <optional>
#include <string>

#include "core/model/workspace.h"

namespace cmap::ui {

/// $CMAP_RECOVERY_DIR, else $XDG_STATE_HOME/conflictmap, else ~/.local/state/conflictmap.
std::filesystem::path recoveryDir();

struct Recovery {
    model::Workspace workspace;
    std::string savedAs;  ///< the workspace file it belonged to; empty when never saved
    std::filesystem::file_time_type when;
};

class Autosave {
public:
    explicit Autosave(std::filesystem::path dir = recoveryDir(), double intervalSeconds = 30);

    /// Whether a save is due now: dirty, and interval seconds since the last one (or since the
    /// first change).
    bool due(double nowSeconds, bool dirty);
    /// Writes the recovery copy (atomically) and remembers the time. Throws DataError.
    void write(const model::Workspace& ws, const std::string& savedAs, double nowSeconds);
    /// Removes the recovery copy: after a save or a clean exit. Throws nothing.
    void discard();
    /// The recovery copy left by a session that did not end cleanly, if any. A copy that cannot
    /// be read is reported by the DataError it throws.
    std::optional<Recovery> find() const;

    const std::filesystem::path& file() const { return file_; }

private:
    std::filesystem::path dir_, file_, owner_;
    double interval_;
    std::optional<double> dirtySince_;
    double lastWrite_ = -1e300;
};

}  // namespace cmap::ui
