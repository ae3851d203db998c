#pragma once
// cmap::log messages kept for the console panel. Any thread may log (loaders run off the UI
// thread), so lines go in under a mutex and the panel reads a copy.
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "core/log.h"

namespace cmap::ui {

struct LogLine {
    log::Level level = log::Level::Info;
    std::string text;
    double seconds = 0;  ///< since the console was created
};

class ConsoleLog {
public:
    explicit ConsoleLog(size_t capacity = 2000);
    /// Appends a line, dropping the oldest past capacity. Thread-safe.
    void add(log::Level level, std::string_view text);
    /// The lines added after the first `since` ones ever added (a cursor the panel keeps), and
    /// the new cursor. Thread-safe.
    std::vector<LogLine> since(uint64_t& cursor) const;
    void clear();
    /// Installs this log as cmap::log's sink; the previous sink comes back on destruction of
    /// the returned guard.
    struct SinkGuard {
        log::Sink previous;
        ~SinkGuard() { log::setSink(std::move(previous)); }
    };
    [[nodiscard]] SinkGuard install();

private:
    mutable std::mutex mutex_;
    std::deque<LogLine> lines_;
    uint64_t total_ = 0;  ///< lines ever added (the cursor of the newest)
    size_t capacity_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace cmap::ui
