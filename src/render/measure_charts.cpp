#include "render/measure_charts.hpp"

#include "render/cusum_chart.hpp"
#include "render/funnel_chart.hpp"

namespace clinaudit::render {

FunnelPanel funnel_panel(const domain::Measure& measure, const domain::MeasureFunnel& funnel) {
  FunnelPanel panel;
  panel.period = funnel.period;
  panel.note = funnel.note;
  if (!funnel.plot) return panel;
  FunnelChartOptions chart;
  chart.title = measure.name + " (" + funnel.period + ")";
  chart.highlight = funnel.own_unit;
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
  options.y_label = measure.name;
  switch (measure.type) {
    case domain::MeasureType::proportion:
      options.percent = true;
      options.decimals = 1;
      options.floor = 0.0;
      options.ceiling = 1.0;
      options.y_label += " (%)";
      break;
    case domain::MeasureType::ratio:
      options.decimals = 2;
      options.floor = 0.0;
      options.y_label += " (observed / expected)";
      break;
    case domain::MeasureType::rate: options.floor = 0.0; break;
    case domain::MeasureType::continuous: break;
  }
  if (!measure.unit.empty() && measure.type != domain::MeasureType::proportion) {
    options.y_label += " (" + measure.unit + ")";
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
  text.patient_labels = cusum.admission_dates;
  return cusum_svg(cusum.chart, cusum.options, text);
}

}  // namespace clinaudit::render
