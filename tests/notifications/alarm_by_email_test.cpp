// The daily notification job end to end: a real SQLite file, the real `clinaudit jobs run`
// binary run once for every calendar day, and a real SMTP server (Debian's aiosmtpd,
// delivering to a Maildir) whose received messages are checked. An alarm-level outlier case
// is driven through every stage of the timetable, across Easter 2026 (Good Friday 3 April,
// Easter Monday 6 April) and the May bank holidays (4 and 25 May); an action and a national
// report wait alongside it. The expected dates were worked by hand from the bank-holiday list.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "domain/outlier_casework.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/store.hpp"
#include "domain/working_days.hpp"
#include "storage/store_factory.hpp"

extern char** environ;

namespace clinaudit {
namespace {

namespace fs = std::filesystem;
using domain::OutlierCase;

Date d(const char* text) { return *Date::parse(text); }

int free_loopback_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    close(fd);
    return 0;
  }
  close(fd);
  return ntohs(address.sin_port);
}

bool accepts_connections(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return ok;
}

struct Mail {
  std::string file;
  std::string subject;
  std::string rcpt_to;  // the envelope recipients, as aiosmtpd records them
  std::string to;
  std::string from;
  std::string body;
};

// aiosmtpd's Mailbox handler on a loopback port, delivering into a Maildir.
class SmtpSink {
 public:
  explicit SmtpSink(fs::path maildir) : maildir_(std::move(maildir)) {
    port_ = free_loopback_port();
    const std::string listen = "127.0.0.1:" + std::to_string(port_);
    std::vector<std::string> args = {
        CLINAUDIT_TEST_PYTHON, "-m", "aiosmtpd", "-n", "-l", listen, "-c", "aiosmtpd.handlers.Mailbox",
        maildir_.string()};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0) pid_ = 0;
    for (int i = 0; i < 200 && pid_ != 0 && !accepts_connections(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~SmtpSink() {
    if (pid_ == 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  bool running() const { return pid_ != 0 && accepts_connections(port_); }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  // The messages delivered since the last call.
  std::vector<Mail> new_mail() {
    std::vector<Mail> out;
    const fs::path delivered = maildir_ / "new";
    if (!fs::exists(delivered)) return out;
    for (const auto& entry : fs::directory_iterator(delivered)) {
      const std::string name = entry.path().filename().string();
      if (!seen_.insert(name).second) continue;
      out.push_back(read(entry.path()));
    }
    return out;
  }

 private:
  static Mail read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    Mail mail;
    mail.file = file.string();
    std::string line;
    bool headers = true;
    while (std::getline(text, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (headers && line.empty()) {
        headers = false;
        continue;
      }
      if (!headers) {
        mail.body += line + "\n";
        continue;
      }
      const auto colon = line.find(": ");
      if (colon == std::string::npos) continue;
      const std::string name = line.substr(0, colon);
      const std::string value = line.substr(colon + 2);
      if (name == "Subject") mail.subject = value;
      if (name == "X-RcptTo") mail.rcpt_to = value;
      if (name == "To") mail.to = value;
      if (name == "From") mail.from = value;
    }
    return mail;
  }

  fs::path maildir_;
  int port_ = 0;
  pid_t pid_ = 0;
  std::set<std::string> seen_;
};

struct JobRun {
  int exit_code = -1;
  std::string output;
};

JobRun jobs_run(const std::string& db, const std::string& smtp, Date day) {
  const std::string command = std::string("'") + CLINAUDIT_TEST_BINARY + "' jobs run --db '" + db + "' --as-of " +
                              day.to_string() + " --smtp " + smtp +
                              " --from clinaudit@rxx.nhs.uk --public-url https://audit.example.nhs.uk/ 2>&1";
  JobRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) run.output += buffer.data();
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

domain::User person(const char* email, domain::Role role, OrganisationId organisation) {
  domain::User user;
  user.email = email;
  user.display_name = email;
  user.role = role;
  user.organisation_id = organisation;
  user.password_hash = "$argon2id$not-used-here";
  return user;
}

const domain::Actor kTest{std::nullopt, "notification test"};

// The expected e-mail of one day: its subject, envelope recipients, and a line of its body.
struct Expected {
  const char* day;
  const char* subject;
  const char* rcpt_to;
  const char* body_line;
};

class AlarmByEmail : public ::testing::Test {
 protected:
  void SetUp() override {
    work_ = fs::path(CLINAUDIT_TEST_WORK_DIR) / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(work_);
    fs::create_directories(work_);
    db_ = (work_ / "audit.sqlite").string();
    auto opened = storage::open_store(db_);
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }

  void complete(const char* day, domain::StageDecision decision = domain::StageDecision::done) {
    auto row = store_->outlier_case(case_id_);
    ASSERT_TRUE(row) << row.error().message;
    auto next = domain::complete_stage(*row, decision, domain::OutlierTimetable::default_timetable(),
                                       domain::WorkingDayCalendar::england_and_wales(), d(day));
    ASSERT_TRUE(next) << next.error().message;
    domain::OutlierEvent event;
    event.case_id = case_id_;
    event.stage = row->stage;
    event.what = "Stage completed";
    event.at = std::string(day) + "T15:00:00Z";
    const auto updated = store_->update_outlier_case(*next, event, kTest);
    ASSERT_TRUE(updated) << updated.error().message;
  }

  fs::path work_;
  std::string db_;
  std::unique_ptr<domain::Store> store_;
  OutlierCaseId case_id_;
};

TEST_F(AlarmByEmail, RemindersAndEscalationsArriveThroughEveryStageAcrossBankHolidays) {
  SmtpSink smtp(work_ / "maildir");
  ASSERT_TRUE(smtp.running()) << "could not start aiosmtpd with " << CLINAUDIT_TEST_PYTHON;

  const auto orgs =
      store_->add_organisations({{{}, "RXX", "Riverside Hospitals", domain::OrganisationType::acute, "London"},
                                 {{}, "NAT", "National Audit Body", domain::OrganisationType::national_body, ""}},
                                kTest);
  ASSERT_TRUE(orgs) << orgs.error().message;
  const OrganisationId trust = orgs->at(0);
  const OrganisationId national = orgs->at(1);
  using domain::Role;
  for (const auto& user :
       {person("am@rxx.nhs.uk", Role::audit_manager, trust), person("cl@rxx.nhs.uk", Role::clinical_lead, trust),
        person("bm@rxx.nhs.uk", Role::board_member, trust), person("admin@rxx.nhs.uk", Role::admin, trust),
        person("analyst@nat.org.uk", Role::national_analyst, national),
        person("admin@nat.org.uk", Role::admin, national), person("inspector@cqc.org.uk", Role::regulator, national)}) {
    ASSERT_TRUE(store_->add_user(user, kTest));
  }
  const auto lead = store_->user_by_email("cl@rxx.nhs.uk");
  ASSERT_TRUE(lead);
  // The board member is the trust's chief executive: the acknowledgement is theirs.
  const auto chief = store_->user_by_email("bm@rxx.nhs.uk");
  ASSERT_TRUE(chief);
  ASSERT_TRUE(store_->set_chief_executive(trust, chief->id, kTest));

  domain::Audit audit;
  audit.code = "NHFD";
  audit.title = "National Hip Fracture Database";
  audit.kind = domain::AuditKind::national_clinical_audit;
  audit.provider_body = "Royal College of Physicians";
  const auto audit_ids = store_->add_audits({audit}, kTest);
  ASSERT_TRUE(audit_ids) << audit_ids.error().message;
  domain::Measure measure;
  measure.audit_id = audit_ids->front();
  measure.code = "mort30";
  measure.name = "30-day mortality";
  const auto measure_id = store_->add_measure(measure, kTest);
  ASSERT_TRUE(measure_id) << measure_id.error().message;

  // Opened on Monday 23 March 2026 at data_check: 10 working days skip Good Friday and
  // Easter Monday, so it is due Wednesday 8 April.
  OutlierCase flagged;
  flagged.audit_id = audit_ids->front();
  flagged.measure_id = *measure_id;
  flagged.organisation_id = trust;
  flagged.period = "2025/26";
  flagged.level = domain::OutlierLevel::alarm;
  flagged.value = 0.121;
  flagged.limit = 0.104;
  const auto opened = domain::open_outlier_case(flagged, domain::OutlierTimetable::default_timetable(),
                                                domain::WorkingDayCalendar::england_and_wales(), d("2026-03-23"));
  ASSERT_EQ(opened.stage_due_on, d("2026-04-08"));
  const auto case_id = store_->add_outlier_case(opened, kTest);
  ASSERT_TRUE(case_id) << case_id.error().message;
  case_id_ = *case_id;

  // An action for the clinical lead due Thursday 2 April, the day before Good Friday.
  domain::Action action;
  action.organisation_id = trust;
  action.audit_id = audit_ids->front();
  action.title = "Orthogeriatrician review within 72 hours";
  action.owner = lead->id;
  action.due_on = d("2026-04-02");
  ASSERT_TRUE(store_->add_action(action, kTest));
  // A national report published on the day the case opened, not yet reviewed.
  domain::ReportReview review;
  review.audit_id = audit_ids->front();
  review.organisation_id = trust;
  review.report_title = "NHFD annual report 2026";
  review.published_on = d("2026-03-23");
  ASSERT_TRUE(store_->add_report_review(review, kTest));

  // What each stage's owner does, and when (after that morning's run of the job).
  const std::map<std::string, std::pair<const char*, domain::StageDecision>> completions = {
      {"2026-04-17", {"data_check", domain::StageDecision::done}},                    // late: after the escalation
      {"2026-04-23", {"lead_clinician_informed", domain::StageDecision::done}},       // on time
      {"2026-06-10", {"provider_response", domain::StageDecision::done}},             // late
      {"2026-07-07", {"review", domain::StageDecision::confirm}},                     // on time
      {"2026-07-08", {"chief_executive_informed", domain::StageDecision::done}},      // early
      {"2026-07-24", {"chief_executive_acknowledged", domain::StageDecision::done}},  // late
      {"2026-07-27", {"public_disclosure", domain::StageDecision::done}},             // closes the case
  };

  const char* kTrustLeads = "am@rxx.nhs.uk, cl@rxx.nhs.uk";
  const std::vector<Expected> expected = {
      // While the national audit checks its data, the trust is not told (HQIP's guidance).
      {"2026-03-23", "New outlier alarm: National Hip Fracture Database (NHFD), Riverside Hospitals (RXX) (case 1)",
       "analyst@nat.org.uk", "due 2026-04-08 (Wednesday)."},
      // The data check was completed on Friday 17 April: the next working day the trust hears of
      // the potential outlier.
      {"2026-04-20",
       "Potential outlier alarm: National Hip Fracture Database (NHFD), Riverside Hospitals (RXX) (case 1)",
       kTrustLeads, "a potential outlier, not yet confirmed"},
      {"2026-03-23", "National report published: NHFD annual report 2026", kTrustLeads, "Published: 2026-03-23"},
      {"2026-03-26", "Action due 2026-04-02: Orthogeriatrician review within 72 hours", "cl@rxx.nhs.uk",
       "Due: 2026-04-02 (Thursday)."},
      // The reminder comes when two working days are left: from Thursday 2 April only 7 and 8
      // April are left, the Easter weekend between.
      {"2026-04-02",
       "Reminder: outlier case 1, stage due 2026-04-08: The audit provider checks the data and the analysis",
       "analyst@nat.org.uk", "Due: 2026-04-08 (Wednesday)."},
      // Due on 2 April; 3 and 6 April are bank holidays: first overdue working day 7 April.
      {"2026-04-07", "Action overdue: Orthogeriatrician review within 72 hours (due 2026-04-02, 1 working day overdue)",
       "cl@rxx.nhs.uk", "Late by: 1 working day."},
      {"2026-04-09",
       "Deadline passed: outlier case 1, stage due 2026-04-08 (1 working day overdue): The audit provider checks the "
       "data and the analysis",
       "analyst@nat.org.uk", "Responsible: the national audit provider."},
      {"2026-04-16",
       "Escalation: outlier case 1, stage 6 working days overdue (due 2026-04-08): The audit provider checks the data "
       "and the analysis",
       "admin@nat.org.uk, analyst@nat.org.uk", "Late by: 6 working days."},
      // 11 working days after 2 April, Good Friday and Easter Monday not counted.
      {"2026-04-21", "Escalation: action 'Orthogeriatrician review within 72 hours' is 11 working days overdue",
       kTrustLeads, "Escalated to the organisation's audit managers: the action is more than 10 working days late."},
      {"2026-04-22",
       "Reminder: outlier case 1, stage due 2026-04-24: The provider's lead clinician is told and asked to check the "
       "data and explain",
       "analyst@nat.org.uk", "Due: 2026-04-24 (Friday)."},
      {"2026-04-22", "National report not yet reviewed: NHFD annual report 2026 (published 2026-03-23)", kTrustLeads,
       "(20 working days ago)"},
      // 25 working days from 23 April skip 4 May and 25 May: due Monday 1 June.
      {"2026-05-28",
       "Reminder: outlier case 1, stage due 2026-06-01: The provider checks its data and sends its explanation",
       kTrustLeads, "Responsible: the provider organisation."},
      {"2026-06-02",
       "Deadline passed: outlier case 1, stage due 2026-06-01 (1 working day overdue): The provider checks its data "
       "and sends its explanation",
       kTrustLeads, "Due: 2026-06-01 (Monday)."},
      {"2026-06-09",
       "Escalation: outlier case 1, stage 6 working days overdue (due 2026-06-01): The provider checks its data and "
       "sends its explanation",
       "admin@rxx.nhs.uk, am@rxx.nhs.uk, bm@rxx.nhs.uk, cl@rxx.nhs.uk",
       "Escalated to senior managers: the stage is more than 5 working days late."},
      // A trust that fails to respond in time is escalated to the regulator (HQIP's guidance).
      {"2026-06-09", "Outlier alarm escalated: Riverside Hospitals (RXX) has missed a deadline (case 1)",
       "inspector@cqc.org.uk",
       "Stage: The provider checks its data and sends its explanation.\nResponsible: the "
       "provider organisation.\nDue: 2026-06-01 (Monday).\nLate by: 6 working days."},
      // Confirmed at review on 7 July: the regulator is told the next morning.
      {"2026-07-08",
       "Confirmed outlier alarm: National Hip Fracture Database (NHFD), Riverside Hospitals (RXX) (case 1)",
       "inspector@cqc.org.uk", "confirmed this outlier alarm"},
      {"2026-07-06",
       "Reminder: outlier case 1, stage due 2026-07-08: The audit provider reviews the response and confirms or "
       "withdraws the outlier status",
       "analyst@nat.org.uk", "Stage: The audit provider reviews the response"},
      {"2026-07-20",
       "Reminder: outlier case 1, stage due 2026-07-22: The chief executive acknowledges and starts a local review",
       "am@rxx.nhs.uk, bm@rxx.nhs.uk", "Responsible: the provider's chief executive."},
      {"2026-07-23",
       "Deadline passed: outlier case 1, stage due 2026-07-22 (1 working day overdue): The chief executive "
       "acknowledges and starts a local review",
       "am@rxx.nhs.uk, bm@rxx.nhs.uk", "Late by: 1 working day."},
  };

  std::vector<std::pair<std::string, Mail>> received;
  std::map<std::string, std::string> job_output;  // by day: what the job said, for a missing message
  for (Date day = d("2026-03-23"); day <= d("2026-07-31"); day = day.plus_days(1)) {
    const JobRun run = jobs_run(db_, smtp.url(), day);
    ASSERT_EQ(run.exit_code, 0) << day.to_string() << ":\n" << run.output;
    job_output[day.to_string()] = run.output;
    const bool working = domain::WorkingDayCalendar::england_and_wales().is_working_day(day);
    if (!working) {
      EXPECT_NE(run.output.find("not a working day"), std::string::npos) << run.output;
    }
    for (auto& mail : smtp.new_mail()) received.emplace_back(day.to_string(), std::move(mail));

    if (day == d("2026-04-09")) {
      // A second run on the same day sends nothing again (the morning's deadline notice and
      // the action overdue since 7 April both still hold).
      const JobRun again = jobs_run(db_, smtp.url(), day);
      ASSERT_EQ(again.exit_code, 0) << again.output;
      EXPECT_NE(again.output.find("0 sent by e-mail, 0 recorded in-app only, 2 already sent"), std::string::npos)
          << again.output;
      EXPECT_TRUE(smtp.new_mail().empty());
    }
    const auto completion = completions.find(day.to_string());
    if (completion != completions.end()) {
      const auto row = store_->outlier_case(case_id_);
      ASSERT_TRUE(row);
      ASSERT_EQ(row->stage, completion->second.first) << day.to_string();
      complete(completion->first.c_str(), completion->second.second);
    }
  }

  const auto closed = store_->outlier_case(case_id_);
  ASSERT_TRUE(closed);
  EXPECT_EQ(closed->status, domain::OutlierStatus::closed);
  // The escalation is kept on the case, so that the regulator goes on seeing it, and on its record.
  EXPECT_EQ(closed->escalated_on, d("2026-06-09"));
  const auto events = store_->outlier_events(case_id_);
  ASSERT_TRUE(events);
  EXPECT_EQ(std::count_if(events->begin(), events->end(),
                          [](const auto& e) {
                            return e.stage == "provider_response" && e.what.starts_with("Escalated to the regulator: ");
                          }),
            1);

  ASSERT_EQ(received.size(), expected.size());
  // Within one day the messages may arrive in any order: compare each day's set by subject.
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Expected& want = expected[i];
    const auto match = std::find_if(received.begin(), received.end(), [&](const auto& got) {
      return got.first == want.day && got.second.subject == want.subject;
    });
    ASSERT_NE(match, received.end()) << "no e-mail on " << want.day << ": " << want.subject
                                     << "\nthe job that day said:\n"
                                     << job_output[want.day];
    const Mail& mail = match->second;
    EXPECT_EQ(mail.rcpt_to, want.rcpt_to) << want.subject;
    EXPECT_EQ(mail.to, want.rcpt_to) << want.subject;
    EXPECT_EQ(mail.from, "clinaudit@rxx.nhs.uk");
    EXPECT_NE(mail.body.find(want.body_line), std::string::npos) << want.subject << "\n" << mail.body;
    EXPECT_NE(mail.body.find("Sent by the daily checks of clinaudit for " + std::string(want.day)), std::string::npos)
        << mail.body;
    // Each links to what it is about, under the server's public address.
    EXPECT_NE(mail.body.find(": https://audit.example.nhs.uk/"), std::string::npos) << mail.body;
    if (std::string(want.subject).find("(case 1)") != std::string::npos) {
      EXPECT_NE(mail.body.find("Open outlier case 1: https://audit.example.nhs.uk/outliers/1\n"), std::string::npos)
          << mail.body;
    }
  }

  // Each sent message is in the audit log, once.
  const auto log = store_->audit_log("notification", -1);
  ASSERT_TRUE(log);
  EXPECT_EQ(log->size(), expected.size());
  std::set<std::string> keys;
  for (const auto& entry : *log) {
    EXPECT_EQ(entry.action, "email");
    keys.insert(entry.entity_key);
  }
  EXPECT_EQ(keys.size(), expected.size());
  EXPECT_TRUE(keys.contains("outlier:1:data_check:escalation:2026-04-08"));
}

// The daily job analyses a national audit as soon as its episodes change, and a trust whose
// risk-adjusted CUSUM signals hears of it by e-mail. Five providers, 100 patients each, one
// admitted a day from 1 April 2025; the model is intercept-only, so every patient's risk is
// the national rate. At first 73 of 500 died (p = 0.146): Riverside's first 9 patients died
// and then none; every other trust lost every 6th patient. An upper CUSUM (odds ratio 2)
// adds ln 2 - ln(1 + p) = 0.5569 per death: 8 deaths make 4.455, the 9th 5.012, past h = 4.5,
// so Riverside signals with the patient admitted 9 April 2025. Its 91 survivors then take
// ln(1 - p/2) = 0.0758 each off the lower (improvement) chart, which crosses -4 at the 53rd
// survivor: a lower signal, recorded but not announced. Nobody else signals (5 survivors
// between deaths take off more than a death adds to the lower chart, and the upper chart
// never holds more than one death's weight).
TEST_F(AlarmByEmail, NewEpisodesAreAnalysedByTheDailyJobAndACusumSignalArrivesByEmail) {
  SmtpSink smtp(work_ / "maildir");
  ASSERT_TRUE(smtp.running()) << "could not start aiosmtpd with " << CLINAUDIT_TEST_PYTHON;
  std::vector<domain::Organisation> trusts;
  for (const char* code : {"RXX", "RYY", "RZZ", "RAA", "RBB"}) {
    trusts.push_back({{}, code, std::string("Trust ") + code, domain::OrganisationType::acute, "London"});
  }
  const auto orgs = store_->add_organisations(trusts, kTest);
  ASSERT_TRUE(orgs) << orgs.error().message;
  using domain::Role;
  for (const auto& user : {person("am@rxx.nhs.uk", Role::audit_manager, orgs->at(0)),
                           person("cl@rxx.nhs.uk", Role::clinical_lead, orgs->at(0)),
                           person("bm@rxx.nhs.uk", Role::board_member, orgs->at(0)),
                           person("am@ryy.nhs.uk", Role::audit_manager, orgs->at(1))}) {
    ASSERT_TRUE(store_->add_user(user, kTest));
  }
  domain::Audit audit;
  audit.code = "NELA";
  audit.title = "National Emergency Laparotomy Audit";
  audit.kind = domain::AuditKind::national_clinical_audit;
  const auto audit_ids = store_->add_audits({audit}, kTest);
  ASSERT_TRUE(audit_ids) << audit_ids.error().message;
  domain::Measure measure;
  measure.audit_id = audit_ids->front();
  measure.code = "mort30";
  measure.name = "Risk-adjusted 30-day mortality";
  measure.type = domain::MeasureType::ratio;
  measure.improvement = domain::Improvement::decrease;
  ASSERT_TRUE(store_->add_measure(measure, kTest));

  domain::Dataset dataset;
  dataset.audit_id = audit_ids->front();
  dataset.columns = {{"outcome", domain::ValueType::yes_no, true, {}, {}, {}, "Died within 30 days"}};
  ASSERT_TRUE(store_->set_dataset(dataset, kTest));
  const auto import = [&](const domain::EpisodeColumns& rows) {
    auto writer = store_->begin_episodes(audit_ids->front(), {"outcome"}, kTest);
    ASSERT_TRUE(writer) << writer.error().message;
    ASSERT_TRUE((*writer)->append(rows));
    ASSERT_TRUE((*writer)->commit());
  };
  domain::EpisodeColumns first;
  first.audit_id = audit_ids->front();
  auto& first_outcome = first.add_column("outcome", domain::ValueType::yes_no).numbers;
  for (std::size_t t = 0; t < orgs->size(); ++t) {
    for (int i = 0; i < 100; ++i) {
      first.provider.push_back(orgs->at(t));
      first.admission_date.push_back(d("2025-04-01").plus_days(i));
      first_outcome.push_back(t == 0 ? (i < 9 ? 1 : 0) : (i % 6 == 5 ? 1 : 0));
    }
  }
  import(first);

  // Monday 12 January 2026: the year 2025/26 has never been analysed.
  const JobRun monday = jobs_run(db_, smtp.url(), d("2026-01-12"));
  ASSERT_EQ(monday.exit_code, 0) << monday.output;
  EXPECT_NE(monday.output.find("analysed NELA 2025/26: 500 episodes"), std::string::npos) << monday.output;
  const auto alerts = store_->cusum_alerts(std::nullopt, std::nullopt);
  ASSERT_TRUE(alerts) << alerts.error().message;
  ASSERT_EQ(alerts->size(), 2U);
  EXPECT_TRUE(alerts->at(0).upper);
  EXPECT_EQ(alerts->at(0).organisation_id, orgs->at(0));
  EXPECT_EQ(alerts->at(0).signalled_on, d("2025-04-09"));
  EXPECT_EQ(alerts->at(0).episodes_monitored, 9);
  EXPECT_FALSE(alerts->at(1).upper);
  EXPECT_EQ(alerts->at(1).organisation_id, orgs->at(0));
  EXPECT_EQ(alerts->at(1).episodes_monitored, 62);  // 9 deaths, then the 53rd survivor
  EXPECT_EQ(alerts->at(1).signalled_on, d("2025-06-01"));
  std::vector<Mail> cusum_mail;
  for (auto& mail : smtp.new_mail()) {
    if (mail.subject.rfind("CUSUM alert", 0) == 0) cusum_mail.push_back(std::move(mail));
  }
  ASSERT_EQ(cusum_mail.size(), 1U);
  EXPECT_EQ(cusum_mail[0].subject,
            "CUSUM alert: National Emergency Laparotomy Audit (NELA), Trust RXX (RXX) (signal on 2025-04-09)");
  EXPECT_NE(cusum_mail[0].rcpt_to.find("am@rxx.nhs.uk"), std::string::npos) << cusum_mail[0].rcpt_to;
  EXPECT_NE(cusum_mail[0].rcpt_to.find("cl@rxx.nhs.uk"), std::string::npos) << cusum_mail[0].rcpt_to;
  EXPECT_EQ(cusum_mail[0].rcpt_to.find("bm@rxx.nhs.uk"), std::string::npos) << cusum_mail[0].rcpt_to;
  EXPECT_EQ(cusum_mail[0].rcpt_to.find("am@ryy.nhs.uk"), std::string::npos) << cusum_mail[0].rcpt_to;
  EXPECT_NE(cusum_mail[0].body.find("after 9 patients monitored"), std::string::npos) << cusum_mail[0].body;

  // Tuesday: nothing new arrived, so nothing is analysed again or sent again.
  const JobRun tuesday = jobs_run(db_, smtp.url(), d("2026-01-13"));
  ASSERT_EQ(tuesday.exit_code, 0) << tuesday.output;
  EXPECT_NE(tuesday.output.find("0 analysis run(s), 1 unchanged, 0 failed"), std::string::npos) << tuesday.output;
  EXPECT_EQ(store_->analysis_runs(audit_ids->front())->size(), 1U);
  for (const auto& mail : smtp.new_mail()) EXPECT_NE(mail.subject.rfind("CUSUM alert", 0), 0U) << mail.subject;

  // Then Ryeford (RYY) submits 9 more patients, all of whom died: the data changed, the job
  // analyses the year again, and only the new signal is announced.
  domain::EpisodeColumns more;
  more.audit_id = audit_ids->front();
  auto& more_outcome = more.add_column("outcome", domain::ValueType::yes_no).numbers;
  for (int i = 0; i < 9; ++i) {
    more.provider.push_back(orgs->at(1));
    more.admission_date.push_back(d("2025-07-10").plus_days(i));
    more_outcome.push_back(1);
  }
  import(more);
  const JobRun wednesday = jobs_run(db_, smtp.url(), d("2026-01-14"));
  ASSERT_EQ(wednesday.exit_code, 0) << wednesday.output;
  EXPECT_NE(wednesday.output.find("analysed NELA 2025/26: 509 episodes"), std::string::npos) << wednesday.output;
  EXPECT_EQ(store_->analysis_runs(audit_ids->front())->size(), 2U);
  std::vector<Mail> more_mail;
  for (auto& mail : smtp.new_mail()) {
    if (mail.subject.rfind("CUSUM alert", 0) == 0) more_mail.push_back(std::move(mail));
  }
  ASSERT_EQ(more_mail.size(), 1U);
  EXPECT_NE(more_mail[0].subject.find("Trust RYY (RYY)"), std::string::npos) << more_mail[0].subject;
  EXPECT_NE(more_mail[0].rcpt_to.find("am@ryy.nhs.uk"), std::string::npos) << more_mail[0].rcpt_to;
}

// A supplier's yearly infection rates, imported as a file with `clinaudit import results`,
// are checked by the next daily run once their year has ended: the trust far above the
// others gets an alarm case at the audit provider's data check, with its value on the
// measure's own scale; monthly rates of the same year open nothing, and the next run opens
// nothing again. (The figures: 19 trusts with 23 infections in 10,000 bed days and one with
// 60; with an overall rate of 497 / 200,000, P(X >= 60) for an expected 24.85 is below 1e-8.)
TEST_F(AlarmByEmail, YearlyRatesImportedAsAFileOpenACaseOnTheFirstDailyRunAfterTheYear) {
  SmtpSink smtp(work_ / "maildir");
  ASSERT_TRUE(smtp.running()) << "could not start aiosmtpd with " << CLINAUDIT_TEST_PYTHON;
  std::vector<domain::Organisation> trusts;
  for (int t = 0; t < 20; ++t) {
    const std::string code = "R" + std::to_string(10 + t);
    trusts.push_back({{}, code, "Trust " + code, domain::OrganisationType::acute, "London"});
  }
  const auto orgs = store_->add_organisations(trusts, kTest);
  ASSERT_TRUE(orgs) << orgs.error().message;
  domain::Audit audit;
  audit.code = "HCAI";
  audit.title = "Healthcare-associated infection surveillance";
  audit.kind = domain::AuditKind::national_clinical_audit;
  const auto audit_ids = store_->add_audits({audit}, kTest);
  ASSERT_TRUE(audit_ids) << audit_ids.error().message;
  domain::Measure measure;
  measure.audit_id = audit_ids->front();
  measure.code = "cdi";
  measure.name = "C. difficile infections";
  measure.type = domain::MeasureType::rate;
  measure.improvement = domain::Improvement::decrease;
  measure.rate_multiplier = 1000;
  measure.unit = "per 1,000 bed days";
  ASSERT_TRUE(store_->add_measure(measure, kTest));
  store_.reset();  // the binary writes the file from here on

  const fs::path file = work_ / "rates.csv";
  {
    std::ofstream out(file);
    out << "audit_code,measure_code,organisation_code,period,numerator,denominator\n";
    for (int t = 0; t < 20; ++t) {
      const int infections = t == 0 ? 60 : 23;
      out << "HCAI,cdi,R" << 10 + t << ",2025/26," << infections << ",10000\n";
      out << "HCAI,cdi,R" << 10 + t << ",2026-03," << infections / 10 << ",850\n";
    }
  }
  // Imported on 25 March, in the year: the import's own outlier check finds no ended year.
  const std::string import = std::string("'") + CLINAUDIT_TEST_BINARY + "' import results '" + file.string() +
                             "' --db '" + db_ + "' --as-of 2026-03-25 >/dev/null 2>&1";
  ASSERT_EQ(std::system(import.c_str()), 0) << import;

  // Tuesday 31 March 2026, the year's last day: in-year, nothing is checked.
  const JobRun last_day = jobs_run(db_, smtp.url(), d("2026-03-31"));
  ASSERT_EQ(last_day.exit_code, 0) << last_day.output;
  EXPECT_NE(last_day.output.find("imported yearly results checked for 0 measure-year(s), 0 outlier case(s) opened"),
            std::string::npos)
      << last_day.output;
  // Wednesday 1 April: the year has ended.
  const JobRun first = jobs_run(db_, smtp.url(), d("2026-04-01"));
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("checked HCAI cdi 2025/26: 20 providers, 1 beyond the limits, 1 outlier case(s) opened"),
            std::string::npos)
      << first.output;
  const JobRun second = jobs_run(db_, smtp.url(), d("2026-04-02"));
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("checked HCAI cdi 2025/26: 20 providers, 1 beyond the limits, 0 outlier case(s) opened"),
            std::string::npos)
      << second.output;

  auto reopened = storage::open_store(db_);
  ASSERT_TRUE(reopened) << reopened.error().message;
  auto cases = (*reopened)->outlier_cases(std::nullopt, std::nullopt);
  ASSERT_TRUE(cases) << cases.error().message;
  ASSERT_EQ(cases->size(), 1U);
  const auto rows = domain::outlier_rows(**reopened, *cases);
  EXPECT_EQ(rows[0].organisation_name, "Trust R10");
  EXPECT_EQ(rows[0].item.level, domain::OutlierLevel::alarm);
  EXPECT_EQ(rows[0].item.stage, "data_check");
  EXPECT_EQ(rows[0].item.period, "2025/26");
  EXPECT_EQ(rows[0].value_words, "6.00 per 1,000 bed days");
}

// A Trust Board booked for Tuesday 10 March 2026, run day by day: the board member hears a
// week ahead (Tuesday 3 March) that the pack is ready; nobody records the outcome, so the
// audit manager is asked on the fifth working day after it (Tuesday 17 March). Each once, each
// with the meeting's address under the public URL.
TEST_F(AlarmByEmail, ABoardMeetingIsAnnouncedAWeekAheadAndItsMissingOutcomeRemindedOnce) {
  SmtpSink smtp(work_ / "maildir");
  ASSERT_TRUE(smtp.running()) << "could not start aiosmtpd with " << CLINAUDIT_TEST_PYTHON;
  const auto orgs =
      store_->add_organisations({{{}, "RXX", "Riverside Hospitals", domain::OrganisationType::acute, "London"}}, kTest);
  ASSERT_TRUE(orgs);
  using domain::Role;
  for (const auto& user : {person("am@rxx.nhs.uk", Role::audit_manager, orgs->front()),
                           person("bm@rxx.nhs.uk", Role::board_member, orgs->front()),
                           person("cl@rxx.nhs.uk", Role::clinical_lead, orgs->front())}) {
    ASSERT_TRUE(store_->add_user(user, kTest));
  }
  domain::BoardMeetingRecord booked;
  booked.meeting.organisation_id = orgs->front();
  booked.meeting.committee = "Trust Board";
  booked.meeting.held_on = d("2026-03-10");
  const auto meeting = store_->add_board_meeting(booked, kTest);
  ASSERT_TRUE(meeting) << meeting.error().message;
  const std::string address = "https://audit.example.nhs.uk/board-meetings/" + std::to_string(meeting->value);

  std::map<std::string, std::vector<Mail>> by_day;
  for (Date day = d("2026-03-02"); day <= d("2026-03-20"); day = day.plus_days(1)) {
    const JobRun run = jobs_run(db_, smtp.url(), day);
    ASSERT_EQ(run.exit_code, 0) << day.to_string() << ": " << run.output;
    for (auto& mail : smtp.new_mail()) by_day[day.to_string()].push_back(std::move(mail));
  }
  ASSERT_EQ(by_day.size(), 2U);
  ASSERT_EQ(by_day["2026-03-03"].size(), 1U);
  const Mail& soon = by_day["2026-03-03"][0];
  EXPECT_EQ(soon.subject, "Trust Board in 7 days (2026-03-10): the board pack is ready");
  EXPECT_EQ(soon.rcpt_to, "bm@rxx.nhs.uk");
  EXPECT_NE(soon.body.find("Open the meeting: Trust Board, 2026-03-10: " + address), std::string::npos) << soon.body;
  ASSERT_EQ(by_day["2026-03-17"].size(), 1U);
  const Mail& outcome = by_day["2026-03-17"][0];
  EXPECT_EQ(outcome.subject, "Outcome not recorded: Trust Board of 2026-03-10");
  EXPECT_EQ(outcome.rcpt_to, "am@rxx.nhs.uk");
  EXPECT_NE(outcome.body.find("(5 working days ago)"), std::string::npos) << outcome.body;
  EXPECT_NE(outcome.body.find(address), std::string::npos) << outcome.body;
}

TEST_F(AlarmByEmail, AMailServerThatIsDownFailsTheRunAndTheNextRunSends) {
  const auto orgs =
      store_->add_organisations({{{}, "RXX", "Riverside Hospitals", domain::OrganisationType::acute, "London"}}, kTest);
  ASSERT_TRUE(orgs);
  ASSERT_TRUE(store_->add_user(person("am@rxx.nhs.uk", domain::Role::audit_manager, orgs->front()), kTest));
  domain::Audit audit;
  audit.code = "NHFD";
  audit.title = "National Hip Fracture Database";
  audit.kind = domain::AuditKind::national_clinical_audit;
  const auto audit_ids = store_->add_audits({audit}, kTest);
  ASSERT_TRUE(audit_ids);
  domain::ReportReview review;
  review.audit_id = audit_ids->front();
  review.organisation_id = orgs->front();
  review.report_title = "NHFD annual report 2026";
  review.published_on = d("2026-03-23");
  ASSERT_TRUE(store_->add_report_review(review, kTest));

  const std::string nobody = "smtp://127.0.0.1:" + std::to_string(free_loopback_port());
  const JobRun down = jobs_run(db_, nobody, d("2026-03-24"));
  EXPECT_EQ(down.exit_code, 6) << down.output;
  EXPECT_NE(down.output.find("could not be sent"), std::string::npos) << down.output;
  const auto log = store_->audit_log("notification", -1);
  ASSERT_TRUE(log);
  EXPECT_TRUE(log->empty());

  SmtpSink smtp(work_ / "maildir");
  ASSERT_TRUE(smtp.running());
  const JobRun up = jobs_run(db_, smtp.url(), d("2026-03-24"));
  EXPECT_EQ(up.exit_code, 0) << up.output;
  const auto mail = smtp.new_mail();
  ASSERT_EQ(mail.size(), 1U);
  EXPECT_EQ(mail[0].subject, "National report published: NHFD annual report 2026");
  EXPECT_EQ(mail[0].rcpt_to, "am@rxx.nhs.uk");
}

}  // namespace
}  // namespace clinaudit
