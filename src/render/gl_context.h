#pragma once
// A hidden window that exists only to own an OpenGL 3.3 core context: what `export` and the render
// tests draw with. The viewer has its own visible window and does not need this.
struct GLFWwindow;

namespace cmap::render {

class GlContext {
public:
    /// Creates the context and makes it current on this thread. Throws Error when there is no
    /// display ("run under xvfb-run -a") or no GL 3.3 core support.
    GlContext();
    ~GlContext();
    GlContext(const GlContext&) = delete;
    GlContext& operator=(const GlContext&) = delete;

    void makeCurrent();
    GLFWwindow* window() const { return window_; }

private:
    GLFWwindow* window_ = nullptr;
};

}  // namespace cmap::render
