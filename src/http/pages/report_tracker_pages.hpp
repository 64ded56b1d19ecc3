#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/action_list.hpp"
#include "domain/report_tracker.hpp"
#include "http/app.hpp"
#include "render/html.hpp"

// The report tracker's pages (docs/guide-audit-manager.md, "The report tracker"): the
// trust-wide list, one report's tracker with its forms, and the summary on the report's page.
namespace clinaudit::http::pages {

// A tracker form sent and refused: which form (`assign`, `assess`, `action`, `weeks`), the
// recommendation it was about (0: none) and what was typed, to show again.
struct TrackerDraft {
  std::string form;
  int number = 0;
  std::map<std::string, std::string> values;
};

std::string report_tracker_list_page(const Context& context, const domain::ReportTrackerList& list,
                                     const std::optional<Error>& error, const std::string& message,
                                     const std::optional<TrackerDraft>& draft);

// `actions` are the recommendations' actions as rows (owner's name, overdue), by action id.
std::string report_tracker_page(const Context& context, const domain::ReportTracker& tracker,
                                const std::map<std::int64_t, domain::ActionRow>& actions,
                                const std::optional<Error>& error, const std::string& message,
                                const std::optional<TrackerDraft>& draft);

// The tracker's progress on the report's own page, with the link to the tracker.
render::Html report_tracker_summary(const domain::TrackedReport& report);

}  // namespace clinaudit::http::pages
