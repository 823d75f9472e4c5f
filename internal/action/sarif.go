package action

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/migration-guardian/guardian/internal/comment"
	"github.com/migration-guardian/guardian/internal/scan"
)

// writeSARIF writes the SARIF 2.1.0 log of the findings (comment.SARIF) to
// path for code scanning (github/codeql-action/upload-sarif).
func writeSARIF(path string, res *scan.Result) error {
	var b bytes.Buffer
	if err := comment.SARIF(&b, res); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	return nil
}
