//go:build unix

package tag

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used. The benchmark reports
// tokens per CPU-second besides wall-clock tokens/s because the machine it
// was tuned on is shared, and wall time there measures the neighbours too.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
