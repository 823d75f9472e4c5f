package sqlmig
import ("testing";"fmt";"os";"io/fs";"path/filepath";"strings")
func TestZZRepo(t *testing.T) {
	root := "../../../testdata"
	n, na := 0, 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".sql") { return nil }
		data, _ := os.ReadFile(p)
		for _, op := range ParseStatements(p, data, 1) {
			n++
			if op.Change == nil { na++; fmt.Printf("%s:%d %s\n   %q\n", p, op.Span.Line, op.NotAnalyzed, op.Text) }
		}
		return nil
	})
	fmt.Println("ops", n, "not analysed", na)
}
