package action

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/comment"
)

// Inputs are the validated action inputs (action.yml). The runner does not
// enforce `required` or types for Docker actions, so every input is checked
// here.
type Inputs struct {
	// Token is github-token; empty means no API access (annotations only).
	Token            string
	Config           string
	WorkingDirectory string
	FailOn           analyze.Severity
	FilterMode       comment.FilterMode
	// MaxComments is the inline-comment cap of the review (0: none).
	MaxComments   int
	Review        bool
	StickySummary bool
	CheckName     string
	// PRNumber is pr-number, for workflow_dispatch; 0 when unset.
	PRNumber     int
	MySQLVersion string
	SARIFFile    string
	// VerifyDSN is verify-dsn: a scratch MySQL server for the live round
	// trip (package verify); empty to skip it.
	VerifyDSN string
}

// maxMaxComments bounds max-comments: beyond it GitHub rejects reviews as
// too large or the secondary rate limit trips.
const maxMaxComments = 100

var mysqlVersionRE = regexp.MustCompile(`^\d+\.\d+(\.\d+)?$`)

// ParseInputs reads and validates the inputs through get (the value of an
// input by its action.yml name, e.g. go-githubactions' GetInput). It
// returns every problem at once, one line each, naming the input and the
// accepted values; the token's value never appears in a message.
func ParseInputs(get func(name string) string) (Inputs, error) {
	in := Inputs{
		Token:            strings.TrimSpace(get("github-token")),
		Config:           strings.TrimSpace(get("config")),
		WorkingDirectory: strings.TrimSpace(get("working-directory")),
		CheckName:        strings.TrimSpace(get("check-name")),
		MySQLVersion:     strings.TrimSpace(get("mysql-version")),
		SARIFFile:        strings.TrimSpace(get("sarif-file")),
		VerifyDSN:        strings.TrimSpace(get("verify-dsn")),
	}
	var errs []error
	bad := func(name, format string, args ...any) {
		errs = append(errs, fmt.Errorf("input %s: %s", name, fmt.Sprintf(format, args...)))
	}
	if in.WorkingDirectory == "" {
		in.WorkingDirectory = "."
	}
	if strings.HasPrefix(in.WorkingDirectory, "/") || hasDotDot(in.WorkingDirectory) {
		bad("working-directory", "%q must be a path inside the repository, like services/api", in.WorkingDirectory)
	}
	if in.CheckName == "" {
		in.CheckName = comment.DefaultCheckName
	}
	if len(in.CheckName) > 100 {
		bad("check-name", "is %d characters long; keep it under 100", len(in.CheckName))
	}

	failOn := get("fail-on")
	if strings.TrimSpace(failOn) == "" {
		failOn = "critical"
	}
	if s, err := analyze.ParseSeverity(failOn); err != nil {
		bad("fail-on", "%q is not one of critical, high, medium, optimization, never", failOn)
	} else {
		in.FailOn = s
	}
	if m, err := comment.ParseFilterMode(get("filter-mode")); err != nil {
		bad("filter-mode", "%q is not one of added, diff_context, file, nofilter", get("filter-mode"))
	} else {
		in.FilterMode = m
	}

	in.MaxComments = comment.MaxInlineComments
	if v := strings.TrimSpace(get("max-comments")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > maxMaxComments {
			bad("max-comments", "%q is not a whole number from 0 to %d", v, maxMaxComments)
		} else {
			in.MaxComments = n
		}
	}
	var err error
	if in.Review, err = parseBool(get("review"), true); err != nil {
		bad("review", "%v", err)
	}
	if in.StickySummary, err = parseBool(get("sticky-summary"), true); err != nil {
		bad("sticky-summary", "%v", err)
	}
	if v := strings.TrimSpace(get("pr-number")); v != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(v, "#"))
		if err != nil || n <= 0 {
			bad("pr-number", "%q is not a pull request number", v)
		} else {
			in.PRNumber = n
		}
	}
	if in.MySQLVersion != "" && !mysqlVersionRE.MatchString(in.MySQLVersion) {
		bad("mysql-version", "%q is not a version like 8.0 or 8.4", in.MySQLVersion)
	}
	if in.SARIFFile != "" && hasDotDot(in.SARIFFile) {
		bad("sarif-file", "%q must not leave the workspace", in.SARIFFile)
	}
	return in, errors.Join(errs...)
}

func hasDotDot(p string) bool {
	for _, part := range strings.Split(strings.ReplaceAll(p, "\\", "/"), "/") {
		if part == ".." {
			return true
		}
	}
	return false
}

// parseBool accepts the spellings YAML and people use.
func parseBool(v string, def bool) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "":
		return def, nil
	case "true", "yes", "on", "1":
		return true, nil
	case "false", "no", "off", "0":
		return false, nil
	}
	return false, fmt.Errorf("%q is not true or false", v)
}
