//go:build !linux

package search

import "time"

// threadCPU is only measured on Linux.
func threadCPU() (time.Duration, bool) { return 0, false }

// processCPU is only measured on Linux.
func processCPU() time.Duration { return 0 }
