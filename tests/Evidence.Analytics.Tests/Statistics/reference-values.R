# Independent reference values for the Statistics and Screening tests (R 4.2.2, base R only).
# Run: Rscript tests/Evidence.Analytics.Tests/Statistics/reference-values.R
# The kappa function transcribes GUIDE.md §6 (Fleiss, Cohen & Everitt 1969 SE; null SE) independently of the C#.
options(digits = 10)
w <- prop.test(13, 15, correct = FALSE)$conf.int; cat("wilson 13/15", w, "\n")
cp <- binom.test(13, 15)$conf.int; cat("cp 13/15", cp, "p", binom.test(13, 15)$p.value, "\n")
cat("sign 9/9", binom.test(9, 9)$p.value, " 5/6", binom.test(5, 6)$p.value, "\n")
cat("cp 0/10", binom.test(0, 10)$conf.int, " wilson 0/10", prop.test(0, 10, correct = FALSE)$conf.int, "\n")
cat("wilson 7/9", prop.test(7, 9, correct = FALSE)$conf.int, " wilson 2/2", prop.test(2, 2, correct = FALSE)$conf.int, "\n")
cat("cp 13/15 90%", binom.test(13, 15, conf.level = 0.9)$conf.int, "\n")
kappa <- function(t) { n <- sum(t); p <- t / n; r <- rowSums(p); c <- colSums(p); po <- sum(diag(p)); pe <- sum(r * c); k <- (po - pe) / (1 - pe)
  A <- sum(diag(p) * (1 - (r + c) * (1 - k))^2); B <- 0
  for (i in 1:2) for (j in 1:2) if (i != j) B <- B + p[i, j] * (c[i] + r[j])^2
  B <- (1 - k)^2 * B; C <- (k - pe * (1 - k))^2
  se <- sqrt(A + B - C) / ((1 - pe) * sqrt(n)); se0 <- sqrt(pe + pe^2 - sum(r * c * (r + c))) / ((1 - pe) * sqrt(n))
  c(po = po, pe = pe, kappa = k, se = se, lo = k - qnorm(.975) * se, hi = k + qnorm(.975) * se, se0 = se0, pabak = 2 * po - 1) }
print(kappa(matrix(c(1395, 261, 118, 158), 2)))
print(kappa(matrix(c(58, 12, 4, 31), 2)))

# Output:
# wilson 13/15 0.6211801717 0.9626387409 
# cp 13/15 0.5953973034 0.9834240866 p 0.007385253906 
# sign 9/9 0.00390625  5/6 0.21875 
# cp 0/10 0 0.3084971078  wilson 0/10 0 0.2775327999 
# wilson 7/9 0.4525889691 0.9367748929  wilson 2/2 0.3423802275 1 
# cp 13/15 90% 0.6365582345 0.9757742675 
#            po            pe         kappa            se            lo 
# 0.80383022774 0.70223306714 0.34119692078 0.02629137197 0.28966677863 
#            hi           se0         pabak 
# 0.39272706294 0.02203671757 0.60766045549 
#            po            pe         kappa            se            lo 
# 0.84761904762 0.53015873016 0.67567567568 0.07344760734 0.53172101053 
#            hi           se0         pabak 
# 0.81963034082 0.09629831790 0.69523809524 
