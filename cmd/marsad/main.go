// Command marsad codes Arabic news into structured political event data.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/marsad-project/marsad/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
