#include "domain/working_days.hpp"

#include <string>

namespace clinaudit::embedded {
std::string_view bank_holidays_england_and_wales_csv();
}  // namespace clinaudit::embedded

namespace clinaudit::domain {

Result<WorkingDayCalendar> WorkingDayCalendar::from_csv(std::string_view text) {
  std::set<Date> holidays;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_number == 1 || line.empty()) continue;  // header
    const auto date = Date::parse(line.substr(0, line.find(',')));
    if (!date) {
      return Error{ErrorCode::invalid_input,
                   "bank holidays, line " + std::to_string(line_number) + ": " + date.error().message};
    }
    holidays.insert(*date);
  }
  return WorkingDayCalendar(std::move(holidays));
}

const WorkingDayCalendar& WorkingDayCalendar::england_and_wales() {
  // The shipped file is checked by a test, so parsing it cannot fail here.
  static const WorkingDayCalendar kCalendar = *from_csv(embedded::bank_holidays_england_and_wales_csv());
  return kCalendar;
}

Date WorkingDayCalendar::add_working_days(Date start, std::int64_t days) const {
  Date date = start;
  while (days > 0) {
    date = date.plus_days(1);
    if (is_working_day(date)) --days;
  }
  return date;
}

std::int64_t WorkingDayCalendar::working_days_between(Date from, Date to) const {
  std::int64_t count = 0;
  for (Date date = from.plus_days(1); date <= to; date = date.plus_days(1)) {
    if (is_working_day(date)) ++count;
  }
  return count;
}

}  // namespace clinaudit::domain
