package main

import (
	"fmt"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=v0.1.0";
// otherwise the module build info is used.
var version = ""

func init() {
	register(command{name: "version", summary: "print dyad's version", run: func(e *env, args []string) int {
		v := version
		if v == "" {
			v = "devel"
			if bi, ok := debug.ReadBuildInfo(); ok {
				if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
					v = bi.Main.Version
				}
				for _, s := range bi.Settings {
					if s.Key == "vcs.revision" && len(s.Value) >= 12 {
						v += " " + s.Value[:12]
					}
				}
			}
		}
		fmt.Fprintln(e.stdout, "dyad", v)
		return 0
	}})
}
