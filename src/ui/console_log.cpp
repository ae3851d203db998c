#include "ui/console_log.h"

namespace cmap::ui {

ConsoleLog::ConsoleLog(size_t capacity) : capacity_(capacity) {}

void ConsoleLog::add(log::Level level, std::string_view text) {
    double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::lock_guard lock(mutex_);
    lines_.push_back({level, std::string(text), t});
    ++total_;
    while (lines_.size() > capacity_) lines_.pop_front();
}

std::vector<LogLine> ConsoleLog::since(uint64_t& cursor) const {
    std::lock_guard lock(mutex_);
    uint64_t oldest = total_ - lines_.size();
    if (cursor < oldest) cursor = oldest;  // lines the panel never saw were dropped
    std::vector<LogLine> out(lines_.begin() + static_cast<std::ptrdiff_t>(cursor - oldest), lines_.end());
    cursor = total_;
    return out;
}

void ConsoleLog::clear() {
    std::lock_guard lock(mutex_);
    lines_.clear();
}

ConsoleLog::SinkGuard ConsoleLog::install() {
    return SinkGuard{log::setSink([this](log::Level level, std::string_view m) { add(level, m); })};
}

}  // namespace cmap::ui
