#pragma once
// Drives ImGui's input state the way the GLFW backend fills it, frame by frame, without a window
// or GL: panel input handlers (keys, clicks, drags) run on it as in the viewer.
#include <imgui.h>

namespace cmap::test {

class ImGuiInput {
public:
    explicit ImGuiInput(float width = 800, float height = 500) : context_(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = {width, height};
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // NewFrame needs a built atlas, not a GPU
    }
    ~ImGuiInput() { ImGui::DestroyContext(context_); }
    ImGuiInput(const ImGuiInput&) = delete;
    ImGuiInput& operator=(const ImGuiInput&) = delete;

    /// One frame: handle runs between NewFrame and EndFrame.
    template <class F>
    void frame(F&& handle) {
        ImGui::GetIO().DeltaTime = 1.f / 60;
        ImGui::NewFrame();
        handle();
        ImGui::EndFrame();
    }
    /// A frame with a key (GLFW key code, as the backend indexes KeysDown) held, then one without.
    template <class F>
    void key(int glfwKey, F&& handle, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[glfwKey] = true;
        io.KeyCtrl = ctrl;
        frame(handle);
        io.KeysDown[glfwKey] = false;
        io.KeyCtrl = false;
        frame(handle);
    }
    /// Moves the pointer to (x, y) with button held or not, for one frame.
    template <class F>
    void mouse(float x, float y, int button, bool down, F&& handle) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = {x, y};
        io.MouseDown[button] = down;
        frame(handle);
    }
    /// A click at (x, y): a frame pressed, a frame released.
    template <class F>
    void click(float x, float y, int button, F&& handle) {
        mouse(x, y, button, true, handle);
        mouse(x, y, button, false, handle);
    }

private:
    ImGuiContext* context_;
};

}  // namespace cmap::test
