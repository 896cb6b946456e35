package when

import (
	"io/fs"
	"testing/fstest"
)

// mapFS builds an in-memory file system from name -> content.
type mapFS map[string]string

func (m mapFS) Open(name string) (fs.File, error) {
	fsys := fstest.MapFS{}
	for k, v := range m {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys.Open(name)
}
