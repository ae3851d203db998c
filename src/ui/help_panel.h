#pragma once
// Help: the keyboard shortcuts window (drawn from the one table that binds the keys,
// ui/shortcuts.h) and the About box with the data's attributions.
namespace cmap::ui {

struct Viewer;

struct HelpPanel {
    bool shortcuts = false;  ///< the shortcuts window is open (F1, Help > Keyboard shortcuts)
    bool about = false;      ///< the About box is open
};

/// The Help menu's entries, inside an open menu bar.
void drawHelpMenu(Viewer& v);
/// The shortcuts window and the About box, when open; F1 opens the shortcuts.
void drawHelpWindows(Viewer& v);

}  // namespace cmap::ui
