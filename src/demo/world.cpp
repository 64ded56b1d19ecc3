#include "demo/world.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "demo/catalogue.hpp"
#include "demo/criteria.hpp"
#include "demo/documents.hpp"
#include "demo/episodes.hpp"
#include "demo/governance.hpp"
#include "demo/local_audit_register.hpp"
#include "demo/nice_demo.hpp"
#include "demo/report_tracker_demo.hpp"
#include "domain/analysis_run.hpp"
#include "domain/cusum_monitoring.hpp"
#include "domain/stored_measure_charts.hpp"
#include "domain/stored_provider_cusum.hpp"

namespace clinaudit::demo {
namespace {

const domain::Actor kDemoActor{std::nullopt, "demo"};

// Stops at the first error: the demo writes to an empty store, so any error is final.
#define DEMO_TRY(expression)                        \
  do {                                              \
    auto demo_result_ = (expression);               \
    if (!demo_result_) return demo_result_.error(); \
  } while (false)

struct World {
  std::map<std::string, domain::Organisation> organisations;  // by code
  std::map<std::string, AuditId> audits;                      // by code
  std::map<std::string, SupplierId> suppliers;                // by code
  Month first_month;                                          // the first month of episode data
  int months = 36;
  std::vector<FinancialYear> years;  // the three financial years on the list
};

Result<void> add_catalogue(domain::Store& store, World& world) {
  auto organisations = demo_organisations();
  const auto ids = store.add_organisations(organisations, kDemoActor);
  if (!ids) return ids.error();
  for (std::size_t i = 0; i < organisations.size(); ++i) {
    organisations[i].id = (*ids)[i];
    world.organisations[organisations[i].code] = organisations[i];
  }
  auto national = demo_national_audits();
  std::vector<domain::Audit> audits;
  audits.reserve(national.size());
  for (const auto& entry : national) audits.push_back(entry.audit);
  const auto audit_ids = store.add_audits(audits, kDemoActor);
  if (!audit_ids) return audit_ids.error();
  for (std::size_t i = 0; i < audits.size(); ++i) world.audits[audits[i].code] = (*audit_ids)[i];

  std::vector<domain::QaListEntry> list;
  for (std::size_t y = 0; y < world.years.size(); ++y) {
    for (const auto& entry : national) {
      if (static_cast<int>(y) < entry.first_year_offset) continue;
      list.push_back(domain::QaListEntry{world.audits.at(entry.audit.code), world.years[y], entry.eligible_types});
    }
  }
  return store.set_qa_list(list, kDemoActor);
}

// The suppliers that run the two mortality audits; the other national audits stay with the
// national body's own analysts.
Result<void> add_suppliers(domain::Store& store, World& world) {
  for (const auto& [code, name, audit] : {std::tuple{"RCP", "Royal College of Physicians", "NHFD"},
                                          std::tuple{"RCOA", "Royal College of Anaesthetists", "NELA"}}) {
    const auto id = store.add_supplier(domain::AuditSupplier{{}, code, name}, kDemoActor);
    if (!id) return id.error();
    world.suppliers[code] = *id;
    auto row = store.audit(world.audits.at(audit));
    if (!row) return row.error();
    row->supplier_id = *id;
    DEMO_TRY(store.update_audit(*row, kDemoActor));
  }
  return {};
}

Result<void> add_logins(domain::Store& store, const World& world, const DemoOptions& options) {
  for (const auto& login : demo_logins()) {
    domain::User user;
    user.email = login.email;
    user.display_name = std::string(display_name(login.role)) + " (demo)";
    user.role = login.role;
    user.organisation_id = world.organisations.at(login.organisation_code).id;
    user.password_hash = options.hash_password(login.password);
    if (!login.supplier_code.empty()) user.supplier_id = world.suppliers.at(login.supplier_code);
    const auto id = store.add_user(user, kDemoActor);
    if (!id) return id.error();
    // The home trust's board member holds the chief executive's duty: they acknowledge an alarm.
    if (login.role == domain::Role::board_member && login.organisation_code == kDemoHomeTrust) {
      DEMO_TRY(store.set_chief_executive(user.organisation_id, *id, kDemoActor));
    }
  }
  return {};
}

// One measure per episode audit, monthly results per provider, and the episodes.
Result<std::pair<std::int64_t, std::int64_t>> add_episode_audits(domain::Store& store, const World& world,
                                                                 DemoRandom& random, std::uint64_t seed,
                                                                 DemoCaseCounts& submitted) {
  struct Spec {
    DemoEpisodeAudit audit;
    const char* code;
    const char* measure_code;
    const char* measure_name;
    domain::MeasureType type;
    domain::Improvement improvement;
  };
  const Spec specs[] = {
      {DemoEpisodeAudit::hip_fracture, "NHFD", "mortality_30d", "30-day mortality after hip fracture",
       domain::MeasureType::ratio, domain::Improvement::decrease},
      {DemoEpisodeAudit::stroke_thrombolysis, "SSNAP", "thrombolysis", "Stroke patients given thrombolysis",
       domain::MeasureType::proportion, domain::Improvement::increase},
      {DemoEpisodeAudit::emergency_laparotomy, "NELA", "mortality_30d", "30-day mortality after emergency laparotomy",
       domain::MeasureType::ratio, domain::Improvement::decrease},
  };
  std::int64_t episode_count = 0;
  std::int64_t result_count = 0;
  for (const auto& spec : specs) {
    const AuditId audit_id = world.audits.at(spec.code);
    domain::Measure measure;
    measure.audit_id = audit_id;
    // Monthly results are crude proportions (events over cases); a mortality audit also has
    // the risk-adjusted ratio, whose observed and expected per provider and year the
    // analysis runs write (add_demo_analyses).
    const bool risk_adjusted = spec.type == domain::MeasureType::ratio;
    measure.code = risk_adjusted ? std::string(spec.measure_code) + "_crude" : spec.measure_code;
    measure.name = risk_adjusted ? std::string(spec.measure_name) + " (crude, monthly)" : spec.measure_name;
    measure.type = domain::MeasureType::proportion;
    measure.improvement = spec.improvement;
    if (!risk_adjusted) measure.target = 0.11;
    const auto measure_id = store.add_measure(measure, kDemoActor);
    if (!measure_id) return measure_id.error();
    if (risk_adjusted) {
      domain::Measure ratio = measure;
      ratio.code = spec.measure_code;
      ratio.name = std::string(spec.measure_name) + ", observed / expected (risk-adjusted)";
      ratio.type = domain::MeasureType::ratio;
      ratio.target = std::nullopt;
      ratio.source = domain::MeasureSource::episode_model_ratio;
      ratio.outcome_column = demo_outcome_column(spec.audit);
      ratio.formula = demo_formula(spec.audit);
      if (const auto added = store.add_measure(ratio, kDemoActor); !added) return added.error();
    }

    std::vector<domain::Organisation> organisations;
    organisations.reserve(world.organisations.size());
    for (const auto& [code, organisation] : world.organisations) organisations.push_back(organisation);
    const auto provider_profiles = demo_provider_profiles(spec.audit, organisations, random);
    const domain::EpisodeColumns episodes =
        generate_demo_episodes(spec.audit, provider_profiles, world.first_month, world.months, seed);
    domain::Dataset dataset = demo_dataset(spec.audit);
    dataset.audit_id = audit_id;
    DEMO_TRY(store.set_dataset(dataset, kDemoActor));
    auto writer = store.begin_episodes(audit_id, episodes.column_names(), kDemoActor);
    if (!writer) return writer.error();
    domain::EpisodeColumns copy = episodes;
    copy.audit_id = audit_id;
    DEMO_TRY((*writer)->append(copy));
    const auto written = (*writer)->commit();
    if (!written) return written.error();
    episode_count += *written;

    // Monthly results per provider: events over cases (expected is filled by analysis runs).
    std::map<std::pair<std::int64_t, std::int64_t>, std::pair<double, double>>
        monthly;  // (org, month start) -> (events, cases)
    for (std::size_t i = 0; i < episodes.size(); ++i) {
      const Month month = Month::of(episodes.admission_date[i]);
      auto& cell = monthly[{episodes.provider[i].value, month.first_day().days_since_epoch()}];
      cell.first += episodes.columns[0].numbers[i];  // the outcome
      cell.second += 1;
      const FinancialYear year = FinancialYear::containing(episodes.admission_date[i]);
      submitted[spec.code][episodes.provider[i].value][year.start_year].first += 1;
    }
    for (const auto& profile : provider_profiles) {
      for (const auto& year : world.years) {
        int months_in_window = 0;
        Month m = world.first_month;
        for (int k = 0; k < world.months; ++k, m = m.next()) months_in_window += year.contains(m.first_day()) ? 1 : 0;
        submitted[spec.code][profile.id.value][year.start_year].second = profile.monthly_cases * months_in_window;
      }
    }
    std::vector<domain::MeasureResult> results;
    for (const auto& [key, cell] : monthly) {
      domain::MeasureResult row;
      row.measure_id = *measure_id;
      row.organisation_id = OrganisationId{key.first};
      row.period_start = Date::from_days(key.second);
      row.period_end = Month::of(row.period_start).last_day();
      row.numerator = cell.first;
      row.denominator = cell.second;
      row.published = true;
      results.push_back(row);
    }
    DEMO_TRY(store.add_results(results, kDemoActor));
    result_count += static_cast<std::int64_t>(results.size());
  }
  return std::pair{episode_count, result_count};
}

// Annual analysis runs for the two mortality audits: the two last complete financial years and
// the current year so far (run a week ago; none in April, before the year's first month is
// complete), which is in-year monitoring and opens no outlier case. The hip fracture audit
// analysed each complete year three months after it ended, and so did the laparotomy audit
// the year before last; those cases are moved through their stages on time (the laparotomy
// alarm of the year before last is confirmed, which the regulator sees). The laparotomy
// audit's analysis of the last complete year ran a week ago: its cases wait at their first
// stage, the audit provider's. Were the provider whose survivors were under-reported walked
// through the alarm track, it would be withdrawn at review; on the alert track its local
// review explains it.
Result<void> add_demo_analyses(domain::Store& store, const World& world, Date as_of) {
  const auto& timetable = domain::OutlierTimetable::default_timetable();
  const auto& calendar = domain::WorkingDayCalendar::england_and_wales();
  const domain::Actor analyst{std::nullopt, "analyst@national-audit.example"};
  const FinancialYear current = FinancialYear::containing(as_of);
  for (const std::string code : {"NHFD", "NELA"}) {
    for (const FinancialYear year : {current.previous().previous(), current.previous(), current}) {
      // In April the current year holds no whole month of episodes yet: nothing to analyse.
      if (year == current && Month::of(as_of) == Month::of(current.first_day())) continue;
      const bool recent = year == current || (code == "NELA" && year == current.previous());
      // A week ago; the last complete year's run no earlier than the day after it ended.
      const Date run_on = year == current ? as_of.plus_days(-7)
                          : recent        ? std::max(as_of.plus_days(-7), year.last_day().plus_days(1))
                                          : year.last_day().plus_days(91);
      const auto run = run_analysis(store, world.audits.at(code), year, timetable, calendar, run_on, analyst, "demo");
      if (!run) return run.error();
      if (recent) continue;
      for (auto row : run->opened) {
        const bool data_problem = row.organisation_id == world.organisations.at(kDemoLowAscertainmentProvider).id;
        // A stage without a deadline (the public disclosure) is done on the day it was entered.
        Date entered = row.opened_on;
        while (row.is_open() && row.stage_due_on.value_or(entered) < as_of.plus_days(-10)) {
          const Date done_on = row.stage_due_on.value_or(entered);
          entered = done_on;
          const bool withdraw = data_problem && row.stage == "review";
          auto next = complete_stage(row, withdraw ? domain::StageDecision::withdraw : domain::StageDecision::done,
                                     timetable, calendar, done_on);
          if (!next) return next.error();
          domain::OutlierEvent event;
          event.case_id = row.id;
          event.stage = row.stage;
          event.what = withdraw ? "Withdrawn at review: case ascertainment 45%; survivors under-reported"
                       : data_problem && row.stage == "alert_local_review"
                           ? "Local review: case ascertainment 45%, survivors under-reported; the excess mortality "
                             "is an artefact of the missing cases, and complete submission is the action"
                           : "Stage completed";
          event.at = done_on.to_string() + "T12:00:00Z";
          row = *next;
          const auto updated = store.update_outlier_case(row, event, analyst);
          if (!updated) return updated.error();
        }
      }
    }
  }
  return {};
}

}  // namespace

std::vector<DemoLogin> demo_logins() {
  return {
      {"admin@riverside.example", "demo-admin-2026", domain::Role::admin, kDemoHomeTrust},
      {"audit.manager@riverside.example", "demo-manager-2026", domain::Role::audit_manager, kDemoHomeTrust},
      {"clinical.lead@riverside.example", "demo-lead-2026", domain::Role::clinical_lead, kDemoHomeTrust},
      {"board.member@riverside.example", "demo-board-2026", domain::Role::board_member, kDemoHomeTrust},
      {"analyst@national-audit.example", "demo-analyst-2026", domain::Role::national_analyst, kDemoNationalBody},
      // An analyst of the laparotomy audit's supplier: that audit's national work only.
      {"analyst@rcoa-audit.example", "demo-supplier-2026", domain::Role::national_analyst, kDemoNationalBody, "RCOA"},
      // The national body's administrator: its users, and the national settings (the outlier timetable).
      {"admin@national-audit.example", "demo-national-admin-2026", domain::Role::admin, kDemoNationalBody},
      {"viewer@riverside.example", "demo-viewer-2026", domain::Role::read_only, kDemoHomeTrust},
      // The regulator reads confirmed outlier alarms and escalations; the national body keeps its account.
      {"inspector@regulator.example", "demo-regulator-2026", domain::Role::regulator, kDemoNationalBody},
  };
}

Result<DemoSummary> create_demo_world(domain::Store& store, const DemoOptions& options) {
  if (!options.hash_password) return Error{ErrorCode::invalid_input, "the demo needs a password hasher"};
  const auto existing = store.organisations();
  if (!existing) return existing.error();
  if (!existing->empty()) {
    return Error{ErrorCode::conflict, "the database already holds organisations: the demo needs an empty database"};
  }
  DemoRandom random(options.seed);
  World world;
  // 36 whole months ending with the month before as_of.
  world.first_month = Month::of(options.as_of);
  for (int i = 0; i < world.months; ++i) {
    world.first_month = Month::of(world.first_month.first_day().plus_days(-1));
  }
  const FinancialYear current = FinancialYear::containing(options.as_of);
  world.years = {current.previous().previous(), current.previous(), current};

  DEMO_TRY(add_catalogue(store, world));
  DEMO_TRY(add_suppliers(store, world));
  DEMO_TRY(add_logins(store, world, options));
  DemoCaseCounts submitted;
  const auto counts = add_episode_audits(store, world, random, options.seed, submitted);
  if (!counts) return counts.error();

  DemoGovernanceContext context;
  for (const auto& [code, organisation] : world.organisations) context.organisations[code] = organisation;
  context.audits = world.audits;
  context.years = world.years;
  context.as_of = options.as_of;
  context.cases = std::move(submitted);
  DEMO_TRY(add_demo_participation(store, context, random));
  DEMO_TRY(add_demo_local_audits(store, context, random));
  DEMO_TRY(add_demo_criteria(store));
  DEMO_TRY(add_demo_register(store, context));
  DEMO_TRY(add_demo_board_and_reviews(store, context));
  DEMO_TRY(add_demo_report_tracker(store, context));
  DEMO_TRY(add_demo_nice_register(store, context));
  DEMO_TRY(add_demo_surveys(store, context, random));
  DEMO_TRY(add_demo_analyses(store, world, options.as_of));
  // What the dashboards read of the risk-adjusted CUSUM and of the measures' SPC charts, as an
  // import or the daily job stores it.
  DEMO_TRY(domain::refresh_all_cusum_monitoring(store, options.as_of, CLINAUDIT_VERSION, kDemoActor));
  DEMO_TRY(domain::refresh_all_measure_charts(store, CLINAUDIT_VERSION, kDemoActor));
  DEMO_TRY(domain::refresh_all_provider_cusum(store, options.as_of, CLINAUDIT_VERSION, kDemoActor));
  if (options.sha256_hex != nullptr) DEMO_TRY(add_demo_documents(store, options.as_of, options.sha256_hex));

  DemoSummary summary;
  summary.organisations = static_cast<std::int64_t>(world.organisations.size());
  summary.audits = static_cast<std::int64_t>(world.audits.size());
  summary.episodes = counts->first;
  summary.results = counts->second;
  summary.logins = demo_logins();
  summary.home_organisation_code = kDemoHomeTrust;
  summary.drifting_provider_code = kDemoDriftingProvider;
  summary.alert_provider_code = kDemoAlertProvider;
  summary.better_provider_code = kDemoBetterProvider;
  summary.low_ascertainment_provider_code = kDemoLowAscertainmentProvider;
  return summary;
}

}  // namespace clinaudit::demo
