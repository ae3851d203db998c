#include "render/gl_context.h"

#include <glad/gl.h>
// glad before GLFW: GLFW must not pull in the system GL header.
#include <GLFW/glfw3.h>

#include <mutex>
#include <string>

#include "core/error.h"

namespace cmap::render {
namespace {

// GLFW is process-global: initialise it once for every context and viewer window in the process,
// never terminate (the viewer may still own windows).
std::string glfwProblem() {
    const char* description = nullptr;
    glfwGetError(&description);
    return description ? description : "unknown GLFW error";
}

void initGlfwOnce() {
    static std::once_flag once;
    static bool ok = false;
    static std::string problem;
    std::call_once(once, [] {
        ok = glfwInit() == GLFW_TRUE;
        if (!ok) problem = glfwProblem();
    });
    if (!ok)
        throw Error("cannot open a display for OpenGL (run under xvfb-run -a): " + problem);
}

}  // namespace

GlContext::GlContext() {
    initGlfwOnce();
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    window_ = glfwCreateWindow(16, 16, "conflictmap offscreen", nullptr, nullptr);
    if (!window_) throw Error("cannot create an OpenGL 3.3 core context: " + glfwProblem());
    glfwMakeContextCurrent(window_);
    if (!gladLoadGL(glfwGetProcAddress)) {
        glfwDestroyWindow(window_);
        throw Error("cannot load OpenGL 3.3 core functions");
    }
}

GlContext::~GlContext() {
    if (window_) glfwDestroyWindow(window_);
}

void GlContext::makeCurrent() { glfwMakeContextCurrent(window_); }

}  // namespace cmap::render
