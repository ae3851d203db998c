#pragma once
// Undo and redo of what the analyst edits by hand in the viewer: annotations and the decisions
// about mentions. Both are few and small, so whole snapshots are simpler and safer than inverse
// operations, and a drag that moves a point over many frames is one step (the caller records
// once, when the drag starts). One history for both, so Ctrl+Z undoes the last edit whatever it was.
#include <cstddef>
#include <vector>

#include "core/model/annotation.h"
#include "core/model/corrections.h"

namespace cmap::model {

struct Workspace;

/// What one undo step puts back.
struct Edits {
    std::vector<Annotation> annotations;
    std::vector<Correction> corrections, always;
    friend bool operator==(const Edits&, const Edits&) = default;
};

/// The edits of ws, and putting them back into ws.
Edits editsOf(const Workspace& ws);
void restoreEdits(Workspace& ws, Edits e);

class EditHistory {
public:
    /// Call before changing the edits: keeps before (editsOf the workspace) as an undo step and
    /// forgets what was undone.
    void record(Edits before);
    /// Puts back ws's edits as they were before the last edit; the present becomes a redo step.
    /// Returns false (and changes nothing) when there is nothing to undo.
    bool undo(Workspace& ws);
    /// Reapplies the last undone edit. Returns false when there is nothing to redo.
    bool redo(Workspace& ws);
    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    /// Forgets every step (another workspace was opened).
    void clear();

    /// Steps kept; the oldest go first.
    static constexpr size_t kLimit = 200;

private:
    std::vector<Edits> undo_, redo_;
};

}  // namespace cmap::model
