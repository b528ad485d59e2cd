#!/usr/bin/env python3
"""Reference values for the screening engine's tests, computed independently with scikit-learn.

Run with Debian's python3-sklearn (1.2.1):  /usr/bin/python3 tools/screening-reference/reference_values.py
It reads ../shared/datasets/Nagtegaal_2019.csv (beside the repository) and writes
tests/Evidence.Analytics.Tests/Screening/Reference/sklearn-reference.json. The tests read only that JSON.

What it computes (ASReview's defaults re-stated from its documentation, not its code):
- TF-IDF (ngram_range=(1, 2), sublinear_tf=True, max_df=0.95, smooth idf, L2) on the first 50 records' title + " " +
  abstract: vocabulary size, the idf and column of a few terms, and every row's entries for records 0-2.
- MultinomialNB(alpha=3.822) fitted with ASReview-style balanced weights (ratio 1.2) on records 0-49 (features fitted on
  all 2,019 records with English stop words), probabilities of relevance for records 50-99.
- LinearSVC(C=0.11, squared hinge) with balanced weights (ratio 9.8) on the same training set: decision values for
  records 50-99 (the optimum is unique; the solver's tolerance leaves ~1e-3 differences).
"""
import csv
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer, ENGLISH_STOP_WORDS
from sklearn.naive_bayes import MultinomialNB
from sklearn.svm import LinearSVC

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "..", "shared", "datasets", "Nagtegaal_2019.csv")
OUT = os.path.join(ROOT, "tests", "Evidence.Analytics.Tests", "Screening", "Reference", "sklearn-reference.json")


def text(row):
    parts = [p.strip() for p in (row["title"], row["abstract"]) if p and p.strip()]
    return " ".join(parts)


def balanced(y, ratio):
    y = np.asarray(y)
    n1, n0 = (y == 1).sum(), (y == 0).sum()
    w = np.where(y == 1, 1.0, n1 / (ratio * n0))
    return w * len(y) / w.sum()


def main():
    with open(DATA, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    texts = [text(r) for r in rows]
    labels = [int(r["label_included"]) for r in rows]

    small = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, max_df=0.95)
    xs = small.fit_transform(texts[:50])
    vocab = small.get_feature_names_out()
    terms = [t for t in ("nudge", "the", "health", "of the", "physicians", "clinical decision") if t in small.vocabulary_]
    slice_ = {
        "records": 50,
        "vocabulary": int(len(vocab)),
        "terms": {t: {"column": int(small.vocabulary_[t]), "idf": float(small.idf_[small.vocabulary_[t]])} for t in terms},
        "rows": {str(i): {str(int(j)): float(v) for j, v in zip(xs[i].indices, xs[i].data)} for i in range(3)},
    }

    # Training set: records 0-49 plus the first 5 relevant records after them (the first 50 hold few relevant ones).
    relevant_after = [i for i in range(100, len(rows)) if labels[i] == 1][:5]
    train = list(range(50)) + relevant_after
    y = [labels[i] for i in train]
    test = list(range(50, 100))

    nb_features = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, max_df=0.95, stop_words="english").fit_transform(texts)
    nb = MultinomialNB(alpha=3.822).fit(nb_features[train], y, sample_weight=balanced(y, 1.2))
    svm_features = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, max_df=0.95).fit_transform(texts)
    svm = LinearSVC(C=0.11, loss="squared_hinge").fit(svm_features[train], y, sample_weight=balanced(y, 9.8))

    out = {
        "sklearn": sklearn.__version__,
        "data": "Nagtegaal_2019.csv (sha256 abfbdb97...)",
        "stopWords": len(ENGLISH_STOP_WORDS),
        "tfidfSlice": slice_,
        "train": train,
        "test": test,
        "naiveBayesProbability": [float(p) for p in nb.predict_proba(nb_features[test])[:, 1]],
        "svmDecision": [float(d) for d in svm.decision_function(svm_features[test])],
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", OUT, file=sys.stderr)


if __name__ == "__main__":
    main()
