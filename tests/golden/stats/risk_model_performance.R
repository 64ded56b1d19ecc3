# Reproduces risk_model_performance.golden with base R, as its source line says (run from
# the source root: Rscript tests/golden/stats/risk_model_performance.R): the glm fit as in
# risk_model_glm.R, then on p <- fitted(fit) the c-statistic (Mann-Whitney, ties 1/2), the
# Hosmer-Lemeshow test with groups at the deciles of p, calibration in the large (O/E) and
# observed and expected per group.
source("tests/golden/reproduce.R")
invisible(Sys.setlocale("LC_COLLATE", "C.UTF-8"))
split_list <- function(text) if (is.null(text) || text == "") character(0) else strsplit(text, ",")[[1]]

reproduce_golden("tests/golden/stats/risk_model_performance.golden", function(x) {
  d <- read.csv(x$file)
  covariates <- split_list(x$covariates)
  categorical <- split_list(x$categorical)
  for (name in categorical) d[[name]] <- factor(d[[name]])
  terms <- c(covariates, setdiff(categorical, covariates))
  fit <- glm(as.formula(paste(x$outcome, "~", paste(terms, collapse = " + "))), family = binomial, data = d)
  y <- d[[x$outcome]]
  p <- fitted(fit)
  n1 <- sum(y == 1); n0 <- sum(y == 0)
  c_statistic <- unname(wilcox.test(p[y == 1], p[y == 0], exact = FALSE)$statistic) / (n1 * n0)
  br <- unique(quantile(p, seq(0, 1, 1 / 10)))
  g <- cut(p, br, include.lowest = TRUE)
  observed <- xtabs(cbind(1 - y, y) ~ g)
  expected <- xtabs(cbind(1 - p, p) ~ g)
  hl <- sum((observed - expected)^2 / expected)
  df <- nlevels(g) - 2
  out <- list(c_statistic = c_statistic, hl_statistic = hl, hl_df = df,
              hl_p_value = pchisq(hl, df, lower.tail = FALSE), hl_groups = nlevels(g),
              calibration_ratio = sum(y) / sum(p))
  by_group <- aggregate(cbind(n = 1, o = y, e = p), list(g = factor(d[[x$group]])), sum)
  for (i in seq_len(nrow(by_group))) {
    level <- as.character(by_group$g[i])
    out[[paste0("episodes[", level, "]")]] <- by_group$n[i]
    out[[paste0("observed[", level, "]")]] <- by_group$o[i]
    out[[paste0("expected[", level, "]")]] <- by_group$e[i]
  }
  out
})
finish()
