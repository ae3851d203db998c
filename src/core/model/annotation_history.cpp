#include "core/model/annotation_history.h"

namespace cmap::model {

void AnnotationHistory::record(const std::vector<Annotation>& before) {
    undo_.push_back(before);
    if (undo_.size() > kLimit) undo_.erase(undo_.begin());
    redo_.clear();
}

bool AnnotationHistory::undo(std::vector<Annotation>& current) {
    if (undo_.empty()) return false;
    redo_.push_back(std::move(current));
    current = std::move(undo_.back());
    undo_.pop_back();
    return true;
}

bool AnnotationHistory::redo(std::vector<Annotation>& current) {
    if (redo_.empty()) return false;
    undo_.push_back(std::move(current));
    current = std::move(redo_.back());
    redo_.pop_back();
    return true;
}

void AnnotationHistory::clear() {
    undo_.clear();
    redo_.clear();
}

}  // namespace cmap::model
