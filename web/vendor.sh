#!/usr/bin/env bash
# Copies the explorer's front-end libraries from npm into static/vendor, where
# the Go binary embeds them (the explorer must work offline: no CDN). Run it
# after changing package.json and commit what it writes; builds and CI never
# run it, they use the committed files.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --ignore-scripts
mkdir -p static/vendor
cp node_modules/cytoscape/dist/cytoscape.min.js static/vendor/
cp node_modules/cytoscape/LICENSE static/vendor/cytoscape.LICENSE
rm -rf node_modules
