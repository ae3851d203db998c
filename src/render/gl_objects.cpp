#include "render/gl_objects.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/error.h"
#include "render/shader_sources.h"

namespace cmap::render {
namespace {

std::string infoLog(GLuint id, bool program) {
    GLint length = 0;
    if (program) glGetProgramiv(id, GL_INFO_LOG_LENGTH, &length);
    else glGetShaderiv(id, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<size_t>(std::max(length, 1)), '\0');
    if (program) glGetProgramInfoLog(id, length, nullptr, log.data());
    else glGetShaderInfoLog(id, length, nullptr, log.data());
    return log.c_str();
}

GLuint compile(GLenum stage, std::string_view name) {
    std::string text = shaderText(name);
    GLuint shader = glCreateShader(stage);
    const char* source = text.c_str();
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        std::string log = infoLog(shader, false);
        glDeleteShader(shader);
        throw Error("shader " + std::string(name) + " does not compile: " + log);
    }
    return shader;
}

}  // namespace

std::string shaderText(std::string_view name) {
    for (size_t i = 0; i < kShaderSourceCount; ++i) {
        if (name != kShaderSources[i].name) continue;
        std::string text = kShaderSources[i].text;
        const std::string directive = "//#include ";
        for (size_t at = text.find(directive); at != std::string::npos; at = text.find(directive, at)) {
            size_t end = text.find('\n', at);
            std::string included = text.substr(at + directive.size(), end - at - directive.size());
            std::string body = shaderText(included);
            text.replace(at, end - at, body);
            at += body.size();
        }
        return text;
    }
    throw Error("no embedded shader named " + std::string(name));
}

Program::Program(std::string_view vert, std::string_view frag, std::string_view geom) {
    std::vector<GLuint> shaders{compile(GL_VERTEX_SHADER, vert), compile(GL_FRAGMENT_SHADER, frag)};
    if (!geom.empty()) shaders.push_back(compile(GL_GEOMETRY_SHADER, geom));
    program_ = ProgramHandle(glCreateProgram());
    for (GLuint s : shaders) glAttachShader(program_.get(), s);
    glLinkProgram(program_.get());
    for (GLuint s : shaders) glDeleteShader(s);
    GLint ok = 0;
    glGetProgramiv(program_.get(), GL_LINK_STATUS, &ok);
    if (!ok) throw Error("shaders " + std::string(vert) + " + " + std::string(frag) + " do not link: " + infoLog(program_.get(), true));
}

}  // namespace cmap::render
