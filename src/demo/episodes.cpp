#include "demo/episodes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>

#include "demo/catalogue.hpp"

namespace clinaudit::demo {
namespace {

struct Patient {
  std::vector<std::string> covariates;
  double linear_predictor = 0;  // the true log odds of the outcome
};

std::string whole(double value) { return std::to_string(static_cast<long long>(std::lround(value))); }

std::string one_decimal(double value) {
  const long long tenths = std::lround(value * 10.0);
  return std::to_string(tenths / 10) + "." + std::to_string(std::llabs(tenths % 10));
}

// Hip fracture (NHFD-like): mean age 83, 70% women, ASA grade mostly 2-4, a third with
// dementia; 30-day mortality around 7%.
Patient hip_fracture(DemoRandom& random) {
  const double age = std::clamp(83.0 + 8.0 * random.normal(), 60.0, 102.0);
  const bool male = random.chance(0.3);
  const double u = random.uniform();
  const int asa = u < 0.05 ? 1 : u < 0.35 ? 2 : u < 0.85 ? 3 : u < 0.99 ? 4 : 5;
  const bool dementia = random.chance(0.3);
  const double lp = -3.05 + 0.055 * (age - 83.0) + 0.45 * male + 0.55 * (asa - 3) + 0.4 * dementia;
  return {{whole(age), male ? "M" : "F", std::to_string(asa), dementia ? "1" : "0"}, lp};
}

// Stroke (SSNAP-like): thrombolysis depends strongly on arriving within 4 hours of onset
// and on severity (NIHSS); around 11% are thrombolysed.
Patient stroke(DemoRandom& random) {
  const double age = std::clamp(74.0 + 12.0 * random.normal(), 25.0, 100.0);
  const bool male = random.chance(0.52);
  const double nihss = std::clamp(std::exp(1.9 + 0.8 * random.normal()), 0.0, 40.0);
  const bool within_4h = random.chance(0.38);
  const double lp = -4.1 - 0.015 * (age - 74.0) + 0.05 * (std::round(nihss) - 7.0) + 2.4 * within_4h;
  return {{whole(age), male ? "M" : "F", whole(nihss), within_4h ? "1" : "0"}, lp};
}

// Emergency laparotomy (NELA-like): mortality rises with age, ASA grade, lactate and
// urgency; around 9%.
Patient laparotomy(DemoRandom& random) {
  const double age = std::clamp(66.0 + 15.0 * random.normal(), 18.0, 98.0);
  const double u = random.uniform();
  const int asa = u < 0.1 ? 1 : u < 0.45 ? 2 : u < 0.8 ? 3 : u < 0.97 ? 4 : 5;
  const double lactate = std::clamp(std::exp(0.5 + 0.6 * random.normal()), 0.3, 15.0);
  const double v = random.uniform();
  const char* urgency = v < 0.15 ? "under_2h" : v < 0.55 ? "2_to_6h" : "over_6h";
  const double lp = -3.3 + 0.035 * (age - 66.0) + 0.75 * (asa - 2.5) + 0.18 * (lactate - 1.8) +
                    (v < 0.15   ? 0.6
                     : v < 0.55 ? 0.2
                                : 0.0);
  return {{whole(age), std::to_string(asa), one_decimal(lactate), urgency}, lp};
}

Patient patient(DemoEpisodeAudit audit, DemoRandom& random) {
  switch (audit) {
    case DemoEpisodeAudit::hip_fracture: return hip_fracture(random);
    case DemoEpisodeAudit::stroke_thrombolysis: return stroke(random);
    case DemoEpisodeAudit::emergency_laparotomy: return laparotomy(random);
  }
  return hip_fracture(random);
}

}  // namespace

std::vector<DemoProviderProfile> demo_provider_profiles(DemoEpisodeAudit audit,
                                                        const std::vector<domain::Organisation>& organisations,
                                                        DemoRandom& random) {
  std::vector<DemoProviderProfile> out;
  const double base = audit == DemoEpisodeAudit::stroke_thrombolysis ? 50.0
                      : audit == DemoEpisodeAudit::hip_fracture      ? 36.0
                                                                     : 22;
  for (const auto& organisation : organisations) {
    if (organisation.type != domain::OrganisationType::acute) continue;
    const std::string& code = organisation.code;
    DemoProviderProfile profile;
    profile.id = organisation.id;
    profile.monthly_cases = base * (0.6 + 0.8 * random.uniform());
    profile.log_odds_shift = 0.05 * random.normal();  // ordinary between-trust variation
    if (audit == DemoEpisodeAudit::hip_fracture && code == kDemoDriftingProvider) {
      profile.monthly_cases = base * 1.2;
      profile.log_odds_shift = 0;
      profile.drift_months = 18;
      profile.drift_log_odds = std::log(3.4);
    }
    if (audit == DemoEpisodeAudit::hip_fracture && code == kDemoBetterProvider) profile.log_odds_shift = std::log(0.55);
    // Both laparotomy stories are busy units, so that a year's data can show them.
    if (audit == DemoEpisodeAudit::emergency_laparotomy && code == kDemoAlertProvider) {
      profile.monthly_cases = base * 1.2;
      profile.log_odds_shift = std::log(2.6);
    }
    if (audit == DemoEpisodeAudit::emergency_laparotomy && code == kDemoLowAscertainmentProvider) {
      profile.monthly_cases = base * 1.5;
      profile.submitted_if_no_event = 0.42;  // survivors are under-reported
      profile.submitted_if_event = 0.95;
    }
    out.push_back(profile);
  }
  return out;
}

namespace {

domain::DatasetColumn number(std::string name, double minimum, double maximum, std::string description) {
  return domain::DatasetColumn{std::move(name),       domain::ValueType::number, true, minimum, maximum, {},
                               std::move(description)};
}
domain::DatasetColumn yes_no(std::string name, std::string description) {
  return domain::DatasetColumn{std::move(name), domain::ValueType::yes_no, true, {}, {}, {}, std::move(description)};
}
domain::DatasetColumn category(std::string name, std::vector<std::string> values, std::string description) {
  return domain::DatasetColumn{std::move(name),   domain::ValueType::category, true, {}, {},
                               std::move(values), std::move(description)};
}

}  // namespace

domain::Dataset demo_dataset(DemoEpisodeAudit audit) {
  domain::Dataset dataset;
  switch (audit) {
    case DemoEpisodeAudit::hip_fracture:
      dataset.columns = {yes_no("died30", "Died within 30 days of admission"),
                         number("age", 0, 120, "Age in years at admission"), category("sex", {"F", "M"}, "Sex: F or M"),
                         number("asa_grade", 1, 5, "ASA physical status grade, 1 (healthy) to 5"),
                         yes_no("dementia", "Known dementia or cognitive impairment")};
      break;
    case DemoEpisodeAudit::stroke_thrombolysis:
      dataset.columns = {yes_no("thrombolysed", "Given thrombolysis"),
                         number("age", 0, 120, "Age in years at admission"), category("sex", {"F", "M"}, "Sex: F or M"),
                         number("nihss", 0, 42, "Stroke severity on arrival (NIH Stroke Scale, 0-42)"),
                         yes_no("arrived_within_4h", "Arrived within 4 hours of the onset of symptoms")};
      break;
    case DemoEpisodeAudit::emergency_laparotomy:
      dataset.columns = {yes_no("died30", "Died within 30 days of the operation"),
                         number("age", 0, 120, "Age in years at the operation"),
                         number("asa_grade", 1, 5, "ASA physical status grade, 1 (healthy) to 5"),
                         number("lactate", 0, 30, "Pre-operative lactate, mmol/L"),
                         category("urgency", {"under_2h", "2_to_6h", "over_6h"},
                                  "How soon the operation was needed: under 2 hours, 2 to 6 hours, over 6 hours")};
      break;
  }
  return dataset;
}

std::string demo_outcome_column(DemoEpisodeAudit audit) {
  return audit == DemoEpisodeAudit::stroke_thrombolysis ? "thrombolysed" : "died30";
}

std::string demo_formula(DemoEpisodeAudit audit) {
  switch (audit) {
    case DemoEpisodeAudit::hip_fracture: return "died30 ~ age + sex + asa_grade + dementia";
    case DemoEpisodeAudit::stroke_thrombolysis: return "thrombolysed ~ age + sex + nihss + arrived_within_4h";
    case DemoEpisodeAudit::emergency_laparotomy: return "died30 ~ age + asa_grade + lactate + urgency";
  }
  return {};
}

domain::EpisodeColumns generate_demo_episodes(DemoEpisodeAudit audit, const std::vector<DemoProviderProfile>& providers,
                                              Month first, int months, std::uint64_t seed) {
  domain::EpisodeColumns episodes;
  for (const auto& column : demo_dataset(audit).columns) {
    episodes.columns.push_back(domain::EpisodeColumn{column.name, column.type, {}, {}});
  }
  Month month = first;
  for (int m = 0; m < months; ++m, month = month.next()) {
    const int days = static_cast<int>(month.last_day().day());
    // Generate the month provider by provider, then sort by date so the data arrive in
    // admission order as a national data set does.
    struct Row {
      Date date;
      OrganisationId provider;
      Patient patient;
      bool event;
    };
    std::vector<Row> rows;
    for (const auto& profile : providers) {
      double shift = profile.log_odds_shift;
      const int months_into_drift = m - (months - profile.drift_months);
      if (profile.drift_months > 0 && months_into_drift >= 0) {
        shift += profile.drift_log_odds * (months_into_drift + 1) / profile.drift_months;
      }
      DemoRandom random(
          stream_seed(seed, {static_cast<std::int64_t>(audit), profile.id.value,
                             std::int64_t{month.first_day().year()} * 12 + std::int64_t{month.first_day().month()}}));
      const int cases = random.poisson(profile.monthly_cases);
      for (int i = 0; i < cases; ++i) {
        Patient p = patient(audit, random);
        const bool event = random.chance(inverse_logit(p.linear_predictor + shift));
        const bool submitted = random.chance(event ? profile.submitted_if_event : profile.submitted_if_no_event);
        const Date date = month.first_day().plus_days(random.between(0, days - 1));
        if (submitted) rows.push_back(Row{date, profile.id, std::move(p), event});
      }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.date < b.date; });
    for (auto& row : rows) {
      episodes.provider.push_back(row.provider);
      episodes.admission_date.push_back(row.date);
      episodes.columns[0].numbers.push_back(row.event ? 1.0 : 0.0);
      for (std::size_t c = 0; c < row.patient.covariates.size(); ++c) {
        auto& column = episodes.columns[c + 1];
        if (column.holds_text()) {
          column.texts.push_back(std::move(row.patient.covariates[c]));
        } else {
          column.numbers.push_back(std::strtod(row.patient.covariates[c].c_str(), nullptr));
        }
      }
    }
  }
  return episodes;
}

}  // namespace clinaudit::demo
