#pragma once
// The shaders of shaders/, embedded at build time by shaders/embed.cmake.
#include <cstddef>
#include <string_view>

namespace cmap::render {

struct ShaderSource {
    const char* name;  ///< file name in shaders/, e.g. "line.geom"
    const char* text;
};

extern const ShaderSource kShaderSources[];
extern const size_t kShaderSourceCount;

/// The text of an embedded shader with its `//#include NAME` lines expanded. Throws Error when
/// the name is unknown (a build problem, not a user one).
std::string shaderText(std::string_view name);

}  // namespace cmap::render
