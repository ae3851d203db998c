#pragma once
// An OpenGL 3.3 core context with no window and no display: what `export`, `animate` and the
// render tests draw with (EGL on Mesa's surfaceless platform, llvmpipe where there is no GPU). The
// viewer has its own window (GLFW) and does not need this.
#include <memory>

namespace cmap::render {

class GlContext {
public:
    /// Creates the context and makes it current on this thread. Throws Error (one line) when
    /// libEGL cannot be loaded, EGL has no surfaceless display, or no GL 3.3 core context comes.
    GlContext();
    ~GlContext();
    GlContext(const GlContext&) = delete;
    GlContext& operator=(const GlContext&) = delete;

    /// Makes the context current on the calling thread. Throws Error when EGL refuses.
    void makeCurrent();
    /// Makes it current on no thread, so that another one may take it. Throws nothing.
    void release();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cmap::render
