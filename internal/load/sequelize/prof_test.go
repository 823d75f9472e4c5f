package sequelize

import "testing"

func BenchmarkLoad200(b *testing.B) {
	dir := b.TempDir()
	migs, _ := writeBenchRepo(b, dir, 200, 0)
	o := Options{Root: dir}
	cpu0 := cpuTime()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		LoadMigrations(migs, o)
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}
