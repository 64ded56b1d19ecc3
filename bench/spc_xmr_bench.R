# The comparison for bench/spc_xmr_bench.cpp: the same XmR limits and Making Data Count rules
# (screened AMR, astronomical points, trends and shifts of 7, two of three beyond 2 sigma)
# for every series, in vectorised base R (a matrix of series x months; rolling windows by
# shifted columns). Usage: Rscript bench/spc_xmr_bench.R DATA.csv [repetitions]
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
reps <- if (length(args) > 1) as.integer(args[2]) else 5
Y <- matrix(d$value, ncol = max(d$month), byrow = TRUE)

lagk <- function(M, k) cbind(matrix(NA, nrow(M), k), M[, seq_len(ncol(M) - k), drop = FALSE])
leadk <- function(M, k) cbind(M[, -seq_len(k), drop = FALSE], matrix(NA, nrow(M), k))
ends <- function(E, k) {  # TRUE where E holds at this column and the k - 1 before it
  e <- E; for (j in seq_len(k - 1)) e <- e & lagk(E, j); e[is.na(e)] <- FALSE; e
}
spread <- function(end, k) {  # flag the k columns of each window ending at an end
  p <- end; for (j in seq_len(k - 1)) { l <- leadk(end, j); l[is.na(l)] <- FALSE; p <- p | l }; p
}
nafalse <- function(M) { M[is.na(M)] <- FALSE; M }

xmr_all <- function(Y) {
  m <- rowMeans(Y)
  MR <- abs(Y[, -1] - Y[, -ncol(Y)])
  amr <- rowMeans(MR)
  MR[MR >= 3.267 * amr] <- NA
  amr <- rowMeans(MR, na.rm = TRUE)
  upl <- m + 2.66 * amr; lpl <- m - 2.66 * amr
  nu <- m + 2 * 2.66 / 3 * amr; nl <- m - 2 * 2.66 / 3 * amr
  side <- sign(Y - m)
  out <- Y > upl | Y < lpl
  near <- !out & (Y > nu | Y < nl)
  st <- cbind(0, sign(Y[, -1] - Y[, -ncol(Y)]))
  trend <- spread(ends(st == 1, 6), 7) | spread(ends(st == -1, 6), 7)
  shift <- spread(ends(side == 1, 7), 7) | spread(ends(side == -1, 7), 7)
  s3 <- side + lagk(side, 1) + lagk(side, 2); n3 <- near + lagk(near, 1) + lagk(near, 2)
  w <- abs(s3) == 3 & n3 >= 2; w[is.na(w)] <- FALSE
  two <- near & (w | nafalse(leadk(w, 1)) | nafalse(leadk(w, 2)))
  rule <- ifelse(out, 1L, ifelse(trend, 2L, ifelse(two, 3L, ifelse(shift, 4L, 0L))))
  list(m = m, lpl = lpl, upl = upl, rule = rule)
}

r <- xmr_all(Y)
t <- replicate(reps, { st <- system.time(xmr_all(Y)); c(st[["elapsed"]], st[["user.self"]] + st[["sys.self"]]) })
cat(sprintf("R vectorised XmR: %d series x %d months, %d runs: median wall %.1f ms, median CPU %.1f ms; special-cause points %d\n",
            nrow(Y), ncol(Y), reps, 1000 * median(t[1, ]), 1000 * median(t[2, ]), sum(r$rule > 0)))
