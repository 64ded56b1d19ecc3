# Generates synthetic_casemix.csv: 4,000 fictional episodes at 12 fictional providers with
# numeric and categorical (text and integer-coded) covariates. R 4.2.2:
#   Rscript tests/data/casemix/synthetic_casemix.R
set.seed(20261126)
n <- 4000
provider <- sprintf("RX%02d", sample(1:12, n, replace = TRUE))
age <- round(rnorm(n, 68, 14))
sex <- rbinom(n, 1, 0.48)
admission <- sample(c("elective", "emergency", "Transfer"), n, replace = TRUE, prob = c(0.35, 0.55, 0.10))
imd <- sample(1:5, n, replace = TRUE)
charlson <- rpois(n, 1.2)
frailty <- round(runif(n, 0, 1), 3)
lp <- -7.2 + 0.06 * age + 0.25 * sex + c(elective = 0, emergency = 0.9, Transfer = 0.5)[admission] +
  c(0, 0.1, 0.15, 0.3, 0.35)[imd] + 0.2 * charlson + 0.8 * frailty
died <- rbinom(n, 1, plogis(lp))
write.csv(data.frame(provider, age, sex, admission, imd, charlson, frailty, died),
          "synthetic_casemix.csv", row.names = FALSE, quote = FALSE)
