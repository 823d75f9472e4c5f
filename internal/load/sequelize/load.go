package sequelize

import (
	"runtime"
	"sync"
	"time"
)

// File is a repository file given by content, for the static scans.
type File struct {
	Path string // repository-relative, slash-separated
	Data []byte
}

// Options configures loading.
type Options struct {
	// Root is the repository root on disk, used to read local imports when
	// Read is nil; it may be empty when files come from memory.
	Root string
	// Timeout is the time limit of each file (DefaultTimeout when zero).
	Timeout time.Duration
	// Read reads a repository file by its repository-relative path. When
	// nil, files are read from Root, refusing paths and symlinks that leave
	// it. Bundling never reads anything else.
	Read func(path string) ([]byte, error)
}

// parallel computes f(0..n-1) on a bounded pool of workers (one per
// available CPU) and returns the results in index order. A panic in f(i)
// becomes onPanic(i, value).
func parallel[T any](n int, f func(i int) T, onPanic func(i int, v any) T) []T {
	out := make([]T, n)
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				func() {
					defer func() {
						if v := recover(); v != nil {
							out[i] = onPanic(i, v)
						}
					}()
					out[i] = f(i)
				}()
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
