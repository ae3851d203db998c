#pragma once
// Console (bottom of the left column): cmap::log messages, newest last.
#include <cstdint>
#include <vector>

#include "ui/console_log.h"
#include "ui/layout.h"

namespace cmap::ui {

struct Viewer;

struct ConsolePanel {
    uint64_t cursor = 0;
    std::vector<LogLine> lines;  ///< copied from the log as they arrive
    bool followTail = true;
    int minLevel = 1;            ///< index into Debug, Info, Warn, Error
};

void drawConsolePanel(Viewer& v, const Rect& r);

}  // namespace cmap::ui
