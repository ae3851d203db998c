#include "core/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>

namespace cmap::log {
namespace {

const char* levelName(Level l) {
    switch (l) {
    case Level::Debug: return "debug";
    case Level::Info: return "info";
    case Level::Warn: return "warning";
    case Level::Error: return "error";
    }
    return "";
}

std::mutex g_mutex;
std::atomic<Level> g_level{Level::Warn};
Sink g_sink = [](Level l, std::string_view m) {
    std::fprintf(stderr, "conflictmap: %s: %.*s\n", levelName(l), static_cast<int>(m.size()), m.data());
};

}  // namespace

Sink setSink(Sink sink) {
    std::lock_guard lock(g_mutex);
    std::swap(sink, g_sink);
    return sink;
}

void setLevel(Level level) { g_level = level; }

void write(Level level, std::string_view message) {
    if (level < g_level.load()) return;
    std::lock_guard lock(g_mutex);
    if (g_sink) g_sink(level, message);
}

}  // namespace cmap::log
