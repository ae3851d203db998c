#pragma once
// Small widgets the panels share, written over ImGui 1.86 (Debian's), which lacks a few.
#include <string>
#include <vector>

#include "ui/layout.h"

namespace cmap::ui {

/// A section title with a rule under it.
void sectionHeader(const char* title);

/// Begins a panel window pinned to r (no move, resize or collapse) that draws no background: the
/// viewer clears the window to ImGuiCol_WindowBg first. Pair with ImGui::End().
bool beginPanel(const char* name, const Rect& r, int extraFlags = 0);

/// The text fields one frame drew, so UI tests can click into every field the viewer has without
/// knowing where each panel puts it: with a probe in ImGui::GetIO().UserData, the field helpers
/// below record each field's id and rectangle. The viewer leaves UserData null.
struct TextFieldProbe {
    struct Field {
        unsigned id = 0;
        std::string label;
        std::string window;  ///< the ImGui window it is in
        bool number = false; ///< a number field (its id is its group's: its text part's only while active)
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    };
    std::vector<Field> fields;
};

// Every text and number field of the viewer goes through these (ImGui's own, plus the probe).
bool inputText(const char* label, std::string* text, int flags = 0);
bool inputTextWithHint(const char* label, const char* hint, std::string* text, int flags = 0);
bool inputTextMultiline(const char* label, std::string* text, float width, float height, int flags = 0);
bool inputInt(const char* label, int* value, int step, int stepFast);
bool inputDouble(const char* label, double* value, double step, double stepFast, const char* format);

}  // namespace cmap::ui
