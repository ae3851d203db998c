#include "render/feature_mesh.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "render/bounded_draw.h"
#include "render/meridian_cut.h"
#include "render/triangulate.h"

namespace cmap::render {
namespace {

struct MeshVertex {
    float x, y;
    uint32_t feature;
};

// Segments per draw call (see drawInBlocks): each is a quad out of the line geometry shader.
constexpr GLsizei kSegmentBlock = 1 << 14;
constexpr GLsizei kTriangleBlock = 1 << 14;  // fill triangles a draw bins at once (bounded_draw.h)

bool valid(const geo::Vec2& p) { return !std::isnan(p.x) && !std::isnan(p.y); }

// Whether the segment ab meets the box [min, max]: their boxes overlap and the box's corners do
// not all lie on one side of the segment's line.
bool segmentMeetsBox(geo::Vec2 a, geo::Vec2 b, geo::Vec2 min, geo::Vec2 max) {
    if (std::max(a.x, b.x) < min.x || std::min(a.x, b.x) > max.x || std::max(a.y, b.y) < min.y ||
        std::min(a.y, b.y) > max.y)
        return false;
    auto side = [&](double x, double y) { return (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x); };
    const double s[] = {side(min.x, min.y), side(max.x, min.y), side(min.x, max.y), side(max.x, max.y)};
    return !(std::all_of(std::begin(s), std::end(s), [](double v) { return v > 0; }) ||
             std::all_of(std::begin(s), std::end(s), [](double v) { return v < 0; }));
}

}  // namespace

FeatureMesh::FeatureMesh(geo::FeatureSetPtr features, const geo::Projection& projection)
    : features_(std::move(features)), centralLon_(projection.centralMeridian()) {
    const geo::FeatureSet& fs = *features_;
    projected_.resize(fs.coords.size());
    projection.forward(fs.coords, projected_);
    std::vector<uint32_t> vertexFeature(fs.coords.size(), 0);
    for (size_t f = 0; f < fs.featureCount(); ++f)
        for (uint32_t part = fs.featureStart[f]; part < fs.featureStart[f + 1]; ++part)
            for (uint32_t v = fs.ringStart[fs.partStart[part]]; v < fs.ringStart[fs.partStart[part + 1]]; ++v)
                vertexFeature[v] = static_cast<uint32_t>(f);
    cutCrossingParts(projection, vertexFeature);

    constexpr double inf = std::numeric_limits<double>::infinity();
    double minX = inf, minY = inf, maxX = -inf, maxY = -inf;
    for (const geo::Vec2& p : projected_) {
        if (!valid(p)) {
            complete_ = false;
            continue;
        }
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    if (minX <= maxX) {
        origin_ = {(minX + maxX) / 2, (minY + maxY) / 2};
        boxMin_ = {minX, minY};
        boxMax_ = {maxX, maxY};
    }

    std::vector<MeshVertex> vertices(projected_.size());
    for (size_t v = 0; v < projected_.size(); ++v) {
        const geo::Vec2& p = projected_[v];
        // NaN vertices are never indexed; zero keeps the buffer free of NaN anyway.
        vertices[v] = valid(p) ? MeshVertex{static_cast<float>(p.x - origin_.x), static_cast<float>(p.y - origin_.y),
                                            vertexFeature[v]}
                               : MeshVertex{0, 0, vertexFeature[v]};
    }

    vao_ = makeVertexArray();
    vertices_ = makeBuffer();
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vertices_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(MeshVertex)), vertices.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(MeshVertex), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, sizeof(MeshVertex),
                           reinterpret_cast<const void*>(offsetof(MeshVertex, feature)));
    glBindVertexArray(0);
}

void FeatureMesh::cutCrossingParts(const geo::Projection& projection, std::vector<uint32_t>& vertexFeature) {
    const geo::FeatureSet& fs = *features_;
    partIsCut_.assign(fs.partStart.size() - 1, false);
    if (fs.kind != geo::GeometryKind::Polygon) return;
    auto ringOf = [&](uint32_t r) {
        return std::span<const geo::LonLat>(fs.coords.data() + fs.ringStart[r], fs.ringStart[r + 1] - fs.ringStart[r]);
    };
    for (size_t f = 0; f < fs.featureCount(); ++f) {
        for (uint32_t part = fs.featureStart[f]; part < fs.featureStart[f + 1]; ++part) {
            bool crosses = false;
            for (uint32_t r = fs.partStart[part]; r < fs.partStart[part + 1] && !crosses; ++r) {
                auto ring = ringOf(r);
                for (size_t i = 0; i + 1 < ring.size() && !crosses; ++i) crosses = crossesCut(ring[i], ring[i + 1], centralLon_);
            }
            if (!crosses) continue;
            partIsCut_[part] = true;
            std::vector<std::vector<geo::LonLat>> holes;
            for (uint32_t r = fs.partStart[part] + 1; r < fs.partStart[part + 1]; ++r)
                for (auto& piece : cutRing(ringOf(r), centralLon_)) holes.push_back(std::move(piece));
            for (auto& outer : cutRing(ringOf(fs.partStart[part]), centralLon_)) {
                geo::BBox box;
                for (const geo::LonLat& p : outer) box.extend(p);
                std::vector<RingRange> rings;
                auto append = [&](const std::vector<geo::LonLat>& ring) {
                    auto first = static_cast<uint32_t>(projected_.size());
                    projected_.resize(projected_.size() + ring.size());
                    projection.forward(ring, std::span<geo::Vec2>(projected_.data() + first, ring.size()));
                    vertexFeature.resize(projected_.size(), static_cast<uint32_t>(f));
                    rings.push_back({first, static_cast<uint32_t>(ring.size())});
                };
                append(outer);
                for (const auto& hole : holes)
                    if (!hole.empty() && box.contains(hole.front())) append(hole);
                cutPolygons_.push_back(std::move(rings));
            }
        }
    }
}

bool FeatureMesh::fillCovers(geo::Vec2 min, geo::Vec2 max) const {
    const geo::FeatureSet& fs = *features_;
    if (fs.kind != geo::GeometryKind::Polygon || !complete_ || !cutPolygons_.empty()) return false;
    const geo::Vec2 c{(min.x + max.x) / 2, (min.y + max.y) / 2};
    bool inside = false;
    for (size_t r = 0; r + 1 < fs.ringStart.size(); ++r) {
        const uint32_t first = fs.ringStart[r], end = fs.ringStart[r + 1];
        if (end - first < 3) continue;
        for (uint32_t i = first, j = end - 1; i < end; j = i++) {
            const geo::Vec2 a = projected_[j], b = projected_[i];
            if (segmentMeetsBox(a, b, min, max)) return false;
            if ((a.y > c.y) != (b.y > c.y) && c.x < a.x + (b.x - a.x) * (c.y - a.y) / (b.y - a.y)) inside = !inside;
        }
    }
    return inside;
}

void FeatureMesh::buildFill() {
    const geo::FeatureSet& fs = *features_;
    std::vector<uint32_t> indices;
    if (fs.kind == geo::GeometryKind::Polygon) {
        std::vector<RingRange> rings;
        for (size_t part = 0; part + 1 < fs.partStart.size(); ++part) {
            if (partIsCut_[part]) continue;
            rings.clear();
            for (uint32_t r = fs.partStart[part]; r < fs.partStart[part + 1]; ++r)
                rings.push_back({fs.ringStart[r], fs.ringStart[r + 1] - fs.ringStart[r]});
            triangulatePolygon(projected_, rings, indices);
        }
        for (const auto& cut : cutPolygons_) triangulatePolygon(projected_, cut, indices);
    }
    fillIndices_ = makeBuffer();
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, fillIndices_.get());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(uint32_t)), indices.data(),
                 GL_STATIC_DRAW);
    glBindVertexArray(0);
    fillCount_ = static_cast<GLsizei>(indices.size());
}

void FeatureMesh::buildSegments() {
    const geo::FeatureSet& fs = *features_;
    std::vector<uint32_t> indices;
    bool closeRings = fs.kind == geo::GeometryKind::Polygon;
    if (fs.kind == geo::GeometryKind::Polygon || fs.kind == geo::GeometryKind::Line) {
        for (size_t r = 0; r + 1 < fs.ringStart.size(); ++r) {
            uint32_t first = fs.ringStart[r];
            uint32_t end = fs.ringStart[r + 1];
            if (end - first < 2) continue;
            auto segment = [&](uint32_t a, uint32_t b) {
                const geo::Vec2& pa = projected_[a];
                const geo::Vec2& pb = projected_[b];
                if (!valid(pa) || !valid(pb) || (pa.x == pb.x && pa.y == pb.y)) return;
                if (crossesCut(fs.coords[a], fs.coords[b], centralLon_)) return;
                indices.push_back(a);
                indices.push_back(b);
            };
            for (uint32_t v = first; v + 1 < end; ++v) segment(v, v + 1);
            if (closeRings) segment(end - 1, first);  // no-op for rings stored closed
        }
    }
    segmentIndices_ = makeBuffer();
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, segmentIndices_.get());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(uint32_t)), indices.data(),
                 GL_STATIC_DRAW);
    glBindVertexArray(0);
    segmentCount_ = static_cast<GLsizei>(indices.size());
}

void FeatureMesh::prepareFill() {
    if (fillCount_ < 0) buildFill();
}

void FeatureMesh::prepareSegments() {
    if (segmentCount_ < 0) buildSegments();
}

void FeatureMesh::drawFill() {
    prepareFill();
    if (fillCount_ == 0) return;
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, fillIndices_.get());
    drawInBlocks(0, fillCount_, 3 * kTriangleBlock, [](GLsizei first, GLsizei count) {
        glDrawElements(GL_TRIANGLES, count, GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(static_cast<size_t>(first) * sizeof(uint32_t)));
    });
}

void FeatureMesh::drawSegments() {
    prepareSegments();
    if (segmentCount_ == 0) return;
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, segmentIndices_.get());
    drawInBlocks(0, segmentCount_, 2 * kSegmentBlock, [](GLsizei first, GLsizei count) {
        glDrawElements(GL_LINES, count, GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(static_cast<size_t>(first) * sizeof(uint32_t)));
    });
}

}  // namespace cmap::render
