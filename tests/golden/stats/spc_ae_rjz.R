# Reproduces spc_ae_rjz.golden with base R (run from the source root:
# Rscript tests/golden/stats/spc_ae_rjz.R): the Making Data Count XmR chart of METHODS §3
# (tests/golden/stats/xmr_formulas.R) on trust RJZ's A&E performance and breaches.
source("tests/golden/reproduce.R")
source("tests/golden/stats/xmr_formulas.R")
reproduce_golden("tests/golden/stats/spc_ae_rjz.golden", xmr_case)
finish()
