# Writes formula_glm.golden: R's glm(formula, binomial, data) for model formulas over
# formula_casemix.csv, the reference values of src/stats/formula_glm_golden_test.cpp.
# R 4.2.2 with data.table, from this folder:
#   Rscript formula_glm.R
# The file is read with read.csv(na.strings = c("NA", "")) so an empty cell or NA is
# missing; sex is text and so a factor in glm. glm drops rows with a missing value in any
# column the formula reads (na.action = na.omit); `dropped` counts them. A coefficient R
# reports as NA (a term that is a linear combination of others) is listed under `singular`
# and not fitted; `separation` is TRUE when glm warns that fitted probabilities are
# numerically 0 or 1; `separated` lists the factors with a level where the outcome never
# (or always) happens: their coefficients and the intercept diverge (quasi-complete
# separation, Albert & Anderson, Biometrika 1984;71:1-10), glm stops when the deviance stops
# moving, and their values are known only to about 1e-7 relative.
invisible(Sys.setlocale("LC_COLLATE", "C.UTF-8"))
d <- read.csv("formula_casemix.csv", na.strings = c("NA", ""))
stopifnot(is.character(d$sex), is.numeric(d$age), nrow(d) == 2000)
# The same values read by data.table's fread, as the brief for NA handling says (read.csv and
# fread agree here).
stopifnot(isTRUE(all.equal(as.data.frame(data.table::fread("formula_casemix.csv", na.strings = c("NA", "")))[names(d)], d,
                           check.attributes = FALSE)))

formulas <- c(
  "died30 ~ I((age - 68)/10) + sex + emergency + factor(imd_quintile) + factor(asa_grade)",
  "died30 ~ log(los) + poly(age, 2, raw = TRUE) + pmin(age, 80) + sex + emergency",
  "died30 ~ age*sex + emergency:factor(asa_grade)",
  "died30 ~ factor(imd_quintile)*sex + pmax(age, 50) + I(los^0.5)",
  "died30 ~ sex + factor(imd_quintile):sex + emergency",
  "died30 ~ age:factor(asa_grade) + emergency",
  "died30 ~ emergency*factor(asa_grade) + I(age/10) + log(los)",
  "died30 ~ factor(asa_grade) + emergency + I(1 - emergency) + age",
  "died_asa1 ~ factor(asa_grade) + age + emergency"
)

out <- c(
  "# R 4.2.2: glm(formula, family = binomial, data = read.csv('formula_casemix.csv', na.strings = c('NA', '')))",
  "# written by formula_glm.R in this folder; one block per formula; numbers with 17 significant digits.",
  "# term: name, estimate, standard error (summary.glm, dispersion 1); tab-separated."
)
num <- function(x) sprintf("%.17g", x)
for (f in formulas) {
  separation <- FALSE
  fit <- withCallingHandlers(glm(as.formula(f), family = binomial, data = d), warning = function(w) {
    if (grepl("fitted probabilities numerically 0 or 1", conditionMessage(w))) separation <<- TRUE
    invokeRestart("muffleWarning")
  })
  coefficients <- coef(fit)
  singular <- names(coefficients)[is.na(coefficients)]
  table <- summary(fit)$coefficients
  y <- model.response(fit$model)
  separated <- Filter(function(v) is.factor(fit$model[[v]]) && any(table(fit$model[[v]], factor(y, 0:1)) == 0),
                      names(fit$model)[-1])
  out <- c(out, "", paste0("formula: ", f), paste0("rows: ", nrow(d)), paste0("dropped: ", length(fit$na.action)),
           paste0("used: ", nrow(fit$model)), paste0("deviance: ", num(fit$deviance)),
           paste0("null_deviance: ", num(fit$null.deviance)), paste0("iterations: ", fit$iter),
           paste0("converged: ", fit$converged), paste0("separation: ", separation),
           paste0("singular: ", paste(singular, collapse = "\t")),
           paste0("separated: ", paste(separated, collapse = "\t")))
  for (i in seq_len(nrow(table))) {
    out <- c(out, paste0("term: ", paste(rownames(table)[i], num(table[i, 1]), num(table[i, 2]), sep = "\t")))
  }
  out <- c(out, "end")
}
writeLines(out, "formula_glm.golden")
