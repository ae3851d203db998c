#include "render/gl_context.h"

#include <glad/egl.h>
#include <glad/gl.h>

#include <cstdio>
#include <mutex>
#include <string>

#include "core/error.h"

namespace cmap::render {
namespace {

std::string eglProblem() {
    char code[16];
    std::snprintf(code, sizeof code, "0x%04x", static_cast<unsigned>(eglGetError()));
    return code;
}

// The display is process-wide, initialised once and never terminated: every context of the
// process (a test makes several) shares it, and EGL does not count its users.
struct Display {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLConfig config = nullptr;  // null: EGL_KHR_no_config_context
    std::string problem;
};

const Display& display() {
    static Display d;
    static std::once_flag once;
    std::call_once(once, [] {
        // glad opens libEGL.so.1 itself: a machine without it runs every command that draws nothing.
        if (!gladLoaderLoadEGL(EGL_NO_DISPLAY)) {
            d.problem = "cannot draw: libEGL.so.1 cannot be loaded (Debian packages libegl1 and libegl-mesa0)";
            return;
        }
        if (!GLAD_EGL_EXT_platform_base || !GLAD_EGL_MESA_platform_surfaceless) {
            d.problem = "cannot draw: EGL has no surfaceless platform (Mesa's, Debian package libegl-mesa0)";
            return;
        }
        d.display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
        EGLint major = 0, minor = 0;
        if (d.display == EGL_NO_DISPLAY || !eglInitialize(d.display, &major, &minor)) {
            d.problem = "cannot draw: EGL's surfaceless display does not initialise (EGL error " + eglProblem() + ")";
            d.display = EGL_NO_DISPLAY;
            return;
        }
        // Again with the display: its version and extensions decide which functions load.
        gladLoaderLoadEGL(d.display);
        const EGLint want[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
        EGLint found = 0;
        if (!eglChooseConfig(d.display, want, &d.config, 1, &found) || found < 1) d.config = nullptr;
    });
    if (!d.problem.empty()) throw Error(d.problem);
    return d;
}

}  // namespace

struct GlContext::Impl {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext context = EGL_NO_CONTEXT;
};

GlContext::GlContext() : impl_(std::make_unique<Impl>()) {
    const Display& d = display();
    impl_->display = d.display;
    if (!eglBindAPI(EGL_OPENGL_API)) throw Error("cannot draw: EGL has no desktop OpenGL (EGL error " + eglProblem() + ")");
    const EGLint attributes[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                 EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    impl_->context = eglCreateContext(d.display, d.config, EGL_NO_CONTEXT, attributes);
    if (impl_->context == EGL_NO_CONTEXT)
        throw Error("cannot draw: no OpenGL 3.3 core context through EGL (EGL error " + eglProblem() + ")");
    makeCurrent();
    if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(eglGetProcAddress))) {
        release();
        eglDestroyContext(impl_->display, impl_->context);
        throw Error("cannot draw: the OpenGL 3.3 core functions do not load");
    }
}

GlContext::~GlContext() {
    release();
    eglDestroyContext(impl_->display, impl_->context);
}

void GlContext::makeCurrent() {
    if (!eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, impl_->context))
        throw Error("cannot draw: EGL cannot make the context current (EGL error " + eglProblem() + ")");
}

void GlContext::release() { eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT); }

}  // namespace cmap::render
