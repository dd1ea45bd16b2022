package benchgen

import (
	"math"
	"math/rand/v2"
	"sort"
)

// newRand returns a generator fixed by the seed and a stream number, so
// each part of the data set (and each note's text) has its own sequence
// and the same seed always gives the same data, whatever runs in parallel.
func newRand(seed uint64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, stream*0x9e3779b97f4a7c15+1))
}

// weighted picks indexes in proportion to fixed weights (cumulative
// table and binary search: any weights, any exponent).
type weighted struct {
	cum []float64
}

func newWeighted(weights []float64) *weighted {
	cum := make([]float64, len(weights))
	total := 0.0
	for i, w := range weights {
		total += w
		cum[i] = total
	}
	return &weighted{cum: cum}
}

// zipfWeights returns weights 1/(rank+offset)^s for n ranks: a power law
// (Zipf–Mandelbrot) whose head is flattened by offset.
func zipfWeights(n int, s, offset float64) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = 1 / math.Pow(float64(i+1)+offset, s)
	}
	return w
}

func newZipf(n int, s, offset float64) *weighted { return newWeighted(zipfWeights(n, s, offset)) }

// pick returns an index drawn in proportion to the weights.
func (w *weighted) pick(r *rand.Rand) int {
	if len(w.cum) == 0 {
		return -1
	}
	u := r.Float64() * w.cum[len(w.cum)-1]
	i := sort.SearchFloat64s(w.cum, u)
	if i >= len(w.cum) {
		i = len(w.cum) - 1
	}
	return i
}

func (w *weighted) len() int { return len(w.cum) }

// chance is true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// between returns an integer in [lo, hi].
func between(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// logNormal returns an integer drawn from a log-normal distribution of
// this median and spread, clamped to [lo, hi].
func logNormal(r *rand.Rand, median, sigma float64, lo, hi int) int {
	v := int(math.Round(median * math.Exp(sigma*r.NormFloat64())))
	return max(lo, min(hi, v))
}

// geometric returns a count >= 0 of mean m (a long-tailed small number).
func geometric(r *rand.Rand, m float64) int {
	if m <= 0 {
		return 0
	}
	p := 1 / (1 + m)
	n := 0
	for r.Float64() > p && n < 10000 {
		n++
	}
	return n
}

// oneOf returns a random element of xs.
func oneOf[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }
