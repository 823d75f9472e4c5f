package sequelize

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
)

//go:embed prelude.js
var preludeSrc string

var preludeProgram = sync.OnceValues(func() (*goja.Program, error) {
	return goja.Compile("prelude.js", preludeSrc, true)
})

// flushProgram is run to drain goja's promise job queue.
var flushProgram = sync.OnceValue(func() *goja.Program {
	p, _ := goja.Compile("flush.js", "undefined", false)
	return p
})

// DefaultTimeout is the time limit of one file when Options.Timeout is zero.
const DefaultTimeout = 2 * time.Second

// maxCallStack bounds JS recursion; goja would otherwise grow the Go stack
// until the process dies.
const maxCallStack = 1500

// memoryBudget is how far the Go heap may grow over its level when the
// watchdog started before the longest-running sandbox is interrupted.
const memoryBudget = 384 << 20

// memoryGrace is how long a sandbox must have run before the heap watchdog
// may blame it.
const memoryGrace = 20 * time.Millisecond

var (
	errTimeout = errors.New("time limit exceeded")
	errMemory  = errors.New("memory budget exceeded")
)

// compiled is a bundle parsed once and run in as many runtimes as needed.
type compiled struct {
	entry string
	prog  *goja.Program
	ast   *ast.Program
	index func() *astIndex
}

func compile(entry, code string) (*compiled, error) {
	a, err := goja.Parse("/bundle.js", code)
	if err != nil {
		return nil, err
	}
	p, err := goja.CompileAST(a, false)
	if err != nil {
		return nil, err
	}
	c := &compiled{entry: entry, prog: p, ast: a}
	c.index = sync.OnceValue(func() *astIndex { return newASTIndex(a) })
	return c, nil
}

// watchdog interrupts runaway sandboxes: each runtime is interrupted at its
// deadline, and when the heap grows past the budget the runtime that has
// been running longest is interrupted.
type watchdog struct {
	mu      sync.Mutex
	running map[*goja.Runtime]time.Time
	refs    int
	stop    chan struct{}
}

var dog = &watchdog{running: map[*goja.Runtime]time.Time{}}

func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// acquire starts the memory monitor for one load call.
func (w *watchdog) acquire() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.refs++
	if w.refs > 1 {
		return
	}
	stop := make(chan struct{})
	w.stop = stop
	base := heapBytes()
	go func() {
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				if heapBytes() <= base+memoryBudget {
					continue
				}
				w.mu.Lock()
				var oldest *goja.Runtime
				var at time.Time
				for vm, started := range w.running {
					if oldest == nil || started.Before(at) {
						oldest, at = vm, started
					}
				}
				// A file that has run only briefly is not the one that grew
				// the heap (ordinary files finish in milliseconds).
				if oldest != nil && time.Since(at) >= memoryGrace {
					oldest.Interrupt(errMemory)
					delete(w.running, oldest)
				}
				w.mu.Unlock()
			}
		}
	}()
}

func (w *watchdog) release() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.refs--
	if w.refs == 0 {
		close(w.stop)
	}
}

func (w *watchdog) enter(vm *goja.Runtime) {
	w.mu.Lock()
	w.running[vm] = time.Now()
	w.mu.Unlock()
}

func (w *watchdog) leave(vm *goja.Runtime) {
	w.mu.Lock()
	delete(w.running, vm)
	w.mu.Unlock()
}

// sandbox is one fresh runtime running one file.
type sandbox struct {
	vm       *goja.Runtime
	c        *compiled
	deadline time.Time
	timer    *time.Timer
	g        *goja.Object // the prelude's __guardian object
	// override, when set, is used as the position of records made from
	// prelude code with no user frame on the stack (decorator thunks
	// evaluated after the module ran).
	override srcPos
	onRecord func(kind string, payload goja.Value, at srcPos) goja.Value
	// stateRead is told of each call that reads the database: the method
	// and, where it has them, the table and column it concerns.
	stateRead func(r stateRead)
	answers   stateAnswers
	root      string
}

// stateAnswers answers the state-reading queryInterface methods.
type stateAnswers interface {
	describeTable(vm *goja.Runtime, table string) goja.Value
	showIndex(vm *goja.Runtime, table string) goja.Value
	foreignKeys(vm *goja.Runtime, table string) goja.Value
	allTables(vm *goja.Runtime) goja.Value
}

// newSandbox creates the runtime, installs the host functions and runs the
// prelude. The time limit starts now.
// stateRead is one call that reads the database.
type stateRead struct {
	Method, Table, Column string
}

func newSandbox(c *compiled, timeout time.Duration, root string) (*sandbox, error) {
	prelude, err := preludeProgram()
	if err != nil {
		return nil, fmt.Errorf("sequelize: prelude: %w", err)
	}
	vm := goja.New()
	vm.SetFieldNameMapper(goja.TagFieldNameMapper("json", true))
	vm.SetMaxCallStackSize(maxCallStack)
	s := &sandbox{vm: vm, c: c, root: root}
	if s.root == "" {
		s.root = "/repo"
	}
	s.deadline = time.Now().Add(timeout)
	s.timer = time.AfterFunc(timeout, func() { vm.Interrupt(errTimeout) })
	dog.enter(vm)
	host := vm.NewObject()
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(host.Set("record", func(call goja.FunctionCall) goja.Value {
		kind := call.Argument(0).String()
		at := s.callerPos()
		if s.onRecord == nil {
			return goja.Undefined()
		}
		return s.onRecord(kind, call.Argument(1), at)
	}))
	must(host.Set("line", func(goja.FunctionCall) goja.Value {
		p := s.callerPos()
		return vm.ToValue(p.Path + "\x00" + strconv.Itoa(p.Line))
	}))
	must(host.Set("lineOverride", func(call goja.FunctionCall) goja.Value {
		s.override = parseLine(call.Argument(0).String())
		return goja.Undefined()
	}))
	must(host.Set("readState", func(call goja.FunctionCall) goja.Value {
		if s.stateRead != nil {
			r := stateRead{Method: call.Argument(0).String()}
			if len(call.Arguments) > 2 {
				r.Table, r.Column = call.Argument(1).String(), call.Argument(2).String()
			}
			s.stateRead(r)
		}
		return goja.Undefined()
	}))
	must(host.Set("describeTable", func(call goja.FunctionCall) goja.Value {
		if s.answers == nil {
			return vm.NewObject()
		}
		return s.answers.describeTable(vm, call.Argument(0).String())
	}))
	must(host.Set("showIndex", func(call goja.FunctionCall) goja.Value {
		if s.answers == nil {
			return vm.NewArray()
		}
		return s.answers.showIndex(vm, call.Argument(0).String())
	}))
	must(host.Set("foreignKeys", func(call goja.FunctionCall) goja.Value {
		if s.answers == nil {
			return vm.NewArray()
		}
		return s.answers.foreignKeys(vm, call.Argument(0).String())
	}))
	must(host.Set("allTables", func(goja.FunctionCall) goja.Value {
		if s.answers == nil {
			return vm.NewArray()
		}
		return s.answers.allTables(vm)
	}))
	must(host.Set("root", s.root))
	must(vm.Set("__host", host))
	if _, err := vm.RunProgram(prelude); err != nil {
		s.close()
		return nil, fmt.Errorf("sequelize: prelude: %w", err)
	}
	s.g = vm.Get("__guardian").ToObject(vm)
	return s, nil
}

// close stops the timers; the runtime is garbage afterwards.
func (s *sandbox) close() {
	s.timer.Stop()
	dog.leave(s.vm)
}

// callerPos is the original position of the innermost user frame, preferring
// frames in the entry file (a call made through a local helper is placed at
// the migration's own line).
func (s *sandbox) callerPos() srcPos {
	frames := s.vm.CaptureCallStack(64, nil)
	var first srcPos
	for _, f := range frames {
		p := f.Position()
		if !strings.HasPrefix(p.Filename, nsPrefix) {
			continue
		}
		sp := srcPos{Path: strings.TrimPrefix(p.Filename, nsPrefix), Line: p.Line, Col: p.Column}
		if sp.Path == s.c.entry {
			return sp
		}
		if first.Path == "" {
			first = sp
		}
	}
	if first.Path == "" && s.override.Line > 0 {
		return s.override
	}
	return first
}

// runModule runs the bundle as a CommonJS module and returns module.exports.
func (s *sandbox) runModule() (goja.Value, error) {
	vm := s.vm
	module := vm.NewObject()
	exports := vm.NewObject()
	_ = module.Set("exports", exports)
	_ = vm.Set("module", module)
	_ = vm.Set("exports", exports)
	if _, err := s.guard(func() (goja.Value, error) { return vm.RunProgram(s.c.prog) }); err != nil {
		return nil, err
	}
	return module.Get("exports"), nil
}

// guard runs f, turning panics into errors, then drains the job queue.
func (s *sandbox) guard(f func() (goja.Value, error)) (v goja.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, fmt.Errorf("sandbox panic: %v", r)
		}
	}()
	v, err = f()
	if err != nil {
		return v, err
	}
	if _, ferr := s.vm.RunProgram(flushProgram()); ferr != nil {
		return v, ferr
	}
	return v, nil
}

// try runs f, which touches user objects from Go (property getters and
// proxies run user code), turning the panics goja raises for JS exceptions
// and interrupts into errors.
func (s *sandbox) try(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			switch e := r.(type) {
			case *goja.Exception:
				err = e
			case *goja.InterruptedError:
				err = e
			case *goja.StackOverflowError:
				err = e
			case error:
				err = fmt.Errorf("sandbox panic: %w", e)
			default:
				err = fmt.Errorf("sandbox panic: %v", r)
			}
		}
	}()
	f()
	return nil
}

// call calls fn with args and waits for the promise it returns, if any.
func (s *sandbox) call(fn goja.Callable, this goja.Value, args ...goja.Value) (goja.Value, error) {
	v, err := s.guard(func() (goja.Value, error) { return fn(this, args...) })
	if err != nil {
		return nil, err
	}
	if p, ok := v.Export().(*goja.Promise); ok {
		switch p.State() {
		case goja.PromiseStateRejected:
			return nil, &rejection{value: p.Result()}
		case goja.PromiseStatePending:
			return nil, errPending
		}
		return p.Result(), nil
	}
	return v, nil
}

var errPending = errors.New("the returned promise never settled (it awaits something the sandbox does not provide)")

// rejection is a rejected promise.
type rejection struct{ value goja.Value }

func (r *rejection) Error() string { return "promise rejected: " + describeValue(r.value) }

func describeValue(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if o, ok := v.(*goja.Object); ok {
		if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
			s := st.String()
			if i := strings.Index(s, "\n"); i >= 0 {
				s = s[:i]
			}
			return s
		}
	}
	return v.String()
}

var stackPosRe = regexp.MustCompile(regexp.QuoteMeta(nsPrefix) + `([^\s:()]+):(\d+)`)

// errorPos finds where an error was raised: the first user frame of its
// stack. It falls back to the entry file's first line.
func (s *sandbox) errorPos(err error) srcPos {
	var text string
	var ex *goja.Exception
	var ie *goja.InterruptedError
	var rj *rejection
	var so *goja.StackOverflowError
	switch {
	case errors.As(err, &ie):
		text = ie.String()
	case errors.As(err, &so):
		text = so.Error()
	case errors.As(err, &ex):
		text = ex.String()
		if o, ok := ex.Value().(*goja.Object); ok {
			if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
				text = st.String() + "\n" + text
			}
		}
	case errors.As(err, &rj):
		if o, ok := rj.value.(*goja.Object); ok {
			if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
				text = st.String()
			}
		}
	default:
		text = err.Error()
	}
	var first srcPos
	for _, m := range stackPosRe.FindAllStringSubmatch(text, -1) {
		n, _ := strconv.Atoi(m[2])
		p := srcPos{Path: m[1], Line: n}
		if p.Path == s.c.entry {
			return p
		}
		if first.Path == "" {
			first = p
		}
	}
	if first.Path != "" {
		return first
	}
	return srcPos{Path: s.c.entry, Line: 1}
}

// errorText is a one-line description of a sandbox error.
func errorText(err error) string {
	var ie *goja.InterruptedError
	var ex *goja.Exception
	var so *goja.StackOverflowError
	switch {
	case errors.As(err, &so):
		return fmt.Sprintf("Maximum call stack size exceeded (the sandbox allows %d frames)", maxCallStack)
	case errors.As(err, &ie):
		if e, ok := ie.Value().(error); ok {
			return e.Error()
		}
		return fmt.Sprint(ie.Value())
	case errors.As(err, &ex):
		return describeValue(ex.Value())
	}
	return err.Error()
}
