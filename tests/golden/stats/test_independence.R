# Reproduces test_independence.golden with base R (run from the source root:
# Rscript tests/golden/stats/test_independence.R).
source("tests/golden/reproduce.R")
reproduce_golden("tests/golden/stats/test_independence.golden", function(x) {
  rows <- strsplit(strsplit(x$table, ";")[[1]], ",")
  t <- matrix(as.numeric(unlist(rows)), nrow = length(rows), byrow = TRUE)
  warned <- FALSE
  chi <- withCallingHandlers(chisq.test(t, correct = FALSE), warning = function(w) {
    warned <<- TRUE
    invokeRestart("muffleWarning")
  })
  list(chi_square = unname(chi$statistic), df = unname(chi$parameter), p = chi$p.value,
       fisher_p = fisher.test(t, workspace = 2e8)$p.value, small_cells = if (warned) "yes" else "no")
})
finish()
