#include "ui/shortcuts.h"

#include <imgui.h>

#include <GLFW/glfw3.h>

namespace cmap::ui {
namespace {

using C = Command;
constexpr const char* kAny = "Anywhere";
constexpr const char* kMap = "Map (when no text field has the keyboard)";
constexpr const char* kMentions = "Mentions panel (after a click in it)";
constexpr const char* kPresenting = "Presenting";
constexpr const char* kAnnotating = "Annotation tools";

constexpr Shortcut kTable[] = {
    {C::OpenWorkspace, GLFW_KEY_O, true, false, false, kAny, "Open a workspace"},
    {C::Save, GLFW_KEY_S, true, false, false, kAny, "Save the workspace"},
    {C::SaveAs, GLFW_KEY_S, true, true, false, kAny, "Save the workspace as a new file"},
    {C::ExportPng, GLFW_KEY_E, true, false, false, kAny, "Export the map as PNG"},
    {C::Undo, GLFW_KEY_Z, true, false, true, kAny, "Undo the last edit (annotations and corrections)"},
    {C::Redo, GLFW_KEY_Y, true, false, true, kAny, "Redo"},
    {C::Redo, GLFW_KEY_Z, true, true, true, kAny, "Redo"},
    {C::Help, GLFW_KEY_F1, false, false, false, kAny, "Show this list of shortcuts"},
    {C::Present, GLFW_KEY_F5, false, false, false, kAny, "Present the slides from the selected one"},
    {C::PlayPause, GLFW_KEY_P, false, false, false, kMap, "Play or pause the timeline over its zoomed range"},
    {C::PanLeft, GLFW_KEY_LEFT, false, false, true, kMap, "Pan left"},
    {C::PanRight, GLFW_KEY_RIGHT, false, false, true, kMap, "Pan right"},
    {C::PanUp, GLFW_KEY_UP, false, false, true, kMap, "Pan up"},
    {C::PanDown, GLFW_KEY_DOWN, false, false, true, kMap, "Pan down"},
    {C::ZoomIn, GLFW_KEY_EQUAL, false, false, true, kMap, "Zoom in"},
    {C::ZoomIn, GLFW_KEY_KP_ADD, false, false, true, kMap, "Zoom in"},
    {C::ZoomOut, GLFW_KEY_MINUS, false, false, true, kMap, "Zoom out"},
    {C::ZoomOut, GLFW_KEY_KP_SUBTRACT, false, false, true, kMap, "Zoom out"},
    {C::FitToData, GLFW_KEY_F, false, false, false, kMap, "Fit the map to the data"},
    {C::ResetView, GLFW_KEY_HOME, false, false, false, kMap, "Back to the fitted projection and view"},
    {C::DeleteAnnotation, GLFW_KEY_DELETE, false, false, false, kAnnotating, "Delete the selected annotation"},
    {C::Cancel, GLFW_KEY_ESCAPE, false, false, false, kAnnotating, "Drop the points placed so far, the tool, then the selection"},
    {C::FinishPolygon, GLFW_KEY_ENTER, false, false, false, kAnnotating, "Finish the polygon"},
    {C::FinishPolygon, GLFW_KEY_KP_ENTER, false, false, false, kAnnotating, "Finish the polygon"},
    {C::MentionUp, GLFW_KEY_UP, false, false, true, kMentions, "Previous row (Shift: extend the selection)"},
    {C::MentionUp, GLFW_KEY_UP, false, true, true, kMentions, "Extend the selection up"},
    {C::MentionDown, GLFW_KEY_DOWN, false, false, true, kMentions, "Next row"},
    {C::MentionDown, GLFW_KEY_DOWN, false, true, true, kMentions, "Extend the selection down"},
    {C::MentionAccept, GLFW_KEY_SPACE, false, false, false, kMentions, "Accept the selected mentions (reviewed)"},
    {C::MentionNotAPlace, GLFW_KEY_DELETE, false, false, false, kMentions, "Mark the selected mentions: not a place"},
    {C::MentionResolve, GLFW_KEY_ENTER, false, false, false, kMentions, "Resolve the selected mentions to another place..."},
    {C::PresentNext, GLFW_KEY_RIGHT, false, false, false, kPresenting, "Next slide (also Down, Space, Page Down, a click)"},
    {C::PresentNext, GLFW_KEY_DOWN, false, false, false, kPresenting, "Next slide"},
    {C::PresentNext, GLFW_KEY_SPACE, false, false, false, kPresenting, "Next slide"},
    {C::PresentNext, GLFW_KEY_PAGE_DOWN, false, false, false, kPresenting, "Next slide"},
    {C::PresentBack, GLFW_KEY_LEFT, false, false, false, kPresenting, "Previous slide (also Up, Page Up, a right-click)"},
    {C::PresentBack, GLFW_KEY_UP, false, false, false, kPresenting, "Previous slide"},
    {C::PresentBack, GLFW_KEY_PAGE_UP, false, false, false, kPresenting, "Previous slide"},
    {C::PresentStop, GLFW_KEY_ESCAPE, false, false, false, kPresenting, "Stop presenting"},
};

const char* baseName(int key) {
    switch (key) {
    case GLFW_KEY_LEFT: return "Left";
    case GLFW_KEY_RIGHT: return "Right";
    case GLFW_KEY_UP: return "Up";
    case GLFW_KEY_DOWN: return "Down";
    case GLFW_KEY_EQUAL: return "+";
    case GLFW_KEY_KP_ADD: return "Keypad +";
    case GLFW_KEY_MINUS: return "-";
    case GLFW_KEY_KP_SUBTRACT: return "Keypad -";
    case GLFW_KEY_HOME: return "Home";
    case GLFW_KEY_DELETE: return "Delete";
    case GLFW_KEY_ESCAPE: return "Esc";
    case GLFW_KEY_ENTER: return "Enter";
    case GLFW_KEY_KP_ENTER: return "Keypad Enter";
    case GLFW_KEY_SPACE: return "Space";
    case GLFW_KEY_PAGE_UP: return "Page Up";
    case GLFW_KEY_PAGE_DOWN: return "Page Down";
    default: return nullptr;
    }
}

}  // namespace

std::span<const Shortcut> shortcuts() { return kTable; }

bool pressed(Command command) {
    const ImGuiIO& io = ImGui::GetIO();
    for (const Shortcut& s : kTable)
        if (s.command == command && s.ctrl == io.KeyCtrl && s.shift == io.KeyShift && ImGui::IsKeyPressed(s.key, s.repeats))
            return true;
    return false;
}

std::string keyName(const Shortcut& s) {
    std::string name = s.ctrl ? "Ctrl+" : "";
    if (s.shift) name += "Shift+";
    if (const char* b = baseName(s.key)) return name + b;
    if (s.key >= GLFW_KEY_F1 && s.key <= GLFW_KEY_F25) return name + "F" + std::to_string(s.key - GLFW_KEY_F1 + 1);
    if (s.key >= GLFW_KEY_A && s.key <= GLFW_KEY_Z) return name + static_cast<char>('A' + (s.key - GLFW_KEY_A));
    return name + "key " + std::to_string(s.key);
}

std::string keysOf(Command command) {
    for (const Shortcut& s : kTable)
        if (s.command == command) return keyName(s);
    return {};
}

}  // namespace cmap::ui
