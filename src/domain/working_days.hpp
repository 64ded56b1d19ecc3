#pragma once

#include <cstdint>
#include <set>
#include <string_view>

#include "core/date.hpp"
#include "core/result.hpp"

namespace clinaudit::domain {

// Working days for deadlines: Monday to Friday except bank holidays. The outlier-
// management timetable counts its deadlines in working days (HQIP guidance).
// Value type; safe to share between threads once built.
class WorkingDayCalendar {
 public:
  WorkingDayCalendar() = default;
  explicit WorkingDayCalendar(std::set<Date> holidays) : holidays_(std::move(holidays)) {}

  // Reads "date,title" lines with a header row (data/bank-holidays-england-and-wales.csv).
  // Errors: invalid_input naming the line of a date that does not parse.
  static Result<WorkingDayCalendar> from_csv(std::string_view text);
  // England and Wales bank holidays shipped with clinaudit (2019-2028).
  static const WorkingDayCalendar& england_and_wales();

  bool is_working_day(Date date) const { return !date.is_weekend() && !holidays_.contains(date); }
  bool is_holiday(Date date) const { return holidays_.contains(date); }

  // The date `days` working days after `start` (start itself is not counted, so a
  // 10-working-day deadline from a Monday is the Monday two weeks later when no holiday
  // intervenes). `days` >= 0; 0 gives `start`.
  Date add_working_days(Date start, std::int64_t days) const;

  // Working days after `from` up to and including `to` (0 when to <= from).
  std::int64_t working_days_between(Date from, Date to) const;

  // The last date covered by the holiday list: deadlines beyond it may miss holidays.
  Date covered_until() const { return holidays_.empty() ? Date{} : *holidays_.rbegin(); }

 private:
  std::set<Date> holidays_;
};

}  // namespace clinaudit::domain
