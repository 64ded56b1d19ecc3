#include "domain/nice_register.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "domain/access.hpp"
#include "domain/enum_text.hpp"

namespace clinaudit::domain {
namespace {

constexpr EnumTable<GuidanceStatus, 6> kStatuses{
    {{GuidanceStatus::not_applicable, "not_applicable"},
     {GuidanceStatus::applicability_to_be_assessed, "applicability_to_be_assessed"},
     {GuidanceStatus::baseline_incomplete, "baseline_incomplete"},
     {GuidanceStatus::compliant, "compliant"},
     {GuidanceStatus::partly_compliant, "partly_compliant"},
     {GuidanceStatus::not_compliant, "not_compliant"}}};
constexpr EnumTable<GuidanceStatus, 6> kStatusWords{
    {{GuidanceStatus::not_applicable, "Not applicable"},
     {GuidanceStatus::applicability_to_be_assessed, "Applicability to be assessed"},
     {GuidanceStatus::baseline_incomplete, "Baseline incomplete"},
     {GuidanceStatus::compliant, "Compliant"},
     {GuidanceStatus::partly_compliant, "Partly compliant"},
     {GuidanceStatus::not_compliant, "Not compliant"}}};

Result<void> organisation_only(const Principal& who) {
  if (is_national_body(who)) {
    return Error{ErrorCode::forbidden, "the NICE guidance register is kept by each organisation for itself"};
  }
  return {};
}

Result<void> managers_only(const Principal& who) {
  CLINAUDIT_TRY_VOID(organisation_only(who));
  if (!may_manage_nice_register(who)) {
    return Error{ErrorCode::forbidden, "the NICE guidance register is kept by the audit managers"};
  }
  return {};
}

// The guidance, when `who` may see it (their organisation's).
Result<NiceGuidance> seen_guidance(Store& store, const Principal& who, NiceGuidanceId id) {
  CLINAUDIT_TRY_VOID(organisation_only(who));
  auto found = store.nice_guidance_item(id);
  if (!found && found.error().code == ErrorCode::not_found) {
    return Error{ErrorCode::not_found, "there is no such NICE guidance"};
  }
  if (!found) return found.error();
  if (found->organisation_id != who.organisation_id) {
    return Error{ErrorCode::not_found, "there is no such NICE guidance"};
  }
  return found;
}

bool may_assess(const Principal& who, const NiceGuidance& guidance) {
  if (is_national_body(who)) return false;
  return may_manage_nice_register(who) || (guidance.lead && *guidance.lead == who.user_id);
}

bool is_open(const Action& action) {
  return action.status == ActionStatus::open || action.status == ActionStatus::in_progress;
}

std::string actor_name(const Actor& actor, const Principal& who) { return actor.name.empty() ? who.email : actor.name; }

// The assessment in force of each recommendation (the latest of `rows`, oldest first).
std::map<std::int64_t, NiceAssessment> latest_by_recommendation(const std::vector<NiceAssessment>& rows) {
  std::map<std::int64_t, NiceAssessment> out;
  for (const auto& row : rows) out[row.recommendation_id.value] = row;
  return out;
}

// The guidance's place in the register from its records. `actions` are the organisation's.
TrackedGuidance tracked(NiceGuidance guidance, const std::vector<NiceAssessment>& assessments,
                        const std::vector<Action>& actions, Date today) {
  TrackedGuidance out;
  out.recommendations = static_cast<int>(guidance.recommendations.size());
  const auto latest = latest_by_recommendation(assessments);
  std::map<std::int64_t, int> actions_of;  // recommendation id -> actions raised from it
  for (const auto& action : actions) {
    if (action.source != ActionSource::nice_recommendation) continue;
    const bool ours = std::any_of(guidance.recommendations.begin(), guidance.recommendations.end(),
                                  [&](const NiceRecommendation& r) { return r.id.value == action.source_id; });
    if (!ours) continue;
    ++actions_of[action.source_id];
    ++out.actions;
    if (is_open(action)) ++out.open_actions;
  }
  for (const auto& recommendation : guidance.recommendations) {
    const auto found = latest.find(recommendation.id.value);
    if (found == latest.end()) continue;
    ++out.assessed;
    switch (found->second.compliance) {
      case Compliance::compliant: ++out.compliant; break;
      case Compliance::partly_compliant: ++out.partly_compliant; break;
      case Compliance::not_compliant: ++out.not_compliant; break;
      case Compliance::not_applicable: ++out.not_applicable; break;
    }
    if (needs_action(found->second.compliance) && !actions_of.contains(recommendation.id.value)) {
      ++out.without_action;
    }
  }
  if (guidance.applicability == Applicability::not_applicable) {
    out.status = GuidanceStatus::not_applicable;
    out.without_action = 0;
  } else if (guidance.applicability == Applicability::to_be_assessed) {
    out.status = GuidanceStatus::applicability_to_be_assessed;
  } else if (out.recommendations == 0 || out.assessed < out.recommendations) {
    out.status = GuidanceStatus::baseline_incomplete;
  } else if (out.not_compliant > 0) {
    out.status = GuidanceStatus::not_compliant;
  } else if (out.partly_compliant > 0) {
    out.status = GuidanceStatus::partly_compliant;
  } else {
    out.status = GuidanceStatus::compliant;
  }
  out.review_overdue =
      guidance.applicability != Applicability::not_applicable && guidance.review_due && today > *guidance.review_due;
  out.guidance = std::move(guidance);
  return out;
}

void count(NiceSummary& summary, const TrackedGuidance& item) {
  ++summary.guidance;
  switch (item.guidance.applicability) {
    case Applicability::applicable: ++summary.applicable; break;
    case Applicability::to_be_assessed: ++summary.to_be_assessed; break;
    case Applicability::not_applicable: ++summary.not_applicable; break;
  }
  switch (item.status) {
    case GuidanceStatus::compliant: ++summary.compliant; break;
    case GuidanceStatus::partly_compliant: ++summary.partly_compliant; break;
    case GuidanceStatus::not_compliant: ++summary.not_compliant; break;
    case GuidanceStatus::baseline_incomplete: ++summary.baseline_incomplete; break;
    case GuidanceStatus::not_applicable:
    case GuidanceStatus::applicability_to_be_assessed: break;
  }
  if (item.review_overdue) ++summary.reviews_overdue;
  summary.recommendations_without_action += item.without_action;
  summary.open_actions += item.open_actions;
}

std::vector<NiceAssessment> of_guidance(const std::vector<NiceAssessment>& rows, NiceGuidanceId id) {
  std::vector<NiceAssessment> out;
  for (const auto& row : rows) {
    if (row.guidance_id == id) out.push_back(row);
  }
  return out;
}

// The register's whole list with its summary, from the store.
struct WholeRegister {
  std::vector<TrackedGuidance> items;
  NiceSummary summary;
};

Result<WholeRegister> whole_register(Store& store, OrganisationId organisation, Date today) {
  CLINAUDIT_TRY(auto guidance, store.nice_guidance(organisation));
  CLINAUDIT_TRY(const auto assessments, store.nice_assessments(organisation, std::nullopt));
  CLINAUDIT_TRY(const auto actions, store.actions(organisation));
  WholeRegister out;
  for (auto& row : guidance) {
    const auto id = row.id;
    out.items.push_back(tracked(std::move(row), of_guidance(assessments, id), actions, today));
    count(out.summary, out.items.back());
  }
  return out;
}

Result<std::vector<User>> possible_leads(Store& store, const Principal& who) {
  CLINAUDIT_TRY(auto users, store.users(who.organisation_id));
  std::vector<User> out;
  for (auto& user : users) {
    if (user.active && role_allows(user.role, Permission::record_reports)) out.push_back(std::move(user));
  }
  return out;
}

Result<std::vector<TrustUnit>> divisions_of(Store& store, OrganisationId organisation) {
  CLINAUDIT_TRY(auto units, store.trust_units(organisation));
  std::vector<TrustUnit> out;
  for (auto& unit : units) {
    if (!unit.is_specialty()) out.push_back(std::move(unit));
  }
  return out;
}

// Fills the guidance's own fields from the form, checking them. `row` holds the guidance as
// it was (an edit) or a new one with its organisation set.
Result<void> apply_form(Store& store, const Principal& who, const GuidanceForm& form, NiceGuidance& row) {
  row.title = form.title;
  if (row.title.empty()) return invalid_input("title: give the guidance's title, as NICE publishes it");
  if (form.published_unreadable || !form.published_on) {
    return invalid_input("published_on: enter the date NICE published it as YYYY-MM-DD");
  }
  row.published_on = *form.published_on;
  row.applicability = form.applicability.value_or(Applicability::to_be_assessed);
  row.applicability_note = form.applicability_note;
  if (row.applicability == Applicability::not_applicable && row.applicability_note.empty()) {
    return invalid_input("applicability_note: say why the guidance does not apply to the trust's services");
  }
  if (form.lead) {
    auto user = store.user(*form.lead);
    if (!user || user->organisation_id != who.organisation_id || !user->active) {
      return invalid_input("lead_id: choose someone in your organisation");
    }
    if (!role_allows(user->role, Permission::record_reports)) {
      return invalid_input("lead_id: choose someone whose role records reviews");
    }
    row.lead = user->id;
    row.lead_name = user->display_name.empty() ? user->email : user->display_name;
  } else {
    row.lead.reset();
    row.lead_name = form.lead_name;
  }
  // A retired division stays on the guidance that names it but is chosen for no other.
  if (form.division && form.division != row.division) {
    CLINAUDIT_TRY(const auto divisions, divisions_of(store, who.organisation_id));
    if (std::none_of(divisions.begin(), divisions.end(),
                     [&](const TrustUnit& d) { return d.id == *form.division && !d.retired; })) {
      return invalid_input("division_id: choose one of your organisation's divisions");
    }
  }
  row.division = form.division;
  if (form.review_due_unreadable)
    return invalid_input("review_due: enter the review date as YYYY-MM-DD, or leave it empty");
  row.review_due = form.review_due;
  if (row.review_due && *row.review_due < row.published_on) {
    return invalid_input("review_due: the review cannot be due before the guidance was published");
  }
  return {};
}

// The checks before an assessment or an action: the guidance seen, the recommendation one of
// its own, `who` a manager or its lead.
Result<NiceGuidance> work_target(Store& store, const Principal& who, NiceGuidanceId id,
                                 NiceRecommendationId recommendation) {
  CLINAUDIT_TRY(auto guidance, seen_guidance(store, who, id));
  if (!may_assess(who, guidance)) {
    return Error{ErrorCode::forbidden,
                 "the guidance's recommendations are assessed by the audit managers and its lead"};
  }
  const auto& rows = guidance.recommendations;
  if (std::none_of(rows.begin(), rows.end(), [&](const NiceRecommendation& r) { return r.id == recommendation; })) {
    return Error{ErrorCode::not_found, "the guidance has no such recommendation"};
  }
  return guidance;
}

LinkedAudit linked(const Audit& audit) { return LinkedAudit{audit.id, audit.code, audit.title, audit.kind}; }

}  // namespace

bool may_manage_nice_register(const Principal& who) {
  return !is_national_body(who) && (who.role == Role::audit_manager || who.role == Role::admin);
}

std::string_view to_string(GuidanceStatus status) { return enum_text(kStatuses, status); }
std::optional<GuidanceStatus> parse_guidance_status(std::string_view text) { return enum_from_text(kStatuses, text); }
std::string_view display_name(GuidanceStatus status) { return enum_text(kStatusWords, status); }

Result<NiceGuidanceId> add_guidance(Store& store, const Principal& who, const Actor& actor, const GuidanceForm& form) {
  CLINAUDIT_TRY_VOID(managers_only(who));
  const auto reference = parse_guidance_reference(form.reference);
  if (!reference) {
    return invalid_input("reference: give NICE's reference, such as NG136, CG95, QS15, TA123 or IPG642");
  }
  NiceGuidance row;
  row.organisation_id = who.organisation_id;
  row.type = reference->first;
  row.number = reference->second;
  CLINAUDIT_TRY_VOID(apply_form(store, who, form, row));
  CLINAUDIT_TRY(const auto ids, store.add_nice_guidance({row}, actor));
  return ids.front();
}

Result<void> edit_guidance(Store& store, const Principal& who, const Actor& actor, NiceGuidanceId id,
                           const GuidanceForm& form) {
  CLINAUDIT_TRY(auto row, seen_guidance(store, who, id));
  CLINAUDIT_TRY_VOID(managers_only(who));
  CLINAUDIT_TRY_VOID(apply_form(store, who, form, row));
  return store.update_nice_guidance(row, actor);
}

Result<NiceRecommendationId> add_guidance_recommendation(Store& store, const Principal& who, const Actor& actor,
                                                         NiceGuidanceId id, const NiceRecommendation& row) {
  CLINAUDIT_TRY(const auto guidance, seen_guidance(store, who, id));
  CLINAUDIT_TRY_VOID(managers_only(who));
  if (row.label.empty())
    return invalid_input("label: give the recommendation's number as NICE numbers it, such as 1.2.3");
  if (row.text.empty()) return invalid_input("text: give the recommendation's text");
  for (const auto& existing : guidance.recommendations) {
    if (existing.label == row.label) {
      return Error{ErrorCode::conflict, "the guidance already has a recommendation " + row.label};
    }
  }
  return store.add_nice_recommendation(id, row, actor);
}

Result<void> assess_guidance_recommendation(Store& store, const Principal& who, const Actor& actor, const Clock& clock,
                                            NiceGuidanceId id, NiceRecommendationId recommendation,
                                            const NewAssessment& request) {
  CLINAUDIT_TRY(const auto guidance, work_target(store, who, id, recommendation));
  if (!request.compliance) {
    return invalid_input("compliance: choose compliant, partly compliant, not compliant or not applicable");
  }
  if (request.evidence.empty()) return invalid_input("evidence: say what shows it (or why it does not apply)");
  CLINAUDIT_TRY(const auto earlier, store.nice_assessments(who.organisation_id, id));
  const auto latest = latest_by_recommendation(earlier);
  if (const auto found = latest.find(recommendation.value); found != latest.end() &&
                                                            found->second.compliance == *request.compliance &&
                                                            found->second.evidence == request.evidence) {
    return Error{ErrorCode::conflict, "the assessment is the same as the one in force"};
  }
  NiceAssessment row;
  row.guidance_id = id;
  row.recommendation_id = recommendation;
  row.compliance = *request.compliance;
  row.evidence = request.evidence;
  row.assessed_by_user = who.user_id;
  row.assessed_by = actor_name(actor, who);
  row.assessed_at = clock.now_iso();
  CLINAUDIT_TRY(const auto stored, store.add_nice_assessment(row, actor));
  static_cast<void>(stored);
  return {};
}

Result<ActionId> raise_guidance_action(Store& store, const Principal& who, const Actor& actor, NiceGuidanceId id,
                                       NiceRecommendationId recommendation, NewAction action) {
  CLINAUDIT_TRY(const auto guidance, work_target(store, who, id, recommendation));
  CLINAUDIT_TRY(const auto assessments, store.nice_assessments(who.organisation_id, id));
  const auto latest = latest_by_recommendation(assessments);
  const auto found = latest.find(recommendation.value);
  if (found == latest.end() || !needs_action(found->second.compliance)) {
    return invalid_input("compliance: actions are raised from a recommendation assessed as partly or not compliant");
  }
  action.source = ActionSource::nice_recommendation;
  action.source_id = recommendation.value;
  return raise_action(store, who, actor, action);
}

Result<void> link_guidance_audit(Store& store, const Principal& who, const Actor& actor, NiceGuidanceId id,
                                 std::optional<AuditId> audit, bool linked_now) {
  CLINAUDIT_TRY(const auto guidance, seen_guidance(store, who, id));
  CLINAUDIT_TRY_VOID(managers_only(who));
  if (!audit) return invalid_input("audit_id: choose the audit");
  auto found = store.audit(*audit);
  if (!found || !may_see_audit(who, *found)) return invalid_input("audit_id: there is no such audit");
  return store.set_nice_audit_link(id, *audit, linked_now, actor);
}

Result<void> record_guidance_review(Store& store, const Principal& who, const Actor& actor, Date today,
                                    NiceGuidanceId id, std::optional<Date> reviewed_on,
                                    std::optional<Date> next_review_due) {
  CLINAUDIT_TRY(auto row, seen_guidance(store, who, id));
  CLINAUDIT_TRY_VOID(managers_only(who));
  if (!reviewed_on) return invalid_input("reviewed_on: enter the day of the review as YYYY-MM-DD");
  if (*reviewed_on > today) return invalid_input("reviewed_on: the review cannot be in the future");
  if (*reviewed_on < row.published_on) {
    return invalid_input("reviewed_on: the review cannot come before the guidance was published");
  }
  if (!next_review_due) return invalid_input("next_review_due: enter when the next review is due as YYYY-MM-DD");
  if (*next_review_due <= *reviewed_on)
    return invalid_input("next_review_due: the next review must come after this one");
  row.last_reviewed_on = reviewed_on;
  row.review_due = next_review_due;
  return store.update_nice_guidance(row, actor);
}

Result<NiceRegister> nice_register(Store& store, const Principal& who, Date today, const GuidanceFilter& filter) {
  CLINAUDIT_TRY_VOID(organisation_only(who));
  CLINAUDIT_TRY(auto whole, whole_register(store, who.organisation_id, today));
  NiceRegister out;
  out.summary = whole.summary;
  out.filter = filter;
  out.may_manage = may_manage_nice_register(who);
  CLINAUDIT_TRY(out.divisions, divisions_of(store, who.organisation_id));
  if (out.may_manage) {
    CLINAUDIT_TRY(out.leads, possible_leads(store, who));
  }
  std::map<std::int64_t, std::string> division_names;
  for (const auto& division : out.divisions) division_names[division.id.value] = division.name;
  for (auto& item : whole.items) {
    if (filter.division && item.guidance.division != filter.division) continue;
    if (filter.status && item.status != *filter.status) continue;
    if (item.guidance.division) item.division_name = division_names[item.guidance.division->value];
    out.items.push_back(std::move(item));
  }
  std::stable_sort(out.items.begin(), out.items.end(), [](const TrackedGuidance& a, const TrackedGuidance& b) {
    return a.review_overdue && !b.review_overdue;
  });
  return out;
}

Result<NiceSummary> nice_summary(Store& store, OrganisationId organisation, Date today) {
  CLINAUDIT_TRY(const auto whole, whole_register(store, organisation, today));
  return whole.summary;
}

Result<GuidanceDetails> guidance_details(Store& store, const Principal& who, Date today, NiceGuidanceId id) {
  CLINAUDIT_TRY(auto guidance, seen_guidance(store, who, id));
  CLINAUDIT_TRY(const auto assessments, store.nice_assessments(who.organisation_id, id));
  CLINAUDIT_TRY(auto actions, store.actions(who.organisation_id));
  GuidanceDetails out;
  out.may_manage = may_manage_nice_register(who);
  out.may_assess = may_assess(who, guidance);
  CLINAUDIT_TRY(out.divisions, divisions_of(store, who.organisation_id));
  if (out.may_manage) {
    CLINAUDIT_TRY(out.leads, possible_leads(store, who));
  }
  std::sort(actions.begin(), actions.end(), [](const Action& a, const Action& b) {
    return std::tuple(a.due_on, a.id.value) < std::tuple(b.due_on, b.id.value);
  });
  for (const auto& recommendation : guidance.recommendations) {
    TrackedNiceRecommendation item;
    item.recommendation = recommendation;
    for (auto it = assessments.rbegin(); it != assessments.rend(); ++it) {
      if (it->recommendation_id != recommendation.id) continue;
      if (!item.assessment) {
        item.assessment = *it;
      } else {
        item.history.push_back(*it);
      }
    }
    for (const auto& action : actions) {
      if (action.source == ActionSource::nice_recommendation && action.source_id == recommendation.id.value) {
        item.actions.push_back(action);
      }
    }
    item.without_action = guidance.applicability != Applicability::not_applicable && item.assessment &&
                          needs_action(item.assessment->compliance) && item.actions.empty();
    out.recommendations.push_back(std::move(item));
  }
  for (const auto audit_id : guidance.audits) {
    if (auto audit = store.audit(audit_id); audit && may_see_audit(who, *audit)) out.audits.push_back(linked(*audit));
  }
  if (out.may_manage) {
    CLINAUDIT_TRY(const auto audits, store.audits(AuditFilter{}));
    for (const auto& audit : audits) {
      if (!may_see_audit(who, audit)) continue;
      if (std::find(guidance.audits.begin(), guidance.audits.end(), audit.id) != guidance.audits.end()) continue;
      out.linkable.push_back(linked(audit));
    }
  }
  out.item = tracked(std::move(guidance), assessments, actions, today);
  for (const auto& division : out.divisions) {
    if (out.item.guidance.division == division.id) out.item.division_name = division.name;
  }
  return out;
}

}  // namespace clinaudit::domain
