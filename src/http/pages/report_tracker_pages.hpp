#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/action_list.hpp"
#include "domain/report_tracker.hpp"
#include "http/app.hpp"
#include "http/pages/baseline_forms.hpp"
#include "render/html.hpp"

// The report tracker's pages (docs/guide-audit-manager.md, "The report tracker"): the
// trust-wide list, one report's tracker with its forms, and the summary on the report's page.
namespace clinaudit::http::pages {

// A tracker form sent and refused (`assign`, `assess`, `action`, `weeks`), its item the
// recommendation's number.
using TrackerDraft = BaselineDraft;

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
