# Reproduces control_charts_by_formula.golden with base R (run from the source root:
# Rscript tests/golden/stats/control_charts_by_formula.R): the centre and limits of METHODS §4
# (qicharts2 conventions) for each chart type, the points beyond the limits and Anhøj's runs
# analysis, written from the formulas rather than with qicharts2. One part, no excluded points;
# freeze=N takes the centre and limits from the first N subgroups. The file's x, y and n
# columns are one row per subgroup; the values compared are those of the first point.
source("tests/golden/reproduce.R")

# Average moving range, screened: moving ranges >= 3.267·AMR dropped and AMR recomputed.
screened_amr <- function(v) {
  moving_ranges <- abs(diff(v))
  mean(moving_ranges[moving_ranges < 3.267 * mean(moving_ranges)])
}

# Centre line and limits of every point; `y` is what is plotted (proportions, rates, moving
# ranges), `base` the baseline subgroups.
limits <- function(chart, y, n, base) {
  switch(chart,
    i = {
      centre <- mean(y[base]); sigma <- screened_amr(y[base]) / 1.128
      list(y = y, cl = centre, lcl = centre - 3 * sigma, ucl = centre + 3 * sigma)
    },
    mr = {
      mr <- c(NA, abs(diff(y)))
      centre <- mean(mr[base], na.rm = TRUE)
      list(y = mr, cl = centre, lcl = 0, ucl = 3.267 * centre)
    },
    t = {
      transformed <- limits("i", y^(1 / 3.6), n, base)
      list(y = y, cl = transformed$cl^3.6, lcl = max(transformed$lcl, 0)^3.6, ucl = transformed$ucl^3.6)
    },
    g = {
      m <- mean(y[base]); sigma <- sqrt(m * (m + 1))
      list(y = y, cl = median(y[base]), lcl = max(m - 3 * sigma, 0), ucl = m + 3 * sigma)
    },
    p = , pp = , u = , up = {
      rate <- y / n
      centre <- sum(y[base]) / sum(n[base])
      sigma <- if (chart %in% c("p", "pp")) sqrt(centre * (1 - centre) / n) else sqrt(centre / n)
      if (chart %in% c("pp", "up")) {
        # Laney: the spread of the z-scores over the baseline, from their screened AMR.
        z <- (rate[base] - centre) / sigma[base]
        sigma <- sigma * screened_amr(z) / 1.128
      }
      lcl <- pmax(centre - 3 * sigma, 0)
      ucl <- centre + 3 * sigma
      if (chart %in% c("p", "pp")) ucl <- pmin(ucl, 1)
      list(y = rate, cl = centre, lcl = lcl, ucl = ucl)
    },
    stop("chart ", chart, " is not reproduced here"))
}

# Anhøj's runs analysis against the centre line: points on it are not useful.
runs_analysis <- function(y, cl) {
  side <- sign(y - cl)
  side <- side[!is.na(side) & side != 0]
  n <- length(side)
  runs <- rle(side)$lengths
  longest_run_limit <- round(log2(n)) + 3
  crossings_limit <- qbinom(0.05, n - 1, 0.5)
  list(n_useful = n, longest_run = max(runs), longest_run_limit = longest_run_limit,
       crossings = length(runs) - 1, crossings_limit = crossings_limit,
       runs_signal = if (max(runs) > longest_run_limit || length(runs) - 1 < crossings_limit) "true" else "false")
}

reproduce_golden("tests/golden/stats/control_charts_by_formula.golden", function(x) {
  if (!is.null(x$part) || !is.null(x$exclude) || !is.null(x$screen) || !is.null(x$multiply))
    stop("part, exclude, screen and multiply are not reproduced here")
  d <- read.csv(x$file)
  if (anyDuplicated(d$x)) stop("one row per subgroup expected")
  base <- seq_len(if (is.null(x$freeze)) nrow(d) else as.numeric(x$freeze))
  chart <- limits(x$chart, d$y, d$n, base)
  points <- length(chart$y)
  cl <- rep_len(chart$cl, points); lcl <- rep_len(chart$lcl, points); ucl <- rep_len(chart$ucl, points)
  beyond <- chart$y > ucl | chart$y < lcl
  runs <- runs_analysis(chart$y, cl)
  c(list(cl_1 = cl[1], lcl_1 = lcl[1], ucl_1 = ucl[1], sigma_signals_1 = sum(beyond, na.rm = TRUE)),
    setNames(runs, paste0(names(runs), "_1")))
})
finish()
