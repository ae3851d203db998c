#include "render/headless_renderer.h"

#include "core/error.h"

namespace cmap::render {

HeadlessRenderer::HeadlessRenderer()
    : pending_(std::async(std::launch::async, [] {
          Made m;
          m.context = std::make_unique<GlContext>();
          m.renderer = std::make_unique<Renderer>();
          // GL objects belong to the context, not the thread: the caller takes the context over.
          m.context->release();
          return m;
      })) {}

HeadlessRenderer::~HeadlessRenderer() {
    if (pending_.valid()) {
        try {
            made_ = pending_.get();
        } catch (...) {
            return;  // nothing was made, or it is freed already
        }
    }
    if (!made_.context) return;
    try {
        made_.context->makeCurrent();  // the renderer frees GL objects
    } catch (...) {
        made_.renderer.release();  // leaked rather than freed without its context
        return;
    }
    made_.renderer.reset();
}

Renderer& HeadlessRenderer::get() {
    if (pending_.valid()) {
        made_ = pending_.get();
        made_.context->makeCurrent();
    }
    if (!made_.renderer) throw Error("cannot draw: the headless renderer failed before");
    return *made_.renderer;
}

}  // namespace cmap::render
