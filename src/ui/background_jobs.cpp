#include "ui/background_jobs.h"

#include <exception>

namespace cmap::ui {

void Progress::set(float fraction, std::string what) {
    std::lock_guard lock(mutex_);
    fraction_ = fraction;
    what_ = std::move(what);
}

float Progress::fraction() const {
    std::lock_guard lock(mutex_);
    return fraction_;
}

std::string Progress::what() const {
    std::lock_guard lock(mutex_);
    return what_;
}

BackgroundJobs::BackgroundJobs(std::function<void(const std::string&)> onError)
    : onError_(std::move(onError)), worker_([this] { loop(); }) {}

BackgroundJobs::~BackgroundJobs() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        queue_.clear();
    }
    wake_.notify_all();
    worker_.join();
}

void BackgroundJobs::post(std::string title, Job job) {
    {
        std::lock_guard lock(mutex_);
        queue_.emplace_back(std::move(title), std::move(job));
    }
    wake_.notify_one();
}

void BackgroundJobs::loop() {
    for (;;) {
        std::pair<std::string, Job> item;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            item = std::move(queue_.front());
            queue_.pop_front();
            current_ = item.first;
            running_ = true;
        }
        progress_.set(0, item.first);
        Apply apply;
        try {
            apply = item.second(progress_);
        } catch (const std::exception& e) {
            std::string message = e.what();
            apply = [this, message] { onError_(message); };
        }
        std::lock_guard lock(mutex_);
        if (apply) finished_.push_back(std::move(apply));
        running_ = false;
        current_.clear();
    }
}

void BackgroundJobs::applyFinished() {
    std::vector<Apply> done;
    {
        std::lock_guard lock(mutex_);
        done.swap(finished_);
    }
    for (auto& a : done) a();
}

bool BackgroundJobs::busy() const {
    std::lock_guard lock(mutex_);
    return running_ || !queue_.empty() || !finished_.empty();
}

std::string BackgroundJobs::currentTitle() const {
    std::lock_guard lock(mutex_);
    return current_;
}

size_t BackgroundJobs::queued() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

}  // namespace cmap::ui
