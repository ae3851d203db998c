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

bool EditHistory::undo(Workspace& ws) {
    if (undo_.empty()) return false;
    redo_.push_back(editsOf(ws));
    restoreEdits(ws, std::move(undo_.back()));
    undo_.pop_back();
    return true;
}

bool EditHistory::redo(Workspace& ws) {
    if (redo_.empty()) return false;
    undo_.push_back(editsOf(ws));
    restoreEdits(ws, std::move(redo_.back()));
    redo_.pop_back();
    return true;
}

void EditHistory::clear() {
    undo_.clear();
    redo_.clear();
}

}  // namespace cmap::model
