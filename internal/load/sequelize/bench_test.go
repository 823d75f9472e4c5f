package sequelize

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the user+system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// writeBenchRepo writes nMig migrations (half JS, half TS) and nModels
// models into dir and returns their repository paths.
func writeBenchRepo(tb testing.TB, dir string, nMig, nModels int) (migs, models []string) {
	tb.Helper()
	for _, d := range []string{"migrations", "models"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			tb.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(filepath.Join(dir, p), []byte(s), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	for i := 0; i < nMig; i++ {
		var p, s string
		if i%2 == 0 {
			p = fmt.Sprintf("migrations/2024%010d-create-t%d.js", i, i)
			s = fmt.Sprintf(`'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('t%[1]d', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: Sequelize.STRING(100), allowNull: false },
      parentId: { type: Sequelize.INTEGER, references: { model: 't%[2]d', key: 'id' }, onDelete: 'CASCADE' },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addIndex('t%[1]d', ['name']);
  },
  async down(queryInterface) {
    await queryInterface.dropTable('t%[1]d');
  },
};
`, i, max(i-1, 0))
		} else {
			p = fmt.Sprintf("migrations/2024%010d-alter-t%d.ts", i, i-1)
			s = fmt.Sprintf(`import { QueryInterface, DataTypes } from 'sequelize';

export async function up(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.addColumn('t%[1]d', 'status', {
    type: DataTypes.ENUM('active', 'archived'),
    allowNull: false,
    defaultValue: 'active',
  });
  await queryInterface.changeColumn('t%[1]d', 'name', { type: DataTypes.STRING(200) });
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.removeColumn('t%[1]d', 'status');
}
`, i-1)
		}
		write(p, s)
		migs = append(migs, p)
	}
	for i := 0; i < nModels; i++ {
		p := fmt.Sprintf("models/m%d.ts", i)
		write(p, fmt.Sprintf(`import { DataTypes, Model, Optional, Sequelize } from 'sequelize';

interface Attrs { id: number; name: string; status: string }
type Creation = Optional<Attrs, 'id'>;

export class M%[1]d extends Model<Attrs, Creation> {
  static associate(models: any) {
    M%[1]d.belongsTo(models.M%[2]d, { foreignKey: 'parentId', onDelete: 'CASCADE' });
  }
}

export default function init(sequelize: Sequelize) {
  M%[1]d.init({
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    status: { type: DataTypes.ENUM('active', 'archived'), allowNull: false, defaultValue: 'active' },
  }, { sequelize, tableName: 't%[1]d', indexes: [{ fields: ['name'] }] });
  return M%[1]d;
}
`, i, max(i-1, 0)))
		models = append(models, p)
	}
	return migs, models
}

func BenchmarkLoad1000Migrations100Models(b *testing.B) {
	dir := b.TempDir()
	migs, models := writeBenchRepo(b, dir, 1000, 100)
	o := Options{Root: dir}
	cpu0 := cpuTime()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		ms := LoadMigrations(migs, o)
		mods, problems := LoadModels(models, o)
		if len(ms) != 1000 || len(mods) != 100 || len(problems) != 0 {
			b.Fatalf("got %d migrations, %d models, problems %v", len(ms), len(mods), problems)
		}
		for _, m := range ms {
			if len(m.Problems) > 0 || len(m.Up) != 2 {
				b.Fatalf("%s: %+v %+v", m.Path, m.Problems, m.Up)
			}
		}
	}
	b.StopTimer()
	// CPU seconds per iteration: wall time is meaningless on a shared,
	// oversubscribed machine; CPU/2 is the wall time on two idle cores.
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}
