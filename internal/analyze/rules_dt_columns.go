package analyze

import (
	"fmt"
	"strings"

	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

// The column rules judge the columns that the migrations under review create
// or redefine, as they stand once every migration has run. Their name-based
// heuristics are deliberately narrow: a finding must be true of the column
// it names, so when a name is ambiguous the rules stay silent.

var ruleDT102 = &Rule{
	Code:     "DT102",
	Name:     "identity-not-unique",
	Severity: Medium,
	Title:    "Identity column (email, username, slug) without a UNIQUE key",
	Run:      runDT102,
}

// userIdentity are column names that identify a person on an account-like
// table; slugIdentity identify a row of any table that is not a history.
var (
	userIdentity = wordSet("email email_address username user_name login handle")
	userTables   = wordSet("user account member admin administrator subscriber")
	historyWords = wordSet("history histories log logs audit audits event events redirect redirects revision revisions version versions archive archives old previous")
)

func runDT102(p *Pass) error {
	for _, t := range p.touchedColumns() {
		tb, c := p.finalColumn(t)
		if c == nil {
			continue
		}
		name := strings.ToLower(c.Name)
		words := nameWords(t.table)
		var kind string
		switch {
		case userIdentity[name] && isUserTable(words):
			kind = "identifies an account"
		case name == "slug" && !hasWord(words, historyWords):
			kind = "is the slug a URL uses to find one row"
		default:
			continue
		}
		if inUniqueKey(tb, c.Name) {
			continue
		}
		p.ReportAt(t.span(), t.subject(),
			fmt.Sprintf("Column `%s.%s` %s, but no UNIQUE key covers it: concurrent sign-ups or saves can store the same value twice, and lookups by `%s` then return several rows.", t.table, c.Name, kind, c.Name),
			fmt.Sprintf("Add `UNIQUE KEY %s_%s_uk (%s)` (Sequelize: `unique: true`), or a composite such as (tenant_id, %s) when values are unique per scope; on a table that already holds rows, look for duplicates first: `SELECT %s, COUNT(*) FROM %s GROUP BY %s HAVING COUNT(*) > 1;`.",
				t.table, c.Name, schema.QuoteIdent(c.Name), c.Name, schema.QuoteIdent(c.Name), schema.QuoteIdent(t.table), schema.QuoteIdent(c.Name)))
	}
	return nil
}

// isUserTable reports table names such as users, user_accounts, Members or
// admin_users: the last word (singular) names a person or an account.
func isUserTable(words []string) bool {
	if len(words) == 0 {
		return false
	}
	return userTables[singular(words[len(words)-1])] || userTables[words[len(words)-1]]
}

// inUniqueKey reports whether col is part of the primary key or of a
// UNIQUE index (alone or in a composite).
func inUniqueKey(t *schema.Table, col string) bool {
	for _, ix := range t.Indexes {
		if !ix.Unique && !ix.Primary {
			continue
		}
		for _, part := range ix.Parts {
			if strings.EqualFold(part.Column, col) {
				return true
			}
		}
	}
	return false
}

var ruleDT103 = &Rule{
	Code:     "DT103",
	Name:     "money-as-float",
	Severity: High,
	Title:    "Money stored as FLOAT or DOUBLE",
	Run:      runDT103,
}

var (
	moneyWords = wordSet("price prices cost costs subtotal fee fees tax taxes salary salaries wage wages revenue payment payments refund refunds payout payouts budget money cash income expense expenses earnings")
	// vagueMoney words mean money only on a money table or next to a
	// currency word (invoices.total, wallets.balance, amount_usd), not in
	// scores.total or ingredients.amount.
	vagueMoney  = wordSet("amount amounts balance balances total totals")
	moneyTables = wordSet("order orders invoice invoices payment payments transaction transactions cart carts wallet wallets ledger ledgers bill bills billing charge charges refund refunds subscription subscriptions purchase purchases sale sales price prices quote quotes account accounts")
	currencies  = wordSet("usd eur gbp jpy chf cad aud currency cents")
	// notMoney are words that turn a money word into a measurement or a
	// ratio (total_weight, tax_rate, price_ratio).
	notMoney = wordSet("rate rates ratio percent percentage pct weight distance length width height duration time count score lat lng latitude longitude temperature volume size hours minutes seconds days points factor multiplier share probability")
)

func runDT103(p *Pass) error {
	for _, t := range p.touchedColumns() {
		_, c := p.finalColumn(t)
		if c == nil || (c.Type.Base != "float" && c.Type.Base != "double") {
			continue
		}
		words := nameWords(c.Name)
		money := hasWord(words, moneyWords) ||
			hasWord(words, vagueMoney) && (hasWord(nameWords(t.table), moneyTables) || hasWord(words, currencies))
		if !money || hasWord(words, notMoney) {
			continue
		}
		p.ReportAt(t.span(), t.subject(),
			fmt.Sprintf("Column `%s.%s` holds money as %s, a binary floating-point type: amounts such as 0.10 cannot be stored exactly, so sums and comparisons drift by fractions of a cent.", t.table, c.Name, typeSQL(c.Type)),
			fmt.Sprintf("Use an exact type: `DECIMAL(19,4)` (Sequelize: `DataTypes.DECIMAL(19, 4)`), or an integer count of the smallest unit (`%s_cents BIGINT`). Converting an existing column rebuilds the table; check the values round as expected first.", strings.TrimSuffix(c.Name, "_amount")))
	}
	return nil
}

var ruleDT104 = &Rule{
	Code:     "DT104",
	Name:     "int-overflow-risk",
	Severity: Medium,
	Title:    "Integer type too small for a growing key, byte size or counter",
	Run:      runDT104,
}

var (
	// lookupWords name small reference tables whose keys never grow large.
	lookupWords = wordSet("country countries currency currencies status statuses state states type types role roles permission permissions setting settings category categories language languages locale locales timezone timezones unit units kind kinds")
	byteNames   = wordSet("bytes")
	// highVolume are the things a counter counts that can pass a few
	// billion on a popular row or site; a retry or item count stays small.
	highVolume  = wordSet("view views like likes click clicks download downloads impression impressions hit hits visit visits play plays follower followers vote votes share shares read reads")
	counterEnds = wordSet("count counter")
)

func runDT104(p *Pass) error {
	for _, t := range p.touchedColumns() {
		tb, c := p.finalColumn(t)
		if c == nil || !c.Type.IsInteger() || c.Type.Base == "bigint" {
			continue
		}
		ty := c.Type
		words := nameWords(c.Name)
		tableWords := nameWords(t.table)
		name := strings.ToLower(c.Name)
		switch {
		case c.AutoIncrement && ty.Base == "int" && !ty.Unsigned && isPrimary(tb, c.Name) &&
			!(len(tableWords) > 0 && lookupWords[tableWords[len(tableWords)-1]]):
			p.ReportAt(t.span(), t.subject(),
				fmt.Sprintf("Primary key `%s.%s` is a signed INT AUTO_INCREMENT: its ids run out at 2,147,483,647 (they are never reused, so deleted rows and rolled-back inserts use them up too), after which every INSERT fails with error 1062 (duplicate entry for key PRIMARY).", t.table, c.Name),
				"Use `BIGINT UNSIGNED` for the keys of tables that grow (Sequelize: `DataTypes.BIGINT.UNSIGNED`), and the same type for the columns that reference it. Widening later rebuilds the table and every child table.")
		case hasWord(words, byteNames) || name == "content_length":
			limit := intMax(ty)
			p.ReportAt(t.span(), t.subject(),
				fmt.Sprintf("Column `%s.%s` stores a size in bytes as %s, which stops at %s bytes (%s): larger files or payloads fail to save with error 1264 in strict mode.", t.table, c.Name, typeSQL(ty), commas(limit), humanBytes(limit)),
				"Use `BIGINT UNSIGNED` for byte sizes (Sequelize: `DataTypes.BIGINT.UNSIGNED`).")
		case isHighVolumeCounter(words) && ty.Base != "int" && !(ty.Base == "tinyint" && ty.DisplayWidth == 1):
			p.ReportAt(t.span(), t.subject(),
				fmt.Sprintf("Counter `%s.%s` is %s, which stops at %s: once the count passes it, increments fail with error 1264 (strict mode) or stick at the maximum.", t.table, c.Name, typeSQL(ty), commas(intMax(ty))),
				"Use `INT UNSIGNED`, or `BIGINT UNSIGNED` for counts that can exceed four billion.")
		}
	}
	return nil
}

// isHighVolumeCounter reports counters such as view_count, likes or
// downloadsCount.
func isHighVolumeCounter(words []string) bool {
	if len(words) == 0 || !hasWord(words, highVolume) {
		return false
	}
	return len(words) == 1 || counterEnds[words[len(words)-1]] || highVolume[words[len(words)-1]]
}

// isPrimary reports whether col is (part of) the primary key.
func isPrimary(t *schema.Table, col string) bool {
	pk := t.PrimaryKey()
	if pk == nil {
		return false
	}
	for _, part := range pk.Parts {
		if strings.EqualFold(part.Column, col) {
			return true
		}
	}
	return false
}

// intMax is the largest value an integer type holds.
func intMax(t schema.Type) uint64 {
	bits := map[string]uint{"tinyint": 8, "smallint": 16, "mediumint": 24, "int": 32, "bigint": 64}[t.Base]
	if t.Unsigned {
		return 1<<bits - 1
	}
	return 1<<(bits-1) - 1
}

func commas(n uint64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func humanBytes(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("about %d GiB", (n+1)>>30)
	case n >= 1<<20:
		return fmt.Sprintf("about %d MiB", (n+1)>>20)
	case n >= 1<<10:
		return fmt.Sprintf("about %d KiB", (n+1)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

var ruleDT105 = &Rule{
	Code:     "DT105",
	Name:     "json-as-text",
	Severity: Optimization,
	Title:    "JSON stored in a TEXT or VARCHAR column",
	Run:      runDT105,
}

func runDT105(p *Pass) error {
	for _, t := range p.touchedColumns() {
		_, c := p.finalColumn(t)
		if c == nil || !(c.Type.IsText() || c.Type.Base == "varchar" || c.Type.Base == "char") {
			continue
		}
		words := nameWords(c.Name)
		if len(words) == 0 || words[len(words)-1] != "json" {
			continue
		}
		p.ReportAt(t.span(), t.subject(),
			fmt.Sprintf("Column `%s.%s` is named as JSON but is %s: MySQL accepts any text in it, so malformed documents are stored silently, and queries cannot use JSON functions or indexes on its fields efficiently.", t.table, c.Name, typeSQL(c.Type)),
			"Declare it `JSON` (Sequelize: `DataTypes.JSON`): MySQL then validates every write and stores a binary form that JSON_EXTRACT and multi-valued indexes read directly. Check existing rows first with `SELECT COUNT(*) FROM "+schema.QuoteIdent(t.table)+" WHERE NOT JSON_VALID("+schema.QuoteIdent(c.Name)+");`.")
	}
	return nil
}

var ruleDT107 = &Rule{
	Code:     "DT107",
	Name:     "utf8mb3-charset",
	Severity: Medium,
	Title:    "Deprecated utf8 / utf8mb3 character set",
	Run:      runDT107,
}

func runDT107(p *Pass) error {
	final := p.Final()
	// reported holds the tables reported as a whole in each migration: their
	// columns need no finding of their own there.
	reported := map[string]bool{}
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		if r.Err != nil || r.Op.Change == nil {
			return
		}
		report := func(table, column string) {
			key := st.Migration.Path + "\x00" + table
			t := final.Table(table)
			if t == nil {
				return
			}
			if column == "" {
				if t.Options.Charset != "utf8mb3" || reported[key] {
					return
				}
				reported[key] = true
				p.ReportAt(r.Op.Span, r.Op.Text,
					fmt.Sprintf("Table `%s` uses the utf8mb3 character set (written `utf8`): it is deprecated in MySQL 8 and stores at most 3 bytes a character, so emoji and other 4-byte characters fail with error 1366 or are cut off.", table),
					fmt.Sprintf("Use `DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci`; for a table holding data, convert it with `ALTER TABLE %s CONVERT TO CHARACTER SET utf8mb4` (a table copy; mind indexed VARCHAR columns over 768 characters).", schema.QuoteIdent(table)))
				return
			}
			c := t.Column(column)
			if c == nil || c.Type.Charset != "utf8mb3" || reported[key] {
				return
			}
			p.ReportAt(ColumnSpan(r.Op, column), Subject(r.Op, "column:"+column),
				fmt.Sprintf("Column `%s.%s` uses the utf8mb3 character set (written `utf8`): it is deprecated in MySQL 8 and stores at most 3 bytes a character, so emoji and other 4-byte characters fail with error 1366 or are cut off.", table, column),
				"State `CHARACTER SET utf8mb4` for the column (or drop its CHARACTER SET clause when the table's default is utf8mb4).")
		}
		switch c := r.Op.Change.(type) {
		case *schema.CreateTable:
			if c.Table == nil {
				return
			}
			if saysUTF8MB3(c.Table.Options.Charset, c.Table.Options.Collation) {
				report(c.Table.Name, "")
				return
			}
			for _, col := range c.Table.Columns {
				if saysUTF8MB3(col.Type.Charset, col.Type.Collation) {
					report(c.Table.Name, col.Name)
				}
			}
		case *schema.AlterTable:
			for _, s := range c.Specs {
				switch s := s.(type) {
				case *schema.SetTableOptions:
					if (s.SetCharset || s.SetCollation) && saysUTF8MB3(s.Options.Charset, s.Options.Collation) {
						report(c.Table, "")
					}
				case *schema.ConvertCharset:
					if saysUTF8MB3(s.Charset, s.Collation) {
						report(c.Table, "")
					}
				case *schema.AddColumn:
					if saysUTF8MB3(s.Column.Type.Charset, s.Column.Type.Collation) {
						report(c.Table, s.Column.Name)
					}
				case *schema.ModifyColumn:
					if saysUTF8MB3(s.Column.Type.Charset, s.Column.Type.Collation) {
						report(c.Table, s.Column.Name)
					}
				}
			}
		}
	})
	return nil
}

// saysUTF8MB3 reports whether a statement names utf8/utf8mb3 as a character
// set or through one of its collations.
func saysUTF8MB3(charset, collation string) bool {
	if charset != "" {
		return schema.CanonicalCharset(charset) == "utf8mb3"
	}
	return collation != "" && schema.CharsetOfCollation(schema.CanonicalCollation(collation)) == "utf8mb3"
}

var ruleDT112 = &Rule{
	Code:     "DT112",
	Name:     "timestamp-2038",
	Severity: Optimization,
	Title:    "TIMESTAMP column for far-future dates (year 2038 limit)",
	Run:      runDT112,
}

var futureWords = wordSet("expires expire expiry expiration until renews renewal")

func runDT112(p *Pass) error {
	for _, t := range p.touchedColumns() {
		_, c := p.finalColumn(t)
		if c == nil || c.Type.Base != "timestamp" {
			continue
		}
		words := nameWords(c.Name)
		name := strings.ToLower(c.Name)
		if !hasWord(words, futureWords) && name != "valid_to" && name != "validto" {
			continue
		}
		p.ReportAt(t.span(), t.subject(),
			fmt.Sprintf("Column `%s.%s` holds future dates, but TIMESTAMP ends at 2038-01-19 03:14:07 UTC: any later value (a long licence, a \"never expires\" sentinel such as 2099-12-31, or an ordinary term once 2038 is near) fails with error 1292 in strict mode.", t.table, c.Name),
			"Use `DATETIME` (Sequelize: `DataTypes.DATE` maps to DATETIME) and store UTC; DATETIME reaches year 9999.")
	}
	return nil
}
