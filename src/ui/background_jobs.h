#pragma once
// Long work (loading the gazetteer, reading and geoparsing articles, opening overlays) on one
// worker thread, so the UI keeps drawing. A job computes off the UI thread and returns what to
// apply; the UI thread applies it between frames, so app state is only ever touched there.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cmap::ui {

/// What a job reports while it runs; read by the UI thread for the progress bar.
class Progress {
public:
    void set(float fraction, std::string what);
    float fraction() const;
    std::string what() const;

private:
    mutable std::mutex mutex_;
    float fraction_ = 0;
    std::string what_;
};

class BackgroundJobs {
public:
    /// Applied on the UI thread by applyFinished().
    using Apply = std::function<void()>;
    /// Runs on the worker; must not touch UI state, only what it captured (immutable snapshots).
    /// An exception it throws becomes an Apply that calls onError with the message.
    using Job = std::function<Apply(Progress&)>;

    explicit BackgroundJobs(std::function<void(const std::string&)> onError);
    ~BackgroundJobs();  ///< waits for the running job, drops queued ones
    BackgroundJobs(const BackgroundJobs&) = delete;
    BackgroundJobs& operator=(const BackgroundJobs&) = delete;

    void post(std::string title, Job job);
    /// Runs the Apply of every finished job, in order. UI thread only.
    void applyFinished();
    /// Whether any job is queued, running, or finished but not yet applied.
    bool busy() const;
    /// Title and progress of the running job, for the progress bar.
    std::string currentTitle() const;
    const Progress& progress() const { return progress_; }
    size_t queued() const;

private:
    void loop();

    std::function<void(const std::string&)> onError_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::pair<std::string, Job>> queue_;
    std::vector<Apply> finished_;
    std::string current_;
    bool running_ = false;
    bool stop_ = false;
    Progress progress_;
    std::thread worker_;
};

}  // namespace cmap::ui
