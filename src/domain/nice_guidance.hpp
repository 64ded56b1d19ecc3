#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/local_audit_register.hpp"
#include "domain/report_tracking.hpp"

namespace clinaudit {
using NiceGuidanceId = Id<struct NiceGuidanceTag>;
using NiceRecommendationId = Id<struct NiceRecommendationTag>;
}  // namespace clinaudit

// The records of an organisation's NICE guidance register (docs/guide-audit-manager.md, "The
// NICE guidance register"): each piece of guidance the trust tracks, whether it applies, who
// leads it, its recommendations with the trust's baseline compliance, the audits that check
// it and when it is next reviewed. The use cases are in domain/nice_register.hpp.
namespace clinaudit::domain {

// NICE's kinds of guidance, as its references start: NG136, CG95, QS15, TA123, IPG642.
enum class GuidanceType { ng, cg, qs, ta, ipg };

std::string_view to_string(GuidanceType type);                           // "NG"
std::optional<GuidanceType> parse_guidance_type(std::string_view text);  // "NG" or "ng"
std::string_view display_name(GuidanceType type);                        // "NICE guideline"

// Whether the guidance applies to the organisation's services.
enum class Applicability { to_be_assessed, applicable, not_applicable };

std::string_view to_string(Applicability applicability);
std::optional<Applicability> parse_applicability(std::string_view text);
std::string_view display_name(Applicability applicability);  // "To be assessed"

// "NG136" from its type and number; and back, with the letters in either case.
std::string guidance_reference(GuidanceType type, int number);
std::optional<std::pair<GuidanceType, int>> parse_guidance_reference(std::string_view text);

// One recommendation of the guidance, as NICE numbers it ("1.2.3"), in the register's order.
struct NiceRecommendation {
  NiceRecommendationId id;
  std::string label;
  std::string text;
};

// A piece of NICE guidance in an organisation's register. The lead is a user of the
// organisation (`lead`, with their name in `lead_name`) or a name only. The review is due by
// `review_due`; `last_reviewed_on` is the latest review recorded. `audits` are the audits
// that check it, read with it and written by Store::set_nice_audit_link.
struct NiceGuidance {
  NiceGuidanceId id;
  OrganisationId organisation_id;
  GuidanceType type = GuidanceType::ng;
  int number = 0;
  std::string title;
  Date published_on;
  Applicability applicability = Applicability::to_be_assessed;
  std::string applicability_note;  // why it does or does not apply
  std::optional<UserId> lead;
  std::string lead_name;
  std::optional<TrustUnitId> division;
  std::optional<Date> review_due;
  std::optional<Date> last_reviewed_on;
  std::vector<NiceRecommendation> recommendations;
  std::vector<AuditId> audits;

  std::string reference() const { return guidance_reference(type, number); }
};

// One baseline assessment of a recommendation; a later one replaces it as the
// recommendation's assessment and the earlier ones stay as its history.
struct NiceAssessment {
  std::int64_t id = 0;
  NiceGuidanceId guidance_id;
  NiceRecommendationId recommendation_id;
  Compliance compliance = Compliance::not_compliant;
  std::string evidence;
  std::optional<UserId> assessed_by_user;
  std::string assessed_by;  // who assessed it, as a person reads it
  std::string assessed_at;  // ISO 8601 UTC
};

Result<void> check(const NiceGuidance& row);    // a number from 1, a title, labels and texts
Result<void> check(const NiceAssessment& row);  // evidence, a time

}  // namespace clinaudit::domain
