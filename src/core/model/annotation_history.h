#pragma once
// Undo and redo of annotation edits: the list as it was before each edit. Annotations are few
// and small, so whole snapshots are simpler and safer than inverse operations, and a drag that
// moves a point over many frames is one step (the caller records once, when the drag starts).
#include <cstddef>
#include <vector>

#include "core/model/annotation.h"

namespace cmap::model {

class AnnotationHistory {
public:
    /// Call before changing the list: keeps before as an undo step and forgets what was undone.
    void record(const std::vector<Annotation>& before);
    /// Puts back the list as it was before the last edit; current becomes a redo step. Returns
    /// false (and changes nothing) when there is nothing to undo.
    bool undo(std::vector<Annotation>& current);
    /// Reapplies the last undone edit. Returns false when there is nothing to redo.
    bool redo(std::vector<Annotation>& current);
    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    /// Forgets every step (another workspace was opened).
    void clear();

    /// Steps kept; the oldest go first.
    static constexpr size_t kLimit = 200;

private:
    std::vector<std::vector<Annotation>> undo_, redo_;
};

}  // namespace cmap::model
