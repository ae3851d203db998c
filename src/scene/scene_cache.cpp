#include "scene/scene_cache.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "scene/annotation_layers.h"

namespace cmap::scene {

struct SceneCache::Impl {
    Views views = Views::Many;
    std::string definition;
    std::optional<geo::Projection> projection;

    struct BasemapInputs {
        BasemapData data;
        std::string projection;
        View view;
        double width = 0, height = 0;
        bool operator==(const BasemapInputs&) const = default;
    };
    std::optional<BasemapInputs> basemapInputs;
    Scene basemap;

    // Keyed by the path's bytes: equal geometry, the same set.
    std::map<std::string, std::weak_ptr<const geo::FeatureSet>> pathSets;
};

SceneCache::SceneCache(Views views) : impl_(std::make_unique<Impl>()) { impl_->views = views; }
SceneCache::~SceneCache() = default;
SceneCache::SceneCache(SceneCache&&) noexcept = default;
SceneCache& SceneCache::operator=(SceneCache&&) noexcept = default;

const geo::Projection& SceneCache::projection(const std::string& definition) {
    if (!impl_->projection || impl_->definition != definition) {
        impl_->projection.reset();  // a throwing create leaves no stale pair behind
        impl_->projection.emplace(geo::Projection::create(definition));
        impl_->definition = definition;
    }
    return *impl_->projection;
}

Scene SceneCache::basemap(const BasemapData& data, const geo::Projection& projection, const View& view, double width,
                          double height) {
    Impl::BasemapInputs inputs{data, projection.definition(), view, width, height};
    if (!impl_->basemapInputs || *impl_->basemapInputs != inputs) {
        impl_->basemapInputs.reset();
        impl_->basemap = impl_->views == Views::One
                             ? buildBasemap(basemapForView(data, projection, view, width, height), projection, view,
                                            width, height)
                             : buildBasemap(data, projection, view, width, height);
        impl_->basemapInputs = std::move(inputs);
    }
    return impl_->basemap;
}

geo::FeatureSetPtr SceneCache::annotationSet(const AnnotationPath& path) {
    std::string key(path.closed ? "c" : "o");
    key.append(reinterpret_cast<const char*>(path.points.data()), path.points.size() * sizeof(geo::LonLat));
    std::weak_ptr<const geo::FeatureSet>& slot = impl_->pathSets[key];
    if (auto set = slot.lock()) return set;
    auto set = annotationFeatureSet(path);
    slot = set;
    if (impl_->pathSets.size() > 256) std::erase_if(impl_->pathSets, [](const auto& kv) { return kv.second.expired(); });
    return set;
}

}  // namespace cmap::scene
