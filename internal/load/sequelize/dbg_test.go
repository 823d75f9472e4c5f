package sequelize

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

func BenchmarkPreludeParts(b *testing.B) {
	markers := []string{"  // ---- data types", "  function typeDesc(t)", "  // ---- recording", "  // ---- models", "  // ---- sequelize-typescript decorators", "  // ---- the Sequelize class and modules", "  // ---- globals", "  // Allocation guards", "  // ---- driver entry points"}
	for _, m := range markers {
		i := strings.Index(preludeSrc, m)
		if i < 0 {
			b.Fatal(m)
		}
		src := preludeSrc[:i] + "\n  return;\n" + preludeSrc[i:]
		p, err := goja.Compile("p.js", src, true)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimSpace(strings.TrimPrefix(m, "  // ----")), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				vm := goja.New()
				vm.Set("__host", vm.NewObject())
				if _, err := vm.RunProgram(p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
