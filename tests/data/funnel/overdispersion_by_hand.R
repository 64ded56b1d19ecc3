# Overdispersion by the formulas of the methods specification, written out in base R.
# Run from the source tree: Rscript tests/data/funnel/overdispersion_by_hand.R
options(digits=15)
f <- function(...) cat(sprintf(...), "\n", sep="")
shmi <- read.csv("tests/data/funnel/shmi_trust_level_Nov20-Oct21.csv")
O <- shmi$OBSERVED; E <- shmi$EXPECTED; code <- shmi$PROVIDER_CODE
z95 <- qnorm(0.975); z998 <- qnorm(0.999)
pick <- c("RCF", "RTK", "RF4")
dl_tau2 <- function(z, w) { n <- length(z); phi <- mean(z^2); t <- (n*phi - (n-1)) / (sum(w) - sum(w^2)/sum(w)); c(phi, max(0, t), n) }
out <- function(label, phi, tau2, n, lim) {
  f("# %s", label); cat(sprintf("phi=%.15g tau2=%.15g units_used=%d", phi, tau2, n))
  for (p in pick) { i <- which(code == p); cat(sprintf(" %s.lower95=%.15g %s.upper95=%.15g %s.lower998=%.15g %s.upper998=%.15g", p, lim(E[i], -z95), p, lim(E[i], z95), p, lim(E[i], -z998), p, lim(E[i], z998))) }
  cat("\n")
}
# 1. log scale, SHMI truncation 10%
z <- sqrt(E) * log(O/E); r <- rank(z, ties.method="average"); k <- 10
keep <- floor(r*k/(length(z)+1)) > 0 & floor(r*k/(length(z)+1)) < k-1
a <- dl_tau2(z[keep], E[keep])
out("log", a[1], a[2], a[3], function(e, zz) exp(zz*sqrt(1/e + a[2])))
# 2. square-root scale, winsorised 10%
z <- 2*(sqrt(O) - sqrt(E)); q <- quantile(z, c(0.1, 0.9)); zw <- pmin(pmax(z, q[1]), q[2])
b <- dl_tau2(zw, 4*E)
out("sqrt", b[1], b[2], b[3], function(e, zz) (1 + zz*sqrt(1/(4*e) + b[2]))^2)
# 3. multiplicative, winsorised 10%
z <- (O - E)/sqrt(E); q <- quantile(z, c(0.1, 0.9)); zw <- pmin(pmax(z, q[1]), q[2])
phi <- mean(zw^2)
out("multiplicative", phi, 0, length(zw), function(e, zz) 1 + zz*sqrt(phi)/sqrt(e))
# 4. Bristol, arcsine scale, winsorised 10%
b91 <- read.csv("tests/data/funnel/bristol_1991_95.csv")
n <- b91$Operations; d <- b91$Deaths; t <- sum(d)/sum(n)
z <- (asin(sqrt(d/n)) - asin(sqrt(t))) * 2*sqrt(n); q <- quantile(z, c(0.1, 0.9)); zw <- pmin(pmax(z, q[1]), q[2])
c4 <- dl_tau2(zw, 4*n)
lim <- function(nn, zz) sin(asin(sqrt(t)) + zz*sqrt(1/(4*nn) + c4[2]))^2
i <- which(b91$Hospital == "Bristol")
f("# arcsine target=%.15g", t)
f("phi=%.15g tau2=%.15g units_used=%d Bristol.lower95=%.15g Bristol.upper95=%.15g Bristol.lower998=%.15g Bristol.upper998=%.15g Bristol.z=%.15g", c4[1], c4[2], c4[3], lim(n[i], -z95), lim(n[i], z95), lim(n[i], -z998), lim(n[i], z998), (asin(sqrt(d[i]/n[i])) - asin(sqrt(t)))/sqrt(1/(4*n[i]) + c4[2]))
