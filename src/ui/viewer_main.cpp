// The viewer's window and frame loop: GLFW window with a GL 3.3 core context, ImGui with
// DejaVu Sans through FreeType, the map drawn by the renderer under the panels.
#include <nlohmann/json.hpp>

#include <glad/gl.h>
// glad before GLFW: GLFW must not pull in the system GL header.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_freetype.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "core/error.h"
#include "core/log.h"
#include "render/font_atlas.h"
#include "render/image.h"
#include "ui/map_frame_cache.h"
#include "ui/panels.h"
#include "ui/viewer.h"

namespace cmap::ui {
namespace {

// GLFW calls back with the window only; the viewer's pending drops live in this struct, which
// the window's user pointer points at while the loop runs.
// Latin with extensions, Greek, Cyrillic, general punctuation (dashes, quotes), currency and
// arrows: what news text and transliterated place names use; the check mark of reviewed mentions.
// ImGui keeps the pointer.
constexpr ImWchar kUiGlyphRanges[] = {0x0020, 0x024F, 0x0300, 0x036F, 0x0370, 0x03FF, 0x0400, 0x052F, 0x1E00, 0x1EFF,
                                      0x2000, 0x206F, 0x20A0, 0x20CF, 0x2190, 0x21FF, 0x2713, 0x2713, 0};

struct WindowEvents {
    std::vector<std::string> dropped;
};

void onDrop(GLFWwindow* window, int count, const char** paths) {
    auto* events = static_cast<WindowEvents*>(glfwGetWindowUserPointer(window));
    for (int i = 0; i < count; ++i) events->dropped.emplace_back(paths[i]);
}

// One owner for the window and the ImGui context, so every exit path tears them down in order.
class Window {
public:
    Window(int width, int height, bool visible) {
        if (glfwInit() != GLFW_TRUE) {
            const char* d = nullptr;
            glfwGetError(&d);
            throw Error(std::string("cannot open the viewer: no display (set DISPLAY, or run under xvfb-run -a)") +
                        (d ? std::string(" [") + d + "]" : ""));
        }
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
        window_ = glfwCreateWindow(width, height, "conflictmap", nullptr, nullptr);
        if (!window_) throw Error("cannot open the viewer: no OpenGL 3.3 core context on this display");
        glfwMakeContextCurrent(window_);
        if (!gladLoadGL(glfwGetProcAddress)) throw Error("cannot load OpenGL 3.3 core functions");
    }
    ~Window() {
        if (imgui_) {
            ImGui_ImplOpenGL3_Shutdown();
            ImGui_ImplGlfw_Shutdown();
            ImGui::DestroyContext();
        }
        if (window_) glfwDestroyWindow(window_);
    }
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    void initImGui(float fontPx) {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        imgui_ = true;
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;  // panels are laid out by code; nothing to remember in imgui.ini
        io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
        io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
        font_ = render::defaultFont();
        ImFontConfig cfg;
        cfg.OversampleH = cfg.OversampleV = 1;
        cfg.FontDataOwnedByAtlas = false;  // font_ keeps the bytes; the atlas only reads them
        io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(font_.bytes.data()), static_cast<int>(font_.bytes.size()),
                                       fontPx, &cfg, kUiGlyphRanges);
        styleCalm();
        ImGui_ImplGlfw_InitForOpenGL(window_, true);
        ImGui_ImplOpenGL3_Init("#version 330 core");
    }
    GLFWwindow* get() const { return window_; }

    /// Full screen on the primary monitor, or back to the window it was. Throws nothing.
    void setFullScreen(bool on) {
        if (on == fullScreen_) return;
        if (on) {
            GLFWmonitor* monitor = glfwGetPrimaryMonitor();
            const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
            if (!mode) return;  // no monitor to fill: present in the window as it is
            glfwGetWindowPos(window_, &saved_[0], &saved_[1]);
            glfwGetWindowSize(window_, &saved_[2], &saved_[3]);
            glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
        } else {
            glfwSetWindowMonitor(window_, nullptr, saved_[0], saved_[1], saved_[2], saved_[3], GLFW_DONT_CARE);
        }
        fullScreen_ = on;
    }

private:
    // A light, quiet look: the map carries the colour, panels stay grey and flat.
    static void styleCalm() {
        ImGui::StyleColorsLight();
        ImGuiStyle& s = ImGui::GetStyle();
        s.WindowRounding = 0;
        s.WindowBorderSize = 1;
        s.FrameRounding = 3;
        s.GrabRounding = 3;
        s.PopupRounding = 4;
        s.WindowPadding = ImVec2(10, 8);
        s.FramePadding = ImVec2(6, 3);
        s.ItemSpacing = ImVec2(8, 5);
        ImVec4* c = s.Colors;
        c[ImGuiCol_WindowBg] = ImVec4(0.965f, 0.965f, 0.955f, 1);
        c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 0);
        c[ImGuiCol_PopupBg] = ImVec4(0.99f, 0.99f, 0.985f, 0.98f);
        c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = c[ImGuiCol_TitleBgCollapsed] = ImVec4(0.90f, 0.90f, 0.88f, 1);
        c[ImGuiCol_MenuBarBg] = ImVec4(0.93f, 0.93f, 0.92f, 1);
        c[ImGuiCol_Border] = ImVec4(0.78f, 0.78f, 0.76f, 1);
        c[ImGuiCol_Header] = ImVec4(0.82f, 0.87f, 0.93f, 1);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.75f, 0.83f, 0.92f, 1);
        c[ImGuiCol_Button] = ImVec4(0.88f, 0.89f, 0.90f, 1);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.78f, 0.84f, 0.92f, 1);
        c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_CheckMark] = ImVec4(0.12f, 0.31f, 0.47f, 1);
    }

    GLFWwindow* window_ = nullptr;
    bool imgui_ = false;
    render::FontData font_;  // the UI font's bytes, read by ImGui's atlas while it lives
    bool fullScreen_ = false;
    int saved_[4] = {0, 0, 0, 0};  ///< the window's x, y, width, height before full screen
};

// The whole window (panels included) as an image, read back from the frame just drawn.
render::Image readWindow(int w, int h) {
    // Read into the image itself and turned over in place: no second copy of the window.
    render::Image img(w, h);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    img.flipRows(0, 0, w, h);
    for (size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
    return img;
}

struct MapTimes {
    double buildMs = 0, drawMs = 0;
    size_t meshes = 0, triangulations = 0, pointLayers = 0;  ///< renderer totals so far
    size_t redraws = 0;
};

// Meshes for everything the content can show (every date, every layer visible), made when the
// content or the projection changes rather than when a polygon first shows: the first region that
// came in while the timeline scrubbed (Central Asia on 1 September 2015) cost that frame the load
// of the regions layer (30 ms) and the meshing of each new area. Throws InputError for a bad
// projection.
void prepareMeshes(Viewer& v, const scene::MapState& state, const Rect& r) {
    MapCanvas::PreparedMeshes& prepared = v.canvas.prepared;
    if (prepared.revision == v.session.revision && prepared.projection == state.projection) return;
    auto t0 = std::chrono::steady_clock::now();
    scene::MapState all = state;
    all.time.reset();
    for (auto& [id, style] : all.styles) {
        style.visible = true;
        style.opacity = 1;
    }
    v.renderer->prepareMeshes(scene::buildMapScene(*v.session.content, all, r.w, r.h, v.sceneCache));
    prepared = {v.session.revision, state.projection};
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    log::debug("map meshes prepared in " + std::to_string(std::lround(ms)) + " ms");
}

// The map into the cache when what it shows changed, then the cached pixels into the window.
void drawMap(Viewer& v, MapFrameCache& cache, const Rect& r, float scale, int fbHeight, MapTimes& times) {
    if (r.w < 1 || r.h < 1) return;
    scene::MapState state = v.mapState();
    int w = static_cast<int>(r.w * scale), h = static_cast<int>(r.h * scale);
    // Furniture settings and the titles are not part of the map state, but of its pixels.
    const MapFrameKey key{v.session.revision, state, r.w, r.h, scale, v.furnitureText(), v.session.workspace.furniture};
    const bool redraw = !cache.holds(key, w, h);
    auto t0 = std::chrono::steady_clock::now();
    scene::Scene scene;
    try {
        // Also when the cached image stands: once runViewer turns to the world's basemap, its
        // meshes are made on a frame that draws nothing else.
        prepareMeshes(v, state, r);
        if (redraw) scene = v.mapScene(r.w, r.h);
    } catch (const Error& e) {
        // A projection that passed the check may still fail for this content: go back.
        v.reportError(e.what());
        applyProjection(v.canvas, ProjectionChoice::Fitted);
        return;
    }
    if (redraw) {
        auto t1 = std::chrono::steady_clock::now();
        cache.beginDraw(key, w, h);
        v.renderer->draw(scene, render::Viewport{0, 0, w, h}, scale);
        cache.endDraw();
        times.buildMs += std::chrono::duration<double, std::milli>(t1 - t0).count();
        times.drawMs += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count();
        ++times.redraws;
    }
    cache.blitToWindow(static_cast<int>(r.x * scale), fbHeight - static_cast<int>(r.y * scale) - h);
    const render::RenderStats& st = v.renderer->stats();
    times.meshes = st.meshesBuilt;
    times.triangulations = st.triangulations;
    times.pointLayers = st.pointLayersProjected;
}

struct FrameTimes {
    std::vector<double> ms;
    MapTimes map;
    void print() const {
        if (ms.empty()) return;
        std::vector<double> s = ms;
        std::sort(s.begin(), s.end());
        double mean = std::accumulate(s.begin(), s.end(), 0.0) / static_cast<double>(s.size());
        std::printf("frames %zu  mean %.1f ms  median %.1f ms  p95 %.1f ms  max %.1f ms\n", s.size(), mean,
                    s[s.size() / 2], s[std::min(s.size() - 1, s.size() * 95 / 100)], s.back());
        std::printf("map redrawn in %zu frames; per frame: scene %.1f ms, renderer %.1f ms; renderer built %zu meshes, %zu triangulations, "
                    "%zu point layers in all\n",
                    map.redraws, map.buildMs / static_cast<double>(s.size()), map.drawMs / static_cast<double>(s.size()), map.meshes,
                    map.triangulations, map.pointLayers);
    }
};

}  // namespace

int runViewer(const ViewerOptions& options) {
    bool headless = options.screenshot.has_value();
    Viewer v(options);
    auto sinkGuard = v.log.install();
    log::setLevel(log::Level::Debug);  // the console filters by level; keep everything for it
    // The content loads on the background jobs while the window and its GL context are made: on
    // llvmpipe, about as long.
    v.start();

    Window window(options.width, options.height, !headless);
    glfwSwapInterval(headless || options.timings ? 0 : 1);
    // The renderer's GL objects go before the window's context does, however the run ends.
    struct RendererFirst {
        Viewer& v;
        ~RendererFirst() { v.renderer.reset(); }
    } rendererFirst{v};
    v.renderer = std::make_unique<render::Renderer>();
    // The first view's basemap holds only what that view shows: the world's subdivisions were
    // most of the first frame's projecting and meshing. The whole world, which the map pans over
    // without new meshes, comes once the first frame is on screen, or as soon as the view moves.
    v.sceneCache = scene::SceneCache(scene::SceneCache::Views::One);
    bool wholeWorld = false;
    window.initImGui(16.f);

    MapFrameCache mapCache;  // before the window goes: its GL objects need the context
    WindowEvents events;
    glfwSetWindowUserPointer(window.get(), &events);
    glfwSetDropCallback(window.get(), onDrop);
    if (options.date) {
        if (auto d = model::Date::parse(*options.date)) {
            v.timeline.showAll = false;
            v.timeline.day = d->firstDay();
        } else {
            throw InputError("--date: '" + *options.date + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        }
    }
    bool presentPending = options.present.has_value();
    if (presentPending && *options.present >= v.session.workspace.slides.size())
        throw InputError("--present " + std::to_string(*options.present + 1) + ": the workspace has " +
                         std::to_string(v.session.workspace.slides.size()) + " slides");

    auto clock = std::chrono::steady_clock::now;
    auto t0 = clock(), last = t0;
    int settledFrames = 0;
    FrameTimes times;
    while (!glfwWindowShouldClose(window.get()) && !v.quit) {
        glfwPollEvents();
        auto t = clock();
        double dt = std::chrono::duration<double>(t - last).count();
        last = t;
        v.now = std::chrono::duration<double>(t - t0).count();
        if (!events.dropped.empty()) {
            v.openDropped(events.dropped);
            events.dropped.clear();
        }
        v.jobs.applyFinished();
        if (options.scrub && !v.jobs.busy()) v.timeline.step(1);
        v.timeline.advance(dt);

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();

        int winW = 0, winH = 0, fbW = 0, fbH = 0;
        glfwGetWindowSize(window.get(), &winW, &winH);
        glfwGetFramebufferSize(window.get(), &fbW, &fbH);
        float scale = winW > 0 ? static_cast<float>(fbW) / static_cast<float>(winW) : 1.f;

        // Presenting starts once everything is loaded: a slide's state depends on the content.
        if (presentPending && !v.jobs.busy()) {
            startPresentation(v, *options.present);
            presentPending = false;
        }
        handlePresentationKeys(v);
        advancePresentation(v, dt);
        if (!headless) window.setFullScreen(v.presentation.active);
        Layout layout;
        if (v.presentation.active) {
            // The map alone, the whole window: what `export --slide` draws at this size.
            layout.map = {0, 0, static_cast<float>(winW), static_cast<float>(winH)};
            v.canvas.rect = layout.map;
            fitPresentationToCanvas(v);
            v.canvas.camera.advance(dt);
        } else {
            layout = drawViewerPanels(v, static_cast<float>(winW), static_cast<float>(winH), dt, !headless);
        }
        ImGui::Render();

        glViewport(0, 0, fbW, fbH);
        // The docked panels' background (beginPanel draws none of its own).
        const ImVec4& bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(bg.x, bg.y, bg.z, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        if (!wholeWorld && (v.canvas.camera.view || (!headless && settledFrames > 0))) {
            v.sceneCache = scene::SceneCache(scene::SceneCache::Views::Many);
            v.canvas.prepared = {};
            wholeWorld = true;
        }
        MapTimes mapTimes;
        drawMap(v, mapCache, layout.map, scale, fbH, mapTimes);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

        v.tickAutosave();
        // ImGui sizes a window that fits its contents in the window's first frame and shows it
        // from the second (the tool strip, the projection box), and shows a scroll bar the frame
        // after the content overflowed: the window looks as it will from its third frame on.
        bool settled = !v.jobs.busy() && !presentPending && !presentationMoving(v) && ImGui::GetFrameCount() >= 3;
        if (settled) ++settledFrames;
        if (options.timings && settledFrames > 1) {
            glFinish();  // llvmpipe renders lazily: count the drawing in the frame that asked for it
            times.ms.push_back(std::chrono::duration<double, std::milli>(clock() - t).count());
            times.map.buildMs += mapTimes.buildMs;
            times.map.drawMs += mapTimes.drawMs;
            times.map.redraws += mapTimes.redraws;
            times.map.meshes = mapTimes.meshes;
            times.map.triangulations = mapTimes.triangulations;
            times.map.pointLayers = mapTimes.pointLayers;
        }
        if (headless && settledFrames >= options.frames) {
            glFinish();
            readWindow(fbW, fbH).savePng(*options.screenshot);
            log::info("wrote " + options.screenshot->string());
            break;
        }
        // Nobody sees a headless window: a swap would only copy every frame to the X server. The
        // frame is still waited for, as a swap waits: llvmpipe otherwise takes a new scene (its
        // bins, some megabytes each, kept for reuse) for every frame queued ahead of its
        // rasterizer, and a loop that outruns it (a million events importing) ends up holding
        // dozens of them: 75 MB.
        if (!headless) glfwSwapBuffers(window.get());
        else glFinish();
    }
    if (options.timings) times.print();
    // A clean exit: unsaved changes are the user's choice now, not a crash to recover from.
    // A copy offered and not answered (the window closed over the prompt) stays for next time.
    if (!headless && !v.recovery) v.autosave.discard();
    glfwSetWindowUserPointer(window.get(), nullptr);
    return 0;
}

}  // namespace cmap::ui
