#pragma once
// The renderer of the command line: a headless GL context (GlContext) and a Renderer made on a
// thread of their own while the caller loads its content. On llvmpipe, loading the driver and
// compiling the shaders cost about a fifth of a second, as long as the loading itself.
#include <future>
#include <memory>

#include "render/gl_context.h"
#include "render/renderer.h"

namespace cmap::render {

class HeadlessRenderer {
public:
    /// Starts making the context and the renderer. Throws nothing (get() reports failures).
    HeadlessRenderer();
    /// Waits for the thread when get() was never called, then frees the renderer with its context.
    ~HeadlessRenderer();
    HeadlessRenderer(const HeadlessRenderer&) = delete;
    HeadlessRenderer& operator=(const HeadlessRenderer&) = delete;

    /// The renderer, its context current on the calling thread from now on; waits for it the
    /// first time. Throws the Error that stopped the thread (no EGL, no GL 3.3) each time.
    Renderer& get();

private:
    struct Made {
        std::unique_ptr<GlContext> context;
        std::unique_ptr<Renderer> renderer;
    };
    std::future<Made> pending_;
    Made made_;
};

}  // namespace cmap::render
