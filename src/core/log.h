#pragma once
// Leveled logging with a pluggable sink: the CLI writes to stderr, the GUI to its console panel.
#include <functional>
#include <string_view>

namespace cmap::log {

enum class Level { Debug, Info, Warn, Error };

using Sink = std::function<void(Level, std::string_view)>;

/// Replaces the sink; returns the previous one. Thread-safe.
Sink setSink(Sink sink);
/// Messages below this level are dropped before formatting reaches the sink.
void setLevel(Level level);
void write(Level level, std::string_view message);

inline void debug(std::string_view m) { write(Level::Debug, m); }
inline void info(std::string_view m) { write(Level::Info, m); }
inline void warn(std::string_view m) { write(Level::Warn, m); }
inline void error(std::string_view m) { write(Level::Error, m); }

}  // namespace cmap::log
