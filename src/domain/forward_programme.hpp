#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/local_audit_register.hpp"
#include "domain/store.hpp"

// A trust's forward programme for a financial year (docs/governance.md, "The forward
// programme"): the national audits it is eligible for and the local audits planned to start
// in the year, by priority tier, with the audits carried over from earlier years; each with
// its progress, and progress against plan by division. Every signed-in user of the trust
// reads it (view_organisation); it holds only the caller's own trust's audits.
namespace clinaudit::domain {

// Where an audit of the programme stands, in the programme's terms.
enum class ProgrammeState {
  awaiting_approval,  // proposed or changes asked for: not yet in the plan
  not_started,        // approved, data collection not begun
  under_way,          // data collection to re-audit
  completed,
  abandoned,
  taking_part,      // a national audit the trust takes part in
  data_submitted,   // ... whose data collection is complete
  not_taking_part,  // a national audit the trust is eligible for and does not take part in
  not_recorded,     // a national audit whose participation is not recorded
};

std::string_view to_string(ProgrammeState state);
std::string_view display_name(ProgrammeState state);  // "Awaiting approval"

struct ProgrammeItem {
  AuditId audit_id;
  std::string code;
  std::string title;
  ProgrammeTier tier = ProgrammeTier::local_interest;
  bool national = false;  // a national audit (its participation), not a local audit
  std::optional<TrustUnitId> division_id;
  std::string division;  // "" for none (national audits are trust-wide)
  std::string lead;
  std::optional<Date> start_date;
  std::optional<Date> end_date;
  std::optional<LocalAuditStage> stage;  // local audits
  ProgrammeState state = ProgrammeState::not_started;
  std::optional<Date> finished_on;  // when a completed or abandoned audit ended
  std::string progress;             // in words: "Data collection", "Completed on 2026-05-10"
  bool carried_in = false;          // planned in an earlier year, still under way when this one began
  bool carries_over = false;        // finishes after this year (planned to, or did not finish in it)
  std::string carried_in_reason;    // why it was carried into this year; "" when none is recorded
  std::string carry_over_reason;    // why it carries over out of this year; "" when none is recorded
  std::string abandoned_reason;     // the rationale, for an abandoned audit
  std::string not_taking_part_reason;
  bool overdue = false;  // approved, past its planned end and not finished
};

// Progress against plan for one division (or the whole trust). The plan is the local audits
// approved to start in the year plus those carried in; awaiting approval is counted apart.
struct DivisionProgress {
  std::optional<TrustUnitId> division_id;
  std::string division;  // "No division" for audits without one; "All divisions" for the total
  int in_plan = 0;
  int carried_in = 0;
  int completed = 0;
  int under_way = 0;
  int not_started = 0;
  int abandoned = 0;
  int carrying_over = 0;
  int overdue = 0;
  int awaiting_approval = 0;

  // Completed as a share of the plan, in [0, 1]; empty for an empty plan.
  std::optional<double> completed_share() const {
    if (in_plan == 0) return std::nullopt;
    return static_cast<double>(completed) / static_cast<double>(in_plan);
  }
};

struct ForwardProgramme {
  std::string organisation;  // the trust's name
  FinancialYear year;
  Date as_of;
  std::vector<ProgrammeItem> items;         // by tier, then division, then code
  std::vector<DivisionProgress> divisions;  // by name; audits without a division last
  DivisionProgress total;
  int national_eligible = 0;
  int national_taking_part = 0;
};

// The programme of `who`'s organisation for `year`, as it stands on `today`.
Result<ForwardProgramme> forward_programme(Store& store, const Principal& who, Date today, FinancialYear year);

}  // namespace clinaudit::domain
