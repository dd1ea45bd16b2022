//go:build !race

package markup

// raceEnabled relaxes time limits under the race detector.
const raceEnabled = false
