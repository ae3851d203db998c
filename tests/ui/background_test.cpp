#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "core/error.h"
#include "ui/background_jobs.h"
#include "ui/console_log.h"

using namespace cmap;

TEST_CASE("background jobs: results apply on the calling thread in order; errors reach the error panel") {
    std::vector<std::string> errors;
    ui::BackgroundJobs jobs([&](const std::string& m) { errors.push_back(m); });
    std::vector<int> applied;
    auto ui = std::this_thread::get_id();
    std::thread::id worker;
    jobs.post("one", [&](ui::Progress& p) -> ui::BackgroundJobs::Apply {
        worker = std::this_thread::get_id();
        p.set(0.5f, "half");
        return [&] { applied.push_back(1); };
    });
    jobs.post("bad", [](ui::Progress&) -> ui::BackgroundJobs::Apply { throw DataError("x.txt", "broken"); });
    jobs.post("two", [&](ui::Progress&) -> ui::BackgroundJobs::Apply { return [&] { applied.push_back(2); }; });
    for (int i = 0; i < 500 && (jobs.busy()); ++i) {
        jobs.applyFinished();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    jobs.applyFinished();
    CHECK(applied == std::vector<int>{1, 2});
    CHECK(worker != ui);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == "x.txt: broken");
}

TEST_CASE("console log: the panel's cursor sees each line once, even past capacity") {
    ui::ConsoleLog log(3);
    uint64_t cursor = 0;
    log.add(log::Level::Info, "a");
    log.add(log::Level::Warn, "b");
    auto first = log.since(cursor);
    REQUIRE(first.size() == 2);
    CHECK(log.since(cursor).empty());
    for (auto s : {"c", "d", "e", "f"}) log.add(log::Level::Info, s);
    auto next = log.since(cursor);
    REQUIRE(next.size() == 3);  // c fell out of the buffer before the panel looked
    CHECK(next[0].text == "d");
    {
        auto guard = log.install();
        log::error("via the sink");
    }
    auto last = log.since(cursor);
    REQUIRE(last.size() == 1);
    CHECK(last[0].level == log::Level::Error);
}
