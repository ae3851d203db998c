#pragma once
// Renderer::Impl, shared by the renderer's files (private to src/render):
//   renderer.cpp            the public API and the tile loop
//   frame_preparation.cpp   set-up, projection, meshes, and prepare(): a Scene made GPU-ready
//   frame_reuse.*           what a frame takes from kept images (no GL)
//   render_targets.*        the offscreen buffers and tiles
//   label_halo.*            label halos, kept while their labels stay
//   render_*_layer.cpp      one file per layer type: fill (and globe), line (and graticule),
//                           point, event, label, screen (the furniture)
#include <glad/gl.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/geo/projection.h"
#include "render/feature_mesh.h"
#include "render/font_atlas.h"
#include "render/frame_reuse.h"
#include "render/gl_objects.h"
#include "render/label_halo.h"
#include "render/label_placer.h"
#include "render/render_targets.h"
#include "render/renderer.h"
#include "render/screen_layout.h"

namespace cmap::render {

// Meshes of layers that leave the scene stay this many frames, so toggling a layer is instant
// (those prepareMeshes made stay until its next call).
constexpr uint64_t kKeepFrames = 120;
// Bounds the offscreen buffers (4x multisampled RGBA: 64 MiB at 2048 squared) below GL limits.
constexpr int kDefaultMaxTile = 2048;

inline uint8_t toByte(float v) { return static_cast<uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); }

inline void setColor(GLint location, const scene::Color& c) { glUniform4f(location, c.r, c.g, c.b, c.a); }

inline void blendOver() {
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

// Instances are stored relative to one projected point of their own, so float positions keep
// their precision far from the projection's origin: the first point the projection can show.
inline geo::Vec2 localOrigin(const std::vector<geo::Vec2>& projected) {
    for (const geo::Vec2& p : projected)
        if (!std::isnan(p.x)) return p;
    return {};
}

struct PointBuffer {
    VertexArray vao;
    Buffer vbo;
    GLsizei count = 0;
    geo::Vec2 origin;
    std::vector<geo::Vec2> projected;
    uint64_t lastFrame = 0;
};

// An event table's columns as the GPU filters them: uploaded once per projection.
// 16 bytes: a million events hold 16 MB in the driver, not 24.
struct EventInstance {
    float x, y;                // relative to the buffer's origin
    int32_t firstAndCategory;  // the first day in the low 24 bits (signed), the category above
    uint16_t lastAfter;        // days from the first to the last, at most kDaysNever - 1
    uint16_t supersededAfter;  // days from the first to the superseding report; kDaysNever: none
};
constexpr uint16_t kDaysNever = 0xFFFF;

// Instances [first, end) of an event buffer.
struct InstanceRange {
    GLsizei first = 0, end = 0;
};

struct EventBuffer {
    model::EventTablePtr table;  // held, so the key (its address) cannot be reused meanwhile
    VertexArray vao;
    Buffer vbo;
    GLsizei count = 0;
    geo::Vec2 origin;
    uint64_t lastFrame = 0;
    // Instances come in table order (by first day), less the events the projection cannot show;
    // when there are such, keptBefore[i] counts the instances of rows before i.
    std::vector<GLsizei> keptBefore;

    GLsizei instanceOf(size_t row) const {
        return keptBefore.empty() ? static_cast<GLsizei>(row) : keptBefore[row];
    }
    // The instances that started by `day`.
    GLsizei startedBy(int day) const { return instanceOf(table->startedBy(day)); }
    // The instances q may show (the shader hides the others, but each costs a vertex pass).
    InstanceRange shownBy(const std::optional<model::TimeQuery>& q) const {
        if (!q) return {0, count};
        auto [first, end] = table->candidates(*q);
        return {instanceOf(first), instanceOf(end)};
    }
};

struct PreparedLayer {
    const scene::Layer* layer = nullptr;
    FeatureMesh* mesh = nullptr;
    PointBuffer* points = nullptr;
    EventBuffer* events = nullptr;
    InstanceRange eventRange;  // the instances of `events` to draw
    GLint textFirst = 0;  // glyph vertices of a label layer
    GLsizei textCount = 0;
    ImageBox textBox;     // where a label layer's glyphs land
    std::vector<ImageBox> labelBoxes;  // and each label's
    std::vector<std::pair<GLint, GLsizei>> labelGlyphs;  // each label's glyph vertices (first, count)
    size_t markerFirst = 0;  // marker instances of a label layer's placed labels
    GLsizei markerCount = 0;
    std::optional<ScreenGeometry> screen;  // a screen layer's, laid out for this image
    // A fill whose every edge a later opaque line of its own features covers: its edges need no
    // multisampling (outlinedFills).
    bool outlined = false;
};

struct Frame {
    const scene::Scene* scene = nullptr;
    int width = 0;
    int height = 0;
    float scale = 1;
    double pxPerUnit = 1;  // device pixels per projected unit
    std::vector<PreparedLayer> layers;
    std::vector<size_t> drawn;  // indexes of the non-label layers, in drawing order
    std::vector<GlyphVertex> glyphs;     // every label layer's, as uploaded
    std::vector<PointInstance> markers;  // the markers under placed labels, as uploaded
    FramePlan plan;  // what comes from kept images and what is kept
};

struct Renderer::Impl {
    Program fill{"fill.vert", "fill.frag"};
    Program line{"line.vert", "line.frag", "line.geom"};
    Program composite{"composite.vert", "composite.frag"};
    Program point{"point.vert", "point.frag"};
    Program event{"event.vert", "point.frag"};
    Program text{"text.vert", "text.frag"};

    std::string projectionDefinition;
    std::optional<geo::Projection> projection;

    struct MeshEntry {
        std::unique_ptr<FeatureMesh> mesh;
        uint64_t lastFrame = 0;
        bool prepared = false;  // by prepareMeshes: kept until its next call, shown or not
    };
    std::unordered_map<const geo::FeatureSet*, MeshEntry> meshes;
    std::unordered_map<uint64_t, geo::FeatureSetPtr> graticules;  // by step in micro-degrees
    geo::FeatureSetPtr globe;                                      // outline for the projection
    // By the points themselves: a hash finds the bucket, the values decide (looked up by a span of
    // the scene's points, so a frame copies nothing).
    struct PointsHash {
        using is_transparent = void;
        size_t operator()(std::span<const scene::Point> points) const;
    };
    struct PointsEqual {
        using is_transparent = void;
        bool operator()(std::span<const scene::Point> a, std::span<const scene::Point> b) const {
            return std::ranges::equal(a, b);
        }
    };
    std::unordered_map<std::vector<scene::Point>, PointBuffer, PointsHash, PointsEqual> pointBuffers;
    std::unordered_map<const model::EventTable*, EventBuffer> eventBuffers;
    std::unique_ptr<FontAtlas> font;

    VertexArray emptyVao = makeVertexArray();  // core profile draws need one bound
    VertexArray textVao = makeVertexArray();
    Buffer textVbo = makeBuffer();
    VertexArray markerVao = makeVertexArray();
    Buffer markerVbo = makeBuffer();
    Buffer colorBuffer = makeBuffer();
    Texture colorTexture = makeTexture();

    Program copy{"composite.vert", "copy.frag"};
    Program compositeRects{"rects.vert", "composite.frag"};
    Program copyRects{"rects.vert", "copy.frag"};
    Program resolveRects{"rects.vert", "resolve.frag"};
    VertexArray rectVao = makeVertexArray();
    Buffer rectVbo = makeBuffer();
    Program screen{"screen.vert", "screen.frag"};
    VertexArray screenVao = makeVertexArray();
    Buffer screenVbo = makeBuffer();
    VertexArray screenTextVao = makeVertexArray();
    Buffer screenTextVbo = makeBuffer();

    std::vector<HaloCoverage> halos;  // by label layer, in drawing order
    RenderTargets targets;
    FrameReuse reuse;
    int hardwareMaxTile = kDefaultMaxTile;
    int maxTile = kDefaultMaxTile;
    bool keepImages = true;  // the base, backdrop and under-furniture images (setKeepImages)

    RenderStats stats;
    uint64_t frameNumber = 0;

    Impl();

    // ---- frame preparation (frame_preparation.cpp) ----
    void useProjection(const std::string& definition);
    MeshEntry* entryFor(const geo::FeatureSetPtr& features);
    FeatureMesh* meshFor(const geo::FeatureSetPtr& features) {
        MeshEntry* entry = entryFor(features);
        return entry ? entry->mesh.get() : nullptr;
    }
    void triangulate(FeatureMesh& mesh);
    void prepareMeshes(const scene::Scene& s);
    geo::FeatureSetPtr graticuleFor(double stepDeg);
    Frame prepare(const scene::Scene& scene, int width, int height, float scale);
    void evict();
    // What the frame-reuse planner is told of f (pointing into f and its scene).
    FrameFacts factsOf(const Frame& f) const;
    void ensureTargets(int width, int height);
    geo::Vec2 toPixel(const Frame& f, geo::Vec2 p) const {
        const scene::View& v = f.scene->view;
        return {f.width / 2.0 + (p.x - v.center.x) * f.pxPerUnit, f.height / 2.0 - (p.y - v.center.y) * f.pxPerUnit};
    }
    // Where a mesh lands, in whole-image device pixels.
    ImageBox meshBox(const Frame& f, const FeatureMesh& mesh) const;
    void setTransform(const Program& p, const Frame& f, const Tile& t, geo::Vec2 origin) const;

    // ---- the tile loop (renderer.cpp) ----
    bool reuseFinished(const scene::Scene& s, int width, int height, float scale);
    void keepFinished(const Frame& f);
    void drawTile(const Frame& f, const Tile& t);
    void drawUnderScreen(const Frame& f, const Tile& t);
    void drawLayers(const Frame& f, const Tile& t, size_t begin, size_t end);
    template <class Each>
    void forEachTile(const Frame& f, Each&& each) {
        for (int y = 0; y < f.height; y += maxTile) {
            for (int x = 0; x < f.width; x += maxTile) {
                Tile t{x, y, std::min(maxTile, f.width - x), std::min(maxTile, f.height - y)};
                drawTile(f, t);
                each(t);
            }
        }
    }

    // ---- fills and the globe (render_fill_layer.cpp) ----
    void drawFillRun(const Frame& f, const Tile& t, size_t begin, size_t end);
    bool globeCoversTile(const Frame& f, const Tile& t, const PreparedLayer& p) const;
    void drawFill(const Frame& f, const Tile& t, const scene::FillLayer& layer, FeatureMesh& mesh);
    void drawGlobe(const Frame& f, const Tile& t, const scene::GlobeLayer& layer, FeatureMesh& mesh);
    template <class Draw>
    void multisampled(const PixelRect& r, Draw&& draw);  // defined and used in render_fill_layer.cpp

    // ---- lines and the graticule (render_line_layer.cpp) ----
    void drawLines(const Frame& f, const Tile& t, FeatureMesh& mesh, const scene::Color& color, float widthPx);
    void beginCoverage(const PixelRect& r);
    void compositeCoverage(const scene::Color& color);

    // ---- points (render_point_layer.cpp) ----
    PointBuffer* pointsFor(std::span<const scene::Point> points);
    void preparePoints(const Frame& f, const scene::PointLayer& layer, PreparedLayer& p, std::vector<Box>& obstacles);
    static void pointAttributes(size_t first);
    void usePointStyle(const Frame& f, const Tile& t, geo::Vec2 origin, scene::PointShape shape,
                       const scene::Color& outline, float outlineWidthPx);
    void drawPoints(const Frame& f, const Tile& t, const scene::PointLayer& layer, const PointBuffer& buffer);

    // ---- events (render_event_layer.cpp) ----
    EventBuffer* eventsFor(const model::EventTablePtr& table);
    static void eventAttributes(GLsizei first);
    void drawEvents(const Frame& f, const Tile& t, const scene::EventLayer& layer, const EventBuffer& buffer,
                    InstanceRange range);

    // ---- labels (render_label_layer.cpp) and their halos (label_halo.cpp) ----
    // Rasterises every size and character the frame's labels and furniture write, at once.
    void requireGlyphs(const Frame& f);
    void prepareLabels(Frame& f, const std::vector<Box>& obstacles, const std::vector<Box>& panels);
    static void outlinedFills(Frame& f);
    void drawLabels(const Frame& f, const Tile& t, const scene::LabelLayer& layer, const PreparedLayer& p,
                    HaloCoverage& halo);
    HaloCoverage& haloCoverage(size_t index);
    void drawHalo(const Frame& f, const Tile& t, const PreparedLayer& p, float radius, const PixelRect& r,
                  HaloCoverage& h);
    void compositeHalo(const Tile& t, const PreparedLayer& p, float radius, const HaloCoverage& h,
                       const scene::Color& color);

    // ---- furniture (render_screen_layer.cpp) ----
    void drawScreen(const Tile& t, const ScreenGeometry& g, const std::vector<size_t>* only);
};

// A new vertex array over a new buffer of instances, their attributes set by `attributes`
// (points and events: one instanced quad each).
template <class Target, class Instance, class Attributes>
void uploadInstances(Target& buffer, const std::vector<Instance>& instances, Attributes attributes) {
    buffer.count = static_cast<GLsizei>(instances.size());
    buffer.vao = makeVertexArray();
    buffer.vbo = makeBuffer();
    glBindVertexArray(buffer.vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, buffer.vbo.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(instances.size() * sizeof(Instance)), instances.data(),
                 GL_STATIC_DRAW);
    attributes();
    glBindVertexArray(0);
}

}  // namespace cmap::render
