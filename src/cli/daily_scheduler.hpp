#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/date.hpp"
#include "domain/clock.hpp"

namespace clinaudit::cli {

// Runs a daily job on a thread of its own, for `serve --jobs`: once as soon as it starts,
// then again at the first check (every `poll`) that finds the clock's date has changed.
// The job is told the date it runs for and must not throw. stop() (and the destructor)
// wakes the thread and joins it; a job already running is finished first. `clock` must
// outlive the scheduler. start() and stop() are for one owning thread.
class DailyScheduler {
 public:
  using Job = std::function<void(Date)>;

  DailyScheduler(const domain::Clock& clock, Job job, std::chrono::milliseconds poll = std::chrono::minutes(5));
  ~DailyScheduler();
  DailyScheduler(const DailyScheduler&) = delete;
  DailyScheduler& operator=(const DailyScheduler&) = delete;

  void start();
  void stop();

 private:
  void loop();

  const domain::Clock& clock_;
  Job job_;
  std::chrono::milliseconds poll_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace clinaudit::cli
