# Reproduces racusum_rigdon_fricker_weights.golden with base R (run from the source root:
# Rscript tests/golden/stats/racusum_rigdon_fricker_weights.R): the log-likelihood ratio weight
# y log(RA) - log(1 - p + RA p) with p = plogis(intercept + slope * Parsonnet), to 4 decimals.
source("tests/golden/reproduce.R")
reproduce_golden("tests/golden/stats/racusum_rigdon_fricker_weights.golden", function(x) {
  p <- plogis(as.numeric(x$intercept) + as.numeric(x$slope) * as.numeric(x$parsonnet))
  RA <- as.numeric(x$odds_ratio)
  y <- as.numeric(x$outcome)
  list(weight = round(y * log(RA) - log(1 - p + RA * p), 4))
})
finish()
