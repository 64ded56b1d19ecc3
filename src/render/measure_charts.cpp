#include "render/measure_charts.hpp"

#include "render/cusum_chart.hpp"
#include "render/funnel_chart.hpp"
#include "render/spc_chart.hpp"

namespace clinaudit::render {

FunnelPanel funnel_panel(const domain::Measure& measure, const domain::MeasureFunnel& funnel) {
  FunnelPanel panel;
  panel.period = funnel.period;
  panel.note = funnel.note;
  if (!funnel.plot) return panel;
  FunnelChartOptions chart;
  chart.title = measure.name + " (" + funnel.period + ")";
  auto svg = funnel_chart_svg(*funnel.plot, chart);
  if (!svg) {
    panel.note = "No funnel plot: " + svg.error().message;
    return panel;
  }
  panel.svg = std::move(*svg);
  panel.flags = funnel.flags;
  return panel;
}

std::string own_results_spc_svg(const domain::Measure& measure, const stats::XmrChart& chart,
                                const std::vector<std::string>& periods) {
  SpcChartOptions options;
  options.title = measure.name + ": your results by period";
  options.y_label = measure.type == domain::MeasureType::ratio ? "Observed / expected" : "Value";
  auto svg = spc_chart_svg(chart, periods, measure.target, options);
  return svg ? std::move(*svg) : std::string();
}

std::string provider_cusum_svg(const domain::ProviderCusum& cusum, const std::string& title) {
  CusumChartText text;
  text.title = title;
  text.x_label = "Patients in order of admission";
  text.patient_labels = cusum.admission_dates;
  return cusum_svg(cusum.chart, cusum.options, text);
}

}  // namespace clinaudit::render
