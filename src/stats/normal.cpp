#include "stats/normal.hpp"

#include <boost/math/distributions/normal.hpp>
#include <cassert>

namespace clinaudit::stats {

double normal_quantile(double p) {
  assert(p > 0.0 && p < 1.0);
  return boost::math::quantile(boost::math::normal_distribution<double>(), p);
}

double normal_cdf(double z) { return boost::math::cdf(boost::math::normal_distribution<double>(), z); }

double two_sided_z(double level) { return normal_quantile(1.0 - (1.0 - level) / 2.0); }

}  // namespace clinaudit::stats
