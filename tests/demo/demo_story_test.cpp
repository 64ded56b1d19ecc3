// The demo's planted stories, checked on the world `clinaudit demo` and `serve --demo` create:
// demo::create_demo_world writes it into a real SQLite file, and the checks read it back
// from there and analyse it as the product does. README.md tells the stories:
// - hip fracture: "its risk-adjusted CUSUM signals in March 2026, when the 2025/26 funnel plot
//   shows only an alert, seven months before the annual funnel plot shows an alarm" (the demo
//   dated 26 November 2026), "a test checks the gap for every month of the demo's dates";
// - a better-than-expected provider;
// - emergency laparotomy: a genuine alert-level outlier beside an apparent one explained by
//   low case ascertainment.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "demo/world.hpp"
#include "domain/annual_audit_report.hpp"
#include "domain/board_pack.hpp"
#include "domain/cusum_monitoring.hpp"
#include "domain/episode_analysis.hpp"
#include "domain/evidence_document.hpp"
#include "domain/forward_programme.hpp"
#include "domain/nice_register.hpp"
#include "domain/quality_account_service.hpp"
#include "domain/report_tracker.hpp"
#include "platform/sha256.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit {
namespace {

// One demo world, in its own SQLite file, as of one date.
struct DemoWorld {
  std::unique_ptr<domain::Store> store;
  demo::DemoSummary summary;
  Date as_of;
};

std::filesystem::path temporary_folder() {
  static const std::filesystem::path kFolder = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "clinaudit-demo-story-XXXXXX").string();
    return std::filesystem::path(::mkdtemp(pattern.data()));
  }();
  return kFolder;
}

// The demo world as of `as_of`, created once per date for all the tests of that date (a
// date whose world could not be created fails each of its tests with the same error).
DemoWorld& demo_world(Date as_of) {
  static std::map<std::string, std::unique_ptr<DemoWorld>> worlds;
  static std::map<std::string, std::string> failures;
  const std::string date = as_of.to_string();
  if (const auto failed = failures.find(date); failed != failures.end()) throw std::runtime_error(failed->second);
  auto& world = worlds[date];
  if (world) return *world;
  const auto path = temporary_folder() / ("demo-" + date + ".sqlite");
  auto store = storage::open_store(path.string());
  if (!store) throw std::runtime_error(failures[date] = "cannot open " + path.string() + ": " + store.error().message);
  demo::DemoOptions options;
  options.as_of = as_of;
  // Nobody signs in here; the product's password hash (argon2id, http layer) is not needed.
  options.hash_password = [](std::string_view password) { return "not a password hash: " + std::string(password); };
  options.sha256_hex = platform::sha256_hex;
  auto summary = demo::create_demo_world(**store, options);
  if (!summary)
    throw std::runtime_error(failures[date] = "the demo world as of " + date + ": " + summary.error().message);
  world = std::make_unique<DemoWorld>(DemoWorld{std::move(*store), std::move(*summary), as_of});
  return *world;
}

class DemoStoryEnvironment : public ::testing::Environment {
 public:
  void TearDown() override { std::filesystem::remove_all(temporary_folder()); }
};
const auto* const kEnvironment = ::testing::AddGlobalTestEnvironment(new DemoStoryEnvironment);

Result<domain::Audit> audit(DemoWorld& world, const char* code) { return world.store->audit_by_code(code); }

// The organisation the demo names for a story; a story whose provider is missing fails.
OrganisationId provider(DemoWorld& world, const std::string& code) {
  const auto organisation = world.store->organisation_by_code(code);
  EXPECT_TRUE(organisation) << "the demo has no provider " << code;
  return organisation ? organisation->id : OrganisationId{};
}

// All the audit's episodes the demo holds (36 whole months before the month of as_of).
domain::EpisodeColumns all_episodes(DemoWorld& world, const domain::Audit& audit) {
  auto episodes = world.store->episodes(audit.id, Date::from_days(0), world.as_of);
  EXPECT_TRUE(episodes) << episodes.error().message;
  return episodes ? *episodes : domain::EpisodeColumns{};
}

// The analysis of the demo's mortality audits: their dataset's outcome is died30.
domain::EpisodeAnalysisOptions died30() {
  domain::EpisodeAnalysisOptions options;
  options.outcome_column = "died30";
  return options;
}

// Calendar months from `from` to `to` (March to October is seven).
int months_between(Month from, Month to) {
  return (to.year - from.year) * 12 + static_cast<int>(to.month) - static_cast<int>(from.month);
}

// The demo is created as of the day it is run, so its stories are checked for a day in
// each month of the year after this one was written.
class DemoStory : public ::testing::TestWithParam<const char*> {
 protected:
  DemoWorld& world() { return demo_world(*Date::parse(GetParam())); }
};

// Tests are named by their date (AsOf/DemoStory.Name/2026_11_26), so that ctest runs one
// process per date (tests/CMakeLists.txt) and the dates' worlds are built side by side.
std::string date_name(const ::testing::TestParamInfo<const char*>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(AsOf, DemoStory,
                         ::testing::Values("2026-11-26", "2026-12-15", "2027-01-15", "2027-02-15", "2027-03-31",
                                           "2027-04-15", "2027-05-15", "2027-06-15", "2027-07-15", "2027-08-15",
                                           "2027-09-15", "2027-10-15"),
                         date_name);

// The laparotomy stories are told by the last complete year, 2025/26, while it is the last
// complete year (November 2026 to March 2027). In 2026/27 the alert-level provider's excess
// persists and crosses the alarm limit, as a real one's may.
class DemoLaparotomyStory : public DemoStory {};

INSTANTIATE_TEST_SUITE_P(AsOf, DemoLaparotomyStory,
                         ::testing::Values("2026-11-26", "2026-12-15", "2027-01-15", "2027-02-15", "2027-03-31"),
                         date_name);

// What the national analyst sees of the drifting hip fracture provider: the month of its
// first upper CUSUM signal (the product's monitoring window, the last two years), and for
// each financial year held its flag on that year's funnel plot.
struct DriftingProviderStory {
  std::optional<Month> first_signal;
  std::map<FinancialYear, stats::FunnelFlag> annual_flags;
  std::optional<Month> first_alarm;  // the last month of the first year flagged as an alarm
};

DriftingProviderStory drifting_provider_story(DemoWorld& world) {
  DriftingProviderStory story;
  const auto hip_fracture = audit(world, "NHFD");
  EXPECT_TRUE(hip_fracture) << hip_fracture.error().message;
  if (!hip_fracture) return story;
  const OrganisationId drifting = provider(world, world.summary.drifting_provider_code);
  // The drift fills the window's last 18 months; a signal before it is the chance kind
  // every CUSUM gives now and then, and does not count.
  Month drift_start = Month::of(world.as_of);
  for (int i = 0; i < 18; ++i) drift_start = Month::of(drift_start.first_day().plus_days(-1));
  const auto signals = domain::cusum_signals(*world.store, *hip_fracture, world.as_of.plus_days(-730), world.as_of);
  EXPECT_TRUE(signals) << signals.error().message;
  for (const auto& alert : signals ? *signals : std::vector<domain::CusumAlert>{}) {
    if (alert.provider == drifting && alert.side == stats::CusumSide::upper &&
        drift_start <= Month::of(alert.signalled_on)) {
      story.first_signal = Month::of(alert.signalled_on);
      break;
    }
  }
  // The annual funnel plots, one per financial year with its own case-mix model. A year's
  // alarm is known when its data are complete: its last month, or the last month held.
  const auto episodes = all_episodes(world, *hip_fracture);
  if (episodes.size() == 0) return story;
  const Date last_held = Month::of(world.as_of).first_day().plus_days(-1);
  for (FinancialYear year = FinancialYear::containing(episodes.admission_date.front()); year.first_day() <= last_held;
       year = year.next()) {
    const auto annual =
        domain::analyse_episodes(domain::episodes_between(episodes, year.first_day(), year.last_day()), died30());
    EXPECT_TRUE(annual) << year.to_string() << ": " << annual.error().message;
    if (!annual) continue;
    for (const auto& outcome : annual->providers) {
      if (outcome.provider != drifting) continue;
      story.annual_flags[year] = outcome.flag;
      if (outcome.flag == stats::FunnelFlag::alarm_high && !story.first_alarm) {
        story.first_alarm = Month::of(std::min(year.last_day(), last_held));
      }
    }
  }
  return story;
}

TEST_P(DemoStory, CusumSignalsTheDriftingProviderMonthsBeforeTheAnnualFunnelAlarm) {
  const auto story = drifting_provider_story(world());
  ASSERT_TRUE(story.first_signal) << "the CUSUM never signalled for the drifting provider";
  ASSERT_TRUE(story.first_alarm) << "no annual funnel plot shows the drifting provider beyond 3 SD";
  // Seven months for the demo dated 26 November 2026 (below); as the window moves through
  // the year the gap narrows, never below six months.
  EXPECT_GE(months_between(*story.first_signal, *story.first_alarm), 6)
      << "CUSUM signal " << story.first_signal->to_string() << ", funnel alarm " << story.first_alarm->to_string();
  std::cout << "CUSUM first signal " << story.first_signal->to_string() << "; funnel alarm known "
            << story.first_alarm->to_string() << "\n";
}

// README.md's words for the demo dated 26 November 2026.
TEST(DemoStoryAsDocumented, SignalInMarch2026WhenTheFunnelShowsAnAlertAlarmSevenMonthsLater) {
  auto& world = demo_world(*Date::parse("2026-11-26"));
  const auto story = drifting_provider_story(world);
  ASSERT_TRUE(story.first_signal) << "the CUSUM never signalled for the drifting provider";
  EXPECT_EQ(story.first_signal->to_string(), "2026-03");
  const auto year_2025 = *FinancialYear::parse("2025/26");
  ASSERT_TRUE(story.annual_flags.contains(year_2025));
  EXPECT_EQ(story.annual_flags.at(year_2025), stats::FunnelFlag::alert_high);
  ASSERT_TRUE(story.first_alarm) << "no annual funnel plot shows the drifting provider beyond 3 SD";
  EXPECT_EQ(months_between(*story.first_signal, *story.first_alarm), 7)
      << "funnel alarm " << story.first_alarm->to_string();
}

TEST(DemoStoryAsDocumented, ACompletedActionAndAnOutlierCaseHoldTheirEvidenceAsPdfFiles) {
  auto& world = demo_world(*Date::parse("2026-11-26"));
  domain::Store& store = *world.store;
  const auto home = store.organisation_by_code(world.summary.home_organisation_code);
  ASSERT_TRUE(home) << home.error().message;
  const auto actions = store.actions(home->id);
  ASSERT_TRUE(actions) << actions.error().message;
  std::vector<domain::EvidenceDocument> on_actions;
  for (const auto& action : *actions) {
    const auto documents = store.documents(domain::DocumentOwner::action, action.id.value);
    ASSERT_TRUE(documents) << documents.error().message;
    for (const auto& document : *documents) {
      EXPECT_EQ(action.status, domain::ActionStatus::completed) << action.title;
      on_actions.push_back(document);
    }
  }
  ASSERT_EQ(on_actions.size(), 1U);
  EXPECT_EQ(on_actions[0].file_name, "Re-audit summary.pdf");
  EXPECT_EQ(on_actions[0].media_type, "application/pdf");
  EXPECT_EQ(on_actions[0].uploaded_at, "2026-11-26T12:00:00Z");

  const auto cases = store.outlier_cases(std::nullopt, std::nullopt);
  ASSERT_TRUE(cases) << cases.error().message;
  ASSERT_FALSE(cases->empty());
  const auto letters = store.documents(domain::DocumentOwner::outlier_case, cases->front().id.value);
  ASSERT_TRUE(letters) << letters.error().message;
  ASSERT_EQ(letters->size(), 1U);
  EXPECT_EQ(letters->front().file_name, "Letter to the provider.pdf");
  EXPECT_EQ(letters->front().stage, cases->front().stage);
  // The bytes kept are what the hash names.
  const auto kept = store.document_content(letters->front().id);
  ASSERT_TRUE(kept) << kept.error().message;
  EXPECT_EQ(platform::sha256_hex(*kept), letters->front().sha256);
  EXPECT_TRUE(kept->starts_with("%PDF-"));
}

// The home trust's report tracker: the newest national report assigned but overdue, its
// baseline not begun, first; the others assessed and reviewed, one with an action still in
// progress from a recommendation the trust does not meet.
TEST(DemoStoryAsDocumented, TheHomeTrustsReportTrackerShowsOneOverdueAndOneWithActionsInProgress) {
  auto& world = demo_world(*Date::parse("2026-11-26"));
  const auto home = world.store->organisation_by_code("Z01");
  ASSERT_TRUE(home);
  const auto manager = world.store->user_by_email("audit.manager@riverside.example");
  ASSERT_TRUE(manager);
  const domain::Principal who{manager->id, manager->email, domain::Role::audit_manager, home->id, home->type};
  const auto list = domain::report_tracker_list(*world.store, who, world.as_of);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_GE(list->reports.size(), 5U);
  const auto& first = list->reports.front();
  EXPECT_TRUE(first.overdue);
  EXPECT_EQ(first.stage, domain::TrackerStage::assigned);
  EXPECT_EQ(first.assessed, 0);
  int overdue = 0;
  int in_progress = 0;
  int reviewed = 0;
  for (const auto& row : list->reports) {
    overdue += row.overdue ? 1 : 0;
    reviewed += row.stage == domain::TrackerStage::reviewed ? 1 : 0;
    if (row.open_actions > 0) {
      ++in_progress;
      EXPECT_EQ(row.needing_action, 1);
    }
    if (row.stage == domain::TrackerStage::reviewed)
      EXPECT_EQ(row.assessed, row.recommendations) << row.row.report.title;
    std::cout << row.row.report.title << " (" << row.row.audit.code << "): " << to_string(row.stage) << ", "
              << row.assessed << " of " << row.recommendations << " assessed" << (row.overdue ? ", overdue" : "")
              << "\n";
  }
  EXPECT_EQ(overdue, 1);
  EXPECT_EQ(in_progress, 1);
  EXPECT_EQ(reviewed, 5);
}

// README.md's tour of the NICE guidance register: the home trust's VTE guidance is not met
// after the declining re-audit, its review is overdue and one of its recommendations has no
// action yet; the sepsis guidance is partly met with an action under way and its two audits
// linked; antimicrobial stewardship is met; the caesarean birth guidance awaits its
// applicability; the oncology appraisal does not apply. The board pack alerts on the
// recommendation without an action.
TEST(DemoStoryAsDocumented, TheHomeTrustsNiceRegisterShowsVteNotMetAndOneRecommendationWithoutAnAction) {
  auto& world = demo_world(*Date::parse("2026-11-26"));
  const auto home = world.store->organisation_by_code("Z01");
  ASSERT_TRUE(home);
  const auto board = world.store->user_by_email("board.member@riverside.example");
  ASSERT_TRUE(board) << board.error().message;
  const domain::Principal who{board->id, board->email, domain::Role::board_member, home->id, home->type};
  const auto data = domain::nice_register(*world.store, who, world.as_of, {});
  ASSERT_TRUE(data) << data.error().message;
  std::map<std::string, const domain::TrackedGuidance*> by_reference;
  for (const auto& item : data->items) by_reference[item.guidance.reference()] = &item;
  ASSERT_EQ(by_reference.size(), 6U);
  EXPECT_EQ(data->items.front().guidance.reference(), "NG89");  // the overdue review first
  const auto& vte = *by_reference.at("NG89");
  EXPECT_EQ(vte.status, domain::GuidanceStatus::not_compliant);
  EXPECT_TRUE(vte.review_overdue);
  EXPECT_EQ(vte.without_action, 1);
  EXPECT_EQ(vte.open_actions, 1);
  const auto& sepsis = *by_reference.at("NG51");
  EXPECT_EQ(sepsis.status, domain::GuidanceStatus::partly_compliant);
  EXPECT_EQ(sepsis.guidance.audits.size(), 2U);
  EXPECT_EQ(sepsis.without_action, 0);
  EXPECT_EQ(by_reference.at("NG249")->status, domain::GuidanceStatus::baseline_incomplete);
  EXPECT_EQ(by_reference.at("QS121")->status, domain::GuidanceStatus::compliant);
  EXPECT_EQ(by_reference.at("NG192")->status, domain::GuidanceStatus::applicability_to_be_assessed);
  EXPECT_EQ(by_reference.at("TA316")->status, domain::GuidanceStatus::not_applicable);
  EXPECT_EQ(data->summary.applicable, 4);
  EXPECT_EQ(data->summary.recommendations_without_action, 1);
  EXPECT_EQ(data->summary.reviews_overdue, 1);
  const auto pack = domain::board_pack_for(*world.store, "Z01", world.as_of);
  ASSERT_TRUE(pack) << pack.error().message;
  EXPECT_NE(std::find(pack->alert.begin(), pack->alert.end(),
                      "1 NICE recommendation is assessed as not or partly met with no action raised"),
            pack->alert.end());
}

// README.md's tour of the forward programme: in the demo dated 26 November 2026 the home
// trust's 2026/27 programme holds the antibiotic audit carried in from last year with the
// audit team's reason, the delirium audit abandoned with its rationale, two proposals
// awaiting approval, and the national audits the trust takes part in as its first tier.
TEST(DemoStoryAsDocumented, TheHomeTrustsProgrammeShowsACarriedInAndAnAbandonedAuditWithTheirReasons) {
  auto& world = demo_world(*Date::parse("2026-11-26"));
  const auto home = world.store->organisation_by_code("Z01");
  ASSERT_TRUE(home);
  const auto board = world.store->user_by_email("board.member@riverside.example");
  ASSERT_TRUE(board) << board.error().message;
  const domain::Principal who{board->id, board->email, domain::Role::board_member, home->id, home->type};
  const auto programme =
      domain::forward_programme(*world.store, who, world.as_of, FinancialYear::containing(world.as_of));
  ASSERT_TRUE(programme) << programme.error().message;
  int carried_in = 0;
  int abandoned = 0;
  for (const auto& item : programme->items) {
    std::cout << item.code << " (" << to_string(item.tier) << "): " << item.progress
              << (item.carried_in ? ", carried in" : "") << (item.carries_over ? ", carrying over" : "")
              << (item.overdue ? ", overdue" : "") << "\n";
    if (item.carried_in) {
      ++carried_in;
      EXPECT_EQ(item.code, "LA-ABX-1");
      EXPECT_TRUE(item.carried_in_reason.starts_with("The re-audit waits for the electronic prescribing change"));
    }
    if (item.state == domain::ProgrammeState::abandoned) {
      ++abandoned;
      EXPECT_TRUE(item.abandoned_reason.starts_with("The National Hip Fracture Database now reports"));
    }
  }
  EXPECT_EQ(carried_in, 1);
  EXPECT_EQ(abandoned, 1);
  EXPECT_EQ(programme->total.awaiting_approval, 2);
  EXPECT_GE(programme->national_taking_part, 3);
  ASSERT_FALSE(programme->items.empty());
  EXPECT_TRUE(programme->items.front().national);
  EXPECT_GE(programme->total.in_plan, 6);
}

// The annual report of the year under way in the demo dated 26 November 2026: its local audit
// reports reviewed are the Quality Account's, line for line; its re-audits include the VTE
// re-audit that declined, with the interval for the change below zero.
TEST(DemoStoryAsDocumented, TheAnnualReportsReviewsAreTheQualityAccountsAndItsReauditsIncludeTheDecline) {
  auto& world = demo_world(*Date::parse("2026-11-26"));
  const auto home = world.store->organisation_by_code("Z01");
  ASSERT_TRUE(home);
  const domain::Principal who{{}, "", domain::Role::board_member, home->id, home->type};
  const FinancialYear year = FinancialYear::containing(world.as_of);
  const auto report = domain::annual_audit_report(*world.store, who, world.as_of, year);
  ASSERT_TRUE(report) << report.error().message;
  const auto statement = domain::quality_account_for(*world.store, "Z01", year);
  ASSERT_TRUE(statement) << statement.error().message;
  ASSERT_EQ(report->quality_account.local_reviews.size(), statement->local_reviews.size());
  for (std::size_t i = 0; i < statement->local_reviews.size(); ++i) {
    EXPECT_EQ(report->quality_account.local_reviews[i].report_title, statement->local_reviews[i].report_title);
  }
  ASSERT_EQ(report->quality_account.national_reviews.size(), statement->national_reviews.size());
  bool vte_declined = false;
  for (const auto& outcome : report->reaudits) {
    std::cout << outcome.reaudit.code << " " << outcome.criterion << ": " << outcome.verdict << "\n";
    if (outcome.reaudit.code == "LA-VTE-2" && outcome.verdict == "declined") {
      vte_declined = true;
      EXPECT_LT(outcome.change.interval.upper, 0.0);
    }
  }
  EXPECT_TRUE(vte_declined);
}

TEST_P(DemoStory, TheBetterThanExpectedProviderIsBelowTheLowerLimit) {
  auto& world = this->world();
  const auto hip_fracture = audit(world, "NHFD");
  ASSERT_TRUE(hip_fracture) << hip_fracture.error().message;
  const auto analysis = domain::analyse_episodes(all_episodes(world, *hip_fracture), died30());
  ASSERT_TRUE(analysis) << analysis.error().message;
  const OrganisationId better = provider(world, world.summary.better_provider_code);
  std::optional<stats::FunnelFlag> flag;
  for (const auto& outcome : analysis->providers) {
    if (outcome.provider == better) flag = outcome.flag;
  }
  ASSERT_TRUE(flag) << "the better-than-expected provider is not on the funnel plot";
  EXPECT_TRUE(*flag == stats::FunnelFlag::alert_low || *flag == stats::FunnelFlag::alarm_low)
      << stats::to_string(*flag);
}

// The emergency laparotomy audit's last complete year (the demo's annual analysis run):
// one provider is a genuine alert-level outlier (above the 95% limit, inside 99.8%), and
// one whose survivors were under-reported looks worse than expected too, which its low
// case ascertainment explains.
TEST_P(DemoLaparotomyStory, TheLastYearShowsAnAlertLevelOutlierAndAnArtefactOfLowAscertainment) {
  auto& world = this->world();
  const auto laparotomy = audit(world, "NELA");
  ASSERT_TRUE(laparotomy) << laparotomy.error().message;
  const FinancialYear year = FinancialYear::containing(world.as_of).previous();
  const auto analysis = domain::analyse_episodes(
      domain::episodes_between(all_episodes(world, *laparotomy), year.first_day(), year.last_day()), died30());
  ASSERT_TRUE(analysis) << analysis.error().message;
  const OrganisationId alert = provider(world, world.summary.alert_provider_code);
  const OrganisationId low_ascertainment = provider(world, world.summary.low_ascertainment_provider_code);
  std::optional<stats::FunnelFlag> alert_flag;
  std::optional<stats::FunnelFlag> low_ascertainment_flag;
  for (const auto& outcome : analysis->providers) {
    if (outcome.provider != alert && outcome.provider != low_ascertainment) continue;
    (outcome.provider == alert ? alert_flag : low_ascertainment_flag) = outcome.flag;
  }
  ASSERT_TRUE(alert_flag) << "the alert-level provider is not on the funnel plot";
  EXPECT_EQ(*alert_flag, stats::FunnelFlag::alert_high) << stats::to_string(*alert_flag);
  ASSERT_TRUE(low_ascertainment_flag) << "the low-ascertainment provider is not on the funnel plot";
  EXPECT_TRUE(*low_ascertainment_flag == stats::FunnelFlag::alert_high ||
              *low_ascertainment_flag == stats::FunnelFlag::alarm_high)
      << stats::to_string(*low_ascertainment_flag);
}

}  // namespace
}  // namespace clinaudit
