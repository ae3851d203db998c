#pragma once
// Draws a scene::Scene with OpenGL 3.3 core. One render path (DESIGN.md): export, render tests and
// the GUI's screenshot call renderToImage; the viewer's frame calls draw(), which renders the same
// way into the same offscreen buffers and copies the result into the window.
#include <memory>

#include "render/image.h"
#include "scene/scene.h"

namespace cmap::render {

/// A rectangle of the current draw framebuffer in device pixels, GL convention (origin bottom-left).
struct Viewport {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
};

/// What the renderer had to (re)build, for tests and the viewer's debug panel.
struct RenderStats {
    size_t meshesBuilt = 0;          ///< FeatureSets projected and uploaded
    size_t triangulations = 0;       ///< fill index buffers built
    size_t pointLayersProjected = 0; ///< point and label layers projected
    size_t tilesDrawn = 0;
    size_t labelsPlaced = 0;         ///< in the last frame
    size_t labelsDropped = 0;        ///< in the last frame, for lack of room
    size_t baseDrawn = 0;            ///< frames that drew their leading layers and kept them as an image
    size_t baseReused = 0;           ///< frames that copied those layers in from the kept image
    size_t baseGrown = 0;            ///< of those, frames that kept more layers with it (drawn as the frame before drew them)
    size_t backdropReused = 0;       ///< frames that drew them again over the scene's kept backdrop (its basemap)
    size_t underReused = 0;          ///< frames that drew only their furniture, over a kept image of the rest
    size_t panelsKept = 0;           ///< furniture panels of such frames kept from the frame before, not drawn
    size_t halosDrawn = 0;           ///< label halos drawn (the others were kept from an earlier frame)
    size_t haloLabelsDrawn = 0;      ///< labels those drew (round labels that changed, or all of a layer's)
    size_t eventsDrawn = 0;          ///< event instances drawn (those the timeline may show, or new since the kept image)
    size_t framesReused = 0;         ///< frames equal to the last one drawn: its image copied, nothing drawn
    size_t fillsOutlined = 0;        ///< fills drawn single-sampled: their outline, drawn later, covers their edges
};

class Renderer {
public:
    /// Needs a current GL 3.3 core context (a GlContext, or the viewer's window), current for every
    /// later call too. Throws Error when the shaders do not build.
    Renderer();
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    /// Renders into an offscreen buffer of width x height device pixels, scale device pixels per
    /// logical pixel (line widths, marker and text sizes, and the view's unitsPerPixel are logical).
    /// Larger than the GL limits, it renders in tiles. Throws InputError for a bad projection or
    /// size, DataError when the label font is missing.
    Image renderToImage(const scene::Scene& scene, int width, int height, float scale = 1);

    /// Renders the same way into target of the currently bound draw framebuffer.
    void draw(const scene::Scene& scene, Viewport target, float scale = 1);

    /// Builds now what drawing the fill and line layers of scene needs (projected, triangulated
    /// and outlined meshes), and keeps it until the next call or another projection, however long
    /// no frame shows it: the viewer passes everything its content can show when the content
    /// arrives, so that no frame stalls on a polygon shown for the first time. Throws InputError
    /// for a bad projection.
    void prepareMeshes(const scene::Scene& scene);

    /// Caps the tile size below the GL limits (tests use it to check that tiles join seamlessly).
    void setMaxTileSize(int pixels);
    /// Whether the images that save the next frame work (the base image, the backdrop, the image
    /// under the furniture) are kept; on by default. Off, frames are drawn whole and the memory for
    /// those images is never taken: what an export of one image wants. Throws nothing.
    void setKeepImages(bool keep);
    const RenderStats& stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cmap::render
