package sequelize

import (
	"fmt"
	"testing"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"
)

func TestExp(t *testing.T) {
	files := map[string]string{
		"src/migrations/01.ts": "import { h } from './helper';\nimport {DataTypes} from 'sequelize';\n\nexport async function up(qi: any) {\n  await Promise.resolve(1);\n  await qi.createTable('users', {\n    id: {\n      type: DataTypes.INTEGER,\n    },\n    name: { type: 'x' },\n  });\n  h(qi);\n}\n",
		"src/migrations/helper.ts": "export function h(qi: any) {\n  qi.rec();\n}\n",
	}
	plugin := api.Plugin{Name: "g", Setup: func(b api.PluginBuild) {
		b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
			if a.Kind == api.ResolveEntryPoint {
				return api.OnResolveResult{Path: a.Path, Namespace: "g"}, nil
			}
			if a.Path[0] == '.' {
				return api.OnResolveResult{Path: "src/migrations/helper.ts", Namespace: "g"}, nil
			}
			return api.OnResolveResult{Path: a.Path, External: true}, nil
		})
		b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: "g"}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
			s := files[a.Path]
			return api.OnLoadResult{Contents: &s, Loader: api.LoaderTS}, nil
		})
	}}
	res := api.Build(api.BuildOptions{EntryPoints: []string{"src/migrations/01.ts"}, Bundle: true, Format: api.FormatCommonJS, Sourcemap: api.SourceMapInline, Platform: api.PlatformNode, Target: api.ESNext,
		Supported: map[string]bool{"async-generator": false, "for-await": false, "dynamic-import": false}, Plugins: []api.Plugin{plugin}, Write: false, Outdir: "/out", TsconfigRaw: `{"compilerOptions":{"experimentalDecorators":true}}`})
	for _, e := range res.Errors {
		t.Log(e.Text)
	}
	out := string(res.OutputFiles[0].Contents)
	fmt.Println(res.OutputFiles[0].Path)
	fmt.Println(out[:min(len(out), 1500)])
	vm := goja.New()
	prog, err := goja.Parse("/bundle.js", out)
	if err != nil {
		t.Fatal(err)
	}
	p, err := goja.CompileAST(prog, false)
	if err != nil {
		t.Fatal(err)
	}
	mod := vm.NewObject()
	exp := vm.NewObject()
	mod.Set("exports", exp)
	vm.Set("module", mod)
	vm.Set("exports", exp)
	vm.Set("require", func(s string) goja.Value { o := vm.NewObject(); o.Set("DataTypes", vm.NewObject()); return o })
	if _, err := vm.RunProgram(p); err != nil {
		t.Fatal(err)
	}
	qi := vm.NewObject()
	stack := func(goja.FunctionCall) goja.Value {
		for _, f := range vm.CaptureCallStack(0, nil) {
			fmt.Println("frame", f.SrcName(), f.FuncName(), f.Position())
		}
		return goja.Undefined()
	}
	qi.Set("createTable", stack)
	qi.Set("rec", stack)
	up, _ := goja.AssertFunction(mod.Get("exports").ToObject(vm).Get("up"))
	v, err := up(goja.Undefined(), qi)
	vm.RunString(";")
	fmt.Println(v.Export().(*goja.Promise).State(), v.Export().(*goja.Promise).Result(), err)
	fmt.Println(prog.File.Position(100))
}
