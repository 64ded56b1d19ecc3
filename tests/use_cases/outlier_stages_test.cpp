// Completing and reopening an outlier case's stages (domain/outlier_casework) on a real
// SQLite store in a temporary folder: a completion needs a note, a reopening a reason; only
// the party that owns the stage reopens it; each is recorded in the case's history and the
// audit log, and a refusal writes nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include "domain/outlier_casework.hpp"
#include "sqlite_folder.hpp"

namespace clinaudit::domain {
namespace {

class OutlierStages : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = folder_.open_store();
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    const auto organisations =
        store_->add_organisations({{{}, "NB", "National Body", OrganisationType::national_body, "England"},
                                   {{}, "RXA", "Alpha Trust", OrganisationType::acute, "North"},
                                   {{}, "RXB", "Beta Trust", OrganisationType::acute, "South"}},
                                  setup_);
    ASSERT_TRUE(organisations) << organisations.error().message;
    Audit national;
    national.code = "NHFD";
    national.title = "National Hip Fracture Database";
    national.kind = AuditKind::national_clinical_audit;
    const auto audits = store_->add_audits({national}, setup_);
    ASSERT_TRUE(audits) << audits.error().message;
    Measure measure;
    measure.audit_id = (*audits)[0];
    measure.code = "mort30";
    measure.name = "30-day mortality";
    const auto measure_id = store_->add_measure(measure, setup_);
    ASSERT_TRUE(measure_id) << measure_id.error().message;
    analyst_ =
        principal("analyst@nb.example", Role::national_analyst, (*organisations)[0], OrganisationType::national_body);
    lead_ = principal("lead@alpha.example", Role::clinical_lead, (*organisations)[1], OrganisationType::acute);
    stranger_ = principal("lead@beta.example", Role::clinical_lead, (*organisations)[2], OrganisationType::acute);

    OutlierCase flagged;
    flagged.audit_id = (*audits)[0];
    flagged.measure_id = *measure_id;
    flagged.organisation_id = (*organisations)[1];
    flagged.period = "2025/26";
    flagged.level = OutlierLevel::alarm;
    flagged.value = 1.9;
    flagged.limit = 1.6;
    const auto opened_case = open_outlier_case(flagged, OutlierTimetable::default_timetable(),
                                               WorkingDayCalendar::england_and_wales(), today_);
    const auto id = store_->add_outlier_case(opened_case, setup_);
    ASSERT_TRUE(id) << id.error().message;
    case_ = *id;
  }

  Principal principal(const std::string& email, Role role, OrganisationId organisation, OrganisationType type) {
    User user;
    user.email = email;
    user.display_name = email;
    user.role = role;
    user.organisation_id = organisation;
    user.password_hash = "not a real hash";
    const auto added = store_->add_user(user, setup_);
    EXPECT_TRUE(added) << added.error().message;
    return Principal{added.value_or(UserId{}), email, role, organisation, type};
  }

  Result<void> complete(const Principal& who, const std::string& note, const std::string& decision = "done") {
    return complete_outlier_stage(*store_, who, today_, {case_, decision, note, "2026-01-15T10:00:00Z"});
  }
  Result<void> reopen(const Principal& who, const std::string& reason) {
    return reopen_outlier_stage(*store_, who, today_.plus_days(1), {case_, reason, "2026-01-16T09:00:00Z"});
  }
  OutlierCase stored() { return store_->outlier_case(case_).value(); }
  std::size_t log_entries() { return store_->audit_log("", -1)->size(); }

  ::clinaudit::testing::SqliteFolder folder_{"outlier_stages"};  // before the store: removed after it
  std::unique_ptr<Store> store_;
  const Actor setup_{std::nullopt, "test setup"};
  const Date today_ = *Date::parse("2026-01-15");  // a Thursday
  Principal analyst_, lead_, stranger_;
  OutlierCaseId case_;
};

TEST_F(OutlierStages, ACompletionNeedsANoteAndARefusalWritesNothing) {
  const auto before = log_entries();
  for (const std::string note : {"", "   \n"}) {
    const auto refused = complete(analyst_, note);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(refused.error().message.rfind("note: ", 0), 0u) << refused.error().message;
  }
  EXPECT_EQ(stored().stage, "data_check");
  EXPECT_EQ(log_entries(), before);
  EXPECT_TRUE(store_->outlier_events(case_)->empty());

  // Checking writes nothing either, and says what will be recorded.
  const auto check = check_outlier_stage_completion(*store_, analyst_, today_,
                                                    {case_, "done", "Data verified", "2026-01-15T10:00:00Z"});
  ASSERT_TRUE(check) << check.error().message;
  EXPECT_EQ(check->stage_name, "The audit provider checks the data and the analysis");
  EXPECT_EQ(check->outcome, "Completed");
  EXPECT_EQ(check->record, "The audit provider checks the data and the analysis: completed. Data verified");
  EXPECT_EQ(stored().stage, "data_check");
  EXPECT_EQ(log_entries(), before);

  ASSERT_TRUE(complete(analyst_, "Data verified"));
  EXPECT_EQ(stored().stage, "lead_clinician_informed");
  EXPECT_GT(log_entries(), before);
}

TEST_F(OutlierStages, TheOwnerReopensTheStageCompletedLastWithAReasonRecorded) {
  ASSERT_TRUE(complete(analyst_, "Data verified"));
  ASSERT_EQ(stored().stage, "lead_clinician_informed");
  const auto before = log_entries();

  // The trust does not own the data check; another trust cannot even see the case.
  const auto by_lead = reopen(lead_, "Wrong case");
  ASSERT_FALSE(by_lead);
  EXPECT_EQ(by_lead.error().code, ErrorCode::forbidden);
  const auto by_stranger = reopen(stranger_, "Wrong case");
  ASSERT_FALSE(by_stranger);
  EXPECT_EQ(by_stranger.error().code, ErrorCode::not_found);
  // A reason is required.
  const auto no_reason = reopen(analyst_, " ");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(no_reason.error().message.rfind("reason: ", 0), 0u) << no_reason.error().message;
  EXPECT_EQ(stored().stage, "lead_clinician_informed");
  EXPECT_EQ(log_entries(), before);

  // The detail offers the reopening to the owner only.
  EXPECT_TRUE(outlier_case_detail(*store_, analyst_, case_)->may_reopen.has_value());
  EXPECT_FALSE(outlier_case_detail(*store_, lead_, case_)->may_reopen.has_value());

  ASSERT_TRUE(reopen(analyst_, "Completed on the wrong case"));
  const auto back = stored();
  EXPECT_EQ(back.stage, "data_check");
  // Reopened on Friday 16 January: 10 working days from then.
  EXPECT_EQ(back.stage_due_on, Date::parse("2026-01-30").value());
  const auto events = store_->outlier_events(case_).value();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].stage, "data_check");
  EXPECT_EQ(events[1].what,
            "The audit provider checks the data and the analysis: reopened. Completed on the wrong case");
  EXPECT_EQ(events[1].by, analyst_.user_id);
  EXPECT_EQ(events[1].at, "2026-01-16T09:00:00Z");
  const auto log = store_->audit_log("outlier_case", -1).value();
  EXPECT_EQ(std::count_if(log.begin(), log.end(),
                          [&](const AuditLogEntry& entry) {
                            return entry.actor == analyst_.email && entry.action == "update" &&
                                   entry.after.find("reopened. Completed on the wrong case") != std::string::npos;
                          }),
            1);
  EXPECT_GT(log_entries(), before);

  // Back at the first stage, there is nothing more to reopen.
  const auto again = reopen(analyst_, "Once more");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
}

TEST_F(OutlierStages, AClosedCaseIsNotReopened) {
  ASSERT_TRUE(complete(analyst_, "Data verified"));
  ASSERT_TRUE(complete(analyst_, "Lead clinician told"));
  ASSERT_TRUE(complete(lead_, "Case notes reviewed"));
  ASSERT_EQ(stored().stage, "review");
  ASSERT_TRUE(complete(analyst_, "Explanation accepted", "withdraw"));
  ASSERT_EQ(stored().status, OutlierStatus::withdrawn);
  const auto refused = reopen(analyst_, "Withdrawn by mistake");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  EXPECT_FALSE(outlier_case_detail(*store_, analyst_, case_)->may_reopen.has_value());
}

}  // namespace
}  // namespace clinaudit::domain
