#include "domain/forward_programme.hpp"

#include <algorithm>
#include <map>

#include "domain/enum_text.hpp"
#include "domain/local_audit_views.hpp"

namespace clinaudit::domain {

namespace {

using St = ProgrammeState;
constexpr EnumTable<St, 9> kStateKeys{{{St::awaiting_approval, "awaiting_approval"},
                                       {St::not_started, "not_started"},
                                       {St::under_way, "under_way"},
                                       {St::completed, "completed"},
                                       {St::abandoned, "abandoned"},
                                       {St::taking_part, "taking_part"},
                                       {St::data_submitted, "data_submitted"},
                                       {St::not_taking_part, "not_taking_part"},
                                       {St::not_recorded, "not_recorded"}}};
constexpr EnumTable<St, 9> kStateWords{{{St::awaiting_approval, "Awaiting approval"},
                                        {St::not_started, "Not started"},
                                        {St::under_way, "Under way"},
                                        {St::completed, "Completed"},
                                        {St::abandoned, "Abandoned"},
                                        {St::taking_part, "Taking part"},
                                        {St::data_submitted, "Data submitted"},
                                        {St::not_taking_part, "Not taking part"},
                                        {St::not_recorded, "Participation not recorded"}}};

// The day of an ISO 8601 time ("2026-05-10T10:00:00Z").
std::optional<Date> day_of(const std::string& at) {
  if (at.size() < 10) return std::nullopt;
  auto day = Date::parse(at.substr(0, 10));
  if (!day) return std::nullopt;
  return *day;
}

bool before_approval(LocalAuditStage stage) {
  return stage == LocalAuditStage::proposed || stage == LocalAuditStage::changes_requested;
}

ProgrammeState state_of(LocalAuditStage stage) {
  switch (stage) {
    case LocalAuditStage::proposed:
    case LocalAuditStage::changes_requested: return St::awaiting_approval;
    case LocalAuditStage::approved: return St::not_started;
    case LocalAuditStage::completed: return St::completed;
    case LocalAuditStage::abandoned:
    case LocalAuditStage::declined: return St::abandoned;
    default: return St::under_way;
  }
}

// The reasons of `year`'s carry-overs among `history` (oldest first): the one that brought the
// audit into the year is the latest recorded before the year began (else, recorded late, the
// first within it); the one that takes it out of the year is the latest recorded within the
// year other than that (else, recorded late, the first after it).
void carry_over_reasons(const std::vector<LocalAuditEvent>& history, FinancialYear year, ProgrammeItem& item) {
  std::vector<std::pair<Date, const LocalAuditEvent*>> carried;
  for (const auto& event : history) {
    if (event.kind != LocalAuditEventKind::carried_over) continue;
    if (const auto day = day_of(event.at)) carried.emplace_back(*day, &event);
  }
  const LocalAuditEvent* in = nullptr;
  if (item.carried_in) {
    for (const auto& [day, event] : carried) {
      if (day < year.first_day()) in = event;
    }
    for (const auto& [day, event] : carried) {
      if (in == nullptr && year.contains(day)) in = event;
    }
    if (in != nullptr) item.carried_in_reason = in->note;
  }
  if (!item.carries_over) return;
  const LocalAuditEvent* out = nullptr;
  for (const auto& [day, event] : carried) {
    if (event != in && year.contains(day)) out = event;
  }
  for (const auto& [day, event] : carried) {
    if (out == nullptr && event != in && day > year.last_day()) out = event;
  }
  if (out != nullptr) item.carry_over_reason = out->note;
}

// The local audit `row` as an item of `year`'s programme, or none when it is not in it:
// declined; planned to start in another year and not carried in.
Result<std::optional<ProgrammeItem>> local_item(Store& store, const RegisterRow& row, FinancialYear year, Date today) {
  const auto stage = row.entry.stage;
  if (stage == LocalAuditStage::declined || !row.audit.start_date) return std::optional<ProgrammeItem>{};
  const Date start = *row.audit.start_date;
  const bool finished = is_finished(stage);
  const auto finished_on = finished ? day_of(row.entry.stage_at) : std::nullopt;
  // Whether the audit had ended on `day` (an end with no time recorded is taken as long ago).
  const auto ended_by = [&](Date day) { return finished && (!finished_on || *finished_on <= day); };

  ProgrammeItem item;
  if (start < year.first_day()) {
    // Carried in: approved, planned in an earlier year, not ended when this year began; for a
    // year still to come, only if it is planned to run into it.
    const bool year_begun = year.first_day() <= today;
    const bool runs_into = row.audit.end_date && *row.audit.end_date >= year.first_day();
    if (before_approval(stage) || ended_by(year.first_day().plus_days(-1)) || (!year_begun && !runs_into)) {
      return std::optional<ProgrammeItem>{};
    }
    item.carried_in = true;
  } else if (!year.contains(start)) {
    return std::optional<ProgrammeItem>{};
  }
  item.audit_id = row.audit.id;
  item.code = row.audit.code;
  item.title = row.audit.title;
  item.tier =
      row.entry.tier.value_or(row.entry.reason ? programme_tier_of(*row.entry.reason) : ProgrammeTier::local_interest);
  item.division_id = row.entry.division;
  item.division = row.division;
  item.lead = row.lead;
  item.start_date = row.audit.start_date;
  item.end_date = row.audit.end_date;
  item.stage = stage;
  item.state = state_of(stage);
  item.finished_on = finished_on;
  item.progress = std::string(display_name(stage));
  if (finished && finished_on) item.progress += " on " + finished_on->to_string();
  item.overdue = row.past_end;
  if (!before_approval(stage)) {
    const bool year_over = today > year.last_day();
    const bool planned_beyond = row.audit.end_date && *row.audit.end_date > year.last_day();
    item.carries_over = !ended_by(year.last_day()) && (year_over || planned_beyond || (finished && finished_on));
  }
  CLINAUDIT_TRY(const auto history, store.local_audit_events(row.audit.id));
  for (const auto& event : history) {
    if (event.kind == LocalAuditEventKind::abandoned) item.abandoned_reason = event.note;
  }
  carry_over_reasons(history, year, item);
  return std::optional<ProgrammeItem>{std::move(item)};
}

ProgrammeItem national_item(const Audit& audit, const Participation& part) {
  ProgrammeItem item;
  item.audit_id = audit.id;
  item.code = audit.code;
  item.title = audit.title;
  item.tier = ProgrammeTier::national_mandatory;
  item.national = true;
  if (!part.participating) {
    item.state = St::not_recorded;
  } else if (!*part.participating) {
    item.state = St::not_taking_part;
    item.not_taking_part_reason = part.reason_not_participating;
  } else {
    item.state = part.data_collection_completed.value_or(false) ? St::data_submitted : St::taking_part;
  }
  item.progress = std::string(display_name(item.state));
  return item;
}

void count(DivisionProgress& progress, const ProgrammeItem& item) {
  if (item.state == St::awaiting_approval) {
    ++progress.awaiting_approval;
    return;
  }
  ++progress.in_plan;
  if (item.carried_in) ++progress.carried_in;
  if (item.carries_over) ++progress.carrying_over;
  if (item.overdue) ++progress.overdue;
  switch (item.state) {
    case St::completed: ++progress.completed; break;
    case St::abandoned: ++progress.abandoned; break;
    case St::not_started: ++progress.not_started; break;
    default: ++progress.under_way; break;
  }
}

}  // namespace

std::string_view to_string(ProgrammeState state) { return enum_text(kStateKeys, state); }
std::string_view display_name(ProgrammeState state) { return enum_text(kStateWords, state); }

Result<ForwardProgramme> forward_programme(Store& store, const Principal& who, Date today, FinancialYear year) {
  ForwardProgramme programme;
  programme.year = year;
  programme.as_of = today;
  CLINAUDIT_TRY(const auto organisation, store.organisation(who.organisation_id));
  programme.organisation = organisation.name;

  CLINAUDIT_TRY(const auto participation, store.participation_of(who.organisation_id, year));
  for (const auto& part : participation) {
    if (part.eligible == false) continue;
    auto audit = store.audit(part.audit_id);
    if (!audit) continue;
    programme.items.push_back(national_item(*audit, part));
    ++programme.national_eligible;
    if (part.participating.value_or(false)) ++programme.national_taking_part;
  }

  CLINAUDIT_TRY(const auto local, local_audit_register(store, who, today, RegisterFilter{}));
  std::map<std::string, DivisionProgress> by_division;
  DivisionProgress none;
  none.division = "No division";
  programme.total.division = "All divisions";
  for (const auto& row : local.rows) {
    CLINAUDIT_TRY(auto item, local_item(store, row, year, today));
    if (!item) continue;
    DivisionProgress& progress = item->division_id ? by_division[item->division] : none;
    progress.division_id = item->division_id;
    if (item->division_id) progress.division = item->division;
    count(progress, *item);
    count(programme.total, *item);
    programme.items.push_back(std::move(*item));
  }
  for (auto& [name, progress] : by_division) programme.divisions.push_back(std::move(progress));
  if (none.in_plan + none.awaiting_approval > 0) programme.divisions.push_back(std::move(none));

  std::ranges::stable_sort(programme.items, [](const ProgrammeItem& a, const ProgrammeItem& b) {
    if (a.tier != b.tier) return a.tier < b.tier;
    if (a.national != b.national) return a.national;
    if (a.division != b.division) return a.division < b.division;
    return a.code < b.code;
  });
  return programme;
}

}  // namespace clinaudit::domain
