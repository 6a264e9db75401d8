# The funnel limits of funnel_test.go, worked out apart from the Go code (python3, stdlib only).
# Run: python3 internal/need/testdata/poisson_limits.py  (about 20 s, most of it E = 10,000)
# Poisson funnel limits by hand: exact rational partial sums of E^k/k!, times exp(-E).
import math
from fractions import Fraction
def cdf(E, r):
    s = sum(Fraction(E**k, math.factorial(k)) for k in range(r + 1))
    return float(s) * math.exp(-E)
def pmf(E, r):
    return float(Fraction(E**r, math.factorial(r))) * math.exp(-E)
for E in (1, 10, 100):
    for p in (0.001, 0.025, 0.975, 0.999):
        r = 0
        while cdf(E, r) < p:
            r += 1
        c, f = cdf(E, r), pmf(E, r)
        a = (c - p) / f
        y = max(0.0, r - a)
        print(f"E={E} p={p}: r={r} P(X<=r)={c:.12f} P(X=r)={f:.12f} alpha={a:.10f} limit={y/E:.10f}")
# A fractional E, exactly 5/2, the same way.
E = Fraction(5, 2)
def cdfq(r): return float(sum(E**k / math.factorial(k) for k in range(r + 1))) * math.exp(-2.5)
def pmfq(r): return float(E**r / math.factorial(r)) * math.exp(-2.5)
for p in (0.001, 0.025, 0.975, 0.999):
    r = 0
    while cdfq(r) < p: r += 1
    c, f = cdfq(r), pmfq(r); a = (c - p) / f
    print(f"E=2.5 p={p}: r={r} P(X<=r)={c:.12f} P(X=r)={f:.12f} alpha={a:.10f} limit={max(0, r - a)/2.5:.10f}")
# A large E, 10,000: log P(X=k) = k log E - E - log(k!) with k! an exact integer; fsum of the terms.
E = 10000
terms, fact = [], 1
for k in range(0, 10500):
    if k: fact *= k
    terms.append(math.exp(k * math.log(E) - E - math.log(fact)))
for p in (0.001, 0.025, 0.975, 0.999):
    r = 0
    while math.fsum(terms[:r + 1]) < p: r += 1
    c = math.fsum(terms[:r + 1]); f = terms[r]; a = (c - p) / f
    print(f"E=10000 p={p}: r={r} P(X<=r)={c:.12f} P(X=r)={f:.12f} alpha={a:.10f} limit={max(0, r - a)/E:.10f}")
