# Reference ARLs of the risk-adjusted CUSUM by the Markov chain of Brook & Evans (1972), written
# in base R directly from the method's description (Steiner et al. 2000; vlad::racusum_arl_mc's
# documentation: grid of `scaling` points per unit, paired or simple rounding of the scaled
# weights), solved with a dense linear system -- an implementation independent of clinaudit's
# Toeplitz solver. Also the grid search that vlad::racusum_crit_mc documents (jmax = 4).
# Usage: Rscript racusum_arl_reference.R RISKS.csv RA RQ h|crit=L0 [scaling] [p|s]
args <- commandArgs(trailingOnly = TRUE)
p <- read.csv(args[1])$p
RA <- as.numeric(args[2]); RQ <- as.numeric(args[3])
scaling <- if (length(args) >= 5) as.numeric(args[5]) else 600
rounding <- if (length(args) >= 6) args[6] else "p"
# C's round(): halves away from zero, as vlad's C++ code rounds (R's round() goes to even).
cround <- function(x) sign(x) * floor(abs(x) + 0.5)
tab <- table(p); risk <- as.numeric(names(tab)); share <- as.numeric(tab) / length(p)
arl <- function(h) {
  pf <- RQ * risk / (1 - risk + RQ * risk)
  w <- c(log(RA / (1 - risk + RA * risk)), log(1 / (1 - risk + RA * risk))) * scaling
  pr <- c(pf * share, (1 - pf) * share)
  if (rounding == "p") {
    lo <- floor(w); hi <- ceiling(w); on <- lo == hi
    z <- c(lo, hi[!on]); q <- c(ifelse(on, pr, pr * (hi - w)), (pr * (w - lo))[!on])
  } else { z <- cround(w); q <- pr }
  N <- cround(h * scaling)
  P <- matrix(0, N, N)
  for (i in 0:(N - 1)) {
    to <- i + z
    P[i + 1, 1] <- P[i + 1, 1] + sum(q[to <= 0])
    inside <- to > 0 & to < N
    for (k in which(inside)) P[i + 1, to[k] + 1] <- P[i + 1, to[k] + 1] + q[k]
  }
  solve(diag(N) - P, rep(1, N))[1]
}
if (startsWith(args[4], "crit=")) {
  L0 <- as.numeric(sub("crit=", "", args[4]))
  for (i in 1:9) { L1 <- arl(i); if (L1 > L0) break }
  if (L1 <= L0) i <- 10
  h1 <- i
  for (j in 1:4) {
    for (dh in 1:19) {
      h <- h1 + (-1)^j * dh / 10^j; L1 <- arl(h)
      if ((j %% 2 == 1 && L1 < L0) || (j %% 2 == 0 && L1 > L0)) break
    }
    h1 <- h
  }
  if (L1 < L0) h <- h + 1 / 10^4
  cat(sprintf("h=%.4f arl=%.10g\n", h, arl(h)))
} else {
  cat(sprintf("arl=%.12g\n", arl(as.numeric(args[4]))))
}
