#pragma once
// Autosave and crash recovery. Soon after each change a copy of the workspace goes to a recovery
// file: once the edits pause for a moment, and during a long run of edits (a drag) at least every
// few moments, so a crash or `kill -9` loses under two seconds of work. A clean exit (or a save)
// removes it. A recovery file found at start-up therefore means the last session ended without
// saving, and the viewer offers it.
#include <filesystem>
#include <cstdint>
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
    /// quietSeconds: how long edits must pause before a copy is written; maxSeconds: the longest a
    /// change waits for its copy while edits go on.
    explicit Autosave(std::filesystem::path dir = recoveryDir(), double quietSeconds = 0.5, double maxSeconds = 1.5);

    /// Whether a copy is due now. changes counts the edits so far (Session::changes): a new count
    /// is a new change. Due when a change has no copy yet and either the edits paused for
    /// quietSeconds or the oldest change without a copy is maxSeconds old.
    bool due(double nowSeconds, bool dirty, uint64_t changes);
    /// Writes the recovery copy (atomically); the changes so far have their copy. Throws DataError.
    void write(const model::Workspace& ws, const std::string& savedAs);
    /// Removes the recovery copy: after a save or a clean exit. Throws nothing.
    void discard();
    /// Moves a recovery copy that cannot be read out of the way, beside it under a name of its
    /// own (the user's work may still be in it: never deleted), and returns that name. When it
    /// cannot be moved, returns nullopt and writes no recovery copy over it this session.
    std::optional<std::filesystem::path> keepAside();
    /// The recovery copy left by a session that did not end cleanly, if any. A copy that cannot
    /// be read is reported by the DataError it throws.
    std::optional<Recovery> find() const;

    const std::filesystem::path& file() const { return file_; }

private:
    std::filesystem::path dir_, file_, owner_;
    double quiet_, max_;
    uint64_t changes_ = 0;               // the count last seen
    double lastChange_ = 0;              // when it was last seen to change
    std::optional<double> pendingSince_; // the oldest change without a copy
    bool blocked_ = false;  ///< an unreadable copy could not be moved aside: never overwritten
};

}  // namespace cmap::ui
