#pragma once
// What a caller that builds scene after scene (the viewer every frame, `animate` frame by frame)
// keeps between them: the PROJ object, the last basemap scene and the annotations' feature sets.
// Owned by that caller and passed in, so buildMapScene is a function of its arguments: a scene
// built with a cache is the scene built without one, only sooner, and with the same feature set
// for an annotation that did not change (the renderer keeps a mesh per set).
#include <memory>
#include <string>

#include "core/geo/feature_set.h"
#include "core/geo/projection.h"
#include "scene/basemap.h"
#include "scene/scene.h"

namespace cmap::scene {

struct AnnotationPath;

/// Used by one thread at a time (a PROJ object may be); move-only.
class SceneCache {
public:
    /// Many: the basemap's scenes draw the world layers whole, so a renderer meshes them once for
    /// every view (the viewer pans and zooms). One: the caller draws one view (`export`, most
    /// `animate` runs), and the basemap keeps only the features that view shows
    /// (basemapForView): a region is projected and meshed instead of the world.
    enum class Views { Many, One };
    explicit SceneCache(Views views = Views::Many);
    ~SceneCache();
    SceneCache(SceneCache&&) noexcept;
    SceneCache& operator=(SceneCache&&) noexcept;

    /// The projection for definition; creating one costs milliseconds. Valid until a call with
    /// another definition. Throws InputError for a definition PROJ rejects.
    const geo::Projection& projection(const std::string& definition);

    /// buildBasemap's scene, kept while its inputs stay the same: picking the towns for a view
    /// projects every place, and scrubbing the timeline changes only the mentions.
    Scene basemap(const BasemapData& data, const geo::Projection& projection, const View& view, double width,
                  double height);

    /// The feature set of an annotation's path: the same object for the same geometry while
    /// anyone (a scene, the renderer's cache) still holds it.
    geo::FeatureSetPtr annotationSet(const AnnotationPath& path);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cmap::scene
