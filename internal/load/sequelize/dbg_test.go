package sequelize

import (
	"testing"
	"time"
)

func TestDbgGetter(t *testing.T) {
	files := map[string]string{
		"a.js": "module.exports = {\n  get up() {\n    for (;;) {}\n  },\n};\n",
		"b.js": "module.exports = {\n  get up() {\n    throw new Error('getter');\n  },\n};\n",
		"c.js": "module.exports = new Proxy({}, { get() { throw new Error('proxy'); } });\n",
		"d.js": "Object.defineProperty(Object.prototype, 'then', { get() { for (;;) {} } });\nmodule.exports = { async up(qi) { await qi.dropTable('x'); } };\n",
	}
	for _, m := range LoadMigrations([]string{"a.js", "b.js", "c.js", "d.js"}, memOptions(files, 300*time.Millisecond)) {
		span, msg := firstIssue(m)
		t.Logf("%s: %s:%d %s", m.Path, span.Path, span.Line, msg)
	}
}
