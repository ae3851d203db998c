// The renderer in two halves: prepare() turns a Scene into GPU-ready state for a whole image
// (projection, cached meshes, point buffers, placed labels), then every tile of the image is drawn
// from that state by drawTile(). Tiles differ only in the uTile uniform, so they join exactly.
//
// How a tile is drawn (the same for the screen and export, so they stay the same pixels):
// layers go into a single-sampled frame buffer in order, labels last. Runs of consecutive fills
// are drawn 4x multisampled (their edges have no other antialiasing) within their bounding box:
// the frame is copied into the multisampled buffer there, the fills drawn, the box resolved back.
// Lines, points and text antialias in their shaders and draw single-sampled; their full-image
// passes (coverage buffers) are cut down to the layer's box with the scissor. On a software
// renderer every full-image pass costs milliseconds, so this is most of the frame time.
//
// The base image: the leading non-label layers that did not change since the last frame (the
// basemap while the timeline scrubs) are kept as an image and copied in instead of drawn. The
// cut is always between runs, so a frame drawn with or without the kept image is the same bytes.
// The scene's backdrop (the basemap) is kept apart as well: a layer that comes in among the base
// image's (a new area, drawn under the smaller ones it already showed) takes the base image away,
// but not the basemap, the costliest layers to draw (hundreds of thousands of triangles: a
// quarter of a second on llvmpipe at 1920x1080).
//
// The image under the furniture: the frame before its screen layers (every other layer and the
// labels) is kept too when the view stood still since the last frame, and while it stays the same
// a frame is that image copied in with its furniture drawn over it: scrubbing changes the date
// stamp every day, while in cumulative mode most days show nothing new on the map itself. Labels
// are placed anew every frame (the furniture's panels cover them), and the kept image
// counts only when they land where they did.
//
// The panels of the furniture: while the kept image under the furniture serves, the frame buffer
// still holds the last frame drawn over it, so only the panels that changed (the date stamp while
// scrubbing) are drawn again, over that image copied back into their boxes; the others stay.
//
// The finished frame: the frame buffer holds the last tile drawn until the next one is. A scene
// equal to the last one drawn (every layer, view, projection, background, size, scale) is that
// frame again, so it is copied out with nothing prepared or drawn: in cumulative mode most days
// of a scrub show nothing new.
//
// Sections: helpers | Impl: preparation | finished frame | base image | image under the furniture |
// passes | layers | tile.
#include "render/renderer.h"

#include <glad/gl.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <numbers>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "core/error.h"
#include "core/geo/projection.h"
#include "render/feature_mesh.h"
#include "render/font_atlas.h"
#include "render/gl_objects.h"
#include "render/label_placer.h"
#include "render/screen_layout.h"
#include "scene/graticule.h"

namespace cmap::render {
namespace {

// Whether two layers draw the same pixels under the same view: the kept images of last frame's
// layers serve when this holds (scene::Layer's content compares by value, feature sets by identity).
bool sameContent(const scene::Layer& a, const scene::Layer& b) { return a.content == b.content; }

// Meshes of layers that leave the scene stay this many frames, so toggling a layer is instant
// (those prepareMeshes made stay until its next call).
constexpr uint64_t kKeepFrames = 120;
// Bounds the offscreen buffers (4x multisampled RGBA: 64 MiB at 2048 squared) below GL limits.
constexpr int kDefaultMaxTile = 2048;

struct PointInstance {
    float x, y;  // relative to the buffer's origin
    float size;  // logical pixels
    uint8_t rgba[4];
    float angle = 0;  // radians, counter-clockwise on the image
};

// Instances are stored relative to one projected point of their own, so float positions keep
// their precision far from the projection's origin: the first point the projection can show.
geo::Vec2 localOrigin(const std::vector<geo::Vec2>& projected) {
    for (const geo::Vec2& p : projected)
        if (!std::isnan(p.x)) return p;
    return {};
}

uint8_t toByte(float v) { return static_cast<uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); }

void setColor(GLint location, const scene::Color& c) { glUniform4f(location, c.r, c.g, c.b, c.a); }

// FNV-1a over the bytes of trivially copyable values: decides whether a point layer changed.
struct Hasher {
    uint64_t h = 1469598103934665603ull;
    template <class T>
    void add(const T& value) {
        unsigned char bytes[sizeof(T)];
        std::memcpy(bytes, &value, sizeof(T));
        for (unsigned char b : bytes) h = (h ^ b) * 1099511628211ull;
    }
};

struct PointBuffer {
    VertexArray vao;
    Buffer vbo;
    GLsizei count = 0;
    geo::Vec2 origin;
    std::vector<geo::Vec2> projected;
    uint64_t lastFrame = 0;
};

// An event table's columns as the GPU filters them: uploaded once per projection.
struct EventInstance {
    float x, y;                          // relative to the buffer's origin
    float firstDay, lastDay, superseded;  // exact in float for any day in years 0..9999
    float category;
};

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

struct Tile {
    int x = 0, y = 0, width = 0, height = 0;  // device pixels in the whole image, y down
};

// A rectangle of a tile in GL pixels (origin bottom-left), for the scissor and blits.
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    void unite(const PixelRect& o) {
        if (o.empty()) return;
        if (empty()) {
            *this = o;
            return;
        }
        x0 = std::min(x0, o.x0), y0 = std::min(y0, o.y0), x1 = std::max(x1, o.x1), y1 = std::max(y1, o.y1);
    }
};

// An axis-aligned box in whole-image device pixels, y down (min > max: nothing).
struct ImageBox {
    double x0 = 1, y0 = 1, x1 = 0, y1 = 0;
    bool empty() const { return x1 < x0 || y1 < y0; }
    void extend(double x, double y) {
        if (empty()) {
            x0 = x1 = x, y0 = y1 = y;
            return;
        }
        x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
    }
    /// Whether both hold something and share some area (boxes that only touch do not).
    bool overlaps(const ImageBox& o) const {
        return !empty() && !o.empty() && x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }
};

// Labels and screen layers are drawn after the others, over everything.
bool drawnLast(const scene::Layer& layer) {
    return std::holds_alternative<scene::LabelLayer>(layer.content) ||
           std::holds_alternative<scene::ScreenLayer>(layer.content);
}

bool isFill(const scene::Layer& layer) {
    return std::holds_alternative<scene::FillLayer>(layer.content) ||
           std::holds_alternative<scene::GlobeLayer>(layer.content);
}

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
};

struct Frame {
    const scene::Scene* scene = nullptr;
    int width = 0;
    int height = 0;
    float scale = 1;
    double pxPerUnit = 1;  // device pixels per projected unit
    std::vector<PreparedLayer> layers;
    std::vector<size_t> drawn;  // indexes of the non-label layers, in drawing order
    size_t reuseBase = 0;       // leading drawn layers the kept base image shows (0: draw them)
    bool advanceBase = false;   // the last of those is an event layer to bring up to date over it, and keep
    size_t storeBase = 0;       // leading drawn layers to keep as the base image after drawing
                                // (with reuseBase, more than it: the base image grows)
    size_t reuseBackdrop = 0;   // when the base image does not serve: leading drawn layers the kept backdrop shows
    size_t storeBackdrop = 0;   // leading drawn layers to keep as the backdrop image after drawing
    bool reuseUnder = false;    // the kept image under the furniture shows all but the screen layers
    bool storeUnder = false;    // keep the frame before its screen layers as that image
    // With reuseUnder: the frame buffer holds the last frame, its furniture over the same image,
    // and only these panels of the screen layer changed (drawn again over that image put back
    // into restored, their boxes then and now).
    bool panelsOnly = false;
    std::vector<size_t> changedPanels;
    std::vector<ImageBox> restored;
    std::vector<GlyphVertex> glyphs;   // every label layer's, as uploaded
    std::vector<PointInstance> markers;  // the markers under placed labels, as uploaded
};

}  // namespace

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
    std::unordered_map<uint64_t, PointBuffer> pointBuffers;       // by content hash
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

    // A label layer's halo coverage, kept while its glyphs stay where they are (town names do
    // while the timeline scrubs): drawing it is 32 passes over every glyph. When some labels
    // come, go or move (a new mention's name takes a town's place), only the coverage round them
    // is drawn again. It holds the halo of its labels over the whole tile.
    struct HaloLabel {
        ImageBox box;               // where its glyphs are
        std::vector<float> glyphs;  // x, y, u, v of each glyph vertex
    };
    struct HaloCoverage {
        Framebuffer fbo;
        Texture texture;
        std::vector<float> key;          // the tile and the radius
        std::vector<HaloLabel> labels;   // whose halo it holds
    };
    std::vector<HaloCoverage> halos;  // by label layer, in drawing order

    Framebuffer msaaFbo, frameFbo, baseFbo, backdropFbo, underFbo, coverageFbo;
    Texture msaaColor;
    Texture frameColor, baseColor, backdropColor, underColor, coverage;

    // Everything an image's pixels depend on besides its layers: two images agree only when
    // this is equal and their layers draw the same.
    struct PixelContext {
        std::string projection;
        double centerX = 0, centerY = 0, unitsPerPixel = 0;
        scene::Color background;
        int width = 0, height = 0;
        float scale = 0;
        friend bool operator==(const PixelContext&, const PixelContext&) = default;
    };
    static PixelContext contextOf(const scene::Scene& s, int width, int height, float scale) {
        return {s.projection, s.view.center.x, s.view.center.y, s.view.unitsPerPixel, s.background, width, height, scale};
    }

    // What the base image shows: copies of its layers (holding their feature sets, so identity
    // comparison stays sound) and everything else its pixels depend on.
    struct BaseImage {
        std::vector<scene::Layer> layers;
        PixelContext context;
    };
    std::optional<BaseImage> base;
    std::optional<BaseImage> backdrop;  // the scene's backdrop layers alone

    // What a frame shows under its furniture: its other layers (copies, as above), where its labels
    // and their markers landed, and the rest its pixels depend on.
    struct UnderScreen {
        std::vector<scene::Layer> layers;
        std::vector<GlyphVertex> glyphs;
        std::vector<PointInstance> markers;
        PixelContext context;
        bool operator==(const UnderScreen& o) const {
            auto sameBytes = [](const auto& a, const auto& b) {
                return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(a[0])) == 0);
            };
            return context == o.context && sameBytes(glyphs, o.glyphs) && sameBytes(markers, o.markers) &&
                   std::equal(layers.begin(), layers.end(), o.layers.begin(), o.layers.end(), sameContent);
        }
    };
    std::optional<UnderScreen> under;      // what the kept image under the furniture shows
    std::optional<PixelContext> lastUnderContext;  // the last frame's, when it had furniture

    // What the frame buffer shows when it holds a whole finished frame (a single-tile one), with
    // copies of its layers for the same reason as the base image's, and the label counts of that
    // frame (stats of a frame that is copied are those of the frame it copies).
    struct FinishedFrame {
        std::vector<scene::Layer> layers;
        PixelContext context;
        size_t labelsPlaced = 0, labelsDropped = 0;
        // Its one screen layer, when that was drawn over the kept image under the furniture as it
        // still is.
        std::optional<ScreenGeometry> screen;
    };
    std::optional<FinishedFrame> finished;
    int targetWidth = 0;
    int targetHeight = 0;
    int samples = 4;
    int hardwareMaxTile = kDefaultMaxTile;
    int maxTile = kDefaultMaxTile;
    bool keepImages = true;  // the base, backdrop and under-furniture images (setKeepImages)

    RenderStats stats;
    uint64_t frameNumber = 0;

    Impl() {
        GLint maxSamples = 0;
        glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
        samples = std::clamp(maxSamples, 1, 4);
        GLint maxRenderbuffer = 0;
        GLint maxViewport[2] = {0, 0};
        GLint maxTexture = 0;
        glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxRenderbuffer);
        glGetIntegerv(GL_MAX_VIEWPORT_DIMS, maxViewport);
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
        hardwareMaxTile = maxTile = std::min({kDefaultMaxTile, static_cast<int>(maxRenderbuffer), static_cast<int>(maxViewport[0]),
                            static_cast<int>(maxViewport[1]), static_cast<int>(maxTexture)});

        glyphAttributes(textVao, textVbo);
        glyphAttributes(screenTextVao, screenTextVbo);
        glBindVertexArray(screenVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, screenVbo.get());
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ScreenVertex), nullptr);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ScreenVertex),
                              reinterpret_cast<const void*>(offsetof(ScreenVertex, rgba)));
        glBindVertexArray(rectVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, rectVbo.get());
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
        glBindVertexArray(0);
    }

    static void glyphAttributes(const VertexArray& vao, const Buffer& vbo) {
        glBindVertexArray(vao.get());
        glBindBuffer(GL_ARRAY_BUFFER, vbo.get());
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(GlyphVertex), nullptr);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(GlyphVertex),
                              reinterpret_cast<const void*>(offsetof(GlyphVertex, u)));
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(GlyphVertex),
                              reinterpret_cast<const void*>(offsetof(GlyphVertex, rgba)));
    }

    // ---- preparation: everything that does not depend on the tile ----

    void useProjection(const std::string& definition) {
        if (projection && definition == projectionDefinition) return;
        auto created = geo::Projection::create(definition);  // throws InputError before any change
        meshes.clear();
        pointBuffers.clear();
        eventBuffers.clear();
        base.reset();
        backdrop.reset();
        globe = scene::worldOutline(created.centralMeridian());
        projection.emplace(std::move(created));
        projectionDefinition = definition;
    }

    FeatureMesh* meshFor(const geo::FeatureSetPtr& features) {
        MeshEntry* entry = entryFor(features);
        return entry ? entry->mesh.get() : nullptr;
    }

    MeshEntry* entryFor(const geo::FeatureSetPtr& features) {
        if (!features) return nullptr;
        MeshEntry& entry = meshes[features.get()];
        if (!entry.mesh) {
            entry.mesh = std::make_unique<FeatureMesh>(features, *projection);
            ++stats.meshesBuilt;
        }
        entry.lastFrame = frameNumber;
        return &entry;
    }

    void triangulate(FeatureMesh& mesh) {
        if (mesh.triangulated()) return;
        mesh.prepareFill();
        ++stats.triangulations;
    }

    void prepareMeshes(const scene::Scene& s) {
        useProjection(s.projection);
        for (auto& [features, entry] : meshes) entry.prepared = false;
        for (const scene::Layer& layer : s.layers) {
            if (auto* fills = std::get_if<scene::FillLayer>(&layer.content)) {
                if (MeshEntry* e = entryFor(fills->features)) {
                    triangulate(*e->mesh);
                    e->prepared = true;
                }
            } else if (auto* lines = std::get_if<scene::LineLayer>(&layer.content)) {
                if (MeshEntry* e = entryFor(lines->features)) {
                    e->mesh->prepareSegments();
                    e->prepared = true;
                }
            }
        }
    }

    geo::FeatureSetPtr graticuleFor(double stepDeg) {
        auto key = static_cast<uint64_t>(std::llround(stepDeg * 1e6));
        auto& set = graticules[key];
        if (!set) set = scene::graticuleLines(stepDeg);
        return set;
    }

    PointBuffer* pointsFor(std::span<const geo::LonLat> at, std::span<const float> sizes,
                           std::span<const scene::Color> colors, std::span<const float> angles) {
        Hasher hash;
        hash.add(at.size());
        for (size_t i = 0; i < at.size(); ++i) {
            hash.add(at[i].lon);
            hash.add(at[i].lat);
            hash.add(sizes[i]);
            hash.add(colors[i]);
            hash.add(angles[i]);
        }
        PointBuffer& buffer = pointBuffers[hash.h];
        buffer.lastFrame = frameNumber;
        if (buffer.vao) return &buffer;

        ++stats.pointLayersProjected;
        buffer.projected.resize(at.size());
        projection->forward(at, buffer.projected);
        buffer.origin = localOrigin(buffer.projected);
        std::vector<PointInstance> instances;
        instances.reserve(at.size());
        for (size_t i = 0; i < at.size(); ++i) {
            const geo::Vec2& p = buffer.projected[i];
            if (std::isnan(p.x) || std::isnan(p.y)) continue;
            const scene::Color& c = colors[i];
            instances.push_back({static_cast<float>(p.x - buffer.origin.x), static_cast<float>(p.y - buffer.origin.y),
                                 sizes[i], {toByte(c.r), toByte(c.g), toByte(c.b), toByte(c.a)},
                                 static_cast<float>(angles[i] * std::numbers::pi / 180)});
        }
        uploadInstances(buffer, instances, [] { pointAttributes(0); });
        return &buffer;
    }

    // A new vertex array over a new buffer of instances, their attributes set by `attributes`
    // (points and events: one instanced quad each).
    template <class Target, class Instance, class Attributes>
    static void uploadInstances(Target& buffer, const std::vector<Instance>& instances, Attributes attributes) {
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

    EventBuffer* eventsFor(const model::EventTablePtr& table) {
        if (!table || table->size() == 0) return nullptr;
        EventBuffer& buffer = eventBuffers[table.get()];
        buffer.lastFrame = frameNumber;
        if (buffer.vao) return &buffer;

        ++stats.pointLayersProjected;
        buffer.table = table;
        const model::EventTable& t = *table;
        std::vector<geo::LonLat> at(t.size());
        for (size_t i = 0; i < t.size(); ++i) at[i] = {t.lon[i], t.lat[i]};
        std::vector<geo::Vec2> xy(t.size());
        projection->forward(at, xy);
        at = {};
        buffer.origin = localOrigin(xy);
        std::vector<EventInstance> instances;
        instances.reserve(t.size());
        for (size_t i = 0; i < t.size(); ++i) {
            const geo::Vec2& p = xy[i];
            bool shown = !std::isnan(p.x) && !std::isnan(p.y);
            if (!shown && buffer.keptBefore.empty()) {  // the first left out: every row before it was kept
                for (size_t row = 0; row <= i; ++row) buffer.keptBefore.push_back(static_cast<GLsizei>(row));
            }
            if (!buffer.keptBefore.empty()) buffer.keptBefore.push_back(buffer.keptBefore.back() + (shown ? 1 : 0));
            if (!shown) continue;
            instances.push_back({static_cast<float>(p.x - buffer.origin.x), static_cast<float>(p.y - buffer.origin.y),
                                 static_cast<float>(t.firstDay[i]), static_cast<float>(t.lastDay[i]),
                                 static_cast<float>(t.supersededDay[i]), static_cast<float>(t.category[i])});
        }
        uploadInstances(buffer, instances, [] { eventAttributes(0); });
        return &buffer;
    }

    // Instance attributes of the event program from instance `first` of the bound buffer (as
    // pointAttributes).
    static void eventAttributes(GLsizei first) {
        auto attribute = [&](GLuint index, GLint size, size_t offset) {
            glEnableVertexAttribArray(index);
            glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, sizeof(EventInstance),
                                  reinterpret_cast<const void*>(static_cast<size_t>(first) * sizeof(EventInstance) + offset));
            glVertexAttribDivisor(index, 1);
        };
        attribute(0, 2, 0);
        attribute(1, 3, offsetof(EventInstance, firstDay));
        attribute(2, 1, offsetof(EventInstance, category));
    }

    geo::Vec2 toPixel(const Frame& f, geo::Vec2 p) const {
        const scene::View& v = f.scene->view;
        return {f.width / 2.0 + (p.x - v.center.x) * f.pxPerUnit, f.height / 2.0 - (p.y - v.center.y) * f.pxPerUnit};
    }

    Frame prepare(const scene::Scene& scene, int width, int height, float scale) {
        if (width <= 0 || height <= 0) throw InputError("image size must be positive");
        if (!(scale > 0)) throw InputError("render scale must be positive");
        if (!(scene.view.unitsPerPixel > 0)) throw InputError("the view's scale must be positive");
        ++frameNumber;
        useProjection(scene.projection);
        Frame f;
        f.scene = &scene;
        f.width = width;
        f.height = height;
        f.scale = scale;
        f.pxPerUnit = scale / scene.view.unitsPerPixel;

        std::vector<Box> obstacles;
        for (const scene::Layer& layer : scene.layers) {
            PreparedLayer& p = f.layers.emplace_back();
            p.layer = &layer;
            if (auto* fills = std::get_if<scene::FillLayer>(&layer.content)) p.mesh = meshFor(fills->features);
            else if (auto* lines = std::get_if<scene::LineLayer>(&layer.content)) p.mesh = meshFor(lines->features);
            else if (auto* grid = std::get_if<scene::GraticuleLayer>(&layer.content)) {
                if (grid->stepDeg > 0) p.mesh = meshFor(graticuleFor(grid->stepDeg));
            } else if (std::holds_alternative<scene::GlobeLayer>(layer.content)) {
                p.mesh = meshFor(globe);
            } else if (auto* points = std::get_if<scene::PointLayer>(&layer.content)) {
                preparePoints(f, *points, p, obstacles);
            } else if (auto* events = std::get_if<scene::EventLayer>(&layer.content)) {
                p.events = eventsFor(events->events);
                if (p.events) p.eventRange = p.events->shownBy(events->time);
            }
        }
        // Furniture's panels cover the map for labels: no place name runs under the legend.
        std::vector<Box> panels;
        for (const PreparedLayer& p : f.layers) {
            if (auto* screenLayer = std::get_if<scene::ScreenLayer>(&p.layer->content)) {
                if (!font) font = std::make_unique<FontAtlas>(defaultFontFile());
                font->require(screenFontSizes(*screenLayer, scale));
                for (const Box& b : layoutScreen(*screenLayer, width, height, scale, *font).panels) panels.push_back(b);
            }
        }
        prepareLabels(f, obstacles, panels);
        // Laid out again for the glyphs: the labels' sizes may have rebuilt the atlas, moving them.
        for (PreparedLayer& p : f.layers)
            if (auto* screenLayer = std::get_if<scene::ScreenLayer>(&p.layer->content))
                p.screen = layoutScreen(*screenLayer, width, height, scale, *font);
        for (size_t i = 0; i < f.layers.size(); ++i)
            if (!drawnLast(*f.layers[i].layer)) f.drawn.push_back(i);
        ensureTargets(std::min(width, maxTile), std::min(height, maxTile));  // may drop kept images: first
        planUnder(f);
        if (f.reuseUnder) planPanels(f);
        else planBase(f);
        evict();
        return f;
    }

    // ---- finished frame ----

    // Whether scene at this size is the frame the frame buffer holds; if so leaves that buffer
    // bound for reading. Checked before prepare(), which would cost as much as a small frame.
    bool reuseFinished(const scene::Scene& s, int width, int height, float scale) {
        if (!finished || width > maxTile || height > maxTile) return false;
        const FinishedFrame& k = *finished;
        if (k.context != contextOf(s, width, height, scale) || k.layers.size() != s.layers.size()) return false;
        for (size_t i = 0; i < k.layers.size(); ++i)
            if (!sameContent(k.layers[i], s.layers[i])) return false;
        stats.labelsPlaced = k.labelsPlaced;
        stats.labelsDropped = k.labelsDropped;
        ++stats.framesReused;
        glBindFramebuffer(GL_READ_FRAMEBUFFER, frameFbo.get());
        return true;
    }

    // After a frame drew in one tile: what the frame buffer now holds (copying the layers costs
    // far less than the frame they describe).
    void keepFinished(const Frame& f) {
        if (f.width > maxTile || f.height > maxTile) return;
        const scene::Scene& s = *f.scene;
        finished = FinishedFrame{s.layers, contextOf(s, f.width, f.height, f.scale), stats.labelsPlaced,
                                 stats.labelsDropped, std::nullopt};
        const ScreenGeometry* furniture = onlyScreen(f);
        if (furniture && (f.reuseUnder || f.storeUnder)) finished->screen = *furniture;
    }

    // The frame's screen geometry when it has exactly one screen layer.
    static const ScreenGeometry* onlyScreen(const Frame& f) {
        const ScreenGeometry* found = nullptr;
        for (const PreparedLayer& p : f.layers) {
            if (!p.screen) continue;
            if (found) return nullptr;
            found = &*p.screen;
        }
        return found;
    }

    // ---- base image ----

    // Whether drawing may stop (or start) before drawn layer k without splitting a run of fills.
    bool runBoundary(const Frame& f, size_t k) const {
        return k == 0 || k >= f.drawn.size() || !isFill(*f.layers[f.drawn[k - 1]].layer) ||
               !isFill(*f.layers[f.drawn[k]].layer);
    }

    // Decides which leading layers come from the kept image and which are kept for next time.
    // Only single-tile images take part: tiles are for exports larger than the GL limits.
    void planBase(Frame& f) {
        if (!keepImages || f.width > maxTile || f.height > maxTile || f.drawn.empty()) return;
        const scene::Scene& s = *f.scene;
        size_t common = 0;
        const PixelContext context = contextOf(s, f.width, f.height, f.scale);
        if (base && base->context == context) {
            while (common < base->layers.size() && common < f.drawn.size() &&
                   sameContent(base->layers[common], *f.layers[f.drawn[common]].layer))
                ++common;
        }
        if (base && common == base->layers.size() && common > 0 && runBoundary(f, common)) {
            f.reuseBase = common;
            ++stats.baseReused;
            growBase(f, context);
            return;
        }
        if (base && base->context == context && common + 1 == base->layers.size() && common < f.drawn.size()) {
            PreparedLayer& p = f.layers[f.drawn[common]];
            if (auto from = advancedFrom(base->layers[common], *p.layer)) {
                // The kept image shows these events up to an earlier day: the days since go over it.
                if (p.events) p.eventRange = {p.events->startedBy(*from), p.eventRange.end};
                base->layers[common] = *p.layer;
                f.reuseBase = common + 1;
                f.advanceBase = true;
                ++stats.baseReused;
                return;
            }
        }
        // Keep what stayed the same since the kept image, and an event layer after it that the
        // next frame may advance; with nothing in common (a first frame, a new view), keep every
        // layer: the next frame shows what of it stays.
        size_t keep = common;
        if (keep < f.drawn.size() && advanceable(*f.layers[f.drawn[keep]].layer)) ++keep;
        if (keep == 0) keep = f.drawn.size();
        while (keep > 0 && !runBoundary(f, keep)) --keep;
        if (keep == 0) {
            base.reset();
            return;
        }
        planBackdrop(f, keep, context);
        f.storeBase = keep;
        base = imageOf(f, keep, context);
        ++stats.baseDrawn;
    }

    // When the frame draws layers over the kept base image that the last frame drew the same
    // (areas that came in with a month, under the day's new markers), they join the base image
    // once drawn: the next change of the map need not draw them again. Not past an event layer
    // the base image may be advanced by.
    void growBase(Frame& f, const PixelContext& context) {
        if (!finished || finished->context != context || advanceable(base->layers.back())) return;
        std::vector<const scene::Layer*> last;  // the last frame's drawn layers
        for (const scene::Layer& l : finished->layers)
            if (!drawnLast(l)) last.push_back(&l);
        size_t stable = f.reuseBase;
        while (stable < f.drawn.size() && stable < last.size() && !advanceable(*last[stable]) &&
               sameContent(*last[stable], *f.layers[f.drawn[stable]].layer))
            ++stable;
        while (stable > f.reuseBase && !runBoundary(f, stable)) --stable;
        if (stable == f.reuseBase) return;
        f.storeBase = stable;
        ++stats.baseGrown;
        for (size_t i = f.reuseBase; i < stable; ++i) base->layers.push_back(*f.layers[f.drawn[i]].layer);
    }

    // The base image of the first n drawn layers.
    static BaseImage imageOf(const Frame& f, size_t n, const PixelContext& context) {
        BaseImage b{{}, context};
        for (size_t i = 0; i < n; ++i) b.layers.push_back(*f.layers[f.drawn[i]].layer);
        return b;
    }

    // When the base image is drawn again up to drawn layer keep: whether the backdrop comes from
    // its kept image, or is kept now on the way.
    void planBackdrop(Frame& f, size_t keep, const PixelContext& context) {
        size_t n = 0;  // the drawn layers that belong to the backdrop
        while (n < f.drawn.size() && f.drawn[n] < f.scene->backdrop) ++n;
        if (n == 0 || n > keep || !runBoundary(f, n)) return;
        bool same = backdrop && backdrop->context == context && backdrop->layers.size() == n;
        for (size_t i = 0; same && i < n; ++i) same = sameContent(backdrop->layers[i], *f.layers[f.drawn[i]].layer);
        if (same) {
            f.reuseBackdrop = n;
            ++stats.backdropReused;
        } else {
            f.storeBackdrop = n;
            backdrop = imageOf(f, n, context);
        }
    }

    // An event layer in cumulative mode: a later day shows what an earlier one showed and more,
    // each event drawn the same, and in table order, which is the order of their first days.
    static bool advanceable(const scene::Layer& layer) {
        auto* events = std::get_if<scene::EventLayer>(&layer.content);
        return events && events->time && events->time->mode == model::TimeMode::Cumulative;
    }

    // The day `kept` shows when `now` is the same event layer at that day or later in cumulative
    // mode, so that drawing the events of the days since over kept's image gives now's.
    static std::optional<int> advancedFrom(const scene::Layer& kept, const scene::Layer& now) {
        if (!advanceable(kept) || !advanceable(now)) return std::nullopt;
        int from = std::get<scene::EventLayer>(kept.content).time->day;
        const auto& to = std::get<scene::EventLayer>(now.content).time;
        if (to->day < from) return std::nullopt;
        scene::Layer moved = kept;
        std::get<scene::EventLayer>(moved.content).time = to;
        if (!sameContent(moved, now)) return std::nullopt;
        return from;
    }

    // ---- image under the furniture ----

    // Decides whether the frame's screen layers go over the kept image of the rest, and whether
    // to keep that image now: when the view stood still since the last frame, what changed is what
    // the map shows (a day of the timeline with new mentions), and the next days likely show the
    // same; keeping it costs a copy, drawing it again every layer. While the view moves, every
    // frame differs, and none is kept.
    void planUnder(Frame& f) {
        const scene::Scene& s = *f.scene;
        bool furniture = std::any_of(s.layers.begin(), s.layers.end(), [](const scene::Layer& l) {
            return std::holds_alternative<scene::ScreenLayer>(l.content);
        });
        if (!keepImages || !furniture || f.width > maxTile || f.height > maxTile) {
            lastUnderContext.reset();
            return;
        }
        UnderScreen now{{}, f.glyphs, f.markers, contextOf(s, f.width, f.height, f.scale)};
        for (const scene::Layer& l : s.layers)
            if (!std::holds_alternative<scene::ScreenLayer>(l.content)) now.layers.push_back(l);
        const bool stood = lastUnderContext == now.context;
        lastUnderContext = now.context;
        if (under && *under == now) {
            f.reuseUnder = true;
            ++stats.underReused;
        } else if (stood) {
            f.storeUnder = true;
            under = std::move(now);
        }
    }

    // A furniture panel's box grown to whole pixels and by one: every pixel its drawing touches.
    static ImageBox panelReach(const Box& b) {
        ImageBox r;
        if (b.x1 <= b.x0) return r;  // a panel with nothing to show
        r.extend(std::floor(b.x0 - 1), std::floor(b.y0 - 1));
        r.extend(std::ceil(b.x1 + 1), std::ceil(b.y1 + 1));
        return r;
    }

    // Whether the last frame, still in the frame buffer over the same kept image, keeps all its
    // furniture panels but those that changed. A changed panel's boxes must reach no kept panel's,
    // so that every pixel is drawn the way a whole frame draws it.
    void planPanels(Frame& f) {
        const ScreenGeometry* now = onlyScreen(f);
        if (!now || !finished || !finished->screen ||
            finished->context != contextOf(*f.scene, f.width, f.height, f.scale))
            return;
        const ScreenGeometry& last = *finished->screen;
        if (last.panels.size() != now->panels.size()) return;
        std::vector<size_t> changed;
        std::vector<ImageBox> restored;
        for (size_t i = 0; i < now->panels.size(); ++i) {
            if (now->samePanel(i, last, i)) continue;
            changed.push_back(i);
            for (const ImageBox& b : {panelReach(last.panels[i]), panelReach(now->panels[i])})
                if (!b.empty()) restored.push_back(b);
        }
        for (size_t i = 0, c = 0; i < now->panels.size(); ++i) {
            if (c < changed.size() && changed[c] == i) {
                ++c;
                continue;
            }
            for (const ImageBox& r : restored)
                if (r.overlaps(panelReach(now->panels[i]))) return;
        }
        stats.panelsKept += now->panels.size() - changed.size();
        f.panelsOnly = true;
        f.changedPanels = std::move(changed);
        f.restored = std::move(restored);
    }

    void preparePoints(const Frame& f, const scene::PointLayer& layer, PreparedLayer& p, std::vector<Box>& obstacles) {
        if (layer.points.empty()) return;
        std::vector<geo::LonLat> at;
        std::vector<float> sizes;
        std::vector<scene::Color> colors;
        std::vector<float> angles;
        for (const scene::Point& pt : layer.points) {
            at.push_back(pt.at);
            sizes.push_back(pt.sizePx);
            colors.push_back(pt.color);
            angles.push_back(pt.angleDeg);
        }
        p.points = pointsFor(at, sizes, colors, angles);
        // Markers are obstacles for labels: a label never hides a place.
        for (size_t i = 0; i < at.size(); ++i) {
            const geo::Vec2& xy = p.points->projected[i];
            if (std::isnan(xy.x)) continue;
            geo::Vec2 px = toPixel(f, xy);
            auto r = static_cast<float>((sizes[i] / 2 + layer.outlineWidthPx) * f.scale);
            auto x = static_cast<float>(px.x);
            auto y = static_cast<float>(px.y);
            if (x + r < 0 || y + r < 0 || x - r > static_cast<float>(f.width) || y - r > static_cast<float>(f.height))
                continue;
            obstacles.push_back({x - r, y - r, x + r, y + r});
        }
    }

    int fontSize(const scene::Label& label, float scale) const {
        return std::max(6, static_cast<int>(std::lround(label.sizePx * scale)));
    }

    void prepareLabels(Frame& f, const std::vector<Box>& obstacles, const std::vector<Box>& panels) {
        struct Source {
            size_t layer;
            const scene::Label* label;
        };
        std::vector<Source> sources;
        std::vector<int> sizes;
        for (size_t i = 0; i < f.layers.size(); ++i) {
            if (auto* labels = std::get_if<scene::LabelLayer>(&f.layers[i].layer->content)) {
                for (const scene::Label& l : labels->labels) {
                    if (l.text.empty()) continue;
                    sources.push_back({i, &l});
                    sizes.push_back(fontSize(l, f.scale));
                }
            }
        }
        stats.labelsPlaced = stats.labelsDropped = 0;
        if (sources.empty()) return;
        if (!font) font = std::make_unique<FontAtlas>(defaultFontFile());
        font->require(sizes);

        std::vector<geo::LonLat> anchors;
        for (const Source& s : sources) anchors.push_back(s.label->anchor);
        std::vector<geo::Vec2> projected(anchors.size());
        projection->forward(anchors, projected);

        std::vector<LabelRequest> requests;
        for (size_t i = 0; i < sources.size(); ++i) {
            const scene::Label& l = *sources[i].label;
            LabelRequest r;
            // Not on the map, or in a script the atlas lacks (GeoNames has a few names only in
            // Arabic script, which would also need shaping): never placed, rather than drawn as '?'.
            if (std::isnan(projected[i].x) || !font->writes(sizes[i], l.text)) {
                r.anchorX = r.anchorY = std::numeric_limits<float>::quiet_NaN();
            } else {
                geo::Vec2 px = toPixel(f, projected[i]);
                r.anchorX = static_cast<float>(px.x);
                r.anchorY = static_cast<float>(px.y);
            }
            r.width = font->width(sizes[i], l.text);
            r.height = font->lineHeight(sizes[i]);
            r.centred = l.placement != scene::LabelPlacement::BesidePoint;
            r.always = l.placement == scene::LabelPlacement::Fixed;
            r.markerRadius = l.markerPx * f.scale / 2;
            if (const auto& marker = std::get<scene::LabelLayer>(f.layers[sources[i].layer].layer->content).marker) {
                r.ownMarker = true;
                r.markerRadius += marker->outlineWidthPx * f.scale;
            }
            r.priority = l.priority;
            requests.push_back(r);
        }
        auto placed = placeLabels(requests, obstacles, panels, static_cast<float>(f.width), static_cast<float>(f.height),
                                  2 * f.scale);
        stats.labelsPlaced = placed.size();
        stats.labelsDropped = requests.size() - placed.size();
        std::stable_sort(placed.begin(), placed.end(), [&](const PlacedLabel& a, const PlacedLabel& b) {
            return sources[a.request].layer < sources[b.request].layer;
        });

        std::vector<GlyphVertex> vertices;
        std::vector<PointInstance> markers;
        const geo::Vec2 centre = f.scene->view.center;
        for (const PlacedLabel& pl : placed) {
            const Source& s = sources[pl.request];
            PreparedLayer& layer = f.layers[s.layer];
            if (layer.textCount == 0) layer.textFirst = static_cast<GLint>(vertices.size());
            if (const auto& marker = std::get<scene::LabelLayer>(layer.layer->content).marker) {
                if (layer.markerCount == 0) layer.markerFirst = markers.size();
                const geo::Vec2& at = projected[pl.request];
                const scene::Color& c = marker->color;
                markers.push_back({static_cast<float>(at.x - centre.x), static_cast<float>(at.y - centre.y),
                                   s.label->markerPx, {toByte(c.r), toByte(c.g), toByte(c.b), toByte(c.a)}});
                ++layer.markerCount;
            }
            const scene::Color& c = s.label->color;
            uint8_t rgba[4] = {toByte(c.r), toByte(c.g), toByte(c.b), toByte(c.a)};
            size_t before = vertices.size();
            font->layout(sizes[pl.request], s.label->text, pl.box.x0, pl.box.y0, rgba, vertices);
            layer.textCount += static_cast<GLsizei>(vertices.size() - before);
            ImageBox box;
            for (size_t v = before; v < vertices.size(); ++v) box.extend(vertices[v].x, vertices[v].y);
            if (!box.empty()) {
                layer.textBox.extend(box.x0, box.y0);
                layer.textBox.extend(box.x1, box.y1);
                layer.labelBoxes.push_back(box);
                layer.labelGlyphs.push_back({static_cast<GLint>(before), static_cast<GLsizei>(vertices.size() - before)});
            }
        }
        glBindBuffer(GL_ARRAY_BUFFER, textVbo.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(GlyphVertex)), vertices.data(),
                     GL_STREAM_DRAW);
        glBindBuffer(GL_ARRAY_BUFFER, markerVbo.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(markers.size() * sizeof(PointInstance)), markers.data(),
                     GL_STREAM_DRAW);
        f.glyphs = std::move(vertices);
        f.markers = std::move(markers);
    }

    // Instance attributes of the point program, starting at instance `first` of the bound buffer
    // (GL 3.3 has no base-instance draw, so the pointers move instead).
    static void pointAttributes(size_t first) {
        auto at = [&](size_t offset) { return reinterpret_cast<const void*>(first * sizeof(PointInstance) + offset); };
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(PointInstance), at(0));
        glVertexAttribDivisor(0, 1);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, sizeof(PointInstance), at(offsetof(PointInstance, size)));
        glVertexAttribDivisor(1, 1);
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(PointInstance), at(offsetof(PointInstance, rgba)));
        glVertexAttribDivisor(2, 1);
        glEnableVertexAttribArray(3);
        glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, sizeof(PointInstance), at(offsetof(PointInstance, angle)));
        glVertexAttribDivisor(3, 1);
    }

    void evict() {
        std::erase_if(meshes, [&](const auto& e) {
            return !e.second.prepared && e.second.lastFrame + kKeepFrames < frameNumber;
        });
        std::erase_if(pointBuffers, [&](const auto& e) { return e.second.lastFrame + kKeepFrames < frameNumber; });
        std::erase_if(eventBuffers, [&](const auto& e) { return e.second.lastFrame + kKeepFrames < frameNumber; });
    }

    // ---- passes ----

    void ensureTargets(int width, int height) {
        if (width <= targetWidth && height <= targetHeight) return;
        targetWidth = std::max(width, targetWidth);
        targetHeight = std::max(height, targetHeight);
        base.reset();  // its pixels go with the old texture
        backdrop.reset();
        under.reset();
        finished.reset();
        halos.clear();
        msaaFbo = makeFramebuffer();
        frameFbo = makeFramebuffer();
        coverageFbo = makeFramebuffer();
        msaaColor = makeTexture();
        frameColor = makeTexture();
        coverage = makeTexture();

        // A texture, not a renderbuffer: the furniture resolves it in a shader.
        glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, msaaColor.get());
        glTexImage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, samples, GL_RGBA8, targetWidth, targetHeight, GL_TRUE);
        glBindFramebuffer(GL_FRAMEBUFFER, msaaFbo.get());
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D_MULTISAMPLE, msaaColor.get(), 0);
        checkFramebuffer("multisampled");

        attachTexture(frameFbo, frameColor, GL_RGBA8, GL_RGBA, "frame");
        attachTexture(coverageFbo, coverage, GL_R8, GL_RED, "coverage");
        // A software renderer holds every texture in memory: an image that is not kept takes none.
        baseFbo = {}, backdropFbo = {}, underFbo = {};
        baseColor = {}, backdropColor = {}, underColor = {};
        if (!keepImages) return;
        for (auto [fbo, texture, which] : {std::tuple{&baseFbo, &baseColor, "base image"},
                                           {&backdropFbo, &backdropColor, "backdrop image"},
                                           {&underFbo, &underColor, "image under the furniture"}}) {
            *fbo = makeFramebuffer();
            *texture = makeTexture();
            attachTexture(*fbo, *texture, GL_RGBA8, GL_RGBA, which);
        }
    }

    void attachTexture(const Framebuffer& fbo, const Texture& texture, GLint format, GLenum layout, const char* which) {
        glBindTexture(GL_TEXTURE_2D, texture.get());
        glTexImage2D(GL_TEXTURE_2D, 0, format, targetWidth, targetHeight, 0, layout, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo.get());
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture.get(), 0);
        checkFramebuffer(which);
    }

    static void checkFramebuffer(const char* which) {
        GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE)
            throw Error(std::string("the ") + which + " framebuffer is incomplete (status " + std::to_string(status) +
                        ")");
    }

    // The tile's pixels a whole-image box touches, grown by margin device pixels (pixel edges
    // outward, so every pixel a draw may touch is inside).
    static PixelRect rectFor(const Tile& t, const ImageBox& box, double margin) {
        if (box.empty()) return {};
        auto clampX = [&](double v) { return static_cast<int>(std::clamp(v, 0.0, static_cast<double>(t.width))); };
        auto clampY = [&](double v) { return static_cast<int>(std::clamp(v, 0.0, static_cast<double>(t.height))); };
        // Image y runs down, GL rows up.
        return {clampX(std::floor(box.x0 - margin - t.x)), clampY(std::floor(t.height - (box.y1 + margin - t.y))),
                clampX(std::ceil(box.x1 + margin - t.x)), clampY(std::ceil(t.height - (box.y0 - margin - t.y)))};
    }

    static PixelRect wholeTile(const Tile& t) { return {0, 0, t.width, t.height}; }

    // Where a mesh lands, in whole-image device pixels.
    ImageBox meshBox(const Frame& f, const FeatureMesh& mesh) const {
        ImageBox box;
        if (mesh.boxMin().x > mesh.boxMax().x) return box;
        geo::Vec2 a = toPixel(f, mesh.boxMin());
        geo::Vec2 b = toPixel(f, mesh.boxMax());
        box.extend(a.x, a.y);
        box.extend(b.x, b.y);
        return box;
    }

    static void scissor(const PixelRect& r) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
    }

    void setTransform(const Program& p, const Frame& f, const Tile& t, geo::Vec2 origin) const {
        geo::Vec2 o = toPixel(f, origin);
        glUniform2f(p.uniform("uScale"), static_cast<float>(f.pxPerUnit), static_cast<float>(-f.pxPerUnit));
        glUniform2f(p.uniform("uOffset"), static_cast<float>(o.x), static_cast<float>(o.y));
        glUniform4f(p.uniform("uTile"), static_cast<float>(t.x), static_cast<float>(t.y), static_cast<float>(t.width),
                    static_cast<float>(t.height));
    }

    static void blendOver() {
        glBlendEquation(GL_FUNC_ADD);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    }


    // Starts a coverage pass within r: later draws max-blend coverage into the single-channel buffer.
    void beginCoverage(const PixelRect& r) {
        glBindFramebuffer(GL_FRAMEBUFFER, coverageFbo.get());
        scissor(r);
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
        glBlendEquation(GL_MAX);
    }

    // Ends a coverage pass: paints color through the coverage onto the frame, within the same box.
    void compositeCoverage(const scene::Color& color) {
        glBindFramebuffer(GL_FRAMEBUFFER, frameFbo.get());
        blendOver();
        composite.use();
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, coverage.get());
        glUniform1i(composite.uniform("uCoverage"), 0);
        setColor(composite.uniform("uColor"), color);
        glBindVertexArray(emptyVao.get());
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glDisable(GL_SCISSOR_TEST);
    }

    // ---- layers ----

    void drawFill(const Frame& f, const Tile& t, const scene::FillLayer& layer, FeatureMesh& mesh) {
        bool perFeature = !layer.featureColors.empty();
        if (perFeature) {
            std::vector<uint8_t> bytes;
            size_t n = mesh.features()->featureCount();
            bytes.reserve(n * 4);
            for (size_t i = 0; i < n; ++i) {
                const scene::Color& c = i < layer.featureColors.size() ? layer.featureColors[i] : layer.color;
                for (float v : {c.r, c.g, c.b, c.a}) bytes.push_back(toByte(v));
            }
            glBindBuffer(GL_TEXTURE_BUFFER, colorBuffer.get());
            glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(bytes.size()), bytes.data(), GL_STREAM_DRAW);
            glActiveTexture(GL_TEXTURE1);
            glBindTexture(GL_TEXTURE_BUFFER, colorTexture.get());
            glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA8, colorBuffer.get());
        }
        fill.use();
        setTransform(fill, f, t, mesh.origin());
        setColor(fill.uniform("uColor"), layer.color);
        glUniform1i(fill.uniform("uPerFeature"), perFeature ? 1 : 0);
        glUniform1i(fill.uniform("uFeatureColors"), 1);
        if (layer.hatch) {
            const scene::Hatch& h = *layer.hatch;
            double angle = h.angleDeg * std::numbers::pi / 180;
            glUniform4f(fill.uniform("uHatch"), std::max(h.spacingPx, 1.0f) * f.scale, h.widthPx * f.scale,
                        static_cast<float>(std::cos(angle)), static_cast<float>(std::sin(angle)));
            setColor(fill.uniform("uHatchColor"), h.color);
        } else {
            glUniform4f(fill.uniform("uHatch"), 0, 0, 1, 0);
        }
        triangulate(mesh);
        mesh.drawFill();
    }

    void drawLines(const Frame& f, const Tile& t, FeatureMesh& mesh, const scene::Color& color, float widthPx) {
        float width = widthPx * f.scale;
        if (width <= 0 || color.a <= 0) return;
        PixelRect r = rectFor(t, meshBox(f, mesh), width / 2 + 2);
        if (r.empty()) return;
        beginCoverage(r);
        line.use();
        setTransform(line, f, t, mesh.origin());
        glUniform1f(line.uniform("uHalfWidth"), std::max(width, 1.0f) / 2);
        glUniform1f(line.uniform("uOpacity"), std::min(width, 1.0f));
        mesh.drawSegments();
        compositeCoverage(color);
    }

    void usePointStyle(const Frame& f, const Tile& t, geo::Vec2 origin, scene::PointShape shape,
                       const scene::Color& outline, float outlineWidthPx) {
        point.use();
        setTransform(point, f, t, origin);
        glUniform1f(point.uniform("uSizeScale"), f.scale);
        glUniform1f(point.uniform("uOutline"), outlineWidthPx * f.scale);
        setColor(point.uniform("uOutlineColor"), outline);
        glUniform1i(point.uniform("uShape"), static_cast<int>(shape));
    }

    void drawPoints(const Frame& f, const Tile& t, const scene::PointLayer& layer, const PointBuffer& buffer) {
        if (buffer.count == 0) return;
        usePointStyle(f, t, buffer.origin, layer.shape, layer.outline, layer.outlineWidthPx);
        glBindVertexArray(buffer.vao.get());
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, buffer.count);
    }

    void drawEvents(const Frame& f, const Tile& t, const scene::EventLayer& layer, const EventBuffer& buffer,
                    InstanceRange range) {
        if (range.end <= range.first) return;
        event.use();
        setTransform(event, f, t, buffer.origin);
        glUniform1f(event.uniform("uSizeScale"), f.scale);
        glUniform1f(event.uniform("uSize"), layer.sizePx);
        glUniform1f(event.uniform("uOpacity"), layer.opacity);
        glUniform1f(event.uniform("uOutline"), layer.outlineWidthPx * f.scale);
        setColor(event.uniform("uOutlineColor"), layer.outline);
        glUniform1i(event.uniform("uShape"), static_cast<int>(scene::PointShape::Circle));
        glUniform1i(event.uniform("uMode"), layer.time ? static_cast<int>(layer.time->mode) : -1);
        glUniform1f(event.uniform("uDay"), layer.time ? static_cast<float>(layer.time->day) : 0.f);
        glUniform1f(event.uniform("uWindow"), layer.time ? static_cast<float>(std::max(1, layer.time->windowDays)) : 1.f);
        std::array<float, 4 * 7> colors;
        for (size_t c = 0; c < 7; ++c) {
            const scene::Color& k = layer.categoryColors[c];
            std::copy_n(std::array<float, 4>{k.r, k.g, k.b, k.a}.begin(), 4, colors.begin() + 4 * static_cast<long>(c));
        }
        glUniform4fv(event.uniform("uColors[0]"), 7, colors.data());
        glBindVertexArray(buffer.vao.get());
        glBindBuffer(GL_ARRAY_BUFFER, buffer.vbo.get());
        eventAttributes(range.first);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, range.end - range.first);
        stats.eventsDrawn += static_cast<size_t>(range.end - range.first);
    }

    void drawGlobe(const Frame& f, const Tile& t, const scene::GlobeLayer& layer, FeatureMesh& mesh) {
        if (!mesh.complete()) {
            // No finite outline (an azimuthal view): the globe fills the plane.
            glClearColor(layer.color.r, layer.color.g, layer.color.b, layer.color.a);
            glClear(GL_COLOR_BUFFER_BIT);
            return;
        }
        drawFill(f, t, scene::FillLayer{mesh.features(), layer.color, {}, std::nullopt}, mesh);
    }

    HaloCoverage& haloCoverage(size_t index) {
        while (halos.size() <= index) {
            HaloCoverage h{makeFramebuffer(), makeTexture(), {}, {}};
            attachTexture(h.fbo, h.texture, GL_R8, GL_RED, "halo coverage");
            halos.push_back(std::move(h));
        }
        return halos[index];
    }

    // The halo is the text dilated: drawn at offsets round a circle into a max-blended coverage
    // buffer, so overlapping offsets do not darken it. Kept while nothing it depends on moved; when
    // some labels changed, the coverage is cleared and drawn again only within their boxes (then
    // and now, grown by the radius), from every label that reaches in there: max blending makes
    // that the same as drawing it whole.
    void drawHalo(const Frame& f, const Tile& t, const PreparedLayer& p, float radius, const PixelRect& r,
                  HaloCoverage& h) {
        std::vector<float> key{static_cast<float>(t.x), static_cast<float>(t.y), static_cast<float>(t.width),
                               static_cast<float>(t.height), radius};
        std::vector<HaloLabel> now;
        for (size_t i = 0; i < p.labelBoxes.size(); ++i) {
            HaloLabel& l = now.emplace_back(HaloLabel{p.labelBoxes[i], {}});
            auto [first, count] = p.labelGlyphs[i];
            for (GLint v = first; v < first + count; ++v) {
                const GlyphVertex& g = f.glyphs[static_cast<size_t>(v)];
                l.glyphs.insert(l.glyphs.end(), {g.x, g.y, g.u, g.v});
            }
        }
        const double reach = radius + 2;
        auto grown = [&](const ImageBox& b) { return ImageBox{b.x0 - reach, b.y0 - reach, b.x1 + reach, b.y1 + reach}; };
        // The labels in one list and not the other (glyphs decide: equal glyphs, equal boxes).
        std::vector<ImageBox> dirty;
        size_t changed = 0;
        if (key == h.key) {
            std::map<std::vector<float>, size_t> kept;
            for (const HaloLabel& l : h.labels) ++kept[l.glyphs];
            for (const HaloLabel& l : now) {
                auto it = kept.find(l.glyphs);
                if (it != kept.end() && it->second > 0) {
                    --it->second;
                    continue;
                }
                dirty.push_back(grown(l.box));
                ++changed;
            }
            for (const HaloLabel& l : h.labels) {
                auto it = kept.find(l.glyphs);
                if (it->second == 0) continue;
                --it->second;
                dirty.push_back(grown(l.box));
                ++changed;
            }
            if (dirty.empty()) return;
        }
        ++stats.halosDrawn;
        glBindFramebuffer(GL_FRAMEBUFFER, h.fbo.get());
        glClearColor(0, 0, 0, 0);
        glBlendEquation(GL_MAX);
        text.use();
        glUniform1i(text.uniform("uCoverageOnly"), 1);
        GLint shift = text.uniform("uShift");
        auto passes = [&](const std::vector<std::pair<GLint, GLsizei>>& runs) {
            for (float ring : {radius, radius * 0.5f}) {
                for (int k = 0; k < 16; ++k) {
                    double angle = k * std::numbers::pi / 8;
                    glUniform2f(shift, ring * static_cast<float>(std::cos(angle)), ring * static_cast<float>(std::sin(angle)));
                    for (auto [first, count] : runs) glDrawArrays(GL_TRIANGLES, first, count);
                }
            }
        };
        // Whole when the tile or the radius changed, or most labels did.
        if (key != h.key || 2 * changed > now.size() + h.labels.size()) {
            glDisable(GL_SCISSOR_TEST);
            glClear(GL_COLOR_BUFFER_BIT);
            scissor(r);
            passes({{p.textFirst, p.textCount}});
            stats.haloLabelsDrawn += now.size();
        } else {
            mergeOverlapping(dirty);
            for (const ImageBox& d : dirty) {
                PixelRect area = rectFor(t, d, 0);
                if (area.empty()) continue;
                scissor(area);
                glClear(GL_COLOR_BUFFER_BIT);
                std::vector<std::pair<GLint, GLsizei>> runs;
                for (size_t i = 0; i < now.size(); ++i) {
                    if (!grown(now[i].box).overlaps(d)) continue;
                    runs.push_back(p.labelGlyphs[i]);
                }
                passes(runs);
                stats.haloLabelsDrawn += runs.size();
            }
        }
        glDisable(GL_SCISSOR_TEST);
        h.key = std::move(key);
        h.labels = std::move(now);
    }

    // Merges boxes that overlap until none does.
    static void mergeOverlapping(std::vector<ImageBox>& boxes) {
        for (bool merged = true; merged;) {
            merged = false;
            for (size_t i = 0; i < boxes.size() && !merged; ++i) {
                for (size_t j = i + 1; j < boxes.size(); ++j) {
                    if (!boxes[i].overlaps(boxes[j])) continue;
                    boxes[i].extend(boxes[j].x0, boxes[j].y0);
                    boxes[i].extend(boxes[j].x1, boxes[j].y1);
                    boxes.erase(boxes.begin() + static_cast<long>(j));
                    merged = true;
                    break;
                }
            }
        }
    }

    // Paints the halo colour through its coverage, only round the labels: their boxes (grown by
    // the halo) merged until none overlaps another, so that no pixel is painted twice.
    void compositeHalo(const Tile& t, const PreparedLayer& p, float radius, const HaloCoverage& h,
                       const scene::Color& color) {
        std::vector<ImageBox> rects;
        const double grow = std::ceil(radius) + 1;
        for (const ImageBox& b : p.labelBoxes)
            rects.push_back({std::floor(b.x0 - grow), std::floor(b.y0 - grow), std::ceil(b.x1 + grow), std::ceil(b.y1 + grow)});
        mergeOverlapping(rects);
        std::vector<float> corners;
        for (const ImageBox& b : rects) {
            auto x0 = static_cast<float>(b.x0), y0 = static_cast<float>(b.y0);
            auto x1 = static_cast<float>(b.x1), y1 = static_cast<float>(b.y1);
            corners.insert(corners.end(), {x0, y0, x1, y0, x0, y1, x1, y0, x1, y1, x0, y1});
        }
        glBindFramebuffer(GL_FRAMEBUFFER, frameFbo.get());
        blendOver();
        compositeRects.use();
        glUniform4f(compositeRects.uniform("uTile"), static_cast<float>(t.x), static_cast<float>(t.y),
                    static_cast<float>(t.width), static_cast<float>(t.height));
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, h.texture.get());
        glUniform1i(compositeRects.uniform("uCoverage"), 0);
        setColor(compositeRects.uniform("uColor"), color);
        glBindVertexArray(rectVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, rectVbo.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(corners.size() * sizeof(float)), corners.data(),
                     GL_STREAM_DRAW);
        glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(corners.size() / 2));
    }

    void drawLabels(const Frame& f, const Tile& t, const scene::LabelLayer& layer, const PreparedLayer& p,
                    HaloCoverage& halo) {
        if (p.markerCount > 0 && layer.marker) {
            usePointStyle(f, t, f.scene->view.center, layer.marker->shape, layer.marker->outline,
                          layer.marker->outlineWidthPx);
            glBindVertexArray(markerVao.get());
            glBindBuffer(GL_ARRAY_BUFFER, markerVbo.get());
            pointAttributes(p.markerFirst);
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, p.markerCount);
        }
        if (p.textCount == 0) return;
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, font->texture());
        glBindVertexArray(textVao.get());
        text.use();
        setTransform(text, f, t, {});
        glUniform1i(text.uniform("uAtlas"), 0);
        GLint shift = text.uniform("uShift");
        float radius = layer.haloPx * f.scale;
        if (radius > 0 && layer.halo.a > 0) {
            PixelRect r = rectFor(t, p.textBox, radius + 2);
            if (r.empty()) return;
            drawHalo(f, t, p, radius, r, halo);
            compositeHalo(t, p, radius, halo, layer.halo);
            glActiveTexture(GL_TEXTURE0);
            glBindTexture(GL_TEXTURE_2D, font->texture());
            glBindVertexArray(textVao.get());
            text.use();
        }
        glUniform1i(text.uniform("uCoverageOnly"), 0);
        glUniform2f(shift, 0, 0);
        glDrawArrays(GL_TRIANGLES, p.textFirst, p.textCount);
    }

    // A run of fills, multisampled within their box: the frame is copied in there, the fills
    // drawn, the box resolved back into the frame.
    void drawFillRun(const Frame& f, const Tile& t, size_t begin, size_t end) {
        PixelRect r;
        for (size_t i = begin; i < end; ++i) {
            const PreparedLayer& p = f.layers[f.drawn[i]];
            if (!p.mesh) continue;
            if (std::holds_alternative<scene::GlobeLayer>(p.layer->content)) r.unite(wholeTile(t));
            else r.unite(rectFor(t, meshBox(f, *p.mesh), 1));
        }
        multisampled(r, [&] {
            for (size_t i = begin; i < end; ++i) {
                const PreparedLayer& p = f.layers[f.drawn[i]];
                if (!p.mesh) continue;
                if (auto* fillLayer = std::get_if<scene::FillLayer>(&p.layer->content)) drawFill(f, t, *fillLayer, *p.mesh);
                else drawGlobe(f, t, std::get<scene::GlobeLayer>(p.layer->content), *p.mesh);
            }
        });
    }

    // Draws into the multisampled buffer within r (edges without antialiasing of their own): the
    // frame is copied in there first and the box resolved back into the frame after.
    template <class Draw>
    void multisampled(const PixelRect& r, Draw&& draw) {
        if (r.empty()) return;
        scissor(r);
        glBindFramebuffer(GL_FRAMEBUFFER, msaaFbo.get());
        glDisable(GL_BLEND);
        copy.use();
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, frameColor.get());
        glUniform1i(copy.uniform("uImage"), 0);
        glBindVertexArray(emptyVao.get());
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glEnable(GL_BLEND);
        blendOver();
        draw();
        glBindFramebuffer(GL_READ_FRAMEBUFFER, msaaFbo.get());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, frameFbo.get());
        glBlitFramebuffer(r.x0, r.y0, r.x1, r.y1, r.x0, r.y0, r.x1, r.y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glDisable(GL_SCISSOR_TEST);
    }

    // Furniture: its boxes, symbols and arrows multisampled, its text over them. Multisampled in one
    // pass over the panels' boxes only: panels sit in the corners, so their joint box is the whole
    // frame, and on llvmpipe each blit (a resolve) costs a flush, which a pass per panel paid ten
    // times a frame. Everything drawn lies in a panel; what a triangle might draw outside one is
    // never resolved.
    // Only the panels listed in `only` when it is given (the frame buffer keeps the others).
    void drawScreen(const Tile& t, const ScreenGeometry& g, const std::vector<size_t>* only) {
        if (g.bounds.x1 < g.bounds.x0) return;
        auto tileUniform = [&](const Program& p) {
            glUniform4f(p.uniform("uTile"), static_cast<float>(t.x), static_cast<float>(t.y), static_cast<float>(t.width),
                        static_cast<float>(t.height));
        };
        // The (first, count) runs of vertices to draw, given where each panel's end: one run for all.
        auto ranges = [&](const std::vector<size_t>& ends, size_t all) {
            std::vector<std::pair<GLint, GLsizei>> out;
            if (!only) {
                if (all > 0) out.push_back({0, static_cast<GLsizei>(all)});
                return out;
            }
            for (size_t i : *only) {
                size_t first = i == 0 ? 0 : ends[i - 1];
                if (ends[i] > first) out.push_back({static_cast<GLint>(first), static_cast<GLsizei>(ends[i] - first)});
            }
            return out;
        };
        const auto triangleRanges = ranges(g.triangleEnds, g.triangles.size());
        if (!triangleRanges.empty()) {
            std::vector<float> corners;
            for (size_t i = 0; i < g.panels.size(); ++i) {
                if (only && std::find(only->begin(), only->end(), i) == only->end()) continue;
                const ImageBox b = panelReach(g.panels[i]);
                if (b.empty()) continue;
                auto x0 = static_cast<float>(b.x0), y0 = static_cast<float>(b.y0);
                auto x1 = static_cast<float>(b.x1), y1 = static_cast<float>(b.y1);
                corners.insert(corners.end(), {x0, y0, x1, y0, x0, y1, x1, y0, x1, y1, x0, y1});
            }
            auto rects = static_cast<GLsizei>(corners.size() / 2);
            glBindVertexArray(rectVao.get());
            glBindBuffer(GL_ARRAY_BUFFER, rectVbo.get());
            glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(corners.size() * sizeof(float)), corners.data(),
                         GL_STREAM_DRAW);
            glBindFramebuffer(GL_FRAMEBUFFER, msaaFbo.get());
            glDisable(GL_BLEND);
            copyRects.use();
            tileUniform(copyRects);
            glActiveTexture(GL_TEXTURE0);
            glBindTexture(GL_TEXTURE_2D, frameColor.get());
            glUniform1i(copyRects.uniform("uImage"), 0);
            glDrawArrays(GL_TRIANGLES, 0, rects);

            glEnable(GL_BLEND);
            blendOver();
            screen.use();
            tileUniform(screen);
            glBindVertexArray(screenVao.get());
            glBindBuffer(GL_ARRAY_BUFFER, screenVbo.get());
            glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.triangles.size() * sizeof(ScreenVertex)),
                         g.triangles.data(), GL_STREAM_DRAW);
            for (auto [first, count] : triangleRanges) glDrawArrays(GL_TRIANGLES, first, count);

            glBindFramebuffer(GL_FRAMEBUFFER, frameFbo.get());
            glDisable(GL_BLEND);
            resolveRects.use();
            tileUniform(resolveRects);
            glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, msaaColor.get());
            glUniform1i(resolveRects.uniform("uImage"), 0);
            glUniform1i(resolveRects.uniform("uSamples"), samples);
            glBindVertexArray(rectVao.get());
            glDrawArrays(GL_TRIANGLES, 0, rects);
            glEnable(GL_BLEND);
        }
        const auto glyphRanges = ranges(g.glyphEnds, g.glyphs.size());
        if (glyphRanges.empty()) return;
        glBindFramebuffer(GL_FRAMEBUFFER, frameFbo.get());
        blendOver();
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, font->texture());
        text.use();
        tileUniform(text);
        glUniform1i(text.uniform("uAtlas"), 0);
        glUniform1i(text.uniform("uCoverageOnly"), 0);
        glUniform2f(text.uniform("uShift"), 0, 0);
        glBindVertexArray(screenTextVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, screenTextVbo.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.glyphs.size() * sizeof(GlyphVertex)), g.glyphs.data(),
                     GL_STREAM_DRAW);
        for (auto [first, count] : glyphRanges) glDrawArrays(GL_TRIANGLES, first, count);
    }

    // Drawn layers [begin, end) onto the frame, in order.
    void drawLayers(const Frame& f, const Tile& t, size_t begin, size_t end) {
        for (size_t i = begin; i < end;) {
            if (isFill(*f.layers[f.drawn[i]].layer)) {
                size_t j = i;
                while (j < end && isFill(*f.layers[f.drawn[j]].layer)) ++j;
                drawFillRun(f, t, i, j);
                i = j;
                continue;
            }
            const PreparedLayer& p = f.layers[f.drawn[i++]];
            glBindFramebuffer(GL_FRAMEBUFFER, frameFbo.get());
            const auto& content = p.layer->content;
            if (auto* lines = std::get_if<scene::LineLayer>(&content)) {
                if (p.mesh) drawLines(f, t, *p.mesh, lines->color, lines->widthPx);
            } else if (auto* grid = std::get_if<scene::GraticuleLayer>(&content)) {
                if (p.mesh) drawLines(f, t, *p.mesh, grid->color, grid->widthPx);
            } else if (auto* points = std::get_if<scene::PointLayer>(&content)) {
                if (p.points) drawPoints(f, t, *points, *p.points);
            } else if (auto* events = std::get_if<scene::EventLayer>(&content)) {
                if (p.events) drawEvents(f, t, *events, *p.events, p.eventRange);
            }
        }
    }

    // Copies a whole tile between the frame and a kept image.
    void copyTile(const Framebuffer& from, const Framebuffer& to, const Tile& t) { copyRect(from, to, wholeTile(t)); }

    void copyRect(const Framebuffer& from, const Framebuffer& to, const PixelRect& r) {
        if (r.empty()) return;
        glBindFramebuffer(GL_READ_FRAMEBUFFER, from.get());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to.get());
        glBlitFramebuffer(r.x0, r.y0, r.x1, r.y1, r.x0, r.y0, r.x1, r.y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }

    // ---- tile ----

    // Leaves the tile in the frame buffer, bound for reading.
    void drawTile(const Frame& f, const Tile& t) {
        ensureTargets(t.width, t.height);
        finished.reset();  // the frame buffer is about to hold something else
        glViewport(0, 0, t.width, t.height);
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE);
        glDisable(GL_SCISSOR_TEST);
        glEnable(GL_BLEND);
        blendOver();

        if (f.panelsOnly) {
            for (const ImageBox& b : f.restored) copyRect(underFbo, frameFbo, rectFor(t, b, 0));
        } else if (f.reuseUnder) {
            copyTile(underFbo, frameFbo, t);
        } else {
            drawUnderScreen(f, t);
            if (f.storeUnder) copyTile(frameFbo, underFbo, t);
        }
        for (const PreparedLayer& p : f.layers)
            if (p.screen) drawScreen(t, *p.screen, f.panelsOnly ? &f.changedPanels : nullptr);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, frameFbo.get());
        ++stats.tilesDrawn;
    }

    // Everything but the screen layers: the drawn layers (from the base image where it serves),
    // then the labels.
    void drawUnderScreen(const Frame& f, const Tile& t) {
        size_t from = 0;
        if (f.reuseBase > 0) {
            copyTile(baseFbo, frameFbo, t);
            if (f.advanceBase) {
                drawLayers(f, t, f.reuseBase - 1, f.reuseBase);
                copyTile(frameFbo, baseFbo, t);
            }
            from = f.reuseBase;
            if (f.storeBase > from) {  // grown
                drawLayers(f, t, from, f.storeBase);
                copyTile(frameFbo, baseFbo, t);
                from = f.storeBase;
            }
        } else {
            if (f.reuseBackdrop > 0) {
                copyTile(backdropFbo, frameFbo, t);
                from = f.reuseBackdrop;
            } else {
                glBindFramebuffer(GL_FRAMEBUFFER, frameFbo.get());
                const scene::Color& bg = f.scene->background;
                glClearColor(bg.r, bg.g, bg.b, bg.a);
                glClear(GL_COLOR_BUFFER_BIT);
            }
            if (f.storeBackdrop > 0) {
                drawLayers(f, t, 0, f.storeBackdrop);
                copyTile(frameFbo, backdropFbo, t);
                from = f.storeBackdrop;
            }
            if (f.storeBase > 0) {
                drawLayers(f, t, from, f.storeBase);
                copyTile(frameFbo, baseFbo, t);
                from = f.storeBase;
            }
        }
        drawLayers(f, t, from, f.drawn.size());

        // Labels last, above every layer, in layer order.
        size_t labelLayer = 0;
        for (const PreparedLayer& p : f.layers) {
            if (auto* labels = std::get_if<scene::LabelLayer>(&p.layer->content)) {
                HaloCoverage& halo = haloCoverage(labelLayer++);
                glBindFramebuffer(GL_FRAMEBUFFER, frameFbo.get());
                drawLabels(f, t, *labels, p, halo);
            }
        }
    }

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
};

Renderer::Renderer() {
    // Whoever made the context loaded the GL entry points through glad (GlContext, the viewer's window).
    if (!GLAD_GL_VERSION_3_3) throw Error("no current OpenGL 3.3 core context for the renderer");
    impl_ = std::make_unique<Impl>();
}

Renderer::~Renderer() = default;

Image Renderer::renderToImage(const scene::Scene& scene, int width, int height, float scale) {
    // Made before prepare() has checked the size (a reused frame skips it): never negative.
    Image image(width > 0 ? width : 0, height > 0 ? height : 0);
    // Reads the tile t from the frame buffer bound for reading into its place in the image, then
    // turns its rows over there (GL's run bottom-up, the image's top-down): no second copy of a
    // tile of up to 16 MB.
    auto readTile = [&](const Tile& t) {
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glPixelStorei(GL_PACK_ROW_LENGTH, image.width);
        glReadPixels(0, 0, t.width, t.height, GL_RGBA, GL_UNSIGNED_BYTE, image.pixel(t.x, t.y));
        glPixelStorei(GL_PACK_ROW_LENGTH, 0);
        const size_t rowBytes = static_cast<size_t>(t.width) * 4;
        for (int r = 0; r < t.height / 2; ++r)
            std::swap_ranges(image.pixel(t.x, t.y + r), image.pixel(t.x, t.y + r) + rowBytes,
                             image.pixel(t.x, t.y + t.height - 1 - r));
    };
    if (impl_->reuseFinished(scene, width, height, scale)) {
        readTile(Tile{0, 0, width, height});
    } else {
        Frame f = impl_->prepare(scene, width, height, scale);
        impl_->forEachTile(f, readTile);
        impl_->keepFinished(f);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return image;
}

void Renderer::draw(const scene::Scene& scene, Viewport target, float scale) {
    GLint framebuffer = 0;
    GLint viewport[4] = {0, 0, 0, 0};
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &framebuffer);
    glGetIntegerv(GL_VIEWPORT, viewport);
    // Copies the tile t from the frame buffer bound for reading into the target.
    auto blitTile = [&](const Tile& t) {
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(framebuffer));
        int x = target.x + t.x;
        int y = target.y + (target.height - t.y - t.height);
        glBlitFramebuffer(0, 0, t.width, t.height, x, y, x + t.width, y + t.height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    };
    if (impl_->reuseFinished(scene, target.width, target.height, scale)) {
        blitTile(Tile{0, 0, target.width, target.height});
    } else {
        Frame f = impl_->prepare(scene, target.width, target.height, scale);
        impl_->forEachTile(f, blitTile);
        impl_->keepFinished(f);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(framebuffer));
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
}

void Renderer::prepareMeshes(const scene::Scene& scene) { impl_->prepareMeshes(scene); }

void Renderer::setMaxTileSize(int pixels) { impl_->maxTile = std::clamp(pixels, 16, impl_->hardwareMaxTile); }

void Renderer::setKeepImages(bool keep) {
    if (keep == impl_->keepImages) return;
    impl_->keepImages = keep;
    impl_->base.reset();
    impl_->backdrop.reset();
    impl_->under.reset();
    impl_->lastUnderContext.reset();
    impl_->targetWidth = impl_->targetHeight = 0;  // made again, with or without the kept images
}

const RenderStats& Renderer::stats() const { return impl_->stats; }

}  // namespace cmap::render
