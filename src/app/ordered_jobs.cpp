#include "app/ordered_jobs.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace cmap::app {

void runOrdered(unsigned threads, const std::function<std::optional<std::string>()>& next,
                const std::function<JobOutput(const std::string&)>& work,
                const std::function<void(JobOutput&)>& emit) {
    if (threads <= 1) {
        while (std::optional<std::string> in = next()) {
            JobOutput o = work(*in);
            emit(o);
        }
        return;
    }
    std::mutex mu;
    std::condition_variable jobReady, resultReady;
    std::deque<std::pair<size_t, std::string>> queue;
    std::map<size_t, JobOutput> done;
    bool closed = false;

    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (;;) {
                std::pair<size_t, std::string> job;
                {
                    std::unique_lock lock(mu);
                    jobReady.wait(lock, [&] { return closed || !queue.empty(); });
                    if (queue.empty()) return;
                    job = std::move(queue.front());
                    queue.pop_front();
                }
                JobOutput o = work(job.second);
                std::lock_guard lock(mu);
                done.emplace(job.first, std::move(o));
                resultReady.notify_one();
            }
        });
    // Runs first on the way out, also when emit throws: workers see the end and the pool joins.
    struct Close {
        std::mutex& mu;
        std::condition_variable& cv;
        bool& closed;
        ~Close() {
            {
                std::lock_guard lock(mu);
                closed = true;
            }
            cv.notify_all();
        }
    } close{mu, jobReady, closed};

    // Results wait in `done` until all earlier ones are out, so the window of inputs given out
    // but not yet emitted is what bounds memory.
    const size_t window = 4 * static_cast<size_t>(threads);
    size_t given = 0, emitted = 0;
    bool more = true;
    for (;;) {
        while (more && given - emitted < window) {
            std::optional<std::string> in = next();
            if (!in) {
                more = false;
                break;
            }
            std::lock_guard lock(mu);
            queue.emplace_back(given++, std::move(*in));
            jobReady.notify_one();
        }
        if (emitted == given) break;
        JobOutput o;
        {
            std::unique_lock lock(mu);
            resultReady.wait(lock, [&] { return done.count(emitted) != 0; });
            auto it = done.find(emitted);
            o = std::move(it->second);
            done.erase(it);
        }
        emit(o);
        ++emitted;
    }
}

}  // namespace cmap::app
