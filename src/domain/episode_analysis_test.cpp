// Which dataset columns the national case-mix model reads: the outcome the ratio measure
// names, the other columns as covariates, and the refusals that name a column.
#include "domain/episode_analysis.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "domain/entity_checks.hpp"

namespace clinaudit::domain {
namespace {

// 40 episodes at two providers: died30 yes/no, age a number, sex a category, seen_on a
// date, and frailty an optional number no episode holds.
EpisodeColumns episodes() {
  EpisodeColumns out;
  out.add_column("died30", ValueType::yes_no);
  out.add_column("age", ValueType::number);
  out.add_column("sex", ValueType::category);
  out.add_column("seen_on", ValueType::date);
  out.add_column("frailty", ValueType::number);
  const Date first = *Date::parse("2025-04-01");
  for (int i = 0; i < 40; ++i) {
    out.provider.push_back(OrganisationId{1 + i % 2});
    out.admission_date.push_back(first.plus_days(i));
    out.columns[0].numbers.push_back(i % 5 == 0 || i % 7 == 0 ? 1 : 0);
    out.columns[1].numbers.push_back(60 + (i * 7) % 30);
    out.columns[2].texts.push_back(i % 3 == 0 ? "M" : "F");
    out.columns[3].numbers.push_back(static_cast<double>(first.plus_days(i + 2).days_since_epoch()));
    out.columns[4].numbers.push_back(std::nan(""));
  }
  return out;
}

EpisodeAnalysisOptions outcome(const char* column) {
  EpisodeAnalysisOptions options;
  options.outcome_column = column;
  return options;
}

TEST(EpisodeAnalysis, TheMeasureWithAFormulaIsAnalysedWithItsOutcomeAndFormula) {
  Measure crude;
  crude.type = MeasureType::proportion;
  crude.outcome_column = "readmitted";
  Measure ratio;
  ratio.type = MeasureType::ratio;
  EXPECT_EQ(analysis_options_for({crude, ratio}).outcome_column, "outcome");
  EXPECT_TRUE(analysis_options_for({crude, ratio}).formula.empty());
  ratio.outcome_column = "died30";
  EXPECT_EQ(analysis_options_for({crude, ratio}).outcome_column, "died30");
  Measure modelled = ratio;
  modelled.source = MeasureSource::episode_model_ratio;
  modelled.outcome_column = "died90";
  modelled.formula = "died90 ~ age";
  const auto options = analysis_options_for({crude, ratio, modelled});
  EXPECT_EQ(analysis_options_for({crude, ratio, modelled}).outcome_column, "died90");
  EXPECT_EQ(options.formula, "died90 ~ age");
  EXPECT_EQ(analysed_measure({crude, ratio, modelled})->outcome_column, "died90");
}

// With a formula, the model holds its terms only, named as R's glm names them, and episodes
// lacking a value the formula reads are left out and counted (R's na.omit).
TEST(EpisodeAnalysis, AFormulaChoosesTheTermsAndLeavesOutEpisodesWithMissingValues) {
  auto data = episodes();
  data.columns[1].numbers.set(3, std::nan(""));  // age missing on one episode
  EpisodeAnalysisOptions options = outcome("died30");
  options.formula = "died30 ~ I((age - 68) / 10) + sex";
  const auto analysis = analyse_episodes(data, options);
  ASSERT_TRUE(analysis) << analysis.error().message;
  EXPECT_EQ(analysis->terms, (std::vector<std::string>{"(Intercept)", "I((age - 68)/10)", "sexM"}));
  EXPECT_EQ(analysis->rows_dropped, 1);
  EXPECT_EQ(analysis->outcomes.size(), 39U);
  EXPECT_EQ(analysis->expected_risk.size(), 39U);
  std::int64_t modelled = 0;
  for (const auto& provider : analysis->providers) modelled += provider.episodes;
  EXPECT_EQ(modelled, 39);

  options.formula = "died30 ~ age + episode_number";
  const auto unknown = analyse_episodes(data, options);
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("'episode_number', which is not a column of the audit's dataset"),
            std::string::npos)
      << unknown.error().message;
  options.formula = "died90 ~ age";
  EXPECT_FALSE(analyse_episodes(data, options));
}

TEST(EpisodeAnalysis, TheOtherColumnsButDatesAndEmptyOnesAreCovariates) {
  const auto analysis = analyse_episodes(episodes(), outcome("died30"));
  ASSERT_TRUE(analysis) << analysis.error().message;
  EXPECT_EQ(analysis->terms, (std::vector<std::string>{"(Intercept)", "age", "sex=M"}));
  EXPECT_EQ(analysis->outcomes.size(), 40U);
  EXPECT_EQ(std::count(analysis->outcomes.begin(), analysis->outcomes.end(), 1.0), 12);
}

TEST(EpisodeAnalysis, AnOutcomeThatIsNotAYesNoColumnOrAMissingValueIsRefusedNamingTheColumn) {
  const auto number = analyse_episodes(episodes(), outcome("age"));
  ASSERT_FALSE(number);
  EXPECT_EQ(number.error().message, "the outcome 'age' is not a yes/no column of the audit's dataset");
  EXPECT_FALSE(analyse_episodes(episodes(), outcome("died90")));
  auto gap = episodes();
  gap.columns[1].numbers.set(7, std::nan(""));
  const auto missing = analyse_episodes(gap, outcome("died30"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message,
            "column 'age' has 1 episodes without a value; the case-mix model needs every value");
}

// Every measure computed from episodes is analysed, each with its own settings; an audit
// with none falls back to its ratio measure as before measures named their source.
TEST(EpisodeAnalysis, EveryEpisodeMeasureIsAnalysedWithItsOwnSettings) {
  Measure imported;
  imported.code = "imported";
  imported.type = MeasureType::ratio;
  Measure share;
  share.code = "share";
  share.source = MeasureSource::episode_proportion;
  share.outcome_column = "readmitted";
  Measure score;
  score.code = "score";
  score.type = MeasureType::ratio;
  score.source = MeasureSource::episode_expected_column;
  score.outcome_column = "died30";
  score.expected_column = "p_possum";
  Measure model;
  model.code = "model";
  model.type = MeasureType::ratio;
  model.source = MeasureSource::episode_model_ratio;
  model.outcome_column = "died30";
  model.formula = "died30 ~ age";
  const auto all = analysed_measures({imported, share, score, model});
  ASSERT_EQ(all.size(), 3U);
  EXPECT_EQ(all[0].measure.code, "share");
  EXPECT_EQ(all[0].options.source, MeasureSource::episode_proportion);
  EXPECT_EQ(all[0].options.outcome_column, "readmitted");
  EXPECT_EQ(all[1].options.source, MeasureSource::episode_expected_column);
  EXPECT_EQ(all[1].options.expected_column, "p_possum");
  EXPECT_TRUE(all[1].options.formula.empty());
  EXPECT_EQ(all[2].options.formula, "died30 ~ age");
  const auto legacy = analysed_measures({imported});
  ASSERT_EQ(legacy.size(), 1U);
  EXPECT_EQ(legacy[0].options.outcome_column, "outcome");
  EXPECT_EQ(legacy[0].options.source, MeasureSource::episode_model_ratio);
  EXPECT_TRUE(analysed_measures({share}).size() == 1U);
  Measure crude;
  crude.type = MeasureType::proportion;
  EXPECT_TRUE(analysed_measures({crude}).empty());
}

// An expected risk outside [0, 1] is refused naming the column, provider and day.
TEST(EpisodeAnalysis, AnExpectedRiskOutsideZeroToOneIsRefusedNamingTheEpisode) {
  auto data = episodes();
  auto& risk = data.add_column("p_possum", ValueType::number);
  for (std::size_t i = 0; i < data.size(); ++i) risk.numbers.push_back(0.1);
  data.columns.back().numbers.set(4, 1.5);
  EpisodeAnalysisOptions options = outcome("died30");
  options.source = MeasureSource::episode_expected_column;
  options.expected_column = "p_possum";
  const auto analysis = analyse_episodes(data, options);
  ASSERT_FALSE(analysis);
  EXPECT_EQ(analysis.error().message,
            "the expected-risk column 'p_possum' holds 1.5 for an episode of provider 1 admitted 2025-04-05; a risk "
            "lies in [0, 1]");
}

TEST(EpisodeAnalysis, EpisodesBetweenTwoDaysKeepEveryColumn) {
  const auto some = episodes_between(episodes(), *Date::parse("2025-04-03"), *Date::parse("2025-04-05"));
  ASSERT_EQ(some.size(), 3U);
  ASSERT_EQ(some.columns.size(), 5U);
  EXPECT_EQ(some.columns[1].numbers, (std::vector<double>{74, 81, 88}));
  EXPECT_EQ(some.columns[2].texts, (std::vector<std::string>{"F", "M", "F"}));
}

TEST(DatasetRules, NamesTypesRangesAndAllowedValuesAreChecked) {
  Dataset dataset{AuditId{1}, {{"died30", ValueType::yes_no, true, {}, {}, {}, ""}}};
  EXPECT_TRUE(check(dataset));
  const auto refused = [&](DatasetColumn column, const std::string& words) {
    Dataset bad{AuditId{1}, {std::move(column)}};
    const auto checked = check(bad);
    ASSERT_FALSE(checked);
    EXPECT_NE(checked.error().message.find(words), std::string::npos) << checked.error().message;
  };
  refused({"2fast", ValueType::number, false, {}, {}, {}, ""}, "lower-case letters");
  refused({"provider", ValueType::number, false, {}, {}, {}, ""}, "every episode has a provider");
  refused({"age", ValueType::category, false, 0.0, {}, {"a"}, ""}, "only numbers have a minimum or maximum");
  refused({"age", ValueType::number, false, 10.0, 5.0, {}, ""}, "the minimum is above the maximum");
  refused({"sex", ValueType::category, false, {}, {}, {}, ""}, "a category needs its allowed values");
  refused({"sex", ValueType::category, false, {}, {}, {"F", "F"}, ""}, "'F' is given twice");
  refused({"sex", ValueType::category, false, {}, {}, {"F|M"}, ""}, "holds '|'");
  refused({"died", ValueType::yes_no, false, {}, {}, {"y"}, ""}, "only categories have allowed values");
  EXPECT_FALSE(check(Dataset{AuditId{1}, {}}));
  const DatasetColumn age{"age", ValueType::number, true, 0.0, 120.0, {}, ""};
  EXPECT_TRUE(check_value(age, 120.0));
  EXPECT_EQ(check_value(age, 120.5).error().message, "is above the maximum 120");
  EXPECT_EQ(check_value(age, -0.5).error().message, "is below the minimum 0");
}

}  // namespace
}  // namespace clinaudit::domain
