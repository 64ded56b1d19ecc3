#include "render/measure_charts.hpp"

#include "core/number_format.hpp"
#include "render/cusum_chart.hpp"
#include "render/funnel_chart.hpp"

namespace clinaudit::render {

ValueScale value_scale(const domain::Measure& measure) {
  switch (measure.type) {
    case domain::MeasureType::proportion: return {.percent = true, .multiplier = 1.0, .decimals = 1};
    case domain::MeasureType::ratio: return {.percent = false, .multiplier = 1.0, .decimals = 2};
    case domain::MeasureType::rate: return {.percent = false, .multiplier = measure.rate_multiplier, .decimals = 2};
    case domain::MeasureType::continuous: break;
  }
  return {};
}

std::string value_axis_title(const domain::Measure& measure) {
  switch (measure.type) {
    case domain::MeasureType::proportion: return measure.name + " (%)";
    case domain::MeasureType::ratio:
      return measure.name + " (observed / expected)" + (measure.unit.empty() ? "" : " (" + measure.unit + ")");
    case domain::MeasureType::rate:
      // "per 1,000 bed days" reads on from the name; another unit is put in brackets.
      if (measure.unit.starts_with("per ")) return measure.name + " " + measure.unit;
      if (measure.unit.empty() && measure.rate_multiplier != 1.0) {
        return measure.name + " per " + format_number(measure.rate_multiplier);
      }
      break;
    case domain::MeasureType::continuous: break;
  }
  return measure.unit.empty() ? measure.name : measure.name + " (" + measure.unit + ")";
}

FunnelPanel funnel_panel(const domain::Measure& measure, const domain::MeasureFunnel& funnel,
                         std::string_view own_words) {
  FunnelPanel panel;
  panel.period = funnel.period;
  panel.note = funnel.note;
  if (!funnel.plot) return panel;
  FunnelChartOptions chart;
  chart.title = measure.name + " (" + funnel.period + ")";
  chart.y_label = value_axis_title(measure);
  chart.highlight = funnel.own_unit;
  chart.highlight_words = std::string(own_words);
  const auto scale = value_scale(measure);
  chart.percent = scale.percent;
  chart.multiplier = scale.multiplier;
  chart.decimals = scale.decimals < 0 ? 4 : scale.decimals;
  chart.curve = funnel.curve;
  auto svg = funnel_chart_svg(*funnel.plot, chart);
  if (!svg) {
    panel.note = "No funnel plot: " + svg.error().message;
    return panel;
  }
  panel.svg = std::move(*svg);
  panel.values = values_details(funnel_values(*funnel.plot, chart)).str();
  panel.flags = funnel.flags;
  return panel;
}

SpcChartOptions spc_options(const domain::Measure& measure, std::string title) {
  SpcChartOptions options;
  options.title = std::move(title);
  options.y_label = value_axis_title(measure);
  const auto scale = value_scale(measure);
  options.percent = scale.percent;
  options.multiplier = scale.multiplier;
  options.decimals = scale.decimals;
  switch (measure.type) {
    case domain::MeasureType::proportion:
      options.floor = 0.0;
      options.ceiling = 1.0;
      break;
    case domain::MeasureType::ratio:
    case domain::MeasureType::rate: options.floor = 0.0; break;
    case domain::MeasureType::continuous: break;
  }
  return options;
}

DrawnChart measure_spc(const domain::Measure& measure, const stats::XmrChart& chart,
                       const std::vector<std::string>& periods, std::string title) {
  const auto options = spc_options(measure, std::move(title));
  auto svg = spc_chart_svg(chart, periods, measure.target, options);
  if (!svg) return {};
  return {std::move(*svg), values_details(spc_values(chart, periods, options)).str()};
}

DrawnChart own_results_spc(const domain::Measure& measure, const stats::XmrChart& chart,
                           const std::vector<std::string>& periods) {
  return measure_spc(measure, chart, periods, measure.name + ": your results by period");
}

std::string provider_cusum_svg(const domain::ProviderCusum& cusum, const std::string& title) {
  CusumChartText text;
  text.title = title;
  text.x_label = "Patients in order of admission";
  text.point_patients = cusum.stored.patients;
  text.patients = static_cast<std::size_t>(cusum.stored.episodes);
  for (const auto& day : cusum.stored.signal_dates) text.signal_labels.push_back("admitted " + day.to_string());
  return cusum_svg(cusum.stored.chart, cusum.options, text);
}

}  // namespace clinaudit::render
