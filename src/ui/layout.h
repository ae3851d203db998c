#pragma once
// Where each panel sits in the window. Panels are docked at fixed places around the map so they
// never overlap it or each other; the map gets what is left. Plain math, tested without a window.

namespace cmap::ui {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

struct LayoutOptions {
    float menuHeight = 24;
    float leftWidth = 300;     ///< layers (top) and console (bottom)
    float rightWidth = 480;    ///< mentions (top) and articles (bottom)
    float mentionsShare = 0.45f;  ///< of the right column's height, for the mentions table
    float bottomHeight = 200;  ///< timeline, under the map
    float consoleHeight = 170; ///< bottom of the left column; 0 hides the console
    float slidesHeight = 210;  ///< the slide list, between layers and console
    float toolsHeight = 30;    ///< the annotation tool strip over the map (not on it: the map's
                               ///< own corners hold the title, legend and north arrow)
    float minMap = 200;        ///< the map keeps at least this much; side panels shrink first
};

struct Layout {
    Rect menu, layers, slides, console, mentions, articles, timeline, tools, map;
};

/// The panels' rectangles in a width x height window (logical pixels).
Layout computeLayout(float width, float height, const LayoutOptions& opt = {});

}  // namespace cmap::ui
