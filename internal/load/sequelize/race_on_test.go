//go:build race

package sequelize

// raceEnabled is true under the race detector, which slows goja enough
// that timing-based expectations do not hold.
const raceEnabled = true
