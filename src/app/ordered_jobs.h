#pragma once
// Work spread over threads with results kept in input order: `geoparse` over many articles (or
// JSON lines) uses every core and still prints exactly what a sequential run prints.
#include <functional>
#include <optional>
#include <string>

namespace cmap::app {

/// What one job hands back: text for stdout, text for stderr, whether its input was bad, and
/// how many input bytes it consumed (for progress).
struct JobOutput {
    std::string out, err;
    bool bad = false;
    size_t inBytes = 0;
};

/// Calls work(input) for every input next() yields, on `threads` threads (1: on this thread),
/// and emit(output) on this thread in input order. At most a few inputs per thread are in flight,
/// so endless input (a pipe) runs in bounded memory. next and emit run on this thread only; work
/// must throw nothing (its exceptions end the program).
void runOrdered(unsigned threads, const std::function<std::optional<std::string>()>& next,
                const std::function<JobOutput(const std::string&)>& work,
                const std::function<void(JobOutput&)>& emit);

}  // namespace cmap::app
