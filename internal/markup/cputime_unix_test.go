//go:build unix

package markup

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time this process has used. Timing tests use it
// rather than the wall clock so that other work on the machine does not
// make them fail.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
