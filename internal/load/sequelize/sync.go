package sequelize

import (
	"errors"
	"fmt"
	"path"
	"reflect"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"

	"github.com/migration-guardian/guardian/internal/ir"
)

// SyncCall is a schema-destroying call found in application code: a
// sync({ force: true }), sync({ alter: ... }) or dropAllTables().
type SyncCall struct {
	Span ir.Span
	// Method is "sync" or "dropAllTables".
	Method string
	Force  bool
	Alter  bool
	// Receiver is the source text of the callee's object when it is a
	// plain name or member chain ("sequelize", "User", "db.sequelize").
	Receiver string
}

// FindSyncCalls finds sync({force: true}), sync({alter: true | {...}}),
// Model.sync({force}) and dropAllTables() calls without executing anything:
// each file is stripped of TypeScript by esbuild, parsed by goja's parser
// and its AST walked; positions map back through the source map. Files that
// do not parse are skipped.
func FindSyncCalls(files []File) []SyncCall {
	var out []SyncCall
	for _, f := range files {
		out = append(out, findSyncCalls(f)...)
	}
	return out
}

func findSyncCalls(f File) (out []SyncCall) {
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	p, ok := cleanRel(f.Path)
	if !ok {
		return nil
	}
	code, err := transform(p, f.Data)
	if err != nil {
		return nil
	}
	prog, err := goja.Parse("/"+path.Base(p)+".js", code)
	if err != nil {
		return nil
	}
	x := &astIndex{prog: prog}
	walkAST(reflect.ValueOf(prog), func(n any) {
		call, ok := n.(*ast.CallExpression)
		if !ok {
			return
		}
		dot, ok := call.Callee.(*ast.DotExpression)
		if !ok {
			return
		}
		method := string(dot.Identifier.Name)
		sc := SyncCall{Method: method, Receiver: exprText(dot.Left)}
		switch method {
		case "dropAllTables":
		case "sync":
			if len(call.ArgumentList) == 0 {
				return
			}
			o, ok := call.ArgumentList[0].(*ast.ObjectLiteral)
			if !ok {
				return
			}
			if k, ok := x.key(o, "force"); ok && truthy(k.Value) {
				sc.Force = true
			}
			if k, ok := x.key(o, "alter"); ok && truthy(k.Value) {
				sc.Alter = true
			}
			if !sc.Force && !sc.Alter {
				return
			}
		default:
			return
		}
		start := x.pos(dot.Identifier.Idx)
		if start.Path == "" {
			return
		}
		end := x.pos(call.RightParenthesis)
		sc.Span = ir.Span{Path: start.Path, Line: start.Line, EndLine: start.Line}
		if end.Path == start.Path && end.Line >= start.Line {
			sc.Span.EndLine = end.Line
		}
		out = append(out, sc)
	})
	return out
}

// truthy reports whether an option value is statically true: true, a
// non-zero number, an object literal, or an expression that is not a
// false/0/null/undefined literal (a variable may well be true).
func truthy(e ast.Expression) bool {
	switch e := e.(type) {
	case *ast.BooleanLiteral:
		return e.Value
	case *ast.NullLiteral:
		return false
	case *ast.NumberLiteral:
		return e.Literal != "0"
	case *ast.Identifier:
		return e.Name != "undefined"
	}
	return true
}

func exprText(e ast.Expression) string {
	switch e := e.(type) {
	case *ast.Identifier:
		return string(e.Name)
	case *ast.DotExpression:
		// esbuild turns `import { x } from './m'` into import_m.x.
		if id, ok := e.Left.(*ast.Identifier); ok && strings.HasPrefix(string(id.Name), "import_") {
			return string(e.Identifier.Name)
		}
		if l := exprText(e.Left); l != "" {
			return l + "." + string(e.Identifier.Name)
		}
	case *ast.CallExpression:
		if l := exprText(e.Callee); l != "" {
			return l + "()"
		}
	case *ast.ThisExpression:
		return "this"
	}
	return ""
}

// ReadSequelizeRC evaluates a .sequelizerc in the sandbox, with a stub
// `path` module whose resolve/join work on the repository root, and returns
// its models-path and migrations-path relative to the repository root
// (empty when not set).
func ReadSequelizeRC(data []byte) (modelsPath, migrationsPath string, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("sequelize: .sequelizerc: %v", v)
		}
	}()
	r := &repo{read: func(p string) ([]byte, error) {
		if p == ".sequelizerc" {
			return data, nil
		}
		return nil, errors.New("not readable")
	}}
	b := r.bundleAs(".sequelizerc", loaderJS)
	if b.Code == "" {
		msg := "cannot bundle"
		if len(b.Problems) > 0 {
			msg = fmt.Sprintf("line %d: %s", b.Problems[0].Line, b.Problems[0].Message)
		}
		return "", "", fmt.Errorf("sequelize: .sequelizerc: %s", msg)
	}
	c, err := compile(".sequelizerc", b.Code)
	if err != nil {
		return "", "", fmt.Errorf("sequelize: .sequelizerc: %w", err)
	}
	dog.acquire()
	defer dog.release()
	sb, err := newSandbox(c, DefaultTimeout, rcRoot)
	if err != nil {
		return "", "", err
	}
	defer sb.close()
	exports, err := sb.runModule()
	if err != nil {
		return "", "", fmt.Errorf("sequelize: .sequelizerc: %s", errorText(err))
	}
	if exports == nil || goja.IsUndefined(exports) || goja.IsNull(exports) {
		return "", "", nil
	}
	err = sb.try(func() {
		eo := exports.ToObject(sb.vm)
		if d := eo.Get("default"); d != nil && !goja.IsUndefined(d) && !goja.IsNull(d) {
			if do, ok := d.(*goja.Object); ok && eo.Get("models-path") == nil && eo.Get("migrations-path") == nil {
				eo = do
			}
		}
		get := func(k string) string {
			v := eo.Get(k)
			if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
				return ""
			}
			return rcRel(v.String())
		}
		modelsPath, migrationsPath = get("models-path"), get("migrations-path")
	})
	if err != nil {
		return "", "", fmt.Errorf("sequelize: .sequelizerc: %s", errorText(err))
	}
	return modelsPath, migrationsPath, nil
}

// rcRoot is the repository root as the .sequelizerc sandbox sees it.
const rcRoot = "/__repo__"

// rcRel makes a path from .sequelizerc repository-relative.
func rcRel(p string) string {
	p = path.Clean(p)
	switch {
	case p == rcRoot:
		return "."
	case strings.HasPrefix(p, rcRoot+"/"):
		return strings.TrimPrefix(p, rcRoot+"/")
	case strings.HasPrefix(p, "./"):
		return strings.TrimPrefix(p, "./")
	}
	return p
}
