#include "cli/demo_seed.hpp"

#include <array>
#include <cmath>
#include <cstdint>

#include "http/password.hpp"

// A small synthetic world for `serve --demo`, kept apart from the full demo generator
// (`clinaudit demo`). Every organisation, person and result is invented.
namespace clinaudit::cli {

namespace {

using namespace domain;

// A tiny deterministic generator (64-bit LCG), so the demo has the same results every time.
class Noise {
 public:
  double uniform() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state_ >> 11) / 9007199254740992.0;
  }

 private:
  std::uint64_t state_ = 20261126;
};

struct DemoOrg {
  const char* code;
  const char* name;
  OrganisationType type;
  const char* region;
};

constexpr std::array<DemoOrg, 11> kOrgs{{
    {"NAQ", "National Audit Office for Quality", OrganisationType::national_body, "England"},
    {"RNA", "Northfield Acute Hospitals NHS Trust", OrganisationType::acute, "North East"},
    {"RHA", "Hillside Acute NHS Foundation Trust", OrganisationType::acute, "North West"},
    {"RLA", "Lakeside Acute NHS Trust", OrganisationType::acute, "Midlands"},
    {"RMA", "Moorland Hospitals NHS Trust", OrganisationType::acute, "South West"},
    {"RVA", "Valley Acute NHS Foundation Trust", OrganisationType::acute, "East of England"},
    {"RSA", "Southgate University Hospitals NHS Trust", OrganisationType::acute, "London"},
    {"RTA", "Three Rivers Acute NHS Trust", OrganisationType::acute, "South East"},
    {"RRM", "Riverside Mental Health NHS Trust", OrganisationType::mental_health, "Midlands"},
    {"RCC", "Coastal Community Health NHS Trust", OrganisationType::community, "South West"},
    {"RWA", "Western Ambulance Service NHS Trust", OrganisationType::ambulance, "South West"},
}};

template <typename T>
Result<T> check(Result<T> result, const char* what) {
  if (!result) return Error{result.error().code, std::string("demo data, ") + what + ": " + result.error().message};
  return result;
}

Result<void> check(Result<void> result, const char* what) {
  if (!result) return Error{result.error().code, std::string("demo data, ") + what + ": " + result.error().message};
  return {};
}

Date months_before(Date day, int months) {
  Month m = Month::of(day);
  for (int i = 0; i < months; ++i) m = m.month == 1 ? Month{m.year - 1, 12} : Month{m.year, m.month - 1};
  return m.first_day();
}

}  // namespace

Result<void> seed_demo(Store& store, const Clock& clock) {
  const Actor actor{std::nullopt, "demo"};
  const Date today = clock.today();
  const FinancialYear year = FinancialYear::containing(today);
  Noise noise;

  std::vector<Organisation> orgs;
  for (const auto& o : kOrgs) orgs.push_back(Organisation{{}, o.code, o.name, o.type, o.region});
  auto org_ids = check(store.add_organisations(orgs, actor), "organisations");
  if (!org_ids) return org_ids.error();
  const auto& ids = *org_ids;
  const OrganisationId national = ids[0];
  const OrganisationId northfield = ids[1];
  const OrganisationId riverside = ids[8];

  auto hash = http::hash_password(kDemoPassword);
  if (!hash) return hash.error();
  const std::array<std::tuple<const char*, const char*, Role, OrganisationId>, 7> people{{
      {"admin@demo.nhs.example", "Alex Admin", Role::admin, northfield},
      {"manager@demo.nhs.example", "Priya Shah", Role::audit_manager, northfield},
      {"lead@demo.nhs.example", "Dr Tom Okafor", Role::clinical_lead, northfield},
      {"board@demo.nhs.example", "Helen Marsh", Role::board_member, northfield},
      {"viewer@demo.nhs.example", "Sam Reid", Role::read_only, northfield},
      {"analyst@demo.nhs.example", "Dr Ruth Evans", Role::national_analyst, national},
      {"manager@riverside.nhs.example", "Jo Clarke", Role::audit_manager, riverside},
  }};
  std::vector<UserId> users;
  for (const auto& [email, name, role, org] : people) {
    auto id = check(store.add_user(User{{}, email, name, role, org, *hash, true}, actor), "users");
    if (!id) return id.error();
    users.push_back(*id);
  }
  const UserId manager = users[1];
  const UserId lead = users[2];

  // National audits (real programme names; every figure below is synthetic).
  const auto national_audit = [](const char* code, const char* title, AuditKind kind, const char* topic,
                                 const char* body) {
    Audit a;
    a.code = code;
    a.title = title;
    a.kind = kind;
    a.topic = topic;
    a.provider_body = body;
    a.status = AuditStatus::in_progress;
    return a;
  };
  std::vector<Audit> audits{
      national_audit("NHFD", "National Hip Fracture Database", AuditKind::national_clinical_audit, "Orthopaedics",
                     "Royal College of Physicians"),
      national_audit("SSNAP", "Sentinel Stroke National Audit Programme", AuditKind::national_clinical_audit, "Stroke",
                     "King's College London"),
      national_audit("NELA", "National Emergency Laparotomy Audit", AuditKind::national_clinical_audit, "Surgery",
                     "Royal College of Anaesthetists"),
      national_audit("NCAP", "National Cardiac Audit Programme", AuditKind::national_clinical_audit, "Cardiology",
                     "NICOR"),
      national_audit("NCEPOD-CAP", "NCEPOD: Community Acquired Pneumonia", AuditKind::national_confidential_enquiry,
                     "Respiratory", "NCEPOD"),
      national_audit("POMH", "Prescribing Observatory for Mental Health", AuditKind::national_clinical_audit,
                     "Mental health", "Royal College of Psychiatrists"),
  };
  Audit consent;
  consent.code = "LA-RNA-001";
  consent.title = "Consent documentation in day surgery";
  consent.topic = "Surgery";
  consent.status = AuditStatus::in_progress;
  consent.owner = northfield;
  consent.start_date = year.first_day();
  audits.push_back(consent);
  Audit sepsis;
  sepsis.code = "LA-RNA-002";
  sepsis.title = "Sepsis six within one hour";
  sepsis.topic = "Emergency medicine";
  sepsis.status = AuditStatus::reported;
  sepsis.owner = northfield;
  sepsis.start_date = year.previous().first_day();
  sepsis.end_date = year.first_day().plus_days(60);
  audits.push_back(sepsis);
  auto audit_ids = check(store.add_audits(audits, actor), "audits");
  if (!audit_ids) return audit_ids.error();
  const AuditId nhfd = (*audit_ids)[0];
  const AuditId ssnap = (*audit_ids)[1];
  const AuditId nela = (*audit_ids)[2];

  const std::set<OrganisationType> acute{OrganisationType::acute};
  for (const FinancialYear fy : {year.previous(), year}) {
    std::vector<QaListEntry> list{
        {(*audit_ids)[0], fy, acute},
        {(*audit_ids)[1], fy, acute},
        {(*audit_ids)[2], fy, acute},
        {(*audit_ids)[3], fy, acute},
        {(*audit_ids)[4], fy, {OrganisationType::acute, OrganisationType::community}},
        {(*audit_ids)[5], fy, {OrganisationType::mental_health}},
    };
    if (auto done = check(store.set_qa_list(list, actor), "Quality Account list"); !done) return done.error();
  }

  // Participation: every acute trust in the three big audits; Northfield leaves gaps to fix.
  std::vector<Participation> participation;
  for (std::size_t i = 1; i <= 7; ++i) {
    for (std::size_t a = 0; a < 3; ++a) {
      for (const FinancialYear fy : {year.previous(), year}) {
        Participation p;
        p.organisation_id = ids[i];
        p.audit_id = (*audit_ids)[a];
        p.year = fy;
        p.eligible = true;
        p.participating = true;
        p.data_collection_completed = fy < year;
        p.cases_required = 200 + static_cast<std::int64_t>(noise.uniform() * 300);
        const double share = (i == 4 && a == 2) ? 0.52 : 0.82 + 0.18 * noise.uniform();
        p.cases_submitted = static_cast<std::int64_t>(std::round(static_cast<double>(*p.cases_required) * share));
        participation.push_back(p);
      }
    }
  }
  Participation cap;
  cap.organisation_id = northfield;
  cap.audit_id = (*audit_ids)[4];
  cap.year = year;
  cap.eligible = true;
  cap.participating = true;
  participation.push_back(cap);
  Participation pomh;
  pomh.organisation_id = riverside;
  pomh.audit_id = (*audit_ids)[5];
  pomh.year = year;
  pomh.eligible = true;
  pomh.participating = true;
  pomh.cases_submitted = 140;
  pomh.cases_required = 150;
  participation.push_back(pomh);
  if (auto done = check(store.upsert_participation(participation, actor), "participation"); !done) return done.error();

  // NHFD 30-day mortality, observed / expected, last financial year: Northfield high.
  Measure mortality;
  mortality.audit_id = nhfd;
  mortality.code = "mort30";
  mortality.name = "30-day mortality after hip fracture (observed / expected)";
  mortality.type = MeasureType::ratio;
  mortality.improvement = Improvement::decrease;
  auto mortality_id = check(store.add_measure(mortality, actor), "measures");
  if (!mortality_id) return mortality_id.error();
  std::vector<MeasureResult> results;
  const std::array<double, 7> observed_over_expected{1.62, 0.95, 0.55, 1.08, 0.9, 1.12, 1.0};
  for (std::size_t i = 1; i <= 7; ++i) {
    MeasureResult r;
    r.measure_id = *mortality_id;
    r.organisation_id = ids[i];
    r.period_start = year.previous().first_day();
    r.period_end = year.previous().last_day();
    r.expected = std::round(30 + 25 * noise.uniform());
    r.numerator = std::round(*r.expected * observed_over_expected[i - 1]);
    r.published = i != 2;  // one provider's result is not published yet
    results.push_back(r);
  }

  // SSNAP: thrombolysed within one hour, monthly for 24 months; Northfield declines lately.
  Measure thrombolysis;
  thrombolysis.audit_id = ssnap;
  thrombolysis.code = "thromb60";
  thrombolysis.name = "Patients thrombolysed within 60 minutes of arrival";
  thrombolysis.type = MeasureType::proportion;
  thrombolysis.improvement = Improvement::increase;
  thrombolysis.target = 0.6;
  auto thrombolysis_id = check(store.add_measure(thrombolysis, actor), "measures");
  if (!thrombolysis_id) return thrombolysis_id.error();
  for (int back = 24; back >= 1; --back) {
    const Date start = months_before(today, back);
    for (std::size_t i = 1; i <= 7; ++i) {
      MeasureResult r;
      r.measure_id = *thrombolysis_id;
      r.organisation_id = ids[i];
      r.period_start = start;
      r.period_end = Month::of(start).last_day();
      r.denominator = std::round(35 + 20 * noise.uniform());
      double p = 0.62 + 0.08 * (noise.uniform() - 0.5);
      if (i == 1 && back <= 8) p = 0.44 + 0.04 * (noise.uniform() - 0.5);
      r.numerator = std::round(*r.denominator * p);
      r.published = true;
      results.push_back(r);
    }
  }
  if (auto done = check(store.add_results(results, actor), "results"); !done) return done.error();

  OutlierCase alarm;
  alarm.audit_id = nhfd;
  alarm.measure_id = *mortality_id;
  alarm.organisation_id = northfield;
  alarm.period = year.previous().to_string();
  alarm.level = OutlierLevel::alarm;
  alarm.high = true;
  alarm.unfavourable = true;
  alarm.value = 1.62;
  alarm.limit = 1.45;
  alarm.stage = "provider_response";
  alarm.opened_on = today.plus_days(-20);
  alarm.stage_due_on = today.plus_days(15);
  if (auto done = check(store.add_outlier_case(alarm, actor), "outlier cases"); !done) return done.error();

  ReportReview review;
  review.audit_id = nhfd;
  review.organisation_id = northfield;
  review.report_title = "NHFD annual report";
  review.published_on = today.plus_days(-120);
  review.reviewed_on = today.plus_days(-60);
  review.committee = "Quality Committee";
  review.intended_actions = "Orthogeriatric review within 72 hours for every patient; weekend physiotherapy.";
  if (auto done = check(store.add_report_review(review, actor), "report reviews"); !done) return done.error();

  const auto action = [&](const char* title, std::optional<AuditId> audit, UserId owner, int due_in_days,
                          ActionStatus status) {
    Action a;
    a.organisation_id = northfield;
    a.audit_id = audit;
    a.title = title;
    a.owner = owner;
    a.due_on = today.plus_days(due_in_days);
    a.status = status;
    if (status == ActionStatus::completed) {
      a.completed_on = today.plus_days(due_in_days - 5);
      a.evidence = "Re-audit shows 92% compliance";
    }
    return a;
  };
  for (const auto& a :
       {action("Orthogeriatrician review within 72 hours of admission", nhfd, lead, -14, ActionStatus::open),
        action("Weekend physiotherapy rota for hip fracture patients", nhfd, manager, 30, ActionStatus::in_progress),
        action("Stroke thrombolysis door-to-needle pathway review", ssnap, lead, -3, ActionStatus::open),
        action("Improve NELA case ascertainment to 85%", nela, manager, 45, ActionStatus::open),
        action("Consent form version control in day surgery", (*audit_ids)[6], manager, -40,
               ActionStatus::completed)}) {
    if (auto done = check(store.add_action(a, actor), "actions"); !done) return done.error();
  }

  for (const auto& [committee, days] : {std::pair{"Quality Committee", -30}, std::pair{"Trust Board", 21}}) {
    BoardMeeting meeting{{}, northfield, committee, today.plus_days(days)};
    std::vector<BoardItem> items;
    if (days < 0)
      items.push_back(BoardItem{0, {}, BoardItemKind::report_review, 0, "NHFD annual report", "Noted; actions agreed"});
    if (auto done = check(store.add_board_meeting(meeting, items, actor), "board meetings"); !done) return done.error();
  }
  return {};
}

}  // namespace clinaudit::cli
