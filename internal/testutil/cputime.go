package testutil

import (
	"syscall"
	"time"
)

// CPUTime is the user+system CPU time this process has used. Benchmarks
// report throughput per CPU-second next to wall-clock figures, because on a
// shared machine the wall clock measures the neighbours as much as the code.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
