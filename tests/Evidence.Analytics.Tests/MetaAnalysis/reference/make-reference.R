# Reference values for the meta-analysis tests, computed with metafor (Debian r-cran-metafor 3.8-1, data from
# r-cran-metadat). Run from this folder: Rscript make-reference.R
# Writes the input data sets (*.csv) and reference.csv (set, quantity, value), which the tests read; R is not needed
# to run the tests. Riley prediction intervals (t with k-2 df) are computed by formula, as 3.8-1 has no predtype.
suppressMessages(library(metafor))
out <- list()
put <- function(set, quantity, value) {
  out[[length(out) + 1]] <<- data.frame(set = set, quantity = quantity, value = sprintf("%.15g", value))
}
putv <- function(set, quantity, values) for (i in seq_along(values)) put(set, paste0(quantity, "[", i, "]"), values[i])

bcg <- dat.bcg[, c("trial", "author", "year", "tpos", "tneg", "cpos", "cneg", "ablat", "alloc")]
write.csv(bcg, "bcg.csv", row.names = FALSE)
normand <- dat.normand1999[, c("study", "source", "n1i", "m1i", "sd1i", "n2i", "m2i", "sd2i")]
write.csv(normand, "normand1999.csv", row.names = FALSE)
molloy <- dat.molloy2014[, c("authors", "year", "ni", "ri")]
write.csv(molloy, "molloy2014.csv", row.names = FALSE)
pritz <- dat.pritz1997[, c("study", "authors", "xi", "ni")]
write.csv(pritz, "pritz1997.csv", row.names = FALSE)
# A made-up table with zero cells: one study with a zero in one arm, one with no events in either arm.
zeros <- data.frame(study = c("A", "B", "C", "D"), ai = c(0, 3, 0, 12), bi = c(10, 7, 10, 38),
                    ci = c(2, 4, 0, 20), di = c(8, 6, 10, 30))
write.csv(zeros, "zeros.csv", row.names = FALSE)

# 1. Effect sizes
effects <- list(
  "bcg.RR" = escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg),
  "bcg.OR" = escalc("OR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg),
  "bcg.RD" = escalc("RD", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg),
  "zeros.RR" = escalc("RR", ai = ai, bi = bi, ci = ci, di = di, data = zeros),
  "zeros.OR" = escalc("OR", ai = ai, bi = bi, ci = ci, di = di, data = zeros),
  "zeros.RD" = escalc("RD", ai = ai, bi = bi, ci = ci, di = di, data = zeros),
  "normand.SMD" = escalc("SMD", n1i = n1i, m1i = m1i, sd1i = sd1i, n2i = n2i, m2i = m2i, sd2i = sd2i, data = normand),
  "normand.MD" = escalc("MD", n1i = n1i, m1i = m1i, sd1i = sd1i, n2i = n2i, m2i = m2i, sd2i = sd2i, data = normand),
  "molloy.ZCOR" = escalc("ZCOR", ri = ri, ni = ni, data = molloy),
  "pritz.PR" = escalc("PR", xi = xi, ni = ni, data = pritz),
  "pritz.PLO" = escalc("PLO", xi = xi, ni = ni, data = pritz))
for (name in names(effects)) {
  putv(name, "yi", effects[[name]]$yi)
  putv(name, "vi", effects[[name]]$vi)
}

# 2. Models: every estimator, z and Knapp-Hartung tests
model <- function(set, es, method, test) {
  m <- rma(yi, vi, data = es, method = method, test = test)
  name <- paste(set, method, test, sep = ".")
  put(name, "k", m$k)
  put(name, "estimate", m$beta[1]); put(name, "se", m$se); put(name, "statistic", m$zval); put(name, "pValue", m$pval)
  put(name, "ciLower", m$ci.lb); put(name, "ciUpper", m$ci.ub)
  put(name, "tau2", m$tau2); put(name, "I2", m$I2); put(name, "H2", m$H2)
  put(name, "Q", m$QE); put(name, "Qp", m$QEp)
  p <- predict(m)
  if (method != "EE") { put(name, "piLower", p$pi.lb); put(name, "piUpper", p$pi.ub) }
  if (method != "EE") {
    put(name, "seTau2", m$se.tau2)
    # uniroot's default tolerance (1.2e-4 in tau^2) moves the I^2 and H^2 limits in their second decimal; the tight
    # tolerance gives the exact Q-profile limits (the default ones agree with them to 1e-4 in tau^2).
    ci <- confint(m, control = list(tol = 1e-12))$random
    put(name, "tau2CiLower", ci["tau^2", "ci.lb"]); put(name, "tau2CiUpper", ci["tau^2", "ci.ub"])
    put(name, "I2CiLower", ci["I^2(%)", "ci.lb"]); put(name, "I2CiUpper", ci["I^2(%)", "ci.ub"])
    put(name, "H2CiLower", ci["H^2", "ci.lb"]); put(name, "H2CiUpper", ci["H^2", "ci.ub"])
    crit <- qt(0.975, df = m$k - 2)
    put(name, "rileyPiLower", m$beta[1] - crit * sqrt(m$tau2 + m$se^2))
    put(name, "rileyPiUpper", m$beta[1] + crit * sqrt(m$tau2 + m$se^2))
  }
  if (method %in% c("ML", "REML")) {
    put(name, "logLik", m$fit.stats["ll", method]); put(name, "AIC", m$fit.stats["AIC", method])
  }
}
methods <- c("EE", "DL", "HE", "HS", "SJ", "ML", "REML", "EB", "PM")
for (set in c("bcg.RR", "bcg.OR", "normand.SMD", "molloy.ZCOR", "pritz.PLO"))
  for (method in methods) for (test in c("z", "knha")) model(set, effects[[set]], method, test)

# 3. Meta-regression (absolute latitude) and subgroups (allocation) on dat.bcg
es <- effects[["bcg.RR"]]
for (method in c("REML", "DL")) {
  m <- rma(yi, vi, mods = ~ ablat, data = es, method = method)
  name <- paste("bcg.RR.ablat", method, sep = ".")
  putv(name, "b", m$beta); putv(name, "se", m$se); putv(name, "pValue", m$pval)
  put(name, "tau2", m$tau2); put(name, "I2", m$I2); put(name, "H2", m$H2); put(name, "R2", m$R2)
  put(name, "QM", m$QM); put(name, "QMp", m$QMp); put(name, "QE", m$QE); put(name, "QEp", m$QEp)
}
# Subgroups as in RevMan: a separate random-effects model in each group, then Q between the group estimates.
for (method in c("REML", "DL")) {
  name <- paste("bcg.RR.alloc", method, sep = ".")
  groups <- sort(unique(es$alloc))
  b <- c(); v <- c()
  for (g in groups) {
    m <- rma(yi, vi, data = es, subset = alloc == g, method = method)
    put(name, paste0("estimate.", g), m$beta[1]); put(name, paste0("tau2.", g), m$tau2)
    b <- c(b, m$beta[1]); v <- c(v, m$se^2)
  }
  between <- rma(b, v, method = "EE")
  put(name, "Qbetween", between$QE); put(name, "QbetweenP", between$QEp)
}

# 4. Diagnostics on the REML model of dat.bcg
m <- rma(yi, vi, data = es)
r <- regtest(m); put("bcg.RR.REML", "eggerZ", r$zval); put("bcg.RR.REML", "eggerP", r$pval)
r <- ranktest(m); put("bcg.RR.REML", "rankTau", r$tau); put("bcg.RR.REML", "rankP", r$pval)
tf <- trimfill(m)
put("bcg.RR.REML", "trimfillK0", tf$k0); put("bcg.RR.REML", "trimfillRight", tf$side == "right")
put("bcg.RR.REML", "trimfillEstimate", tf$beta[1]); put("bcg.RR.REML", "trimfillTau2", tf$tau2)
putv("bcg.RR.REML", "trimfillYi", tf$yi[tf$fill]); putv("bcg.RR.REML", "trimfillVi", tf$vi[tf$fill])
l1 <- leave1out(m)
putv("bcg.RR.REML", "leave1outEstimate", l1$estimate); putv("bcg.RR.REML", "leave1outTau2", l1$tau2)
putv("bcg.RR.REML", "leave1outI2", l1$I2)
inf <- influence(m)
putv("bcg.RR.REML", "cooksDistance", inf$inf$cook.d); putv("bcg.RR.REML", "weight", weights(m))
putv("bcg.RR.REML", "hat", inf$inf$hat)
for (set in c("normand.SMD", "molloy.ZCOR")) {
  m <- rma(yi, vi, data = effects[[set]])
  name <- paste(set, "REML", sep = ".")
  r <- regtest(m); put(name, "eggerZ", r$zval); put(name, "eggerP", r$pval)
  r <- ranktest(m); put(name, "rankTau", r$tau); put(name, "rankP", r$pval)
  tf <- trimfill(m); put(name, "trimfillK0", tf$k0); put(name, "trimfillEstimate", tf$beta[1])
  putv(name, "cooksDistance", cooks.distance(m))
}

write.csv(do.call(rbind, out), "reference.csv", row.names = FALSE, quote = FALSE)
