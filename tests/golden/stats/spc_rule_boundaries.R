# Reproduces spc_rule_boundaries.golden with base R (run from the source root:
# Rscript tests/golden/stats/spc_rule_boundaries.R): the Making Data Count XmR chart of
# METHODS §3 (tests/golden/stats/xmr_formulas.R) on series built around each rule's boundary.
source("tests/golden/reproduce.R")
source("tests/golden/stats/xmr_formulas.R")
reproduce_golden("tests/golden/stats/spc_rule_boundaries.golden", xmr_case)
finish()
