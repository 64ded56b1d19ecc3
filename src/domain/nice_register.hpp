#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/action_commands.hpp"
#include "domain/clock.hpp"
#include "domain/nice_guidance.hpp"
#include "domain/report_tracker.hpp"
#include "domain/store.hpp"

// An organisation's NICE guidance register (docs/guide-audit-manager.md, "The NICE guidance
// register"): the guidance the trust tracks, whether each applies, its lead and division, the
// baseline compliance of each recommendation with its history, actions raised from those not
// met, the audits that check it, and the review dates. The register is the organisation's
// own: the national body keeps none (forbidden), and another organisation's guidance is not
// found.
//
// Who may change it: the organisation's audit managers and administrators add, edit, import
// and review guidance and link its audits; they and the guidance's lead (a user) assess its
// recommendations and raise their actions. Everyone at the organisation reads it.
namespace clinaudit::domain {

// Whether `who` manages the register: an audit manager or administrator of a trust.
bool may_manage_nice_register(const Principal& who);

// Guidance as a person gives it on the add and edit forms. A date that was given but is not
// one is `*_unreadable`. On an edit the reference is ignored.
struct GuidanceForm {
  std::string reference;  // "NG136"
  std::string title;
  std::optional<Date> published_on;
  bool published_unreadable = false;
  std::optional<Applicability> applicability;
  std::string applicability_note;
  std::optional<UserId> lead;
  std::string lead_name;
  std::optional<TrustUnitId> division;
  std::optional<Date> review_due;
  bool review_due_unreadable = false;
};

// Adds guidance to `who`'s register. Errors: forbidden (may_manage_nice_register);
// invalid_input naming reference, title, published_on, applicability, lead_id, division_id or
// review_due; conflict when the register already has the reference; the store's.
Result<NiceGuidanceId> add_guidance(Store& store, const Principal& who, const Actor& actor, const GuidanceForm& form);

// Changes the guidance's title, date, applicability, lead, division and review date; errors
// as add_guidance's, and not_found for guidance `who` may not see.
Result<void> edit_guidance(Store& store, const Principal& who, const Actor& actor, NiceGuidanceId id,
                           const GuidanceForm& form);

// Adds a recommendation ("1.2.3" and its text). Errors: forbidden; not_found; invalid_input
// naming label or text; conflict for a label the guidance has.
Result<NiceRecommendationId> add_guidance_recommendation(Store& store, const Principal& who, const Actor& actor,
                                                         NiceGuidanceId id, const NiceRecommendation& row);

// Records the baseline assessment of one recommendation, keeping the earlier ones as its
// history. Errors: forbidden for anyone but the managers and the guidance's lead; not_found
// for guidance `who` may not see or a recommendation it does not have; invalid_input naming
// compliance or evidence; conflict when it repeats the assessment in force.
Result<void> assess_guidance_recommendation(Store& store, const Principal& who, const Actor& actor, const Clock& clock,
                                            NiceGuidanceId id, NiceRecommendationId recommendation,
                                            const NewAssessment& assessment);

// Raises an action (raise_action's rules) from a recommendation assessed partly or not
// compliant: its source is nice_recommendation and its source_id the recommendation. Errors:
// as assess_guidance_recommendation's, and invalid_input when it is not assessed so.
Result<ActionId> raise_guidance_action(Store& store, const Principal& who, const Actor& actor, NiceGuidanceId id,
                                       NiceRecommendationId recommendation, NewAction action);

// Links (or unlinks) an audit the organisation sees to the guidance. Errors: forbidden;
// not_found for guidance `who` may not see; invalid_input naming audit_id for an audit it may
// not see.
Result<void> link_guidance_audit(Store& store, const Principal& who, const Actor& actor, NiceGuidanceId id,
                                 std::optional<AuditId> audit, bool linked);

// Records a review of the guidance on `reviewed_on` and when the next one is due. Errors:
// forbidden; not_found; invalid_input naming reviewed_on (missing, in the future or before
// publication) or next_review_due (missing or not after the review).
Result<void> record_guidance_review(Store& store, const Principal& who, const Actor& actor, Date today,
                                    NiceGuidanceId id, std::optional<Date> reviewed_on,
                                    std::optional<Date> next_review_due);

// Where a piece of guidance stands as a whole, from its applicability and the assessments in
// force of its recommendations: an applicable piece is compliant when every recommendation is
// compliant or not applicable, not compliant when any is not compliant, partly compliant
// otherwise; until every recommendation is assessed its baseline is incomplete.
enum class GuidanceStatus {
  not_applicable,
  applicability_to_be_assessed,
  baseline_incomplete,
  compliant,
  partly_compliant,
  not_compliant
};

std::string_view to_string(GuidanceStatus status);
std::optional<GuidanceStatus> parse_guidance_status(std::string_view text);
std::string_view display_name(GuidanceStatus status);  // "Baseline incomplete"

// One recommendation with its assessment in force, its earlier ones (newest first) and the
// actions raised from it.
struct TrackedNiceRecommendation {
  NiceRecommendation recommendation;
  std::optional<NiceAssessment> assessment;
  std::vector<NiceAssessment> history;
  std::vector<Action> actions;  // by due date
  bool without_action = false;  // partly or not compliant and no action raised
};

// A piece of guidance in the register with its figures. Its review is overdue when it is not
// judged not applicable and today is past its review date.
struct TrackedGuidance {
  NiceGuidance guidance;
  std::string division_name;  // empty without a division
  GuidanceStatus status = GuidanceStatus::applicability_to_be_assessed;
  int recommendations = 0;
  int assessed = 0;
  int compliant = 0;
  int partly_compliant = 0;
  int not_compliant = 0;
  int not_applicable = 0;
  int without_action = 0;  // partly or not compliant with no action raised
  int actions = 0;
  int open_actions = 0;
  bool review_overdue = false;
};

// The register's figures, for the register's head, the annual report and the board.
struct NiceSummary {
  int guidance = 0;
  int applicable = 0;
  int to_be_assessed = 0;
  int not_applicable = 0;
  int compliant = 0;
  int partly_compliant = 0;
  int not_compliant = 0;
  int baseline_incomplete = 0;
  int reviews_overdue = 0;
  int recommendations_without_action = 0;  // partly or not compliant with no action raised
  int open_actions = 0;
};

// Which guidance the register shows: one division's, one status's (empty: all).
struct GuidanceFilter {
  std::optional<TrustUnitId> division;
  std::optional<GuidanceStatus> status;
};

struct NiceRegister {
  std::vector<TrackedGuidance> items;  // overdue reviews first, then by reference
  NiceSummary summary;                 // of the whole register, whatever the filter
  GuidanceFilter filter;
  std::vector<TrustUnit> divisions;  // the organisation's divisions, for the filter and the forms
  std::vector<User> leads;           // who may lead guidance, when may_manage
  bool may_manage = false;
};

// Errors: forbidden for the national body; the store's.
Result<NiceRegister> nice_register(Store& store, const Principal& who, Date today, const GuidanceFilter& filter);

// The register's figures alone (the annual report, the dashboard and the board pack).
Result<NiceSummary> nice_summary(Store& store, OrganisationId organisation, Date today);

// An audit linked to guidance, as its page lists it.
struct LinkedAudit {
  AuditId id;
  std::string code;
  std::string title;
  AuditKind kind = AuditKind::local_audit;
};

struct GuidanceDetails {
  TrackedGuidance item;
  std::vector<TrackedNiceRecommendation> recommendations;
  std::vector<LinkedAudit> audits;
  std::vector<LinkedAudit> linkable;  // the organisation's audits not yet linked, when may_manage
  std::vector<TrustUnit> divisions;
  std::vector<User> leads;
  bool may_manage = false;
  bool may_assess = false;
};

// Errors: forbidden for the national body; not_found for guidance `who` may not see.
Result<GuidanceDetails> guidance_details(Store& store, const Principal& who, Date today, NiceGuidanceId id);

}  // namespace clinaudit::domain
