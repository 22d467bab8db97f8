// Package web holds the explorer's static files, embedded in the binary so
// that the explorer works offline. Third-party libraries live in
// static/vendor, copied from npm by vendor.sh (see package.json for versions).
package web

import "embed"

// Static is the explorer's file tree, rooted at "static".
//
//go:embed static
var Static embed.FS
