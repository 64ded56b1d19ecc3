#pragma once

#include <optional>
#include <string>

#include <vector>
#include "core/result.hpp"

#include "domain/survey_results.hpp"
#include "render/html.hpp"

namespace clinaudit::report {

// A survey's results as an HTML fragment: for each question the shares with 95% Wilson
// intervals as a table and a bar chart, the grouped Likert figure, the breakdown by
// organisation type with its test (and a small-cell warning), number summaries, free
// text, and — when an earlier wave is given — the change with Newcombe's interval.
// Deterministic.
render::Html survey_html(const domain::SurveyResults& results, const std::vector<domain::WaveChange>& changes);

// The same as Markdown (tables; no charts), for pasting into reports.
std::string survey_markdown(const domain::SurveyResults& results, const std::vector<domain::WaveChange>& changes);

// The shares as CSV: question, option or group, count, answered, percent, lower, upper.
std::string survey_csv(const domain::SurveyResults& results);

// The shares, the breakdown by organisation type and the change since the previous wave as
// an XLSX workbook at `path`. Errors: storage_unavailable when the file cannot be written.
Result<void> write_survey_xlsx(const domain::SurveyResults& results, const std::vector<domain::WaveChange>& changes,
                               const std::string& path);

}  // namespace clinaudit::report
