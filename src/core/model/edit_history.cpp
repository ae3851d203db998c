#include "core/model/edit_history.h"

#include "core/model/workspace.h"

namespace cmap::model {

Edits editsOf(const Workspace& ws) { return {ws.annotations, ws.corrections, ws.always}; }

void restoreEdits(Workspace& ws, Edits e) {
    ws.annotations = std::move(e.annotations);
    ws.corrections = std::move(e.corrections);
    ws.always = std::move(e.always);
}

void EditHistory::record(Edits before) {
    undo_.push_back(std::move(before));
    if (undo_.size() > kLimit) undo_.erase(undo_.begin());
    redo_.clear();
}

namespace {

// Moves the edits of ws onto `to` and puts back the newest step of `from`: undo and redo are the
// same move between the two stacks.
bool step(std::vector<Edits>& from, std::vector<Edits>& to, Workspace& ws) {
    if (from.empty()) return false;
    to.push_back(editsOf(ws));
    restoreEdits(ws, std::move(from.back()));
    from.pop_back();
    return true;
}

}  // namespace

bool EditHistory::undo(Workspace& ws) { return step(undo_, redo_, ws); }

bool EditHistory::redo(Workspace& ws) { return step(redo_, undo_, ws); }

void EditHistory::clear() {
    undo_.clear();
    redo_.clear();
}

}  // namespace cmap::model
