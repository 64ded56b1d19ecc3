# Reproduces the logistic regression golden files (risk_model_cardiac, risk_model_los,
# risk_model_separation, risk_model_synthetic) with base R's glm (run from the source root:
# Rscript tests/golden/stats/risk_model_glm.R [NAME ...]). Categorical covariates are factors
# with R's default levels, sorted in the ICU collation (elective, emergency, Transfer); those
# not among the covariates come last. `separation` is a property of the data, not of glm,
# and is not recomputed.
source("tests/golden/reproduce.R")
invisible(Sys.setlocale("LC_COLLATE", "C.UTF-8"))
split_list <- function(text) if (is.null(text) || text == "") character(0) else strsplit(text, ",")[[1]]

fit_case <- function(x) {
  d <- read.csv(x$file)
  covariates <- split_list(x$covariates)
  categorical <- split_list(x$categorical)
  for (name in categorical) d[[name]] <- factor(d[[name]])
  terms <- c(covariates, setdiff(categorical, covariates))
  formula <- as.formula(paste(x$outcome, "~", if (length(terms) == 0) "1" else paste(terms, collapse = " + ")))
  fit <- suppressWarnings(glm(formula, family = binomial, data = d))
  coefficients <- summary(fit)$coefficients
  # R names a level "admissionemergency"; the files write "admission=emergency" in terms
  # and "admission:emergency" in keys.
  shown <- rownames(coefficients)
  for (name in categorical) {
    at <- startsWith(shown, name) & shown != name
    shown[at] <- paste0(name, "=", substring(shown[at], nchar(name) + 1))
  }
  out <- list(terms = paste(shown, collapse = ","), deviance = fit$deviance, null_deviance = fit$null.deviance,
              aic = fit$aic, iterations = fit$iter, converged = if (fit$converged) "true" else "false")
  for (i in seq_along(shown)) {
    key <- sub("=", ":", shown[i])
    out[[paste0("estimate[", key, "]")]] <- coefficients[i, 1]
    out[[paste0("se[", key, "]")]] <- coefficients[i, 2]
  }
  out
}

names <- commandArgs(trailingOnly = TRUE)
if (length(names) == 0) names <- c("risk_model_cardiac", "risk_model_los", "risk_model_separation", "risk_model_synthetic")
for (name in names) {
  reproduce_golden(file.path("tests/golden/stats", paste0(name, ".golden")), fit_case, not_recomputed = "separation")
}
finish()
