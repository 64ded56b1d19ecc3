// The results import kind: a measure's value for an organisation and period
// (docs/csv-import.md, "results").
#include "core/date.hpp"
#include "ingest/cell_parsers.hpp"
#include "ingest/import_validators.hpp"
#include "ingest/validator_support.hpp"

namespace clinaudit::ingest {
namespace {

enum Column : std::size_t {
  kAudit,
  kMeasure,
  kOrganisation,
  kPeriod,
  kPeriodStart,
  kPeriodEnd,
  kNumerator,
  kDenominator,
  kExpected,
  kValue,
  kPublished
};

// "2024/25" (a financial year), "2024-03" (a month) or "2024" (a calendar year).
std::optional<std::pair<Date, Date>> parse_period(std::string_view text) {
  if (const auto year = parse_financial_year_cell(text)) return std::pair{year->first_day(), year->last_day()};
  if (const auto month = Month::parse(text)) return std::pair{month->first_day(), month->last_day()};
  if (text.size() == 4) {
    const auto first = Date::parse(std::string(text) + "-01-01");
    const auto last = Date::parse(std::string(text) + "-12-31");
    if (first && last) return std::pair{*first, *last};
  }
  return std::nullopt;
}

// Reports a figure the measure's type needs but the row lacks.
void require(RowReader& rows, std::size_t column, const std::optional<double>& figure, const domain::Measure& measure) {
  if (figure || !rows.row_ok()) return;
  rows.row_problem(rows.name(column), "",
                   "is empty but measure " + measure.code + " is a " + std::string(domain::to_string(measure.type)) +
                       " and needs it");
}

void check_figures(RowReader& rows, const domain::Measure& measure, const domain::MeasureResult& result) {
  using domain::MeasureType;
  switch (measure.type) {
    case MeasureType::proportion:
    case MeasureType::rate:
      require(rows, kNumerator, result.numerator, measure);
      require(rows, kDenominator, result.denominator, measure);
      if (result.denominator && *result.denominator <= 0) {
        rows.problem(kDenominator, "must be more than 0");
      } else if (measure.type == MeasureType::proportion && result.numerator && result.denominator &&
                 *result.numerator > *result.denominator) {
        rows.problem(kNumerator, "is more than the denominator " + printable(rows.cell(kDenominator)) +
                                     " (a proportion cannot exceed 1)");
      }
      break;
    case MeasureType::ratio:
      require(rows, kNumerator, result.numerator, measure);
      require(rows, kExpected, result.expected, measure);
      if (result.expected && *result.expected <= 0) rows.problem(kExpected, "must be more than 0");
      break;
    case MeasureType::continuous: require(rows, kValue, result.value, measure); break;
  }
  if (result.numerator && *result.numerator < 0) rows.problem(kNumerator, "is negative (expected 0 or more)");
}

}  // namespace

Validated<domain::MeasureResult> validate_results(std::istream& input, const References& references,
                                                  const ValidationOptions& options) {
  Validated<domain::MeasureResult> out{{}, ValidationReport(options.max_problems), 0};
  RowReader rows(input,
                 {{"audit_code", true},
                  {"measure_code", true, "measure"},
                  {"organisation_code", true, "org_code provider_code unit"},
                  {"period", false},
                  {"period_start", false, "start_date"},
                  {"period_end", false, "end_date"},
                  {"numerator", false, "observed events"},
                  {"denominator", false, "cases exposure"},
                  {"expected", false},
                  {"value", false},
                  {"published", false}},
                 out.report);
  const bool has_period = rows.has(kPeriod) || (rows.has(kPeriodStart) && rows.has(kPeriodEnd));
  if (rows.has_header() && !has_period) {
    out.report.add(1, "period",
                   "is missing: the header needs a 'period' column (e.g. 2024/25 or 2024-03) or both "
                   "'period_start' and 'period_end'");
  }
  support::FirstSeen keys;
  while (rows.next()) {
    domain::MeasureResult result;
    const auto* audit = support::audit(rows, kAudit, references);
    const domain::Measure* measure = nullptr;
    if (audit != nullptr) {
      if (const auto code = rows.text(kMeasure)) {
        measure = references.measure(audit->id, *code);
        if (measure == nullptr) rows.problem(kMeasure, "is not a measure of audit " + audit->code);
      }
    } else {
      (void)rows.text(kMeasure);  // still report an empty required cell
    }
    if (measure != nullptr) result.measure_id = measure->id;
    const auto* organisation = support::organisation(rows, kOrganisation, references);
    if (organisation != nullptr) result.organisation_id = organisation->id;

    std::optional<Date> start;
    std::optional<Date> end;
    if (!rows.cell(kPeriod).empty()) {
      if (const auto period = parse_period(rows.cell(kPeriod))) {
        start = period->first;
        end = period->second;
      } else {
        rows.problem(kPeriod, "is not a period (expected a financial year 2024/25, a month 2024-03 or a year 2024)");
      }
    } else if (has_period) {
      start = rows.date(kPeriodStart);
      end = rows.date(kPeriodEnd);
      if (!rows.cell(kPeriodStart).empty() && !rows.cell(kPeriodEnd).empty()) {
        if (start && end && *end < *start) rows.problem(kPeriodEnd, "is before period_start " + start->to_string());
      } else if (rows.row_ok()) {
        rows.row_problem(rows.has(kPeriod) ? "period" : "period_start", "",
                         "is empty (give a period, or both period_start and period_end)");
      }
    }
    if (start && end) {
      result.period_start = *start;
      result.period_end = *end;
    }
    result.numerator = rows.number(kNumerator);
    result.denominator = rows.number(kDenominator);
    result.expected = rows.number(kExpected);
    result.value = rows.number(kValue);
    result.published = rows.flag(kPublished).value_or(false);
    if (result.published && !options.may_publish) {
      rows.problem(kPublished,
                   "marks the result published, but only the national audit's analysts publish results (leave it "
                   "empty or write no)");
    }
    if (measure != nullptr) check_figures(rows, *measure, result);
    if (measure != nullptr && organisation != nullptr && start && end) {
      keys.first(std::to_string(measure->id.value) + "|" + std::to_string(organisation->id.value) + "|" +
                     start->to_string() + "|" + end->to_string(),
                 rows, kOrganisation,
                 "the result of " + organisation->code + " for " + measure->code + " from " + start->to_string() +
                     " to " + end->to_string() + ",");
    }
    if (rows.row_ok()) out.records.push_back(result);
  }
  out.rows = rows.rows_read();
  return out;
}

}  // namespace clinaudit::ingest
