package sequelize

import (
	"reflect"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
)

// srcPos is a position in an original (pre-bundle) repository file.
type srcPos struct {
	Path      string
	Line, Col int
}

// astIndex finds, in the parsed bundle, the call a recorded stub call came
// from, and the original lines of the object-literal keys passed to it.
// goja parses the bundle with its inline source map, so every node position
// maps back to the TypeScript or JavaScript line it was written on.
type astIndex struct {
	prog   *ast.Program
	byPos  map[srcPos]*ast.CallExpression
	byLine map[srcPos][]*ast.CallExpression // Col is 0
	// vars maps a variable name to the object literal it was initialised
	// with, so `const attrs = {...}; qi.createTable('t', attrs)` still
	// locates its keys.
	vars map[string]*ast.ObjectLiteral
	// arrays maps a variable name to an array literal initialiser.
	arrays map[string]*ast.ArrayLiteral
}

func newASTIndex(prog *ast.Program) *astIndex {
	x := &astIndex{prog: prog, byPos: map[srcPos]*ast.CallExpression{}, byLine: map[srcPos][]*ast.CallExpression{}, vars: map[string]*ast.ObjectLiteral{}, arrays: map[string]*ast.ArrayLiteral{}}
	walkAST(reflect.ValueOf(prog), func(n any) {
		switch n := n.(type) {
		case *ast.CallExpression:
			p := x.pos(n.LeftParenthesis)
			if p.Path == "" {
				return
			}
			if _, dup := x.byPos[p]; !dup {
				x.byPos[p] = n
			}
			l := srcPos{Path: p.Path, Line: p.Line}
			x.byLine[l] = append(x.byLine[l], n)
		case *ast.Binding:
			if id, ok := n.Target.(*ast.Identifier); ok {
				switch init := n.Initializer.(type) {
				case *ast.ObjectLiteral:
					if _, dup := x.vars[string(id.Name)]; !dup {
						x.vars[string(id.Name)] = init
					}
				case *ast.ArrayLiteral:
					if _, dup := x.arrays[string(id.Name)]; !dup {
						x.arrays[string(id.Name)] = init
					}
				}
			}
		}
	})
	return x
}

var (
	nodeType = reflect.TypeOf((*ast.Node)(nil)).Elem()
	fileType = reflect.TypeOf((*file.File)(nil))
)

// walkAST visits every AST node reachable from v.
func walkAST(v reflect.Value, fn func(any)) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Type() == fileType {
			return
		}
		if v.Type().Implements(nodeType) {
			fn(v.Interface())
		}
		walkAST(v.Elem(), fn)
	case reflect.Interface:
		if !v.IsNil() {
			walkAST(v.Elem(), fn)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if !f.CanInterface() {
				continue
			}
			walkAST(f, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkAST(v.Index(i), fn)
		}
	}
}

// pos maps a bundle offset to its original repository position.
func (x *astIndex) pos(idx file.Idx) srcPos {
	if x == nil || x.prog == nil || x.prog.File == nil || idx <= 0 {
		return srcPos{}
	}
	p := x.prog.File.Position(int(idx) - x.prog.File.Base())
	if !strings.HasPrefix(p.Filename, nsPrefix) {
		return srcPos{}
	}
	return srcPos{Path: strings.TrimPrefix(p.Filename, nsPrefix), Line: p.Line, Col: p.Column}
}

// call finds the call expression recorded at p (the position goja reports
// for a call is its opening parenthesis).
func (x *astIndex) call(p srcPos) *ast.CallExpression {
	if x == nil {
		return nil
	}
	if c, ok := x.byPos[p]; ok {
		return c
	}
	if cs := x.byLine[srcPos{Path: p.Path, Line: p.Line}]; len(cs) == 1 {
		return cs[0]
	}
	return nil
}

// endLine is the original line of the call's closing parenthesis.
func (x *astIndex) endLine(c *ast.CallExpression, start srcPos) int {
	if c == nil {
		return start.Line
	}
	e := x.pos(c.RightParenthesis)
	if e.Path != start.Path || e.Line < start.Line {
		return start.Line
	}
	return e.Line
}

// arg returns argument i of the call.
func (x *astIndex) arg(c *ast.CallExpression, i int) ast.Expression {
	if c == nil || i >= len(c.ArgumentList) {
		return nil
	}
	return c.ArgumentList[i]
}

// object resolves e to an object literal (directly or via a variable).
func (x *astIndex) object(e ast.Expression) *ast.ObjectLiteral {
	switch e := e.(type) {
	case *ast.ObjectLiteral:
		return e
	case *ast.Identifier:
		return x.vars[string(e.Name)]
	}
	return nil
}

// array resolves e to an array literal (directly or via a variable).
func (x *astIndex) array(e ast.Expression) *ast.ArrayLiteral {
	switch e := e.(type) {
	case *ast.ArrayLiteral:
		return e
	case *ast.Identifier:
		return x.arrays[string(e.Name)]
	}
	return nil
}

// keyPos is one property of an object literal.
type keyPos struct {
	Name  string
	Pos   srcPos
	Value ast.Expression
}

// keys lists the properties of an object literal with their positions.
func (x *astIndex) keys(o *ast.ObjectLiteral) []keyPos {
	if o == nil {
		return nil
	}
	var out []keyPos
	for _, p := range o.Value {
		switch p := p.(type) {
		case *ast.PropertyKeyed:
			name := ""
			switch k := p.Key.(type) {
			case *ast.StringLiteral:
				name = string(k.Value)
			case *ast.Identifier:
				name = string(k.Name)
			case *ast.NumberLiteral:
				name = k.Literal
			}
			if name == "" || p.Computed {
				continue
			}
			out = append(out, keyPos{Name: name, Pos: x.pos(p.Key.Idx0()), Value: p.Value})
		case *ast.PropertyShort:
			out = append(out, keyPos{Name: string(p.Name.Name), Pos: x.pos(p.Name.Idx), Value: &p.Name})
		}
	}
	return out
}

// key returns the named property of an object literal.
func (x *astIndex) key(o *ast.ObjectLiteral, name string) (keyPos, bool) {
	for _, k := range x.keys(o) {
		if k.Name == name {
			return k, true
		}
	}
	return keyPos{}, false
}
