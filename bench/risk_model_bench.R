# The R baseline of bench/scale.sh: the same national case-mix pipeline as
# `clinaudit stats risk-model` (read, glm(binomial), O/E per provider), with data.table::fread.
# Usage: Rscript bench/risk_model_bench.R EPISODES.csv COEFFICIENTS_OUT.csv
args <- commandArgs(TRUE)
suppressPackageStartupMessages(library(data.table))
d <- fread(args[1])
# set() converts in place: `d[[v]] <-` would copy the table (and data.table warns of it).
for (v in c("imd_quintile", "ethnic_group", "diag_group")) set(d, j = v, value = factor(d[[v]]))
m <- glm(died ~ age + sex + imd_quintile + emergency + charlson + chf + copd + diabetes + ckd + cancer +
           dementia + prior_adm + ethnic_group + diag_group + weekend, family = binomial, data = d)
d[, expected := fitted(m)]
oe <- d[, .(episodes = .N, observed = sum(died), expected = sum(expected)), keyby = provider]
oe[, ratio := observed / expected]
s <- summary(m)$coefficients
fwrite(data.table(term = rownames(s), estimate = s[, 1], std_error = s[, 2]), args[2])
cat("R: iterations", m$iter, "deviance", format(deviance(m), digits = 15), "providers", nrow(oe), "\n")
