package action

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// event is the part of the event payload (GITHUB_EVENT_PATH) the action
// reads.
type event struct {
	Number      int `json:"number"`
	PullRequest *struct {
		Number int `json:"number"`
		Head   struct {
			SHA  string `json:"sha"`
			Ref  string `json:"ref"`
			Repo *struct {
				FullName string `json:"full_name"`
			} `json:"repo"`
		} `json:"head"`
		Base struct {
			SHA  string `json:"sha"`
			Ref  string `json:"ref"`
			Repo *struct {
				FullName string `json:"full_name"`
			} `json:"repo"`
		} `json:"base"`
		User *struct {
			Login string `json:"login"`
		} `json:"user"`
	} `json:"pull_request"`
	Repository *struct {
		FullName      string `json:"full_name"`
		DefaultBranch string `json:"default_branch"`
	} `json:"repository"`
	// After is the pushed commit (push events).
	After string `json:"after"`
	Ref   string `json:"ref"`
	// Inputs are workflow_dispatch inputs.
	Inputs map[string]any `json:"inputs"`
}

func readEvent(path string) (*event, error) {
	ev := &event{}
	if path == "" {
		return ev, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return ev, fmt.Errorf("action: read event payload: %w", err)
	}
	if err := json.Unmarshal(b, ev); err != nil {
		return ev, fmt.Errorf("action: parse event payload %s: %w", path, err)
	}
	return ev, nil
}

// dispatchPR returns a pull request number given as a workflow_dispatch
// input named pr-number or pr_number, if any.
func (e *event) dispatchPR() int {
	for _, k := range []string{"pr-number", "pr_number", "pull_request", "pr"} {
		switch v := e.Inputs[k].(type) {
		case string:
			if n, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(v), "#")); err == nil && n > 0 {
				return n
			}
		case float64:
			if v > 0 {
				return int(v)
			}
		}
	}
	return 0
}
