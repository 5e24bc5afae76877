package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// Fetcher gets feeds and pages over HTTP(S). It refuses private, loopback,
// link-local and other non-public addresses unless AllowPrivate is set.
// The check runs on the resolved address at dial time (a Dialer Control
// function), so neither a hostname that resolves to 127.0.0.1 nor a
// redirect to one gets through, and DNS rebinding cannot swap the address
// after the check. Proxies from the environment are not used, since a
// proxy would dial on our behalf past the check.
type Fetcher struct {
	AllowPrivate bool
	MaxFeed      int64 // largest feed body
	MaxPage      int64 // largest page body
	Timeout      time.Duration
	UserAgent    string

	client *http.Client
}

// ErrPrivateAddress is returned for a URL that resolves to an address
// that is not public.
var ErrPrivateAddress = errors.New("refused: private, loopback or link-local address (use --allow-private to fetch it)")

// NewFetcher returns a Fetcher with marsad's limits: 10 MB feeds, 5 MB
// pages, 30 s per request.
func NewFetcher(allowPrivate bool) *Fetcher {
	f := &Fetcher{AllowPrivate: allowPrivate, MaxFeed: 10 << 20, MaxPage: 5 << 20, Timeout: 30 * time.Second,
		UserAgent: "marsad/1 (+https://github.com/marsad-project/marsad)"}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: f.control}
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       60 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
	}
	f.client = &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("too many redirects")
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s refused", req.URL.Scheme)
			}
			return nil
		},
	}
	return f
}

// control vets the address a connection is about to be made to.
func (f *Fetcher) control(network, address string, _ syscall.RawConn) error {
	if f.AllowPrivate {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	if !PublicAddr(ap.Addr()) {
		return fmt.Errorf("%s: %w", ap.Addr(), ErrPrivateAddress)
	}
	return nil
}

var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
	netip.MustParsePrefix("2001:db8::/32"),
}

// PublicAddr reports whether a is a public unicast address.
func PublicAddr(a netip.Addr) bool {
	a = a.Unmap()
	if !a.IsValid() || a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsInterfaceLocalMulticast() || a.IsMulticast() || a.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// Response is a fetched body with its validators.
type Response struct {
	URL          string // final URL after redirects
	Status       int
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
}

// ErrTooLarge is returned for a response over the size limit.
var ErrTooLarge = errors.New("response larger than the limit")

// Get fetches u with an optional conditional request (etag,
// lastModified). A 304 answer comes back with Status 304 and no body.
func (f *Fetcher) Get(ctx context.Context, u string, limit int64, etag, lastModified string) (*Response, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return nil, err
	}
	if pu.Scheme != "http" && pu.Scheme != "https" {
		return nil, fmt.Errorf("%s: only http and https URLs are fetched", u)
	}
	if f.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, f.Timeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.UserAgent)
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		if errors.Is(err, ErrPrivateAddress) {
			return nil, fmt.Errorf("%s: %w", u, ErrPrivateAddress)
		}
		return nil, err
	}
	defer resp.Body.Close()
	out := &Response{URL: resp.Request.URL.String(), Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"),
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	if resp.StatusCode == http.StatusNotModified {
		return out, nil
	}
	if resp.StatusCode != http.StatusOK {
		return out, fmt.Errorf("%s: HTTP %s", u, resp.Status)
	}
	if limit > 0 && resp.ContentLength > limit {
		return out, fmt.Errorf("%s: %w (%d > %d bytes)", u, ErrTooLarge, resp.ContentLength, limit)
	}
	var r io.Reader = resp.Body
	if limit > 0 {
		r = io.LimitReader(resp.Body, limit+1)
	}
	out.Body, err = io.ReadAll(r)
	if err != nil {
		return out, fmt.Errorf("%s: %w", u, err)
	}
	if limit > 0 && int64(len(out.Body)) > limit {
		return out, fmt.Errorf("%s: %w (%d bytes)", u, ErrTooLarge, limit)
	}
	return out, nil
}

// isHTML reports an HTML content type (or none, for lax servers).
func isHTML(ct string) bool {
	ct = strings.ToLower(ct)
	return ct == "" || strings.Contains(ct, "html")
}
