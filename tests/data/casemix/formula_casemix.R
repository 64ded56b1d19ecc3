# Generates formula_casemix.csv: 2,000 fictional surgical episodes for the model-formula golden
# test (src/stats/formula_glm_golden_test.cpp), with a fixed seed. R 4.2.2, from this folder:
#   Rscript formula_casemix.R
# Columns: age (years), sex (text M/F), emergency (0/1), imd_quintile (1-5), asa_grade (1-5),
# los (days, > 0), died30 (0/1), died_asa1 (0/1, never 1 at ASA grade 1: separation).
# A few cells are NA (written "NA", as write.csv writes them) in age, sex, los and died30.
set.seed(20261203)
n <- 2000
age <- round(rnorm(n, 68, 12))
sex <- sample(c("M", "F"), n, replace = TRUE, prob = c(0.52, 0.48))
emergency <- rbinom(n, 1, 0.4)
imd_quintile <- sample(1:5, n, replace = TRUE)
asa_grade <- sample(1:5, n, replace = TRUE, prob = c(0.15, 0.35, 0.35, 0.12, 0.03))
los <- round(rexp(n, 1 / 6), 1) + 0.5
lp <- -4.2 + 0.045 * (age - 68) + 0.0006 * (age - 68)^2 + 0.2 * (sex == "M") + 0.8 * emergency +
  c(0, 0.1, 0.2, 0.3, 0.45)[imd_quintile] + c(0, 0.5, 1.1, 1.8, 2.4)[asa_grade] + 0.25 * log(los) +
  0.3 * emergency * (asa_grade >= 4)
died30 <- rbinom(n, 1, plogis(lp))
died_asa1 <- ifelse(asa_grade == 1, 0L, rbinom(n, 1, plogis(lp + 1)))
age[sample(n, 12)] <- NA
sex[sample(n, 7)] <- NA
los[sample(n, 9)] <- NA
died30[sample(n, 5)] <- NA
write.csv(data.frame(age, sex, emergency, imd_quintile, asa_grade, los, died30, died_asa1),
          "formula_casemix.csv", row.names = FALSE, quote = FALSE)
