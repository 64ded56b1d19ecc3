# Shared by the R scripts beside the golden files whose values were computed with R
# (tests/golden/<layer>/NAME.R): reads NAME.golden, computes every case's expected values
# again and reports each value that differs from the file by more than the file's tolerance.
# Run from the source root: Rscript tests/golden/stats/NAME.R  (exit status 1 on a difference).
# A script calls reproduce_golden for each file, then finish().

golden_tokens <- function(line) {
  m <- gregexpr('[^ =]+=("[^"]*"|[^ ]*)', line)[[1]]
  tokens <- regmatches(line, list(m))[[1]]
  keys <- sub("=.*", "", tokens)
  values <- gsub('^"|"$', "", sub("^[^=]*=", "", tokens))
  setNames(as.list(values), keys)
}

read_golden <- function(path) {
  lines <- trimws(readLines(path, encoding = "UTF-8"))
  body <- lines[(which(lines == "----")[1] + 1):length(lines)]
  body <- body[body != "" & !startsWith(body, "#")]
  header <- lines[seq_len(which(lines == "----")[1] - 1)]
  tolerance <- strsplit(sub("^tolerance:\\s*", "", header[startsWith(header, "tolerance:")]), " ")[[1]]
  cases <- lapply(seq(1, length(body), by = 2), function(i) {
    list(inputs = golden_tokens(body[i]), expected = golden_tokens(body[i + 1]))
  })
  list(cases = cases, relative = tolerance[1] == "relative", tolerance = as.numeric(tolerance[length(tolerance)]))
}

# `compute` takes a case's inputs (a named list of strings) and returns the expected values
# as a named list (numbers or strings); the keys the file holds are compared, except those in
# `not_recomputed` (values that do not come from R, named as such in the script).
differences_seen <- 0
reproduce_golden <- function(path, compute, not_recomputed = character(0)) {
  golden <- read_golden(path)
  differences <- 0
  for (case in golden$cases) {
    got <- compute(case$inputs)
    for (key in setdiff(names(case$expected), not_recomputed)) {
      want <- case$expected[[key]]
      have <- got[[key]]
      same <- if (is.null(have)) FALSE else if (is.numeric(have) && !is.na(suppressWarnings(as.numeric(want)))) {
        w <- as.numeric(want)
        allowed <- if (golden$relative) golden$tolerance * max(abs(w), 1e-300) else golden$tolerance
        (is.infinite(w) && w == have) || abs(w - have) <= allowed
      } else {
        identical(as.character(have), want)
      }
      if (!same) {
        differences <- differences + 1
        cat(sprintf("%s: %s: %s in the file, %s computed\n", basename(path),
                    paste(names(case$inputs), unlist(case$inputs), sep = "=", collapse = " "), want,
                    if (is.null(have)) "nothing" else format(have, digits = 15)))
      }
    }
  }
  cat(sprintf("%s: %d case(s), %d value(s) differ\n", basename(path), length(golden$cases), differences))
  differences_seen <<- differences_seen + differences
}

finish <- function() quit(status = if (differences_seen > 0) 1 else 0)
