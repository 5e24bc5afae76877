package coder

import (
	"testing"

	"github.com/marsad-project/marsad/internal/dict"
)

func defaultDict(t testing.TB) *dict.Dict {
	t.Helper()
	d, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func defaultDictErr() (*dict.Dict, error) { return dict.Default() }
