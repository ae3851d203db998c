// Frame preparation: the renderer's set-up, the projection and what hangs on it (meshes, point
// and event buffers), and prepare(), which turns a Scene into GPU-ready state for a whole image
// (cached meshes, point buffers, placed labels, laid-out furniture) and asks the frame-reuse
// planner what can come from kept images. Everything here is the same for every tile.
#include <algorithm>

#include "core/error.h"
#include "render/renderer_impl.h"
#include "scene/graticule.h"

namespace cmap::render {
namespace {

void glyphAttributes(const VertexArray& vao, const Buffer& vbo) {
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

// The frame's screen geometry when it has exactly one screen layer.
const ScreenGeometry* onlyScreen(const Frame& f) {
    const ScreenGeometry* found = nullptr;
    for (const PreparedLayer& p : f.layers) {
        if (!p.screen) continue;
        if (found) return nullptr;
        found = &*p.screen;
    }
    return found;
}

}  // namespace

Renderer::Impl::Impl() {
    GLint maxSamples = 0;
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    targets.samples = std::clamp(maxSamples, 1, 4);
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

void Renderer::Impl::useProjection(const std::string& definition) {
    if (projection && definition == projectionDefinition) return;
    auto created = geo::Projection::create(definition);  // throws InputError before any change
    meshes.clear();
    pointBuffers.clear();
    eventBuffers.clear();
    reuse.projectionChanged();
    globe = scene::worldOutline(created.centralMeridian());
    projection.emplace(std::move(created));
    projectionDefinition = definition;
}

Renderer::Impl::MeshEntry* Renderer::Impl::entryFor(const geo::FeatureSetPtr& features) {
    if (!features) return nullptr;
    MeshEntry& entry = meshes[features.get()];
    if (!entry.mesh) {
        entry.mesh = std::make_unique<FeatureMesh>(features, *projection);
        ++stats.meshesBuilt;
    }
    entry.lastFrame = frameNumber;
    return &entry;
}

// A fill's edges are its rings, which a line layer of the same features draws as antialiased
// lines over them: at least kCoveringPx wide and opaque enough that the fill's own staircase edge
// shows through by at most kShowingThrough (a mentioned area's hatch under its outline: at most
// 0.16), it leaves nothing of multisampling the fill (a copy of the frame in and out, four samples
// a pixel) to see, even four times enlarged. On llvmpipe that is a quarter of a 1080p export's
// time.
void Renderer::Impl::outlinedFills(Frame& f) {
    constexpr float kCoveringPx = 0.75f, kShowingThrough = 0.2f;
    // The most opaque covering line of each feature set met so far, walking back from the top.
    std::vector<std::pair<const geo::FeatureSet*, float>> outlines;
    for (size_t i = f.layers.size(); i-- > 0;) {
        PreparedLayer& p = f.layers[i];
        const auto& content = p.layer->content;
        if (const auto* line = std::get_if<scene::LineLayer>(&content)) {
            if (line->features && line->widthPx * f.scale >= kCoveringPx) outlines.emplace_back(line->features.get(), line->color.a);
        } else if (const auto* fill = std::get_if<scene::FillLayer>(&content)) {
            float lineAlpha = 0;
            for (const auto& [features, alpha] : outlines)
                if (features == fill->features.get()) lineAlpha = std::max(lineAlpha, alpha);
            float fillAlpha = std::max(fill->color.a, fill->hatch ? fill->hatch->color.a : 0.f);
            for (const scene::Color& c : fill->featureColors) fillAlpha = std::max(fillAlpha, c.a);
            p.outlined = fill->features && lineAlpha > 0 && fillAlpha * (1 - lineAlpha) <= kShowingThrough;
        }
    }
}

void Renderer::Impl::triangulate(FeatureMesh& mesh) {
    if (mesh.triangulated()) return;
    mesh.prepareFill();
    ++stats.triangulations;
}

void Renderer::Impl::prepareMeshes(const scene::Scene& s) {
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

geo::FeatureSetPtr Renderer::Impl::graticuleFor(double stepDeg) {
    auto key = static_cast<uint64_t>(std::llround(stepDeg * 1e6));
    auto& set = graticules[key];
    if (!set) set = scene::graticuleLines(stepDeg);
    return set;
}

Frame Renderer::Impl::prepare(const scene::Scene& scene, int width, int height, float scale) {
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
    // Every glyph the frame writes is rasterised before any text is measured, so the layouts
    // below stay valid (a rebuilt atlas moves the glyphs).
    requireGlyphs(f);
    // Furniture's panels cover the map for labels: no place name runs under the legend.
    std::vector<Box> panels;
    for (PreparedLayer& p : f.layers) {
        if (auto* screenLayer = std::get_if<scene::ScreenLayer>(&p.layer->content)) {
            p.screen = layoutScreen(*screenLayer, width, height, scale, *font);
            for (const Box& b : p.screen->panels) panels.push_back(b);
        }
    }
    prepareLabels(f, obstacles, panels);
    outlinedFills(f);
    for (size_t i = 0; i < f.layers.size(); ++i)
        if (!drawnLast(*f.layers[i].layer)) f.drawn.push_back(i);
    ensureTargets(std::min(width, maxTile), std::min(height, maxTile));  // may drop kept images: first
    f.plan = reuse.plan(factsOf(f));
    countPlan(f.plan, stats);
    if (f.plan.advancedFrom) {
        // The kept image shows these events up to an earlier day: the days since go over it.
        PreparedLayer& p = f.layers[f.drawn[f.plan.reuseBase - 1]];
        if (p.events) p.eventRange = {p.events->startedBy(*f.plan.advancedFrom), p.eventRange.end};
    }
    evict();
    return f;
}

FrameFacts Renderer::Impl::factsOf(const Frame& f) const {
    const scene::Scene& s = *f.scene;
    FrameFacts facts;
    facts.layers = s.layers;
    facts.drawn = f.drawn;
    facts.backdrop = s.backdrop;
    facts.context = contextOf(s, f.width, f.height, f.scale);
    facts.singleTile = f.width <= maxTile && f.height <= maxTile;
    facts.keepImages = keepImages;
    facts.furniture = std::any_of(s.layers.begin(), s.layers.end(), [](const scene::Layer& l) {
        return std::holds_alternative<scene::ScreenLayer>(l.content);
    });
    facts.glyphs = f.glyphs;
    facts.markers = f.markers;
    facts.screen = onlyScreen(f);
    return facts;
}

void Renderer::Impl::evict() {
    std::erase_if(meshes, [&](const auto& e) {
        return !e.second.prepared && e.second.lastFrame + kKeepFrames < frameNumber;
    });
    std::erase_if(pointBuffers, [&](const auto& e) { return e.second.lastFrame + kKeepFrames < frameNumber; });
    std::erase_if(eventBuffers, [&](const auto& e) { return e.second.lastFrame + kKeepFrames < frameNumber; });
}

void Renderer::Impl::ensureTargets(int width, int height) {
    if (targets.fit(width, height)) return;
    reuse.imagesLost();  // their pixels go with the old textures
    halos.clear();
    targets.grow(width, height, keepImages);
}

ImageBox Renderer::Impl::meshBox(const Frame& f, const FeatureMesh& mesh) const {
    ImageBox box;
    if (mesh.boxMin().x > mesh.boxMax().x) return box;
    geo::Vec2 a = toPixel(f, mesh.boxMin());
    geo::Vec2 b = toPixel(f, mesh.boxMax());
    box.extend(a.x, a.y);
    box.extend(b.x, b.y);
    return box;
}

void Renderer::Impl::setTransform(const Program& p, const Frame& f, const Tile& t, geo::Vec2 origin) const {
    geo::Vec2 o = toPixel(f, origin);
    glUniform2f(p.uniform("uScale"), static_cast<float>(f.pxPerUnit), static_cast<float>(-f.pxPerUnit));
    glUniform2f(p.uniform("uOffset"), static_cast<float>(o.x), static_cast<float>(o.y));
    glUniform4f(p.uniform("uTile"), static_cast<float>(t.x), static_cast<float>(t.y), static_cast<float>(t.width),
                static_cast<float>(t.height));
}

}  // namespace cmap::render
