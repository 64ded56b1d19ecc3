#include "cli/daily_scheduler.hpp"

#include <optional>
#include <utility>

namespace clinaudit::cli {

DailyScheduler::DailyScheduler(const domain::Clock& clock, Job job, std::chrono::milliseconds poll)
    : clock_(clock), job_(std::move(job)), poll_(poll) {}

DailyScheduler::~DailyScheduler() { stop(); }

void DailyScheduler::start() {
  if (thread_.joinable()) return;
  {
    const std::scoped_lock lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { loop(); });
}

void DailyScheduler::stop() {
  {
    const std::scoped_lock lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void DailyScheduler::loop() {
  std::optional<Date> last_run;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    const Date today = clock_.today();
    if (last_run != today) {
      last_run = today;
      lock.unlock();  // the job may take a while (the mail server); stop() must not wait for the lock
      job_(today);
      lock.lock();
      continue;
    }
    wake_.wait_for(lock, poll_, [this] { return stopping_; });
  }
}

}  // namespace clinaudit::cli
