#include "cli/daily_scheduler.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <vector>

namespace clinaudit::cli {
namespace {

using namespace std::chrono_literals;

class SettableClock final : public domain::Clock {
 public:
  Date today() const override { return Date::from_days(days_.load()); }
  std::string now_iso() const override { return today().to_string() + "T00:00:00Z"; }
  void set(Date date) { days_ = date.days_since_epoch(); }

 private:
  std::atomic<std::int64_t> days_{0};
};

struct Runs {
  std::mutex mutex;
  std::vector<Date> dates;
  std::size_t size() {
    const std::scoped_lock lock(mutex);
    return dates.size();
  }
};

bool wait_until(const std::function<bool()>& done) {
  for (int i = 0; i < 500 && !done(); ++i) std::this_thread::sleep_for(10ms);
  return done();
}

TEST(DailyScheduler, RunsAtStartAndOncePerNewDate) {
  SettableClock clock;
  clock.set(*Date::parse("2026-04-02"));
  Runs runs;
  DailyScheduler scheduler(
      clock,
      [&runs](Date date) {
        const std::scoped_lock lock(runs.mutex);
        runs.dates.push_back(date);
      },
      5ms);
  scheduler.start();
  ASSERT_TRUE(wait_until([&] { return runs.size() == 1; }));
  std::this_thread::sleep_for(50ms);  // many polls on the same date: no second run
  EXPECT_EQ(runs.size(), 1U);
  clock.set(*Date::parse("2026-04-03"));
  ASSERT_TRUE(wait_until([&] { return runs.size() == 2; }));
  scheduler.stop();
  EXPECT_EQ(runs.dates, (std::vector<Date>{*Date::parse("2026-04-02"), *Date::parse("2026-04-03")}));
}

TEST(DailyScheduler, StopsPromptlyWhileWaiting) {
  SettableClock clock;
  std::atomic<int> runs{0};
  DailyScheduler scheduler(
      clock, [&runs](Date) { ++runs; }, std::chrono::hours(24));
  scheduler.start();
  ASSERT_TRUE(wait_until([&] { return runs == 1; }));
  const auto before = std::chrono::steady_clock::now();
  scheduler.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 5s);
  EXPECT_EQ(runs, 1);
}

}  // namespace
}  // namespace clinaudit::cli
