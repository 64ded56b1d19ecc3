#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace clinaudit {

// A database identifier that cannot be mixed up with another kind of id.
// Zero means "not yet stored".
template <typename Tag>
struct Id {
  std::int64_t value = 0;
  constexpr bool valid() const { return value > 0; }
  friend constexpr auto operator<=>(const Id&, const Id&) = default;
};

using OrganisationId = Id<struct OrganisationTag>;
using UserId = Id<struct UserTag>;
using AuditId = Id<struct AuditTag>;
using MeasureId = Id<struct MeasureTag>;
using ResultId = Id<struct ResultTag>;
using EpisodeId = Id<struct EpisodeTag>;
using ActionId = Id<struct ActionTag>;
using OutlierCaseId = Id<struct OutlierCaseTag>;
using BoardMeetingId = Id<struct BoardMeetingTag>;
using ReportReviewId = Id<struct ReportReviewTag>;
using AuditReportId = Id<struct AuditReportTag>;
using SurveyId = Id<struct SurveyTag>;
using AnalysisRunId = Id<struct AnalysisRunTag>;
using CriterionId = Id<struct CriterionTag>;
using SupplierId = Id<struct SupplierTag>;

}  // namespace clinaudit

// Specialising std::hash for a program-defined type is what the standard allows.
template <typename Tag>
// NOLINTNEXTLINE(bugprone-std-namespace-modification)
struct std::hash<clinaudit::Id<Tag>> {
  std::size_t operator()(const clinaudit::Id<Tag>& id) const noexcept { return std::hash<std::int64_t>{}(id.value); }
};
