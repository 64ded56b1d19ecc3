# The same risk-adjusted CUSUM in base R, for the comparison in docs/performance.md ("CUSUM"):
# upper (RA = 2, h = 4.5) and lower (RA = 1/2, h = 4) charts with reset, and VLAD, for every
# provider over episodes in date order. Two routes: a plain loop over episodes with per-provider
# state, and a vectorised one (weights by vector arithmetic, split by provider, Reduce()).
# Usage: Rscript cusum_bench.R episodes.csv   (columns provider,p,y; from cusum_episodes_csv)
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
n <- nrow(d); np <- max(d$provider)
w_up <- d$y * log(2) - log(1 - d$p + 2 * d$p)
w_lo <- d$y * log(0.5) - log(1 - d$p + 0.5 * d$p)

loop <- function() {
  up <- numeric(np); lo <- numeric(np); vl <- numeric(np)
  cu <- numeric(n); cl <- numeric(n); cv <- numeric(n); signals <- 0L
  for (i in seq_len(n)) {
    g <- d$provider[i]
    u <- max(0, up[g] + w_up[i]); if (u >= 4.5) { signals <- signals + 1L; u <- 0 }
    l <- min(0, lo[g] - w_lo[i]); if (l <= -4) { signals <- signals + 1L; l <- 0 }
    up[g] <- u; lo[g] <- l; vl[g] <- vl[g] + d$p[i] - d$y[i]
    cu[i] <- u; cl[i] <- l; cv[i] <- vl[g]
  }
  signals
}

vectorised <- function() {
  step_up <- function(c, w) { x <- max(0, c + w); if (x >= 4.5) 0 else x }
  step_lo <- function(c, w) { x <- min(0, c - w); if (x <= -4) 0 else x }
  signals <- 0L
  for (idx in split(seq_len(n), d$provider)) {
    cu <- Reduce(step_up, w_up[idx], accumulate = TRUE, 0)[-1]
    cl <- Reduce(step_lo, w_lo[idx], accumulate = TRUE, 0)[-1]
    cv <- cumsum(d$p[idx] - d$y[idx])
    # A reset shows as 0 where the previous value plus the weight reached the limit.
    prev_u <- c(0, head(cu, -1)); prev_l <- c(0, head(cl, -1))
    signals <- signals + sum(pmax(0, prev_u + w_up[idx]) >= 4.5) + sum(pmin(0, prev_l - w_lo[idx]) <= -4)
  }
  signals
}

tl <- system.time(s_loop <- loop()); t_loop <- tl[["elapsed"]]; c_loop <- tl[["user.self"]] + tl[["sys.self"]]
tv <- system.time(s_vec <- vectorised()); t_vec <- tv[["elapsed"]]; c_vec <- tv[["user.self"]] + tv[["sys.self"]]
cat(sprintf("R %s, %d episodes, %d providers\n", getRversion(), n, np))
cat(sprintf("loop: %.2f s wall, %.2f s CPU (%d signals)\n", t_loop, c_loop, s_loop))
cat(sprintf("vectorised (split + Reduce): %.2f s wall, %.2f s CPU (%d signals)\n", t_vec, c_vec, s_vec))
