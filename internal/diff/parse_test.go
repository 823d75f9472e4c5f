package diff

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	const text = `diff --git a/db/001.sql b/db/001.sql
index 1111111..2222222 100644
--- a/db/001.sql
+++ b/db/001.sql
@@ -1,3 +1,4 @@
 CREATE TABLE a (
-  id INT
+  id INT NOT NULL,
+  name TEXT
 );
diff --git a/db/002.sql b/db/002.sql
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/db/002.sql
@@ -0,0 +1,2 @@
+DROP TABLE a;
+-- done
diff --git a/old.sql b/new.sql
similarity index 100%
rename from old.sql
rename to new.sql
diff --git a/gone.sql b/gone.sql
deleted file mode 100644
index 4444444..0000000
--- a/gone.sql
+++ /dev/null
@@ -1 +0,0 @@
-SELECT 1;
`
	files, err := Parse(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 4 {
		t.Fatalf("got %d files, want 4", len(files))
	}
	tests := []struct {
		name     string
		file     *File
		added    []int
		notAdded []int
		hunkLine int
		newPath  string
	}{
		{"modified", files[0], []int{2, 3}, []int{1, 4}, 4, "db/001.sql"},
		{"new", files[1], []int{1, 2}, []int{3}, 2, "db/002.sql"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.file.NewPath != tt.newPath {
				t.Errorf("NewPath = %q, want %q", tt.file.NewPath, tt.newPath)
			}
			for _, l := range tt.added {
				if !tt.file.Lines.IsAdded(l) {
					t.Errorf("line %d not added", l)
				}
			}
			for _, l := range tt.notAdded {
				if tt.file.Lines.IsAdded(l) {
					t.Errorf("line %d added", l)
				}
			}
			if !tt.file.Lines.InHunk(tt.hunkLine) {
				t.Errorf("line %d not in hunk", tt.hunkLine)
			}
		})
	}
	if !files[2].IsRename || files[2].OldPath != "old.sql" || files[2].NewPath != "new.sql" {
		t.Errorf("rename = %+v", files[2])
	}
	if !files[3].IsDelete {
		t.Errorf("delete = %+v", files[3])
	}
}

func TestParsePatch(t *testing.T) {
	tests := []struct {
		name   string
		patch  string
		added  []int
		inHunk []int
		out    []int
		hunks  int
	}{
		{"two hunks", "@@ -1,2 +1,3 @@\n a\n+b\n c\n@@ -10,2 +11,2 @@\n x\n-y\n+z\n", []int{2, 12}, []int{1, 3, 11}, []int{5, 13}, 2},
		{"no trailing newline", "@@ -0,0 +1 @@\n+only", []int{1}, []int{1}, []int{2}, 1},
		{"empty", "", nil, nil, []int{1}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParsePatch(tt.patch)
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Hunks) != tt.hunks {
				t.Errorf("hunks = %v, want %d", l.Hunks, tt.hunks)
			}
			for _, n := range tt.added {
				if !l.IsAdded(n) {
					t.Errorf("line %d not added", n)
				}
			}
			for _, n := range tt.inHunk {
				if !l.InHunk(n) {
					t.Errorf("line %d not in hunk", n)
				}
			}
			for _, n := range tt.out {
				if l.InHunk(n) {
					t.Errorf("line %d in hunk", n)
				}
			}
		})
	}
	if _, err := ParsePatch("@@ garbage @@\n+x\n"); err == nil {
		t.Error("garbage hunk header: want an error")
	}
}
