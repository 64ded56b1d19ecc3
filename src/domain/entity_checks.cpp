#include "domain/entity_checks.hpp"

#include <set>

namespace clinaudit::domain {

Result<void> check(const Organisation& row) {
  if (row.code.empty()) return invalid_input("an organisation needs a code");
  if (row.name.empty()) return invalid_input("organisation '" + row.code + "' needs a name");
  return {};
}

Result<void> check(const User& row) {
  if (row.email.empty()) return invalid_input("a user needs an email address");
  return {};
}

Result<void> check(const AuditSupplier& row) {
  if (row.code.find_first_not_of(" \t") == std::string::npos) return invalid_input("code: enter the supplier's code");
  if (row.name.find_first_not_of(" \t") == std::string::npos) return invalid_input("name: enter the supplier's name");
  return {};
}

Result<void> check(const Audit& row) {
  if (row.code.empty()) return invalid_input("an audit needs a code");
  if (row.title.empty()) return invalid_input("audit '" + row.code + "' needs a title");
  if (row.start_date && row.end_date && *row.end_date < *row.start_date) {
    return invalid_input("audit '" + row.code + "' ends before it starts");
  }
  if (row.id.valid() && row.reaudit_of == row.id) {
    return invalid_input("audit '" + row.code + "' cannot be a re-audit of itself");
  }
  return {};
}

Result<void> check(const Measure& row) {
  if (row.code.empty()) return invalid_input("a measure needs a code");
  const std::string named = "measure '" + row.code + "': ";
  if (row.name.empty()) return invalid_input(named + "a measure needs a name");
  if (!(row.rate_multiplier > 0)) return invalid_input(named + "the display multiplier must be above zero");
  if (row.from_episodes() && row.outcome_column.empty())
    return invalid_input(named + "name the dataset's outcome column the measure counts");
  switch (row.source) {
    case MeasureSource::imported_results:
      if (!row.outcome_column.empty() || !row.formula.empty() || !row.expected_column.empty())
        return invalid_input(named +
                             "a measure from imported results has no outcome column, formula or expected column");
      break;
    case MeasureSource::episode_proportion:
      if (row.type != MeasureType::proportion)
        return invalid_input(named + "the share of episodes with an outcome is a proportion");
      if (!row.formula.empty() || !row.expected_column.empty())
        return invalid_input(named + "a proportion of episodes has no formula or expected column");
      break;
    case MeasureSource::episode_model_ratio:
      if (row.type != MeasureType::ratio) return invalid_input(named + "observed over expected is a ratio");
      if (row.formula.empty()) return invalid_input(named + "write the case-mix model as a formula");
      if (!row.expected_column.empty()) return invalid_input(named + "give a formula or an expected column, not both");
      break;
    case MeasureSource::episode_expected_column:
      if (row.type != MeasureType::ratio) return invalid_input(named + "observed over expected is a ratio");
      if (row.expected_column.empty()) return invalid_input(named + "name the dataset's expected-risk column");
      if (!row.formula.empty()) return invalid_input(named + "give a formula or an expected column, not both");
      break;
  }
  return {};
}

Result<void> check(const MeasureResult& row) {
  if (row.period_end < row.period_start)
    return invalid_input("result for " + describe(row) + ": period ends before it starts");
  return {};
}

Result<void> check(const Participation& row) {
  if ((row.cases_submitted && *row.cases_submitted < 0) || (row.cases_required && *row.cases_required < 0)) {
    return invalid_input("participation " + describe(row) + ": case counts cannot be negative");
  }
  return {};
}

Result<void> check(const ReportReview& row) {
  if (row.report_title.empty() && !row.report_id.valid()) return invalid_input("a report review needs its report");
  return {};
}

Result<void> check(const AuditReport& row) {
  if (row.title.empty()) return invalid_input("a report needs a title");
  const std::string what = "report '" + row.title + "': ";
  if (!row.link.empty()) {
    const bool https = row.link.starts_with("https://") && row.link.size() > 8;
    const bool plain = row.link.find_first_of(" \t\r\n\"<>") == std::string::npos;
    if (!https || !plain) return invalid_input(what + "the link must be an https:// address");
  }
  for (std::size_t i = 0; i < row.recommendations.size(); ++i) {
    const auto& recommendation = row.recommendations[i];
    if (recommendation.number != static_cast<int>(i) + 1) {
      return invalid_input(what + "recommendations are numbered 1, 2, 3... in order; found " +
                           std::to_string(recommendation.number) + " where " + std::to_string(i + 1) + " was expected");
    }
    if (recommendation.text.empty()) {
      return invalid_input(what + "recommendation " + std::to_string(recommendation.number) + " has no text");
    }
  }
  return {};
}

Result<void> check(const Action& row) {
  if (row.title.empty()) return invalid_input("an action needs a title");
  return {};
}

Result<void> check(const ActionEvent& row) {
  if (row.at.empty()) return invalid_input("an action's history entry needs its time");
  const bool needs_note = row.kind == ActionEventKind::note || row.kind == ActionEventKind::due_date_changed ||
                          row.kind == ActionEventKind::completed || row.kind == ActionEventKind::reopened;
  if (needs_note && row.note.empty()) {
    return invalid_input("an action's " + std::string(to_string(row.kind)) + " entry needs its text");
  }
  return {};
}

Result<void> check(const BoardMeeting& row) {
  if (row.committee.empty()) return invalid_input("a board meeting needs the committee's name");
  return {};
}

Result<void> check(const Survey& row) {
  if (row.title.empty()) return invalid_input("a survey needs a title");
  return {};
}

Result<void> check(const OutlierTimetableVersion& row) {
  if (row.name.empty()) return invalid_input("an outlier timetable version needs a name");
  if (row.csv.empty()) return invalid_input("an outlier timetable version needs its stage table");
  return {};
}

Result<void> check(const AnalysisRunRecord& row) {
  if (row.period.empty() || row.input_checksum.empty() || row.method.empty()) {
    return invalid_input("an analysis run needs its period, input checksum and method");
  }
  for (const auto& measure : row.measures) {
    if (measure.measure_code.empty() || measure.outcome_column.empty()) {
      return invalid_input("each measure of an analysis run needs its code and outcome column");
    }
    if (measure.rows_used < 0 || measure.rows_dropped < 0 || measure.units_flagged < 0 || measure.cases_opened < 0) {
      return invalid_input("measure '" + measure.measure_code + "' of an analysis run: counts cannot be negative");
    }
  }
  return {};
}

Result<void> check(const Dataset& row) {
  if (row.columns.empty()) return invalid_input("a dataset needs at least one column");
  std::set<std::string> seen;
  for (const auto& column : row.columns) {
    const std::string named = "dataset column '" + column.name + "'";
    if (!is_column_name(column.name)) {
      return invalid_input(named + ": a column name is lower-case letters, digits and _, starting with a letter");
    }
    if (column.name == "provider" || column.name == "admission_date") {
      return invalid_input(named + ": every episode has a provider and an admission date already");
    }
    if (!seen.insert(column.name).second) return invalid_input(named + " is declared twice");
    const bool ranged = column.minimum.has_value() || column.maximum.has_value();
    if (ranged && column.type != ValueType::number)
      return invalid_input(named + ": only numbers have a minimum or maximum");
    if (column.minimum && column.maximum && *column.minimum > *column.maximum) {
      return invalid_input(named + ": the minimum is above the maximum");
    }
    if (column.type != ValueType::category) {
      if (!column.allowed_values.empty()) return invalid_input(named + ": only categories have allowed values");
      continue;
    }
    if (column.allowed_values.empty()) return invalid_input(named + ": a category needs its allowed values");
    std::set<std::string> values;
    for (const auto& value : column.allowed_values) {
      if (value.empty() || value.find('|') != std::string::npos) {
        return invalid_input(named + ": an allowed value is empty or holds '|'");
      }
      if (!values.insert(value).second) return invalid_input(named + ": allowed value '" + value + "' is given twice");
    }
  }
  return {};
}

std::string describe(const MeasureResult& row) {
  return "measure " + std::to_string(row.measure_id.value) + ", organisation " +
         std::to_string(row.organisation_id.value) + ", " + row.period_start.to_string() + " to " +
         row.period_end.to_string();
}

std::string describe(const Participation& row) {
  return std::to_string(row.organisation_id.value) + "/" + std::to_string(row.audit_id.value) + "/" +
         row.year.to_string();
}

}  // namespace clinaudit::domain
