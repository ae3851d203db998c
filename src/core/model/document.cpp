#include "core/model/document.h"

namespace cmap::model {

std::string_view categoryName(EventCategory c) {
    switch (c) {
    case EventCategory::Deployment: return "deployment";
    case EventCategory::Base: return "base";
    case EventCategory::Airstrike: return "airstrike";
    case EventCategory::Attack: return "attack";
    case EventCategory::Meeting: return "meeting";
    case EventCategory::Statement: return "statement";
    case EventCategory::Other: return "other";
    }
    return "other";
}

}  // namespace cmap::model
