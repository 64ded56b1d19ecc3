#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/audit.hpp"
#include "domain/dataset.hpp"
#include "domain/governance.hpp"
#include "domain/measure.hpp"
#include "domain/notifications.hpp"
#include "domain/organisation.hpp"
#include "domain/outlier_case.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/report_tracking.hpp"
#include "domain/survey.hpp"
#include "domain/user.hpp"
#include "stats/funnel.hpp"
#include "stats/spc_xmr.hpp"

// The words people read for every enum they see, in one place (the stored keys are in
// domain/enum_names.cpp and stay in URLs, form values, CSV imports and the JSON API).
// Pages, notifications, the board pack, the Quality Account and every export use these.
// display_name(Role), display_name(OrganisationType), display_name(MeasureSource) and
// display_name(ValueType) sit beside their enums; this header gathers them with the rest.
// Every function is pure and safe from any thread; each word starts with a capital letter
// unless it reads inside a sentence (said per function).
namespace clinaudit::domain {

std::string_view display_name(AuditKind kind);         // "National clinical audit"
std::string_view display_name(AuditStatus status);     // "In progress"
std::string_view display_name(MeasureType type);       // "Proportion"
std::string_view display_name(Improvement direction);  // inside a sentence: "better is higher"
std::string_view display_name(ActionStatus status);    // "In progress"
std::string_view display_name(ActionSource source);    // "Audit recommendation"
std::string_view display_name(ActionEventKind kind);   // "Due date changed"
std::string_view display_name(BoardItemKind kind);     // "Report review"
std::string_view display_name(OutlierLevel level);     // "Alarm (3 SD)"
std::string_view display_name(OutlierStatus status);   // "Open"
std::string_view display_name(QuestionKind kind);      // "Single choice"
std::string_view display_name(OutlierTrack track);     // "Alarm", "Alert", "Better than expected"
std::string_view display_name(OutlierParty party);     // "National audit provider"
std::string_view display_name(NotificationKind kind);  // "New outlier case"

// Making Data Count icons (NHS England, "Making data count: getting started", 2019).
std::string_view display_name(stats::VariationIcon icon);  // "Special cause concern: higher values"
// The assurance icons; the inconsistent one says "inconsistently passing and falling short
// of the target", as Making Data Count does.
std::string_view display_name(stats::AssuranceIcon icon);
std::string_view display_name(stats::FunnelFlag flag);  // "Alarm: above the 99.8% limit"

// The same, from the stored key of the icon or flag (views carry keys); a key of no icon reads
// as "Not enough data for a chart (12 points needed)", "No target" and "Within limits".
std::string variation_words(std::string_view key);
std::string assurance_words(std::string_view key);
std::string flag_words(std::string_view key);

// Where a case's outlier status stands: "Confirmed outlier" once an alarm is confirmed at
// review, "Withdrawn" or "Closed" after, else "Potential outlier, not yet confirmed" for a
// result worse than expected and "Better than expected, shared as learning" for a better one.
std::string_view standing_words(const OutlierCase& item);

// The words of an outlier stage: its name in `stages` (a timetable's), else the key made
// readable ("chief executive informed") for a stage no longer in the timetable.
std::string stage_words(const std::vector<OutlierStage>& stages, std::string_view key);

}  // namespace clinaudit::domain
