# Reproduces interval_r.golden with base R's stats package (run from the source root:
# Rscript tests/golden/stats/interval_r.R).
source("tests/golden/reproduce.R")
reproduce_golden("tests/golden/stats/interval_r.golden", function(x) {
  k <- as.numeric(x$numerator); n <- as.numeric(x$denominator); level <- as.numeric(x$level)
  ci <- switch(x$method,
    exact = binom.test(k, n, conf.level = level)$conf.int,
    poisson = poisson.test(k, T = n, conf.level = level)$conf.int,
    wilson = prop.test(k, n, conf.level = level, correct = FALSE)$conf.int)
  list(lower = ci[1], upper = ci[2])
})
finish()
