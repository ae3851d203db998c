// How much the Mentions panel costs a frame with 5,000 mentions loaded (issue 13: at most 2 ms).
// Skipped unless asked for (`--no-skip -tc='bench:*'`, as bench/frame_bench.sh does), so ctest never
// runs it. Times the panel alone, drawn into the docked layout's rectangle, over many frames: the
// rows are made once per change of the content or the list's settings, and the table draws only
// its visible rows.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

#include "docked_viewer.h"
#include "ui/mentions_panel.h"

using namespace cmap;

TEST_CASE("bench: the Mentions panel's frame with 5,000 mentions" * doctest::skip()) {
    std::string text;
    for (int i = 0; i < 2500; ++i)
        text += "On day " + std::to_string(i % 28 + 1) + " a convoy left Tartus for Latakia.\n";
    test::DockedViewer d({{"long.txt", text, R"({"title": "Long", "published": "2015-09-30"})"}});
    ui::Viewer& v = d.v;
    size_t mentions = 0;
    for (const auto& a : v.session.articles) mentions += a->raw.mentions.size();
    auto time = [&](int frames, auto&& between) {
        std::vector<double> ms;
        for (int i = 0; i < frames; ++i) {
            between(i);
            d.input.frame([&] {
                auto t0 = std::chrono::steady_clock::now();
                ui::drawMentionsPanel(v, d.layout.mentions.w > 0 ? d.layout.mentions : ui::computeLayout(1920, 1080).mentions);
                ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            });
        }
        std::sort(ms.begin(), ms.end());
        double mean = 0;
        for (double m : ms) mean += m;
        return std::tuple{mean / static_cast<double>(ms.size()), ms[ms.size() / 2], ms.back()};
    };
    d.frame();
    auto [mean, median, max] = time(300, [](int) {});
    std::printf("mentions panel, %zu mentions, steady: mean %.3f ms  median %.3f ms  max %.3f ms\n", mentions, mean, median, max);
    v.mentions.sortColumn = ui::MentionColumn::Confidence;
    std::tie(mean, median, max) = time(60, [&](int i) { v.mentions.ascending = i % 2 == 0; });
    std::printf("mentions panel, %zu mentions, re-sorted every frame: mean %.3f ms  median %.3f ms  max %.3f ms\n", mentions,
                mean, median, max);
    std::tie(mean, median, max) = time(20, [&](int) { ++v.session.revision; });
    std::printf("mentions panel, %zu mentions, content changed every frame: mean %.3f ms  median %.3f ms  max %.3f ms\n",
                mentions, mean, median, max);
}
