#pragma once
// Every keyboard shortcut of the viewer in one table: the panels ask pressed(Command) instead of
// testing keys themselves, and the Help > Keyboard shortcuts window lists the same table, so the
// list cannot drift from what the keys do.
#include <span>
#include <string>

namespace cmap::ui {

enum class Command {
    OpenWorkspace, Save, SaveAs, ExportPng, Undo, Redo, Help,
    Present, PresentNext, PresentBack, PresentStop,
    PanLeft, PanRight, PanUp, PanDown, ZoomIn, ZoomOut, FitToData, ResetView,
    DeleteAnnotation, Cancel, FinishPolygon,
    MentionUp, MentionDown, MentionAccept, MentionNotAPlace, MentionResolve,
    PlayPause,
};

struct Shortcut {
    Command command;
    int key;             ///< GLFW key code (ImGui 1.86's glfw backend indexes KeysDown by it)
    bool ctrl = false, shift = false;
    bool repeats = false;  ///< held down, it repeats (panning), else once per press
    const char* where;   ///< the context it works in, as the help lists it
    const char* what;
};

/// The table, in the order the help lists it. A command may have several keys.
std::span<const Shortcut> shortcuts();

/// Whether one of command's keys was pressed this frame, with exactly its Ctrl and Shift.
/// Needs an ImGui frame.
bool pressed(Command command);

/// "Ctrl+Shift+S", "F5", "Delete", "Up": how a shortcut's keys are written.
std::string keyName(const Shortcut& s);

/// The keys of command as the menus show them ("Ctrl+S"); the first one the table has.
std::string keysOf(Command command);

}  // namespace cmap::ui
