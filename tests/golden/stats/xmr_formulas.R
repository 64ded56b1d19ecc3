# The Making Data Count XmR chart in base R, from the formulas of METHODS §3, for the scripts
# that reproduce spc_ae_rjz.golden and spc_rule_boundaries.golden (sourced, not run alone).
# One group (no rebase): baseline = the first `baseline` points, else all; centre = their mean;
# AMR = mean moving range, screened (moving ranges >= 3.267·AMR dropped, AMR recomputed) unless
# screen=off; limits mean ± 2.66·AMR, 2-sigma lines mean ± (2/3)·2.66·AMR; then the rule of each
# point, first match wins, its type, the variation and assurance icons and the warnings.

# Indices of the points in runs of at least `length` consecutive TRUE values of `flag`.
in_long_runs <- function(flag, length) {
  runs <- rle(flag)
  ends <- cumsum(runs$lengths)
  starts <- ends - runs$lengths + 1
  long <- which(runs$values & runs$lengths >= length)
  unlist(lapply(long, function(r) starts[r]:ends[r]), use.names = FALSE)
}

xmr_rules <- function(y, centre, lpl, upl, near_lower, near_upper) {
  n <- length(y)
  rule <- rep("common_cause", n)
  mark <- function(at, name) {
    at <- intersect(at, which(rule == "common_cause"))
    rule[at] <<- name
  }
  yes <- function(condition) !is.na(condition) & condition
  # (1) beyond a process limit, strictly.
  mark(which(yes(y > upl)), "astronomical_high")
  mark(which(yes(y < lpl)), "astronomical_low")
  # (2) trend: 7 points each strictly above (below) the previous, i.e. 6 rises (falls) in a row;
  # the whole run is flagged (a run of rises from point i to point j covers points i..j+1).
  steps <- sign(diff(y))
  for (direction in c(1, -1)) {
    rises <- in_long_runs(steps == direction, 6)
    points <- sort(unique(c(rises, rises + 1)))
    mark(points, if (direction == 1) "trend_increasing" else "trend_decreasing")
  }
  # (3) two of three: in a window of three points, at least two beyond the same 2-sigma line
  # but inside the limits; those points are flagged.
  high <- yes(y > near_upper & y <= upl)
  low <- yes(y < near_lower & y >= lpl)
  for (i in seq_len(max(n - 2, 0))) {
    window <- i:(i + 2)
    if (sum(high[window]) >= 2) mark(window[high[window]], "two_in_three_high")
    if (sum(low[window]) >= 2) mark(window[low[window]], "two_in_three_low")
  }
  # (4) shift: 7 consecutive points on one side of the mean; a point on the mean breaks the run.
  mark(in_long_runs(y > centre, 7), "shift_high")
  mark(in_long_runs(y < centre, 7), "shift_low")
  rule
}

rule_side <- function(rule) {
  ifelse(rule == "common_cause", "", ifelse(grepl("_(high|increasing)$", rule), "high", "low"))
}

point_type <- function(rule, improvement) {
  side <- rule_side(rule)
  good <- if (improvement == "increase") "high" else if (improvement == "decrease") "low" else ""
  type <- if (good == "") paste0("special_cause_neutral_", side)
          else ifelse(side == good, "special_cause_improvement", "special_cause_concern")
  ifelse(side == "", "common_cause", type)
}

xmr_chart <- function(y, improvement = "neutral", screen = TRUE, baseline = NULL, target = NULL) {
  base <- if (is.null(baseline)) y else y[seq_len(baseline)]
  centre <- mean(base)
  moving_ranges <- abs(diff(base))
  amr <- mean(moving_ranges)
  if (screen) amr <- mean(moving_ranges[moving_ranges < 3.267 * amr])
  varies <- length(moving_ranges) > 0 && any(moving_ranges > 0)
  width <- if (varies) 2.66 * amr else NaN
  lpl <- centre - width
  upl <- centre + width
  near_lower <- centre - 2 / 3 * width
  near_upper <- centre + 2 / 3 * width
  rules <- xmr_rules(y, centre, lpl, upl, near_lower, near_upper)
  types <- point_type(rules, improvement)
  last <- rules[length(rules)]
  variation <- if (last == "common_cause") "common_cause" else {
    kind <- sub("special_cause_", "", types[length(types)])
    kind <- sub("_(high|low)$", "", kind)
    paste0(kind, "_", rule_side(last))
  }
  assurance <- "none"
  if (!is.null(target) && improvement != "neutral" && varies) {
    assurance <- if (target > upl) {
      if (improvement == "increase") "consistent_fail" else "consistent_pass"
    } else if (target < lpl) {
      if (improvement == "increase") "consistent_pass" else "consistent_fail"
    } else "inconsistent"
  }
  warnings <- (length(y) < 13) + !varies
  list(mean = centre, amr = amr, lpl = lpl, upl = upl, near_lower = near_lower, near_upper = near_upper,
       rules = paste(rules, collapse = ","), types = paste(types, collapse = ","),
       variation = variation, assurance = assurance, warnings = warnings)
}

# A golden case's inputs: values=a,b,... or file= and column=; improvement, screen=off,
# baseline=N, target=X.
xmr_case <- function(x) {
  y <- if (!is.null(x$file)) read.csv(x$file)[[x$column]] else as.numeric(strsplit(x$values, ",")[[1]])
  if (!is.null(x$rebase)) stop("rebase is not reproduced here")
  xmr_chart(y, improvement = if (is.null(x$improvement)) "neutral" else x$improvement,
            screen = !identical(x$screen, "off"),
            baseline = if (is.null(x$baseline)) NULL else as.numeric(x$baseline),
            target = if (is.null(x$target)) NULL else as.numeric(x$target))
}
