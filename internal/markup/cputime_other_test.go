//go:build !unix

package markup

import "time"

// startup anchors cpuTime where the process cannot report its CPU time.
var startup = time.Now()

// cpuTime falls back to the wall clock where the process cannot report
// its CPU time.
func cpuTime() time.Duration { return time.Since(startup) }
