package onlineddl

import (
	"fmt"
	"strconv"
	"strings"
)

// Version is a MySQL server version. Patch is meaningful only when
// PatchKnown is set; a version without a patch level stands for the newest
// release of its series.
type Version struct {
	Major, Minor, Patch int
	PatchKnown          bool
}

// ParseVersion reads "8.0", "8.0.28", "8.4" or "5.7". An empty or unreadable
// string is read as 8.0.
func ParseVersion(s string) Version {
	parts := strings.Split(strings.TrimSpace(s), ".")
	v := Version{Major: 8}
	if len(parts) < 2 {
		return v
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return v
	}
	v.Major, v.Minor = major, minor
	if len(parts) > 2 {
		if p, err := strconv.Atoi(parts[2]); err == nil {
			v.Patch, v.PatchKnown = p, true
		}
	}
	return v
}

// AtLeast reports whether v is major.minor.patch or later. A version
// without a patch level counts as the newest release of its series.
func (v Version) AtLeast(major, minor, patch int) bool {
	if v.Major != major {
		return v.Major > major
	}
	if v.Minor != minor {
		return v.Minor > minor
	}
	return !v.PatchKnown || v.Patch >= patch
}

// String writes the version as MAJOR.MINOR[.PATCH].
func (v Version) String() string {
	if v.PatchKnown {
		return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch)
	}
	return fmt.Sprintf("%d.%d", v.Major, v.Minor)
}

// Describe names the version for messages, saying how a version without a
// patch level was read.
func (v Version) Describe() string {
	if v.PatchKnown {
		return "MySQL " + v.String()
	}
	return fmt.Sprintf("MySQL %s (read as the newest %s release; set mysql-version to your exact release)", v.String(), v.String())
}

// The releases that brought INSTANT support.
var (
	instantIntroduced  = [3]int{8, 0, 12} // ALGORITHM=INSTANT, ADD COLUMN last
	instantRename      = [3]int{8, 0, 28} // RENAME COLUMN
	instantAnyPosition = [3]int{8, 0, 29} // ADD COLUMN anywhere, DROP COLUMN
)

func (v Version) atLeast(r [3]int) bool { return v.AtLeast(r[0], r[1], r[2]) }
