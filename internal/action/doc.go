// Package action runs Migration Guardian as a GitHub Action: it reads the
// inputs and the event, builds the change and the head tree from the GitHub
// API or the checked-out workspace, runs the scan, and publishes a pull
// request review, a check run, a sticky summary comment, the job summary and
// workflow annotations. Publishing never changes the exit code; only the
// findings and fail-on do.
package action
