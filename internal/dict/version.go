package dict

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Version identifies the loaded dictionaries: a hash of every entry's file,
// line and text, in load order. Stores record it beside each coded event,
// so a user can tell which events an edited dictionary would change and
// re-code them. It is computed on each call; keep the result.
func (d *Dict) Version() string {
	h := sha256.New()
	var buf []byte
	for _, e := range d.Entries {
		buf = append(buf[:0], e.File...)
		buf = append(buf, ':')
		buf = strconv.AppendInt(buf, int64(e.Line), 10)
		buf = append(buf, '\t')
		buf = append(buf, e.String()...)
		buf = append(buf, '\n')
		h.Write(buf)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
