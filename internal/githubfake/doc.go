// Package githubfake is an in-memory GitHub REST API for tests. It serves the
// endpoints the action uses (pull requests and their files, review and issue
// comments, reviews, check runs, git trees and blobs, contents, rate limit)
// and enforces the rules that make the real API answer 422 or 403: review
// comment lines outside the diff, start_line not before line, more than 50
// annotations in one request, bodies over 65,536 characters, writes with a
// read-only token. It pages with Link headers, sends rate-limit headers,
// can inject failures, can serve under /api/v3 like GitHub Enterprise
// Server, and records every request.
package githubfake
