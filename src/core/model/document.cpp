#include "core/model/document.h"

namespace cmap::model {

ResolvedPlace resolvedPlace(const geo::Gazetteer& gazetteer, uint32_t id) {
    const geo::Place& p = gazetteer.place(id);
    ResolvedPlace r;
    r.name = gazetteer.name(id);
    r.kind = p.kind;
    r.country = p.countryCode();
    r.point = p.point;
    r.box = p.bbox();
    r.geonameid = p.geonameid;
    r.layer = p.layer;
    r.feature = p.feature;
    r.gazetteerId = id;
    return r;
}

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
