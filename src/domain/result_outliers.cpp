#include "domain/result_outliers.hpp"

#include <map>
#include <string>
#include <utility>

#include "domain/measure_series.hpp"
#include "domain/outlier_flags.hpp"
#include "stats/funnel.hpp"

namespace clinaudit::domain {

bool is_reporting_year(Date from, Date to) {
  if (from.day() != 1) return false;
  const Month first = Month::of(from);
  return Month{first.year + 1, first.month}.first_day().plus_days(-1) == to;
}

std::string reporting_year_name(Date from, Date to) {
  if (from == FinancialYear::containing(from).first_day() && to == FinancialYear::containing(from).last_day()) {
    return FinancialYear::containing(from).to_string();
  }
  if (from.month() == 1 && to == Month{from.year(), 12}.last_day()) return std::to_string(from.year());
  return from.to_string() + " to " + to.to_string();
}

std::string result_check_findings(const ResultOutlierCheck& check) {
  if (!check.note.empty()) return check.note;
  return std::to_string(check.providers) + " providers, " + std::to_string(check.flagged) + " beyond the limits, " +
         std::to_string(check.cases_opened) + " outlier case(s) opened, " + std::to_string(check.cases_raised) +
         " raised to alarm";
}

namespace {

// Checks one measure's reporting year: its funnel, and a case for each provider beyond a limit.
Result<void> check_year(Store& store, ResultOutlierReport& report, ResultOutlierCheck check,
                        const std::vector<stats::UnitCount>& units, std::vector<OutlierCase>& cases,
                        const OutlierTimetable& timetable, const WorkingDayCalendar& calendar, Date today,
                        const Actor& actor) {
  const Measure& measure = check.measure;
  check.providers = static_cast<std::int64_t>(units.size());
  if (units.size() < 3) {
    check.note = "fewer than three providers have results for the year: a funnel of so few is no comparison";
    report.checks.push_back(std::move(check));
    return {};
  }
  auto plot = measure_funnel_plot(measure, units);
  if (!plot) {
    check.note = "no funnel plot: " + plot.error().message;
    report.checks.push_back(std::move(check));
    return {};
  }
  for (const auto& unit : plot->units) {
    if (unit.flag == stats::FunnelFlag::none) continue;
    ++check.flagged;
    const OutlierCase flagged = flagged_case(measure, OrganisationId{std::stoll(unit.unit)}, check.period, unit.flag,
                                             unit.value.value_or(0), unit.limits);
    const std::string raised_because = "Raised from alert to alarm by the check of the imported results for " +
                                       check.period + " on " + today.to_string() + " (" +
                                       std::to_string(check.providers) +
                                       " providers): " + measure_value_words(measure, flagged.value) +
                                       " is beyond the 99.8% limit of " + measure_value_words(measure, flagged.limit);
    OutlierCase changed;
    CLINAUDIT_TRY(const auto recorded, record_outlier_flag(store, cases, flagged, raised_because, timetable, calendar,
                                                           today, actor, changed));
    switch (recorded) {
      case FlagRecorded::opened:
        ++check.cases_opened;
        report.opened.push_back(std::move(changed));
        break;
      case FlagRecorded::raised:
        ++check.cases_raised;
        report.raised.push_back(std::move(changed));
        break;
      case FlagRecorded::already_open: ++check.already_open; break;
    }
  }
  report.checks.push_back(std::move(check));
  return {};
}

}  // namespace

Result<ResultOutlierReport> check_result_outliers(Store& store, AuditId audit_id, const OutlierTimetable& timetable,
                                                  const WorkingDayCalendar& calendar, Date today, const Actor& actor) {
  CLINAUDIT_TRY(const auto audit, store.audit(audit_id));
  ResultOutlierReport report;
  if (audit.kind == AuditKind::local_audit) return report;
  CLINAUDIT_TRY(const auto measures, store.measures_of(audit_id));
  const Date window_start = FinancialYear::containing(today).previous().first_day();
  std::vector<OutlierCase> cases;
  bool cases_read = false;
  for (const auto& measure : measures) {
    if (measure.from_episodes() || measure.type == MeasureType::continuous) continue;
    CLINAUDIT_TRY(const auto results, store.results_of(measure.id, std::nullopt));
    // The providers' counts per reporting year, in date order.
    std::map<std::pair<Date, Date>, std::vector<stats::UnitCount>> years;
    for (const auto& row : results) {
      if (row.period_end >= today || row.period_end < window_start) continue;
      if (!is_reporting_year(row.period_start, row.period_end)) continue;
      const auto denominator = funnel_denominator(measure, row);
      if (!row.numerator || !denominator || *denominator <= 0) continue;
      years[{row.period_start, row.period_end}].push_back(
          {std::to_string(row.organisation_id.value), *row.numerator, *denominator});
    }
    for (const auto& [period, units] : years) {
      if (!cases_read) {
        CLINAUDIT_TRY(cases, store.outlier_cases(std::nullopt, audit_id));
        cases_read = true;
      }
      ResultOutlierCheck check;
      check.audit_code = audit.code;
      check.measure = measure;
      check.from = period.first;
      check.to = period.second;
      check.period = reporting_year_name(period.first, period.second);
      CLINAUDIT_TRY_VOID(check_year(store, report, std::move(check), units, cases, timetable, calendar, today, actor));
    }
  }
  return report;
}

}  // namespace clinaudit::domain
