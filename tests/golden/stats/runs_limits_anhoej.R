# Reproduces runs_limits_anhoej.golden with base R (run from the source root:
# Rscript tests/golden/stats/runs_limits_anhoej.R): round(log2(n)) + 3 and qbinom(0.05, n - 1, 0.5).
source("tests/golden/reproduce.R")
reproduce_golden("tests/golden/stats/runs_limits_anhoej.golden", function(x) {
  n <- as.numeric(x$n)
  list(longest_run_limit = round(log2(n)) + 3, crossings_limit = qbinom(0.05, n - 1, 0.5))
})
finish()
