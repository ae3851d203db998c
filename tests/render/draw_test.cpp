// The viewer calls draw() into its own framebuffer; export calls renderToImage(). Both must give
// the same pixels (DESIGN.md: what you see is what you export).
#include <doctest/doctest.h>

#include <glad/gl.h>

#include <cstring>
#include <vector>

#include "render/render_harness.h"
#include "scene/scene.h"

using namespace cmap;

TEST_CASE("draw() into a window's framebuffer matches renderToImage()") {
    scene::Scene s;
    s.projection = "EPSG:4326";
    s.view = scene::View{{0, 0}, 0.1};
    s.background = scene::rgb(0xeeeeee);
    auto shapes = test::polygons({{{{-5, -3}, {5, -3}, {0, 4}}}});
    s.add("fill", scene::FillLayer{shapes, scene::rgb(0x3366aa), {}, std::nullopt});
    s.add("outline", scene::LineLayer{shapes, scene::rgb(0x111111), 2});

    auto& r = test::renderer();
    const int w = 120, h = 90;
    render::Image expected = r.renderToImage(s, w, h);

    // A stand-in for the viewer's window: a framebuffer larger than the map's viewport.
    GLuint fbo = 0, color = 0;
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &color);
    glBindRenderbuffer(GL_RENDERBUFFER, color);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w + 40, h + 30);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
    glViewport(0, 0, w + 40, h + 30);
    glClearColor(1, 0, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    r.draw(s, render::Viewport{25, 10, w, h});

    GLint bound = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
    CHECK(bound == static_cast<GLint>(fbo));  // the caller's state is left as it was

    std::vector<uint8_t> rows(static_cast<size_t>(w * h * 4));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(25, 10, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
    render::Image drawn(w, h);
    for (int y = 0; y < h; ++y)
        std::memcpy(drawn.pixel(0, y), &rows[static_cast<size_t>((h - 1 - y) * w * 4)], static_cast<size_t>(w * 4));
    CHECK(test::differingPixels(expected, drawn, 0) == 0);

    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteRenderbuffers(1, &color);
    glDeleteFramebuffers(1, &fbo);
}
