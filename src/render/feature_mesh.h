#pragma once
// A FeatureSet projected once and uploaded once: one vertex buffer that fills (triangles) and
// outlines (segments) both index, each index buffer built the first time a layer needs it.
#include <glad/gl.h>

#include <cstdint>
#include <vector>

#include "core/geo/feature_set.h"
#include "core/geo/projection.h"
#include "render/gl_objects.h"
#include "render/triangulate.h"

namespace cmap::render {

class FeatureMesh {
public:
    /// Projects every coordinate and uploads them relative to the projected centre (float
    /// precision stays at centimetres to metres for any region).
    FeatureMesh(geo::FeatureSetPtr features, const geo::Projection& projection);

    /// The projected point that vertex (0, 0) stands for.
    geo::Vec2 origin() const { return origin_; }
    /// The projected box of every vertex that projected (min > max when none did): how much of
    /// the image a draw can touch, so that full-image passes shrink to it.
    geo::Vec2 boxMin() const { return boxMin_; }
    geo::Vec2 boxMax() const { return boxMax_; }
    const geo::FeatureSetPtr& features() const { return features_; }

    /// Draws the polygon fills (nothing for points and lines). Triangulates on first call.
    void drawFill();
    /// Draws every ring or line string as GL_LINES pairs (for the line geometry shader).
    void drawSegments();
    /// Triangulates now (if not yet), so that the first drawFill() costs only the draw.
    void prepareFill();
    /// Builds the segments now (if not yet), as prepareFill() the fills.
    void prepareSegments();

    /// Whether the fill covers the whole of the projected box [min, max]: a polygon set that
    /// projected completely, with no part cut at the map's edge, no ring edge meeting the box and
    /// the box inside its rings (even-odd).
    bool fillCovers(geo::Vec2 min, geo::Vec2 max) const;

    /// Whether drawFill() has triangulated (for tests of what is cached).
    bool triangulated() const { return fillCount_ >= 0; }
    /// Whether every coordinate projected (none fell off the projection).
    bool complete() const { return complete_; }

private:
    void buildFill();
    void buildSegments();

    // Polygon parts that cross the map's cut are filled from their pieces either side, whose
    // vertices follow the FeatureSet's own in projected_ and the vertex buffer.
    void cutCrossingParts(const geo::Projection& projection, std::vector<uint32_t>& vertexFeature);

    geo::FeatureSetPtr features_;
    double centralLon_ = 0;
    std::vector<geo::Vec2> projected_;  // kept for the lazy index builds
    std::vector<bool> partIsCut_;
    std::vector<std::vector<RingRange>> cutPolygons_;
    geo::Vec2 origin_;
    geo::Vec2 boxMin_{1, 1}, boxMax_{0, 0};
    bool complete_ = true;
    VertexArray vao_;
    Buffer vertices_;
    Buffer fillIndices_;
    Buffer segmentIndices_;
    GLsizei fillCount_ = -1;
    GLsizei segmentCount_ = -1;
};

}  // namespace cmap::render
