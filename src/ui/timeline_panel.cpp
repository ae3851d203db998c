#include "ui/timeline_panel.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "ui/session.h"
#include "ui/viewer.h"
#include "ui/widgets.h"

namespace cmap::ui {
namespace {

constexpr const char* kModeNames[] = {"Cumulative", "Window", "As of"};

ImU32 rgba(int r, int g, int b, int a = 255) { return IM_COL32(r, g, b, a); }

}  // namespace

std::optional<model::TimeQuery> TimelinePanel::query() const {
    if (showAll) return std::nullopt;
    return model::TimeQuery{mode, static_cast<int>(std::floor(day)), windowDays};
}

double clampDay(double day) {
    static const double kFirst = model::daysFromCivil(1, 1, 1), kLast = model::daysFromCivil(9999, 12, 31);
    return std::clamp(day, kFirst, kLast);
}

int today() {
    using namespace std::chrono;
    return static_cast<int>(floor<days>(system_clock::now()).time_since_epoch().count());
}

bool TimelinePanel::advance(double dt) {
    if (!playing) return false;
    showAll = false;
    day += speed * dt;
    if (day >= playEnd) {
        day = playEnd;
        playing = false;
    }
    // The axis follows the date: it pages on by most of its span when the date nears its end.
    if (range && day > range->last - range->span() * 0.05) {
        double shift = day - (range->first + range->span() * 0.1);
        range->first += shift;
        range->last += shift;
    }
    return true;
}

void TimelinePanel::play() {
    if (!range) {
        if (extentLast < extentFirst) return;
        fitTo(extentFirst, extentLast);
    }
    const double first = range->first, last = range->last;
    if (showAll || day < first || day >= last - 1) day = first;
    playEnd = last;
    speed = std::max(0.5, (last - first) / kPlaySeconds);
    showAll = false;
    playing = true;
}

void TimelinePanel::togglePlay() {
    if (playing) playing = false;
    else play();
}

void TimelinePanel::step(int days) {
    if (showAll) day = extentLast >= extentFirst ? extentFirst : day;
    showAll = false;
    goTo(std::floor(day) + days);
}

void TimelinePanel::goTo(double to) {
    showAll = false;
    day = clampDay(to);
    if (range && (day < range->first || day > range->last)) {
        double shift = day - (range->first + range->span() / 2);
        range->first += shift;
        range->last += shift;
    }
}

void TimelinePanel::fitTo(int firstDay, int lastDay) {
    // A chosen date outside the data (as of today, say) stays: the axis takes it in.
    if (!showAll) {
        const int d = static_cast<int>(std::floor(day));
        range = rangeForExtent(std::min(firstDay, d), std::max(lastDay, d));
        return;
    }
    range = rangeForExtent(firstDay, lastDay);
    if (day < firstDay || day > lastDay) day = lastDay;
}

void drawTimelinePanel(Viewer& v, const Rect& r) {
    TimelinePanel& t = v.timeline;
    if (!beginPanel("Timeline", r, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
        ImGui::End();
        return;
    }
    bool haveData = t.extentLast >= t.extentFirst;

    // Controls row.
    if (ImGui::Checkbox("All dates", &t.showAll) && !t.showAll && !haveData) t.showAll = true;
    ImGui::SameLine();
    if (ImGui::Button("Today")) t.goTo(today());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The map as of today: in As-of mode, each place's latest report aged to now");
    ImGui::SameLine(0, 16);
    int mode = static_cast<int>(t.mode);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.5f);
    if (ImGui::Combo("##mode", &mode, kModeNames, IM_ARRAYSIZE(kModeNames))) {
        t.mode = static_cast<model::TimeMode>(mode);
        if (haveData) t.showAll = false;
    }
    if (t.mode != model::TimeMode::Cumulative) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (inputInt("days", &t.windowDays, 1, 30)) t.windowDays = std::clamp(t.windowDays, 1, 36500);
    }
    ImGui::SameLine(0, 16);
    if (ImGui::Button("<")) t.step(-1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back one day");
    ImGui::SameLine();
    if (ImGui::Button(t.playing ? "Pause" : "Play") && haveData) t.togglePlay();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play the range the axis shows (zoom it with the wheel)");
    ImGui::SameLine();
    if (ImGui::Button(">")) t.step(1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Forward one day");
    ImGui::SameLine(0, 16);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    float speed = static_cast<float>(t.speed);
    if (ImGui::SliderFloat("##speed", &speed, 0.5f, 3650, "%.1f days/s", ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp)) t.speed = speed;
    ImGui::SameLine(0, 16);
    if (t.showAll) ImGui::TextDisabled("showing every date");
    else ImGui::Text("%s", dayLabel(static_cast<int>(std::floor(t.day))).c_str());

    // The axis area: histogram, spans, ticks and the current date.
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.y = std::max(size.y, 40.f);
    ImGui::InvisibleButton("##axis", size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), rgba(250, 250, 248));
    if (!haveData || !t.range) {
        dl->AddText(ImVec2(p0.x + 8, p0.y + 8), rgba(140, 140, 140), "No dated events yet");
        ImGui::End();
        return;
    }
    DayRange& range = *t.range;
    ImGuiIO& io = ImGui::GetIO();
    double x0 = p0.x, w = size.x;
    if (hovered && io.MouseWheel != 0)
        range = zoomRange(range, std::pow(1.25, io.MouseWheel), range.toDay(io.MousePos.x, x0, w));
    if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        t.scrubbing = true;
        t.showAll = false;
        t.playing = false;
        t.day = clampDay(range.toDay(io.MousePos.x, x0, w));
    } else {
        t.scrubbing = false;
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Right)) {
        double shift = io.MouseDelta.x / w * range.span();
        range.first -= shift;
        range.last -= shift;
    }
    if (hovered) ImGui::SetTooltip("%s\nDrag to set the date; wheel zooms; right-drag pans", dayLabel(static_cast<int>(range.toDay(io.MousePos.x, x0, w))).c_str());

    dl->PushClipRect(p0, ImVec2(p0.x + size.x, p0.y + size.y), true);
    const float labelH = ImGui::GetFontSize() + 4;
    const float axisY = p0.y + size.y - labelH;
    const float spanLane = 10;
    const float histTop = p0.y + 4, histBottom = axisY - spanLane - 4;

    // Window shading: the days the map shows in window mode.
    if (!t.showAll && t.mode != model::TimeMode::Cumulative) {
        float a = static_cast<float>(range.toX(t.day - t.windowDays, x0, w));
        float b = static_cast<float>(range.toX(t.day + 1, x0, w));
        dl->AddRectFilled(ImVec2(a, p0.y), ImVec2(b, axisY), rgba(70, 120, 180, 28));
    }

    // Histogram of day-precision events, one bar per few pixels.
    auto items = eventItems(*v.session.content);
    int bins = std::max(1, static_cast<int>(w / 4));
    auto counts = histogram(items, range, bins);
    // Imported datasets are sorted by day: a bin's count is two binary searches, not a pass over
    // a million rows every frame.
    for (const auto& table : v.session.content->events) {
        for (int i = 0; i < bins; ++i) {
            auto edge = [&](int b) { return static_cast<int>(std::ceil(range.first + range.span() * b / bins - 0.5)) - 1; };
            counts[static_cast<size_t>(i)] += static_cast<int>(table->startedBy(edge(i + 1)) - table->startedBy(edge(i)));
        }
    }
    int maxCount = std::max(1, *std::max_element(counts.begin(), counts.end()));
    for (int i = 0; i < bins; ++i) {
        if (!counts[static_cast<size_t>(i)]) continue;
        float bx = static_cast<float>(x0 + w * i / bins);
        float bh = (histBottom - histTop) * static_cast<float>(counts[static_cast<size_t>(i)]) / static_cast<float>(maxCount);
        dl->AddRectFilled(ImVec2(bx, histBottom - std::max(bh, 2.f)), ImVec2(bx + std::max(2.f, static_cast<float>(w / bins) - 1), histBottom),
                          rgba(192, 57, 43, 200));
    }
    // Month- and year-precision events as spans: they happened some time in there.
    for (const auto& it : items) {
        if (it.firstDay == it.lastDay) continue;
        float a = static_cast<float>(range.toX(it.firstDay, x0, w));
        float b = static_cast<float>(range.toX(it.lastDay + 1, x0, w));
        dl->AddRectFilled(ImVec2(a, axisY - spanLane), ImVec2(std::max(b, a + 2), axisY - 2), rgba(192, 57, 43, 60), 2);
    }

    // Axis and ticks.
    dl->AddLine(ImVec2(p0.x, axisY), ImVec2(p0.x + size.x, axisY), rgba(120, 120, 120));
    for (const Tick& tick : axisTicks(range, w, ImGui::CalcTextSize("Sep 2015").x + 24)) {
        float x = static_cast<float>(range.toX(tick.day, x0, w));
        dl->AddLine(ImVec2(x, axisY), ImVec2(x, axisY + (tick.major ? 6.f : 3.f)), rgba(120, 120, 120));
        dl->AddLine(ImVec2(x, p0.y), ImVec2(x, axisY), rgba(0, 0, 0, tick.major ? 24 : 12));
        dl->AddText(ImVec2(x + 3, axisY + 2), tick.major ? rgba(60, 60, 60) : rgba(110, 110, 110), tick.label.c_str());
    }

    // The current date.
    if (!t.showAll) {
        float x = static_cast<float>(range.toX(std::floor(t.day) + 0.5, x0, w));
        dl->AddLine(ImVec2(x, p0.y), ImVec2(x, axisY), rgba(31, 78, 121), 2);
        dl->AddTriangleFilled(ImVec2(x - 5, p0.y), ImVec2(x + 5, p0.y), ImVec2(x, p0.y + 7), rgba(31, 78, 121));
    }
    dl->PopClipRect();
    ImGui::End();
}

}  // namespace cmap::ui
