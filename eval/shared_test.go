package eval

import (
	"testing"

	"github.com/dyad-events/dyad/internal/testshared"
)

// sharedDir returns ../shared beside the repository, or skips the test.
func sharedDir(t testing.TB) string { return testshared.Dir(t) }
