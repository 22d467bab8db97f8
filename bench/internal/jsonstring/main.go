// Command jsonstring writes its standard input as one JSON string, for
// benchmark scripts that assemble JSON Lines documents.
package main

import (
	"encoding/json"
	"io"
	"os"
)

func main() {
	b, err := io.ReadAll(os.Stdin)
	if err != nil {
		os.Exit(1)
	}
	json.NewEncoder(os.Stdout).Encode(string(b))
}
