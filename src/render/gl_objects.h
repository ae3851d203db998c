#pragma once
// Owning handles for GL objects, so that a throw mid-setup leaks nothing. All need the context that
// created them to be current when they die.
#include <glad/gl.h>

#include <string_view>
#include <utility>

namespace cmap::render {

template <void (*Delete)(GLuint)>
class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(GLuint id) : id_(id) {}
    GlHandle(GlHandle&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
    GlHandle& operator=(GlHandle&& o) noexcept {
        if (this != &o) {
            reset();
            id_ = std::exchange(o.id_, 0);
        }
        return *this;
    }
    ~GlHandle() { reset(); }
    void reset() {
        if (id_) Delete(id_);
        id_ = 0;
    }
    GLuint get() const { return id_; }
    explicit operator bool() const { return id_ != 0; }

private:
    GLuint id_ = 0;
};

namespace detail {
inline void deleteBuffer(GLuint id) { glDeleteBuffers(1, &id); }
inline void deleteVertexArray(GLuint id) { glDeleteVertexArrays(1, &id); }
inline void deleteTexture(GLuint id) { glDeleteTextures(1, &id); }
inline void deleteFramebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
inline void deleteRenderbuffer(GLuint id) { glDeleteRenderbuffers(1, &id); }
inline void deleteProgram(GLuint id) { glDeleteProgram(id); }
}  // namespace detail

using Buffer = GlHandle<detail::deleteBuffer>;
using VertexArray = GlHandle<detail::deleteVertexArray>;
using Texture = GlHandle<detail::deleteTexture>;
using Framebuffer = GlHandle<detail::deleteFramebuffer>;
using Renderbuffer = GlHandle<detail::deleteRenderbuffer>;
using ProgramHandle = GlHandle<detail::deleteProgram>;

inline Buffer makeBuffer() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    return Buffer(id);
}
inline VertexArray makeVertexArray() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return VertexArray(id);
}
inline Texture makeTexture() {
    GLuint id = 0;
    glGenTextures(1, &id);
    return Texture(id);
}
inline Framebuffer makeFramebuffer() {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    return Framebuffer(id);
}
inline Renderbuffer makeRenderbuffer() {
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    return Renderbuffer(id);
}

/// A linked program built from embedded shaders (a geometry stage when geom is not empty).
/// Throws Error with the compiler's log when a stage does not compile or link.
class Program {
public:
    Program() = default;
    Program(std::string_view vert, std::string_view frag, std::string_view geom = {});
    GLuint id() const { return program_.get(); }
    GLint uniform(const char* name) const { return glGetUniformLocation(program_.get(), name); }
    void use() const { glUseProgram(program_.get()); }

private:
    ProgramHandle program_;
};

}  // namespace cmap::render
