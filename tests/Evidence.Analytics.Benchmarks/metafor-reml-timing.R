# Times metafor's rma(method = "REML") on the synthetic studies MetaAnalysisBenchmarks uses (same formula, no RNG):
#   Rscript metafor-reml-timing.R 1000 2000
# metafor builds k x k matrices (P, P %*% P) in every Fisher-scoring iteration, so its time grows as k^3.
suppressMessages(library(metafor))
studies <- function(k) {
  i <- seq_len(k)
  vi <- 0.01 + 0.49 * ((i * 0.6180339887498949) %% 1)
  yi <- 0.3 + sin(i * 1.7) * sqrt(2 * (0.1 + vi))
  data.frame(yi = yi, vi = vi)
}
for (k in as.integer(commandArgs(trailingOnly = TRUE))) {
  d <- studies(k)
  time <- system.time(m <- rma(yi, vi, data = d, method = "REML"))[["elapsed"]]
  cat(sprintf("k = %d: %.2f s, tau2 = %.8f, estimate = %.8f, iterations to converge: see verbose\n", k, time, m$tau2, m$beta[1]))
}
