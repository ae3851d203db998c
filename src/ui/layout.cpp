#include "ui/layout.h"

#include <algorithm>
#include <cmath>

namespace cmap::ui {

Layout computeLayout(float width, float height, const LayoutOptions& opt) {
    Layout l;
    float top = opt.menuHeight;
    float bodyH = std::max(0.f, height - top);
    // On a narrow window the side panels give up width proportionally before the map does.
    float sides = opt.leftWidth + opt.rightWidth;
    float shrink = sides > 0 ? std::clamp((width - opt.minMap) / sides, 0.f, 1.f) : 1.f;
    float left = opt.leftWidth * shrink;
    float right = opt.rightWidth * shrink;
    float bottom = std::min(opt.bottomHeight, std::max(0.f, bodyH - opt.minMap));
    float console = std::min(opt.consoleHeight, bodyH * 0.5f);

    l.menu = {0, 0, width, top};
    float mentions = std::floor(bodyH * std::clamp(opt.mentionsShare, 0.f, 1.f));
    l.mentions = {width - right, top, right, mentions};
    l.articles = {width - right, top + mentions, right, bodyH - mentions};
    float slides = std::min(opt.slidesHeight, (bodyH - console) * 0.5f);
    l.layers = {0, top, left, bodyH - console - slides};
    l.slides = {0, top + bodyH - console - slides, left, slides};
    l.console = {0, top + bodyH - console, left, console};
    l.timeline = {left, top + bodyH - bottom, std::max(0.f, width - left - right), bottom};
    // The annotation tools take a strip off the map's top, unless the map is already at its least.
    float middle = std::max(0.f, width - left - right);
    float mapH = std::max(0.f, bodyH - bottom);
    float tools = std::min(opt.toolsHeight, std::max(0.f, mapH - opt.minMap));
    l.tools = {left, top, middle, tools};
    l.map = {left, top + tools, middle, mapH - tools};
    return l;
}

}  // namespace cmap::ui
